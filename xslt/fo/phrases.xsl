<?xml version="1.0" encoding="UTF-8"?>
<!--
  The text: phrases, notes as footnotes, and the decision block or phrase.
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
    <fo:inline keep-together.within-line="always"><xsl:value-of select="tk:gap-shown(.)"/></fo:inline>
  </xsl:template>

  <xsl:template match="note[@type = 'paraphrase']">
    <fo:inline><xsl:value-of select="$tk:brackets[1]"/><fo:inline font-style="italic"><xsl:apply-templates/></fo:inline><xsl:value-of select="$tk:brackets[2]"/></fo:inline>
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
                    <xsl:when test="*[tk:is-block(.)]">
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
          <xsl:value-of select="' ' || $tk:brackets[1]"/>
          <xsl:apply-templates select="node()[not(self::p)] | p/node()"/>
          <xsl:value-of select="$tk:brackets[2]"/>
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
  <!-- Phrases (common/blocks.xsl), and the displayable elements that print as their content
       even where they are displayed: their text stands in the block around them. -->
  <xsl:template _match="{$tk:phrase-pattern} | bibl | biblStruct | witness | label
      | signed | salute | dateline | docAuthor | docTitle | titlePart" priority="-0.5">
    <xsl:call-template name="phrase"/>
  </xsl:template>

  <xsl:template match="app">
    <xsl:apply-templates select="tk:shown-reading(.)/node()"/>
    <xsl:if test="exists(tk:other-readings(.))">
      <fo:inline font-size="0.85em"> [<xsl:for-each select="tk:other-readings(.)">
          <xsl:if test="position() gt 1"><xsl:text>; </xsl:text></xsl:if>
          <xsl:if test="@wit"><fo:inline font-style="italic"><xsl:value-of select="tk:witnesses(.)"/></fo:inline><xsl:text>: </xsl:text></xsl:if>
          <xsl:apply-templates/><xsl:if test="not(normalize-space())">om.</xsl:if>
        </xsl:for-each>]</fo:inline>
    </xsl:if>
  </xsl:template>

  <xsl:template match="supplied">
    <xsl:value-of select="$tk:brackets[1]"/><xsl:call-template name="phrase"/><xsl:value-of select="$tk:brackets[2]"/>
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
  <xsl:template _match="{$tk:name-pattern}" priority="1">
    <xsl:variable name="mention" select="f:mention-id(.)"/>
    <xsl:choose>
      <xsl:when test="exists($mention)">
        <fo:inline id="{$mention}" hyphenate="false"><xsl:next-match/></fo:inline>
      </xsl:when>
      <xsl:otherwise><xsl:next-match/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- an amount of money is not broken across lines ("£3 10s.", "five million francs") -->
  <xsl:template match="measure[@type = 'currency']" priority="1">
    <fo:inline keep-together.within-line="always"><xsl:call-template name="phrase"/></fo:inline>
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
                  <xsl:text>Old Style dates (Julian calendar) run 13 days behind the New Style from 1900 to 2099, 12 in the nineteenth century: </xsl:text>
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
      <xsl:when test="tk:is-displayed(.)">
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
    <xsl:value-of select="tk:printable-text(., tk:collapse-space(.))"/>
  </xsl:template>
  <!-- a footnote marker sits against the word before it -->
  <xsl:template match="text()[following-sibling::node()[1][self::note][f:is-footnote(.)]]">
    <xsl:value-of select="tk:printable-text(., tk:trim-end(tk:collapse-space(.)))"/>
  </xsl:template>
  <xsl:template match="text()[ancestor::*[@xml:space][1]/@xml:space = 'preserve']" priority="1">
    <xsl:value-of select="tk:printable-text(., .)"/>
  </xsl:template>

  <xsl:function name="f:is-italic" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/(self::hi[not(@rend) or contains(@rend, 'italic')] | self::emph | self::foreign
                          | self::title[empty(tk:quote-marks(.))] | self::stage | self::note[@type = 'paraphrase']))"/>
  </xsl:function>

  <!-- a phrase the source wrote right after another with no space, where they must stand apart
       (tk:needs-space-before): the space first, then whatever template renders the element; the
       pattern asks first what the function asks first, which most elements fail, without a call -->
  <xsl:template match="*[preceding-sibling::node()[1][self::*]][tk:needs-space-before(.)][not(tk:is-block(.))]" priority="20">
    <xsl:text> </xsl:text>
    <xsl:next-match/>
  </xsl:template>

</xsl:stylesheet>
