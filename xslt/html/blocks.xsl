<?xml version="1.0" encoding="UTF-8"?>
<!--
  Structure, notes and blocks of the text.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:tk="urn:teikit"
  xmlns:h="urn:teikit:html"
  exclude-result-prefixes="#all">

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
  <xsl:template _match="{$tk:section-pattern} | tei:text | tei:group | tei:floatingText[tk:is-container(.)]" mode="block">
    <xsl:apply-templates select="."/>
  </xsl:template>
  <xsl:template match="comment() | processing-instruction()" mode="#all"/>

  <xsl:template _match="{$tk:section-pattern}">
    <xsl:variable name="level" select="min((6, count(ancestor::*[tk:is-section(.)]) + 2))"/>
    <section id="{h:section-id(.)}">
      <xsl:attribute name="class" select="normalize-space(string-join(('section', 'div-' || replace(normalize-space(@type), '[^\w-]+', '-'))[. != 'div-'], ' '))"/>
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
      <xsl:if test="@type = ('headnote', 'afterword') and not(tei:head)">
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
      <!-- a heading over several lines is one heading: its further lines inside it -->
      <xsl:for-each select="tk:heading-lines(..)">
        <!-- a line of its own on the screen, a word apart in the text read out or copied -->
        <xsl:text> </xsl:text>
        <span class="head-line">
          <xsl:call-template name="h:common-attributes"/>
          <xsl:apply-templates><xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates>
        </span>
      </xsl:for-each>
    </xsl:element>
  </xsl:template>

  <!-- shown in the heading they continue (above) -->
  <xsl:template match="tei:head[@type = 'sub'][. intersect tk:heading-lines(..)]
      [parent::*[tk:is-section(.)]]" priority="1"/>

  <xsl:template match="tei:head">
    <xsl:call-template name="h:wrap">
      <xsl:with-param name="block" select="'p'"/>
      <xsl:with-param name="class" select="'head'"/>
      <xsl:with-param name="phrasing" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The notes stand beside (or below) their paragraphs; the notes division lists them. -->
  <xsl:template match="tei:divGen[@type = 'notes']">
    <xsl:variable name="notes" select="tk:division-notes(.)"/>
    <section class="section notes-index" id="{tk:notes-division-id(.)}">
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
                  <xsl:text> </xsl:text><span class="note-by"><xsl:value-of select="$tk:brackets[1] || 'Ed.' || $tk:brackets[2]"/></span>
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

  <!-- a break inside a section, its signs as printed -->
  <xsl:template match="tei:ab[tk:is-separator(.)]" priority="1">
    <p class="section-break" role="separator">
      <xsl:call-template name="h:common-attributes"/>
      <xsl:apply-templates/>
    </p>
  </xsl:template>

  <!-- the source web page's navigation: small, muted, apart from the text -->
  <xsl:template match="tei:fw[tk:is-page-navigation(.)]" priority="1">
    <p class="page-navigation" title="Navigation of the web page the text was copied from">
      <xsl:call-template name="h:common-attributes"/>
      <xsl:apply-templates><xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates>
    </p>
  </xsl:template>

  <!-- a dialogue's turn: a numbered paragraph that its speaker's label opens -->
  <xsl:template match="tei:sp[tk:is-run-in-turn(.)]" priority="1">
    <xsl:param name="inline" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($inline) then 'span' else 'p'}">
      <xsl:attribute name="class" select="if ($inline) then 'p turn block' else 'p turn'"/>
      <xsl:call-template name="h:common-attributes"/>
      <xsl:call-template name="h:paragraph-number"/>
      <span class="tei-speaker">
        <xsl:apply-templates select="tei:speaker/node()"><xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates>
      </span>
      <xsl:text> </xsl:text>
      <xsl:apply-templates select="tei:p/node()"><xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates>
    </xsl:element>
  </xsl:template>

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
      <xsl:otherwise>
        <blockquote class="block-quote">
          <xsl:call-template name="h:common-attributes"/>
          <xsl:call-template name="h:paragraph-number"/>
          <xsl:choose>
            <xsl:when test="h:holds-blocks(.)"><xsl:apply-templates/></xsl:when>
            <xsl:otherwise>
              <p>
                <xsl:call-template name="h:marked-content">
                  <xsl:with-param name="marks" select="$marks"/>
                  <xsl:with-param name="inline" select="true()" tunnel="yes"/>
                </xsl:call-template>
              </p>
            </xsl:otherwise>
          </xsl:choose>
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
  <!-- a line of verse quoted in marks: the first line opens them, the last closes them -->
  <xsl:template match="tei:l[exists(tk:line-marks(.))]" priority="1">
    <xsl:param name="inline" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="marks" select="tk:line-marks(.)"/>
    <xsl:element name="{if ($inline) then 'span' else 'div'}">
      <xsl:attribute name="class" select="if ($inline) then 'l block' else 'l'"/>
      <xsl:call-template name="h:common-attributes"/>
      <xsl:value-of select="$marks[1]"/>
      <xsl:apply-templates><xsl:with-param name="inline" select="true()" tunnel="yes"/></xsl:apply-templates>
      <xsl:value-of select="$marks[2]"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:opener | tei:closer | tei:sp | tei:castList | tei:castGroup | tei:argument
      | tei:epigraph | tei:postscript | tei:byline | tei:docImprint | tei:docEdition | tei:docDate
      | tei:imprimatur | tei:figure | tei:listBibl | tei:listPerson | tei:listPlace | tei:listOrg
      | tei:listEvent | tei:floatingText | tei:u">
    <xsl:call-template name="h:wrap"/>
  </xsl:template>

  <!-- a letterhead or the addressee's address in a letter: one line per addrLine -->
  <xsl:template match="tei:address[parent::tei:opener or parent::tei:closer]">
    <xsl:call-template name="h:wrap"/>
  </xsl:template>
  <xsl:template match="tei:address[parent::tei:opener or parent::tei:closer]/tei:addrLine">
    <xsl:call-template name="h:wrap">
      <xsl:with-param name="phrasing" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- a stage direction standing alone (a speech's "(Applause.)", a play's): a paragraph of
       its own, in its marks, unnumbered as a break is (it keeps its id) -->
  <xsl:template match="tei:stage[parent::*[tk:is-container(.)] or parent::tei:sp]">
    <xsl:param name="inline" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($inline) then 'span' else 'p'}">
      <xsl:attribute name="class" select="h:class(.) || (if ($inline) then ' block' else '')"/>
      <xsl:call-template name="h:common-attributes"/>
      <xsl:call-template name="h:marked-content">
        <xsl:with-param name="marks" select="tk:stage-marks(.)"/>
        <xsl:with-param name="inline" select="true()" tunnel="yes"/>
      </xsl:call-template>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:dateline | tei:salute | tei:signed | tei:trailer | tei:speaker
      | tei:castItem | tei:figDesc | tei:bibl[parent::tei:listBibl]
      | tei:person | tei:place | tei:org | tei:event | tei:biblStruct">
    <xsl:call-template name="h:wrap">
      <xsl:with-param name="block" select="'p'"/>
      <xsl:with-param name="phrasing" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A list with labels is a description list (label: dt, item: dd), other lists ol or ul. -->
  <xsl:template match="tei:list">
    <xsl:param name="inline" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="$inline"><xsl:call-template name="h:wrap"/></xsl:when>
      <xsl:otherwise>
        <div class="list">
          <xsl:call-template name="h:common-attributes"/>
          <xsl:apply-templates select="tei:head"/>
          <xsl:choose>
            <xsl:when test="tei:label">
              <dl class="gloss-list">
                <xsl:for-each select="* except tei:head">
                  <xsl:element name="{if (self::tei:label) then 'dt' else 'dd'}">
                    <xsl:apply-templates/>
                  </xsl:element>
                </xsl:for-each>
              </dl>
            </xsl:when>
            <xsl:otherwise>
              <xsl:element name="{if (@type = ('ordered', 'numbered') or tokenize(@rend) = ('numbered', 'ordered')) then 'ol' else 'ul'}">
                <!-- a list of lines without markers (a table of contents): set without them -->
                <xsl:if test="@type = 'simple'"><xsl:attribute name="class" select="'simple-list'"/></xsl:if>
                <xsl:for-each select="* except tei:head">
                  <li>
                    <xsl:if test="not(self::tei:item)"><xsl:attribute name="class" select="h:class(.)"/></xsl:if>
                    <xsl:for-each select="self::tei:item"><xsl:call-template name="h:common-attributes"/></xsl:for-each>
                    <xsl:apply-templates select="if (self::tei:item) then node() else ."/>
                  </li>
                </xsl:for-each>
              </xsl:element>
            </xsl:otherwise>
          </xsl:choose>
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
                          <xsl:if test="parent::tei:row/@role = 'label'"><xsl:attribute name="scope" select="'col'"/></xsl:if>
                          <xsl:if test="self::tei:cell and tk:is-figure(.)"><xsl:attribute name="class" select="'figure'"/></xsl:if>
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

</xsl:stylesheet>
