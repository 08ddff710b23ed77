<?xml version="1.0" encoding="UTF-8"?>
<!--
  The digest of one text (digest.xsl) → one small page per numbered paragraph for Pagefind to
  index: the paragraph's text as the reader sees it is the only searchable content; where it
  belongs (the reading page and its anchor, the text, the section, the paragraph number) and the
  kinds of names it holds are Pagefind filters, which are not searched (Pagefind searches meta
  data, so a word of a title would otherwise find every paragraph of the text).

  Output: <pages xmlns="urn:teikit:site"><page file="ANCHOR.html"><html>…</html></page>…</pages>
  (teikit.render.edition writes each html element to its file).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:site="urn:teikit:site"
  exclude-result-prefixes="#all">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="lang" as="xs:string" select="'en'"/>

  <xsl:variable name="site:kind-filters" as="map(xs:string, xs:string)" select="map{
    'person': 'persons', 'org': 'organisations', 'place': 'places',
    'bibl': 'periodicals and titles', 'event': 'events'}"/>

  <xsl:template match="/site:digest">
    <xsl:variable name="digest" select="."/>
    <site:pages>
      <xsl:for-each select="site:para[normalize-space(@text)]">
        <site:page file="{@anchor}.html">
          <html lang="{$lang}">
            <head><meta charset="utf-8"/></head>
            <body>
              <!-- outside the body, so not searched: Pagefind still reads filters there -->
              <div class="facts">
                <span data-pagefind-filter="href"><xsl:value-of select="$digest/@name || '.html#' || @anchor"/></span>
                <span data-pagefind-filter="text"><xsl:value-of select="$digest/site:title"/></span>
                <xsl:if test="normalize-space(@section)">
                  <span data-pagefind-filter="section"><xsl:value-of select="@section"/></span>
                </xsl:if>
                <span data-pagefind-filter="paragraph"><xsl:value-of select="@n"/></span>
                <xsl:for-each select="distinct-values(site:mention/@kind)[map:contains($site:kind-filters, .)]"
                  xmlns:map="http://www.w3.org/2005/xpath-functions/map">
                  <xsl:sort select="."/>
                  <span data-pagefind-filter="names"><xsl:value-of select="$site:kind-filters(.)"/></span>
                </xsl:for-each>
              </div>
              <main data-pagefind-body="">
                <p><xsl:value-of select="@text"/></p>
              </main>
            </body>
          </html>
        </site:page>
      </xsl:for-each>
    </site:pages>
  </xsl:template>
</xsl:stylesheet>
