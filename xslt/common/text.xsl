<?xml version="1.0" encoding="UTF-8"?>
<!--
  The text as printed: unprintable characters, quotation marks, dates, omissions,
  repairs, and the plain text of a node (headings in contents, running heads, titles).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:array="http://www.w3.org/2005/xpath-functions/array"
  xmlns:math="http://www.w3.org/2005/xpath-functions/math"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:tk="urn:teikit"
  exclude-result-prefixes="#all">

  <!-- ===== unprintable characters ===== -->

  <!-- Control characters (C0 other than white space, C1) have no glyph in any font: a damaged
       reading kept in sic may hold one ("â€" + U+009D). Shown as their code point instead. -->
  <xsl:variable name="tk:unprintable" as="xs:string" select="'[\p{Cc}-[\t\n\r]]'"/>
  <!-- false: the input document holds none (teikit says so when it has looked: searching every
       text node costs more than the rest of its rendering); by default, any text may -->
  <xsl:param name="tk:input-has-controls" as="xs:boolean" select="true()"/>
  <xsl:variable name="tk:input" as="node()?" select="root(.)"/>
  <!-- Whether a text node may hold an unprintable character. -->
  <xsl:function name="tk:may-be-unprintable" as="xs:boolean">
    <xsl:param name="t" as="node()"/>
    <xsl:sequence select="$tk:input-has-controls or not(root($t) is $tk:input)"/>
  </xsl:function>
  <!-- tk:printable for the string $s made from the text node $t -->
  <xsl:function name="tk:printable-text" as="xs:string">
    <xsl:param name="t" as="node()"/>
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="if (tk:may-be-unprintable($t)) then tk:printable($s) else $s"/>
  </xsl:function>
  <xsl:function name="tk:printable" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="if (not(matches($s, $tk:unprintable))) then $s else string-join(
      analyze-string($s, $tk:unprintable)/* ! (if (self::*:match)
        then '‹U+' || upper-case(tk:hex(string-to-codepoints(.))) || '›' else string(.)))"/>
  </xsl:function>
  <!-- Every run of white space as one space, as replace($s, '\s+', ' ') does (the same four
       characters), without a regular expression: Saxon's takes microseconds per character. -->
  <xsl:function name="tk:collapse-space" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="core" select="normalize-space($s)"/>
    <xsl:sequence select="if ($core = $s) then $s
      else (if (normalize-space(substring($s, 1, 1))) then '' else ' ') || $core
        || (if ($core and not(normalize-space(substring($s, string-length($s))))) then ' ' else '')"/>
  </xsl:function>

  <!-- Whether a string ends in white space, as matches($s, '\s$') says, without scanning it
       (a regular expression reads every character of a paragraph's text). -->
  <xsl:function name="tk:ends-in-space" as="xs:boolean">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="string-length($s) gt 0 and not(normalize-space(substring($s, string-length($s))))"/>
  </xsl:function>
  <!-- The string without the white space it ends in, as replace($s, '\s+$', '') gives it: the
       last character dropped while it is white space. -->
  <xsl:function name="tk:trim-end" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="if (tk:ends-in-space($s)) then tk:trim-end(substring($s, 1, string-length($s) - 1)) else $s"/>
  </xsl:function>

  <xsl:function name="tk:hex" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:variable name="digits" select="codepoints-to-string((48 to 57, 97 to 102))"/>
    <xsl:sequence select="string-join(for $shift in (3, 2, 1, 0) return
      substring($digits, ($n idiv xs:integer(math:pow(16, $shift))) mod 16 + 1, 1))"/>
  </xsl:function>

  <!-- ===== quotations ===== -->

  <!--
    The marks come from the encoding's table ($tk:marks-by-rend, see common.xsl). Double and
    single quotes, curly or straight, are set by nesting: the double pair outside, the single
    pair inside, alternating further in. Other marks the source used (guillemets, low-high
    quotes) are kept as the @rend records them.
  -->
  <xsl:variable name="tk:nesting-marks" as="array(xs:string+)"
    select="[$tk:marks-by-rend?double, $tk:marks-by-rend?single]"/>
  <xsl:variable name="tk:kept-marks" as="map(xs:string, xs:string+)" select="map:merge(
    map:keys($tk:marks-by-rend)[not(tk:is-nesting-pair($tk:marks-by-rend(.)))] ! map:entry(., $tk:marks-by-rend(.)))"/>
  <xsl:function name="tk:is-nesting-pair" as="xs:boolean">
    <xsl:param name="marks" as="xs:string+"/>
    <xsl:sequence select="matches(string-join($marks), '^[&quot;'']+$')
      or (some $level in 1 to array:size($tk:nesting-marks) satisfies deep-equal($marks, $tk:nesting-marks($level)))"/>
  </xsl:function>
  <!-- A text that opens with one of these marks already has its own. -->
  <xsl:variable name="tk:opening-marks" as="xs:string+"
    select="distinct-values(map:keys($tk:marks-by-rend) ! $tk:marks-by-rend(.)[1])"/>

  <!-- Does the stylesheet generate marks for this element? Not when the text already has them. -->
  <xsl:variable name="tk:mark-rends" as="xs:string*" select="map:keys($tk:marks-by-rend)"/>
  <xsl:function name="tk:has-marks" as="xs:boolean">
    <xsl:param name="q" as="element()"/>
    <xsl:variable name="rend" select="tokenize(string($q/@rend))"/>
    <!-- (the kind of element first: most elements asked are not quotations) -->
    <xsl:sequence select="if (not($q/self::tei:quote or $q/self::tei:q or $q/self::tei:soCalled
        or $q/self::tei:said or $q/self::tei:title[@level = 'a' or tokenize(@rend) = $tk:mark-rends]))
      then false()
      else (
        (: the first character of the text: from its first non-blank text node, not the whole
           string :)
        not(substring(normalize-space(($q//text()[normalize-space()])[1]), 1, 1) = $tk:opening-marks)
        and not($rend = ('none', 'noquotes', 'display', 'block') and not($rend = $tk:mark-rends))
        and (not(tk:is-block-quote($q)) or $rend = $tk:mark-rends)
        and not($q/self::tei:said and $q/@direct = 'false'))"/>
  </xsl:function>

  <xsl:function name="tk:quote-level" as="xs:integer">
    <xsl:param name="q" as="element()"/>
    <xsl:sequence select="count($q/ancestor::*[tk:has-marks(.)])"/>
  </xsl:function>

  <!-- (opening, closing) marks for a quotation element, or () when it takes none. -->
  <xsl:function name="tk:quote-marks" as="xs:string*">
    <xsl:param name="q" as="element()"/>
    <xsl:variable name="kept" select="tokenize(string($q/@rend))[map:contains($tk:kept-marks, .)][1]"/>
    <xsl:sequence select="
      if (not(tk:has-marks($q))) then ()
      else if ($kept) then $tk:kept-marks($kept)
      else $tk:nesting-marks(tk:quote-level($q) mod 2 + 1)"/>
  </xsl:function>

  <!-- The marks of the block quotation a line of verse belongs to, as the line carries them:
       the opening mark before the quotation's first line, the closing one after its last
       (“Bread for the hungry, / … / Land for the tillers.”); '' for a line between, () when
       the quotation takes no marks. -->
  <xsl:function name="tk:line-marks" as="xs:string*">
    <xsl:param name="l" as="element()"/>
    <xsl:variable name="quote" select="$l/ancestor::tei:quote[1][tk:is-block-quote(.)]"/>
    <xsl:variable name="marks" select="$quote ! tk:quote-marks(.)"/>
    <xsl:variable name="lines" select="$quote//tei:l"/>
    <xsl:sequence select="if (empty($marks)) then ()
      else (if ($l is $lines[1]) then $marks[1] else '', if ($l is $lines[last()]) then $marks[2] else '')"/>
  </xsl:function>

  <!-- ===== stage directions ===== -->

  <!-- (opening, closing) marks around a stage direction, as its @rend records them
       ($tk:stage-marks-by-rend: "(Applause.)"), or () when the source printed none. -->
  <xsl:function name="tk:stage-marks" as="xs:string*">
    <xsl:param name="stage" as="element()"/>
    <xsl:sequence select="(tokenize($stage/@rend)[map:contains($tk:stage-marks-by-rend, .)]
      ! $tk:stage-marks-by-rend(.))[position() le 2]"/>
  </xsl:function>

  <!-- ===== dates ===== -->

  <xsl:variable name="tk:months" as="xs:string+" select="('January', 'February', 'March', 'April',
    'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December')"/>

  <!-- "9 November 1917", "April 1948", "1930", "6 December" (a day of every year, "-\-12-06");
       anything else is returned as written. -->
  <xsl:function name="tk:format-iso" as="xs:string">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:variable name="v" select="normalize-space($iso)"/>
    <xsl:analyze-string select="$v" regex="^(\d{{4}}|-)(-(\d{{2}}))?(-(\d{{2}}))?$">
      <xsl:matching-substring>
        <xsl:variable name="m" select="if (regex-group(3)) then xs:integer(regex-group(3)) else 0"/>
        <xsl:variable name="d" select="if (regex-group(5)) then xs:integer(regex-group(5)) else 0"/>
        <xsl:variable name="y" select="if (regex-group(1) = '-') then '' else ' ' || regex-group(1)"/>
        <xsl:sequence select="
          if ($m lt 1 or $m gt 12) then regex-group(1)
          else if ($d = 0) then $tk:months[$m] || $y
          else $d || ' ' || $tk:months[$m] || $y"/>
      </xsl:matching-substring>
      <xsl:non-matching-substring>
        <xsl:sequence select="."/>
      </xsl:non-matching-substring>
    </xsl:analyze-string>
  </xsl:function>

  <!-- "1925–1928", "October–November 1917", "14 October – 13 December 1917". -->
  <xsl:function name="tk:format-range" as="xs:string">
    <xsl:param name="from" as="xs:string"/>
    <xsl:param name="to" as="xs:string"/>
    <xsl:sequence select="if ($from = $to) then tk:format-iso($from) else tk:format-range-of($from, $to)"/>
  </xsl:function>

  <xsl:function name="tk:format-range-of" as="xs:string">
    <xsl:param name="from" as="xs:string"/>
    <xsl:param name="to" as="xs:string"/>
    <xsl:variable name="a" select="tk:format-iso($from)"/>
    <xsl:variable name="b" select="tk:format-iso($to)"/>
    <xsl:variable name="year" select="replace($b, '^.* (\d{4})$', '$1')"/>
    <xsl:variable name="a-short" select="if (matches($b, ' \d{4}$') and ends-with($a, ' ' || $year)) then substring($a, 1, string-length($a) - 5) else $a"/>
    <xsl:sequence select="if (contains($a-short, ' ') or contains($b, ' ') and matches($a-short, '^\d'))
      then $a-short || ' – ' || $b else $a-short || '–' || $b"/>
  </xsl:function>

  <xsl:function name="tk:is-julian" as="xs:boolean">
    <xsl:param name="d" as="element()"/>
    <xsl:sequence select="tokenize(string($d/@calendar)) = '#julian' or tokenize(string($d/@datingMethod)) = '#julian'"/>
  </xsl:function>

  <!-- A date the text writes in both calendars ("March 2 (15, N.S.)"): one date, both values. -->
  <xsl:function name="tk:is-dual" as="xs:boolean">
    <xsl:param name="d" as="element()"/>
    <xsl:sequence select="tk:is-julian($d) and tokenize(string($d/@calendar)) = '#gregorian'"/>
  </xsl:function>

  <!-- A date the text or its editor marks New Style ("N.S.", "[New Style – Ed.]"). -->
  <xsl:function name="tk:is-marked-new-style" as="xs:boolean">
    <xsl:param name="d" as="element()"/>
    <xsl:sequence select="not(tk:is-julian($d)) and tokenize(string($d/@calendar)) = '#gregorian'"/>
  </xsl:function>

  <!-- The normalised reading of a date: "27 October 1917 O.S. = 9 November 1917 N.S.", and how
       sure the converter was where it inferred the year or the calendar. -->
  <xsl:function name="tk:date-label" as="xs:string">
    <xsl:param name="d" as="element()"/>
    <xsl:variable name="inferred" select="if ($d/@cert and tokenize(string($d/@resp)) = '#teikit')
      then ' (year or calendar inferred by the converter; certainty: ' || $d/@cert || ')' else ''"/>
    <xsl:variable name="label" select="tk:date-value($d)"/>
    <xsl:sequence select="if ($label = '') then '' else $label || $inferred"/>
  </xsl:function>

  <xsl:function name="tk:date-value" as="xs:string">
    <xsl:param name="d" as="element()"/>
    <xsl:variable name="annual" select="if (starts-with(string(($d/@when, $d/@when-custom)[1]), '--')) then ', every year' else ''"/>
    <xsl:sequence select="
      if ($d/@when-custom and $d/@when and tk:is-dual($d))
        then tk:format-iso($d/@when-custom) || ' O.S. = ' || tk:format-iso($d/@when) || ' N.S. (the text gives both)'
      else if ($d/@when-custom and $d/@when and tk:is-julian($d))
        then tk:format-iso($d/@when-custom) || ' O.S. = ' || tk:format-iso($d/@when) || ' N.S.' || $annual
      else if ($d/@from-custom and $d/@to-custom and $d/@from and $d/@to and tk:is-julian($d))
        then tk:format-range($d/@from-custom, $d/@to-custom) || ' O.S. = ' || tk:format-range($d/@from, $d/@to) || ' N.S.'
      else if ($d/@notBefore-custom and $d/@notAfter-custom and $d/@notBefore and $d/@notAfter and tk:is-julian($d))
        then 'between ' || tk:format-iso($d/@notBefore-custom) || ' and ' || tk:format-iso($d/@notAfter-custom) || ' O.S. = between '
             || tk:format-iso($d/@notBefore) || ' and ' || tk:format-iso($d/@notAfter) || ' N.S.'
      else if ($d/@when and tk:is-marked-new-style($d)) then tk:format-iso($d/@when) || ' N.S. (New Style, as marked in the text)'
      else if ($d/@when) then tk:format-iso($d/@when) || $annual
      else if ($d/@from and $d/@to) then tk:format-range($d/@from, $d/@to)
      else if ($d/@notBefore and $d/@notAfter) then 'between ' || tk:format-iso($d/@notBefore) || ' and ' || tk:format-iso($d/@notAfter)
      else if ($d/@from) then 'from ' || tk:format-iso($d/@from)
      else if ($d/@to) then 'until ' || tk:format-iso($d/@to)
      else if ($d/@notBefore) then 'not before ' || tk:format-iso($d/@notBefore)
      else if ($d/@notAfter) then 'not after ' || tk:format-iso($d/@notAfter)
      else ''"/>
  </xsl:function>

  <!-- The machine-readable value for HTML's datetime, when it is one. -->
  <xsl:function name="tk:datetime" as="xs:string?">
    <xsl:param name="d" as="element()"/>
    <xsl:variable name="v" select="string(($d/@when, $d/@from)[1])"/>
    <xsl:sequence select="if (matches($v, '^\d{4}(-\d{2}(-\d{2})?)?$')) then $v else ()"/>
  </xsl:function>

  <!-- ===== omissions and repairs ===== -->

  <xsl:variable name="tk:gap-label" as="xs:string" select="'[…]'"/>
  <!-- what the transcriber could not read (gap/@reason, as convert/conventions.py UNREAD_WORDS
       gives it) is shown as the source marks it, "[illegible]"; an omission as [...] -->
  <xsl:variable name="tk:unread-reasons" as="xs:string+" select="('illegible', 'damage', 'lost')"/>

  <xsl:function name="tk:gap-shown" as="xs:string">
    <xsl:param name="g" as="element()"/>
    <xsl:sequence select="if ($g/@reason = $tk:unread-reasons)
      then ($g/@rend[matches(., '^\[.+\]$')], '[' || $g/@reason || ']')[1] else $tk:gap-label"/>
  </xsl:function>

  <xsl:function name="tk:gap-explanation" as="xs:string">
    <xsl:param name="g" as="element()"/>
    <xsl:variable name="by" select="tk:resp-name($g)"/>
    <xsl:variable name="extent" select="normalize-space(string-join(($g/@quantity, $g/@unit, $g/@extent), ' '))"/>
    <xsl:sequence select="
      if ($g/@reason = 'editorial') then 'Passage omitted' || (if ($by) then ' by ' || $by else ' by the editors') || ' (marked “' || ($g/@rend, '...')[1] || '” in the source)'
      else if ($g/@reason = 'omitted') then 'Omission within the quotation (marked “' || ($g/@rend, '...')[1] || '” in the source; the text does not say whose)'
      else if ($g/@reason = $tk:unread-reasons) then
        (if ($g/@reason = 'illegible') then 'Not legible in the source' else if ($g/@reason = 'damage') then 'Lost to damage in the source' else 'Missing from the source')
        || (if ($g/@quantity and $g/@unit) then ': ' || $g/@quantity || ' ' || $g/@unit || (if ($g/@quantity = '1') then '' else 's') else '')
      else 'Text not transcribed' || (if ($g/@reason) then ': ' || $g/@reason else '') || (if ($extent) then ' (' || $extent || ')' else '')"/>
  </xsl:function>

  <!-- For choice: the reading shown, the alternative kept, and an explanation. -->
  <xsl:function name="tk:choice-shown" as="element()?">
    <xsl:param name="c" as="element()"/>
    <xsl:sequence select="($c/tei:corr, $c/tei:reg, $c/tei:expan, $c/*)[1]"/>
  </xsl:function>

  <xsl:function name="tk:choice-explanation" as="xs:string">
    <xsl:param name="c" as="element()"/>
    <xsl:variable name="shown" select="tk:choice-shown($c)"/>
    <xsl:variable name="others" select="$c/*[not(. is $shown)]"/>
    <xsl:variable name="other" select="tk:printable(string-join($others ! normalize-space(), ' / '))"/>
    <xsl:variable name="by" select="tk:resp-name($shown)"/>
    <xsl:sequence select="
      if ($shown/self::tei:corr) then 'Corrected reading; the source has “' || $other || '”'
        || (if ($shown/@type = 'encoding') then ' (a character-encoding error)' else '')
        || (if ($by) then ', repaired by ' || $by else '')
      else if ($shown/self::tei:reg) then 'Regularised; the source has “' || $other || '”'
      else if ($shown/self::tei:expan) then 'Abbreviation expanded; the source has “' || $other || '”'
      else 'Alternative: ' || $other"/>
  </xsl:function>

  <!-- ===== plain text ===== -->

  <!--
    The text of a node on one line, as a reader sees it: without notes, the readings the edition
    leaves out (sic, orig, abbr in a choice; rdg; del; forme work) and page breaks, but with the
    generated quotation marks and the gap label. For headings in a table of contents, running
    heads, link titles.
  -->
  <!-- An apparatus entry: the reading the text shows (the lemma, else the first reading) and the
       others with their witnesses ("B" for wit="#B"), readings in groups included. -->
  <xsl:function name="tk:shown-reading" as="element()?">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="($app/tei:lem, $app/(tei:rdg | tei:rdgGrp//tei:rdg))[1]"/>
  </xsl:function>

  <xsl:function name="tk:other-readings" as="element()*">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="$app/(tei:lem | tei:rdg | tei:rdgGrp//(tei:lem | tei:rdg))
      except tk:shown-reading($app)"/>
  </xsl:function>

  <xsl:function name="tk:witnesses" as="xs:string">
    <xsl:param name="reading" as="element()"/>
    <xsl:sequence select="string-join(tokenize(normalize-space($reading/@wit), ' ')
      ! replace(., '^#', ''), ' ')"/>
  </xsl:function>

  <xsl:function name="tk:plain" as="xs:string">
    <xsl:param name="n" as="node()?"/>
    <xsl:choose>
      <!-- an element holding text only (most names, headings, titles) reads as its text -->
      <xsl:when test="$n instance of element() and empty($n/*)">
        <xsl:sequence select="normalize-space($n)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="parts" as="xs:string*">
          <xsl:apply-templates select="$n/node()" mode="tk:plain"/>
        </xsl:variable>
        <xsl:sequence select="normalize-space(string-join($parts))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A break inside a section, its signs as printed ("* * *"): ab type="separator". -->
  <xsl:function name="tk:is-separator" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/self::tei:ab[@type = 'separator'])"/>
  </xsl:function>

  <!-- A division's heading on one line, for contents, running heads and bookmarks: its head,
       and the further lines of a heading over several (head type="sub" after it) after a colon:
       "CHAPTER I: The Scene Has Changed". -->
  <xsl:function name="tk:section-heading" as="xs:string">
    <xsl:param name="div" as="element()?"/>
    <xsl:sequence select="string-join(($div/tei:head[1], tk:heading-lines($div))
      ! tk:plain(.)[.], ': ')"/>
  </xsl:function>

  <!-- the heads that continue a division's first head: heads of type sub right after it -->
  <xsl:function name="tk:heading-lines" as="element()*">
    <xsl:param name="div" as="element()?"/>
    <xsl:sequence select="$div/tei:head[@type = 'sub'][preceding-sibling::*[1][self::tei:head]]
      [not(. is ../tei:head[1])]"/>
  </xsl:function>

  <xsl:template match="tei:note | tei:sic[parent::tei:choice] | tei:orig[parent::tei:choice]
      | tei:abbr[parent::tei:choice] | tei:rdg | tei:del | tei:fw | tei:figure | tei:pb
      | tei:lb[@break = 'no'] | comment() | processing-instruction()" mode="tk:plain"/>
  <xsl:template match="tei:lb" mode="tk:plain"><xsl:sequence select="' '"/></xsl:template>
  <!-- a name given in parts reads in natural order with its parts apart: "Immanuel Kant" for
       <surname>Kant</surname><forename>Immanuel</forename> -->
  <xsl:template match="*[tei:forename or tei:surname][not(text()[normalize-space()])]"
                mode="tk:plain" priority="1">
    <xsl:sequence select="string-join(for $part in ('roleName', 'forename', 'nameLink', 'surname',
      'genName', 'addName') return *[local-name() = $part] ! tk:plain(.)[. != ''], ' ')"/>
  </xsl:template>
  <xsl:template match="tei:gap" mode="tk:plain"><xsl:sequence select="tk:gap-shown(.)"/></xsl:template>
  <xsl:template match="tei:quote | tei:q | tei:soCalled | tei:said | tei:title" mode="tk:plain">
    <xsl:variable name="marks" select="tk:quote-marks(.)"/>
    <xsl:sequence select="$marks[1]"/>
    <xsl:apply-templates mode="tk:plain"/>
    <xsl:sequence select="$marks[2]"/>
  </xsl:template>
  <xsl:template match="tei:stage" mode="tk:plain">
    <xsl:variable name="marks" select="tk:stage-marks(.)"/>
    <xsl:sequence select="$marks[1]"/>
    <xsl:apply-templates mode="tk:plain"/>
    <xsl:sequence select="$marks[2]"/>
  </xsl:template>
  <xsl:template match="*" mode="tk:plain"><xsl:apply-templates mode="tk:plain"/></xsl:template>
  <xsl:template match="text()" mode="tk:plain"><xsl:sequence select="string(.)"/></xsl:template>

</xsl:stylesheet>
