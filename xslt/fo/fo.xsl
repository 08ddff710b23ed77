<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI P5 → XSL-FO: the print edition, rendered to PDF by Apache FOP (configuration in fop/fop.xconf).

  The book: title page and imprint (from the header), a note on the edition (editorialDecl),
  contents, the text (headnote set apart, sections with running heads, footnotes), a concordance
  of Old Style dates and an index of persons, organisations and places.

  Parameters
    page-size    'A5' (default) or 'A4'.
    index-cite   'auto' (default): the index cites the first mention of a name in each paragraph;
                 'all': every mention; otherwise a space-separated list of the mention ids (ix.K.N)
                 to cite. The PDF renderer lays the book out with 'all', finds the page of every
                 mention and keeps the first mention on each page (fo/index-pages.xsl), so that
                 no page number is printed twice.

  Conventions shared with the HTML edition (which notes are numbered, quotation marks by nesting,
  date labels, register lookups, the description of the source) come from common.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:eg="http://www.tei-c.org/ns/Examples"
    xmlns:f="urn:teikit:fo"
    xmlns:tk="urn:teikit"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- conventions shared with the HTML edition: notes, quotation marks, dates, register, header -->
  <xsl:import href="../common/common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="page-size" as="xs:string" select="'A5'"/>
  <xsl:param name="index-cite" as="xs:string" select="'auto'"/>

  <!-- ================================================================== geometry and type -->

  <xsl:variable name="a4" as="xs:boolean" select="upper-case($page-size) = 'A4'"/>
  <xsl:variable name="page-width" select="if ($a4) then '210mm' else '148mm'"/>
  <xsl:variable name="page-height" select="if ($a4) then '297mm' else '210mm'"/>
  <xsl:variable name="margin-top" select="if ($a4) then '18mm' else '12mm'"/>
  <xsl:variable name="margin-bottom" select="if ($a4) then '18mm' else '12mm'"/>
  <xsl:variable name="margin-inner" select="if ($a4) then '34mm' else '19mm'"/>
  <xsl:variable name="margin-outer" select="if ($a4) then '28mm' else '15mm'"/>
  <xsl:variable name="head-space" select="if ($a4) then '12mm' else '10mm'"/>
  <xsl:variable name="foot-space" select="if ($a4) then '10mm' else '8mm'"/>
  <xsl:variable name="body-size" select="if ($a4) then '11pt' else '9.5pt'"/>
  <xsl:variable name="body-leading" select="if ($a4) then '14.5pt' else '12.5pt'"/>
  <xsl:variable name="small-size" select="if ($a4) then '9.5pt' else '8.5pt'"/>
  <xsl:variable name="note-size" select="if ($a4) then '8.5pt' else '7.5pt'"/>
  <xsl:variable name="serif" select="'DejaVu Serif Condensed, DejaVu Serif, DejaVu Sans, DejaVu Sans Mono'"/>
  <xsl:variable name="mono" select="'DejaVu Sans Mono, DejaVu Sans'"/>

  <xsl:variable name="hyphenated-languages" select="('en', 'fr', 'de', 'it', 'es', 'nl', 'pt', 'la')"/>
  <!-- the parts, in the order their templates were written (on ties, the later wins) -->
  <xsl:include href="book.xsl"/>
  <xsl:include href="blocks.xsl"/>
  <xsl:include href="phrases.xsl"/>
  <xsl:include href="back.xsl"/>

  <!-- ================================================================== helpers -->

  <!-- a running head fits on one line: long titles are cut at a word and end in … -->
  <xsl:function name="f:short" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:variable name="max" select="if ($a4) then 80 else 55"/>
    <xsl:sequence select="if (string-length($text) le $max) then $text
                          else concat(replace(substring($text, 1, $max - 1), '\s+\S*$', ''), ' …')"/>
  </xsl:function>

  <xsl:function name="f:id" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="concat('n-', generate-id($e))"/>
  </xsl:function>

  <xsl:function name="f:who-label" as="xs:string">
    <xsl:param name="who" as="attribute()"/>
    <xsl:variable name="id" select="substring-after(tokenize(normalize-space($who))[1], '#')"/>
    <xsl:variable name="person" select="root($who)//*[@xml:id = $id][1]"/>
    <xsl:sequence select="if ($person) then (tk:plain(($person/(persName | name | label))[1]), $id)[normalize-space()][1]
                          else (normalize-space($who))"/>
  </xsl:function>

  <!-- ================================================================== candidates for common.xsl -->

  <!-- a name made of parts (forename, surname …) that the source wrote without spaces between
       them: "Charles Dickens", not "CharlesDickens" (tk:plain joins text nodes as they are) -->
  <xsl:function name="f:name-text" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="normalize-space(string-join($name//text()[normalize-space()]
        [empty(ancestor::*[self::note or self::sic[parent::choice] or self::abbr[parent::choice] or self::orig[parent::choice]])]
        ! normalize-space(.), ' '))"/>
  </xsl:function>

</xsl:stylesheet>
