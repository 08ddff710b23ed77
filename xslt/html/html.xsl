<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI P5 → HTML5 reading edition.

  One small template per TEI element; shared logic (names, dates, notes, quotation marks) is in
  common.xsl. Elements without a template of their own fall back to a generic <div> or <span>
  by context, so no text is ever dropped.

  Parameters
    assets  URL prefix of the static assets (CSS, JavaScript), default "assets/"
    home    URL of the page listing all texts; empty: no link
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:tk="urn:teikit"
  xmlns:h="urn:teikit:html"
  exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <xsl:param name="assets" as="xs:string" select="'assets/'"/>
  <xsl:param name="home" as="xs:string" select="''"/>
  <!-- what the page's head says about the text (JSON: "dc" pairs, "schema_org" JSON-LD), from
       teikit's metadata mapping; empty when the stylesheet runs outside teikit -->
  <xsl:param name="metadata" as="xs:string" select="''"/>

  <!-- Each tooltip (gap, repair, date) gets a stable id from its position. -->
  <xsl:function name="h:tip-numbers" as="map(xs:string, xs:integer)" cache="yes">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="tk:numbering($root//(tei:gap | tei:choice | tei:date))"/>
  </xsl:function>

  <!-- Paragraphs and block quotations of the body and of the appendices that end the text are
       numbered, so that a passage can be cited. -->
  <xsl:function name="h:is-numbered-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="($e/self::tei:p or $e/self::tei:ab or ($e/self::tei:quote and tk:is-block-quote($e))
      or ($e/self::tei:sp and tk:is-run-in-turn($e)) or $e/self::tei:lg)
      and exists($e/ancestor::tei:body | $e/ancestor::tei:div[@type = 'appendix'][ancestor::tei:back])
      and exists($e/parent::*[tk:is-container(.)])
      and not(tk:is-separator($e))"/>
  </xsl:function>

  <xsl:function name="h:paragraph-numbers" as="map(xs:string, xs:integer)" cache="yes">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="tk:numbering($root//(tei:p | tei:ab | tei:quote | tei:sp | tei:lg)[h:is-numbered-block(.)])"/>
  </xsl:function>

  <xsl:template name="h:paragraph-number">
    <xsl:param name="inline" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:if test="not($inline) and h:is-numbered-block(.)">
      <xsl:variable name="n" select="h:paragraph-label(.)"/>
      <xsl:choose>
        <!-- teikit's stable ids (section.position): the block itself carries the id -->
        <!-- (the anchors h:paragraph-anchor gives, from the label already known) -->
        <xsl:when test="h:has-stable-number(.)">
          <a class="para-num" href="#{@xml:id}" aria-label="Paragraph {$n}"><xsl:value-of select="$n"/></a>
        </xsl:when>
        <xsl:otherwise>
          <a class="para-num" id="para-{$n}" href="#para-{$n}" aria-label="Paragraph {$n}"><xsl:value-of select="$n"/></a>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- A numbered block's number as the reader sees it ("2.3", or "12" in a TEI without teikit's
       stable ids) and the anchor a link to it uses: the page's and the edition pages' own. -->
  <xsl:function name="h:has-stable-number" as="xs:boolean">
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="exists($block/@xml:id) and normalize-space($block/@n) != ''"/>
  </xsl:function>
  <xsl:function name="h:paragraph-label" as="xs:string">
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="if (h:has-stable-number($block)) then string($block/@n)
      else string(h:paragraph-numbers(root($block))(generate-id($block)))"/>
  </xsl:function>
  <xsl:function name="h:paragraph-anchor" as="xs:string">
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="if (h:has-stable-number($block)) then string($block/@xml:id)
      else 'para-' || h:paragraph-label($block)"/>
  </xsl:function>

  <!-- ===== helpers ===== -->

  <!-- Does the element hold blocks (common/blocks.xsl) outside its numbered notes, which are set
       apart anyway? Then a paragraph-like element becomes a <div>, so the blocks can stand. -->
  <xsl:function name="h:holds-blocks" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/descendant::*[not(self::tei:*[$tk:element-kinds(local-name()) = 'phrase']
      [not(self::tei:address)])][tk:is-block(.)]
      [not(ancestor::tei:note[tk:is-numbered-note(.)] intersect $e/descendant::tei:note)])"/>
  </xsl:function>

  <xsl:function name="h:section-id" as="xs:string">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="if ($div/@xml:id) then string($div/@xml:id) else 's' || tk:section-number($div)"/>
  </xsl:function>

  <xsl:function name="h:mention-anchor" as="xs:string">
    <xsl:param name="m" as="element()"/>
    <xsl:sequence select="'m-' || tk:mention-id($m) || '-' || tk:mention-number($m)"/>
  </xsl:function>

  <xsl:function name="h:tip-id" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="numbers" select="h:tip-numbers(root($e))"/>
    <xsl:sequence select="'tip-' || ($numbers(generate-id($e)),
      ($e/ancestor::* | $e/preceding::*)[self::tei:gap or self::tei:choice or self::tei:date][last()]
        ! $numbers(generate-id(.)), 0)[1]"/>
  </xsl:function>

  <xsl:function name="h:class" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="normalize-space(string-join(('tei-' || local-name($e),
      if ($e/@type) then 'type-' || replace(normalize-space($e/@type), '[^\w-]+', '-') else ()), ' '))"/>
  </xsl:function>

  <!-- Attributes every rendered element carries over: language, the TEI id as a link target. -->
  <xsl:template name="h:common-attributes">
    <xsl:if test="@xml:lang and normalize-space(@xml:lang)">
      <xsl:attribute name="lang" select="@xml:lang"/>
    </xsl:if>
    <xsl:if test="@xml:id and not(tk:entry-kind(.) != '')">
      <xsl:attribute name="id" select="@xml:id"/>
    </xsl:if>
  </xsl:template>

  <!--
    Generic wrapper: a block element (default <div>) in block context, a <span class="… block">
    in inline context. $phrasing says whether the block element takes only phrasing content.
  -->
  <xsl:template name="h:wrap">
    <xsl:param name="block" as="xs:string" select="'div'"/>
    <xsl:param name="class" as="xs:string" select="h:class(.)"/>
    <xsl:param name="phrasing" as="xs:boolean" select="false()"/>
    <xsl:param name="inline" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="$inline">
        <span class="{$class} block">
          <xsl:call-template name="h:common-attributes"/>
          <xsl:apply-templates/>
        </span>
      </xsl:when>
      <xsl:when test="$phrasing and h:holds-blocks(.)">
        <div class="{$class}">
          <xsl:call-template name="h:common-attributes"/>
          <xsl:call-template name="h:paragraph-number"/>
          <xsl:apply-templates/>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:element name="{$block}">
          <xsl:attribute name="class" select="$class"/>
          <xsl:call-template name="h:common-attributes"/>
          <xsl:call-template name="h:paragraph-number"/>
          <xsl:apply-templates>
            <xsl:with-param name="inline" select="$phrasing" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="h:span">
    <xsl:param name="class" as="xs:string" select="h:class(.)"/>
    <xsl:param name="element" as="xs:string" select="'span'"/>
    <xsl:element name="{$element}">
      <xsl:attribute name="class" select="$class"/>
      <xsl:call-template name="h:common-attributes"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>
  <!-- a phrase the source wrote right after another with no space, where they must stand apart
       (tk:needs-space-before): the space first, then whatever template renders the element; the
       pattern asks first what the function asks first, which most elements fail, without a call -->
  <xsl:template match="tei:*[preceding-sibling::node()[1][self::*]][tk:needs-space-before(.)][not(tk:is-block(.))]" priority="20">
    <xsl:text> </xsl:text>
    <xsl:next-match/>
  </xsl:template>

  <!-- the parts, in the order their templates were written (on ties, the later wins) -->
  <xsl:include href="page.xsl"/>
  <xsl:include href="blocks.xsl"/>
  <xsl:include href="phrases.xsl"/>
  <xsl:include href="indices.xsl"/>
  <xsl:include href="edition.xsl"/>

</xsl:stylesheet>
