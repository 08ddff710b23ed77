<?xml version="1.0" encoding="UTF-8"?>
<!--
  The text: structure and blocks.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:eg="http://www.tei-c.org/ns/Examples"
    xmlns:f="urn:teikit:fo"
    xmlns:tk="urn:teikit"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

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

  <!-- The editors' headnote, and their note after the text: set apart, smaller, between
       rules. -->
  <xsl:template match="div[@type = ('headnote', 'afterword')]">
    <fo:block id="{f:id(.)}" font-size="{$small-size}" line-height="1.4" start-indent="6mm" end-indent="6mm"
        space-after="9mm" padding-before="2.5mm" padding-after="2.5mm"
        border-before-style="solid" border-before-width="0.4pt"
        border-after-style="solid" border-after-width="0.4pt">
      <xsl:apply-templates select="*"/>
    </fo:block>
  </xsl:template>
  <xsl:template match="div[@type = ('headnote', 'afterword')]/p" priority="2">
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
    <xsl:variable name="depth" select="count(ancestor::*[f:is-div(.)])"/>
    <fo:block id="{f:id(.)}">
      <xsl:if test="$depth = 0 and preceding-sibling::*[f:is-div(.)] and ancestor::body and head">
        <xsl:attribute name="space-before">6mm</xsl:attribute>
      </xsl:if>
      <xsl:if test="$depth = 0 and ancestor::body">
        <xsl:call-template name="section-marker">
          <xsl:with-param name="label" select="(tk:section-heading(.), f:subtitle(ancestor::TEI[1]))[normalize-space()][1]"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:apply-templates select="*"/>
    </fo:block>
  </xsl:template>

  <!-- matches(local-name($e), '^div\d?$'), asked of many ancestors and siblings: the regular
       expression only for the rare name that needs it -->
  <xsl:function name="f:is-div" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="name" select="local-name($e)"/>
    <xsl:sequence select="$name = 'div' or (string-length($name) = 4 and starts-with($name, 'div')
      and matches($name, '^div\d$'))"/>
  </xsl:function>

  <xsl:function name="f:subtitle" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="(tk:sub-title($doc), tk:main-title($doc))[1]"/>
  </xsl:function>

  <xsl:template match="head">
    <xsl:variable name="depth" select="count(ancestor::*[f:is-div(.)])"/>
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

  <!-- a break inside a section, its signs as printed -->
  <xsl:template match="ab[tk:is-separator(.)]" priority="1">
    <fo:block text-align="center" text-indent="0em" letter-spacing="0.3em" space-before="2mm"
        space-after="2mm" keep-with-next.within-page="always">
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>

  <!-- a dialogue's turn: a paragraph that its speaker's label, in bold, opens -->
  <xsl:template match="sp[tk:is-run-in-turn(.)]" priority="1">
    <fo:block text-indent="0em" orphans="2" widows="2" space-before="1.5mm">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="string(@xml:id)"/></xsl:if>
      <fo:inline font-weight="bold"><xsl:apply-templates select="speaker/node()"/></fo:inline>
      <xsl:text> </xsl:text>
      <xsl:apply-templates select="p/node()"/>
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
  <xsl:template match="quote[tk:is-displayed(.)] | cit[tk:is-displayed(.)] | q[tk:is-displayed(.)] | said[tk:is-displayed(.)] | epigraph">
    <xsl:variable name="marks" select="tk:quote-marks(.)"/>
    <fo:block start-indent="{if ($a4) then '10mm' else '6mm'}" end-indent="{if ($a4) then '6mm' else '3mm'}"
        font-size="{$small-size}" line-height="1.4" space-before="2mm" space-after="2.5mm" text-indent="0em">
      <xsl:choose>
        <xsl:when test="*[tk:is-block(.)]">
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
    <!-- asked of every paragraph: whether the parent takes marks first (only quotations do,
         answered from its name), whether it is displayed only then -->
    <xsl:variable name="quote" select="$block/parent::*[exists(tk:quote-marks(.))][tk:is-displayed(.)]"/>
    <xsl:variable name="blocks" select="$quote/*[tk:is-block(.)]"/>
    <xsl:sequence select="(if ($block is $blocks[1]) then tk:quote-marks($quote)[1] else '',
                           if ($block is $blocks[last()]) then tk:quote-marks($quote)[2] else '')"/>
  </xsl:function>

  <!-- inside a displayed element, text and phrase-level children are gathered into blocks -->
  <xsl:template match="node()" mode="block-children">
    <xsl:variable name="prev-block" select="preceding-sibling::*[tk:is-block(.)][1]"/>
    <xsl:variable name="prev-phrase" select="preceding-sibling::node()[tk:is-phrase(.)][1]"/>
    <xsl:choose>
      <xsl:when test="not(self::element() or self::text()) or (self::text() and not(normalize-space()))"/>
      <xsl:when test="self::element() and tk:is-block(.)"><xsl:apply-templates select="."/></xsl:when>
      <xsl:when test="exists($prev-phrase) and (empty($prev-block) or $prev-block &lt;&lt; $prev-phrase)"/>
      <xsl:otherwise>
        <!-- start of a run of phrase-level content: one block for the whole run -->
        <xsl:variable name="stop" select="following-sibling::*[tk:is-block(.)][1]"/>
        <xsl:variable name="run" select=". | following-sibling::node()[empty($stop) or . &lt;&lt; $stop]"/>
        <xsl:if test="normalize-space(string-join($run ! string(.))) or $run/self::*">
          <fo:block><xsl:apply-templates select="$run"/></fo:block>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="cit[tk:is-displayed(.)]/bibl | cit[tk:is-displayed(.)]/ref" priority="2">
    <fo:block text-align="right" font-style="normal">— <xsl:apply-templates/></fo:block>
  </xsl:template>

  <!-- letters -->
  <xsl:template match="opener | closer">
    <fo:block space-before="2mm" space-after="2mm" text-align="{if (self::closer) then 'right' else 'left'}">
      <xsl:apply-templates select="node()" mode="block-children"/>
    </fo:block>
  </xsl:template>
  <!-- a letterhead or the addressee's address: one line per addrLine -->
  <xsl:template match="opener/address | closer/address">
    <fo:block space-after="1mm"><xsl:apply-templates select="addrLine"/></fo:block>
  </xsl:template>
  <xsl:template match="address/addrLine">
    <fo:block><xsl:apply-templates/></fo:block>
  </xsl:template>
  <xsl:template match="opener/dateline | closer/dateline">
    <fo:block text-align="right"><xsl:apply-templates/></fo:block>
  </xsl:template>
  <xsl:template match="opener/salute | closer/salute | closer/signed | div/signed | postscript | trailer | byline | docImprint | docDate | argument | dateline">
    <fo:block space-before="1mm"><xsl:apply-templates select="node()" mode="block-children"/></fo:block>
  </xsl:template>

  <!-- verse and drama -->
  <!-- set in from what holds it (a block quotation, a section), a stanza no further than its
       poem; a long line wraps with a hanging indent -->
  <xsl:template match="lg">
    <fo:block space-before="2mm" space-after="2mm" text-align="left" text-indent="0em"
        start-indent="from-parent(start-indent){if (ancestor::sp or parent::lg) then '' else ' + 6mm'}">
      <xsl:apply-templates select="*"/>
    </fo:block>
  </xsl:template>
  <xsl:template match="l">
    <fo:block start-indent="from-parent(start-indent) + 4mm" text-indent="-4mm" text-align="left">
      <!-- a quotation in marks: its first line opens them, its last closes them -->
      <xsl:value-of select="tk:line-marks(.)[1]"/>
      <xsl:apply-templates/>
      <xsl:value-of select="tk:line-marks(.)[2]"/>
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
  <!-- stage directions, in italics and in the marks their @rend records: standing alone (a
       speech's "(Applause.)"), or in the running text -->
  <xsl:template match="stage[tk:is-displayed(.)] | sp/stage">
    <fo:block font-style="italic" start-indent="from-parent(start-indent) + 6mm" space-before="1mm" space-after="1mm">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="string(@xml:id)"/></xsl:if>
      <xsl:value-of select="tk:stage-marks(.)[1]"/>
      <xsl:apply-templates/>
      <xsl:value-of select="tk:stage-marks(.)[2]"/>
    </fo:block>
  </xsl:template>
  <xsl:template match="stage">
    <fo:inline font-style="italic">
      <xsl:value-of select="tk:stage-marks(.)[1]"/>
      <xsl:apply-templates/>
      <xsl:value-of select="tk:stage-marks(.)[2]"/>
    </fo:inline>
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
                    <xsl:if test="tk:is-figure(.)">
                      <xsl:attribute name="text-align">end</xsl:attribute>
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
  <xsl:template match="eg | code[tk:is-displayed(.)]">
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
  <!-- forme work (running heads, signatures, catchwords, a web page's navigation:
       tk:is-page-navigation) as the source printed it, small and apart, where it stood in the
       source -->
  <xsl:template match="fw">
    <fo:block font-size="{$note-size}" color="#666666" text-indent="0em"
        text-align="{if (@place = ('top-right', 'bot-right') or @type = ('sig', 'catch', 'catchword', 'pageNum')) then 'end' else 'center'}">
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>
  <xsl:variable name="suppressed-names" as="xs:string*" select="('cb', 'milestone', 'anchor', 'facsimile', 'surface',
      'zone', 'surfaceGrp', 'standOff', 'teiHeader', 'index', 'interpGrp', 'interp', 'link', 'linkGrp', 'join', 'alt',
      'altGrp', 'span', 'spanGrp', 'timeline', 'fs', 'fLib', 'fvLib', 'certainty', 'precision', 'respons', 'witDetail',
      'graphic', 'media', 'binaryObject')"/>
  <!-- the same names as a look-up: this is asked of every element -->
  <xsl:variable name="f:suppressed" as="map(xs:string, xs:boolean)"
      select="map:merge($suppressed-names ! map:entry(., true()))"/>
  <xsl:template match="*[map:contains($f:suppressed, local-name())]" priority="3"/>

  <!-- the notes section of the source: its notes are footnotes at their markers; endnotes go here -->
  <xsl:template match="divGen">
    <xsl:variable name="endnotes" select="tk:division-notes(.)[@place = 'end'][f:is-footnote(.)]"/>
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

</xsl:stylesheet>
