<?xml version="1.0" encoding="UTF-8"?>
<!--
  The page around the text: head, title block, about this text, contents.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:tk="urn:teikit"
  xmlns:h="urn:teikit:html"
  exclude-result-prefixes="#all">

  <!-- ===== the page ===== -->

  <xsl:template match="/">
    <xsl:apply-templates select="*" mode="page"/>
  </xsl:template>

  <!-- The page's own words (headings, labels) are English; the article has the text's language. -->
  <xsl:template match="*" mode="page">
    <xsl:variable name="root" select="."/>
    <xsl:variable name="title" select="tk:main-title($root)"/>
    <xsl:variable name="lang" select="(($root/tei:text, $root//tei:text)[1]/@xml:lang, $root/@xml:lang, 'en')[normalize-space()][1]"/>
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:value-of select="string-join((string-join(tk:authors($root), ', ')[.], string-join(($title, tk:sub-title($root)), ': ')), ' — ')"/>
        </title>
        <xsl:call-template name="h:citation-meta">
          <xsl:with-param name="root" select="$root"/>
        </xsl:call-template>
        <xsl:call-template name="h:metadata-head"/>
        <meta name="generator" content="teikit (TEI P5 to HTML by XSLT 3.0)"/>
        <link rel="stylesheet" href="{$assets}edition.css"/>
        <link rel="stylesheet" href="{$assets}print.css" media="print"/>
        <script src="{$assets}edition.js" defer="defer"></script>
      </head>
      <body>
        <a class="skip-link" href="#text">Skip to the text</a>
        <header class="masthead">
          <xsl:if test="$home">
            <nav class="site-nav" aria-label="Site">
              <a href="{$home}">All texts</a>
              <xsl:call-template name="h:edition-links"/>
            </nav>
          </xsl:if>
          <xsl:call-template name="h:edition-nav"/>
          <div class="controls">
            <input type="checkbox" id="highlight-toggle" checked="checked"/>
            <label for="highlight-toggle">Highlight names</label>
            <span class="legend" aria-hidden="true">
              <span class="ent ent-person">person</span>
              <span class="ent ent-org">organisation</span>
              <span class="ent ent-place">place</span>
              <span class="ent ent-bibl">periodical</span>
              <span class="ent ent-event">event</span>
            </span>
          </div>
        </header>
        <main id="main">
          <article class="edition" lang="{$lang}">
            <xsl:call-template name="h:title-block">
              <xsl:with-param name="root" select="$root"/>
            </xsl:call-template>
            <xsl:call-template name="h:about">
              <xsl:with-param name="root" select="$root"/>
            </xsl:call-template>
            <xsl:call-template name="h:toc">
              <xsl:with-param name="root" select="$root"/>
            </xsl:call-template>
            <xsl:for-each select="($root/self::tei:TEI/tei:text | $root//tei:TEI/tei:text)[not(ancestor::tei:text)]">
              <xsl:if test="$root/self::tei:teiCorpus">
                <h2 class="corpus-member"><xsl:value-of select="tk:main-title(ancestor::tei:TEI[1])"/></h2>
              </xsl:if>
              <xsl:apply-templates select="."/>
            </xsl:for-each>
            <xsl:call-template name="h:indices">
              <xsl:with-param name="root" select="$root"/>
            </xsl:call-template>
          </article>
          <xsl:call-template name="h:edition-nav">
            <xsl:with-param name="where" select="'end'"/>
          </xsl:call-template>
        </main>
        <footer class="page-footer">
          <p>Reading edition generated from the TEI P5 encoding by teikit.
            <xsl:if test="$home"><a href="{$home}">All texts</a></xsl:if></p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- Google Scholar / Zotero metadata (Highwire Press tags). -->
  <!-- Dublin Core meta elements and schema.org JSON-LD; "<" is written as \u003c in the JSON so
       that no value can end the script element -->
  <xsl:template name="h:metadata-head">
    <xsl:if test="normalize-space($metadata)">
      <xsl:variable name="described" select="parse-json($metadata)"/>
      <link rel="schema.DC" href="http://purl.org/dc/elements/1.1/"/>
      <xsl:for-each select="$described?dc?*">
        <meta name="DC.{?1}" content="{?2}"/>
      </xsl:for-each>
      <script type="application/ld+json">
        <xsl:value-of select="replace(serialize($described?schema_org, map {'method': 'json', 'indent': false()}), '&lt;', '\\u003c')"/>
      </script>
    </xsl:if>
  </xsl:template>

  <xsl:template name="h:citation-meta">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="s" select="($root/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:biblStruct)[1]"/>
    <xsl:variable name="scopes" select="$s/tei:monogr/(tei:biblScope | tei:imprint/tei:biblScope)"/>
    <meta name="citation_title" content="{string-join((tk:main-title($root), tk:sub-title($root)), ': ')}"/>
    <xsl:for-each select="tk:authors($root)">
      <meta name="citation_author" content="{.}"/>
    </xsl:for-each>
    <xsl:for-each select="tk:plain($s/tei:monogr/tei:title[@level = 'j'][1])[.]">
      <meta name="citation_journal_title" content="{.}"/>
    </xsl:for-each>
    <xsl:for-each select="$scopes[@unit = 'volume'][1]">
      <meta name="citation_volume" content="{(@n, tk:plain(.))[1]}"/>
    </xsl:for-each>
    <xsl:for-each select="$scopes[@unit = 'issue'][1]">
      <meta name="citation_issue" content="{(@n, tk:plain(.))[1]}"/>
    </xsl:for-each>
    <xsl:for-each select="$scopes[@unit = 'page'][@from][1]">
      <meta name="citation_firstpage" content="{@from}"/>
      <meta name="citation_lastpage" content="{(@to, @from)[1]}"/>
    </xsl:for-each>
    <xsl:for-each select="$s/tei:monogr/tei:imprint/tei:date[@when][1]">
      <meta name="citation_publication_date" content="{@when}"/>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== title block ===== -->

  <xsl:template name="h:title-block">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="page" select="($root//tei:front/tei:titlePage)[1]"/>
    <xsl:variable name="main" select="($page//tei:titlePart[@type = 'main'], $page//tei:titlePart, $page//tei:docTitle)[1]"/>
    <header class="title-block">
      <xsl:choose>
        <xsl:when test="$page/tei:docAuthor">
          <p class="doc-author">
            <xsl:for-each select="$page/tei:docAuthor">
              <xsl:if test="position() gt 1"><xsl:text>, </xsl:text></xsl:if>
              <xsl:apply-templates><xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates>
            </xsl:for-each>
          </p>
        </xsl:when>
        <xsl:when test="exists(tk:authors($root))">
          <p class="doc-author"><xsl:value-of select="string-join(tk:authors($root), ', ')"/></p>
        </xsl:when>
      </xsl:choose>
      <h1>
        <xsl:choose>
          <xsl:when test="$main">
            <xsl:apply-templates select="$main/node()"><xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="tk:main-title($root)"/></xsl:otherwise>
        </xsl:choose>
      </h1>
      <xsl:choose>
        <xsl:when test="$page">
          <xsl:for-each select="$page//tei:titlePart[not(. is $main)]">
            <p class="doc-subtitle">
              <xsl:apply-templates><xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates>
            </p>
          </xsl:for-each>
          <xsl:apply-templates select="$page/node()[not(self::tei:docAuthor or self::tei:docTitle or self::tei:titlePart)]"/>
          <xsl:call-template name="h:notes-for-block">
            <xsl:with-param name="block" select="$page"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="tk:sub-title($root)">
          <p class="doc-subtitle"><xsl:value-of select="tk:sub-title($root)"/></p>
        </xsl:when>
      </xsl:choose>
    </header>
  </xsl:template>

  <xsl:template match="tei:titlePage" mode="block" priority="2"/>
  <xsl:template match="tei:titlePage[preceding-sibling::tei:titlePage]" mode="block" priority="3">
    <xsl:call-template name="h:wrap"/>
    <xsl:call-template name="h:notes-for-block"/>
  </xsl:template>

  <!-- ===== about this text ===== -->

  <xsl:template name="h:about">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="header" select="$root/tei:teiHeader"/>
    <xsl:variable name="fields" select="($root//tei:front/tei:div[@type = 'transcription'])[1]"/>
    <section class="about" aria-labelledby="about-title">
      <h2 id="about-title">About this text</h2>
      <dl class="meta">
        <xsl:for-each select="
            map{'term': if (count(tk:authors($root)) gt 1) then 'Authors' else 'Author',
                'value': string-join(tk:authors($root), '; ')},
            map{'term': 'Title', 'value': tk:main-title($root)},
            map{'term': 'Part', 'value': tk:sub-title($root)},
            map{'term': 'First published', 'value': tk:first-publication($root)},
            map{'term': 'Source', 'value': tk:source-line($root)}">
          <xsl:call-template name="h:meta-row">
            <xsl:with-param name="term" select="?term"/>
            <xsl:with-param name="value" select="?value"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:if test="not(tk:source-line($root))">
          <xsl:for-each select="($header/tei:fileDesc/tei:sourceDesc/(tei:bibl, tei:p))[1]">
            <xsl:call-template name="h:meta-row">
              <xsl:with-param name="term" select="'Source'"/>
              <xsl:with-param name="value" select="tk:plain(.)"/>
            </xsl:call-template>
          </xsl:for-each>
        </xsl:if>
        <xsl:for-each select="$header/tei:fileDesc/tei:titleStmt/(tei:respStmt, tei:editor, tei:sponsor, tei:funder)">
          <xsl:call-template name="h:meta-row">
            <xsl:with-param name="term" select="if (self::tei:respStmt) then tk:plain(tei:resp[1])
              else if (@role) then concat(upper-case(substring(@role, 1, 1)), substring(@role, 2)) else concat(upper-case(substring(local-name(), 1, 1)), substring(local-name(), 2))"/>
            <xsl:with-param name="value" select="if (self::tei:respStmt) then string-join((* except tei:resp) ! tk:plain(.), ', ') else tk:plain(.)"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="h:meta-row">
          <xsl:with-param name="term" select="'Published by'"/>
          <xsl:with-param name="value" select="string-join((tk:publisher($root), tk:publication-date($root)), ', ')"/>
        </xsl:call-template>
        <xsl:for-each select="$header/tei:fileDesc/tei:publicationStmt/tei:availability">
          <div class="meta-row">
            <dt>Licence</dt>
            <dd>
              <xsl:for-each select="(tei:licence, tei:p)">
                <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
                <xsl:value-of select="tk:plain(.)"/>
                <xsl:if test="@target and tk:safe-url(@target)">
                  <xsl:text> </xsl:text>
                  <a href="{normalize-space(@target)}" rel="license"><xsl:value-of select="normalize-space(@target)"/></a>
                </xsl:if>
              </xsl:for-each>
              <xsl:if test="not(tei:licence | tei:p)"><xsl:value-of select="tk:plain(.)"/></xsl:if>
            </dd>
          </div>
        </xsl:for-each>
      </dl>
      <xsl:variable name="described" select="tk:header-descriptions($root)"/>
      <xsl:if test="$described">
        <section class="header-descriptions" aria-labelledby="described-title">
          <h3 id="described-title">Described in the header</h3>
          <xsl:apply-templates select="$described" mode="described"/>
        </section>
      </xsl:if>
      <xsl:if test="$fields">
        <section class="source-fields" aria-labelledby="fields-title">
          <h3 id="fields-title">As printed with the text</h3>
          <xsl:apply-templates select="$fields/node()" mode="block"/>
        </section>
      </xsl:if>
      <section class="how-to-cite" aria-labelledby="cite-title">
        <h3 id="cite-title">How to cite</h3>
        <p class="citation"><xsl:value-of select="tk:citation($root)"/></p>
        <xsl:variable name="numbered" select="$root//tei:body//(tei:p | tei:ab | tei:quote | tei:sp | tei:lg)[h:is-numbered-block(.)]"/>
        <xsl:if test="exists($numbered)">
          <p class="cite-hint"><xsl:value-of select="if ($numbered[@xml:id and normalize-space(@n)])
            then 'Paragraphs are numbered in the margin by section and place in the section; cite a passage as “¶ 2.3” (section 2, paragraph 3). Each number links to its paragraph, and stays the same when the edition is rebuilt.'
            else 'Paragraphs are numbered in the margin; cite a passage as “¶ 12”. Each number links to its paragraph.'"/></p>
        </xsl:if>
      </section>
    </section>
  </xsl:template>

  <!-- a description in the header: element-only parts one under the other, mixed content as
       phrases (msDesc: the identifier, the contents, the physical description, the history) -->
  <!-- a letter's sender, place, date and addressee as one line, linked to the letter when the
       text holds several -->
  <xsl:template match="tei:correspDesc" mode="described">
    <p class="{h:class(.)}">
      <xsl:choose>
        <xsl:when test="starts-with(@corresp, '#')">
          <a href="{@corresp}"><xsl:value-of select="tk:correspondence(.)"/></a>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="tk:correspondence(.)"/></xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>

  <xsl:template match="*" mode="described">
    <xsl:choose>
      <xsl:when test="* and not(text()[normalize-space()])">
        <div class="{h:class(.)}"><xsl:apply-templates select="*" mode="described"/></div>
      </xsl:when>
      <xsl:otherwise>
        <p class="{h:class(.)}"><xsl:apply-templates/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="h:meta-row">
    <xsl:param name="term" as="xs:string?"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:if test="normalize-space($term) and normalize-space($value)">
      <div class="meta-row">
        <dt><xsl:value-of select="normalize-space($term)"/></dt>
        <dd><xsl:value-of select="normalize-space($value)"/></dd>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:div[@type = 'transcription'][parent::tei:front]" mode="block" priority="2"/>

  <!-- ===== table of contents ===== -->

  <xsl:template name="h:toc">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="items" as="element()*">
      <xsl:apply-templates select="$root//tei:text[not(ancestor::tei:text)]/(tei:front, tei:body, tei:back, tei:group) ! h:toc-children(.)" mode="toc"/>
    </xsl:variable>
    <xsl:variable name="indices" select="exists(h:register-entries($root))"/>
    <!-- a text of one untitled section has no contents to list -->
    <xsl:if test="exists($items) or $indices">
      <nav class="toc" aria-labelledby="toc-title">
        <h2 id="toc-title">Contents</h2>
        <ol>
          <xsl:sequence select="$items"/>
          <xsl:if test="$indices">
            <li><a href="#indices">Indices</a></li>
          </xsl:if>
        </ol>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template match="*" mode="toc">
    <xsl:apply-templates select="h:toc-children(.)" mode="toc"/>
  </xsl:template>

  <!-- The children the contents can come from: a section stands only among structural elements
       (tk:is-container), a notes division anywhere. (Walking every element of the text to find
       them cost more than the contents.) -->
  <xsl:function name="h:toc-children" as="element()*">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="$e/*[tk:is-structural(.) or descendant-or-self::tei:divGen]"/>
  </xsl:function>
  <xsl:template match="text() | tei:div[@type = 'transcription'] | tei:titlePage | tei:teiHeader" mode="toc" priority="2"/>

  <xsl:template match="tei:divGen[@type = 'notes']" mode="toc">
    <li><a href="#{tk:notes-division-id(.)}"><xsl:value-of select="(tk:plain(tei:head[1])[.], 'Notes')[1]"/></a></li>
  </xsl:template>

  <xsl:template _match="{$tk:section-pattern}" mode="toc">
    <xsl:variable name="head" select="h:section-title(.)"/>
    <xsl:variable name="children" as="element()*">
      <xsl:apply-templates select="h:toc-children(.)" mode="toc"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$head">
        <li>
          <a href="#{h:section-id(.)}"><xsl:value-of select="$head"/></a>
          <xsl:if test="exists($children)"><ol><xsl:sequence select="$children"/></ol></xsl:if>
        </li>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="$children"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The title of every titled section, by generate-id (computed once, used by the index). -->
  <xsl:variable name="h:section-titles" as="map(xs:string, xs:string)" select="map:merge(
    //(tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7)[tk:is-section(.)] ! (let $title := h:section-title(.) return if ($title) then map{generate-id(.): $title} else ()))"/>

  <xsl:function name="h:section-title" as="xs:string?">
    <xsl:param name="div" as="element()?"/>
    <xsl:variable name="head" select="tk:section-heading($div)"/>
    <xsl:sequence select="if ($head) then $head
      else if ($div/@type = ('headnote', 'afterword')) then 'Editors’ note'
      else if (normalize-space($div/@n) and $div/@type) then concat(upper-case(substring($div/@type, 1, 1)), substring($div/@type, 2)) || ' ' || $div/@n
      else ()"/>
  </xsl:function>

</xsl:stylesheet>
