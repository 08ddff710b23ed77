<?xml version="1.0" encoding="UTF-8"?>
<!--
  The indices of the register entries the text names.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:tk="urn:teikit"
  xmlns:h="urn:teikit:html"
  exclude-result-prefixes="#all">

  <!-- ===== indices ===== -->

  <!-- (the elements tk:entry-kind knows, looked for by name: the text has many other ids;
       remembered per document, the contents and the indices both ask) -->
  <xsl:function name="h:register-entries" as="element()*" cache="yes">
    <xsl:param name="root" as="element()"/>
    <xsl:sequence select="$root//(tei:person | tei:personGrp | tei:org | tei:place | tei:bibl
      | tei:biblStruct | tei:event)[@xml:id][ancestor::tei:standOff or exists(tk:mentions(.))]"/>
  </xsl:function>

  <xsl:template name="h:indices">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="entries" select="h:register-entries($root)"/>
    <xsl:if test="exists($entries)">
      <section class="indices" id="indices" aria-labelledby="indices-title">
        <h2 id="indices-title">Indices</h2>
        <p class="indices-intro">Every person, organisation, place, periodical and event the text
          names, with links to each mention.</p>
        <xsl:for-each select="('person', 'org', 'place', 'bibl', 'event')">
          <xsl:variable name="kind" select="."/>
          <xsl:variable name="these" select="$entries[tk:entry-kind(.) = $kind]"/>
          <xsl:if test="exists($these)">
            <section class="index index-{$kind}" id="index-{$kind}" aria-labelledby="index-{$kind}-title">
              <h3 id="index-{$kind}-title"><xsl:value-of select="tk:kind-heading($kind)"/></h3>
              <ul class="index-list">
                <xsl:for-each select="$these">
                  <xsl:sort select="tk:sort-key(.)"/>
                  <xsl:apply-templates select="." mode="index-entry"/>
                </xsl:for-each>
              </ul>
            </section>
          </xsl:if>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- The title of the innermost titled section around a node ($h:section-titles), or ():
       remembered per element, so that the mentions of one paragraph ask their section once
       (walking every mention's ancestors cost a tenth of the page). -->
  <xsl:function name="h:section-title-around" as="xs:string?" cache="yes">
    <xsl:param name="n" as="node()?"/>
    <xsl:variable name="title" as="xs:string?" select="if ($n instance of element()
      and starts-with(local-name($n), 'div')) then $h:section-titles(generate-id($n)) else ()"/>
    <xsl:sequence select="if (exists($title) or not($n instance of element())) then $title
      else h:section-title-around($n/..)"/>
  </xsl:function>

  <xsl:template match="*" mode="index-entry">
    <xsl:variable name="id" select="string(@xml:id)"/>
    <xsl:variable name="mentions" select="tk:mentions(.)"/>
    <xsl:variable name="kind" select="tk:entry-kind(.)"/>
    <li class="entry entry-{$kind}" id="reg-{$id}" data-mentions="{count($mentions)}">
      <div class="reg-card">
        <p class="reg-head">
          <span class="reg-kind"><xsl:value-of select="tk:kind-label($kind)"/></span>
          <xsl:text> </xsl:text>
          <span class="reg-name"><xsl:value-of select="tk:display-name(.)"/></span>
          <xsl:for-each select="tk:entry-dates(.)">
            <xsl:text> </xsl:text><span class="reg-dates">(<xsl:value-of select="."/>)</span>
          </xsl:for-each>
        </p>
        <xsl:for-each select="tk:full-name(.)">
          <p class="reg-full"><xsl:value-of select="."/></p>
        </xsl:for-each>
        <xsl:for-each select="tk:entry-note(.)">
          <p class="reg-note"><xsl:value-of select="."/></p>
        </xsl:for-each>
        <xsl:for-each select="tk:relation-groups(.)">
          <p class="reg-rel">
            <xsl:value-of select="?label"/>
            <xsl:text>: </xsl:text>
            <xsl:for-each select="?entries">
              <xsl:sort select="tk:sort-key(.)"/>
              <xsl:if test="position() gt 1"><xsl:text>, </xsl:text></xsl:if>
              <a href="#reg-{@xml:id}"><xsl:value-of select="tk:display-name(.)"/></a>
            </xsl:for-each>
          </p>
        </xsl:for-each>
        <xsl:variable name="links" select="tk:authority-links(.)"/>
        <xsl:if test="exists($links)">
          <p class="reg-links">
            <xsl:for-each select="$links">
              <xsl:if test="position() gt 1"><xsl:text> · </xsl:text></xsl:if>
              <a href="{?url}" rel="external"><xsl:value-of select="?label"/></a>
            </xsl:for-each>
          </p>
        </xsl:if>
      </div>
      <p class="reg-mentions">
        <span class="reg-count"><xsl:value-of select="tk:mention-count-label(count($mentions))"/></span>
        <xsl:call-template name="h:edition-entry-link"/>
        <xsl:if test="exists($mentions)">
          <xsl:text>: </xsl:text>
          <xsl:for-each select="$mentions">
            <xsl:variable name="where" select="h:section-title-around(..)"/>
            <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
            <!-- the mentions of the entry in document order: the n-th is the n-th of its entry
                 (h:mention-anchor, without looking it up) -->
            <a class="mention-link" href="#m-{$id}-{position()}">
              <xsl:attribute name="title" select="'“' || tk:plain(.) || '”' || (if ($where) then ' in ' || $where else '')"/>
              <xsl:value-of select="position()"/>
            </a>
          </xsl:for-each>
        </xsl:if>
      </p>
    </li>
  </xsl:template>

</xsl:stylesheet>
