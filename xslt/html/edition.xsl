<?xml version="1.0" encoding="UTF-8"?>
<!--
  The reading page as part of an edition (included by html/html.xsl): the previous and next texts,
  the downloads of this text, and from each index entry a link to the edition's register page.
  Nothing of this appears unless the build sets $edition.

  Parameters (all strings, set by teikit.render.edition.write_reading_page)
    edition        'yes' when the page is part of an edition
    prev, next     the neighbouring pages in the edition's order; prev-title, next-title
    position, count  where the text stands in the edition
    downloads      space-separated file names: NAME.xml, NAME.pdf, NAME.txt
    register-pages space-separated KIND=PAGE pairs (person=persons.html …)
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:tk="urn:teikit"
  xmlns:h="urn:teikit:html"
  exclude-result-prefixes="#all">

  <xsl:param name="edition" as="xs:string" select="''"/>
  <xsl:param name="prev" as="xs:string" select="''"/>
  <xsl:param name="prev-title" as="xs:string" select="''"/>
  <xsl:param name="next" as="xs:string" select="''"/>
  <xsl:param name="next-title" as="xs:string" select="''"/>
  <xsl:param name="position" as="xs:string" select="''"/>
  <xsl:param name="count" as="xs:string" select="''"/>
  <xsl:param name="downloads" as="xs:string" select="''"/>
  <xsl:param name="register-pages" as="xs:string"
    select="'person=persons.html org=organisations.html place=places.html bibl=titles.html event=events.html'"/>

  <xsl:variable name="h:download-labels" as="map(xs:string, xs:string)"
    select="map{'xml': 'TEI', 'pdf': 'PDF', 'txt': 'Plain text'}"/>

  <xsl:function name="h:register-page" as="xs:string?">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="(tokenize($register-pages)[starts-with(., $kind || '=')] ! substring-after(., '='))[1]"/>
  </xsl:function>

  <!-- In the site navigation: the edition's search and chronology. -->
  <xsl:template name="h:edition-links">
    <xsl:if test="$edition = 'yes'">
      <xsl:text> </xsl:text><a href="search.html">Search</a>
      <xsl:text> </xsl:text><a href="chronology.html">Chronology</a>
    </xsl:if>
  </xsl:template>

  <xsl:template name="h:edition-nav">
    <xsl:param name="where" as="xs:string" select="'start'"/>
    <xsl:if test="$edition = 'yes'">
      <nav class="edition-nav edition-nav-{$where}" aria-label="{if ($where = 'start') then 'Texts of the edition' else 'Texts of the edition (end of page)'}">
        <xsl:if test="$prev">
          <a class="nav-prev" rel="prev" href="{$prev}">
            <span class="nav-dir">Previous: </span><xsl:value-of select="$prev-title"/>
          </a>
        </xsl:if>
        <xsl:if test="$position and $count">
          <span class="nav-position"><xsl:value-of select="'Text ' || $position || ' of ' || $count"/></span>
        </xsl:if>
        <xsl:if test="$next">
          <a class="nav-next" rel="next" href="{$next}">
            <span class="nav-dir">Next: </span><xsl:value-of select="$next-title"/>
          </a>
        </xsl:if>
        <xsl:if test="$where = 'start' and normalize-space($downloads)">
          <span class="downloads">
            <span class="field">Download:</span>
            <xsl:for-each select="tokenize($downloads)">
              <xsl:text> </xsl:text>
              <xsl:variable name="kind" select="replace(., '^.*\.', '')"/>
              <a class="download download-{$kind}" href="{encode-for-uri(.)}" download="">
                <xsl:value-of select="($h:download-labels($kind), $kind)[1]"/>
              </a>
            </xsl:for-each>
          </span>
        </xsl:if>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- Context: a register entry of the text's index. -->
  <xsl:template name="h:edition-entry-link">
    <xsl:variable name="page" select="h:register-page(tk:entry-kind(.))"/>
    <xsl:if test="$edition = 'yes' and $page">
      <xsl:text> </xsl:text>
      <a class="reg-edition" href="{$page}#{encode-for-uri(@xml:id)}">All mentions in the edition</a>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
