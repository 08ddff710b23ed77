<?xml version="1.0" encoding="UTF-8"?>
<!--
  The bibliographic description from the TEI header: titles, authors, source, citation.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:math="http://www.w3.org/2005/xpath-functions/math"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:tk="urn:teikit"
  exclude-result-prefixes="#all">

  <!-- ===== bibliographic description from the header ===== -->

  <xsl:function name="tk:main-title" as="xs:string">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="ts" select="$root/tei:teiHeader/tei:fileDesc/tei:titleStmt"/>
    <xsl:variable name="t" select="tk:plain(($ts/tei:title[@type = 'main'], $ts/tei:title)[1])"/>
    <xsl:sequence select="if ($t) then $t else 'Untitled text'"/>
  </xsl:function>

  <!-- What the header describes beyond the fields the about section shows: manuscripts,
       witnesses, further sources, recordings, the people, places and letters of the text
       (registers other projects keep in particDesc and settingDesc, a letter's correspDesc). -->
  <xsl:function name="tk:header-descriptions" as="element()*">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="header" select="$root/tei:teiHeader"/>
    <xsl:variable name="sources" select="$header/tei:fileDesc/tei:sourceDesc"/>
    <xsl:variable name="shown" select="$sources/tei:biblStruct[1][tk:source-line($root)],
      $sources/tei:bibl[@type = 'firstPublication'][1][tk:first-publication($root)],
      ($sources/(tei:bibl, tei:p))[1][not(tk:source-line($root))]"/>
    <xsl:sequence select="($sources/* except $shown)[normalize-space()],
      $header/tei:profileDesc/(tei:particDesc, tei:settingDesc, tei:correspDesc)[normalize-space()]"/>
  </xsl:function>

  <!-- A letter's correspDesc in words: "From Vera Zasulich, London, 14 March 1895; to Georgi
       Plekhanov"; one of several letters is named by its heading ("Letter I.: …"). -->
  <xsl:function name="tk:correspondence" as="xs:string">
    <xsl:param name="desc" as="element()"/>
    <xsl:variable name="letter" select="if (starts-with($desc/@corresp, '#'))
      then root($desc)//*[@xml:id = substring-after($desc/@corresp, '#')][1] else ()"/>
    <xsl:variable name="label" select="string-join(('Letter', ($letter/tei:head)[1] ! tk:plain(.)), ' ')"/>
    <xsl:variable name="parts" select="$desc/tei:correspAction[*] ! ((if (@type = 'received') then 'to '
      else 'from ') || string-join(* ! tk:plain(.)[. != ''], ', '))"/>
    <xsl:sequence select="$label || ': ' || upper-case(substring($parts[1], 1, 1))
      || substring(string-join($parts, '; '), 2)"/>
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
      $ts/tei:respStmt[tei:resp[matches(., 'transl', 'i')]]/(* except tei:resp),
      $ts/tei:editor[@role = 'translator']) ! tk:plain(.)[. != ''])"/>
  </xsl:function>

  <!-- "New International XIV, no. 4 (April 1948): 123–126", "Women's Trade Union League,
       Annual Report for 1906 (1907): 31–38" -->
  <xsl:function name="tk:source-line" as="xs:string?">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="s" select="($root/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:biblStruct)[1]"/>
    <xsl:variable name="m" select="$s/tei:monogr[1]"/>
    <xsl:variable name="scopes" select="$m/(tei:biblScope | tei:imprint/tei:biblScope)"/>
    <xsl:variable name="volume" select="replace(tk:plain($scopes[@unit = ('volume', 'vol')][1]), '^(Vol(ume)?\.?)\s*', '', 'i')"/>
    <xsl:variable name="issue" select="replace(tk:plain($scopes[@unit = ('issue', 'number', 'no')][1]), '^(No\.?|Number|Issue)\s*', '', 'i')"/>
    <xsl:variable name="date" select="tk:plain($m/tei:imprint/tei:date[1])"/>
    <xsl:variable name="page" select="$scopes[@unit = ('page', 'pp', 'pages')][1]"/>
    <xsl:variable name="pages" select="if ($page/@from and $page/@to) then $page/@from || '–' || $page/@to else replace(tk:plain($page), '^pp?\.\s*', '')"/>
    <xsl:variable name="journal" select="tk:plain($m/tei:title[1])"/>
    <!-- a book's own author (a body's report), where it is not the text's: "Women's Trade
         Union League, Annual Report for 1906 (1907): 31–38" -->
    <xsl:variable name="by" select="tk:plain($m/tei:author[1])[. != tk:plain($s/tei:analytic/tei:author[1])]"/>
    <xsl:sequence select="if (not($journal)) then ()
      else (if ($by) then $by || ', ' else '') || $journal
        || (if ($volume) then ' ' || $volume else '')
        || (if ($issue) then ', no. ' || $issue else '')
        || (if ($date) then ' (' || $date || ')' else '')
        || (if ($pages) then ': ' || $pages else '')"/>
  </xsl:function>

  <xsl:function name="tk:first-publication" as="xs:string?">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="b" select="($root/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[@type = 'firstPublication'])[1]"/>
    <!-- its parts in the source's order: "Pravda, No. 26, April 7, 1917, Petrograd" -->
    <xsl:sequence select="if ($b) then string-join(($b/(tei:title | tei:pubPlace | tei:publisher | tei:biblScope | tei:date) ! tk:plain(.))[. != ''], ', ') else ()"/>
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
