<?xml version="1.0" encoding="UTF-8"?>
<!--
  Structure: sections, containers and the block each node belongs to.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:math="http://www.w3.org/2005/xpath-functions/math"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:tk="urn:teikit"
  exclude-result-prefixes="#all">

  <!-- ===== structure ===== -->

  <xsl:function name="tk:is-structural" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/(self::tei:div | self::tei:div1 | self::tei:div2 | self::tei:div3
      | self::tei:div4 | self::tei:div5 | self::tei:div6 | self::tei:div7 | self::tei:body
      | self::tei:front | self::tei:back | self::tei:group | self::tei:text | self::tei:TEI
      | self::tei:teiCorpus | self::tei:floatingText))"/>
  </xsl:function>

  <!-- A container lays its children out as blocks: every ancestor is structural, too. -->
  <xsl:function name="tk:is-container" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="tk:is-structural($e) and not($e/self::tei:TEI or $e/self::tei:teiCorpus)
      and (every $a in $e/ancestor::* satisfies tk:is-structural($a))"/>
  </xsl:function>

  <!-- A section: a container division (div, div1 … div7). -->
  <xsl:function name="tk:is-section" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="starts-with(local-name($e), 'div') and namespace-uri($e) = 'http://www.tei-c.org/ns/1.0'
      and not($e/self::tei:divGen) and tk:is-container($e)"/>
  </xsl:function>

  <xsl:accumulator name="tk:section-number" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="*[tk:is-section(.)]" select="$value + 1"/>
  </xsl:accumulator>

  <!-- The block a node belongs to: the ancestor-or-self whose parent is a container. -->
  <xsl:function name="tk:owner-block" as="element()?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="$n/ancestor-or-self::*[parent::*[tk:is-container(.)]][1]"/>
  </xsl:function>

</xsl:stylesheet>
