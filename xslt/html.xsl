<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI P5 → HTML5 reading edition.

  One small template per TEI element; shared logic (names, dates, notes, quotation marks) is in
  common.xsl. Elements without a template of their own fall back to a generic <div> or <span>
  by context, so no text is ever dropped.

  Parameters
    assets  URL prefix of the static assets (CSS, JavaScript), default "assets/"
    home    URL of the page listing all texts; empty: no link
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:tk="urn:teikit"
  xmlns:h="urn:teikit:html"
  exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>
  <xsl:include href="html-edition.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <xsl:param name="assets" as="xs:string" select="'assets/'"/>
  <xsl:param name="home" as="xs:string" select="''"/>

  <xsl:mode use-accumulators="#all"/>
  <xsl:mode name="block" use-accumulators="#all"/>
  <xsl:mode name="toc" use-accumulators="#all"/>

  <!-- Each tooltip (gap, repair, date) gets a stable id from its position. -->
  <xsl:accumulator name="h:tip-number" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="tei:gap | tei:choice | tei:date" select="$value + 1"/>
  </xsl:accumulator>

  <!-- Paragraphs and block quotations of the body are numbered, so that a passage can be cited. -->
  <xsl:function name="h:is-numbered-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="($e/self::tei:p or $e/self::tei:ab or ($e/self::tei:quote and tk:is-block-quote($e)))
      and exists($e/ancestor::tei:body) and exists($e/parent::*[tk:is-container(.)])"/>
  </xsl:function>

  <xsl:accumulator name="h:paragraph-number" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="*[h:is-numbered-block(.)]" select="$value + 1"/>
  </xsl:accumulator>

  <xsl:template name="h:paragraph-number">
    <xsl:param name="inline" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:if test="not($inline) and h:is-numbered-block(.)">
      <xsl:variable name="n" select="accumulator-before('h:paragraph-number')"/>
      <a class="para-num" id="para-{$n}" href="#para-{$n}" aria-label="Paragraph {$n}"><xsl:value-of select="$n"/></a>
    </xsl:if>
  </xsl:template>

  <!-- ===== helpers ===== -->

  <xsl:variable name="h:block-names" as="xs:string+" select="('p', 'ab', 'lg', 'list', 'table', 'figure',
    'floatingText', 'sp', 'castList', 'listBibl', 'listPerson', 'listPlace', 'listOrg', 'listEvent',
    'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'egXML', 'lg', 'l', 'eTree', 'u')"/>

  <!-- Does the element hold block-level TEI (outside notes, which are set apart anyway)? -->
  <xsl:function name="h:holds-blocks" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/descendant::*[local-name() = $h:block-names or tk:is-block-quote(.)]
      [not(ancestor::tei:note[tk:is-numbered-note(.)] intersect $e/descendant::tei:note)])"/>
  </xsl:function>

  <xsl:function name="h:section-id" as="xs:string">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="if ($div/@xml:id) then string($div/@xml:id) else 's' || $div/accumulator-before('tk:section-number')"/>
  </xsl:function>

  <xsl:function name="h:mention-anchor" as="xs:string">
    <xsl:param name="m" as="element()"/>
    <xsl:sequence select="'m-' || tk:mention-id($m) || '-' || tk:mention-number($m)"/>
  </xsl:function>

  <xsl:function name="h:tip-id" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="'tip-' || $e/accumulator-before('h:tip-number')"/>
  </xsl:function>

  <xsl:function name="h:class" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="normalize-space(string-join(('tei-' || local-name($e),
      if ($e/@type) then 'type-' || replace(normalize-space($e/@type), '[^\w-]+', '-') else ()), ' '))"/>
  </xsl:function>

  <!-- Attributes every rendered element carries over: language, the TEI id as a link target. -->
  <xsl:template name="h:common-attributes">
    <xsl:if test="@xml:lang and normalize-space(@xml:lang)">
      <xsl:attribute name="lang" select="@xml:lang"/>
    </xsl:if>
    <xsl:if test="@xml:id and not(tk:entry-kind(.) != '')">
      <xsl:attribute name="id" select="@xml:id"/>
    </xsl:if>
  </xsl:template>

  <!--
    Generic wrapper: a block element (default <div>) in block context, a <span class="… block">
    in inline context. $phrasing says whether the block element takes only phrasing content.
  -->
  <xsl:template name="h:wrap">
    <xsl:param name="block" as="xs:string" select="'div'"/>
    <xsl:param name="class" as="xs:string" select="h:class(.)"/>
    <xsl:param name="phrasing" as="xs:boolean" select="false()"/>
    <xsl:param name="inline" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="$inline">
        <span class="{$class} block">
          <xsl:call-template name="h:common-attributes"/>
          <xsl:apply-templates/>
        </span>
      </xsl:when>
      <xsl:when test="$phrasing and h:holds-blocks(.)">
        <div class="{$class}">
          <xsl:call-template name="h:common-attributes"/>
          <xsl:call-template name="h:paragraph-number"/>
          <xsl:apply-templates/>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:element name="{$block}">
          <xsl:attribute name="class" select="$class"/>
          <xsl:call-template name="h:common-attributes"/>
          <xsl:call-template name="h:paragraph-number"/>
          <xsl:apply-templates>
            <xsl:with-param name="inline" select="$phrasing" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="h:span">
    <xsl:param name="class" as="xs:string" select="h:class(.)"/>
    <xsl:param name="element" as="xs:string" select="'span'"/>
    <xsl:element name="{$element}">
      <xsl:attribute name="class" select="$class"/>
      <xsl:call-template name="h:common-attributes"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

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
        <xsl:call-template name="h:meta-row">
          <xsl:with-param name="term" select="if (count(tk:authors($root)) gt 1) then 'Authors' else 'Author'"/>
          <xsl:with-param name="value" select="string-join(tk:authors($root), '; ')"/>
        </xsl:call-template>
        <xsl:call-template name="h:meta-row">
          <xsl:with-param name="term" select="'Title'"/>
          <xsl:with-param name="value" select="tk:main-title($root)"/>
        </xsl:call-template>
        <xsl:call-template name="h:meta-row">
          <xsl:with-param name="term" select="'Part'"/>
          <xsl:with-param name="value" select="tk:sub-title($root)"/>
        </xsl:call-template>
        <xsl:call-template name="h:meta-row">
          <xsl:with-param name="term" select="'First published'"/>
          <xsl:with-param name="value" select="tk:first-publication($root)"/>
        </xsl:call-template>
        <xsl:call-template name="h:meta-row">
          <xsl:with-param name="term" select="'Source'"/>
          <xsl:with-param name="value" select="tk:source-line($root)"/>
        </xsl:call-template>
        <xsl:if test="not(tk:source-line($root))">
          <xsl:for-each select="($header/tei:fileDesc/tei:sourceDesc/(tei:bibl, tei:biblFull, tei:p))[1]">
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
      <xsl:if test="$fields">
        <section class="source-fields" aria-labelledby="fields-title">
          <h3 id="fields-title">As printed with the text</h3>
          <xsl:apply-templates select="$fields/node()" mode="block"/>
        </section>
      </xsl:if>
      <section class="how-to-cite" aria-labelledby="cite-title">
        <h3 id="cite-title">How to cite</h3>
        <p class="citation"><xsl:value-of select="tk:citation($root)"/></p>
        <xsl:if test="$root//tei:body//*[h:is-numbered-block(.)]">
          <p class="cite-hint">Paragraphs are numbered in the margin; cite a passage as “¶ 12”. Each number links to its paragraph.</p>
        </xsl:if>
      </section>
    </section>
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
      <xsl:apply-templates select="$root//tei:text[not(ancestor::tei:text)]/(tei:front, tei:body, tei:back, tei:group)/*" mode="toc"/>
    </xsl:variable>
    <nav class="toc" aria-labelledby="toc-title">
      <h2 id="toc-title">Contents</h2>
      <ol>
        <xsl:sequence select="$items"/>
        <xsl:if test="exists(h:register-entries($root))">
          <li><a href="#indices">Indices</a></li>
        </xsl:if>
      </ol>
    </nav>
  </xsl:template>

  <xsl:template match="*" mode="toc">
    <xsl:apply-templates select="*" mode="toc"/>
  </xsl:template>
  <xsl:template match="text() | tei:div[@type = 'transcription'] | tei:titlePage | tei:teiHeader" mode="toc" priority="2"/>

  <xsl:template match="tei:divGen[@type = 'notes']" mode="toc">
    <li><a href="#notes"><xsl:value-of select="(tk:plain(tei:head[1])[.], 'Notes')[1]"/></a></li>
  </xsl:template>

  <xsl:template match="*[tk:is-section(.)]" mode="toc">
    <xsl:variable name="head" select="h:section-title(.)"/>
    <xsl:variable name="children" as="element()*">
      <xsl:apply-templates select="*" mode="toc"/>
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
    //*[tk:is-section(.)] ! (let $title := h:section-title(.) return if ($title) then map{generate-id(.): $title} else ()))"/>

  <xsl:function name="h:section-title" as="xs:string?">
    <xsl:param name="div" as="element()?"/>
    <xsl:variable name="head" select="tk:plain($div/tei:head[1])"/>
    <xsl:sequence select="if ($head) then $head
      else if ($div/@type = 'headnote') then 'Editors’ note'
      else if (normalize-space($div/@n) and $div/@type) then concat(upper-case(substring($div/@type, 1, 1)), substring($div/@type, 2)) || ' ' || $div/@n
      else ()"/>
  </xsl:function>

  <!-- ===== structure ===== -->

  <xsl:template match="tei:text">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="tei:front | tei:back | tei:group">
    <div class="{local-name()}">
      <xsl:apply-templates select="node()" mode="block"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:body">
    <div class="body" id="text">
      <xsl:apply-templates select="node()" mode="block"/>
    </div>
  </xsl:template>
  <xsl:template match="tei:body[ancestor::tei:body or preceding::tei:body]">
    <div class="body">
      <xsl:apply-templates select="node()" mode="block"/>
    </div>
  </xsl:template>

  <!-- Block mode: a block, then the numbered notes that belong to it (beside or below it). -->
  <xsl:template match="*" mode="block">
    <xsl:apply-templates select="."/>
    <xsl:call-template name="h:notes-for-block"/>
  </xsl:template>
  <xsl:template match="text()" mode="block">
    <xsl:if test="normalize-space()">
      <p class="loose-text"><xsl:value-of select="."/></p>
    </xsl:if>
  </xsl:template>
  <xsl:template match="*[tk:is-section(.)] | tei:text | tei:group | tei:floatingText[tk:is-container(.)]" mode="block">
    <xsl:apply-templates select="."/>
  </xsl:template>
  <xsl:template match="comment() | processing-instruction()" mode="#all"/>

  <xsl:template match="*[tk:is-section(.)]">
    <xsl:variable name="level" select="min((6, count(ancestor::*[tk:is-section(.)]) + 2))"/>
    <section id="{h:section-id(.)}">
      <xsl:attribute name="class" select="normalize-space(string-join(('section', 'div-' || replace(normalize-space(@type), '[^\w-]+', '-'))[. != 'div-'], ' '))"/>
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
      <xsl:if test="@type = 'headnote' and not(tei:head)">
        <xsl:element name="h{$level}">
          <xsl:attribute name="class" select="'section-head'"/>
          <xsl:text>Editors’ note</xsl:text>
        </xsl:element>
        <xsl:variable name="by" select="tk:resp-name(.)"/>
        <xsl:if test="$by">
          <p class="headnote-by">By <xsl:value-of select="$by"/></p>
        </xsl:if>
      </xsl:if>
      <xsl:apply-templates select="node()" mode="block"/>
    </section>
  </xsl:template>

  <xsl:template match="tei:floatingText[tk:is-container(.)]">
    <div class="tei-floatingText">
      <xsl:apply-templates select="*"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:head[parent::*[tk:is-section(.)] or parent::tei:divGen][1]">
    <xsl:variable name="level" select="min((6, count(ancestor::*[tk:is-section(.)]) + (if (parent::tei:divGen) then 2 else 1)))"/>
    <xsl:element name="h{$level}">
      <xsl:attribute name="class" select="'section-head'"/>
      <xsl:call-template name="h:common-attributes"/>
      <xsl:apply-templates><xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:head">
    <xsl:call-template name="h:wrap">
      <xsl:with-param name="block" select="'p'"/>
      <xsl:with-param name="class" select="'head'"/>
      <xsl:with-param name="phrasing" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The notes stand beside (or below) their paragraphs; the notes division lists them. -->
  <xsl:template match="tei:divGen[@type = 'notes']">
    <xsl:variable name="notes" select="//tei:note[tk:is-numbered-note(.)]"/>
    <section class="section notes-index" id="notes">
      <xsl:choose>
        <xsl:when test="tei:head">
          <xsl:apply-templates select="tei:head"/>
        </xsl:when>
        <xsl:otherwise><h2 class="section-head">Notes</h2></xsl:otherwise>
      </xsl:choose>
      <p>
        <xsl:choose>
          <xsl:when test="exists($notes)">
            <xsl:text>The notes are printed beside the paragraphs they belong to (below them on narrow screens): </xsl:text>
            <xsl:for-each select="$notes">
              <xsl:variable name="n" select="tk:note-number(.)"/>
              <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
              <a class="mention-link" href="#note-{$n}"><xsl:value-of select="$n"/></a>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>This text has no numbered notes.</xsl:otherwise>
        </xsl:choose>
      </p>
    </section>
  </xsl:template>
  <xsl:template match="tei:divGen"/>

  <!-- ===== notes ===== -->

  <xsl:template name="h:notes-for-block">
    <xsl:param name="block" as="element()" select="."/>
    <xsl:variable name="notes" select="$block/descendant-or-self::tei:note[tk:is-numbered-note(.)][tk:owner-block(.) is $block]"/>
    <xsl:if test="exists($notes)">
      <div class="notes-block">
        <ol class="note-list">
          <xsl:for-each select="$notes">
            <xsl:variable name="n" select="tk:note-number(.)"/>
            <li id="note-{$n}" value="{$n}">
              <xsl:attribute name="class" select="normalize-space('note ' || (if (@type) then 'note-' || replace(@type, '[^\w-]+', '-') else ''))"/>
              <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
              <a class="note-back" href="#noteref-{$n}" role="doc-backlink" aria-label="Back to the text at note {$n}"><xsl:value-of select="$n"/></a>
              <xsl:text> </xsl:text>
              <span class="note-body">
                <xsl:apply-templates><xsl:with-param name="inline" select="true()" tunnel="yes"/><xsl:with-param name="in-link" select="false()" tunnel="yes"/></xsl:apply-templates>
                <xsl:for-each select="tk:note-signature(.)"><xsl:text> </xsl:text><span class="signature"><xsl:value-of select="."/></span></xsl:for-each>
                <xsl:if test="@type = 'gloss' and not(tk:note-signature(.))">
                  <xsl:text> </xsl:text><span class="note-by">[Ed.]</span>
                </xsl:if>
              </span>
            </li>
          </xsl:for-each>
        </ol>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:note[tk:is-numbered-note(.)]">
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="n" select="tk:note-number(.)"/>
    <xsl:choose>
      <xsl:when test="$in-link">
        <sup class="noteref" id="noteref-{$n}"><xsl:value-of select="$n"/></sup>
      </xsl:when>
      <xsl:otherwise>
        <a class="noteref" id="noteref-{$n}" href="#note-{$n}" role="doc-noteref" aria-label="Note {$n}"><xsl:value-of select="$n"/></a>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Paraphrases and inline notes: in the running text, in brackets (paraphrases in italics). -->
  <xsl:template match="tei:note">
    <span>
      <xsl:attribute name="class" select="if (@type = 'paraphrase') then 'paraphrase' else 'note-inline'"/>
      <xsl:attribute name="title" select="tk:note-kind-label(.)"/>
      <xsl:call-template name="h:common-attributes"/>
      <xsl:value-of select="tk:note-brackets(.)[1]"/>
      <span class="note-text">
        <xsl:apply-templates><xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates>
      </span>
      <xsl:for-each select="tk:note-signature(.)"><xsl:text> </xsl:text><span class="signature"><xsl:value-of select="."/></span></xsl:for-each>
      <xsl:value-of select="tk:note-brackets(.)[2]"/>
    </span>
  </xsl:template>

  <!-- ===== blocks ===== -->

  <xsl:template match="tei:p | tei:ab">
    <xsl:call-template name="h:wrap">
      <xsl:with-param name="block" select="'p'"/>
      <xsl:with-param name="class" select="if (self::tei:p) then 'p' else h:class(.)"/>
      <xsl:with-param name="phrasing" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:quote[tk:is-block-quote(.)]">
    <xsl:param name="inline" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="marks" select="tk:quote-marks(.)"/>
    <xsl:choose>
      <xsl:when test="$inline">
        <span class="block-quote block">
          <xsl:call-template name="h:common-attributes"/>
          <xsl:value-of select="$marks[1]"/><xsl:apply-templates/><xsl:value-of select="$marks[2]"/>
        </span>
      </xsl:when>
      <xsl:when test="h:holds-blocks(.)">
        <blockquote class="block-quote">
          <xsl:call-template name="h:common-attributes"/>
          <xsl:call-template name="h:paragraph-number"/>
          <xsl:apply-templates/>
        </blockquote>
      </xsl:when>
      <xsl:otherwise>
        <blockquote class="block-quote">
          <xsl:call-template name="h:common-attributes"/>
          <xsl:call-template name="h:paragraph-number"/>
          <p>
            <xsl:call-template name="h:marked-content">
              <xsl:with-param name="marks" select="$marks"/>
              <xsl:with-param name="inline" select="true()" tunnel="yes"/>
            </xsl:call-template>
          </p>
        </blockquote>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:lg">
    <xsl:call-template name="h:wrap"><xsl:with-param name="class" select="'lg'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:l">
    <xsl:call-template name="h:wrap">
      <xsl:with-param name="class" select="'l'"/>
      <xsl:with-param name="phrasing" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:opener | tei:closer | tei:sp | tei:castList | tei:castGroup | tei:argument
      | tei:epigraph | tei:postscript | tei:byline | tei:docImprint | tei:docEdition | tei:docDate
      | tei:imprimatur | tei:figure | tei:listBibl | tei:listPerson | tei:listPlace | tei:listOrg
      | tei:listEvent | tei:floatingText | tei:u">
    <xsl:call-template name="h:wrap"/>
  </xsl:template>

  <xsl:template match="tei:dateline | tei:salute | tei:signed | tei:trailer | tei:speaker
      | tei:castItem | tei:stage[parent::*[tk:is-container(.)] or parent::tei:sp] | tei:figDesc | tei:bibl[parent::tei:listBibl]
      | tei:person | tei:place | tei:org | tei:event | tei:biblStruct">
    <xsl:call-template name="h:wrap">
      <xsl:with-param name="block" select="'p'"/>
      <xsl:with-param name="phrasing" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:list[tei:label]">
    <xsl:param name="inline" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="$inline"><xsl:call-template name="h:wrap"/></xsl:when>
      <xsl:otherwise>
        <div class="list">
          <xsl:call-template name="h:common-attributes"/>
          <xsl:apply-templates select="tei:head"/>
          <dl class="gloss-list">
            <xsl:for-each select="* except tei:head">
              <xsl:element name="{if (self::tei:label) then 'dt' else 'dd'}">
                <xsl:apply-templates/>
              </xsl:element>
            </xsl:for-each>
          </dl>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:list">
    <xsl:param name="inline" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="$inline"><xsl:call-template name="h:wrap"/></xsl:when>
      <xsl:otherwise>
        <div class="list">
          <xsl:call-template name="h:common-attributes"/>
          <xsl:apply-templates select="tei:head"/>
          <xsl:element name="{if (@type = ('ordered', 'numbered') or tokenize(@rend) = ('numbered', 'ordered')) then 'ol' else 'ul'}">
            <xsl:for-each select="* except tei:head">
              <li>
                <xsl:if test="not(self::tei:item)"><xsl:attribute name="class" select="h:class(.)"/></xsl:if>
                <xsl:for-each select="self::tei:item"><xsl:call-template name="h:common-attributes"/></xsl:for-each>
                <xsl:apply-templates select="if (self::tei:item) then node() else ."/>
              </li>
            </xsl:for-each>
          </xsl:element>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:item">
    <xsl:call-template name="h:wrap"><xsl:with-param name="class" select="'item'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:table">
    <xsl:param name="inline" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="$inline"><xsl:call-template name="h:wrap"/></xsl:when>
      <xsl:otherwise>
        <div class="table-wrap" tabindex="0" role="region"
             aria-label="{('Table ' || (count(preceding::tei:table) + 1) || (if (tei:head) then ': ' || tk:plain(tei:head[1]) else ''))}">
          <table>
            <xsl:call-template name="h:common-attributes"/>
            <xsl:if test="tei:head">
              <caption><xsl:apply-templates select="tei:head/node()"><xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates></caption>
            </xsl:if>
            <tbody>
              <xsl:for-each select="* except tei:head">
                <xsl:choose>
                  <xsl:when test="self::tei:row">
                    <tr>
                      <xsl:for-each select="*">
                        <xsl:element name="{if (@role = 'label' or parent::tei:row/@role = 'label') then 'th' else 'td'}">
                          <xsl:if test="@cols castable as xs:integer"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
                          <xsl:if test="@rows castable as xs:integer"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
                          <xsl:apply-templates select="if (self::tei:cell) then node() else ."/>
                        </xsl:element>
                      </xsl:for-each>
                    </tr>
                  </xsl:when>
                  <xsl:otherwise>
                    <tr><td colspan="{max((1, max(../tei:row/count(*))))}"><xsl:apply-templates select="."/></td></tr>
                  </xsl:otherwise>
                </xsl:choose>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:row | tei:cell">
    <xsl:call-template name="h:wrap"/>
  </xsl:template>

  <xsl:template match="tei:label">
    <xsl:call-template name="h:span">
      <xsl:with-param name="class" select="'label'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== inline: names and register mentions ===== -->

  <xsl:template match="tei:persName | tei:orgName | tei:placeName | tei:name | tei:rs | tei:title[@ref]
      | tei:geogName | tei:settlement | tei:region | tei:country | tei:bloc | tei:district">
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="entry" select="tk:entry(.)"/>
    <xsl:variable name="kind" select="tk:entry-kind($entry)"/>
    <xsl:variable name="ref" select="normalize-space(tokenize(normalize-space(@ref))[1])"/>
    <xsl:choose>
      <xsl:when test="$entry and ancestor::tei:text and not($in-link)">
        <a class="ent ent-{$kind}" href="#reg-{$entry/@xml:id}" id="{h:mention-anchor(.)}"
           data-entry="{$entry/@xml:id}">
          <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
          <xsl:apply-templates select="." mode="name-content"/>
        </a>
      </xsl:when>
      <xsl:when test="$entry and ancestor::tei:text">
        <span class="ent ent-{$kind} ent-nested" id="{h:mention-anchor(.)}" data-entry="{$entry/@xml:id}">
          <xsl:apply-templates select="." mode="name-content"/>
        </span>
      </xsl:when>
      <xsl:when test="$ref and not(starts-with($ref, '#')) and matches($ref, '^https?://') and tk:safe-url($ref) and not($in-link)">
        <a class="name name-external {h:class(.)}" href="{$ref}" rel="external">
          <xsl:call-template name="h:common-attributes"/>
          <xsl:apply-templates select="." mode="name-content"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="name {h:class(.)}">
          <xsl:call-template name="h:common-attributes"/>
          <xsl:apply-templates select="." mode="name-content"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*" mode="name-content">
    <xsl:apply-templates><xsl:with-param name="in-link" select="true()" tunnel="yes"/></xsl:apply-templates>
  </xsl:template>
  <xsl:template match="tei:title" mode="name-content">
    <xsl:call-template name="h:title-inner">
      <xsl:with-param name="in-link" select="true()" tunnel="yes"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:title">
    <xsl:call-template name="h:title-inner"/>
  </xsl:template>

  <xsl:template name="h:title-inner">
    <xsl:variable name="marks" select="tk:quote-marks(.)"/>
    <xsl:choose>
      <xsl:when test="exists($marks)">
        <span class="title title-quoted">
          <xsl:if test="not(@ref)"><xsl:call-template name="h:common-attributes"/></xsl:if>
          <xsl:call-template name="h:marked-content"><xsl:with-param name="marks" select="$marks"/></xsl:call-template>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <cite class="title title-{(@level, 'm')[1]}">
          <xsl:if test="not(@ref)"><xsl:call-template name="h:common-attributes"/></xsl:if>
          <xsl:apply-templates/>
        </cite>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:forename | tei:surname | tei:roleName | tei:addName | tei:genName
      | tei:nameLink | tei:orgName[not(@ref)][parent::tei:persName]">
    <xsl:call-template name="h:span"/>
  </xsl:template>

  <!-- ===== inline: quotations ===== -->

  <xsl:template match="tei:quote | tei:q | tei:soCalled | tei:said">
    <xsl:variable name="marks" select="tk:quote-marks(.)"/>
    <span>
      <xsl:attribute name="class" select="'q q-' || local-name()"/>
      <xsl:call-template name="h:common-attributes"/>
      <xsl:call-template name="h:marked-content"><xsl:with-param name="marks" select="$marks"/></xsl:call-template>
    </span>
  </xsl:template>

  <!--
    Content between generated marks. Space just inside the element goes outside the marks
    (“text”, not “ text ”): the first and last text nodes are trimmed, the space kept outside.
  -->
  <xsl:template name="h:marked-content">
    <xsl:param name="marks" as="xs:string*"/>
    <xsl:variable name="texts" select="descendant::text()"/>
    <xsl:choose>
      <xsl:when test="empty($marks)"><xsl:apply-templates/></xsl:when>
      <xsl:otherwise>
        <xsl:if test="matches($texts[1], '^\s')"><xsl:text> </xsl:text></xsl:if>
        <xsl:value-of select="$marks[1]"/>
        <xsl:apply-templates>
          <xsl:with-param name="trim-first" select="$texts[1]" tunnel="yes"/>
          <xsl:with-param name="trim-last" select="$texts[last()]" tunnel="yes"/>
        </xsl:apply-templates>
        <xsl:value-of select="$marks[2]"/>
        <xsl:if test="matches($texts[last()], '\s$')"><xsl:text> </xsl:text></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A note number hugs the word before it: "meeting¹", not "meeting ¹". -->
  <xsl:template match="text()[following-sibling::node()[1][self::tei:note[tk:is-numbered-note(.)]]][matches(., '\S\s+$')]" priority="1">
    <xsl:variable name="trimmed" as="text()">
      <xsl:value-of select="replace(., '\s+$', '')"/>
    </xsl:variable>
    <xsl:next-match>
      <xsl:with-param name="text" select="$trimmed"/>
    </xsl:next-match>
  </xsl:template>

  <xsl:template match="text()">
    <xsl:param name="text" as="text()?" select="()"/>
    <xsl:param name="trim-first" as="node()?" tunnel="yes" select="()"/>
    <xsl:param name="trim-last" as="node()?" tunnel="yes" select="()"/>
    <xsl:choose>
      <xsl:when test="empty($trim-first) or not(. is $trim-first or . is $trim-last)"><xsl:value-of select="($text, .)[1]"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="start" select="if (. is $trim-first) then replace(($text, .)[1], '^\s+', '') else string(($text, .)[1])"/>
        <xsl:value-of select="if (. is $trim-last) then replace($start, '\s+$', '') else $start"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== inline: dates, omissions, repairs (each with an explanation on hover/focus) ===== -->

  <xsl:template name="h:tip">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:if test="not($in-link)">
      <span class="tip" role="tooltip" id="{h:tip-id(.)}"><xsl:value-of select="$text"/></span>
    </xsl:if>
  </xsl:template>

  <xsl:template name="h:tip-attributes">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="$in-link"><xsl:attribute name="title" select="$text"/></xsl:when>
      <xsl:otherwise>
        <xsl:attribute name="tabindex" select="'0'"/>
        <xsl:attribute name="aria-describedby" select="h:tip-id(.)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:date">
    <xsl:variable name="label" select="tk:date-label(.)"/>
    <xsl:variable name="datetime" select="tk:datetime(.)"/>
    <xsl:variable name="explain" select="$label != '' and normalize-space($label) != normalize-space(.)"/>
    <time>
      <xsl:attribute name="class" select="if (tk:is-julian(.)) then 'date date-julian' else 'date'"/>
      <xsl:if test="$datetime"><xsl:attribute name="datetime" select="$datetime"/></xsl:if>
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
      <xsl:if test="$explain">
        <xsl:call-template name="h:tip-attributes"><xsl:with-param name="text" select="$label"/></xsl:call-template>
      </xsl:if>
      <xsl:apply-templates/>
      <xsl:if test="$explain">
        <xsl:call-template name="h:tip"><xsl:with-param name="text" select="$label"/></xsl:call-template>
      </xsl:if>
    </time>
  </xsl:template>

  <xsl:template match="tei:gap">
    <xsl:variable name="text" select="tk:gap-explanation(.)"/>
    <span class="gap">
      <xsl:call-template name="h:tip-attributes"><xsl:with-param name="text" select="$text"/></xsl:call-template>
      <xsl:value-of select="$tk:gap-label"/>
      <xsl:apply-templates/>
      <xsl:call-template name="h:tip"><xsl:with-param name="text" select="$text"/></xsl:call-template>
    </span>
  </xsl:template>

  <!-- a control character has no glyph: show its code point (see tk:printable) -->
  <xsl:template match="text()[matches(., $tk:unprintable)]">
    <xsl:value-of select="tk:printable(.)"/>
  </xsl:template>

  <xsl:template match="tei:choice">
    <xsl:variable name="text" select="tk:choice-explanation(.)"/>
    <span class="choice">
      <xsl:call-template name="h:tip-attributes"><xsl:with-param name="text" select="$text"/></xsl:call-template>
      <xsl:apply-templates select="tk:choice-shown(.)"/>
      <xsl:call-template name="h:tip"><xsl:with-param name="text" select="$text"/></xsl:call-template>
    </span>
  </xsl:template>

  <xsl:template match="tei:sic[not(parent::tei:choice)]">
    <span class="sic"><xsl:apply-templates/></span>
    <xsl:text> </xsl:text><span class="editorial">[sic]</span>
  </xsl:template>

  <!-- Supplied letters: bracketed by the stylesheet (CSS), so that the word stays one word. -->
  <xsl:template match="tei:supplied">
    <span class="supplied" title="Supplied by the editor"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:del">
    <del class="del"><xsl:apply-templates/></del>
  </xsl:template>
  <xsl:template match="tei:add">
    <ins class="add"><xsl:apply-templates/></ins>
  </xsl:template>
  <xsl:template match="tei:unclear">
    <span class="unclear" title="Uncertain reading"><xsl:apply-templates/></span>
  </xsl:template>
  <!-- Expanded letters of an abbreviation: in italics, part of the word. -->
  <xsl:template match="tei:ex">
    <span class="ex"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- Bibliographic parts written without spaces between them: keep them apart. -->
  <xsl:template match="*[parent::tei:bibl or parent::tei:biblStruct or parent::tei:monogr
      or parent::tei:analytic or parent::tei:imprint or parent::tei:series or parent::tei:msIdentifier]
      [preceding-sibling::node()[1][self::*]]" priority="10">
    <xsl:text> </xsl:text>
    <xsl:next-match/>
  </xsl:template>

  <!-- Cast lists: "Claudius, king of Denmark". -->
  <xsl:template match="tei:roleDesc[preceding-sibling::*[1][self::tei:role or self::tei:roleDesc]]">
    <xsl:if test="not(matches(., '^\s*[,;:.(]'))">
      <xsl:value-of select="if (preceding-sibling::*[1][self::tei:role]) then ', ' else ' '"/>
    </xsl:if>
    <xsl:call-template name="h:span"/>
  </xsl:template>

  <!-- Spoken texts: what happens besides speech, in brackets. -->
  <xsl:template match="tei:incident | tei:kinesic | tei:vocal | tei:pause | tei:shift | tei:writing">
    <span class="{h:class(.)} event-note">
      <xsl:text>[</xsl:text>
      <xsl:choose>
        <xsl:when test="normalize-space()"><xsl:apply-templates/></xsl:when>
        <xsl:otherwise><xsl:value-of select="local-name()"/></xsl:otherwise>
      </xsl:choose>
      <xsl:text>]</xsl:text>
    </span>
  </xsl:template>

  <!-- Critical apparatus: the lemma in the text, the readings beside it in brackets. -->
  <xsl:template match="tei:app">
    <span class="app">
      <xsl:apply-templates select="tei:lem"/>
      <xsl:if test="* except tei:lem">
        <span class="readings"> [<xsl:for-each select="* except tei:lem">
            <xsl:if test="position() gt 1"><xsl:text>; </xsl:text></xsl:if>
            <span class="{h:class(.)}"><xsl:apply-templates/></span>
            <xsl:if test="@wit"><xsl:text> </xsl:text><span class="wit"><xsl:value-of select="normalize-space(@wit)"/></span></xsl:if>
          </xsl:for-each>]</span>
      </xsl:if>
    </span>
  </xsl:template>

  <!-- ===== inline: typography and links ===== -->

  <xsl:template match="tei:hi">
    <xsl:variable name="rend" select="tokenize(lower-case(string-join((@rend, @rendition), ' ')), '[\s#]+')"/>
    <xsl:variable name="element" select="
      if ($rend = ('sup', 'superscript')) then 'sup'
      else if ($rend = ('sub', 'subscript')) then 'sub'
      else if ($rend = ('bold', 'b', 'strong')) then 'b'
      else if ($rend = ('italic', 'italics', 'i', 'it')) then 'i'
      else 'span'"/>
    <xsl:call-template name="h:span">
      <xsl:with-param name="element" select="$element"/>
      <xsl:with-param name="class" select="normalize-space(string-join(('hi', $rend[. = ('smallcaps', 'sc', 'underline', 'u', 'caps', 'allcaps', 'uppercase', 'spaced', 'gothic', 'roman', 'large', 'small', 'strikethrough', 'typewriter', 'doubleunderline', 'wavyunderline', 'normalweight', 'center', 'right')] ! ('hi-' || .)), ' '))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:emph">
    <xsl:call-template name="h:span"><xsl:with-param name="element" select="'em'"/><xsl:with-param name="class" select="'emph'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:foreign | tei:term | tei:mentioned | tei:gloss[not(parent::tei:list)]">
    <xsl:call-template name="h:span"><xsl:with-param name="element" select="'i'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:lb">
    <br/>
  </xsl:template>

  <xsl:template match="tei:pb">
    <span class="pb">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <xsl:if test="normalize-space(@n)">
        <xsl:attribute name="title" select="'Page ' || normalize-space(@n) || ' in the source'"/>
        <xsl:value-of select="'[' || normalize-space(@n) || ']'"/>
      </xsl:if>
    </span>
  </xsl:template>
  <xsl:template match="tei:cb | tei:milestone | tei:anchor">
    <span class="{h:class(.)}"><xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if></span>
  </xsl:template>

  <xsl:template match="tei:ref">
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="target" select="tokenize(normalize-space(@target))[1]"/>
    <xsl:choose>
      <xsl:when test="$target and tk:safe-url($target) and not($in-link)">
        <a class="ref" href="{$target}">
          <xsl:call-template name="h:common-attributes"/>
          <xsl:apply-templates><xsl:with-param name="in-link" select="true()" tunnel="yes"/></xsl:apply-templates>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="h:span"><xsl:with-param name="class" select="'ref'"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:ptr">
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="target" select="tokenize(normalize-space(@target))[1]"/>
    <xsl:choose>
      <xsl:when test="$target and tk:safe-url($target) and not($in-link)">
        <a class="ptr" href="{$target}"><xsl:value-of select="$target"/></a>
      </xsl:when>
      <xsl:otherwise>
        <span class="ptr"><xsl:value-of select="normalize-space(@target)"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Images are not fetched: a figure shows its description and the file name. -->
  <xsl:template match="tei:graphic | tei:media">
    <span class="graphic">
      <xsl:text>[Image</xsl:text>
      <xsl:if test="normalize-space(@url)">: <xsl:value-of select="normalize-space(@url)"/></xsl:if>
      <xsl:text>]</xsl:text>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- ===== everything else: generic, by context ===== -->

  <xsl:template match="*">
    <xsl:param name="inline" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="$inline or not(h:holds-blocks(.) or parent::*[tk:is-container(.)])">
        <xsl:call-template name="h:span"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="h:wrap"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:teiHeader | tei:standOff | tei:facsimile"/>

  <!-- ===== indices ===== -->

  <xsl:function name="h:register-entries" as="element()*">
    <xsl:param name="root" as="element()"/>
    <xsl:sequence select="$root//*[@xml:id][tk:entry-kind(.) != '']
      [ancestor::tei:standOff or exists(tk:mentions(.))]"/>
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
            <xsl:variable name="where" select="(ancestor::*[starts-with(local-name(), 'div')] ! $h:section-titles(generate-id(.)))[last()]"/>
            <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
            <a class="mention-link" href="#{h:mention-anchor(.)}">
              <xsl:attribute name="title" select="'“' || tk:plain(.) || '”' || (if ($where) then ' in ' || $where else '')"/>
              <xsl:value-of select="position()"/>
            </a>
          </xsl:for-each>
        </xsl:if>
      </p>
    </li>
  </xsl:template>

</xsl:stylesheet>
