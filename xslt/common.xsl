<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared layer of the teikit stylesheets (HTML and XSL-FO import it).

  Everything here is output-neutral: keys, accumulators and functions that return strings,
  numbers or TEI nodes. How a thing looks is decided by the importing stylesheet.

  Conventions
  - A "register entry" is a person, personGrp, org, place, bibl, biblStruct or event with an
    xml:id; a "mention" is an element inside tei:text whose @ref points at one ("#id").
  - Numbered notes: footnotes, end notes, glosses and any note not placed inline; paraphrases
    and inline notes stay in the running text.
  - Quotation marks follow nesting: “ ” outside, ‘ ’ inside, alternating further in.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:math="http://www.w3.org/2005/xpath-functions/math"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:tk="urn:teikit"
  exclude-result-prefixes="#all">

  <!--
    The accumulators below (note numbers, mention numbers, section numbers) must be applicable
    to the source document: an importing stylesheet that declares the unnamed mode itself
    keeps this setting unless it gives use-accumulators a value of its own.
  -->
  <xsl:mode use-accumulators="#all"/>

  <!-- ===== keys ===== -->

  <xsl:key name="tk:id" match="*[@xml:id]" use="string(@xml:id)"/>

  <!-- Relations (listRelation) by every pointer they name. -->
  <xsl:key name="tk:relations" match="tei:relation" use="tokenize(string-join((@active, @mutual, @passive), ' '))"/>

  <!-- Mentions of a register entry in the text (not the header), in document order. -->
  <xsl:key name="tk:mentions" match="tei:text//*[@ref]" use="tk:mention-id(.)"/>

  <!-- ===== structure ===== -->

  <xsl:function name="tk:is-structural" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/(self::tei:div | self::tei:div1 | self::tei:div2 | self::tei:div3
      | self::tei:div4 | self::tei:div5 | self::tei:div6 | self::tei:div7 | self::tei:body
      | self::tei:front | self::tei:back | self::tei:group | self::tei:text | self::tei:TEI
      | self::tei:teiCorpus | self::tei:floatingText))"/>
  </xsl:function>

  <!-- A container lays its children out as blocks: every ancestor is structural, too. -->
  <xsl:function name="tk:is-container" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="tk:is-structural($e) and not($e/self::tei:TEI or $e/self::tei:teiCorpus)
      and (every $a in $e/ancestor::* satisfies tk:is-structural($a))"/>
  </xsl:function>

  <!-- A section: a container division (div, div1 … div7). -->
  <xsl:function name="tk:is-section" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="starts-with(local-name($e), 'div') and namespace-uri($e) = 'http://www.tei-c.org/ns/1.0'
      and not($e/self::tei:divGen) and tk:is-container($e)"/>
  </xsl:function>

  <xsl:accumulator name="tk:section-number" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="*[tk:is-section(.)]" select="$value + 1"/>
  </xsl:accumulator>

  <!-- The block a node belongs to: the ancestor-or-self whose parent is a container. -->
  <xsl:function name="tk:owner-block" as="element()?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="$n/ancestor-or-self::*[parent::*[tk:is-container(.)]][1]"/>
  </xsl:function>

  <!-- ===== unprintable characters ===== -->

  <!-- Control characters (C0 other than white space, C1) have no glyph in any font: a damaged
       reading kept in sic may hold one ("â€" + U+009D). Shown as their code point instead. -->
  <xsl:variable name="tk:unprintable" as="xs:string" select="'[\p{Cc}-[\t\n\r]]'"/>
  <xsl:function name="tk:printable" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="if (not(matches($s, $tk:unprintable))) then $s else string-join(
      analyze-string($s, $tk:unprintable)/* ! (if (self::*:match)
        then '‹U+' || upper-case(tk:hex(string-to-codepoints(.))) || '›' else string(.)))"/>
  </xsl:function>
  <xsl:function name="tk:hex" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:variable name="digits" select="codepoints-to-string((48 to 57, 97 to 102))"/>
    <xsl:sequence select="string-join(for $shift in (3, 2, 1, 0) return
      substring($digits, ($n idiv xs:integer(math:pow(16, $shift))) mod 16 + 1, 1))"/>
  </xsl:function>

  <!-- ===== notes ===== -->

  <xsl:function name="tk:is-numbered-note" as="xs:boolean">
    <xsl:param name="n" as="element()"/>
    <xsl:sequence select="$n/self::tei:note and exists($n/ancestor::tei:text)
      and not($n/@type = 'paraphrase')
      and ($n/@type = ('gloss', 'footnote', 'endnote') or not($n/@place = ('inline', 'none')))
      and not($n/ancestor::tei:note[tk:is-numbered-note(.)])"/>
  </xsl:function>

  <xsl:accumulator name="tk:note-number" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="tei:note[tk:is-numbered-note(.)]" select="$value + 1"/>
  </xsl:accumulator>

  <xsl:function name="tk:note-number" as="xs:integer">
    <xsl:param name="n" as="element()"/>
    <xsl:sequence select="$n/accumulator-before('tk:note-number')"/>
  </xsl:function>

  <!-- Notes set in the running text in brackets: paraphrases and inline notes. -->
  <xsl:function name="tk:note-brackets" as="xs:string*">
    <xsl:param name="n" as="element()"/>
    <xsl:sequence select="if (tk:is-numbered-note($n)) then () else ('[', ']')"/>
  </xsl:function>

  <!-- "– Ed.", "– Trans.", "– MIA" … for a note signed in the source (the @rend tokens of
       src/teikit/convert/conventions.py). -->
  <xsl:variable name="tk:signatures" as="map(xs:string, xs:string)" select="map {
    'signed': 'Ed.', 'signed-eds': 'Eds.', 'signed-trans': 'Trans.', 'signed-tr': 'Tr.',
    'signed-mia': 'MIA' }"/>
  <xsl:function name="tk:note-signature" as="xs:string?">
    <xsl:param name="n" as="element()"/>
    <xsl:variable name="tokens" select="tokenize($n/@rend)"/>
    <xsl:variable name="word" select="($tokens[map:contains($tk:signatures, .)] ! $tk:signatures(.))[1]"/>
    <xsl:variable name="dash" select="if ($tokens = 'sign-hyphen') then '-' else if ($tokens = 'sign-em-dash') then '—' else '–'"/>
    <xsl:sequence select="if ($word) then $dash || ' ' || $word else ()"/>
  </xsl:function>

  <xsl:function name="tk:note-kind-label" as="xs:string">
    <xsl:param name="n" as="element()"/>
    <xsl:variable name="by" select="tk:resp-name($n)"/>
    <xsl:sequence select="
      if ($n/@type = 'gloss') then 'Editorial insertion' || (if ($by) then ' by ' || $by else '')
      else if ($n/@type = 'paraphrase') then 'Paraphrase of an omitted passage' || (if ($by) then ' by ' || $by else '')
      else if ($n/@type = 'footnote') then 'Author’s note'
      else if ($n/@type = 'sic') then 'Reading confirmed as printed' || (if ($by) then ' by ' || $by else '')
      else if ($by) then 'Note by ' || $by
      else 'Note'"/>
  </xsl:function>

  <!-- ===== people responsible (@resp, @who) ===== -->

  <xsl:function name="tk:pointer-target" as="element()?">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:variable name="first" select="tokenize(normalize-space($pointer))[1]"/>
    <xsl:sequence select="if (starts-with($first, '#') and string-length($first) gt 1)
      then key('tk:id', substring($first, 2), root($context))[1] else ()"/>
  </xsl:function>

  <xsl:function name="tk:resp-name" as="xs:string?">
    <xsl:param name="n" as="element()"/>
    <xsl:variable name="target" select="tk:pointer-target($n, $n/@resp)"/>
    <xsl:sequence select="if ($target) then normalize-space($target) else ()"/>
  </xsl:function>

  <!-- ===== register entries and mentions ===== -->

  <xsl:function name="tk:entry-kind" as="xs:string">
    <xsl:param name="e" as="element()?"/>
    <xsl:sequence select="
      if ($e/self::tei:person or $e/self::tei:personGrp) then 'person'
      else if ($e/self::tei:org) then 'org'
      else if ($e/self::tei:place) then 'place'
      else if ($e/self::tei:bibl or $e/self::tei:biblStruct) then 'bibl'
      else if ($e/self::tei:event) then 'event'
      else ''"/>
  </xsl:function>

  <!-- The id of the register entry a mention points at, or '' when it points nowhere known. -->
  <xsl:function name="tk:mention-id" as="xs:string">
    <xsl:param name="m" as="element()"/>
    <xsl:variable name="target" select="tk:pointer-target($m, $m/@ref)"/>
    <xsl:sequence select="if ($target and tk:entry-kind($target) != '') then string($target/@xml:id) else ''"/>
  </xsl:function>

  <xsl:function name="tk:entry" as="element()?">
    <xsl:param name="m" as="element()"/>
    <xsl:variable name="id" select="tk:mention-id($m)"/>
    <xsl:sequence select="if ($id) then key('tk:id', $id, root($m))[1] else ()"/>
  </xsl:function>

  <xsl:function name="tk:mentions" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="key('tk:mentions', string($entry/@xml:id), root($entry))"/>
  </xsl:function>

  <!-- Per entry, how many mentions have been seen so far: gives each mention its number. -->
  <xsl:accumulator name="tk:mention-counts" as="map(xs:string, xs:integer)" initial-value="map{}">
    <xsl:accumulator-rule match="tei:text//*[@ref]">
      <xsl:variable name="id" select="tk:mention-id(.)"/>
      <xsl:sequence select="if ($id) then map:put($value, $id, ($value($id), 0)[1] + 1) else $value"/>
    </xsl:accumulator-rule>
  </xsl:accumulator>

  <!-- accumulator-before already counts the mention itself (its rule fires on the start tag). -->
  <xsl:function name="tk:mention-number" as="xs:integer">
    <xsl:param name="m" as="element()"/>
    <xsl:sequence select="($m/accumulator-before('tk:mention-counts')(tk:mention-id($m)), 0)[1]"/>
  </xsl:function>

  <xsl:function name="tk:mention-count-label" as="xs:string">
    <xsl:param name="count" as="xs:integer"/>
    <xsl:sequence select="if ($count = 0) then 'not mentioned in the text'
      else if ($count = 1) then '1 mention in this text'
      else $count || ' mentions in this text'"/>
  </xsl:function>

  <xsl:function name="tk:kind-heading" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="map{'person': 'Persons', 'org': 'Organisations', 'place': 'Places',
      'bibl': 'Periodicals and publications', 'event': 'Events'}($kind)"/>
  </xsl:function>

  <xsl:function name="tk:kind-label" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="map{'person': 'Person', 'org': 'Organisation', 'place': 'Place',
      'bibl': 'Periodical or publication', 'event': 'Event'}($kind)"/>
  </xsl:function>

  <xsl:function name="tk:names" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="$entry/(tei:persName | tei:orgName | tei:placeName | tei:title | tei:name
      | tei:eventName | tei:label | tei:settlement | tei:region | tei:country | tei:geogName | tei:analytic/tei:title
      | tei:monogr/tei:title)"/>
  </xsl:function>

  <xsl:function name="tk:display-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" select="tk:names($entry)"/>
    <xsl:variable name="name" select="($names[@type = 'reg'], $names[not(@type = 'full')], $names)[1]"/>
    <xsl:sequence select="if ($name) then normalize-space($name)
      else if (normalize-space($entry/tei:desc)) then normalize-space($entry/tei:desc)
      else string($entry/@xml:id)"/>
  </xsl:function>

  <xsl:function name="tk:full-name" as="xs:string?">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="full" select="normalize-space(tk:names($entry)[@type = 'full'][1])"/>
    <xsl:sequence select="if ($full and $full != tk:display-name($entry)) then $full else ()"/>
  </xsl:function>

  <!--
    Relations between register entries (listRelation): one map per kind and direction,
    {'label': "Member of", 'entries': (org, …)}. Affiliation reads "Member of" from the member's
    side and "Members named in the text" from the organisation's; other relations use @name.
  -->
  <xsl:function name="tk:relation-groups" as="map(*)*">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="ref" select="'#' || $entry/@xml:id"/>
    <xsl:variable name="relations" select="key('tk:relations', $ref, root($entry))"/>
    <xsl:for-each-group select="$relations" group-by="string(@name) || (if (tokenize(@passive) = $ref) then ' passive' else '')">
      <xsl:variable name="passive" select="ends-with(current-grouping-key(), ' passive')"/>
      <xsl:variable name="name" select="string(@name)"/>
      <xsl:variable name="targets" select="current-group() ! tokenize(string-join((if ($passive) then (@active, @mutual) else (@passive, @mutual)), ' '))[. != $ref]"/>
      <xsl:variable name="entries" select="distinct-values($targets) ! tk:pointer-target($entry, .)[tk:entry-kind(.) != '']"/>
      <xsl:if test="exists($entries)">
        <xsl:sequence select="map{
          'label': tk:relation-label($name, $passive),
          'entries': $entries}"/>
      </xsl:if>
    </xsl:for-each-group>
  </xsl:function>

  <xsl:function name="tk:relation-label" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="passive" as="xs:boolean"/>
    <xsl:variable name="words" select="lower-case(replace($name, '([a-z])([A-Z])', '$1 $2'))"/>
    <xsl:variable name="known" as="map(xs:string, xs:string+)" select="map{
      'affiliation': ('Member of', 'Members named in the text'),
      'partOf': ('Part of', 'Includes'),
      'part of': ('Part of', 'Includes')}"/>
    <xsl:sequence select="if (map:contains($known, $name)) then $known($name)[if ($passive) then 2 else 1]
      else concat(upper-case(substring($words, 1, 1)), substring($words, 2)) || (if ($passive) then ' (inverse)' else '')"/>
  </xsl:function>

  <xsl:function name="tk:sort-key" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="surname" select="($entry/tei:persName/tei:surname)[1]"/>
    <xsl:variable name="name" select="tk:display-name($entry)"/>
    <xsl:sequence select="lower-case(
      if ($entry/@sortKey) then $entry/@sortKey
      else if ($surname) then normalize-space($surname) || ' ' || $name
      else if (tk:entry-kind($entry) = 'person') then tokenize($name)[last()] || ' ' || $name
      else replace($name, '^(The|A|An) ', ''))"/>
  </xsl:function>

  <xsl:function name="tk:year" as="xs:string?">
    <xsl:param name="e" as="element()?"/>
    <xsl:variable name="iso" select="($e/@when, $e/@notBefore, $e/@from)[1]"/>
    <xsl:sequence select="if ($iso and matches($iso, '^-?\d{4}')) then replace($iso, '^(-?\d{4}).*$', '$1')
      else if (normalize-space($e)) then normalize-space($e) else ()"/>
  </xsl:function>

  <!-- "1870–1924" for a person; the date label of an event. -->
  <xsl:function name="tk:entry-dates" as="xs:string?">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="birth" select="tk:year($entry/tei:birth[1])"/>
    <xsl:variable name="death" select="tk:year($entry/tei:death[1])"/>
    <xsl:sequence select="
      if ($birth or $death) then ($birth, '?')[1] || '–' || ($death, '')[1]
      else if ($entry/self::tei:event and ($entry/@when or $entry/@from)) then tk:date-label($entry)
      else ()"/>
  </xsl:function>

  <xsl:function name="tk:entry-note" as="xs:string?">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="text" select="normalize-space(string-join(($entry/tei:note, $entry/tei:desc[normalize-space() != tk:display-name($entry)]), ' '))"/>
    <xsl:sequence select="if ($text) then $text else ()"/>
  </xsl:function>

  <!-- Authority links: a sequence of maps {label, url}; only http(s) URLs survive. An id given
       twice, short (type="wikidata") and as its URI (type="URI" subtype="wikidata"), links once. -->
  <xsl:function name="tk:authority-links" as="map(xs:string, xs:string)*">
    <xsl:param name="entry" as="element()"/>
    <xsl:for-each select="$entry/tei:idno[not(@type = 'URI' and @subtype = ../tei:idno/@type)]
                          | $entry/tei:ptr[@type = ('authority', 'wikidata')]">
      <xsl:variable name="value" select="normalize-space(if (self::tei:ptr) then @target else .)"/>
      <xsl:variable name="type" select="lower-case(string(@type))"/>
      <xsl:variable name="link" as="map(xs:string, xs:string)?" select="
        if ($type = 'wikidata' and matches($value, '^Q\d+$')) then map{'label': 'Wikidata ' || $value, 'url': 'https://www.wikidata.org/wiki/' || $value}
        else if ($type = 'viaf' and matches($value, '^\d+$')) then map{'label': 'VIAF ' || $value, 'url': 'https://viaf.org/viaf/' || $value}
        else if ($type = 'gnd' and matches($value, '^[\dX-]+$')) then map{'label': 'GND ' || $value, 'url': 'https://d-nb.info/gnd/' || $value}
        else if ($type = 'geonames' and matches($value, '^\d+$')) then map{'label': 'GeoNames ' || $value, 'url': 'https://www.geonames.org/' || $value}
        else if (tk:safe-url($value) and matches($value, '^https?://')) then map{'label': tk:host-label($value), 'url': $value}
        else ()"/>
      <xsl:sequence select="$link"/>
    </xsl:for-each>
  </xsl:function>

  <xsl:function name="tk:host-label" as="xs:string">
    <xsl:param name="url" as="xs:string"/>
    <xsl:variable name="host" select="replace($url, '^https?://(www\.)?([^/?#]+).*$', '$2')"/>
    <xsl:sequence select="if (contains($host, 'wikidata')) then 'Wikidata'
      else if (contains($host, 'viaf')) then 'VIAF' else $host"/>
  </xsl:function>

  <!-- Only http(s), mailto and same-document or relative links; never javascript: or data:. -->
  <xsl:function name="tk:safe-url" as="xs:boolean">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:variable name="u" select="normalize-space($url)"/>
    <xsl:sequence select="$u != '' and (matches($u, '^(https?|mailto):', 'i') or not(matches($u, '^[a-zA-Z][a-zA-Z0-9+.\-]*:')))
      and not(matches($u, '[\s&lt;&gt;&quot;]'))"/>
  </xsl:function>

  <!-- ===== quotations ===== -->

  <xsl:variable name="tk:rend-marks" as="map(xs:string, xs:string+)" select="map{
    'guillemets': ('«', '»'), 'guillemets-reversed': ('»', '«'), 'low-double': ('„', '“')}"/>

  <xsl:function name="tk:is-block-quote" as="xs:boolean">
    <xsl:param name="q" as="element()"/>
    <xsl:sequence select="exists($q/self::tei:quote) and ($q/@type = 'block' or $q/@rend = ('display', 'block')
      or exists($q/(tei:p | tei:lg | tei:l | tei:list | tei:table)) or ($q/parent::*[tk:is-container(.)] and not($q/@rend = 'inline')))"/>
  </xsl:function>

  <!-- Does the stylesheet generate marks for this element? Not when the text already has them. -->
  <xsl:function name="tk:has-marks" as="xs:boolean">
    <xsl:param name="q" as="element()"/>
    <xsl:variable name="first" select="substring(normalize-space(string($q)), 1, 1)"/>
    <xsl:variable name="rend" select="tokenize(string($q/@rend))"/>
    <xsl:sequence select="exists($q/(self::tei:quote | self::tei:q | self::tei:soCalled | self::tei:said
        | self::tei:title[@level = 'a' or tokenize(@rend) = ('double', 'single')]))
      and not($first = ('“', '‘', '&quot;', &quot;'&quot;, '«', '»', '„'))
      and not($rend = ('none', 'noquotes', 'display', 'block') and not($rend = ('double', 'single')))
      and (not(tk:is-block-quote($q)) or $rend = ('double', 'single', 'guillemets', 'low-double'))
      and not($q/self::tei:said and $q/@direct = 'false')"/>
  </xsl:function>

  <xsl:function name="tk:quote-level" as="xs:integer">
    <xsl:param name="q" as="element()"/>
    <xsl:sequence select="count($q/ancestor::*[tk:has-marks(.)])"/>
  </xsl:function>

  <!-- (opening, closing) marks for a quotation element, or () when it takes none. -->
  <xsl:function name="tk:quote-marks" as="xs:string*">
    <xsl:param name="q" as="element()"/>
    <xsl:variable name="special" select="tokenize(string($q/@rend))[map:contains($tk:rend-marks, .)][1]"/>
    <xsl:sequence select="
      if (not(tk:has-marks($q))) then ()
      else if ($special) then $tk:rend-marks($special)
      else if (tk:quote-level($q) mod 2 = 0) then ('“', '”')
      else ('‘', '’')"/>
  </xsl:function>

  <!-- ===== dates ===== -->

  <xsl:variable name="tk:months" as="xs:string+" select="('January', 'February', 'March', 'April',
    'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December')"/>

  <!-- "9 November 1917", "April 1948", "1930"; anything else is returned as written. -->
  <xsl:function name="tk:format-iso" as="xs:string">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:variable name="v" select="normalize-space($iso)"/>
    <xsl:analyze-string select="$v" regex="^(\d{{4}})(-(\d{{2}}))?(-(\d{{2}}))?$">
      <xsl:matching-substring>
        <xsl:variable name="m" select="if (regex-group(3)) then xs:integer(regex-group(3)) else 0"/>
        <xsl:variable name="d" select="if (regex-group(5)) then xs:integer(regex-group(5)) else 0"/>
        <xsl:sequence select="
          if ($m lt 1 or $m gt 12) then regex-group(1)
          else if ($d = 0) then $tk:months[$m] || ' ' || regex-group(1)
          else $d || ' ' || $tk:months[$m] || ' ' || regex-group(1)"/>
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

  <!-- The normalised reading of a date: "27 October 1917 O.S. = 9 November 1917 N.S." -->
  <xsl:function name="tk:date-label" as="xs:string">
    <xsl:param name="d" as="element()"/>
    <xsl:sequence select="
      if ($d/@when-custom and $d/@when and tk:is-julian($d))
        then tk:format-iso($d/@when-custom) || ' O.S. = ' || tk:format-iso($d/@when) || ' N.S.'
      else if ($d/@from-custom and $d/@to-custom and $d/@from and $d/@to and tk:is-julian($d))
        then tk:format-range($d/@from-custom, $d/@to-custom) || ' O.S. = ' || tk:format-range($d/@from, $d/@to) || ' N.S.'
      else if ($d/@when) then tk:format-iso($d/@when)
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

  <xsl:function name="tk:gap-explanation" as="xs:string">
    <xsl:param name="g" as="element()"/>
    <xsl:variable name="by" select="tk:resp-name($g)"/>
    <xsl:variable name="extent" select="normalize-space(string-join(($g/@quantity, $g/@unit, $g/@extent), ' '))"/>
    <xsl:sequence select="
      if ($g/@reason = 'editorial') then 'Passage omitted' || (if ($by) then ' by ' || $by else ' by the editors') || ' (marked “' || ($g/@rend, '...')[1] || '” in the source)'
      else if ($g/@reason = 'omitted') then 'Omission within the quotation (marked “' || ($g/@rend, '...')[1] || '” in the source; the text does not say whose)'
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
  <xsl:function name="tk:plain" as="xs:string">
    <xsl:param name="n" as="node()?"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$n/node()" mode="tk:plain"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($parts))"/>
  </xsl:function>

  <xsl:template match="tei:note | tei:sic[parent::tei:choice] | tei:orig[parent::tei:choice]
      | tei:abbr[parent::tei:choice] | tei:rdg | tei:del | tei:fw | tei:figure | tei:pb
      | tei:lb[@break = 'no'] | comment() | processing-instruction()" mode="tk:plain"/>
  <xsl:template match="tei:lb" mode="tk:plain"><xsl:sequence select="' '"/></xsl:template>
  <xsl:template match="tei:gap" mode="tk:plain"><xsl:sequence select="$tk:gap-label"/></xsl:template>
  <xsl:template match="tei:quote | tei:q | tei:soCalled | tei:said | tei:title" mode="tk:plain">
    <xsl:variable name="marks" select="tk:quote-marks(.)"/>
    <xsl:sequence select="$marks[1]"/>
    <xsl:apply-templates mode="tk:plain"/>
    <xsl:sequence select="$marks[2]"/>
  </xsl:template>
  <xsl:template match="*" mode="tk:plain"><xsl:apply-templates mode="tk:plain"/></xsl:template>
  <xsl:template match="text()" mode="tk:plain"><xsl:sequence select="string(.)"/></xsl:template>

  <!-- ===== bibliographic description from the header ===== -->

  <xsl:function name="tk:main-title" as="xs:string">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="ts" select="$root/tei:teiHeader/tei:fileDesc/tei:titleStmt"/>
    <xsl:variable name="t" select="tk:plain(($ts/tei:title[@type = 'main'], $ts/tei:title)[1])"/>
    <xsl:sequence select="if ($t) then $t else 'Untitled text'"/>
  </xsl:function>

  <xsl:function name="tk:sub-title" as="xs:string?">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="t" select="tk:plain($root/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = 'sub'][1])"/>
    <xsl:sequence select="if ($t) then $t else ()"/>
  </xsl:function>

  <xsl:function name="tk:authors" as="xs:string*">
    <xsl:param name="root" as="element()"/>
    <xsl:sequence select="$root/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:author ! tk:plain(.)[. != '']"/>
  </xsl:function>

  <xsl:function name="tk:translators" as="xs:string*">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="ts" select="$root/tei:teiHeader/tei:fileDesc/tei:titleStmt"/>
    <xsl:sequence select="distinct-values((
      $ts/tei:respStmt[matches(tei:resp, 'transl', 'i')]/(* except tei:resp),
      $ts/tei:editor[@role = 'translator']) ! tk:plain(.)[. != ''])"/>
  </xsl:function>

  <!-- "New International XIV, no. 4 (April 1948): 123–126" -->
  <xsl:function name="tk:source-line" as="xs:string?">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="s" select="($root/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:biblStruct)[1]"/>
    <xsl:variable name="m" select="$s/tei:monogr[1]"/>
    <xsl:variable name="scopes" select="$m/(tei:biblScope | tei:imprint/tei:biblScope)"/>
    <xsl:variable name="volume" select="replace(tk:plain($scopes[@unit = ('volume', 'vol')][1]), '^(Vol(ume)?\.?)\s*', '', 'i')"/>
    <xsl:variable name="issue" select="replace(tk:plain($scopes[@unit = ('issue', 'number', 'no')][1]), '^(No\.?|Number|Issue)\s*', '', 'i')"/>
    <xsl:variable name="date" select="$m/tei:imprint/tei:date[1]"/>
    <xsl:variable name="page" select="$scopes[@unit = ('page', 'pp', 'pages')][1]"/>
    <xsl:variable name="pages" select="if ($page/@from and $page/@to) then $page/@from || '–' || $page/@to else replace(tk:plain($page), '^pp?\.\s*', '')"/>
    <xsl:variable name="journal" select="tk:plain($m/tei:title[1])"/>
    <xsl:sequence select="if (not($journal)) then ()
      else $journal
        || (if ($volume) then ' ' || $volume else '')
        || (if ($issue) then ', no. ' || $issue else '')
        || (if ($date) then ' (' || tk:plain($date) || ')' else '')
        || (if ($pages) then ': ' || $pages else '')"/>
  </xsl:function>

  <xsl:function name="tk:first-publication" as="xs:string?">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="b" select="($root/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[@type = 'firstPublication'])[1]"/>
    <xsl:sequence select="if ($b) then string-join(($b/tei:title ! tk:plain(.), $b/tei:date ! tk:plain(.))[. != ''], ', ') else ()"/>
  </xsl:function>

  <xsl:function name="tk:publisher" as="xs:string?">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="p" select="tk:plain(($root/tei:teiHeader/tei:fileDesc/tei:publicationStmt/(tei:publisher, tei:authority, tei:distributor))[1])"/>
    <xsl:sequence select="if ($p) then $p else ()"/>
  </xsl:function>

  <xsl:function name="tk:publication-date" as="xs:string?">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="d" select="($root/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:date)[1]"/>
    <xsl:sequence select="if ($d/@when) then tk:format-iso($d/@when) else if (normalize-space($d)) then tk:plain($d) else ()"/>
  </xsl:function>

  <!-- A citation: author, “title: part”, trans. X, journal … ; digital edition, publisher, date. -->
  <xsl:function name="tk:citation" as="xs:string">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="authors" select="string-join(tk:authors($root), ', ')"/>
    <xsl:variable name="title" select="string-join((tk:main-title($root), tk:sub-title($root)), ': ')"/>
    <xsl:variable name="translators" select="string-join(tk:translators($root), ', ')"/>
    <xsl:variable name="source" select="tk:source-line($root)"/>
    <xsl:variable name="publisher" select="tk:publisher($root)"/>
    <xsl:variable name="date" select="tk:publication-date($root)"/>
    <xsl:sequence select="string-join((
      if ($authors) then $authors else (),
      '“' || $title || '”',
      if ($translators) then 'translated by ' || $translators else (),
      $source,
      if ($publisher or $date) then 'TEI edition' || (if ($publisher) then ', ' || $publisher else '') || (if ($date) then ', ' || $date else '') else ()
      ), ', ') || '.'"/>
  </xsl:function>

</xsl:stylesheet>
