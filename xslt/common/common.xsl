<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared layer of the teikit stylesheets (HTML and XSL-FO import it).

  Everything here is output-neutral: keys and functions that return strings,
  numbers or TEI nodes. How a thing looks is decided by the importing stylesheet.

  Conventions
  - A "register entry" is a person, personGrp, org, place, bibl, biblStruct or event with an
    xml:id; a "mention" is an element inside tei:text whose @ref points at one ("#id").
  - Numbered notes: footnotes, end notes, glosses and any note not placed inline; paraphrases
    and inline notes stay in the running text.
  - Quotation marks follow nesting: “ ” outside, ‘ ’ inside, alternating further in.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:math="http://www.w3.org/2005/xpath-functions/math"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:tk="urn:teikit"
  exclude-result-prefixes="#all">

  <!--
    The encoding's tables, defined once in Python (src/teikit/convert/conventions.py) and given
    to every stylesheet by teikit.render as JSON: {"quote-marks": {rend: [open, close]},
    "signatures": {rend: word}, "signature-dash": dash, "signature-dashes": {rend: dash},
    "brackets": [open, close], "stage-marks": {rend: [open, close]}}. Nothing here repeats them.
  -->
  <xsl:param name="tk:conventions" as="xs:string" required="yes"/>
  <xsl:variable name="tk:tables" as="map(*)" select="parse-json($tk:conventions)"/>
  <!-- quote/@rend token → (opening, closing) mark -->
  <xsl:variable name="tk:marks-by-rend" as="map(xs:string, xs:string+)" select="map:merge(
    map:for-each($tk:tables?quote-marks, function ($rend, $marks) { map:entry($rend, $marks?*) }))"/>
  <!-- note/@rend token → the signature's word ("Ed.", "Trans." …) and dash -->
  <xsl:variable name="tk:signatures" as="map(xs:string, xs:string)" select="$tk:tables?signatures"/>
  <xsl:variable name="tk:signature-dash" as="xs:string" select="$tk:tables?signature-dash"/>
  <xsl:variable name="tk:signature-dashes" as="map(xs:string, xs:string)" select="$tk:tables?signature-dashes"/>
  <!-- the brackets of editorial insertions -->
  <xsl:variable name="tk:brackets" as="xs:string+" select="$tk:tables?brackets?*"/>
  <!-- stage/@rend token → (opening, closing) mark around a stage direction: "(Applause.)" -->
  <xsl:variable name="tk:stage-marks-by-rend" as="map(xs:string, xs:string+)" select="map:merge(
    map:for-each($tk:tables?stage-marks, function ($rend, $marks) { map:entry($rend, $marks?*) }))"/>

  <!-- the parts, in the order their templates were written (on ties, the later wins) -->
  <xsl:include href="blocks.xsl"/>
  <xsl:include href="names.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="text.xsl"/>
  <xsl:include href="header.xsl"/>

</xsl:stylesheet>
