<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared layer of the teikit stylesheets (HTML and XSL-FO import it).

  Everything here is output-neutral: keys, accumulators and functions that return strings,
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
    The accumulators below (note numbers, mention numbers, section numbers) must be applicable
    to the source document: an importing stylesheet that declares the unnamed mode itself
    keeps this setting unless it gives use-accumulators a value of its own.
  -->
  <xsl:mode use-accumulators="#all"/>

  <!-- the parts, in the order their templates were written (on ties, the later wins) -->
  <xsl:include href="blocks.xsl"/>
  <xsl:include href="names.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="text.xsl"/>
  <xsl:include href="header.xsl"/>

</xsl:stylesheet>
