<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notes: which are numbered, their numbers, signatures and labels.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:math="http://www.w3.org/2005/xpath-functions/math"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:tk="urn:teikit"
  exclude-result-prefixes="#all">

  <!-- ===== notes ===== -->

  <xsl:function name="tk:is-numbered-note" as="xs:boolean">
    <xsl:param name="n" as="element()"/>
    <xsl:sequence select="$n/self::tei:note and exists($n/ancestor::tei:text)
      and not($n/@type = 'paraphrase')
      and ($n/@type = ('gloss', 'footnote', 'endnote') or not($n/@place = ('inline', 'none')))
      and not($n/ancestor::tei:note[tk:is-numbered-note(.)])"/>
  </xsl:function>

  <!-- The numbered notes of a document, numbered (cached per document). -->
  <xsl:function name="tk:note-numbers" as="map(xs:string, xs:integer)" cache="yes">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="tk:numbering($root//tei:note[tk:is-numbered-note(.)])"/>
  </xsl:function>

  <!-- The note's number (1, 2 … through the document); for another element, the number of the
       last numbered note that starts before it. -->
  <xsl:function name="tk:note-number" as="xs:integer">
    <xsl:param name="n" as="element()"/>
    <xsl:variable name="numbers" select="tk:note-numbers(root($n))"/>
    <xsl:sequence select="($numbers(generate-id($n)),
      ($n/ancestor::tei:note | $n/preceding::tei:note)[tk:is-numbered-note(.)][last()]
        ! $numbers(generate-id(.)),
      0)[1]"/>
  </xsl:function>

  <!-- The notes divisions of a document (divGen type="notes"): one where the source printed its
       notes, a chapter's between it and the next chapter, the text's in the back. -->
  <xsl:function name="tk:notes-divisions" as="element()*" cache="yes">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="$root//tei:divGen[@type = 'notes']"/>
  </xsl:function>

  <!-- The numbered notes a notes division lists: a note marked in the text belongs to the first
       division after it (a chapter's notes under the chapter), one after the last division to
       the last; a note set in a notes div (no marker in the text) to the division before it. -->
  <xsl:function name="tk:division-notes" as="element()*">
    <xsl:param name="division" as="element()"/>
    <xsl:variable name="divisions" select="tk:notes-divisions(root($division))"/>
    <xsl:variable name="position" select="index-of($divisions ! generate-id(.), generate-id($division))"/>
    <xsl:sequence select="root($division)//tei:note[tk:is-numbered-note(.)]
      [tk:notes-division-position(., $divisions) eq $position]"/>
  </xsl:function>

  <xsl:function name="tk:notes-division-position" as="xs:integer">
    <xsl:param name="note" as="element()"/>
    <xsl:param name="divisions" as="element()*"/>
    <xsl:variable name="before" select="count($divisions[. &lt;&lt; $note])"/>
    <xsl:sequence select="if ($note/ancestor::tei:div[@type = 'notes']) then max((1, $before))
      else min(($before + 1, count($divisions)))"/>
  </xsl:function>

  <!-- The id of a notes division: "notes" for the first, "notes-2", "notes-3" … after it. -->
  <xsl:function name="tk:notes-division-id" as="xs:string">
    <xsl:param name="division" as="element()"/>
    <xsl:variable name="position" select="index-of(tk:notes-divisions(root($division)) ! generate-id(.),
      generate-id($division))"/>
    <xsl:sequence select="if ($position eq 1) then 'notes' else 'notes-' || $position"/>
  </xsl:function>

  <!-- Notes set in the running text in brackets: paraphrases and inline notes. -->
  <xsl:function name="tk:note-brackets" as="xs:string*">
    <xsl:param name="n" as="element()"/>
    <xsl:sequence select="if (tk:is-numbered-note($n)) then () else $tk:brackets"/>
  </xsl:function>

  <!-- "– Ed.", "– Trans.", "- MIA" … for a note signed in the source (the @rend tokens and the
       tables of src/teikit/convert/conventions.py, see common.xsl). -->
  <xsl:function name="tk:note-signature" as="xs:string?">
    <xsl:param name="n" as="element()"/>
    <xsl:variable name="tokens" select="tokenize($n/@rend)"/>
    <xsl:variable name="word" select="($tokens[map:contains($tk:signatures, .)] ! $tk:signatures(.))[1]"/>
    <xsl:variable name="dash" select="($tokens[map:contains($tk:signature-dashes, .)] ! $tk:signature-dashes(.), $tk:signature-dash)[1]"/>
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

</xsl:stylesheet>
