<?xml version="1.0" encoding="UTF-8"?>
<!--
  Pointers, register entries and their mentions in the text, relations, authority links.
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

  <!-- ===== keys ===== -->

  <xsl:key name="tk:id" match="*[@xml:id]" use="string(@xml:id)"/>

  <!-- Relations (listRelation) by every pointer they name. -->
  <xsl:key name="tk:relations" match="tei:relation" use="tokenize(string-join((@active, @mutual, @passive), ' '))"/>

  <!-- Mentions of a register entry in the text (not the header), in document order. -->
  <xsl:key name="tk:mentions" match="tei:text//*[@ref]" use="tk:mention-id(.)"/>

  <!-- ===== people responsible (@resp, @who) ===== -->

  <xsl:function name="tk:pointer-target" as="element()?">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="pointer" as="xs:string?"/>
    <!-- the first of its pointers: tokenize($pointer)[1], without tokenizing the rest -->
    <xsl:variable name="all" select="normalize-space($pointer)"/>
    <xsl:variable name="first" select="if (contains($all, ' ')) then substring-before($all, ' ') else $all"/>
    <xsl:sequence select="if (starts-with($first, '#') and string-length($first) gt 1)
      then key('tk:id', substring($first, 2), root($context))[1] else ()"/>
  </xsl:function>

  <!-- who is responsible for an element, as the editions say it after "by": "by Dan Eastman",
       "by the editors of New International" (a description's article in lower case) -->
  <xsl:function name="tk:resp-name" as="xs:string?">
    <xsl:param name="n" as="element()"/>
    <xsl:variable name="target" select="tk:pointer-target($n, $n/@resp)"/>
    <xsl:sequence select="if ($target) then replace(normalize-space($target), '^The ', 'the ') else ()"/>
  </xsl:function>

  <!-- ===== register entries and mentions ===== -->

  <!-- A part of a name written right after another part, with nothing between them
       ("<forename>Arthur</forename><surname>Schnitzler</surname>"): a space must part them. -->
  <xsl:function name="tk:joins-previous-part" as="xs:boolean">
    <xsl:param name="part" as="element()"/>
    <xsl:sequence select="exists($part/preceding-sibling::node()[1][self::tei:forename
      or self::tei:surname or self::tei:roleName or self::tei:addName or self::tei:genName
      or self::tei:nameLink])"/>
  </xsl:function>

  <!-- Whether an element written right after another, with nothing between them, must stand a
       space apart from it: parts of a name, and the parts of a structure made only of elements
       that an output shows as phrases (a dictionary entry's form and sense, a bibliography's
       author and title) — but not the alternatives of a choice or an apparatus. -->
  <xsl:function name="tk:needs-space-before" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="$e/preceding-sibling::node()[1] instance of element() and
      (tk:joins-previous-part($e) or (not($e/../text()[normalize-space()])
        and not($e/parent::tei:choice or $e/parent::tei:app or $e/parent::tei:rdgGrp
                or $e/parent::tei:subst or $e/parent::tei:expan or $e/parent::tei:abbr
                or $e/parent::tei:w or $e/parent::tei:seg or $e/parent::tei:hi)))"/>
  </xsl:function>

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

  <!-- The id of the register entry a mention points at, or '' when it points nowhere known
       (remembered per element: every output asks it of a mention many times). -->
  <xsl:function name="tk:mention-id" as="xs:string" cache="yes">
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

  <!-- The elements that name things: one set for every output (a title only with @ref). -->
  <xsl:variable name="tk:name-names" as="xs:string+" static="yes" select="('persName', 'orgName',
    'placeName', 'name', 'rs', 'geogName', 'settlement', 'region', 'country', 'bloc', 'district')"/>
  <!-- the same set as a match pattern, for an output's template: _match="{$tk:name-pattern}"
       (a pattern of names is matched by name, far faster than a predicate on every element) -->
  <xsl:variable name="tk:name-pattern" as="xs:string" static="yes"
    select="string-join(($tk:name-names ! ('tei:' || .), 'tei:title[@ref]'), ' | ')"/>
  <xsl:variable name="tk:names-set" as="map(xs:string, xs:boolean)" select="map:merge($tk:name-names ! map:entry(., true()))"/>
  <xsl:function name="tk:is-name" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/self::tei:*[map:contains($tk:names-set, local-name())] | $e/self::tei:title[@ref])"/>
  </xsl:function>

  <!--
    Mention numbers, computed here for any sequence of mentions (an output passes the ones it
    prints), in its order: per mention (by generate-id) a map {'entry': the place of its entry
    among the entries the sequence mentions, first mention first; 'mention': its place in the
    sequence; 'of-entry': its place among the mentions of its entry}.
  -->
  <xsl:function name="tk:mention-numbers" as="map(xs:string, map(xs:string, xs:integer))">
    <xsl:param name="mentions" as="element()*"/>
    <!-- the entry of each mention, by the mention's place: looked up once, grouped once (a map
         grown mention by mention was checked against its declared type at every step) -->
    <xsl:variable name="ids" as="xs:string*" select="$mentions ! tk:mention-id(.)"/>
    <xsl:variable name="keys" select="distinct-values($ids)"/>
    <xsl:variable name="entry-numbers" as="map(xs:string, xs:integer)"
      select="map:merge(for-each-pair($keys, 1 to count($keys), map:entry#2))"/>
    <xsl:sequence select="map:merge(
      for $group in tk:positions-by-key($ids), $k in 1 to array:size($group)
      return let $i := xs:integer($group($k)) return map:entry(generate-id($mentions[$i]), map{
        'entry': $entry-numbers($ids[$i]), 'mention': $i, 'of-entry': $k}))"/>
  </xsl:function>

  <!-- The places of equal values in a sequence, one array per value, in order. -->
  <xsl:function name="tk:positions-by-key" as="array(xs:integer)*">
    <xsl:param name="values" as="xs:string*"/>
    <xsl:for-each-group select="1 to count($values)" group-by="$values[xs:integer(current())]">
      <xsl:sequence select="array{current-group()}"/>
    </xsl:for-each-group>
  </xsl:function>

  <!-- Every mention in the text(s) of a document, numbered (cached per document). -->
  <xsl:function name="tk:text-mention-numbers" as="map(xs:string, map(xs:string, xs:integer))" cache="yes">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="tk:mention-numbers($root//tei:text//*[@ref][tk:mention-id(.) != ''])"/>
  </xsl:function>

  <!-- The mention's place among the mentions of its entry in the text (1, 2 …), 0 if none:
       its 'of-entry' number in tk:text-mention-numbers, counted in the key of its entry. -->
  <xsl:function name="tk:mention-number" as="xs:integer">
    <xsl:param name="m" as="element()"/>
    <xsl:variable name="id" select="tk:mention-id($m)"/>
    <xsl:sequence select="if ($id and $m/ancestor::tei:text)
      then count(key('tk:mentions', $id, root($m))[. &lt;&lt; $m]) + 1 else 0"/>
  </xsl:function>

  <xsl:function name="tk:mention-count-label" as="xs:string">
    <xsl:param name="count" as="xs:integer"/>
    <xsl:sequence select="if ($count = 0) then 'not mentioned in the text'
      else if ($count = 1) then '1 mention in this text'
      else $count || ' mentions in this text'"/>
  </xsl:function>

  <!-- (the tables are variables: a map written in a function is built again at every call) -->
  <xsl:variable name="tk:kind-headings" as="map(xs:string, xs:string)" select="map{
    'person': 'Persons', 'org': 'Organisations', 'place': 'Places',
    'bibl': 'Periodicals and publications', 'event': 'Events'}"/>
  <xsl:function name="tk:kind-heading" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="$tk:kind-headings($kind)"/>
  </xsl:function>

  <xsl:variable name="tk:kind-labels" as="map(xs:string, xs:string)" select="map{
    'person': 'Person', 'org': 'Organisation', 'place': 'Place',
    'bibl': 'Periodical or publication', 'event': 'Event'}"/>
  <xsl:function name="tk:kind-label" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="$tk:kind-labels($kind)"/>
  </xsl:function>

  <xsl:function name="tk:names" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="$entry/(tei:persName | tei:orgName | tei:placeName | tei:title | tei:name
      | tei:eventName | tei:label | tei:settlement | tei:region | tei:country | tei:geogName | tei:analytic/tei:title
      | tei:monogr/tei:title)"/>
  </xsl:function>

  <!-- (remembered per entry: the index, its sorting, relations and notes ask it often) -->
  <xsl:function name="tk:display-name" as="xs:string" cache="yes">
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

  <xsl:variable name="tk:relation-labels" as="map(xs:string, xs:string+)" select="map{
    'affiliation': ('Member of', 'Members named in the text'),
    'partOf': ('Part of', 'Includes'),
    'part of': ('Part of', 'Includes')}"/>
  <xsl:function name="tk:relation-label" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="passive" as="xs:boolean"/>
    <xsl:variable name="words" select="lower-case(replace($name, '([a-z])([A-Z])', '$1 $2'))"/>
    <xsl:sequence select="if (map:contains($tk:relation-labels, $name)) then $tk:relation-labels($name)[if ($passive) then 2 else 1]
      else concat(upper-case(substring($words, 1, 1)), substring($words, 2)) || (if ($passive) then ' (inverse)' else '')"/>
  </xsl:function>

  <xsl:function name="tk:sort-key" as="xs:string" cache="yes">
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

</xsl:stylesheet>
