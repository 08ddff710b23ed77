<?xml version="1.0" encoding="UTF-8"?>
<!--
  The edition's mention counts for the reading pages' popovers ("all 37 mentions in 6 texts"):
  a script that sets window.teikitMentions = {"ENTRY-ID": [mentions, texts], …}.
  Input: the edition's list of texts with their digests (as for site.xsl). One edition-wide
  file, so that a reading page need not be rebuilt when another text mentions its names.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:site="urn:teikit:site"
  exclude-result-prefixes="#all">

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:key name="site:mentions" match="site:mention" use="@key"/>

  <xsl:template match="/site:site">
    <xsl:variable name="site" select="."/>
    <xsl:variable name="counts" select="map:merge(
      for $key in distinct-values(//site:mention/@key)
      return map{$key: [count(key('site:mentions', $key, $site)),
                        count(key('site:mentions', $key, $site)/ancestor::site:text)]})"/>
    <xsl:text>window.teikitMentions = </xsl:text>
    <xsl:value-of select="serialize($counts, map{'method': 'json'})"/>
    <xsl:text>;&#10;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
