<?xml version="1.0" encoding="UTF-8"?>
<!--
  The site's index page: one entry per text with author, title, source and date.
  Input: <site xmlns="urn:teikit:site"><text href="NAME.html"><tei:teiHeader/></text>…</site>
  (written by teikit.render.html.site_manifest).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:tk="urn:teikit"
  xmlns:site="urn:teikit:site"
  exclude-result-prefixes="#all">

  <xsl:import href="common/common.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <xsl:param name="assets" as="xs:string" select="'assets/'"/>

  <xsl:function name="site:date" as="xs:string?">
    <xsl:param name="text" as="element()"/>
    <xsl:variable name="h" select="$text/tei:teiHeader"/>
    <xsl:variable name="d" select="($h/tei:fileDesc/tei:sourceDesc//tei:imprint/tei:date,
      $h/tei:profileDesc/tei:creation/tei:date, $h/tei:fileDesc/tei:publicationStmt/tei:date)[1]"/>
    <xsl:sequence select="if (not($d)) then () else if ($d/@when or $d/@from) then tk:date-label($d) else tk:plain($d)"/>
  </xsl:function>

  <xsl:template match="/site:site">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>Texts</title>
        <link rel="stylesheet" href="{$assets}edition.css"/>
        <link rel="stylesheet" href="{$assets}print.css" media="print"/>
      </head>
      <body class="site-index">
        <main id="main">
          <h1>Texts</h1>
          <p class="intro">Reading editions generated from TEI P5 encodings. Each page has the
            text, its notes, the sources it was taken from, and indices of the persons,
            organisations, places and periodicals it names.</p>
          <ol class="text-list">
            <xsl:for-each select="site:text">
              <xsl:variable name="source" select="tk:source-line(.)"/>
              <xsl:variable name="date" select="site:date(.)"/>
              <li class="text-entry">
                <p class="text-author"><xsl:value-of select="(string-join(tk:authors(.), ', ')[.], 'Anonymous')[1]"/></p>
                <p class="text-title">
                  <a href="{@href}"><xsl:value-of select="string-join((tk:main-title(.), tk:sub-title(.)), ': ')"/></a>
                </p>
                <xsl:if test="$source">
                  <p class="text-source"><span class="field">Source:</span><xsl:text> </xsl:text><xsl:value-of select="$source"/></p>
                </xsl:if>
                <xsl:if test="$date">
                  <p class="text-date"><span class="field">Date:</span><xsl:text> </xsl:text><xsl:value-of select="$date"/></p>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>

</xsl:stylesheet>
