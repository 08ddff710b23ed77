<?xml version="1.0" encoding="UTF-8"?>
<!--
  XSL-FO → XSL-FO: the index keeps only the page citations of the mentions it should cite.

  fo.xsl with index-cite='all' cites every mention of a name; once FOP has laid the book out, the
  PDF renderer knows the page of each mention and passes the first mention on each page as
  `cited`. This stylesheet drops the other citations from the index entries and nothing else, so
  the result is the FO that fo.xsl writes with index-cite set to that list, without running fo.xsl
  on the TEI a second time.

  Parameters
    cited   space-separated mention ids (ix.K.N) whose page numbers the index prints.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    exclude-result-prefixes="#all">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:mode on-no-match="shallow-copy"/>

  <xsl:param name="cited" as="xs:string" select="''"/>
  <xsl:variable name="keep" as="map(xs:string, xs:boolean)"
      select="map:merge(tokenize($cited) ! map:entry(., true()))"
      xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>

  <!-- an index entry: the name, two spaces, then the cited pages separated by commas (fo.xsl) -->
  <xsl:template match="fo:block[fo:basic-link[starts-with(fo:page-number-citation/@ref-id, 'ix.')]]">
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:value-of select="replace(string(text()[1]), '  $', '')"/>
      <xsl:for-each select="fo:basic-link[map:contains($keep, string(@internal-destination))]"
          xmlns:map="http://www.w3.org/2005/xpath-functions/map">
        <xsl:value-of select="if (position() = 1) then '  ' else ', '"/>
        <xsl:copy-of select="."/>
      </xsl:for-each>
    </xsl:copy>
  </xsl:template>

</xsl:stylesheet>
