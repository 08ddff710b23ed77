<?xml version="1.0" encoding="UTF-8"?>
<!--
  The book around the text: page masters, PDF metadata, bookmarks, the page sequences,
  running heads, title page and imprint, the note on the edition, contents.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:eg="http://www.tei-c.org/ns/Examples"
    xmlns:f="urn:teikit:fo"
    xmlns:tk="urn:teikit"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- ================================================================== the book -->

  <xsl:template match="/">
    <xsl:variable name="docs" select="(/TEI, /teiCorpus/TEI, /teiCorpus/teiCorpus/TEI)"/>
    <xsl:variable name="lang" select="substring-before(concat((/*/@xml:lang, 'en')[1], '-'), '-')"/>
    <fo:root font-family="{$serif}" font-size="{$body-size}" line-height="{$body-leading}">
      <xsl:if test="$lang = $hyphenated-languages">
        <xsl:attribute name="language" select="$lang"/>
        <xsl:attribute name="hyphenate">true</xsl:attribute>
        <xsl:attribute name="hyphenation-remain-character-count">3</xsl:attribute>
        <xsl:attribute name="hyphenation-push-character-count">3</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="layout-masters"/>
      <xsl:call-template name="metadata">
        <xsl:with-param name="doc" select="$docs[1]"/>
        <xsl:with-param name="lang" select="$lang"/>
      </xsl:call-template>
      <xsl:call-template name="bookmarks">
        <xsl:with-param name="docs" select="$docs"/>
      </xsl:call-template>
      <xsl:for-each select="$docs">
        <xsl:apply-templates select="." mode="book"/>
      </xsl:for-each>
      <xsl:if test="empty($docs)">
        <!-- Not a TEI document at all: print its text so that nothing is silently lost. -->
        <fo:page-sequence master-reference="text">
          <fo:flow flow-name="xsl-region-body">
            <fo:block><xsl:value-of select="normalize-space(/)"/></fo:block>
          </fo:flow>
        </fo:page-sequence>
      </xsl:if>
    </fo:root>
  </xsl:template>

  <xsl:template name="layout-masters">
    <fo:layout-master-set>
      <fo:simple-page-master master-name="blank-page" page-width="{$page-width}" page-height="{$page-height}"
          margin-top="{$margin-top}" margin-bottom="{$margin-bottom}"
          margin-left="{$margin-inner}" margin-right="{$margin-outer}">
        <fo:region-body margin-top="{$head-space}" margin-bottom="{$foot-space}"/>
      </fo:simple-page-master>
      <xsl:for-each select="('recto', 'verso')">
        <xsl:variable name="side" select="."/>
        <xsl:for-each select="('', '-index')">
          <fo:simple-page-master master-name="{$side}{.}" page-width="{$page-width}" page-height="{$page-height}"
              margin-top="{$margin-top}" margin-bottom="{$margin-bottom}"
              margin-left="{if ($side = 'recto') then $margin-inner else $margin-outer}"
              margin-right="{if ($side = 'recto') then $margin-outer else $margin-inner}">
            <fo:region-body margin-top="{$head-space}" margin-bottom="{$foot-space}">
              <xsl:if test=". = '-index'">
                <xsl:attribute name="column-count">2</xsl:attribute>
                <xsl:attribute name="column-gap">6mm</xsl:attribute>
              </xsl:if>
            </fo:region-body>
            <fo:region-before region-name="{$side}-head" extent="{$head-space}"/>
            <fo:region-after region-name="plain-foot" extent="{$foot-space}"/>
          </fo:simple-page-master>
        </xsl:for-each>
      </xsl:for-each>
      <!-- the first page of a part: no running head, the folio at the foot -->
      <fo:simple-page-master master-name="opening" page-width="{$page-width}" page-height="{$page-height}"
          margin-top="{$margin-top}" margin-bottom="{$margin-bottom}"
          margin-left="{$margin-inner}" margin-right="{$margin-outer}">
        <fo:region-body margin-top="{$head-space}" margin-bottom="{$foot-space}"/>
        <fo:region-after region-name="opening-foot" extent="{$foot-space}"/>
      </fo:simple-page-master>
      <fo:simple-page-master master-name="opening-index" page-width="{$page-width}" page-height="{$page-height}"
          margin-top="{$margin-top}" margin-bottom="{$margin-bottom}"
          margin-left="{$margin-inner}" margin-right="{$margin-outer}">
        <fo:region-body margin-top="{$head-space}" margin-bottom="{$foot-space}" column-count="2" column-gap="6mm"/>
        <fo:region-after region-name="opening-foot" extent="{$foot-space}"/>
      </fo:simple-page-master>
      <fo:simple-page-master master-name="title" page-width="{$page-width}" page-height="{$page-height}"
          margin-top="{$margin-top}" margin-bottom="{$margin-bottom}"
          margin-left="{$margin-inner}" margin-right="{$margin-outer}">
        <fo:region-body margin-top="{$head-space}" margin-bottom="{$foot-space}"/>
      </fo:simple-page-master>
      <xsl:for-each select="('', '-index')">
        <fo:page-sequence-master master-name="text{.}">
          <fo:repeatable-page-master-alternatives>
            <fo:conditional-page-master-reference master-reference="blank-page" blank-or-not-blank="blank"/>
            <fo:conditional-page-master-reference master-reference="opening{.}" page-position="first"/>
            <fo:conditional-page-master-reference master-reference="recto{.}" odd-or-even="odd"/>
            <fo:conditional-page-master-reference master-reference="verso{.}" odd-or-even="even"/>
          </fo:repeatable-page-master-alternatives>
        </fo:page-sequence-master>
      </xsl:for-each>
      <fo:page-sequence-master master-name="front">
        <fo:repeatable-page-master-alternatives>
          <fo:conditional-page-master-reference master-reference="blank-page" blank-or-not-blank="blank"/>
          <fo:conditional-page-master-reference master-reference="opening"/>
        </fo:repeatable-page-master-alternatives>
      </fo:page-sequence-master>
    </fo:layout-master-set>
  </xsl:template>

  <!-- the PDF's document information: title, author, subject, language -->
  <xsl:template name="metadata">
    <xsl:param name="doc" as="element()?"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:if test="$doc">
      <fo:declarations>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
          <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <dc:title><xsl:value-of select="tk:main-title($doc)"/></dc:title>
              <xsl:for-each select="$doc/teiHeader/fileDesc/titleStmt/author ! f:name-text((persName, name, .)[1])">
                <dc:creator><xsl:value-of select="."/></dc:creator>
              </xsl:for-each>
              <xsl:for-each select="tk:sub-title($doc)">
                <dc:description><xsl:value-of select="."/></dc:description>
              </xsl:for-each>
              <dc:language><xsl:value-of select="$lang"/></dc:language>
            </rdf:Description>
            <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
              <xmp:CreatorTool>teikit (XSL-FO, Apache FOP)</xmp:CreatorTool>
            </rdf:Description>
          </rdf:RDF>
        </x:xmpmeta>
      </fo:declarations>
    </xsl:if>
  </xsl:template>

  <xsl:template name="bookmarks">
    <xsl:param name="docs" as="element()*"/>
    <xsl:variable name="entries" as="element()*">
      <xsl:for-each select="$docs">
        <xsl:variable name="doc" select="."/>
        <xsl:for-each select="$doc/text/body//*[self::div or self::div1 or self::div2 or self::div3][head][not(ancestor::*[self::div or self::div1 or self::div2][ancestor::body])]">
          <fo:bookmark internal-destination="{f:id(.)}">
            <fo:bookmark-title><xsl:value-of select="tk:section-heading(.)"/></fo:bookmark-title>
          </fo:bookmark>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="exists($entries)">
      <fo:bookmark-tree><xsl:sequence select="$entries"/></fo:bookmark-tree>
    </xsl:if>
  </xsl:template>

  <xsl:template match="TEI" mode="book">
    <xsl:variable name="doc" select="."/>
    <!-- title page and imprint -->
    <fo:page-sequence master-reference="title" format="i" force-page-count="even" id="{f:id(.)}-title">
      <fo:flow flow-name="xsl-region-body">
        <xsl:call-template name="title-page"/>
        <xsl:call-template name="imprint-page"/>
      </fo:flow>
    </fo:page-sequence>
    <!-- note on the edition and contents -->
    <fo:page-sequence master-reference="front" format="i" force-page-count="end-on-even">
      <fo:static-content flow-name="opening-foot">
        <fo:block text-align="center" font-size="{$small-size}"><fo:page-number/></fo:block>
      </fo:static-content>
      <fo:static-content flow-name="xsl-footnote-separator">
        <fo:block><fo:leader leader-pattern="rule" leader-length="25%" rule-thickness="0.4pt"/></fo:block>
      </fo:static-content>
      <fo:flow flow-name="xsl-region-body">
        <xsl:call-template name="edition-note"/>
        <xsl:call-template name="contents"/>
      </fo:flow>
    </fo:page-sequence>
    <!-- the text -->
    <fo:page-sequence master-reference="text" initial-page-number="1" format="1">
      <xsl:call-template name="running-heads"/>
      <fo:flow flow-name="xsl-region-body">
        <fo:block text-align="justify" id="{f:id(text)}">
          <xsl:apply-templates select="text"/>
        </fo:block>
      </fo:flow>
    </fo:page-sequence>
    <!-- back matter generated from the text: dates, index -->
    <xsl:for-each select="f:back-parts(.)">
      <xsl:variable name="part" select="."/>
      <fo:page-sequence master-reference="{?master}">
        <xsl:for-each select="$doc">
          <xsl:call-template name="running-heads">
            <xsl:with-param name="recto" select="$part?title"/>
          </xsl:call-template>
          <fo:flow flow-name="xsl-region-body">
            <xsl:choose>
              <xsl:when test="$part?part = 'dates'"><xsl:call-template name="date-concordance"/></xsl:when>
              <xsl:otherwise><xsl:call-template name="index"/></xsl:otherwise>
            </xsl:choose>
          </fo:flow>
        </xsl:for-each>
      </fo:page-sequence>
    </xsl:for-each>
  </xsl:template>

  <!-- The parts of the back matter the text calls for, in order: {part (the id suffix), title,
       master (the page masters)}. The book and its contents list the same parts. -->
  <xsl:function name="f:back-parts" as="map(xs:string, xs:string)*">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="
      (if (exists(f:julian-dates($doc))) then map{'part': 'dates', 'title': 'Dates in the Old Style', 'master': 'text'} else (),
       if (exists(f:mentions($doc))) then map{'part': 'index', 'title': 'Index', 'master': 'text-index'} else ())"/>
  </xsl:function>

  <xsl:template name="running-heads">
    <xsl:param name="recto" as="xs:string?"/>
    <xsl:variable name="doc" select="ancestor-or-self::TEI[1]"/>
    <fo:static-content flow-name="verso-head">
      <fo:block font-size="{$small-size}" font-style="italic" text-align-last="justify"
          border-after-style="solid" border-after-width="0.3pt" padding-after="1.5pt">
        <fo:inline font-style="normal"><fo:page-number/></fo:inline>
        <fo:leader leader-pattern="space"/>
        <xsl:value-of select="f:short(string-join((f:author-line($doc), f:book-title($doc))[normalize-space()], ' · '))"/>
      </fo:block>
    </fo:static-content>
    <fo:static-content flow-name="recto-head">
      <fo:block font-size="{$small-size}" font-style="italic" text-align-last="justify"
          border-after-style="solid" border-after-width="0.3pt" padding-after="1.5pt">
        <xsl:choose>
          <xsl:when test="exists($recto)"><xsl:value-of select="f:short($recto)"/></xsl:when>
          <xsl:otherwise>
            <fo:retrieve-marker retrieve-class-name="section" retrieve-position="first-including-carryover"
                retrieve-boundary="page-sequence"/>
          </xsl:otherwise>
        </xsl:choose>
        <fo:leader leader-pattern="space"/>
        <fo:inline font-style="normal"><fo:page-number/></fo:inline>
      </fo:block>
    </fo:static-content>
    <fo:static-content flow-name="opening-foot">
      <fo:block text-align="center" font-size="{$small-size}"><fo:page-number/></fo:block>
    </fo:static-content>
    <fo:static-content flow-name="xsl-footnote-separator">
      <fo:block><fo:leader leader-pattern="rule" leader-length="25%" rule-thickness="0.4pt"/></fo:block>
    </fo:static-content>
  </xsl:template>

  <!-- ================================================================== title page, imprint -->

  <xsl:function name="f:book-title" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="tk:main-title($doc)"/>
  </xsl:function>

  <xsl:function name="f:author-line" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="string-join($doc/teiHeader/fileDesc/titleStmt/author ! f:name-text((persName, name, .)[1]), ', ')"/>
  </xsl:function>

  <xsl:template name="title-page">
    <xsl:variable name="stmt" select="teiHeader/fileDesc/titleStmt"/>
    <xsl:variable name="main" select="($stmt/title[@type = 'main'], $stmt/title[not(@type = ('sub', 'alt', 'short'))], $stmt/title)[1]"/>
    <fo:block-container height="{if ($a4) then '200mm' else '132mm'}" display-align="before">
      <fo:block text-align="center" space-before="{if ($a4) then '30mm' else '16mm'}" hyphenate="false">
        <xsl:for-each select="$stmt/author">
          <fo:block font-size="{if ($a4) then '16pt' else '13pt'}" letter-spacing="0.5pt" space-after="4mm">
            <xsl:value-of select="f:name-text((persName, name, .)[1])"/>
          </fo:block>
        </xsl:for-each>
        <fo:block font-size="{if ($a4) then '26pt' else '20pt'}" line-height="1.2" font-weight="bold"
            space-before="{if ($a4) then '14mm' else '10mm'}" space-after="6mm">
          <xsl:value-of select="tk:plain($main)"/>
        </fo:block>
        <xsl:for-each select="$stmt/title except $main">
          <fo:block font-size="{if ($a4) then '15pt' else '12pt'}" font-style="italic" line-height="1.3" space-after="3mm">
            <xsl:value-of select="tk:plain(.)"/>
          </fo:block>
        </xsl:for-each>
        <fo:block space-before="{if ($a4) then '30mm' else '18mm'}">
          <xsl:for-each select="$stmt/(editor | respStmt[resp])">
            <fo:block font-size="{$small-size}" space-after="1.5mm">
              <xsl:value-of select="f:resp-line(.)"/>
            </fo:block>
          </xsl:for-each>
        </fo:block>
      </fo:block>
    </fo:block-container>
    <xsl:for-each select="tk:source-line(.)">
      <fo:block text-align="center" font-size="{$note-size}" font-style="italic" space-after="4mm">
        <xsl:value-of select="concat('From ', ., '.')"/>
      </fo:block>
    </xsl:for-each>
    <fo:block text-align="center" font-size="{$small-size}" letter-spacing="0.5pt">
      <xsl:value-of select="tk:plain((teiHeader/fileDesc/publicationStmt/(publisher, distributor, authority))[1])"/>
    </fo:block>
  </xsl:template>

  <xsl:function name="f:resp-line" as="xs:string">
    <xsl:param name="resp" as="element()"/>
    <xsl:variable name="names" select="string-join($resp/(persName | orgName | name)! tk:plain(.), ', ')"/>
    <xsl:choose>
      <xsl:when test="$resp/self::editor">
        <xsl:sequence select="concat('Edited by ', tk:plain($resp))"/>
      </xsl:when>
      <xsl:when test="matches(tk:plain($resp/resp[1]), '^translat', 'i') and $names">
        <xsl:sequence select="concat('Translated by ', $names)"/>
      </xsl:when>
      <xsl:when test="$names">
        <xsl:sequence select="concat(tk:plain($resp/resp[1]), ': ', $names)"/>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="tk:plain($resp)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:template name="imprint-page">
    <xsl:variable name="file" select="teiHeader/fileDesc"/>
    <fo:block break-before="page" font-size="{$note-size}" line-height="1.35" text-align="left"
        hyphenate="false">
      <fo:block-container height="{if ($a4) then '110mm' else '50mm'}"><fo:block/></fo:block-container>
      <!-- the source as the HTML edition describes it (common.xsl), then whatever else sourceDesc lists -->
      <xsl:variable name="source-line" select="tk:source-line(.)"/>
      <xsl:variable name="first-publication" select="tk:first-publication(.)"/>
      <xsl:variable name="described" select="$file/sourceDesc/(biblStruct[1][$source-line] | bibl[@type = 'firstPublication'][1][$first-publication])"/>
      <xsl:variable name="sources" select="$file/sourceDesc/(biblStruct | bibl | p | listBibl/(bibl | biblStruct)) except $described"/>
      <xsl:if test="$source-line">
        <fo:block space-after="1.5mm"><fo:inline font-style="italic">Source: </fo:inline><xsl:value-of select="$source-line"/>.</fo:block>
      </xsl:if>
      <xsl:if test="$first-publication">
        <fo:block space-after="1.5mm"><fo:inline font-style="italic">First published: </fo:inline><xsl:value-of select="$first-publication"/>.</fo:block>
      </xsl:if>
      <xsl:if test="$sources">
        <fo:block font-style="italic" space-after="1mm">Source</fo:block>
        <xsl:for-each select="$sources">
          <fo:block space-after="1.5mm"><xsl:apply-templates select="." mode="citation"/></fo:block>
        </xsl:for-each>
      </xsl:if>
      <!-- what else the header describes: manuscripts, witnesses, recordings, people, places, a
           letter's sender and addressee (the same selection as the reading page's) -->
      <xsl:for-each select="tk:header-descriptions(.) except $sources">
        <fo:block space-after="1.5mm"><xsl:apply-templates select="." mode="described"/></fo:block>
      </xsl:for-each>
      <xsl:variable name="creation" select="teiHeader/profileDesc/creation"/>
      <xsl:if test="normalize-space($creation)">
        <fo:block space-after="1.5mm"><fo:inline font-style="italic">Written: </fo:inline><xsl:value-of select="if ($creation/* and not($creation/text()[normalize-space()]))
            then string-join($creation/* ! tk:plain(.), ', ') else tk:plain($creation)"/></fo:block>
      </xsl:if>
      <xsl:variable name="pub" select="$file/publicationStmt"/>
      <fo:block space-before="3mm">
        <xsl:value-of select="string-join((tk:publisher(.), $pub/pubPlace ! tk:plain(.), tk:publication-date(.))[normalize-space()], ', ')"/>
      </fo:block>
      <xsl:for-each select="$pub/availability/(licence | p)">
        <fo:block space-before="1.5mm">
          <xsl:apply-templates mode="inline-only"/>
          <xsl:if test="@target">
            <xsl:text> </xsl:text>
            <fo:basic-link external-destination="url('{@target}')"><xsl:value-of select="@target"/></fo:basic-link>
          </xsl:if>
        </fo:block>
      </xsl:for-each>
      <xsl:for-each select="$pub/p">
        <fo:block space-before="1.5mm"><xsl:apply-templates mode="inline-only"/></fo:block>
      </xsl:for-each>
      <fo:block space-before="1.5mm"><fo:inline font-style="italic">Cite as: </fo:inline><xsl:value-of select="tk:citation(.)"/></fo:block>
      <xsl:for-each select="teiHeader/revisionDesc/(change | listChange/change)">
        <fo:block space-before="1mm">
          <xsl:value-of select="string-join(((@when, @notBefore)[1], tk:plain(.))[normalize-space()], ': ')"/>
        </fo:block>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <!-- citations of the source, in one line each -->
  <xsl:template match="biblStruct" mode="citation">
    <xsl:variable name="a" select="analytic"/>
    <xsl:variable name="m" select="monogr[1]"/>
    <xsl:variable name="imprint" select="$m/imprint"/>
    <xsl:variable name="vol" select="($m | $imprint)/biblScope[@unit = 'volume']"/>
    <xsl:variable name="issue" select="($m | $imprint)/biblScope[@unit = 'issue']"/>
    <xsl:variable name="pages" select="($m | $imprint)/biblScope[@unit = 'page']"/>
    <xsl:value-of select="string-join(($a/author, $m/author)[1] ! tk:plain(.), ', ')"/>
    <xsl:if test="($a/author, $m/author)"><xsl:text>, </xsl:text></xsl:if>
    <xsl:for-each select="$a/title[1]">
      <xsl:value-of select="if (exists(tk:quote-marks(.))) then tk:plain(.) else concat('“', tk:plain(.), '”')"/>
      <xsl:text>, </xsl:text>
    </xsl:for-each>
    <xsl:for-each select="$a/respStmt">
      <xsl:value-of select="f:resp-line(.)"/><xsl:text>, </xsl:text>
    </xsl:for-each>
    <xsl:if test="$a">in </xsl:if>
    <fo:inline font-style="italic"><xsl:value-of select="tk:plain($m/title[1])"/></fo:inline>
    <xsl:if test="$vol">, Vol. <xsl:value-of select="tk:plain($vol[1])"/></xsl:if>
    <xsl:if test="$issue">, No. <xsl:value-of select="tk:plain($issue[1])"/></xsl:if>
    <xsl:if test="$imprint/(pubPlace | publisher)">
      <xsl:text>, </xsl:text>
      <xsl:value-of select="string-join($imprint/(pubPlace | publisher) ! tk:plain(.), ': ')"/>
    </xsl:if>
    <xsl:if test="$imprint/date">, <xsl:value-of select="tk:plain($imprint/date[1])"/></xsl:if>
    <xsl:if test="$pages">
      <xsl:text>, </xsl:text>
      <xsl:value-of select="if ($pages[1]/@from and $pages[1]/@to and $pages[1]/@from != $pages[1]/@to) then 'pp. ' else 'p. '"/>
      <xsl:value-of select="tk:plain($pages[1])"/>
    </xsl:if>
    <xsl:text>.</xsl:text>
  </xsl:template>

  <xsl:template match="bibl" mode="citation">
    <xsl:if test="@type = 'firstPublication'">First published: </xsl:if>
    <xsl:choose>
      <!-- a bibl made of fields only (title, date …) reads as a list of them -->
      <xsl:when test="* and not(text()[normalize-space()])">
        <xsl:for-each select="*">
          <xsl:if test="position() gt 1">, </xsl:if>
          <xsl:apply-templates select="." mode="inline-only"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="inline-only"/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="not(matches(normalize-space(.), '[.!?]$'))">.</xsl:if>
  </xsl:template>

  <!-- a description in the header: element-only parts one under the other, mixed content as
       phrases (msDesc: the identifier, the contents, the physical description, the history) -->
  <xsl:template match="correspDesc" mode="described">
    <fo:block><xsl:value-of select="tk:correspondence(.)"/></fo:block>
  </xsl:template>

  <xsl:template match="*" mode="described">
    <xsl:choose>
      <xsl:when test="* and not(text()[normalize-space()])">
        <fo:block><xsl:apply-templates select="*" mode="described"/></fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:block><xsl:apply-templates mode="inline-only"/></fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*" mode="citation">
    <xsl:apply-templates mode="inline-only"/>
  </xsl:template>

  <!-- The header and the generated pages only hold phrase-level content: names, titles, dates. -->
  <xsl:template match="title[@level = ('m', 'j', 's')] | title[not(@level)]" mode="inline-only">
    <fo:inline font-style="italic"><xsl:apply-templates mode="inline-only"/></fo:inline>
  </xsl:template>
  <xsl:template match="gi" mode="inline-only">
    <fo:inline font-family="{$mono}" font-size="90%">&lt;<xsl:value-of select="."/>&gt;</fo:inline>
  </xsl:template>
  <xsl:template match="att" mode="inline-only">
    <fo:inline font-family="{$mono}" font-size="90%">@<xsl:value-of select="."/></fo:inline>
  </xsl:template>
  <xsl:template match="*[preceding-sibling::node()[1][self::*]][tk:needs-space-before(.)]" mode="inline-only" priority="20">
    <xsl:text> </xsl:text>
    <xsl:next-match/>
  </xsl:template>
  <xsl:template match="*" mode="inline-only">
    <xsl:apply-templates mode="inline-only"/>
  </xsl:template>
  <xsl:template match="text()" mode="inline-only">
    <xsl:value-of select="tk:printable-text(., tk:collapse-space(.))"/>
  </xsl:template>

  <!-- ================================================================== note on the edition -->

  <xsl:template name="edition-note">
    <xsl:variable name="decl" select="teiHeader/encodingDesc/editorialDecl"/>
    <xsl:variable name="doc" select="."/>
    <fo:block id="{f:id(.)}-edition-note">
      <xsl:call-template name="part-heading">
        <xsl:with-param name="text" select="'A Note on this Edition'"/>
      </xsl:call-template>
      <fo:block font-size="{$small-size}" line-height="1.4" text-align="justify">
        <xsl:for-each select="$decl/*">
          <fo:block space-after="2mm">
            <xsl:if test="not(self::p)">
              <fo:inline font-style="italic"><xsl:value-of select="f:decl-label(.)"/>. </fo:inline>
            </xsl:if>
            <xsl:choose>
              <xsl:when test="p">
                <xsl:for-each select="p">
                  <xsl:apply-templates mode="inline-only"/>
                  <xsl:if test="position() != last()"><xsl:text> </xsl:text></xsl:if>
                </xsl:for-each>
              </xsl:when>
              <xsl:otherwise><xsl:apply-templates mode="inline-only"/></xsl:otherwise>
            </xsl:choose>
          </fo:block>
        </xsl:for-each>
        <fo:block space-after="2mm">
          <fo:inline font-style="italic">In print. </fo:inline>
          <xsl:text>Quotation marks are set by nesting: “double” outside, ‘single’ within. </xsl:text>
          <xsl:if test="exists($doc/text//note[f:is-footnote(.)])">
            <xsl:text>Notes are printed as footnotes numbered through the text; the editors’ bracketed insertions are among them. </xsl:text>
          </xsl:if>
          <xsl:if test="$doc/text//note[@type = 'paraphrase']">
            <xsl:text>Paraphrases standing for omitted passages are set in italics within brackets. </xsl:text>
          </xsl:if>
          <xsl:if test="$doc/text//gap[not(@reason = $tk:unread-reasons)]">
            <xsl:text>Omissions are marked […]. </xsl:text>
          </xsl:if>
          <xsl:if test="$doc/text//gap[@reason = $tk:unread-reasons]">
            <xsl:text>What could not be read in the source is marked as the transcription marks it, such as [illegible]. </xsl:text>
          </xsl:if>
          <xsl:if test="exists(f:julian-dates($doc))">
            <xsl:text>Dates in the Old Style (Julian calendar) are listed with their New Style equivalents at the end of the volume. </xsl:text>
          </xsl:if>
          <xsl:if test="exists(f:mentions($doc))">
            <xsl:text>The index lists the persons, organisations and places named in the text.</xsl:text>
          </xsl:if>
        </fo:block>
      </fo:block>
    </fo:block>
  </xsl:template>

  <xsl:function name="f:decl-label" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="n" select="local-name($e)"/>
    <xsl:sequence select="if ($n = 'normalization') then 'Normalisation'
                          else if ($n = 'stdVals') then 'Standard values'
                          else concat(upper-case(substring($n, 1, 1)), substring($n, 2))"/>
  </xsl:function>

  <xsl:template name="part-heading">
    <xsl:param name="text" as="xs:string"/>
    <fo:block font-size="{if ($a4) then '16pt' else '13pt'}" font-weight="bold" line-height="1.25"
        space-before="{if ($a4) then '14mm' else '8mm'}" space-before.conditionality="retain"
        space-after="{if ($a4) then '10mm' else '7mm'}" keep-with-next.within-page="always"
        hyphenate="false" text-align="left">
      <xsl:value-of select="$text"/>
    </fo:block>
  </xsl:template>

  <!-- ================================================================== contents -->

  <xsl:template name="contents">
    <xsl:variable name="doc" select="."/>
    <fo:block break-before="odd-page">
      <xsl:call-template name="part-heading">
        <xsl:with-param name="text" select="'Contents'"/>
      </xsl:call-template>
      <!-- the headnote, then the titled sections two levels deep -->
      <xsl:variable name="headnote" select="text/front/div[@type = 'headnote'][1]"/>
      <xsl:for-each select="$headnote | text//*[self::div or self::div1 or self::div2 or self::div3 or self::div4][head][not(ancestor::front)][count(ancestor::*[starts-with(local-name(), 'div')]) lt 2]">
        <xsl:call-template name="toc-line">
          <xsl:with-param name="label" select="if (. is $headnote) then 'Headnote' else tk:section-heading(.)"/>
          <xsl:with-param name="target" select="f:id(.)"/>
          <xsl:with-param name="level" select="count(ancestor::*[starts-with(local-name(), 'div')])"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="f:back-parts($doc)">
        <xsl:call-template name="toc-line">
          <xsl:with-param name="label" select="?title"/>
          <xsl:with-param name="target" select="f:id($doc) || '-' || ?part"/>
          <xsl:with-param name="space" select="if (position() = 1) then '3mm' else '0mm'"/>
        </xsl:call-template>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <xsl:template name="toc-line">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="target" as="xs:string"/>
    <xsl:param name="level" as="xs:integer" select="0"/>
    <xsl:param name="space" as="xs:string" select="'0mm'"/>
    <fo:block text-align-last="justify" start-indent="{$level * 4}mm" end-indent="8mm"
        last-line-end-indent="-8mm" space-before="{$space}" space-after="1.2mm" hyphenate="false"
        text-align="left">
      <fo:basic-link internal-destination="{$target}">
        <xsl:value-of select="$label"/>
        <fo:inline keep-together.within-line="always">
          <xsl:text> </xsl:text>
          <fo:leader leader-pattern="dots" leader-pattern-width="3pt" leader-alignment="reference-area"/>
          <xsl:text> </xsl:text>
          <fo:page-number-citation ref-id="{$target}"/>
        </fo:inline>
      </fo:basic-link>
    </fo:block>
  </xsl:template>

</xsl:stylesheet>
