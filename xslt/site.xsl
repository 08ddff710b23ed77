<?xml version="1.0" encoding="UTF-8"?>
<!--
  The edition-wide pages. Input: the texts in the edition's order, each with its digest
    <site xmlns="urn:teikit:site"><text name="" href="NAME.html" tei="" txt="" pdf="">
      <digest>…</digest></text>…</site>
  (teikit.render.edition; the digest is described in digest.xsl, and each page gets only the
  parts it reads: the headers for the contents and the chronology, the mentions and the
  entries of one kind for a register). For the render html
  command with a site folder, the texts carry their teiHeader only (teikit.render.html.site_manifest).

  Parameters
    assets  URL prefix of the CSS and JavaScript
    page    index | chronology | search | person | org | place | bibl | event
    pages   space-separated KEY=FILE pairs: the pages of the edition, for the navigation
    title   the edition's title
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
  <xsl:param name="page" as="xs:string" select="'index'"/>
  <xsl:param name="pages" as="xs:string" select="''"/>
  <xsl:param name="title" as="xs:string" select="'Texts'"/>

  <xsl:variable name="site:kinds" as="xs:string+" select="('person', 'org', 'place', 'bibl', 'event')"/>
  <xsl:variable name="site:page-names" as="map(xs:string, xs:string)" select="map{
    'index': 'Contents', 'chronology': 'Chronology', 'search': 'Search',
    'person': 'Persons', 'org': 'Organisations', 'place': 'Places',
    'bibl': 'Periodicals and titles', 'event': 'Events'}"/>

  <xsl:key name="site:mentions" match="site:mention" use="@key"/>
  <xsl:key name="site:entries" match="site:entry" use="@key"/>

  <xsl:function name="site:page-file" as="xs:string?">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="(tokenize($pages)[starts-with(., $key || '=')] ! substring-after(., '='))[1]"/>
  </xsl:function>

  <!-- The TEI root of a text (its header) in either form of the input. -->
  <xsl:function name="site:root" as="element()">
    <xsl:param name="text" as="element(site:text)"/>
    <xsl:sequence select="($text/site:digest, $text)[1]"/>
  </xsl:function>

  <xsl:function name="site:date" as="xs:string?">
    <xsl:param name="text" as="element(site:text)"/>
    <xsl:variable name="h" select="site:root($text)/tei:teiHeader"/>
    <xsl:variable name="d" select="($h/tei:profileDesc/tei:creation/tei:date,
      $h/tei:fileDesc/tei:sourceDesc/tei:bibl[@type = 'firstPublication']/tei:date,
      $h/tei:fileDesc/tei:sourceDesc//tei:imprint/tei:date, $h/tei:fileDesc/tei:publicationStmt/tei:date)[1]"/>
    <xsl:sequence select="if ($text/site:digest/site:date[normalize-space()]) then string($text/site:digest/site:date)
      else if (not($d)) then () else if ($d/@when or $d/@from) then tk:date-label($d) else tk:plain($d)"/>
  </xsl:function>

  <xsl:function name="site:title" as="xs:string">
    <xsl:param name="text" as="element(site:text)"/>
    <xsl:sequence select="if ($text/site:digest/site:title[normalize-space()]) then string($text/site:digest/site:title)
      else string-join((tk:main-title(site:root($text)), tk:sub-title(site:root($text))), ': ')"/>
  </xsl:function>

  <!-- "¶ 2.3", or where else in the text a mention or date stands (its @where and @para). -->
  <xsl:function name="site:where-label" as="xs:string">
    <xsl:param name="at" as="element()"/>
    <xsl:sequence select="if ($at/@where = 'para') then '¶ ' || $at/@para
      else map{'headnote': 'editors’ note', 'front': 'front matter', 'back': 'notes', 'text': 'text'}(string($at/@where))"/>
  </xsl:function>

  <xsl:template match="/site:site">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="string-join(distinct-values(($site:page-names($page)[$page != 'index'], $title)), ' — ')"/></title>
        <link rel="stylesheet" href="{$assets}edition.css"/>
        <link rel="stylesheet" href="{$assets}print.css" media="print"/>
        <xsl:if test="$page = 'search'">
          <script src="{$assets}search.js" type="module"></script>
        </xsl:if>
      </head>
      <body class="site-page site-{$page} {if ($page = 'index') then 'site-index' else ''}">
        <a class="skip-link" href="#main">Skip to the content</a>
        <xsl:if test="$pages">
          <header class="masthead">
            <nav class="site-nav" aria-label="Edition">
              <ul class="site-pages">
                <xsl:for-each select="tokenize($pages)">
                  <xsl:variable name="key" select="substring-before(., '=')"/>
                  <li>
                    <a href="{substring-after(., '=')}">
                      <xsl:if test="$key = $page"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
                      <xsl:value-of select="$site:page-names($key)"/>
                    </a>
                  </li>
                </xsl:for-each>
              </ul>
            </nav>
          </header>
        </xsl:if>
        <main id="main">
          <xsl:choose>
            <xsl:when test="$page = 'index'"><xsl:call-template name="site:contents"/></xsl:when>
            <xsl:when test="$page = 'chronology'"><xsl:call-template name="site:chronology"/></xsl:when>
            <xsl:when test="$page = 'search'"><xsl:call-template name="site:search"/></xsl:when>
            <xsl:when test="$page = $site:kinds">
              <xsl:call-template name="site:register"><xsl:with-param name="kind" select="$page"/></xsl:call-template>
            </xsl:when>
          </xsl:choose>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- ===== contents: the texts in the edition's order ===== -->
  <xsl:template name="site:contents">
    <h1><xsl:value-of select="$title"/></h1>
    <!-- the indices and registers are there only when the edition has a register -->
    <xsl:variable name="registers" select="tokenize($pages) ! substring-before(., '=') = $site:kinds"/>
    <p class="intro">Reading editions generated from TEI P5 encodings. Each page has the
      text, its notes<xsl:choose>
        <xsl:when test="$registers">, the sources it was taken from, and indices of the persons,
          organisations, places and periodicals it names; the registers of the edition list
          every mention in every text</xsl:when>
        <xsl:otherwise> and the sources it was taken from</xsl:otherwise>
      </xsl:choose>.</p>
    <ol class="text-list">
      <xsl:for-each select="site:text">
        <xsl:variable name="root" select="site:root(.)"/>
        <xsl:variable name="source" select="tk:source-line($root)"/>
        <xsl:variable name="date" select="site:date(.)"/>
        <li class="text-entry" id="text-{@name}">
          <p class="text-author"><xsl:value-of select="(string-join(tk:authors($root), ', ')[.], 'Anonymous')[1]"/></p>
          <p class="text-title"><a href="{@href}"><xsl:value-of select="site:title(.)"/></a></p>
          <xsl:if test="$date">
            <p class="text-date"><span class="field">Date:</span><xsl:text> </xsl:text><xsl:value-of select="$date"/></p>
          </xsl:if>
          <xsl:if test="$source">
            <p class="text-source"><span class="field">Source:</span><xsl:text> </xsl:text><xsl:value-of select="$source"/></p>
          </xsl:if>
          <xsl:variable name="text" select="."/>
          <xsl:variable name="sections" select="distinct-values(site:digest/site:para/@section[. != ''])"/>
          <xsl:if test="exists($sections)">
            <ul class="text-sections">
              <xsl:for-each select="$sections">
                <xsl:variable name="first" select="($text/site:digest/site:para[@section = current()])[1]"/>
                <li><a href="{$text/@href}#{$first/@anchor}"><xsl:value-of select="."/></a></li>
              </xsl:for-each>
            </ul>
          </xsl:if>
          <xsl:if test="@tei">
            <p class="text-downloads"><span class="field">Download:</span>
              <xsl:for-each select="@tei, @pdf, @txt">
                <xsl:text> </xsl:text>
                <a href="{encode-for-uri(.)}" download=""><xsl:value-of select="map{'tei': 'TEI', 'pdf': 'PDF', 'txt': 'Plain text'}(local-name())"/></a>
              </xsl:for-each>
            </p>
          </xsl:if>
        </li>
      </xsl:for-each>
    </ol>
  </xsl:template>

  <!-- ===== a register: every entry of one kind that the texts mention ===== -->
  <xsl:template name="site:register">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:variable name="site" select="."/>
    <h1><xsl:value-of select="$site:page-names($kind)"/></h1>
    <p class="intro">Every <xsl:value-of select="lower-case(tk:kind-label($kind))"/> the texts of
      the edition name, with the register’s details and a link to each mention, text by text.</p>
    <xsl:variable name="keys" select="distinct-values(site:text/site:digest//site:mention[@kind = $kind]/@key)"/>
    <ul class="register-list">
      <xsl:for-each select="$keys">
        <xsl:sort select="(key('site:entries', ., $site)[1]/*[1] ! tk:sort-key(.), .)[1]"/>
        <xsl:variable name="key" select="."/>
        <xsl:variable name="holder" select="key('site:entries', $key, $site)[1]"/>
        <xsl:variable name="entry" select="$holder/*[1]"/>
        <xsl:variable name="mentions" select="key('site:mentions', $key, $site)"/>
        <xsl:variable name="texts" select="$mentions/ancestor::site:text"/>
        <li class="entry entry-{$kind}" id="{$key}">
          <h2 class="reg-head">
            <span class="reg-name"><xsl:value-of select="if ($entry) then tk:display-name($entry) else $key"/></span>
            <xsl:for-each select="$entry ! tk:entry-dates(.)">
              <xsl:text> </xsl:text><span class="reg-dates">(<xsl:value-of select="."/>)</span>
            </xsl:for-each>
          </h2>
          <xsl:if test="$entry">
            <xsl:for-each select="tk:full-name($entry)">
              <p class="reg-full"><xsl:value-of select="."/></p>
            </xsl:for-each>
            <xsl:for-each select="tk:entry-note($entry)">
              <p class="reg-note"><xsl:value-of select="."/></p>
            </xsl:for-each>
            <xsl:for-each-group select="$holder/site:rel" group-by="@label">
              <p class="reg-rel">
                <xsl:value-of select="current-grouping-key()"/><xsl:text>: </xsl:text>
                <xsl:for-each select="current-group()">
                  <xsl:if test="position() gt 1"><xsl:text>, </xsl:text></xsl:if>
                  <xsl:variable name="target" select="site:page-file(@kind)"/>
                  <xsl:choose>
                    <xsl:when test="$target and key('site:mentions', @key, $site)">
                      <a href="{$target}#{encode-for-uri(@key)}"><xsl:value-of select="@name"/></a>
                    </xsl:when>
                    <xsl:otherwise><xsl:value-of select="@name"/></xsl:otherwise>
                  </xsl:choose>
                </xsl:for-each>
              </p>
            </xsl:for-each-group>
            <xsl:variable name="links" select="tk:authority-links($entry)"/>
            <xsl:if test="exists($links)">
              <p class="reg-links">
                <xsl:for-each select="$links">
                  <xsl:if test="position() gt 1"><xsl:text> · </xsl:text></xsl:if>
                  <a href="{?url}" rel="external"><xsl:value-of select="?label"/></a>
                </xsl:for-each>
              </p>
            </xsl:if>
          </xsl:if>
          <p class="reg-count">
            <xsl:value-of select="count($mentions) || (if (count($mentions) = 1) then ' mention' else ' mentions')
              || ' in ' || count($texts) || (if (count($texts) = 1) then ' text' else ' texts')"/>
          </p>
          <ul class="reg-texts">
            <!-- the mentions come in document order, a text's together: one pass over them -->
            <xsl:for-each-group select="$mentions" group-adjacent="ancestor::site:text/@name">
              <xsl:variable name="text" select="ancestor::site:text"/>
              <li class="reg-text">
                <span class="reg-text-title"><xsl:value-of select="site:title($text)"/></span>
                <xsl:text>: </xsl:text>
                <xsl:for-each select="current-group()">
                  <xsl:if test="position() gt 1"><xsl:text>, </xsl:text></xsl:if>
                  <a class="mention-link" href="{$text/@href}#{@anchor}"><xsl:value-of select="site:where-label(.)"/></a>
                </xsl:for-each>
              </li>
            </xsl:for-each-group>
          </ul>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- ===== chronology: the texts and every dated event on one timeline ===== -->
  <xsl:template name="site:chronology">
    <h1>Chronology</h1>
    <p class="intro">The texts of the edition and every date they give, in order of the
      Gregorian calendar (New Style); where a text wrote a date in the Julian calendar (Old
      Style), both are shown.</p>
    <xsl:variable name="rows" as="element()*">
      <xsl:for-each select="site:text">
        <xsl:variable name="text" select="."/>
        <xsl:if test="site:digest/@sort != ''">
          <site:row iso="{site:digest/@sort}" text="{@name}" href="{@href}" kind="text"
            label="{site:date(.)}" title="{site:title(.)}"/>
        </xsl:if>
        <xsl:for-each select="site:digest//site:when[matches(@iso, '^\d{4}')]">
          <site:row iso="{@iso}" text="{$text/@name}" href="{$text/@href}#{@anchor}"
            kind="date" label="{@label}" written="{@written}" where="{@where}" para="{@para}" julian="{@julian}" title="{site:title($text)}"/>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each-group select="$rows" group-by="substring(@iso, 1, 4)">
      <xsl:sort select="current-grouping-key()"/>
      <section class="chrono-year" aria-labelledby="year-{current-grouping-key()}">
        <h2 id="year-{current-grouping-key()}"><xsl:value-of select="current-grouping-key()"/></h2>
        <ol class="chronology">
          <xsl:for-each select="current-group()">
            <xsl:sort select="@iso"/>
            <xsl:sort select="@kind" order="descending"/>
            <li class="chrono-{@kind}">
              <span class="chrono-date"><xsl:value-of select="@label"/></span>
              <xsl:text> — </xsl:text>
              <xsl:choose>
                <xsl:when test="@kind = 'text'">
                  <a href="{@href}"><xsl:value-of select="@title"/></a><xsl:text> (text of the edition)</xsl:text>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:text>“</xsl:text><xsl:value-of select="@written"/><xsl:text>” in </xsl:text>
                  <a href="{@href}"><xsl:value-of select="@title"/>
                    <xsl:if test="@where = 'para'"><xsl:text>, </xsl:text><xsl:value-of select="site:where-label(.)"/></xsl:if>
                  </a>
                </xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:for-each-group>
  </xsl:template>

  <!-- ===== search (Pagefind's index in pagefind/, results drawn by assets/search.js) ===== -->
  <xsl:template name="site:search">
    <h1>Search</h1>
    <form class="search-form" role="search" action="search.html" method="get">
      <p>
        <label for="search-input">Words to find</label>
        <xsl:text> </xsl:text>
        <input type="search" id="search-input" name="q" autocomplete="off"/>
        <xsl:text> </xsl:text>
        <button type="submit">Search</button>
      </p>
      <p class="search-filters">
        <label for="filter-text">Text</label>
        <xsl:text> </xsl:text>
        <select id="filter-text" name="text" data-filter="text">
          <option value="">All texts</option>
          <xsl:for-each select="site:text">
            <option value="{site:title(.)}"><xsl:value-of select="site:title(.)"/></option>
          </xsl:for-each>
        </select>
        <xsl:text> </xsl:text>
        <label for="filter-names">Names</label>
        <xsl:text> </xsl:text>
        <select id="filter-names" name="names" data-filter="names">
          <option value="">Any paragraph</option>
          <xsl:for-each select="$site:kinds[. = current()/site:text/site:digest//site:mention/@kind]">
            <option value="{map{'person': 'persons', 'org': 'organisations', 'place': 'places', 'bibl': 'periodicals and titles', 'event': 'events'}(.)}">
              <xsl:value-of select="'naming ' || lower-case($site:page-names(.))"/>
            </option>
          </xsl:for-each>
        </select>
      </p>
    </form>
    <p class="search-status" id="search-status" role="status" aria-live="polite">
      Search needs JavaScript and the site served over HTTP (run <code>teikit serve</code> and
      open the address it prints).
    </p>
    <ol class="search-results" id="search-results"></ol>
  </xsl:template>
</xsl:stylesheet>
