<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI → the digest of one text: what the edition-wide pages (index, registers, chronology,
  search) need to know about it, so that they are built without reading every TEI file again.

  The paragraph numbers and mention anchors are the reading page's own (html/html.xsl is imported,
  its functions decide them), so every link from an edition-wide page lands
  where the page puts the paragraph or the name. The paragraph text is the reading page's text
  of the paragraph, without the explanations that only show on hover (role=tooltip).

  Output (namespace urn:teikit:site):
    <digest name="NAME" sort="ISO date of the text">
      <title/> <author/> <date/> (the text's own date: written, else first published, else the
      source's)  <tei:teiHeader/> (a copy, without ids)
      <entry key="ID" kind="person|org|place|bibl|event"> (the register entry, ids as keys)
      <para n="2.3" anchor="p-2.3" section="heading" text="…">   (numbered blocks: the
        number and anchor of the reading page, h:paragraph-label and h:paragraph-anchor)
        <mention key="ID" kind="…" anchor="m-ID-3" where="para" para="2.3"/>
        <when iso="…" julian="…" label="…" where="para" para="2.3" anchor="p-2.3"/>
      mentions and dates outside numbered paragraphs: where="headnote|front|back|text"
    </digest>
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:tk="urn:teikit"
  xmlns:h="urn:teikit:html"
  xmlns:site="urn:teikit:site"
  exclude-result-prefixes="#all">

  <xsl:import href="html/html.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="name" as="xs:string" select="''"/>

  <xsl:mode name="site:digest"/>
  <xsl:mode name="site:copy" on-no-match="shallow-copy"/>

  <!-- The text's own date: when it was written, else first published, else the source's date. -->
  <xsl:function name="site:own-date" as="element()?">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="h" select="$root/tei:teiHeader"/>
    <xsl:sequence select="($h/tei:profileDesc/tei:creation/tei:date,
      $h/tei:fileDesc/tei:sourceDesc/tei:bibl[@type = 'firstPublication']/tei:date,
      $h/tei:fileDesc/tei:sourceDesc//tei:imprint/tei:date,
      $h/tei:fileDesc/tei:publicationStmt/tei:date)[1]"/>
  </xsl:function>

  <xsl:function name="site:iso" as="xs:string">
    <xsl:param name="d" as="element()?"/>
    <xsl:sequence select="string(($d/@when, $d/@from, $d/@notBefore, $d/@to, $d/@notAfter)[1])"/>
  </xsl:function>

  <xsl:function name="site:block" as="element()?">
    <xsl:param name="e" as="node()"/>
    <xsl:sequence select="$e/ancestor-or-self::*[h:is-numbered-block(.)][1]"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:variable name="root" select="(tei:TEI, tei:teiCorpus)[1]"/>
    <xsl:variable name="date" select="site:own-date($root)"/>
    <site:digest name="{$name}" sort="{site:iso($date)}">
      <site:title><xsl:value-of select="string-join((tk:main-title($root), tk:sub-title($root)), ': ')"/></site:title>
      <site:author><xsl:value-of select="string-join(tk:authors($root), ', ')"/></site:author>
      <site:date>
        <xsl:value-of select="if (not($date)) then () else if ($date/@when or $date/@from) then tk:date-label($date) else tk:plain($date)"/>
      </site:date>
      <xsl:apply-templates select="$root/tei:teiHeader" mode="site:copy"/>
      <xsl:for-each select="$root//tei:standOff//*[tk:entry-kind(.) != ''][@xml:id]">
        <site:entry key="{@xml:id}" kind="{tk:entry-kind(.)}">
          <xsl:apply-templates select="." mode="site:copy"/>
          <xsl:for-each select="tk:relation-groups(.)">
            <xsl:variable name="label" select="?label"/>
            <xsl:for-each select="?entries">
              <site:rel label="{$label}" key="{@xml:id}" kind="{tk:entry-kind(.)}" name="{tk:display-name(.)}"/>
            </xsl:for-each>
          </xsl:for-each>
        </site:entry>
      </xsl:for-each>
      <xsl:apply-templates select="$root//tei:text" mode="site:digest"/>
    </site:digest>
  </xsl:template>

  <xsl:template match="@xml:id" mode="site:copy">
    <xsl:attribute name="key" select="."/>
  </xsl:template>

  <xsl:template match="*[h:is-numbered-block(.)]" mode="site:digest" priority="2">
    <xsl:variable name="n" select="h:paragraph-label(.)"/>
    <xsl:variable name="section" select="tk:section-heading(ancestor::*[tk:is-section(.)][tei:head][1])"/>
    <xsl:variable name="shown">
      <xsl:apply-templates select="node()"/>
    </xsl:variable>
    <site:para n="{$n}" anchor="{h:paragraph-anchor(.)}" section="{$section}"
      text="{normalize-space(string-join($shown/descendant-or-self::text()[not(ancestor::*[@role = 'tooltip'])], ''))}">
      <xsl:apply-templates select="node()" mode="site:facts"/>
    </site:para>
  </xsl:template>

  <xsl:template match="*[@ref]" mode="site:digest site:facts" priority="1">
    <xsl:variable name="id" select="tk:mention-id(.)"/>
    <xsl:if test="$id">
      <site:mention key="{$id}" kind="{tk:entry-kind(tk:entry(.))}" anchor="{h:mention-anchor(.)}"
        para="{site:block(.) ! h:paragraph-label(.)}"
        where="{if (site:block(.)) then 'para'
                else if (ancestor::tei:div[@type = ('headnote', 'afterword')]) then 'headnote'
                else if (ancestor::tei:front) then 'front'
                else if (ancestor::tei:back) then 'back' else 'text'}"/>
    </xsl:if>
    <xsl:if test="not(self::tei:date)">
      <xsl:apply-templates select="node()" mode="#current"/>
    </xsl:if>
  </xsl:template>

  <!-- Dates of the text itself: in the body and its notes, not the header lines or the title page. -->
  <xsl:template match="tei:date[@when or @from][ancestor::tei:body or ancestor::tei:back]" mode="site:digest site:facts" priority="3">
    <xsl:variable name="block" select="site:block(.)"/>
    <site:when iso="{site:iso(.)}" to="{string(@to)}" label="{tk:date-label(.)}" written="{normalize-space(tk:plain(.))}"
      julian="{if (tk:is-julian(.)) then string((@when-custom, @from-custom)[1]) else ''}"
      where="{if ($block) then 'para' else 'text'}" para="{$block ! h:paragraph-label(.)}"
      anchor="{if ($block) then h:paragraph-anchor($block) else 'main'}"/>
  </xsl:template>

  <xsl:template match="text()" mode="site:digest site:facts"/>
</xsl:stylesheet>
