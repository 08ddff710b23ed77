<?xml version="1.0" encoding="UTF-8"?>
<!--
  Back matter generated from the text: the concordance of Old Style dates, the index.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:array="http://www.w3.org/2005/xpath-functions/array"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:eg="http://www.tei-c.org/ns/Examples"
    xmlns:f="urn:teikit:fo"
    xmlns:tk="urn:teikit"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- ================================================================== back matter -->

  <xsl:template name="date-concordance">
    <xsl:variable name="doc" select="."/>
    <fo:block id="{f:id(.)}-dates">
      <xsl:call-template name="part-heading">
        <xsl:with-param name="text" select="'Dates in the Old Style'"/>
      </xsl:call-template>
      <fo:block font-size="{$small-size}" space-after="4mm" text-align="justify">
        <xsl:text>Russia kept the Julian calendar (Old Style) until 31 January 1918; the next day was 14 February 1918 in the Gregorian calendar (New Style). The dates the text gives in the Old Style are these:</xsl:text>
      </fo:block>
      <fo:table table-layout="fixed" width="100%" font-size="{$small-size}">
        <fo:table-column column-width="proportional-column-width(5)"/>
        <fo:table-column column-width="proportional-column-width(4)"/>
        <fo:table-column column-width="proportional-column-width(1.2)"/>
        <fo:table-header>
          <fo:table-row font-style="italic">
            <fo:table-cell padding-after="1mm" border-after-style="solid" border-after-width="0.3pt"><fo:block>In the text (Old Style)</fo:block></fo:table-cell>
            <fo:table-cell padding-after="1mm" border-after-style="solid" border-after-width="0.3pt"><fo:block>New Style</fo:block></fo:table-cell>
            <fo:table-cell padding-after="1mm" border-after-style="solid" border-after-width="0.3pt"><fo:block text-align="right">Page</fo:block></fo:table-cell>
          </fo:table-row>
        </fo:table-header>
        <fo:table-body>
          <xsl:for-each select="f:julian-dates(.)">
            <fo:table-row>
              <fo:table-cell padding-before="0.6mm" padding-end="2mm"><fo:block><xsl:value-of select="normalize-space(.)"/></fo:block></fo:table-cell>
              <fo:table-cell padding-before="0.6mm"><fo:block><xsl:value-of select="f:new-style(.)"/></fo:block></fo:table-cell>
              <fo:table-cell padding-before="0.6mm"><fo:block text-align="right"><fo:page-number-citation ref-id="{f:date-id(.)}"/></fo:block></fo:table-cell>
            </fo:table-row>
          </xsl:for-each>
        </fo:table-body>
      </fo:table>
    </fo:block>
  </xsl:template>

  <xsl:function name="f:julian-dates" as="element()*" cache="yes">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="$doc/text//date[tk:is-julian(.)][@when castable as xs:date or (@from and @to)][f:can-hold-id(.)]"/>
  </xsl:function>

  <!-- the New Style reading of an Old Style date or period -->
  <xsl:function name="f:new-style" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="if ($date/@when) then tk:format-iso($date/@when) else tk:format-range($date/@from, $date/@to)"/>
  </xsl:function>

  <xsl:function name="f:date-id" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="concat('date-', generate-id($date))"/>
  </xsl:function>

  <!-- the index of persons, organisations and places -->
  <xsl:variable name="index-kinds" as="xs:string+" select="('person', 'org', 'place')"/>

  <xsl:template name="index">
    <xsl:variable name="mentions" select="f:mentions(.)"/>
    <fo:block id="{f:id(.)}-index" span="all">
      <xsl:call-template name="part-heading">
        <xsl:with-param name="text" select="'Index'"/>
      </xsl:call-template>
    </fo:block>
    <fo:block font-size="{$small-size}" line-height="1.3" text-align="left" hyphenate="false">
      <xsl:for-each-group select="$mentions" group-by="tk:entry-kind(tk:entry(.))">
        <xsl:sort select="index-of($index-kinds, current-grouping-key())"/>
        <fo:block font-style="italic" space-before="4mm" space-after="1.5mm" keep-with-next.within-column="always">
          <xsl:value-of select="tk:kind-heading(current-grouping-key())"/>
        </fo:block>
        <xsl:for-each-group select="current-group()" group-by="tk:mention-id(.)">
          <xsl:sort select="tk:sort-key(tk:entry(.))" lang="en"/>
          <fo:block start-indent="3mm" text-indent="-3mm" space-after="0.6mm" keep-together.within-column="always">
            <xsl:value-of select="tk:display-name(tk:entry(.))"/>
            <xsl:for-each select="current-group()[f:is-cited(.)]">
              <!-- looked up once: the link and the citation name the same mention -->
              <xsl:variable name="id" select="f:mention-id(.)"/>
              <xsl:value-of select="if (position() = 1) then '  ' else ', '"/>
              <fo:basic-link internal-destination="{$id}">
                <fo:page-number-citation ref-id="{$id}"/>
              </fo:basic-link>
            </xsl:for-each>
          </fo:block>
        </xsl:for-each-group>
      </xsl:for-each-group>
    </fo:block>
  </xsl:template>

  <!-- in 'auto' mode the first mention of an entry in each block is cited; otherwise the listed ones -->
  <xsl:function name="f:is-cited" as="xs:boolean">
    <xsl:param name="m" as="element()"/>
    <xsl:choose>
      <xsl:when test="$index-cite = 'all'">
        <xsl:sequence select="true()"/>
      </xsl:when>
      <xsl:when test="$index-cite = 'auto'">
        <xsl:sequence select="(f:first-in-block($m/ancestor::TEI[1])(generate-id($m)),
          f:first-in-block-of($m))[1]"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="f:mention-id($m) = $cited-ids"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- Whether no mention of the same entry the index lists comes before $m in its block. -->
  <xsl:function name="f:first-in-block-of" as="xs:boolean">
    <xsl:param name="m" as="element()"/>
    <xsl:variable name="key" select="tk:mention-id($m)"/>
    <xsl:variable name="block" select="f:index-block($m)"/>
    <xsl:sequence select="empty($block) or empty(($block//*[@ref][. &lt;&lt; $m])[exists(f:mention-id(.))][tk:mention-id(.) = $key])"/>
  </xsl:function>

  <xsl:function name="f:index-block" as="element()?">
    <xsl:param name="m" as="element()"/>
    <xsl:sequence select="$m/ancestor::*[self::p or self::ab or self::l or self::item or self::cell
                                         or self::head or self::quote or self::note[f:is-footnote(.)]][1]"/>
  </xsl:function>

  <!-- f:first-in-block-of for every mention the index lists, in one pass (by generate-id): the
       mentions of an entry in document order; one is first in its block unless the one before
       it comes after the start of that block (then it is inside it, since the block holds $m). -->
  <xsl:function name="f:first-in-block" as="map(xs:string, xs:boolean)" cache="yes">
    <xsl:param name="doc" as="element()?"/>
    <xsl:variable name="mentions" select="if ($doc) then f:mentions($doc) else ()"/>
    <xsl:sequence select="map:merge(
      for $group in tk:positions-by-key($mentions ! tk:mention-id(.)), $k in 1 to array:size($group)
      return let $m := $mentions[xs:integer($group($k))], $block := f:index-block($m)
        return map:entry(generate-id($m), empty($block) or $k = 1
          or not($mentions[xs:integer($group($k - 1))] &gt;&gt; $block)))"/>
  </xsl:function>

  <xsl:variable name="cited-ids" as="xs:string*" select="tokenize($index-cite)"/>

  <!-- mentions the index lists: elements of the text pointing at a person, organisation or place
       of the register (common.xsl), printed once, not nested in a mention of the same entry -->
  <xsl:function name="f:mentions" as="element()*" cache="yes">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="for $m in $doc/text//*[@ref][tk:entry-kind(tk:entry(.)) = $index-kinds]
        return $m[empty($m/ancestor::*[@ref][tk:mention-id(.) = tk:mention-id($m)])][f:can-hold-id($m)]"/>
  </xsl:function>

  <!-- printed exactly once: not in a reading the print edition leaves out, not in suppressed or verbatim parts -->
  <xsl:function name="f:can-hold-id" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="f:within-printed($e/..)"/>
  </xsl:function>

  <!-- No ancestor-or-self of $a is suppressed, verbatim or a reading left out: asked of each
       element once (remembered), through its parent, as the mentions of a paragraph share
       their ancestors. -->
  <xsl:function name="f:within-printed" as="xs:boolean" cache="yes">
    <xsl:param name="a" as="node()?"/>
    <xsl:sequence select="not($a instance of element()) or (
        not($a[map:contains($f:suppressed, local-name()) or self::eg:egXML or self::eg
            or self::code[tk:is-displayed(.)] or self::kinesic or self::incident or self::vocal
            or self::divGen])
        and (not($a/parent::choice) or $a is f:chosen($a/..))
        and (not($a/parent::app) or $a is ($a/../(lem, rdg, rdgGrp))[1])
        and f:within-printed($a/..))"/>
  </xsl:function>

  <xsl:function name="f:mention-id" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="f:mention-ids($e/ancestor::TEI[1])(generate-id($e))"/>
  </xsl:function>

  <!-- ix.K.N: K numbers the entry, N the mention among those the index lists (tk:mention-numbers;
       stable across runs, unlike generate-id) -->
  <xsl:function name="f:mention-ids" as="map(xs:string, xs:string)" cache="yes">
    <xsl:param name="doc" as="element()?"/>
    <!-- the 'entry' and 'mention' numbers of tk:mention-numbers, made here in one pass -->
    <xsl:variable name="mentions" select="if ($doc) then f:mentions($doc) else ()"/>
    <xsl:variable name="ids" as="xs:string*" select="$mentions ! tk:mention-id(.)"/>
    <xsl:variable name="keys" select="distinct-values($ids)"/>
    <xsl:variable name="entries" as="map(xs:string, xs:integer)"
        select="map:merge(for-each-pair($keys, 1 to count($keys), map:entry#2))"/>
    <xsl:sequence select="map:merge(for $i in 1 to count($mentions) return
        map:entry(generate-id($mentions[$i]), 'ix.' || $entries($ids[$i]) || '.' || $i))"/>
  </xsl:function>

</xsl:stylesheet>
