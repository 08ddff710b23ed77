<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI P5 → XSL-FO: the print edition, rendered to PDF by Apache FOP (configuration in fop/fop.xconf).

  The book: title page and imprint (from the header), a note on the edition (editorialDecl),
  contents, the text (headnote set apart, sections with running heads, footnotes), a concordance
  of Old Style dates and an index of persons, organisations and places.

  Parameters
    page-size    'A5' (default) or 'A4'.
    index-cite   'auto' (default): the index cites the first mention of a name in each paragraph;
                 otherwise a space-separated list of the mention ids (ix.K.N) to cite. The PDF
                 renderer lays the book out once, finds the page of every mention and passes the
                 first mention on each page, so that no page number is printed twice.

  Conventions shared with the HTML edition (which notes are numbered, quotation marks by nesting,
  date labels, register lookups, the description of the source) come from common.xsl.
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

  <!-- conventions shared with the HTML edition: notes, quotation marks, dates, register, header -->
  <xsl:import href="common.xsl"/>
  <xsl:mode use-accumulators="#all"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="page-size" as="xs:string" select="'A5'"/>
  <xsl:param name="index-cite" as="xs:string" select="'auto'"/>

  <!-- ================================================================== geometry and type -->

  <xsl:variable name="a4" as="xs:boolean" select="upper-case($page-size) = 'A4'"/>
  <xsl:variable name="page-width" select="if ($a4) then '210mm' else '148mm'"/>
  <xsl:variable name="page-height" select="if ($a4) then '297mm' else '210mm'"/>
  <xsl:variable name="margin-top" select="if ($a4) then '18mm' else '12mm'"/>
  <xsl:variable name="margin-bottom" select="if ($a4) then '18mm' else '12mm'"/>
  <xsl:variable name="margin-inner" select="if ($a4) then '34mm' else '19mm'"/>
  <xsl:variable name="margin-outer" select="if ($a4) then '28mm' else '15mm'"/>
  <xsl:variable name="head-space" select="if ($a4) then '12mm' else '10mm'"/>
  <xsl:variable name="foot-space" select="if ($a4) then '10mm' else '8mm'"/>
  <xsl:variable name="body-size" select="if ($a4) then '11pt' else '9.5pt'"/>
  <xsl:variable name="body-leading" select="if ($a4) then '14.5pt' else '12.5pt'"/>
  <xsl:variable name="small-size" select="if ($a4) then '9.5pt' else '8.5pt'"/>
  <xsl:variable name="note-size" select="if ($a4) then '8.5pt' else '7.5pt'"/>
  <xsl:variable name="serif" select="'DejaVu Serif Condensed, DejaVu Serif, DejaVu Sans, DejaVu Sans Mono'"/>
  <xsl:variable name="mono" select="'DejaVu Sans Mono, DejaVu Sans'"/>

  <xsl:variable name="hyphenated-languages" select="('en', 'fr', 'de', 'it', 'es', 'nl', 'pt', 'la')"/>

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
            <fo:bookmark-title><xsl:value-of select="tk:plain(head[1])"/></fo:bookmark-title>
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
    <xsl:if test="exists(f:julian-dates(.))">
      <fo:page-sequence master-reference="text">
        <xsl:call-template name="running-heads">
          <xsl:with-param name="recto" select="'Dates in the Old Style'"/>
        </xsl:call-template>
        <fo:flow flow-name="xsl-region-body">
          <xsl:call-template name="date-concordance"/>
        </fo:flow>
      </fo:page-sequence>
    </xsl:if>
    <xsl:if test="exists(f:mentions(.))">
      <fo:page-sequence master-reference="text-index">
        <xsl:call-template name="running-heads">
          <xsl:with-param name="recto" select="'Index'"/>
        </xsl:call-template>
        <fo:flow flow-name="xsl-region-body">
          <xsl:call-template name="index"/>
        </fo:flow>
      </fo:page-sequence>
    </xsl:if>
  </xsl:template>

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
  <xsl:template match="*" mode="inline-only">
    <xsl:apply-templates mode="inline-only"/>
  </xsl:template>
  <xsl:template match="text()" mode="inline-only">
    <xsl:value-of select="tk:printable(replace(., '\s+', ' '))"/>
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
          <xsl:if test="$doc/text//gap">
            <xsl:text>Omissions are marked […]. </xsl:text>
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
      <xsl:for-each select="text/front/div[@type = 'headnote'][1]">
        <xsl:call-template name="toc-line">
          <xsl:with-param name="label" select="'Headnote'"/>
          <xsl:with-param name="target" select="f:id(.)"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="text//*[self::div or self::div1 or self::div2 or self::div3 or self::div4][head][not(ancestor::front)][count(ancestor::*[starts-with(local-name(), 'div')]) lt 2]">
        <xsl:call-template name="toc-line">
          <xsl:with-param name="label" select="tk:plain(head[1])"/>
          <xsl:with-param name="target" select="f:id(.)"/>
          <xsl:with-param name="level" select="count(ancestor::*[starts-with(local-name(), 'div')])"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:if test="exists(f:julian-dates($doc))">
        <xsl:call-template name="toc-line">
          <xsl:with-param name="label" select="'Dates in the Old Style'"/>
          <xsl:with-param name="target" select="concat(f:id($doc), '-dates')"/>
          <xsl:with-param name="space" select="'3mm'"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="exists(f:mentions($doc))">
        <xsl:call-template name="toc-line">
          <xsl:with-param name="label" select="'Index'"/>
          <xsl:with-param name="target" select="concat(f:id($doc), '-index')"/>
          <xsl:with-param name="space" select="if (exists(f:julian-dates($doc))) then '0mm' else '3mm'"/>
        </xsl:call-template>
      </xsl:if>
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

  <!-- ================================================================== the text: structure -->

  <xsl:template match="text">
    <xsl:apply-templates select="front, body, back, group"/>
  </xsl:template>

  <xsl:template match="group">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="group/text">
    <fo:block break-before="page">
      <xsl:apply-templates select="front, body, back, group"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="front | body | back">
    <!-- no marker here: the running head names the section in effect at the top of the page -->
    <fo:block>
      <xsl:apply-templates select="*"/>
    </fo:block>
  </xsl:template>

  <xsl:template name="section-marker">
    <xsl:param name="label" as="xs:string?"/>
    <xsl:if test="normalize-space($label)">
      <fo:marker marker-class-name="section"><xsl:value-of select="f:short($label)"/></fo:marker>
    </xsl:if>
  </xsl:template>

  <!-- The title block of the text: the opening of the part. -->
  <xsl:template match="titlePage">
    <fo:block text-align="center" hyphenate="false" space-after="8mm" keep-with-next.within-page="always">
      <xsl:apply-templates select="*"/>
    </fo:block>
  </xsl:template>
  <xsl:template match="titlePage/docAuthor | titlePage/byline/docAuthor">
    <fo:block font-size="{$small-size}" letter-spacing="0.5pt" space-after="2mm"><xsl:apply-templates/></fo:block>
  </xsl:template>
  <xsl:template match="titlePage/docTitle">
    <fo:block space-after="3mm"><xsl:apply-templates select="*"/></fo:block>
  </xsl:template>
  <xsl:template match="docTitle/titlePart">
    <fo:block font-size="{if (@type = 'main' and ../titlePart[@type = 'sub']) then $body-size else if ($a4) then '16pt' else '13pt'}"
        font-style="{if (@type = 'main' and ../titlePart[@type = 'sub']) then 'italic' else 'normal'}"
        font-weight="{if (@type = 'main' and ../titlePart[@type = 'sub']) then 'normal' else 'bold'}"
        line-height="1.25" space-after="2mm">
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>
  <xsl:template match="titlePage/*" priority="-1">
    <fo:block space-after="2mm"><xsl:apply-templates/></fo:block>
  </xsl:template>

  <!-- The header lines of the transcription (Written:, First published: …) -->
  <xsl:template match="div[@type = 'transcription']">
    <fo:block font-size="{$note-size}" line-height="1.35" space-after="6mm" text-align="left"
        start-indent="8mm" end-indent="8mm" id="{f:id(.)}">
      <xsl:apply-templates select="*"/>
    </fo:block>
  </xsl:template>
  <xsl:template match="div[@type = 'transcription']/p">
    <fo:block><xsl:apply-templates/></fo:block>
  </xsl:template>
  <xsl:template match="div[@type = 'transcription']/p/label">
    <fo:inline font-style="italic"><xsl:apply-templates/></fo:inline>
  </xsl:template>

  <!-- The editors' headnote: set apart, smaller, between rules. -->
  <xsl:template match="div[@type = 'headnote']">
    <fo:block id="{f:id(.)}" font-size="{$small-size}" line-height="1.4" start-indent="6mm" end-indent="6mm"
        space-after="9mm" padding-before="2.5mm" padding-after="2.5mm"
        border-before-style="solid" border-before-width="0.4pt"
        border-after-style="solid" border-after-width="0.4pt">
      <xsl:apply-templates select="*"/>
    </fo:block>
  </xsl:template>
  <xsl:template match="div[@type = 'headnote']/p" priority="2">
    <fo:block text-indent="{if (preceding-sibling::p) then '1em' else '0em'}">
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>
  <xsl:template match="div[@type = 'headnote']/signed" priority="3">
    <fo:block text-align="end" keep-with-previous.within-page="always"><xsl:apply-templates/></fo:block>
  </xsl:template>
  <xsl:template match="div[@type = 'headnote']//signed" priority="2">
    <fo:inline keep-together.within-line="always"><xsl:text> </xsl:text><xsl:apply-templates/></fo:inline>
  </xsl:template>

  <xsl:template match="div | div1 | div2 | div3 | div4 | div5 | div6 | div7">
    <xsl:variable name="depth" select="count(ancestor::*[matches(local-name(), '^div\d?$')])"/>
    <fo:block id="{f:id(.)}">
      <xsl:if test="$depth = 0 and preceding-sibling::*[matches(local-name(), '^div\d?$')] and ancestor::body and head">
        <xsl:attribute name="space-before">6mm</xsl:attribute>
      </xsl:if>
      <xsl:if test="$depth = 0 and ancestor::body">
        <xsl:call-template name="section-marker">
          <xsl:with-param name="label" select="(head[1] ! tk:plain(.), f:subtitle(ancestor::TEI[1]))[normalize-space()][1]"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:apply-templates select="*"/>
    </fo:block>
  </xsl:template>

  <xsl:function name="f:subtitle" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="(tk:sub-title($doc), tk:main-title($doc))[1]"/>
  </xsl:function>

  <xsl:template match="head">
    <xsl:variable name="depth" select="count(ancestor::*[matches(local-name(), '^div\d?$')])"/>
    <fo:block font-weight="bold" hyphenate="false" text-align="left" keep-with-next.within-page="always"
        font-size="{if ($depth le 1) then (if ($a4) then '12.5pt' else '11pt') else $body-size}"
        line-height="1.25" space-before="{if ($depth le 1) then '3mm' else '2mm'}"
        space-after="{if ($depth le 1) then '3mm' else '1.5mm'}"
        font-style="{if ($depth gt 1) then 'italic' else 'normal'}">
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>

  <!-- heads of lists, tables, figures, line groups: captions -->
  <xsl:template match="list/head | table/head | figure/head | lg/head | listBibl/head | castList/head | sp/head">
    <fo:block font-style="italic" keep-with-next.within-page="always" space-after="1mm" space-before="1mm">
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>

  <xsl:template match="p | ab">
    <xsl:variable name="follows-text" select="preceding-sibling::*[1][self::p or self::ab]"/>
    <fo:block text-indent="{if ($follows-text) then '1.2em' else '0em'}" orphans="2" widows="2">
      <!-- the TEI's own id, so that the PDF's link targets are the HTML's (#p-2.3) -->
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="string(@xml:id)"/></xsl:if>
      <xsl:variable name="marks" select="f:enclosing-marks(.)"/>
      <xsl:value-of select="$marks[1]"/>
      <xsl:apply-templates/>
      <xsl:value-of select="$marks[2]"/>
    </fo:block>
  </xsl:template>

  <!-- block quotations: indented, smaller, no quotation marks (the indentation shows them) -->
  <!-- block quotations: indented and smaller; their marks (common.xsl) open the first block and close the last -->
  <xsl:template match="quote[f:is-displayed(.)] | cit[f:is-displayed(.)] | q[f:is-displayed(.)] | said[f:is-displayed(.)] | epigraph">
    <xsl:variable name="marks" select="tk:quote-marks(.)"/>
    <fo:block start-indent="{if ($a4) then '10mm' else '6mm'}" end-indent="{if ($a4) then '6mm' else '3mm'}"
        font-size="{$small-size}" line-height="1.4" space-before="2mm" space-after="2.5mm" text-indent="0em">
      <xsl:choose>
        <xsl:when test="*[f:is-block-level(.)]">
          <xsl:apply-templates select="node()" mode="block-children"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$marks[1]"/><xsl:apply-templates/><xsl:value-of select="$marks[2]"/>
        </xsl:otherwise>
      </xsl:choose>
    </fo:block>
  </xsl:template>

  <xsl:function name="f:enclosing-marks" as="xs:string*">
    <xsl:param name="block" as="element()"/>
    <xsl:variable name="quote" select="$block/parent::*[f:is-displayed(.)][exists(tk:quote-marks(.))]"/>
    <xsl:variable name="blocks" select="$quote/*[f:is-block-level(.)]"/>
    <xsl:sequence select="(if ($block is $blocks[1]) then tk:quote-marks($quote)[1] else '',
                           if ($block is $blocks[last()]) then tk:quote-marks($quote)[2] else '')"/>
  </xsl:function>

  <!-- inside a displayed element, text and phrase-level children are gathered into blocks -->
  <xsl:template match="node()" mode="block-children">
    <xsl:variable name="prev-block" select="preceding-sibling::*[f:is-block-level(.)][1]"/>
    <xsl:variable name="prev-phrase" select="preceding-sibling::node()[f:is-phrase(.)][1]"/>
    <xsl:choose>
      <xsl:when test="not(self::element() or self::text()) or (self::text() and not(normalize-space()))"/>
      <xsl:when test="self::element() and f:is-block-level(.)"><xsl:apply-templates select="."/></xsl:when>
      <xsl:when test="exists($prev-phrase) and (empty($prev-block) or $prev-block &lt;&lt; $prev-phrase)"/>
      <xsl:otherwise>
        <!-- start of a run of phrase-level content: one block for the whole run -->
        <xsl:variable name="stop" select="following-sibling::*[f:is-block-level(.)][1]"/>
        <xsl:variable name="run" select=". | following-sibling::node()[empty($stop) or . &lt;&lt; $stop]"/>
        <xsl:if test="normalize-space(string-join($run ! string(.))) or $run/self::*">
          <fo:block><xsl:apply-templates select="$run"/></fo:block>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="cit[f:is-displayed(.)]/bibl | cit[f:is-displayed(.)]/ref" priority="2">
    <fo:block text-align="right" font-style="normal">— <xsl:apply-templates/></fo:block>
  </xsl:template>

  <!-- letters -->
  <xsl:template match="opener | closer">
    <fo:block space-before="2mm" space-after="2mm" text-align="{if (self::closer) then 'right' else 'left'}">
      <xsl:apply-templates select="node()" mode="block-children"/>
    </fo:block>
  </xsl:template>
  <xsl:template match="opener/dateline | closer/dateline">
    <fo:block text-align="right"><xsl:apply-templates/></fo:block>
  </xsl:template>
  <xsl:template match="opener/salute | closer/salute | closer/signed | div/signed | postscript | trailer | byline | docImprint | docDate | argument | dateline">
    <fo:block space-before="1mm"><xsl:apply-templates select="node()" mode="block-children"/></fo:block>
  </xsl:template>

  <!-- verse and drama -->
  <xsl:template match="lg">
    <fo:block space-before="2mm" space-after="2mm" start-indent="{if (ancestor::sp) then '0mm' else '6mm'}" text-align="left" text-indent="0em">
      <xsl:apply-templates select="*"/>
    </fo:block>
  </xsl:template>
  <xsl:template match="l">
    <fo:block start-indent="from-parent(start-indent) + 4mm" text-indent="-4mm" text-align="left">
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>
  <xsl:template match="sp">
    <fo:block space-before="1.5mm" text-align="left">
      <xsl:apply-templates select="node()" mode="block-children"/>
    </fo:block>
  </xsl:template>
  <xsl:template match="speaker">
    <fo:block font-weight="bold" font-size="{$small-size}" keep-with-next.within-page="always"><xsl:apply-templates/></fo:block>
  </xsl:template>
  <xsl:template match="stage[f:is-displayed(.)] | sp/stage">
    <fo:block font-style="italic" start-indent="from-parent(start-indent) + 6mm" space-before="1mm" space-after="1mm">
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>
  <xsl:template match="stage">
    <fo:inline font-style="italic"><xsl:apply-templates/></fo:inline>
  </xsl:template>
  <xsl:template match="castList">
    <fo:block space-before="2mm" space-after="2mm"><xsl:apply-templates select="*"/></fo:block>
  </xsl:template>
  <xsl:template match="castGroup">
    <fo:block start-indent="from-parent(start-indent) + 4mm"><xsl:apply-templates select="node()" mode="block-children"/></fo:block>
  </xsl:template>
  <xsl:template match="castItem">
    <fo:block><xsl:apply-templates/></fo:block>
  </xsl:template>
  <xsl:template match="roleDesc">
    <xsl:text>, </xsl:text><fo:inline font-style="italic"><xsl:apply-templates/></fo:inline>
  </xsl:template>

  <!-- spoken language -->
  <xsl:template match="u">
    <fo:block space-after="1mm">
      <xsl:if test="@who">
        <fo:inline font-weight="bold"><xsl:value-of select="f:who-label(@who)"/>: </fo:inline>
      </xsl:if>
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>
  <xsl:template match="pause"><xsl:text> (pause) </xsl:text></xsl:template>
  <xsl:template match="kinesic | incident | vocal">
    <fo:inline font-style="italic"> (<xsl:value-of select="normalize-space(string-join((desc, @type)[1] ! string(.)))"/>) </fo:inline>
  </xsl:template>

  <!-- lists -->
  <xsl:template match="list | listBibl | listPerson | listPlace | listOrg | listEvent | listWit">
    <xsl:variable name="items" select="item | bibl | biblStruct | person | place | org | event | witness | listBibl | msDesc"/>
    <xsl:variable name="gloss" select="@type = ('gloss', 'glossary') or label"/>
    <!-- the label column is as wide as the longest label, up to a third of the measure -->
    <xsl:variable name="longest" select="max((1, $items ! string-length(normalize-space(string-join((preceding-sibling::*[1][self::label], @n)[1] ! string(.))))))"/>
    <fo:block space-before="1.5mm" space-after="1.5mm" text-indent="0em">
      <xsl:apply-templates select="head"/>
      <xsl:if test="$items">
        <fo:list-block text-indent="0em" provisional-distance-between-starts="{if ($gloss or $longest gt 2) then concat(format-number(min((14, 0.6 * $longest + 0.8)), '0.0'), 'em') else '6mm'}"
            provisional-label-separation="2mm">
          <xsl:for-each select="$items">
            <fo:list-item space-after="0.8mm">
              <fo:list-item-label end-indent="label-end()">
                <fo:block text-align="{if ($gloss) then 'left' else 'right'}">
                  <xsl:choose>
                    <xsl:when test="preceding-sibling::*[1][self::label]">
                      <xsl:apply-templates select="preceding-sibling::*[1]/node()"/>
                    </xsl:when>
                    <xsl:when test="@n"><xsl:value-of select="@n"/></xsl:when>
                    <xsl:when test="../@type = 'ordered' or contains(../@rend, 'numbered') or contains(../@rend, 'ordered')">
                      <xsl:value-of select="count(preceding-sibling::item) + 1"/>.</xsl:when>
                    <xsl:when test="../@type = ('simple', 'inline') or self::bibl or self::biblStruct or self::person or self::place or self::org"/>
                    <xsl:otherwise>•</xsl:otherwise>
                  </xsl:choose>
                </fo:block>
              </fo:list-item-label>
              <fo:list-item-body start-indent="body-start()">
                <fo:block text-align="left">
                  <xsl:apply-templates select="node()" mode="block-children"/>
                </fo:block>
              </fo:list-item-body>
            </fo:list-item>
          </xsl:for-each>
        </fo:list-block>
      </xsl:if>
      <xsl:apply-templates select="* except ($items | head | label[following-sibling::*[1] intersect $items])"/>
    </fo:block>
  </xsl:template>
  <xsl:template match="list/headLabel | list/headItem">
    <fo:block font-weight="bold"><xsl:apply-templates/></fo:block>
  </xsl:template>
  <xsl:template match="person | place | org | event" priority="-0.5">
    <fo:block><xsl:apply-templates select="node()" mode="block-children"/></fo:block>
  </xsl:template>

  <!-- tables -->
  <xsl:template match="table">
    <xsl:variable name="rows" select="row[cell]"/>
    <xsl:variable name="columns" select="max((0, for $r in $rows return sum(for $c in $r/cell return (xs:integer(f:int($c/@cols, 1))))))
                                         + count($rows/cell[xs:integer(f:int(@rows, 1)) gt 1])"/>
    <fo:block space-before="2mm" space-after="2mm" font-size="{$small-size}" text-align="left">
      <xsl:apply-templates select="head"/>
      <xsl:if test="$rows">
        <fo:table table-layout="fixed" width="100%" border-collapse="collapse" text-indent="0em">
          <xsl:for-each select="1 to $columns">
            <fo:table-column column-width="proportional-column-width(1)"/>
          </xsl:for-each>
          <fo:table-body>
            <xsl:for-each select="$rows">
              <fo:table-row keep-together.within-page="always">
                <xsl:for-each select="cell">
                  <fo:table-cell padding="1pt 2pt" border-after-style="solid" border-after-width="0.2pt" border-after-color="#999999">
                    <xsl:if test="f:int(@cols, 1) gt 1">
                      <xsl:attribute name="number-columns-spanned" select="f:int(@cols, 1)"/>
                    </xsl:if>
                    <xsl:if test="f:int(@rows, 1) gt 1">
                      <xsl:attribute name="number-rows-spanned" select="f:int(@rows, 1)"/>
                    </xsl:if>
                    <xsl:if test="@role = 'label' or ../@role = 'label'">
                      <xsl:attribute name="font-weight">bold</xsl:attribute>
                    </xsl:if>
                    <fo:block><xsl:apply-templates select="node()" mode="block-children"/></fo:block>
                  </fo:table-cell>
                </xsl:for-each>
              </fo:table-row>
            </xsl:for-each>
          </fo:table-body>
        </fo:table>
      </xsl:if>
      <xsl:apply-templates select="* except (head | row[cell])"/>
    </fo:block>
  </xsl:template>

  <xsl:function name="f:int" as="xs:integer">
    <xsl:param name="value" as="attribute()?"/>
    <xsl:param name="default" as="xs:integer"/>
    <xsl:sequence select="if ($value castable as xs:integer and xs:integer($value) ge 1) then xs:integer($value) else $default"/>
  </xsl:function>

  <!-- figures: the images are not part of the edition; their descriptions are -->
  <xsl:template match="figure">
    <fo:block space-before="2mm" space-after="2mm" text-align="center" font-size="{$small-size}" font-style="italic">
      <xsl:text>[Illustration</xsl:text>
      <xsl:if test="normalize-space(string-join((head, figDesc) ! string(.)))">: </xsl:if>
      <xsl:apply-templates select="head/node(), figDesc/node()"/>
      <xsl:text>]</xsl:text>
      <xsl:apply-templates select="* except (head | figDesc | graphic)"/>
    </fo:block>
  </xsl:template>

  <!-- examples of markup -->
  <xsl:template match="eg:egXML">
    <fo:block font-family="{$mono}" font-size="{$note-size}" line-height="1.3" linefeed-treatment="preserve"
        white-space-collapse="false" white-space-treatment="preserve" wrap-option="wrap" text-align="left"
        space-before="2mm" space-after="2mm" start-indent="4mm" background-color="#f2f2f2"
        padding="1mm" hyphenate="false">
      <xsl:value-of select="replace(serialize(node()), '\s*xmlns(:\w+)?=&quot;[^&quot;]*&quot;', '')"/>
    </fo:block>
  </xsl:template>
  <xsl:template match="eg | code[f:is-displayed(.)]">
    <fo:block font-family="{$mono}" font-size="{$note-size}" linefeed-treatment="preserve"
        white-space-collapse="false" wrap-option="wrap" text-align="left" hyphenate="false">
      <xsl:value-of select="."/>
    </fo:block>
  </xsl:template>

  <!-- milestones -->
  <xsl:template match="lb">
    <xsl:choose>
      <xsl:when test="ancestor::head or ancestor::l"><xsl:text> </xsl:text></xsl:when>
      <xsl:when test="@break = 'no'"/>
      <xsl:otherwise><fo:block/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="pb">
    <xsl:if test="@n">
      <fo:inline font-size="{$note-size}" color="#666666" font-style="normal" font-weight="normal" keep-together.within-line="always">
        <xsl:text> [</xsl:text><xsl:value-of select="@n"/><xsl:text>] </xsl:text>
      </fo:inline>
    </xsl:if>
  </xsl:template>
  <xsl:variable name="suppressed-names" as="xs:string*" select="('cb', 'milestone', 'anchor', 'fw', 'facsimile', 'surface',
      'zone', 'surfaceGrp', 'standOff', 'teiHeader', 'index', 'interpGrp', 'interp', 'link', 'linkGrp', 'join', 'alt',
      'altGrp', 'span', 'spanGrp', 'timeline', 'fs', 'fLib', 'fvLib', 'certainty', 'precision', 'respons', 'witDetail',
      'graphic', 'media', 'binaryObject')"/>
  <xsl:template match="*[local-name() = $suppressed-names]" priority="3"/>

  <!-- the notes section of the source: its notes are footnotes at their markers; endnotes go here -->
  <xsl:template match="divGen">
    <xsl:variable name="endnotes" select="ancestor::text[1]//note[@place = 'end'][f:is-footnote(.)]"/>
    <xsl:if test="@type = 'notes' and $endnotes">
      <fo:block break-before="page" id="{f:id(.)}">
        <xsl:apply-templates select="head"/>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <xsl:template match="div[@type = 'colophon']" priority="2">
    <fo:block id="{f:id(.)}" font-size="{$note-size}" text-align="center" space-before="10mm"
        keep-together.within-page="always">
      <fo:block space-after="3mm">⁂</fo:block>
      <xsl:apply-templates select="*"/>
    </fo:block>
  </xsl:template>

  <!-- ================================================================== the text: phrases -->

  <!-- quotations and so-called terms: marks by nesting, the same convention as the HTML edition -->
  <xsl:template match="quote | q | soCalled | said | title[exists(tk:quote-marks(.))]">
    <xsl:variable name="marks" select="tk:quote-marks(.)"/>
    <fo:inline>
      <xsl:value-of select="$marks[1]"/>
      <xsl:apply-templates/>
      <xsl:value-of select="$marks[2]"/>
    </fo:inline>
  </xsl:template>

  <xsl:template match="title">
    <fo:inline font-style="{if (ancestor::*[f:is-italic(.)]) then 'normal' else 'italic'}"><xsl:apply-templates/></fo:inline>
  </xsl:template>

  <xsl:template match="gap">
    <fo:inline keep-together.within-line="always"><xsl:value-of select="$tk:gap-label"/></fo:inline>
  </xsl:template>

  <xsl:template match="note[@type = 'paraphrase']">
    <fo:inline>[<fo:inline font-style="italic"><xsl:apply-templates/></fo:inline>]</fo:inline>
  </xsl:template>

  <!-- A note standing among blocks, with no text to hang a marker on, is a block of its own. -->
  <xsl:template match="note[parent::*[tk:is-container(.)]]" priority="1">
    <fo:block font-size="{$small-size}" start-indent="from-parent(start-indent) + 6mm" text-indent="0em"
        space-before="1.5mm" space-after="1.5mm" keep-with-previous.within-page="always">
      <fo:block><fo:inline font-style="italic">Note. </fo:inline></fo:block>
      <xsl:apply-templates select="node()" mode="block-children"/>
    </fo:block>
  </xsl:template>

  <!-- A note that cannot be a footnote (inside another note, say) is printed in brackets. -->
  <xsl:template match="note">
    <xsl:choose>
      <xsl:when test="f:is-footnote(.)">
        <xsl:variable name="n" select="f:footnote-number(.)"/>
        <fo:footnote>
          <fo:inline baseline-shift="super" font-size="65%" line-height="0"><xsl:value-of select="$n"/></fo:inline>
          <fo:footnote-body>
            <fo:list-block provisional-distance-between-starts="5mm" provisional-label-separation="1mm"
                font-size="{$note-size}" line-height="1.3" font-style="normal" font-weight="normal"
                text-align="justify" start-indent="0mm" end-indent="0mm" text-indent="0mm" space-before="1mm">
              <fo:list-item>
                <fo:list-item-label end-indent="label-end()">
                  <fo:block text-align="right"><xsl:value-of select="$n"/></fo:block>
                </fo:list-item-label>
                <fo:list-item-body start-indent="body-start()">
                  <xsl:variable name="signature" select="tk:note-signature(.)"/>
                  <xsl:choose>
                    <xsl:when test="*[f:is-block-level(.)]">
                      <fo:block>
                        <xsl:apply-templates select="node()" mode="block-children"/>
                        <xsl:if test="$signature"><fo:block text-align="right"><xsl:value-of select="$signature"/></fo:block></xsl:if>
                      </fo:block>
                    </xsl:when>
                    <xsl:otherwise>
                      <fo:block>
                        <xsl:apply-templates/>
                        <xsl:if test="$signature">
                          <xsl:text> </xsl:text>
                          <fo:inline keep-together.within-line="always"><xsl:value-of select="$signature"/></fo:inline>
                        </xsl:if>
                      </fo:block>
                    </xsl:otherwise>
                  </xsl:choose>
                </fo:list-item-body>
              </fo:list-item>
            </fo:list-block>
          </fo:footnote-body>
        </fo:footnote>
      </xsl:when>
      <xsl:otherwise>
        <fo:inline font-size="90%">
          <xsl:text> [</xsl:text>
          <xsl:apply-templates select="node()[not(self::p)] | p/node()"/>
          <xsl:text>]</xsl:text>
        </fo:inline>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the numbered notes (common.xsl) are footnotes, numbered through the text, except where
       XSL-FO allows no footnote: those are printed in brackets where they stand -->
  <xsl:function name="f:is-footnote" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="tk:is-numbered-note($note) and f:can-hold-footnote($note)
                          and not($note/parent::*[tk:is-container(.)])"/>
  </xsl:function>

  <xsl:function name="f:footnote-number" as="xs:integer">
    <xsl:param name="note" as="element()"/>
    <xsl:variable name="doc" select="$note/ancestor::TEI[1]"/>
    <xsl:sequence select="f:footnote-numbers($doc)(generate-id($note))"/>
  </xsl:function>

  <xsl:function name="f:footnote-numbers" as="map(xs:string, xs:integer)" cache="yes">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="notes" select="$doc/text//note[f:is-footnote(.)]"/>
    <xsl:sequence select="map:merge(for-each-pair($notes, 1 to count($notes),
                                                  function ($n, $i) { map:entry(generate-id($n), $i) }))"
        xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
  </xsl:function>

  <xsl:template match="choice">
    <xsl:apply-templates select="f:chosen(.)"/>
  </xsl:template>

  <!-- the reading of a choice the print edition shows: the corrected, regularised, expanded one -->
  <xsl:function name="f:chosen" as="element()?">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="tk:choice-shown($choice)"/>
  </xsl:function>
  <xsl:template match="corr | reg | expan | orig | sic | abbr | seg | w | c | pc | s | phr | cl | m | num | measure | unit | time | rs | name | persName | orgName | placeName | geogName | roleName | forename | surname | addName | genName | nameLink | settlement | region | country | district | bloc | geog | offset | affiliation | occupation | state | trait | ex | am | add | damage | unclear | date | ref | ptr | mentioned | term | gloss | lang | idno | address | addrLine | street | postCode | postBox | email | dim | height | width | depth | objectName | material | locus | locusGrp | origDate | origPlace | repository | collection | institution | msName | author | editor | respStmt | resp | publisher | pubPlace | biblScope | edition | series | imprint | monogr | analytic | citedRange | listRef | bibl | biblStruct | witness | desc | label | signed | salute | dateline | docAuthor | docTitle | titlePart | rdg | lem | rdgGrp | app | wit | attRef | catchwords | secl | handShift | subst | restore | metamark | redo | undo | retrace | mod" priority="-0.5">
    <xsl:call-template name="phrase"/>
  </xsl:template>

  <xsl:template match="app">
    <xsl:apply-templates select="(lem, rdg, rdgGrp)[1]"/>
  </xsl:template>

  <xsl:template match="supplied">
    <xsl:text>[</xsl:text><xsl:call-template name="phrase"/><xsl:text>]</xsl:text>
  </xsl:template>
  <xsl:template match="del | surplus">
    <fo:inline text-decoration="line-through"><xsl:call-template name="phrase"/></fo:inline>
  </xsl:template>
  <xsl:template match="ptr">
    <xsl:variable name="target" select="normalize-space(@target)"/>
    <xsl:choose>
      <xsl:when test="matches($target, '^https?://')">
        <fo:basic-link external-destination="url('{$target}')" hyphenate="false"><xsl:value-of select="$target"/></fo:basic-link>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$target"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="ref[matches(normalize-space(@target), '^https?://')]">
    <fo:basic-link external-destination="url('{normalize-space(@target)}')"><xsl:call-template name="phrase"/></fo:basic-link>
  </xsl:template>

  <xsl:template match="hi | emph | foreign | distinct | mentioned | term[@rend] | gloss[@rend] | code | ident | abbr[@rend]">
    <xsl:variable name="rend" select="lower-case(string-join((@rend, @style), ' '))"/>
    <fo:inline>
      <xsl:choose>
        <xsl:when test="contains($rend, 'bold')"><xsl:attribute name="font-weight">bold</xsl:attribute></xsl:when>
        <xsl:when test="matches($rend, 'sup')">
          <xsl:attribute name="baseline-shift">super</xsl:attribute><xsl:attribute name="font-size">70%</xsl:attribute>
        </xsl:when>
        <xsl:when test="matches($rend, '(^|\W)sub')">
          <xsl:attribute name="baseline-shift">sub</xsl:attribute><xsl:attribute name="font-size">70%</xsl:attribute>
        </xsl:when>
        <xsl:when test="contains($rend, 'underline')"><xsl:attribute name="text-decoration">underline</xsl:attribute></xsl:when>
        <xsl:when test="contains($rend, 'strike')"><xsl:attribute name="text-decoration">line-through</xsl:attribute></xsl:when>
        <xsl:when test="matches($rend, 'small-?caps|caps')"><xsl:attribute name="font-size">85%</xsl:attribute><xsl:attribute name="letter-spacing">0.3pt</xsl:attribute></xsl:when>
        <xsl:when test="contains($rend, 'roman') or contains($rend, 'normal')"><xsl:attribute name="font-style">normal</xsl:attribute></xsl:when>
        <xsl:when test="self::code or self::ident"><xsl:attribute name="font-family" select="$mono"/><xsl:attribute name="font-size">90%</xsl:attribute></xsl:when>
        <xsl:when test="self::hi and not($rend)"><xsl:attribute name="font-style">italic</xsl:attribute></xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="font-style" select="if (ancestor::*[f:is-italic(.)]) then 'normal' else 'italic'"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates/>
    </fo:inline>
  </xsl:template>

  <!-- names: each mention of an indexed entity carries an id the index cites -->
  <xsl:template match="persName | orgName | placeName | name | rs" priority="1">
    <xsl:variable name="mention" select="f:mention-id(.)"/>
    <xsl:choose>
      <xsl:when test="exists($mention)">
        <fo:inline id="{$mention}" hyphenate="false"><xsl:call-template name="phrase"/></fo:inline>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="phrase"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the first Old Style date carries a footnote on the calendar -->
  <xsl:template match="date" priority="1">
    <xsl:variable name="doc" select="ancestor::TEI[1]"/>
    <xsl:choose>
      <xsl:when test="some $d in f:julian-dates($doc) satisfies $d is current()">
        <fo:inline id="{f:date-id(.)}"><xsl:call-template name="phrase"/></fo:inline>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="phrase"/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test=". is f:julian-dates($doc)[1] and f:can-hold-footnote(.)">
      <fo:footnote>
        <fo:inline baseline-shift="super" font-size="65%" line-height="0">*</fo:inline>
        <fo:footnote-body>
          <fo:list-block provisional-distance-between-starts="5mm" provisional-label-separation="1mm"
              font-size="{$note-size}" line-height="1.3" font-style="normal" font-weight="normal"
              text-align="justify" start-indent="0mm" end-indent="0mm" text-indent="0mm" space-before="1mm">
            <fo:list-item>
              <fo:list-item-label end-indent="label-end()"><fo:block text-align="right">*</fo:block></fo:list-item-label>
              <fo:list-item-body start-indent="body-start()">
                <fo:block>
                  <xsl:text>Dates are Old Style (Julian calendar), 13 days behind the New Style: </xsl:text>
                  <xsl:value-of select="normalize-space(.)"/>
                  <xsl:text> is </xsl:text>
                  <xsl:value-of select="f:new-style(.)"/>
                  <xsl:text>. All such dates: p. </xsl:text>
                  <fo:page-number-citation ref-id="{f:id($doc)}-dates"/>
                  <xsl:text>.</xsl:text>
                </fo:block>
              </fo:list-item-body>
            </fo:list-item>
          </fo:list-block>
        </fo:footnote-body>
      </fo:footnote>
    </xsl:if>
  </xsl:template>

  <xsl:function name="f:can-hold-footnote" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="empty($e/ancestor::*[self::note or self::table or self::figure or self::titlePage
                                               or self::teiHeader or self::standOff or self::fw])
                          and f:can-hold-id($e)"/>
  </xsl:function>

  <!-- phrase-level default: an inline that may carry the language -->
  <xsl:template name="phrase">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- Anything else: displayed when it stands among blocks, a phrase otherwise. -->
  <xsl:template match="*" priority="-2">
    <xsl:choose>
      <xsl:when test="f:is-displayed(.)">
        <fo:block space-after="1mm" text-indent="0em">
          <xsl:apply-templates select="node()" mode="block-children"/>
        </fo:block>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="text()">
    <xsl:value-of select="tk:printable(replace(., '\s+', ' '))"/>
  </xsl:template>
  <!-- a footnote marker sits against the word before it -->
  <xsl:template match="text()[following-sibling::node()[1][self::note][f:is-footnote(.)]]">
    <xsl:value-of select="tk:printable(replace(replace(., '\s+', ' '), ' $', ''))"/>
  </xsl:template>
  <xsl:template match="text()[ancestor::*[@xml:space][1]/@xml:space = 'preserve']" priority="1">
    <xsl:value-of select="tk:printable(.)"/>
  </xsl:template>

  <!-- ================================================================== block or phrase? -->

  <xsl:variable name="block-names" as="xs:string*" select="('p', 'ab', 'div', 'div1', 'div2', 'div3', 'div4', 'div5',
      'div6', 'div7', 'head', 'lg', 'l', 'list', 'item', 'table', 'row', 'cell', 'sp', 'speaker', 'figure', 'castList',
      'castGroup', 'castItem', 'listBibl', 'listPerson', 'listPlace', 'listOrg', 'listEvent', 'listWit', 'opener', 'closer', 'postscript',
      'trailer', 'byline', 'epigraph', 'argument', 'docImprint', 'docDate', 'titlePage', 'docTitle', 'titlePart',
      'docAuthor', 'u', 'eg', 'egXML', 'floatingText', 'divGen', 'msDesc', 'headLabel', 'headItem', 'person', 'place',
      'org', 'event', 'witness', 'listApp', 'spGrp', 'move', 'set', 'view', 'camera', 'sound', 'caption', 'tech',
      'performance', 'prologue', 'epilogue', 'dateline', 'salute', 'signed', 'label', 'quote', 'cit', 'q', 'said',
      'stage', 'code', 'bibl', 'biblStruct', 'note')"/>

  <xsl:variable name="container-names" as="xs:string*" select="('body', 'front', 'back', 'div', 'div1', 'div2', 'div3',
      'div4', 'div5', 'div6', 'div7', 'group', 'text', 'sp', 'lg', 'castList', 'listBibl', 'floatingText', 'spGrp',
      'titlePage', 'opener', 'closer', 'argument', 'epigraph', 'msDesc', 'figure', 'list')"/>

  <xsl:function name="f:is-phrase" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="($n instance of text() and normalize-space($n) != '')
                          or ($n instance of element() and not(f:is-block-level($n)))"/>
  </xsl:function>

  <!-- elements that can only be blocks, wherever they stand -->
  <xsl:function name="f:is-block-level" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e/self::note or $e/self::label or $e/self::signed or $e/self::salute or $e/self::dateline
                              or $e/self::bibl or $e/self::biblStruct or $e/self::code or $e/self::stage
                              or $e/self::docAuthor or $e/self::docTitle or $e/self::titlePart or $e/self::docDate)
                          then f:is-displayed($e)
                          else if ($e/self::quote or $e/self::cit or $e/self::q or $e/self::said) then f:is-displayed($e)
                          else local-name($e) = $block-names"/>
  </xsl:function>

  <!-- quote, cit and unknown elements are displayed when they stand among blocks or hold blocks -->
  <xsl:function name="f:is-displayed" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="($e/self::quote and $e/@type = 'block')
        or (not($e/self::note) and local-name($e/..) = $container-names
            and not($e/preceding-sibling::text()[normalize-space()] or $e/following-sibling::text()[normalize-space()]))
        or ($e/(child::p | child::lg | child::list | child::table | child::sp | child::ab | child::div | child::floatingText | child::l | child::eg:egXML | child::listBibl) and not($e/self::note))"/>
  </xsl:function>

  <xsl:function name="f:is-italic" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/(self::hi[not(@rend) or contains(@rend, 'italic')] | self::emph | self::foreign
                          | self::title[empty(tk:quote-marks(.))] | self::stage | self::note[@type = 'paraphrase']))"/>
  </xsl:function>

  <!-- ================================================================== back matter -->

  <xsl:template name="date-concordance">
    <xsl:variable name="doc" select="."/>
    <fo:block id="{f:id(.)}-dates">
      <xsl:call-template name="part-heading">
        <xsl:with-param name="text" select="'Dates in the Old Style'"/>
      </xsl:call-template>
      <fo:block font-size="{$small-size}" space-after="4mm" text-align="justify">
        <xsl:text>Russia kept the Julian calendar (Old Style) until 31 January 1918; the next day was 14 February 1918 in the Gregorian calendar (New Style). The dates the text gives in the Old Style are these:</xsl:text>
      </fo:block>
      <fo:table table-layout="fixed" width="100%" font-size="{$small-size}">
        <fo:table-column column-width="proportional-column-width(5)"/>
        <fo:table-column column-width="proportional-column-width(4)"/>
        <fo:table-column column-width="proportional-column-width(1.2)"/>
        <fo:table-header>
          <fo:table-row font-style="italic">
            <fo:table-cell padding-after="1mm" border-after-style="solid" border-after-width="0.3pt"><fo:block>In the text (Old Style)</fo:block></fo:table-cell>
            <fo:table-cell padding-after="1mm" border-after-style="solid" border-after-width="0.3pt"><fo:block>New Style</fo:block></fo:table-cell>
            <fo:table-cell padding-after="1mm" border-after-style="solid" border-after-width="0.3pt"><fo:block text-align="right">Page</fo:block></fo:table-cell>
          </fo:table-row>
        </fo:table-header>
        <fo:table-body>
          <xsl:for-each select="f:julian-dates(.)">
            <fo:table-row>
              <fo:table-cell padding-before="0.6mm" padding-end="2mm"><fo:block><xsl:value-of select="normalize-space(.)"/></fo:block></fo:table-cell>
              <fo:table-cell padding-before="0.6mm"><fo:block><xsl:value-of select="f:new-style(.)"/></fo:block></fo:table-cell>
              <fo:table-cell padding-before="0.6mm"><fo:block text-align="right"><fo:page-number-citation ref-id="{f:date-id(.)}"/></fo:block></fo:table-cell>
            </fo:table-row>
          </xsl:for-each>
        </fo:table-body>
      </fo:table>
    </fo:block>
  </xsl:template>

  <xsl:function name="f:julian-dates" as="element()*" cache="yes">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="$doc/text//date[tk:is-julian(.)][@when castable as xs:date or (@from and @to)][f:can-hold-id(.)]"/>
  </xsl:function>

  <!-- the New Style reading of an Old Style date or period -->
  <xsl:function name="f:new-style" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="if ($date/@when) then tk:format-iso($date/@when) else tk:format-range($date/@from, $date/@to)"/>
  </xsl:function>

  <xsl:function name="f:date-id" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="concat('date-', generate-id($date))"/>
  </xsl:function>

  <!-- the index of persons, organisations and places -->
  <xsl:variable name="index-kinds" as="xs:string+" select="('person', 'org', 'place')"/>

  <xsl:template name="index">
    <xsl:variable name="mentions" select="f:mentions(.)"/>
    <fo:block id="{f:id(.)}-index" span="all">
      <xsl:call-template name="part-heading">
        <xsl:with-param name="text" select="'Index'"/>
      </xsl:call-template>
    </fo:block>
    <fo:block font-size="{$small-size}" line-height="1.3" text-align="left" hyphenate="false">
      <xsl:for-each-group select="$mentions" group-by="tk:entry-kind(tk:entry(.))">
        <xsl:sort select="index-of($index-kinds, current-grouping-key())"/>
        <fo:block font-style="italic" space-before="4mm" space-after="1.5mm" keep-with-next.within-column="always">
          <xsl:value-of select="tk:kind-heading(current-grouping-key())"/>
        </fo:block>
        <xsl:for-each-group select="current-group()" group-by="tk:mention-id(.)">
          <xsl:sort select="tk:sort-key(tk:entry(.))" lang="en"/>
          <fo:block start-indent="3mm" text-indent="-3mm" space-after="0.6mm" keep-together.within-column="always">
            <xsl:value-of select="tk:display-name(tk:entry(.))"/>
            <xsl:for-each select="current-group()[f:is-cited(.)]">
              <xsl:value-of select="if (position() = 1) then '  ' else ', '"/>
              <fo:basic-link internal-destination="{f:mention-id(.)}">
                <fo:page-number-citation ref-id="{f:mention-id(.)}"/>
              </fo:basic-link>
            </xsl:for-each>
          </fo:block>
        </xsl:for-each-group>
      </xsl:for-each-group>
    </fo:block>
  </xsl:template>

  <!-- in 'auto' mode the first mention of an entry in each block is cited; otherwise the listed ones -->
  <xsl:function name="f:is-cited" as="xs:boolean">
    <xsl:param name="m" as="element()"/>
    <xsl:choose>
      <xsl:when test="$index-cite = 'auto'">
        <xsl:variable name="key" select="tk:mention-id($m)"/>
        <xsl:variable name="block" select="$m/ancestor::*[self::p or self::ab or self::l or self::item or self::cell
                                           or self::head or self::quote or self::note[f:is-footnote(.)]][1]"/>
        <xsl:sequence select="empty($block) or empty(($block//*[@ref][. &lt;&lt; $m])[exists(f:mention-id(.))][tk:mention-id(.) = $key])"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="f:mention-id($m) = $cited-ids"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:variable name="cited-ids" as="xs:string*" select="tokenize($index-cite)"/>

  <!-- mentions the index lists: elements of the text pointing at a person, organisation or place
       of the register (common.xsl), printed once, not nested in a mention of the same entry -->
  <xsl:function name="f:mentions" as="element()*" cache="yes">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="for $m in $doc/text//*[@ref][tk:entry-kind(tk:entry(.)) = $index-kinds]
        return $m[empty($m/ancestor::*[@ref][tk:mention-id(.) = tk:mention-id($m)])][f:can-hold-id($m)]"/>
  </xsl:function>

  <!-- printed exactly once: not in a reading the print edition leaves out, not in suppressed or verbatim parts -->
  <xsl:function name="f:can-hold-id" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="empty($e/ancestor::*[local-name() = $suppressed-names or self::eg:egXML or self::eg
            or self::code[f:is-displayed(.)] or self::kinesic or self::incident or self::vocal or self::divGen])
        and (every $c in $e/ancestor::*[parent::choice] satisfies $c is f:chosen($c/..))
        and (every $c in $e/ancestor::*[parent::app] satisfies $c is ($c/../(lem, rdg, rdgGrp))[1])"/>
  </xsl:function>

  <xsl:function name="f:mention-id" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="f:mention-ids($e/ancestor::TEI[1])(generate-id($e))"/>
  </xsl:function>

  <!-- ix.K.N: K numbers the entry, N the mention (stable across runs, unlike generate-id) -->
  <xsl:function name="f:mention-ids" as="map(xs:string, xs:string)" cache="yes">
    <xsl:param name="doc" as="element()?"/>
    <xsl:variable name="mentions" select="if ($doc) then f:mentions($doc) else ()"/>
    <xsl:variable name="keys" select="distinct-values($mentions ! tk:mention-id(.))"/>
    <xsl:sequence select="map:merge(for-each-pair($mentions, 1 to count($mentions),
                            function ($m, $i) { map:entry(generate-id($m), concat('ix.', index-of($keys, tk:mention-id($m))[1], '.', $i)) }))"
        xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
  </xsl:function>

  <!-- ================================================================== helpers -->

  <!-- a running head fits on one line: long titles are cut at a word and end in … -->
  <xsl:function name="f:short" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:variable name="max" select="if ($a4) then 80 else 55"/>
    <xsl:sequence select="if (string-length($text) le $max) then $text
                          else concat(replace(substring($text, 1, $max - 1), '\s+\S*$', ''), ' …')"/>
  </xsl:function>

  <xsl:function name="f:id" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="concat('n-', generate-id($e))"/>
  </xsl:function>

  <xsl:function name="f:who-label" as="xs:string">
    <xsl:param name="who" as="attribute()"/>
    <xsl:variable name="id" select="substring-after(tokenize(normalize-space($who))[1], '#')"/>
    <xsl:variable name="person" select="root($who)//*[@xml:id = $id][1]"/>
    <xsl:sequence select="if ($person) then (tk:plain(($person/(persName | name | label))[1]), $id)[normalize-space()][1]
                          else (normalize-space($who))"/>
  </xsl:function>

  <!-- ================================================================== candidates for common.xsl -->

  <!-- a name made of parts (forename, surname …) that the source wrote without spaces between
       them: "Charles Dickens", not "CharlesDickens" (tk:plain joins text nodes as they are) -->
  <xsl:function name="f:name-text" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="normalize-space(string-join($name//text()[normalize-space()]
        [empty(ancestor::*[self::note or self::sic[parent::choice] or self::abbr[parent::choice] or self::orig[parent::choice]])]
        ! normalize-space(.), ' '))"/>
  </xsl:function>

</xsl:stylesheet>
