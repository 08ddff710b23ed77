<?xml version="1.0" encoding="UTF-8"?>
<!--
  Phrases: names and mentions, quotations, dates, omissions, repairs, typography, links,
  and the generic fallback by context.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:tk="urn:teikit"
  xmlns:h="urn:teikit:html"
  exclude-result-prefixes="#all">

  <!-- ===== inline: names and register mentions ===== -->

  <!-- priority: above tei:title, below the parts of a name (orgName in a persName) -->
  <xsl:template _match="{$tk:name-pattern}" priority="0.25">
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <!-- a mention in the text: the id of its register entry (tk:mention-id, remembered), asked
         once; its entry is the element with that id (what tk:entry finds) -->
    <xsl:variable name="id" select="if (ancestor::tei:text) then tk:mention-id(.) else ''"/>
    <xsl:variable name="kind" select="if ($id) then tk:entry-kind(key('tk:id', $id)[1]) else ''"/>
    <xsl:variable name="ref" select="normalize-space(tokenize(normalize-space(@ref))[1])"/>
    <xsl:choose>
      <xsl:when test="$id and not($in-link)">
        <a class="ent ent-{$kind}" href="#reg-{$id}" id="{h:mention-anchor(.)}"
           data-entry="{$id}">
          <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
          <xsl:apply-templates select="." mode="name-content"/>
        </a>
      </xsl:when>
      <xsl:when test="$id">
        <span class="ent ent-{$kind} ent-nested" id="{h:mention-anchor(.)}" data-entry="{$id}">
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

  <!-- a stage direction in the running text, "… win! (Applause.)": in italics (edition.css), in
       the marks its @rend records -->
  <xsl:template match="tei:stage">
    <span class="{h:class(.)}">
      <xsl:call-template name="h:common-attributes"/>
      <xsl:call-template name="h:marked-content">
        <xsl:with-param name="marks" select="tk:stage-marks(.)"/>
      </xsl:call-template>
    </span>
  </xsl:template>

  <!--
    Content between generated marks. Space just inside the element goes outside the marks
    (“text”, not “ text ”): the first and last text nodes are trimmed, the space kept outside.
    French guillemets with a space inside at both ends (« Nous … ») keep it there: it is the
    typography of the language, not a slip.
  -->
  <xsl:template name="h:marked-content">
    <xsl:param name="marks" as="xs:string*"/>
    <xsl:variable name="texts" select="descendant::text()"/>
    <xsl:choose>
      <xsl:when test="empty($marks)"><xsl:apply-templates/></xsl:when>
      <xsl:when test="$marks[1] = '«' and matches($texts[1], '^\s') and tk:ends-in-space($texts[last()])">
        <xsl:value-of select="$marks[1]"/>
        <xsl:apply-templates/>
        <xsl:value-of select="$marks[2]"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="matches($texts[1], '^\s')"><xsl:text> </xsl:text></xsl:if>
        <xsl:value-of select="$marks[1]"/>
        <xsl:apply-templates>
          <xsl:with-param name="trim-first" select="$texts[1]" tunnel="yes"/>
          <xsl:with-param name="trim-last" select="$texts[last()]" tunnel="yes"/>
        </xsl:apply-templates>
        <xsl:value-of select="$marks[2]"/>
        <xsl:if test="tk:ends-in-space($texts[last()])"><xsl:text> </xsl:text></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A note number hugs the word before it: "meeting¹", not "meeting ¹". -->
  <xsl:template match="text()[following-sibling::node()[1][self::tei:note[tk:is-numbered-note(.)]]][normalize-space()][tk:ends-in-space(.)]" priority="1">
    <xsl:variable name="trimmed" as="text()">
      <xsl:value-of select="tk:trim-end(.)"/>
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
        <xsl:value-of select="if (. is $trim-last) then tk:trim-end($start) else $start"/>
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

  <!-- an amount of money: the text as printed, its value for machines ("500 rouble") -->
  <xsl:template match="tei:measure[@type = 'currency']">
    <data class="measure measure-currency" value="{@quantity} {@unit}">
      <xsl:apply-templates/>
    </data>
  </xsl:template>

  <!-- A phrase with an explanation on hover or focus: $content, then the tip. -->
  <xsl:template name="h:explained">
    <xsl:param name="class" as="xs:string"/>
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <span class="{$class}">
      <xsl:call-template name="h:tip-attributes"><xsl:with-param name="text" select="$text"/></xsl:call-template>
      <xsl:sequence select="$content"/>
      <xsl:call-template name="h:tip"><xsl:with-param name="text" select="$text"/></xsl:call-template>
    </span>
  </xsl:template>

  <xsl:template match="tei:gap">
    <xsl:call-template name="h:explained">
      <xsl:with-param name="class" select="'gap'"/>
      <xsl:with-param name="text" select="tk:gap-explanation(.)"/>
      <xsl:with-param name="content" as="item()*">
        <xsl:value-of select="tk:gap-shown(.)"/>
        <xsl:apply-templates/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- a control character has no glyph: show its code point (see tk:printable) -->
  <xsl:template match="text()[($tk:input-has-controls or not(root(.) is $tk:input)) and matches(., $tk:unprintable)]">
    <xsl:value-of select="tk:printable(.)"/>
  </xsl:template>

  <xsl:template match="tei:choice">
    <xsl:call-template name="h:explained">
      <xsl:with-param name="class" select="'choice'"/>
      <xsl:with-param name="text" select="tk:choice-explanation(.)"/>
      <xsl:with-param name="content" as="item()*">
        <xsl:apply-templates select="tk:choice-shown(.)"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:sic[not(parent::tei:choice)]">
    <span class="sic"><xsl:apply-templates/></span>
    <xsl:text> </xsl:text><span class="editorial"><xsl:value-of select="$tk:brackets[1] || 'sic' || $tk:brackets[2]"/></span>
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
      <xsl:for-each select="tk:shown-reading(.)">
        <span class="{h:class(.)}"><xsl:apply-templates/></span>
      </xsl:for-each>
      <xsl:if test="exists(tk:other-readings(.))">
        <span class="readings"> [<xsl:for-each select="tk:other-readings(.)">
            <xsl:if test="position() gt 1"><xsl:text>; </xsl:text></xsl:if>
            <xsl:if test="@wit"><span class="wit"><xsl:value-of select="tk:witnesses(.)"/></span><xsl:text>: </xsl:text></xsl:if>
            <span class="{h:class(.)}"><xsl:apply-templates/><xsl:if test="not(normalize-space())">om.</xsl:if></span>
          </xsl:for-each>]</span>
      </xsl:if>
    </span>
  </xsl:template>

  <!-- ===== inline: typography and links ===== -->

  <!-- most highlighting says nothing of how: a span -->
  <xsl:template match="tei:hi[not(@rend or @rendition)]">
    <xsl:call-template name="h:span">
      <xsl:with-param name="element" select="'span'"/>
      <xsl:with-param name="class" select="'hi'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:hi">
    <xsl:variable name="rend" select="tokenize(translate(lower-case(string-join((@rend, @rendition), ' ')), '#', ' '))"/>
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
      <xsl:when test="$inline or not(tk:is-block(.) or h:holds-blocks(.))">
        <xsl:call-template name="h:span"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="h:wrap"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:teiHeader | tei:standOff | tei:facsimile"/>

</xsl:stylesheet>
