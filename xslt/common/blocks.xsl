<?xml version="1.0" encoding="UTF-8"?>
<!--
  Block or phrase, decided here once for every output; and the structure: sections, containers
  and the block each node belongs to.

  Each output fills the decision in: tk:is-block(e) true means the output makes a block of e
  (HTML a <div>, <p>, <blockquote> …; XSL-FO an fo:block), false a phrase (a <span>, an
  fo:inline or the content alone). Four tables classify the TEI elements; elements in none of
  them (a project's own, any TEI element without a rule) are blocks where they stand among
  blocks or hold blocks, phrases otherwise.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:math="http://www.w3.org/2005/xpath-functions/math"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:tk="urn:teikit"
  xmlns:eg="http://www.tei-c.org/ns/Examples"
  exclude-result-prefixes="#all">

  <!-- ===== block or phrase ===== -->

  <!-- Blocks wherever they stand (TEI elements, and a TEI example: eg:egXML). -->
  <xsl:variable name="tk:block-names" as="xs:string+" select="('p', 'ab', 'div', 'div1', 'div2',
    'div3', 'div4', 'div5', 'div6', 'div7', 'head', 'lg', 'l', 'list', 'item', 'table', 'row',
    'cell', 'sp', 'speaker', 'figure', 'castList', 'castGroup', 'castItem', 'listBibl',
    'listPerson', 'listPlace', 'listOrg', 'listEvent', 'listWit', 'opener', 'closer', 'postscript',
    'trailer', 'byline', 'epigraph', 'argument', 'docImprint', 'titlePage', 'u', 'eg',
    'floatingText', 'divGen', 'msDesc', 'headLabel', 'headItem', 'person', 'place', 'org', 'event',
    'witness', 'listApp', 'spGrp', 'move', 'set', 'view', 'camera', 'sound', 'caption', 'tech',
    'performance', 'prologue', 'epilogue')"/>

  <!-- Blocks where they are displayed (tk:is-displayed), phrases in the line. -->
  <xsl:variable name="tk:displayable-names" as="xs:string+" select="('quote', 'cit', 'q', 'said',
    'note', 'label', 'signed', 'salute', 'dateline', 'bibl', 'biblStruct', 'code', 'stage',
    'docAuthor', 'docTitle', 'titlePart', 'docDate')"/>

  <!-- Phrases wherever they stand: typography, milestones, names, dates, readings,
       bibliographic parts … -->
  <xsl:variable name="tk:phrase-names" as="xs:string+" static="yes" select="('hi', 'emph', 'foreign',
    'distinct', 'title', 'soCalled', 'gi', 'att', 'val', 'tag', 'ident', 'lb', 'pb', 'cb',
    'milestone', 'anchor', 'gap', 'choice', 'supplied', 'surplus', 'space', 'corr', 'reg', 'expan', 'orig',
    'sic', 'abbr', 'seg', 'w', 'c', 'pc', 's', 'phr', 'cl', 'm', 'num', 'measure', 'unit', 'time',
    'rs', 'name', 'persName', 'orgName', 'placeName', 'geogName', 'roleName', 'forename', 'surname',
    'addName', 'genName', 'nameLink', 'settlement', 'region', 'country', 'district', 'bloc', 'geog',
    'offset', 'affiliation', 'occupation', 'state', 'trait', 'ex', 'am', 'add', 'damage', 'unclear',
    'date', 'ref', 'ptr', 'mentioned', 'term', 'gloss', 'lang', 'idno', 'address', 'addrLine',
    'street', 'postCode', 'postBox', 'email', 'dim', 'height', 'width', 'depth', 'objectName',
    'material', 'locus', 'locusGrp', 'origDate', 'origPlace', 'repository', 'collection',
    'institution', 'msName', 'author', 'editor', 'respStmt', 'resp', 'publisher', 'pubPlace',
    'biblScope', 'edition', 'series', 'imprint', 'monogr', 'analytic', 'citedRange', 'listRef',
    'desc', 'rdg', 'lem', 'rdgGrp', 'app', 'wit', 'attRef', 'catchwords', 'secl', 'handShift',
    'subst', 'restore', 'metamark', 'redo', 'undo', 'retrace', 'mod')"/>

  <!-- the phrases as a match pattern: _match="{$tk:phrase-pattern}" -->
  <xsl:variable name="tk:phrase-pattern" as="xs:string" static="yes"
    select="string-join($tk:phrase-names ! ('tei:' || .), ' | ')"/>

  <!-- Elements whose children stand as blocks (when no text stands beside them). -->
  <xsl:variable name="tk:block-parent-names" as="xs:string+" select="('body', 'front', 'back',
    'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'group', 'text', 'sp', 'lg',
    'castList', 'listBibl', 'floatingText', 'spGrp', 'titlePage', 'opener', 'closer', 'argument',
    'epigraph', 'msDesc', 'figure', 'list')"/>

  <!-- The tables as one look-up: TEI element name → 'block', 'displayable' or 'phrase'. -->
  <xsl:variable name="tk:element-kinds" as="map(xs:string, xs:string)" select="map:merge((
    $tk:block-names ! map:entry(., 'block'), $tk:displayable-names ! map:entry(., 'displayable'),
    $tk:phrase-names ! map:entry(., 'phrase')))"/>
  <xsl:variable name="tk:block-parents" as="map(xs:string, xs:boolean)"
    select="map:merge($tk:block-parent-names ! map:entry(., true()))"/>

  <!-- 'block', 'displayable', 'phrase', or '' for an element in no table. -->
  <xsl:function name="tk:element-kind" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e/self::eg:egXML) then 'block'
      else if (namespace-uri($e) = 'http://www.tei-c.org/ns/1.0') then ($tk:element-kinds(local-name($e)), '')[1]
      else ''"/>
  </xsl:function>

  <!-- Is the element a block where it stands? -->
  <xsl:function name="tk:is-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="kind" select="tk:element-kind($e)"/>
    <xsl:sequence select="if ($kind = 'block') then true()
      else if ($e/self::tei:address[parent::tei:opener or parent::tei:closer]) then true()
      else if ($kind = 'phrase') then false()
      else tk:is-displayed($e)"/>
  </xsl:function>

  <!-- A block quotation: displayed (tk:is-displayed). -->
  <xsl:function name="tk:is-block-quote" as="xs:boolean">
    <xsl:param name="q" as="element()"/>
    <xsl:sequence select="exists($q/self::tei:quote) and tk:is-displayed($q)"/>
  </xsl:function>

  <!-- Text worth printing, or an element that is no block. -->
  <xsl:function name="tk:is-phrase" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="($n instance of text() and normalize-space($n) != '')
      or ($n instance of element() and not(tk:is-block($n)))"/>
  </xsl:function>

  <!-- Displayed: a block quotation by its @type or @rend, an element standing among blocks (no
       text beside it; a quotation not marked inline), or one holding blocks; never a note. -->
  <xsl:function name="tk:is-displayed" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="($e/self::tei:quote and ($e/@type = 'block' or $e/@rend = ('display', 'block')))
      or (not($e/self::tei:note) and $e/parent::tei:*[map:contains($tk:block-parents, local-name())]
          and not(tk:has-loose-text($e/..))
          and not($e/self::tei:quote and $e/@rend = 'inline'))
      or ($e/(tei:p | tei:lg | tei:list | tei:table | tei:sp | tei:ab | tei:div | tei:floatingText | tei:l
          | eg:egXML | tei:listBibl) and not($e/self::tei:note))"/>
  </xsl:function>

  <!-- Text beside the children of an element: asked once per parent, not once per child
       (scanning the siblings of every child was quadratic in long divisions). -->
  <xsl:function name="tk:has-loose-text" as="xs:boolean" cache="yes">
    <xsl:param name="parent" as="element()?"/>
    <xsl:sequence select="exists($parent/text()[normalize-space()])"/>
  </xsl:function>

  <!-- A dialogue's turn printed as one paragraph that its speaker's label opens ("Question: What
       is …?"): a speaker and one paragraph of speech, as teikit writes an interview. A play's
       speaker, over verse or several paragraphs, stays a block of its own. -->
  <xsl:function name="tk:is-run-in-turn" as="xs:boolean">
    <xsl:param name="sp" as="element()"/>
    <xsl:sequence select="exists($sp/self::tei:sp) and count($sp/*) = 2
      and exists($sp/*[1]/self::tei:speaker) and exists($sp/*[2]/self::tei:p)
      and not(tk:has-loose-text($sp))"/>
  </xsl:function>

  <!-- A line of the source web page's navigation ("Next | Contents | Top of the page"): the
       page's forme work, kept apart from the text; the editions show it small and muted. -->
  <xsl:function name="tk:is-page-navigation" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/self::tei:fw[@type = 'navigation'])"/>
  </xsl:function>

  <!-- ===== structure ===== -->

  <xsl:function name="tk:is-structural" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/(self::tei:div | self::tei:div1 | self::tei:div2 | self::tei:div3
      | self::tei:div4 | self::tei:div5 | self::tei:div6 | self::tei:div7 | self::tei:body
      | self::tei:front | self::tei:back | self::tei:group | self::tei:text | self::tei:TEI
      | self::tei:teiCorpus | self::tei:floatingText))"/>
  </xsl:function>

  <!-- A container lays its children out as blocks: every ancestor is structural, too. -->
  <!-- asked for every element (section numbers, owner blocks): remembered per element -->
  <xsl:function name="tk:is-container" as="xs:boolean" cache="yes">
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

  <!-- The sections as a match pattern, for an output's template: _match="{$tk:section-pattern}".
       Only these names can be sections (tk:is-section asks the rest), and a pattern of names is
       matched by name: a predicate on every element asks every element. -->
  <xsl:variable name="tk:section-pattern" as="xs:string" static="yes"
    select="'(' || string-join(('div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7')
      ! ('tei:' || .), ' | ') || ')[tk:is-section(.)]'"/>

  <!-- Numbers in document order (1, 2 …) of some nodes, by generate-id: what an accumulator
       would give, from one pass over those nodes alone (an accumulator visits every node of the
       document, which costs more than the numbering). -->
  <xsl:function name="tk:numbering" as="map(xs:string, xs:integer)">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="map:merge(for-each-pair($nodes ! generate-id(.), 1 to count($nodes),
      map:entry#2))"/>
  </xsl:function>

  <!-- The sections of a document, numbered (cached per document). -->
  <xsl:function name="tk:section-numbers" as="map(xs:string, xs:integer)" cache="yes">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="tk:numbering($root//(tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4
      | tei:div5 | tei:div6 | tei:div7)[tk:is-section(.)])"/>
  </xsl:function>

  <!-- The section's place among the sections of its document (1, 2 …); for another element,
       the number of the last section that starts before it. -->
  <xsl:function name="tk:section-number" as="xs:integer">
    <xsl:param name="div" as="element()"/>
    <xsl:variable name="numbers" select="tk:section-numbers(root($div))"/>
    <xsl:sequence select="($numbers(generate-id($div)),
      ($div/ancestor::* | $div/preceding::*)[tk:is-section(.)][last()] ! $numbers(generate-id(.)),
      0)[1]"/>
  </xsl:function>

  <!-- The block a node belongs to: the ancestor-or-self whose parent is a container. -->
  <xsl:function name="tk:owner-block" as="element()?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="$n/ancestor-or-self::*[parent::*[tk:is-container(.)]][1]"/>
  </xsl:function>

  <!-- ===== tables ===== -->

  <!-- A figure: "287", "150,000", "12.5%", "(41)", "-3", "1913–14"; a dash or dots for none. -->
  <xsl:variable name="tk:figure" as="xs:string"
    select="'^([(]?[-+–−±]?[£$€]?\d[\d,.]*([–-]\d+)?%?[)]?|[–—-]|\.\.+|…)$'"/>

  <!-- Whether a cell holds a figure, or stands in a column of figures (a label over them
       too): every cell at its place in the rows that are no labels is a figure, one at least
       with a digit. Figures are set right, so that their places line up. A table whose cells
       span columns is judged cell by cell. -->
  <xsl:function name="tk:is-figure" as="xs:boolean">
    <xsl:param name="cell" as="element()"/>
    <xsl:variable name="table" select="$cell/ancestor::tei:table[1]"/>
    <xsl:variable name="place" select="count($cell/preceding-sibling::tei:cell) + 1"/>
    <xsl:variable name="column" select="if ($table//tei:cell[@cols or @rows]) then $cell
      else $table/tei:row[not(@role = 'label')]/tei:cell[$place]"/>
    <xsl:sequence select="exists($column) and
      (every $c in $column satisfies matches(normalize-space($c), $tk:figure)) and
      (some $c in $column satisfies matches($c, '\d'))"/>
  </xsl:function>

</xsl:stylesheet>
