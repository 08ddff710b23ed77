"""Ingest: bytes → decoded text → :class:`~teikit.convert.model.Transcription` (blocks with
offsets).

Decoding never guesses silently: UTF-8 (with or without BOM) is tried first; a file that is not
UTF-8 is decoded as Windows-1252 when its bytes fit that code page, otherwise as ISO-8859-1, and
the decision is recorded (it ends up in the TEI header). Binary data is refused.

Blocks are the blank-line separated chunks of the text, classified by their position and shape
into the layout of the transcriptions teikit handles (the Marxists' Internet Archive family):

    Author / Title / Part            title block (one line each)
    Label: value                     header fields ("Written:", "Source:", "Translated:" …)
    headnote                         editor's paragraphs, the last signed "– Ed.", or one
                                     labelled "Editor's Note:"
    body                             headings, paragraphs, whole-paragraph quotations, letters,
                                     a dialogue's turns ("Question: …" / "Answer: …"), the
                                     signature and dateline under a text or a section
    Notes / 1. …                     footnotes section (text markers "[1]")
    Last updated on: …               trailer
    Next: … | Contents | Top         the web page's navigation (also a trail before the title)
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from collections.abc import Container, Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from teikit.convert.conventions import (
    MARKS_TO_REND,
    NOTE_SIGN_MARKER,
    NOTE_SIGNS,
    QUOTE_MARKS,
    STAGE_MARKS,
    SUPERSCRIPT_DIGITS,
)
from teikit.convert.dialogue import dialogue_turns, speaker_label, turn_lines
from teikit.convert.directions import whole_direction
from teikit.convert.lists import list_items
from teikit.convert.model import (
    APPENDIX_KEY,
    LEAD_IN_KEY,
    SPEECH_FIELD,
    Block,
    BlockKind,
    Transcription,
)
from teikit.convert.navigation import is_navigation_line
from teikit.convert.page_marks import is_page_marker
from teikit.convert.paragraphs import heading_key, in_body, is_subheading
from teikit.convert.tables import is_caption, is_table
from teikit.convert.verse import is_verse
from teikit.errors import InputError
from teikit.register.citations import PartKind, read_citation
from teikit.xmlio import read_input_bytes

# ---------------------------------------------------------------------------------------------
# decoding

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
# Memory a conversion needs per byte of transcription, measured on the 8 MB benchmark text with
# a margin; a file whose conversion would not fit in the free memory is refused up front.
CONVERSION_MEMORY_FACTOR = 150


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    detected: bool


def decode(data: bytes, name: str, encoding: str | None = None) -> Decoded:
    """Decode a transcription's bytes, refusing empty, binary and undecodable input.

    Binary means NUL bytes (outside UTF-16) or bytes that do not decode; C1 control characters
    in otherwise sound text are not binary — they are what UTF-8 read through Windows-1252 or
    another code page looks like, which the encoding pass repairs."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty", hint="expected a plain-text transcription")
    if encoding is not None:
        try:
            is_text = codecs.lookup(encoding)._is_text_encoding
        except LookupError:
            is_text = None
        if not is_text:
            reason = "unknown encoding" if is_text is None else "not a text encoding"
            raise InputError(f"{name}: {reason} {encoding!r}",
                             hint="use a codec name such as utf-8, cp1252, latin-1") from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise InputError(
                f"{name}: cannot be decoded as {encoding} (byte {error.start}: "
                f"{data[error.start:error.start + 1]!r})",
                hint="name the right encoding with --encoding",
            ) from None
        return Decoded(_check_decoded(text, name), encoding, detected=False)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(_check_decoded(data.decode(codec), name), codec, detected=True)
            except UnicodeDecodeError:
                raise InputError(f"{name}: starts with a {codec} byte-order mark but is not "
                                 f"valid {codec}") from None
    nul = data.find(b"\x00")
    if nul >= 0:
        message, hint = _nul_message(data, name, nul)
        raise InputError(message, hint=hint)
    try:
        return Decoded(_check_decoded(data.decode("utf-8"), name), "utf-8", detected=True)
    except UnicodeDecodeError:
        pass
    if not any(byte in _CP1252_UNDEFINED for byte in data):
        return Decoded(_check_decoded(data.decode("cp1252"), name), "cp1252", detected=True)
    return Decoded(_check_decoded(data.decode("latin-1"), name), "latin-1", detected=True)


def _nul_message(data: bytes, name: str, first: int) -> tuple[str, str]:
    """Say what a file with NUL bytes probably is: UTF-16 without its BOM, or binary."""
    sample = data[:65536]
    even = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd = sample[1::2].count(0) / max(1, len(sample[1::2]))
    for share, other, codec, order in ((odd, even, "utf-16-le", "little"),
                                       (even, odd, "utf-16-be", "big")):
        if share > 0.3 and other < 0.05:
            return (f"{name}: looks like UTF-16 ({order}-endian) without a byte-order mark",
                    f"convert it with --encoding {codec}")
    return (f"{name}: looks like a binary file (a NUL byte at byte {first})",
            "expected a plain-text transcription")


def _check_decoded(text: str, name: str) -> str:
    if not text.strip():
        raise InputError(f"{name}: the file is empty", hint="expected a plain-text transcription")
    return text


# Every character XML 1.0 cannot hold has a fate here (docs/encoding.md, "Characters"):
# - form feed and vertical tab (page breaks; a word processor's manual line break) are line
#   breaks;
# - ^Z at the very end (an old DOS end-of-file mark) is dropped;
# - any other C0 control, U+FFFE, U+FFFF and lone surrogates are refused, with their place.
# C1 controls (U+0080–U+009F) are legal XML: they stay for the encoding pass to repair, and what
# it does not repair is kept (HTML and FO show its code point).
_LINE_BREAKS = {"\f": "form feed", "\v": "vertical tab"}
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean_characters(text: str, name: str) -> tuple[str, list[str]]:
    """Apply the fate of every control character: ``(text, warnings)`` or :class:`InputError`."""
    warnings = []
    for char, label in _LINE_BREAKS.items():
        count = text.count(char)
        if count:
            text = text.replace(char, "\n")
            warnings.append(f"{count} {label}{'s' if count > 1 else ''} read as line breaks")
    stripped = text.rstrip()
    if stripped.endswith("\x1a"):
        text = stripped.rstrip("\x1a") + "\n"
        warnings.append("the DOS end-of-file mark (^Z) at the end was dropped")
    bad = _FORBIDDEN.search(text)
    if bad:
        count = len(_FORBIDDEN.findall(text))
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        code = ord(bad.group())
        what = ("a lone surrogate" if 0xD800 <= code <= 0xDFFF else "not a character"
                if code >= 0xFFFE else "a control character")
        raise InputError(
            f"{name}:{line}:{column}: U+{code:04X} ({what}) cannot be "
            f"written in XML" + (f" ({count} such characters)" if count > 1 else ""),
            hint="delete or replace it in the transcription")
    return text, warnings


# ---------------------------------------------------------------------------------------------
# chunks: blank-line separated runs of lines, with offsets


@dataclass(frozen=True)
class Chunk:
    text: str        # stripped of surrounding whitespace
    offset: int      # index of text[0] in the source
    line: int        # 1-based line number of text[0]
    indent: int = 0  # columns of the least indented of its lines (a tab counts four)
    first_indent: int = 0   # columns of its first line

    @property
    def lines(self) -> list[tuple[str, int, int]]:
        """(line text, offset, line number) for each line of the chunk, stripped."""
        result = []
        position = 0
        for number, raw in enumerate(self.text.split("\n")):
            stripped = raw.strip()
            lead = len(raw) - len(raw.lstrip())
            if stripped:
                result.append((stripped, self.offset + position + lead, self.line + number))
            position += len(raw) + 1
        return result

    @property
    def single_line(self) -> bool:
        return "\n" not in self.text


def chunks(text: str) -> Iterator[Chunk]:
    line, counted = 1, 0   # lines are counted once, from the previous chunk on (linear)
    for match in re.finditer(r"\S(?:.*\S)?(?:\n[ \t]*\S.*)*", text):
        body = match.group(0).rstrip()
        line += text.count("\n", counted, match.start())
        counted = match.start()
        first = text[text.rfind("\n", 0, match.start()) + 1:match.start()]
        indents = [len(first.expandtabs(4))] + [
            len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip())
            for raw in body.split("\n")[1:]]
        yield Chunk(body, match.start(), line, min(indents), indents[0])


# ---------------------------------------------------------------------------------------------
# classification

# header labels of the family, normalised (lowercase, letters only) → canonical key
FIELD_KEYS: dict[str, str] = {
    "written": "written",
    "date": "written",
    "dated": "written",
    "firstpublished": "first_published",
    "published": "first_published",
    "source": "source",
    "thisversion": "this_version",
    "onlineversion": "online_version",
    "translation": "translation",
    "translated": "translation",
    "translatedby": "translation",
    "translator": "translation",
    "transcriptionmarkup": "transcription",
    "transcriptionhtmlmarkup": "transcription",
    "transcriptionmarkuphtml": "transcription",
    "transcriptionproofreading": "transcription",
    "transcription": "transcription",
    "transcribed": "transcription",
    "transcribedby": "transcription",
    "htmlmarkup": "html_markup",
    "markup": "html_markup",
    "proofread": "proofread",
    "proofreadby": "proofread",
    "publicdomain": "public_domain",
    "copyleft": "copyleft",
    "copyright": "copyright",
    "original": "original",
    "delivered": "delivered",
    "publisher": "publisher",
    "firstdelivered": "delivered",
    # the family's German pages (marxists.org/deutsch), accents folded ("Übersetzung")
    "geschrieben": "written",
    "verfasst": "written",
    "datum": "written",
    "erstveroffentlichung": "first_published",
    "erstmalsveroffentlicht": "first_published",
    "erstveroffentlicht": "first_published",
    "erstmalserschienen": "first_published",
    "erschienen": "first_published",
    "veroffentlicht": "first_published",
    "quelle": "source",
    "originalquelle": "source",
    "dieseversion": "this_version",
    "ubersetzung": "translation",
    "ubersetzt": "translation",
    "ubersetztvon": "translation",
    "ubersetzer": "translation",
    "transkription": "transcription",
    "transkriptionhtmlmarkierung": "transcription",
    "htmlmarkierung": "html_markup",
    "markierung": "html_markup",
    "korrektur": "proofread",
    "korrekturgelesen": "proofread",
    "gehalten": "delivered",
    "vorgetragen": "delivered",
    "verlag": "publisher",
    # and its French pages (marxists.org/francais), written "Source :" with a space
    "ecrit": "written",
    "redige": "written",
    "premierepublication": "first_published",
    "premiereparution": "first_published",
    "publie": "first_published",
    "parution": "first_published",
    "cetteversion": "this_version",
    "miseenligne": "online_version",
    "traduction": "translation",
    "traduit": "translation",
    "traduitpar": "translation",
    "traducteur": "translation",
    "balisagehtml": "html_markup",
    "miseenformehtml": "html_markup",
    "relecture": "proofread",
    "relu": "proofread",
    "prononce": "delivered",
    "discoursprononce": "delivered",
    "domainepublic": "public_domain",
    "editeur": "publisher",
}
# "Transcription/Mark-up:", also with the backslash some of the family's pages print, and
# "Transcribed & HTML Markup:"; in German and French with their capitals ("Übersetzung:",
# "Écrit :"), the space French sets before the colon (also a no-break one) and an elided
# article ("Traduit de l’allemand par :")
_LABEL = r"[A-ZÀ-ÖØ-ÞŒ][A-Za-zÀ-ÖØ-öø-ÿŒœ’'/\\& \u00a0\u202f\-]{1,40}?"
_FIELD_LINE = re.compile(rf"^(?P<label>{_LABEL}):(?:\s+(?P<value>\S.*))?$")
# a further field after a semicolon on a field's line: "…; Proofed: Tina Wells"
_INNER_FIELD = re.compile(rf";\s*(?P<label>{_LABEL}):\s+(?=\S)")
_SIGNATURE = re.compile(r"\s*(?P<sig>[–—-]\s*Ed(?:s|itors?)?\.?)\s*$")
# a paragraph after the header that says it is the editor's: "Editor's Note:", "Editorial
# note.", "Publisher's Note –", "Note de la rédaction :", "Anmerkung der Redaktion:"; or the
# translator's or the transcriber's ("Translator's Note:", "MIA Note:", "Note du traducteur :")
_HEADNOTE_LABEL = re.compile(
    r"^(?:(?:Editor|Editors|Publisher|Publishers|Translator|Translators|Transcriber|"
    r"Transcribers)[’']?s?\s+[Nn]otes?|(?:Editorial|MIA)\s+[Nn]otes?|"
    r"[Nn]ote\s+(?:by\s+the\s+(?:editors?|translators?|transcribers?)|de\s+la\s+rédaction|"
    r"de\s+l[’']éditeur|du\s+traducteur)|"
    r"Anmerkung\s+(?:der\s+Redaktion|des\s+Übersetzers)|Vorbemerkung\s+der\s+Redaktion)"
    r"\s*[:.–—-]\s+\S")
# who writes such a note, by a word of its label (the header role its @resp points at)
_NOTE_WRITER_WORDS = (("ransla", "translator"), ("raduct", "translator"), ("bersetz", "translator"),
                      ("ranscri", "transcriber"), ("MIA", "transcriber"))
_TRAILER = re.compile(r"^(?:Last updated|Last Updated|Last modified|Zuletzt aktualisiert|"
                      r"Letzte Änderung|Dernière mise à jour)\b")
# the heading of a table of contents: "Contents", "Table of Contents", "Inhalt",
# "Inhaltsverzeichnis", "Table des matières", "Sommaire"
_CONTENTS_HEADING = re.compile(r"^(?:(?:Table\s+of\s+)?Contents|Inhalt|Inhaltsverzeichnis|"
                               r"Table\s+des\s+mati[èe]res|Sommaire)[.:]?$", re.IGNORECASE)
# the page a table of contents gives after a heading's words: "…  14", "… .... 14", "… 14"
_PAGE_NUMBER = re.compile(r"(?:[\s.·…]{2,}|\s)\d{1,4}$")
# a note's marker ending a line: "[1]", "¹²", "*", "†"
_ENDING_MARKER = re.compile(
    rf"(?:\[\d{{1,3}}\]|[{SUPERSCRIPT_DIGITS}]+|{NOTE_SIGN_MARKER.pattern})$")
# a section of the back matter: "Appendix", "Appendix II: The Rules", "Appendices", "Anhang",
# "Annexe 2"
_APPENDIX = re.compile(r"^(?:Appendix|Appendices|Annex|Annexe|Anhang|Beilage)(?![\w’'-])",
                       re.IGNORECASE)
# "Notes", "Anmerkungen", "Fußnoten"; whose notes they are: "Notes de l’éditeur", "Notes du
# traducteur", "Anmerkungen der Redaktion"
_NOTES_HEADING = re.compile(
    r"^(?:Notes|Footnotes|Endnotes|Note|Anmerkungen|Anmerkung|Fußnoten|Fussnoten|Endnoten)"
    r"(?:\s+(?:de\s+l[’']\s?|de\s+la\s+|du\s+|des\s+|der\s+)\w+)?[.:]?$", re.IGNORECASE)
_SIGNS = "|".join(re.escape(sign) for sign in NOTE_SIGNS)
_FOOTNOTE_LABEL = re.compile(rf"^(?P<label>\[(?P<n1>\d{{1,3}})\]|(?P<n2>\d{{1,3}})[.)]|"
                             rf"(?P<n3>{_SIGNS}))\s+(?![*†‡])")
# a heading that numbers its section: "II.", "Chapter III", "Part One: The Masses", "Book II",
# "§ 2. Nine Days"; what follows the number is the section's title
_NUMBERED_HEADING = re.compile(
    r"^(?:[IVXLC]+\.?|(?:(?:Chapter|Part|Book|Section)\s+|§+\s*)(?:[IVXLC]+|\d+|One|Two|Three|"
    r"Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve)\b(?P<title>.*))$")
# a section's number alone, as its heading: "IV", "IV.", "4", "4."
_BARE_NUMBER = re.compile(r"(?:[IVXLC]+|\d{1,3})\.?")
# a name and a figure ("Chemnitz: 30,000", "Wages: 12.5%"), not a heading; a year after the
# colon may be one ("Petrograd: 1917")
_FIGURE = re.compile(r"^[^:]{1,60}:\s*(?!(?:1[5-9]\d\d|20\d\d)$)\d[\d,.\s]*%?$")
# the title after the number: a sign between them ("Chapter 3: The Return", "§ 1. Terms"), or
# none ("Chapter 3 The Return")
_NUMBER_AND_TITLE = re.compile(r"^(?P<sign>\s*[.:–—-])?\s*(?P<title>.*)$")
# the number over a section that holds one letter of several ("II.", "Letter 3", "No. 4"):
# never a line of an opener's address
_LETTER_NUMBER = re.compile(
    rf"{_NUMBERED_HEADING.pattern}|^(?:Letter|No\.)\s+(?:[IVXLC]+|\d+|[A-Z][a-z]+)\.?$")
_SALUTATION = re.compile(
    r"^(?:Dear|My dear|Comrades?|Sirs?|Gentlemen|Friends|Citizens|Brothers|Madam|"
    # German and French: "Lieber Genosse Hoffmann!", "Werte Genossen!", "Cher camarade,"
    r"Lieber|Liebe|Werter|Werte|Geehrter|Geehrte|Sehr geehrter|Sehr geehrte|Genossen|"
    r"Genossinnen|Cher|Chère|Chers|Chères|Mon cher|Ma chère|Citoyens|Citoyennes|Camarades)"
    r"\b.{0,60}[,!:]$")
_CLOSING = re.compile(
    r"^(?:(?:Yours|Your|Ever|I remain|I am|With|Fraternally|Comradely|Sincerely|Greetings|Best|"
    r"Kind|Warm|Respectfully|Faithfully|Affectionately|Cordially|Regards|In haste|"
    r"Salut|Bien à (?:vous|toi)|Fraternellement|Cordialement|Amitiés|Votre|Ton|Ta)\b.{0,60},|"
    # a German closing needs no comma: "Mit sozialistischem Gruß", "Mit Parteigruß!"
    r"(?:Mit|Herzliche|Beste|Viele)\b.{0,40}(?:Gru(?:ß|ss)|Grü(?:ß|ss)en|Parteigru(?:ß|ss))[,!.]?)$")
_YEAR = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b")
# a dateline's place: at most this many words before its date ("Moscow, the Kremlin, 8 March")
_DATELINE_PLACE_WORDS = 4
_ENGLISH_MONTH = r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\b"
# what stands between a dateline's place and its day in French and German: "Paris, le 16 mars
# 1906", "Berlin, den 3. März 1919"
_BEFORE_DAY = re.compile(r"\s+(?:le|den|am|the)$")
# a letter's opener: at most this many chunks before the salutation, lines this short
_OPENER_CHUNKS, _OPENER_LINES, _OPENER_WIDTH = 6, 8, 70
# "P.S.", "PS.", "P.P.S.", "PPS", "N.B." opening a paragraph after a letter's signature
_POSTSCRIPT = re.compile(r"^(?:P\.\s?)*P\.?\s?S\.?(?=\s|:)|^N\.\s?B\.(?=\s|:)")
# a line of signs alone that breaks a section: "* * *", "***", "⁂", "— — —", "#"
_SEPARATOR = re.compile(r"^(?:[*⁂•·~#=_–—-]\s*){1,12}$")
# the source of an epigraph, under its quotation: "– Karl Marx", "— Lenin, What Is to Be Done?"
_EPIGRAPH_SOURCE = re.compile(r"^[–—-]\s+\S.{0,98}$")
# a block quotation set in from the paragraphs by at least this many columns
_QUOTATION_INDENT = 2
# the title block: the author, the title and at most three lines of parts under it
_TITLE_CHUNKS, _TITLE_WIDTH = 5, 100
# a signature is a name, perhaps with a function on a second or third line
_SIGNATURE_LINES, _SIGNATURE_WIDTH = 3, 60
# the names under a body that signs, one a line ("The Bureau:" / "Herman Gorter" / …): at most
_SIGNATORIES = 40
# a text's signed ending: the signatures and the dateline, at most this many chunks
_ENDING_CHUNKS = 3
# a signature of initials only, two or more: "P. V.", "N.K.", "V. I. L." (one alone is a
# speaker's label or a numbered heading: "A.", "I.")
_INITIALS_ONLY = re.compile(r"[A-ZÀ-Ý]\.(?:\s?[A-ZÀ-Ý]\.){1,3}")
# one name alone, as under a letter to kin: "Annie", "Volodya", "N. Lenin" is a name line
_GIVEN_NAME = re.compile(r"[A-ZÀ-ÝА-Я][a-zà-ÿа-я’'-]{1,19}\.?")
# a letter's last word that is no name: "Farewell.", "Greetings"
_LAST_WORDS = frozenset({"Farewell", "Adieu", "Greetings", "Regards", "Thanks", "Enough",
                         "Forward", "Onward", "Salut", "Gruss", "Gruß", "Amen", "Yours",
                         "Love", "Finis", "End"})
# a signer and, in brackets, the name he wrote under: "V. Ulyanov (Lenin)", "L. Bronstein
# (N. Trotsky)"
_ALIASED = re.compile(r"(?P<name>[^()]+?)\s+\((?:[A-Z]\.\s?){0,2}[A-Z][a-z’'-]+\)")
# the line over a signature that says in whose name it signs, ending in a colon (or a comma):
# "On behalf of the Executive Committee:", "Signed on behalf of the Congress:", "For the Central
# Committee:", "In the name of the Russian Republic,", "Im Namen des Parteivorstandes:", "Au nom
# du Comité :"
SIGNATURE_LEAD_IN = re.compile(
    r"(?:Signed\s+)?(?:[Oo]n behalf of|For|[Ii]n the name of|Im Namen|Au nom|Pour)\s"
    r"[^.!?:,]{1,50}\s?[:,]")
# the bodies that sign a manifesto, an appeal, a resolution: "The Executive Committee of the
# Communist International", "The Editorial Board", "Bureau of the Fourth International"
SIGNING_BODIES = frozenset({
    "Committee", "Council", "Bureau", "Presidium", "Executive", "Board", "Secretariat",
    "Congress", "Conference", "Editors", "Editorial", "Soviet", "Union", "League", "Federation",
    "Party", "Group", "Commission", "Plenum", "Comité", "Vorstand", "Zentralkomitee",
    "Parteivorstand", "Exekutivkomitee"})
# a signer's office, before a colon and his name: "Chairman of the Council of People's
# Commissars: V. Ulyanov (Lenin)", "Secretary: A. Yanson", "Le secrétaire : A. Roques"
SIGNER_OFFICES = frozenset({
    "Chairman", "Chairwoman", "Vice-Chairman", "President", "Vice-President", "Secretary",
    "Secretaries", "Treasurer", "Commissar", "Commissars", "Commissary", "Manager", "Director",
    "Delegate", "Delegates", "Vorsitzende", "Vorsitzender", "Sekretär", "Schriftführer",
    "Président", "Secrétaire", "Trésorier"})
_OFFICE_AND_NAME = re.compile(r"(?P<office>[^:]{3,70}?)\s?:\s+(?P<name>[^:]{3,40})")
# the article before a signer's function, the name after it: "The Secretary, J. Hale", "Le
# secrétaire, A. Roques", "Der Vorsitzende, O. Krause"
_FUNCTION_ARTICLES = frozenset({"The", "Le", "La", "Der", "Die", "Il"})
_BODY_PARTICLES = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le", "der",
                             "die", "und", "et"})


# a label the table does not hold, by how it begins: "Transcribed/HTML Markup", "Translated
# from the Russian by", "Proofed and corrected"
FIELD_KEY_PREFIXES: tuple[tuple[str, str], ...] = (
    ("transcri", "transcription"), ("translat", "translation"), ("proof", "proofread"),
    ("firstpublished", "first_published"), ("delivered", "delivered"),
    # "Übersetzt aus dem Russischen von", "Traduit du russe par", "Transkription und Korrektur",
    # "Erstmals veröffentlicht in", "Discours prononcé le"
    ("ubersetz", "translation"), ("traduit", "translation"), ("traduct", "translation"),
    ("transkri", "transcription"), ("korrektur", "proofread"), ("relecture", "proofread"),
    ("erstveroffentl", "first_published"), ("erstmals", "first_published"),
    ("premierepubli", "first_published"), ("gehalten", "delivered"),
    ("prononce", "delivered"), ("discoursprononce", "delivered"))


def field_key(label: str) -> str:
    """The canonical key of a header label ("Transcription/Mark-up:" → "transcription"); a
    label of no known kind keeps its letters as its key. Accents are folded and "ß" is "ss", so
    that "Übersetzung:", "Écrit :" and "Erstveröffentlichung:" find their keys."""
    folded = unicodedata.normalize("NFKD", label.casefold())
    normalised = re.sub(r"[^a-z]", "", folded)
    if normalised in FIELD_KEYS:
        return FIELD_KEYS[normalised]
    return next((key for prefix, key in FIELD_KEY_PREFIXES if normalised.startswith(prefix)),
                normalised)


def _known_label(label: str) -> bool:
    return field_key(label) in FIELD_KEYS.values()


def _field_lines(chunk: Chunk) -> list[tuple[str, str, int, int]] | None:
    """If every line of ``chunk`` is ``Label: value``, return (label, value, offset, line);
    a line may hold several fields after semicolons ("Transcription: Sam Brook; Proofed: Tina
    Wells"), each a field of its own (the semicolon stays with the value it ends)."""
    result = []
    for text, offset, line in chunk.lines:
        match = _FIELD_LINE.match(text)
        if not match:
            return None
        value = match.group("value") or ""
        label = match.group("label") + ":"
        start = offset + (match.start("value") if value else len(text))
        while inner := next((m for m in _INNER_FIELD.finditer(value)
                             if _known_label(m.group("label"))), None):
            result.append((label, value[:inner.start() + 1], start, line))
            label, start = inner.group("label") + ":", start + inner.end()
            value = value[inner.end():]
        result.append((label, value, start, line))
    return result


def _is_known_field_chunk(chunk: Chunk) -> bool:
    fields = _field_lines(chunk)
    if not fields:
        return False
    known = sum(1 for label, *_ in fields if _known_label(label))
    return known >= max(1, len(fields) // 2 + (len(fields) % 2))


def quotation_marks(text: str) -> tuple[str, str] | None:
    """The outer marks if ``text`` is entirely one quotation (balanced, closing at the end)."""
    if len(text) < 2:
        return None
    for (opening, closing) in QUOTE_MARKS.values():
        if not closing or not (text.startswith(opening) and text.endswith(closing)):
            continue
        if opening == closing:
            if text.count(opening) == 2:
                return opening, closing
            continue
        depth = 0
        for index, char in enumerate(text):
            if char == opening:
                depth += 1
            elif char == closing:
                depth -= 1
                if depth == 0 and index != len(text) - 1:
                    break
        else:
            if depth == 0:
                return opening, closing
    return None


def _is_heading(chunk: Chunk) -> bool:
    # what the line says, without a note's marker at its end: "The congress met in March.[1]"
    # ends a sentence, "Chapter 1[1]" heads a chapter
    text = _ENDING_MARKER.sub("", chunk.text) or chunk.text
    if not chunk.single_line or len(text) > 80 or len(text.split()) > 12:
        return False
    label = speaker_label(text)
    if label and label.certain:
        return False     # "Question: What is the position of the party?" is a turn
    numbered = _NUMBERED_HEADING.match(text)
    if numbered:
        return _numbered_title(numbered.group("title") or "")
    if _FIGURE.match(text):
        return False     # "Chemnitz: 30,000" is a line of figures
    if text[0] in "“‘\"'([«„" or text[-1] in ".,;:”’\"'»" or text.endswith("…"):
        return False
    if text.isupper() and any(c.isalpha() for c in text) and not text.endswith("!"):
        return True     # (a slogan in capitals, "WORKERS OF THE WORLD, UNITE!", is a cry)
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    if "!" in text or "?" in text[:-1]:
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", text) if len(w) > 3]
    if not words:
        return True
    capitalised = sum(1 for w in words if w[0].isupper())
    if text.endswith("?"):
        # a question heads a section in title case ("What Is To Be Done?"); "What did the
        # liberals say?" is the text asking
        return capitalised * 2 > len(words)
    return capitalised * 2 >= len(words)


def _numbered_title(rest: str) -> bool:
    """Whether what follows a section's number is a title ("II.", "Part One: The Masses", "§ 1.
    The Owners' Terms"), not a sentence that begins with a number ("Part One of the plan was
    adopted.", "§ 3 of the statute forbids it", "§ 1. The owners offered a shilling.")."""
    parts = _NUMBER_AND_TITLE.match(rest)
    title = parts.group("title") if parts else rest
    if not title:
        return True
    signed = bool(parts and parts.group("sign"))
    if title.endswith((",", ";")) or (not signed and (title[-1] in ".:" or not title[0].isupper())):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", title) if len(w) > 3]
    return not title.endswith(".") or sum(1 for w in words if w[0].isupper()) * 2 >= len(words)


def _block(index: int, kind: BlockKind, text: str, offset: int, line: int, **extra: str) -> Block:
    return Block(index=index, kind=kind, text=text, offset=offset, line=line, **extra)


class _Builder:
    def __init__(self) -> None:
        self.blocks: list[Block] = []

    def add(self, kind: BlockKind, text: str, offset: int, line: int, **extra: str) -> None:
        self.blocks.append(_block(len(self.blocks), kind, text, offset, line, **extra))

    def add_chunk(self, kind: BlockKind, chunk: Chunk) -> None:
        if kind in (BlockKind.PARAGRAPH, BlockKind.VERSE):
            marks = quotation_marks(chunk.text)
            if marks and len(chunk.text) > 2:
                inner = chunk.text[len(marks[0]):-len(marks[1])]
                self.add(BlockKind.QUOTATION if kind is BlockKind.PARAGRAPH else kind, inner,
                         chunk.offset + len(marks[0]), chunk.line, prefix=marks[0],
                         suffix=marks[1], key=MARKS_TO_REND[marks])
                return
        self.add(kind, chunk.text, chunk.offset, chunk.line)


def ingest_text(text: str, name: str, *, encoding: str = "utf-8",
                encoding_detected: bool = True, path: str | None = None) -> Transcription:
    """Cut a decoded transcription into classified blocks (``path`` names it in messages)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, character_warnings = clean_characters(text, path or name)
    all_chunks = list(chunks(text))
    warnings: list[str] = list(character_warnings)
    build = _Builder()
    # the trail of the web page's navigation before the title ("Marxists Internet Archive >
    # Trotsky > 1924")
    position = 0
    while position < len(all_chunks) and all(is_navigation_line(line, at_start=True)
                                             for line, _, _ in all_chunks[position].lines):
        _navigation(all_chunks[position], build, "top")
        position += 1
    lead = position

    # title block and header fields: the first run of field chunks within the first few chunks
    first_field = next((i for i, c in enumerate(all_chunks[lead:lead + 8], start=lead)
                        if _is_known_field_chunk(c)), None)
    if first_field is not None and _title_block(all_chunks[lead:first_field]):
        title_chunks = all_chunks[lead:first_field]
        title_lines = _author_and_title_lines(title_chunks)
        if title_lines:     # the author and the title on lines of one chunk
            for kind, (title, offset, line) in zip(_title_kinds(len(title_lines)), title_lines,
                                                   strict=True):
                build.add(kind, title, offset, line)
        else:
            for kind, chunk in zip(_title_kinds(len(title_chunks)), title_chunks, strict=True):
                _title_chunk(kind, chunk, build)
        position = first_field
        while position < len(all_chunks) and _is_known_field_chunk(all_chunks[position]) and \
                _labelled_headnote(all_chunks[position].text) is None:   # "Translator's Note:"
            for label, value, offset, line in _field_lines(all_chunks[position]) or []:
                build.add(BlockKind.FIELD, value, offset, line, label=label,
                          key=field_key(label))
            position += 1
        position = _headnote(all_chunks, position, build)
        position = _contents(all_chunks, position, build)
    else:
        warnings.append(
            "no header block found (lines such as 'Written:', 'Source:', 'Translated:'): "
            "author, title, source and translator are missing from the TEI header")

    # trailer (with the web page's navigation) and notes section, from the end
    end = len(all_chunks)
    trailer: list[Chunk] = []
    while end > position and (_TRAILER.match(all_chunks[end - 1].text) or all(
            _chrome_line(line) for line, _, _ in all_chunks[end - 1].lines)):
        end -= 1
        trailer.insert(0, all_chunks[end])
    if end > position:
        # navigation right under the text's last lines, with no blank line between
        all_chunks[end - 1], tail = _without_chrome_tail(all_chunks[end - 1])
        if tail is not None:
            trailer.insert(0, tail)
    # a chapter's notes: a "Notes" heading and labelled notes, and the next chapter's heading
    # after them
    chapters_notes = _chapters_notes(all_chunks, position, end)
    text_from = chapters_notes[-1][1] if chapters_notes else position
    # the notes section: a "Notes" heading followed by labelled notes ("[1] …", "1. …"), or the
    # last heading of the text when it is "Notes" and only paragraphs follow it (notes without
    # markers in the text)
    notes_at = next((i for i in range(end - 1, text_from, -1)
                     if all_chunks[i].single_line and _NOTES_HEADING.match(all_chunks[i].text)
                     and i + 1 < end and (_FOOTNOTE_LABEL.match(all_chunks[i + 1].text) or not any(
                         _is_heading(c) or _FOOTNOTE_LABEL.match(c.text)
                         for c in all_chunks[i + 1:end]))), None)
    # or, without a heading, the notes marked by signs that end the text ("* The price …")
    notes_from = notes_at + 1 if notes_at is not None else \
        _sign_notes(all_chunks, text_from, end)
    body_end = notes_at if notes_at is not None else notes_from
    # the editor's note after the text ("Editor's Note: … was the paper's correspondent"),
    # its last paragraph, as a headnote says it is the editor's
    afterword = body_end - 1 if body_end - 1 > position and not chapters_notes and \
        _labelled_headnote(all_chunks[body_end - 1].text) is not None else None
    if afterword is not None:
        body_end = afterword

    # a speech ("Delivered:") opens with its address to the hall ("Comrades!"), not a letter's,
    # and its record notes the hall's applause
    speech = any(b.kind is BlockKind.FIELD and b.key == SPEECH_FIELD for b in build.blocks)
    body = all_chunks[position:body_end]
    letters = None if speech or chapters_notes else _letters(body)
    if letters is None:
        # the text, chapter by chapter when chapters have notes of their own
        start = position
        for heading_at, resumes_at in chapters_notes:
            _body(all_chunks[start:heading_at], build, text, speech=speech,
                  opens_text=start == position)
            build.add_chunk(BlockKind.NOTES_HEADING, all_chunks[heading_at])
            _notes(all_chunks[heading_at + 1:resumes_at], build)
            start = resumes_at
        _body(all_chunks[start:body_end], build, text, speech=speech,
              opens_text=start == position)
    for headings, content in letters or []:
        for chunk in headings:
            build.add_chunk(BlockKind.HEADING, chunk)
        if content:
            _body(content, build, text)

    if afterword is not None:
        chunk = all_chunks[afterword]
        build.add(BlockKind.AFTERWORD, chunk.text, chunk.offset, chunk.line,
                  key=_labelled_headnote(chunk.text) or "editor")
    if notes_at is not None:
        build.add_chunk(BlockKind.NOTES_HEADING, all_chunks[notes_at])
    _notes(all_chunks[notes_from:end], build)
    for chunk in trailer:
        if all(_chrome_line(line) for line, _, _ in chunk.lines):
            _navigation(chunk, build, "bottom")
        else:
            build.add_chunk(BlockKind.TRAILER, chunk)   # "Last updated on: …" and more lines

    doc = Transcription(name=name, source=text, blocks=tuple(build.blocks), encoding=encoding,
                        encoding_detected=encoding_detected, warnings=tuple(warnings))
    return _with_appendices(doc)


def _with_appendices(doc: Transcription) -> Transcription:
    """``doc`` with the headings of the appendices that end it marked (:data:`APPENDIX_KEY`):
    from the first section headed "Appendix", "Appendix II: …", "Anhang", "Annexe" on, when
    every section after it is an appendix too and the text comes before them."""
    sections = [block for block in doc.blocks
                if block.kind is BlockKind.HEADING and not is_subheading(doc, block)]
    first = next((k for k, heading in enumerate(sections) if _APPENDIX.match(heading.text)), None)
    if first is None or not all(_APPENDIX.match(heading.text) for heading in sections[first:]) \
            or not any(in_body(doc, block) and block.kind is not BlockKind.HEADING
                       for block in doc.blocks[:sections[first].index]):
        return doc
    appendices = {heading.index for heading in sections[first:]}
    blocks = tuple(replace(block, key=APPENDIX_KEY) if block.index in appendices else block
                   for block in doc.blocks)
    return replace(doc, blocks=blocks)


def _contents(all_chunks: list[Chunk], position: int, build: _Builder) -> int:
    """The text's table of contents after its header: a "Contents" heading over lines that
    each name a heading of the text further on ("Chapter 2: The Strike", perhaps with a page
    number), two or more of them, in chunks of their own or not. Where the text goes on."""
    heading = all_chunks[position] if position + 1 < len(all_chunks) else None
    if heading is None or not (heading.single_line and _CONTENTS_HEADING.match(heading.text)):
        return position
    end = position + 1
    entries: list[tuple[str, int, int, str]] = []
    while end < len(all_chunks):
        later = {heading_key(chunk.text) for chunk in all_chunks[end + 1:]
                 if chunk.single_line and _is_heading(chunk)}
        named = [(line, offset, number, next(
            (key for key in (heading_key(line), heading_key(_PAGE_NUMBER.sub("", line)))
             if key in later), "")) for line, offset, number in all_chunks[end].lines]
        if not all(key for *_, key in named):
            break
        entries.extend(named)
        end += 1
    if len(entries) < 2:
        return position
    build.add_chunk(BlockKind.CONTENTS_HEADING, all_chunks[position])
    for line, offset, number, key in entries:
        build.add(BlockKind.CONTENTS_ENTRY, line, offset, number, key=key)
    return end


def _chapters_notes(all_chunks: list[Chunk], position: int, end: int) -> list[tuple[int, int]]:
    """The notes sections within the text, each a chapter's (a book's chapters in one file,
    each followed by its notes): where each one's heading stands and where the text resumes.
    Such a section opens with a "Notes" heading and a labelled note, and ends at a heading
    that the text, not a note, follows ("Chapter 2: The Strike")."""
    sections: list[tuple[int, int]] = []
    index = position + 1    # (a chapter comes before its notes)
    while index < end - 1:
        chunk = all_chunks[index]
        if not (chunk.single_line and _NOTES_HEADING.match(chunk.text)
                and _FOOTNOTE_LABEL.match(all_chunks[index + 1].text)):
            index += 1
            continue
        resumes = next((k for k in range(index + 2, end - 1)
                        if _resumes_text(all_chunks[k], all_chunks[k + 1])), None)
        if resumes is None:
            break       # the text's own notes, at its end
        sections.append((index, resumes))
        index = resumes + 1
    return sections


def _resumes_text(chunk: Chunk, following: Chunk) -> bool:
    """Whether ``chunk``, in a notes section, is the heading of the text that goes on: a
    heading, not a note, with the text under it (neither a note nor another "Notes")."""
    return _is_heading(chunk) and not _FOOTNOTE_LABEL.match(chunk.text) \
        and not _NOTES_HEADING.match(chunk.text) and not _FOOTNOTE_LABEL.match(following.text)


def _notes(chunks: list[Chunk], build: _Builder) -> None:
    """The chunks of a notes section after its heading: each labelled note, and the paragraphs
    that continue one."""
    for chunk in chunks:
        match = _FOOTNOTE_LABEL.match(chunk.text)
        if match:
            number = match.group("n1") or match.group("n2") or match.group("n3")
            build.add(BlockKind.FOOTNOTE, chunk.text[match.end():], chunk.offset + match.end(),
                      chunk.line, prefix=match.group("label"), label=match.group("label"),
                      key=number)
        else:
            # a paragraph of the notes section, whatever it looks like (a note quoted whole
            # is still the notes' text, not a block quotation of the body)
            build.add(BlockKind.PARAGRAPH, chunk.text, chunk.offset, chunk.line)


def _sign_notes(all_chunks: list[Chunk], position: int, end: int) -> int:
    """Where the notes marked by signs that end the text begin ("* The price fixed in 1921.",
    "† The prices of the Moscow market."), when the text before them has each sign as a
    marker; else ``end``."""
    start, signs = end, set()
    while start > position + 1:
        chunk = all_chunks[start - 1]
        label = _FOOTNOTE_LABEL.match(chunk.text)
        if not label or not label.group("n3") or list_items(chunk.text) is not None:
            break
        signs.add(label.group("n3"))
        start -= 1
    markers = {marker.group(0) for chunk in all_chunks[position:start]
               for marker in NOTE_SIGN_MARKER.finditer(chunk.text)}
    return start if signs and signs <= markers else end


def _chrome_line(line: str) -> bool:
    """A line of the web page around the text: its navigation, or when it was last updated."""
    return bool(_TRAILER.match(line)) or is_navigation_line(line)


def _without_chrome_tail(chunk: Chunk) -> tuple[Chunk, Chunk | None]:
    """``chunk`` without the lines of the web page's chrome that end it, and those lines."""
    lines = chunk.lines
    keep = len(lines)
    while keep > 1 and _chrome_line(lines[keep - 1][0]):
        keep -= 1
    if keep == len(lines):
        return chunk, None
    last, offset, _ = lines[keep - 1]
    head = Chunk(chunk.text[:offset + len(last) - chunk.offset], chunk.offset, chunk.line,
                 chunk.indent, chunk.first_indent)
    _, start, line = lines[keep]
    return head, Chunk(chunk.text[start - chunk.offset:], start, line)


def _navigation(chunk: Chunk, build: _Builder, place: str) -> None:
    """The lines of the web page's navigation (or, among them, when it was last updated), each
    a block of its own."""
    for text, offset, line in chunk.lines:
        kind = BlockKind.TRAILER if _TRAILER.match(text) else BlockKind.NAVIGATION
        build.add(kind, text, offset, line, key=place if kind is BlockKind.NAVIGATION else "")


def _title_block(chunks: list[Chunk]) -> bool:
    """Whether ``chunks``, before the header fields, are its title block: the author, the title
    and a part; lines of further parts under it only when each is one short line."""
    return len(chunks) <= 3 or (len(chunks) <= _TITLE_CHUNKS and all(
        c.single_line and len(c.text) <= _TITLE_WIDTH for c in chunks[3:]))


# words a title opens with, never a name: "On the Railways", "Letter to …", "The Road to Power"
_TITLE_WORDS = frozenset({
    "The", "A", "An", "On", "To", "Of", "In", "For", "From", "Our", "Their", "What", "Why", "How",
    "Where", "Letter", "Letters", "Speech", "Report", "Resolution", "Manifesto", "Theses",
    "Draft", "Appeal", "Address", "Introduction", "Preface", "Chapter", "Part", "Book",
    "Section", "Volume", "Notes", "Declaration", "Statement", "Open", "Reply", "Answer"})
_NAME_PARTICLES = frozenset({"de", "von", "van", "der", "den", "la", "le", "di", "du", "da",
                             "y", "and", "&"})
_NAME_WORD = re.compile(r"[A-ZÀ-Ý][\w’'-]*|(?:[A-Z]\.)+")


def _name_line(line: str) -> bool:
    """Whether ``line`` reads as a person's name ("Lev Marten", "V. I. Lenin", "Rosa
    Luxemburg"): two to five capitalised words or initials, not the opening of a title."""
    words = line.split()
    return 2 <= len(words) <= 5 and words[0] not in _TITLE_WORDS and all(
        word in _NAME_PARTICLES or _NAME_WORD.fullmatch(word) for word in words)


def _author_and_title_lines(chunks: list[Chunk]) -> list[tuple[str, int, int]]:
    """The lines of a title block written as one chunk, when its first line is the author's
    name and the next one opens the title ("Lev Marten" / "On the Railways"), else []."""
    if len(chunks) != 1 or not 2 <= len(chunks[0].lines) <= 4:
        return []
    lines = chunks[0].lines
    if not _name_line(lines[0][0]) or not lines[1][0][:1].isupper() or any(
            len(text) > _TITLE_WIDTH for text, _, _ in lines):
        return []
    return lines


def _title_kinds(count: int) -> list[BlockKind]:
    """The title block's lines before the header: the title alone; the author and the title;
    then the parts under it, a subtitle a line ("Volume I", "Chapter 1: Commodities")."""
    if count <= 1:
        return [BlockKind.TITLE] * count
    return [BlockKind.AUTHOR, BlockKind.TITLE, *[BlockKind.SUBTITLE] * (count - 2)]


def _title_chunk(kind: BlockKind, chunk: Chunk, build: _Builder) -> None:
    """A chunk of the title block. The title's lines may stand in one chunk with the parts under
    it ("A History of the Miners" / "Chapter 3: The Lock-Out"): they are read as when blank
    lines part them, the first line the title, each further line a part; a line that opens in
    lower case continues the line before it (a title wrapped in two)."""
    if kind is BlockKind.AUTHOR or chunk.single_line:
        build.add_chunk(kind, chunk)
        return
    lines: list[tuple[int, int, int]] = []    # start, end (in the source), line number
    for text, offset, line in chunk.lines:
        if lines and text[:1].islower():
            lines[-1] = (lines[-1][0], offset + len(text), lines[-1][2])
        else:
            lines.append((offset, offset + len(text), line))
    for index, (start, end, line) in enumerate(lines):
        text = chunk.text[start - chunk.offset:end - chunk.offset]
        build.add(kind if index == 0 else BlockKind.SUBTITLE, text, start, line)


def _labelled_headnote(text: str) -> str | None:
    """Who writes a paragraph that says it is an editor's note ("editor"), the translator's or
    the transcriber's, perhaps all of it in brackets ("[Editorial Note: The report was prepared
    … – N. F.]"); None for another paragraph."""
    if text.startswith("["):
        inner = text[1:].removesuffix("]")
        if inner == text[1:] or "]" in inner:
            return None
        text = inner
    label = _HEADNOTE_LABEL.match(text)
    if label is None:
        return None
    said = label.group()
    return next((role for word, role in _NOTE_WRITER_WORDS if word in said), "editor")


def _headnote(all_chunks: list[Chunk], position: int, build: _Builder) -> int:
    """The editor's headnote: paragraphs after the header up to one signed "– Ed." (≤ 4), or
    one paragraph that says it is ("Editor's Note: …")."""
    writer = _labelled_headnote(all_chunks[position].text) if position < len(all_chunks) \
        else None
    if writer is not None:
        # (the web page's navigation under it, when it is all the text, is the trailer's)
        chunk, tail = _without_chrome_tail(all_chunks[position])
        build.add(BlockKind.HEADNOTE, chunk.text, chunk.offset, chunk.line, key=writer)
        if tail is not None:
            all_chunks.insert(position + 1, tail)
        return position + 1
    for count, chunk in enumerate(all_chunks[position:position + 4], start=1):
        signature = _SIGNATURE.search(chunk.text)
        if signature and not _is_heading(chunk):
            for earlier in all_chunks[position:position + count - 1]:
                build.add_chunk(BlockKind.HEADNOTE, earlier)
            text = chunk.text[:signature.start()]
            if text.strip():
                build.add(BlockKind.HEADNOTE, text, chunk.offset, chunk.line)
            sig_start = signature.start("sig")
            build.add(BlockKind.SIGNED, signature.group("sig"), chunk.offset + sig_start,
                      chunk.line + chunk.text.count("\n", 0, sig_start))
            return position + count
    return position


def _body(body: list[Chunk], build: _Builder, source: str, *, speech: bool = False,
          opens_text: bool = True) -> None:
    """Headings, paragraphs, quotations, verse; a letter's opener and closer; the stage
    directions standing alone of a speech (a speech is no letter) or of a dialogue's record.
    ``opens_text``: whether ``body`` begins the text (only there may a dateline open it), not
    where it goes on after a chapter's notes."""
    quoted = _indented_quotations(body)
    turns = dialogue_turns([chunk.text for chunk in body])
    epigraphs = _epigraphs(body, turns)
    in_epigraph = {start + k for start, count in epigraphs.items() for k in range(1, count)}
    opener = _letter_opener(body) if not speech else 0
    # the postscripts come after the salutation, never before it, and never right under a
    # heading (the section's text)
    postscript_from = opener + _letter_postscripts(body[opener:]) if opener else len(body)
    closer_from = _letter_closer(body[:postscript_from]) if opener else len(body)
    if closer_from >= postscript_from and postscript_from < len(body) and \
            _is_heading(body[postscript_from - 1]):
        postscript_from = closer_from = len(body)
    if closer_from < len(body) and _is_heading(body[closer_from - 1]):
        closer_from = len(body)     # a closing line right under a heading is the section's text
    if opener and (opener >= closer_from or _is_heading(body[opener]) or all(
            is_page_marker(chunk.text.strip())
            for chunk in body[opener:min(closer_from, postscript_from)])):
        # a salutation not followed by the letter (a signature, a heading or only the source's
        # next page comes next): no letter's parts
        opener, postscript_from, closer_from = 0, len(body), len(body)
    # a text, or a letter without a closing salutation, may end signed and dated, and so may
    # a section before the next heading (a preface signed "N. Lenin / Petrograd, August 1917")
    signed_from = _signed_ending(body[:postscript_from], turns) if closer_from == len(body) \
        and not speech else postscript_from
    if opener and signed_from == postscript_from == closer_from == len(body) and \
            len(body) - 1 > opener and _given_name_signature(body[-1]) and \
            not _is_heading(body[-2]):
        signed_from = len(body) - 1      # "Annie" under a letter with no closing salutation

    def closes_nothing(ending: range) -> bool:
        """A closer closes a text: right under the opener or an epigraph, a signature or a
        dateline is the text itself."""
        above = ending.start - 1
        return above < opener or above in epigraphs or above in in_epigraph

    if signed_from < postscript_from and closes_nothing(range(signed_from, postscript_from)):
        signed_from = postscript_from
    closer_from = min(closer_from, signed_from)
    undersigned = _quoted_signatures(body, closer_from)
    signed = set() if speech else {
        index for heading in range(1, closer_from - 1)
        if _is_heading(body[heading]) and heading not in turns   # a heading of the text's
        and heading not in undersigned
        if not closes_nothing(ending := _dated_ending(body[:heading], turns))
        for index in ending}
    verse = _verse_runs(body, quoted, opener, min(closer_from, postscript_from))
    poem = _poem(body, quoted, opener, min(closer_from, postscript_from))
    tables = _tables(body, opener, min(closer_from, postscript_from))
    verse_end = 0
    for index, chunk in enumerate(body):
        if index < verse_end:
            continue     # a further stanza of the verse before it, a table under its caption
        if index >= postscript_from:
            build.add_chunk(BlockKind.POSTSCRIPT, chunk)
        elif index < opener:
            _opener_chunk(chunk, build)
        elif index >= signed_from or index in signed:
            _lines_and_datelines(chunk, chunk.lines, BlockKind.SIGNED, build)
        elif index == closer_from and not chunk.single_line:
            _closer_chunk(chunk, build)
        elif index >= closer_from:
            build.add_chunk(_closer_kind(chunk, first=index == closer_from), chunk)
        elif index == 0 and opens_text and not opener and 1 not in epigraphs and \
                _opening_dateline(body):     # (over an epigraph, the line heads the section)
            build.add_chunk(BlockKind.DATELINE, chunk)
        elif index in epigraphs:
            _epigraph(body[index:index + epigraphs[index]], build)
        elif index in in_epigraph:
            continue        # the epigraph's source, on a line of its own
        elif chunk.single_line and _SEPARATOR.match(chunk.text):
            build.add_chunk(BlockKind.SEPARATOR, chunk)
        elif not chunk.single_line and list_items(chunk.text) is not None:
            build.add_chunk(BlockKind.LIST, chunk)
        elif not chunk.single_line and (lines := turn_lines(chunk.text)):
            for start, end in lines:      # turns on lines of their own, with no blank line
                _add_turn(build, chunk.text[start:end], chunk.offset + start,
                          chunk.line + chunk.text.count("\n", 0, start))
        elif index in tables:
            verse_end = tables[index]
            last = body[verse_end - 1]
            build.add(BlockKind.TABLE, source[chunk.offset:last.offset + len(last.text)],
                      chunk.offset, chunk.line)
        elif index in turns:
            _add_turn(build, chunk.text, chunk.offset, chunk.line)
        elif chunk.single_line and cites_a_work(chunk.text):
            build.add_chunk(BlockKind.BIBL, chunk)
        elif _is_heading(chunk) and index + 1 < len(body) and index not in undersigned:
            build.add_chunk(BlockKind.HEADING, chunk)
        elif (speech or turns) and (direction := whole_direction(chunk.text)) is not None:
            kind, rend = direction
            opening, closing = STAGE_MARKS[rend]
            build.add(BlockKind.STAGE, chunk.text[len(opening):-len(closing)],
                      chunk.offset + len(opening), chunk.line, prefix=opening, suffix=closing,
                      key=kind)
        elif index in poem:
            verse_end = poem[index]
            _add_verse(build, body[index:verse_end], source, BlockKind.POEM)
        elif index in verse:
            verse_end = verse[index]
            _add_verse(build, body[index:verse_end], source)
        elif index in quoted:
            build.add(BlockKind.QUOTATION, chunk.text, chunk.offset, chunk.line)
        else:
            build.add_chunk(BlockKind.PARAGRAPH, chunk)


# a work cited on a line of its own: at most this long, and its parts (the author, the title,
# the imprint, the volumes) at least this share of its letters
_CITATION_WIDTH, _CITED_SHARE = 300, 0.7
_CITED_PARTS = frozenset({PartKind.AUTHOR, PartKind.TITLE, PartKind.PLACE, PartKind.PUBLISHER,
                          PartKind.DATE, PartKind.SCOPE, PartKind.RESPONSIBILITY})


def cites_a_work(line: str) -> bool:
    """Whether ``line`` is a book's citation, not a sentence: a title, the publisher of its
    imprint and its year ("N. Sukhanov, Notes on the Revolution, Vols. I–III. Berlin: Grzhebin,
    1922.", "The Communist Manifesto. London: Penguin, 1967."); not where something was done
    ("Adopted by the General Executive Board, Chicago, July 2, 1917.")."""
    if len(line) > _CITATION_WIDTH or line.endswith((":", "?", "!")):
        return False
    citation = read_citation(line)
    kinds = {part.kind for part in citation.parts}
    if not {PartKind.TITLE, PartKind.PUBLISHER, PartKind.DATE} <= kinds:
        return False
    cited = sum(len(line[p.start:p.end].replace(" ", "")) for p in citation.parts
                if p.kind in _CITED_PARTS)
    return cited >= _CITED_SHARE * len(line.replace(" ", ""))


def _quoted_signatures(body: list[Chunk], end: int) -> set[int]:
    """The lines shaped as headings that sign a document the text quotes ("The Strike Committee
    of the Tramwaymen" under a leaflet), in a text whose sections are headed by their numbers
    alone ("I", "II", "3."): a name or a signing body right under the text's words, with the
    text going on below it, is no section's heading there."""
    candidates = [index for index in range(1, end - 1) if _is_heading(body[index])]
    numbered = [index for index in candidates if _BARE_NUMBER.fullmatch(body[index].text)]
    if len(numbered) < 2:
        return set()
    return {index for index in candidates
            if index not in numbered and index - 1 not in candidates
            and not _NUMBERED_HEADING.match(body[index].text)
            and _signer_line(body[index].text)}


def _opening_dateline(body: list[Chunk]) -> bool:
    """Whether the text opens with where and when it was written, on a line of its own above
    it ("Moscow, 8 March 1920" over an interview): a place and a date, the text's words
    straight after it (not a heading), and no other line of the text so shaped (a diary's
    entries are headed so, each a section)."""
    def dateline(chunk: Chunk) -> bool:
        return chunk.single_line and _date_line(chunk.text)

    if len(body) < 2 or not dateline(body[0]) or _is_heading(body[1]):
        return False
    first = body[0].text
    placed = bool(re.match(r"[^\W\d]", first)) and not _month().match(first)
    return placed and not any(dateline(chunk) for chunk in body[1:])


def _add_turn(build: _Builder, text: str, offset: int, line: int) -> None:
    """A dialogue's turn, its speaker's label as printed ("Q.", "Question:") recorded: the
    label names nobody ("A. Yes" is no "A. Yes")."""
    label = speaker_label(text)
    build.add(BlockKind.TURN, text, offset, line, label=text[:label.end] if label else "")


def _letters(body: list[Chunk]) -> list[tuple[list[Chunk], list[Chunk]]] | None:
    """A collection of letters, each under a numbered heading ("I.", "Letter 2"), as (the
    headings, the section's chunks) — when the text as a whole opens no letter but one of its
    sections does; else None."""
    if _opens_letter(body):
        return None
    sections: list[tuple[list[Chunk], list[Chunk]]] = [([], [])]
    for index, chunk in enumerate(body):
        if _LETTER_NUMBER.match(chunk.text) and _is_heading(chunk) and index + 1 < len(body):
            if sections[-1][1]:
                sections.append(([], []))
            sections[-1][0].append(chunk)
        else:
            sections[-1][1].append(chunk)
    if not any(_opens_letter(content) for headings, content in sections if headings):
        return None
    return [section for section in sections if section[0] or section[1]]


def _opens_letter(body: list[Chunk]) -> bool:
    """Whether ``body`` opens with a letter's opener: a salutation (after a dateline or an
    address) followed by the letter's text."""
    opener = _letter_opener(body)
    return 0 < opener < len(body) and not _is_heading(body[opener])


def _verse_runs(body: list[Chunk], quoted: set[int], start: int, end: int) -> dict[int, int]:
    """Where the verse of ``body[start:end]`` stands: the index of each run's first chunk → the
    index after its last.

    Verse is set apart from the prose: set in as block quotations are (``quoted``), quoted
    whole in marks, or introduced by a paragraph ending in a colon ("Take the lines of Blok:").
    The stanzas after it, set as it is (set in, or not, and not in marks of their own), are
    stanzas of the same poem."""
    runs: dict[int, int] = {}
    index = start
    while index < end:
        chunk = body[index]
        marked = quotation_marks(chunk.text) is not None
        introduced = index > start and _introduces_verse(body[index - 1])
        if not (_verse_like(chunk) and (index in quoted or marked or introduced)):
            index += 1
            continue
        stop = index + 1
        while not marked and stop < end and _verse_like(body[stop]) and \
                (stop in quoted) == (index in quoted) and quotation_marks(body[stop].text) is None:
            stop += 1
        runs[index] = stop
        index = stop
    return runs


def _tables(body: list[Chunk], start: int, end: int) -> dict[int, int]:
    """Where the tables of ``body[start:end]`` stand (:mod:`teikit.convert.tables`): the index
    of each one's first chunk → the index after it. A simple caption on a line of its own right
    before a table ("Table: Output of coal") is the table's, and its first chunk."""
    found: dict[int, int] = {}
    for index in range(start, end):
        chunk = body[index]
        if chunk.single_line or not is_table(chunk.text, chunk.first_indent) or \
                list_items(chunk.text) is not None or _field_lines(chunk) is not None:
            continue
        caption = index > start and is_caption(body[index - 1].text) and \
            index - 1 not in found
        found[index - 1 if caption else index] = index + 1
    return found


def _introduces_verse(chunk: Chunk) -> bool:
    """A paragraph ending in a colon; not a heading, a list or a line of signs."""
    return chunk.text.endswith(":") and not _is_heading(chunk) and not _SEPARATOR.match(
        chunk.text) and list_items(chunk.text) is None


def _verse_like(chunk: Chunk) -> bool:
    """Lines of verse (:func:`teikit.convert.verse.is_verse`), in marks or not — and not the
    short lines of a letter: a salutation or a closing opening them, a dateline or a
    postscript among them, or header fields ("Label: value") all through."""
    marks = quotation_marks(chunk.text)
    text = chunk.text[len(marks[0]):-len(marks[1])] if marks else chunk.text
    if chunk.single_line or not is_verse(text):
        return False
    lines = [line for line, _, _ in chunk.lines]
    return not (_SALUTATION.match(lines[0]) or _CLOSING.match(lines[0])
                or _POSTSCRIPT.match(chunk.text) or any(_date_line(line) for line in lines)
                or _field_lines(chunk) is not None)


def _add_verse(build: _Builder, run: list[Chunk], source: str,
               kind: BlockKind = BlockKind.VERSE) -> None:
    """One block for the verse of ``run``: its stanzas and the blank lines between them."""
    if len(run) == 1:
        build.add_chunk(kind, run[0])
        return
    first, last = run[0], run[-1]
    build.add(kind, source[first.offset:last.offset + len(last.text)], first.offset, first.line)


def _poem(body: list[Chunk], quoted: set[int], start: int, end: int) -> dict[int, int]:
    """Where a text (or a section) that is verse alone stands — a poem, a song — as the index of
    the first stanza of each section → the index after its last: every chunk of
    ``body[start:end]`` that is no heading is verse, none of it quoted or set in, and there is
    more of it than a couplet (two stanzas, or four lines)."""
    headings = {index for index in range(start, end) if _is_heading(body[index])}
    stanzas = [index for index in range(start, end) if index not in headings]
    if not stanzas or any(not _verse_like(body[index]) or index in quoted
                          or quotation_marks(body[index].text) is not None
                          for index in stanzas):
        return {}
    if len(stanzas) < 2 and len(body[stanzas[0]].lines) < 4:
        return {}
    runs: dict[int, int] = {}
    for index in stanzas:
        first = next((s for s, e in runs.items() if e == index), None)
        if first is None:
            runs[index] = index + 1
        else:
            runs[first] = index + 1
    return runs


def _epigraphs(body: list[Chunk], turns: set[int]) -> dict[int, int]:
    """The epigraphs of the body, by the index of their first chunk: how many chunks each
    spans. An epigraph opens the text or a section (it stands first, or right under a
    heading, which a dialogue's turn is not): a quotation in marks with, on its last line or
    on a line of its own after it, its source after a dash ("– Karl Marx"); the text goes on
    after it."""
    found: dict[int, int] = {}
    for index, chunk in enumerate(body):
        if index and (not _is_heading(body[index - 1]) or index - 1 in turns):
            continue
        lines = chunk.lines
        if len(lines) >= 2 and _EPIGRAPH_SOURCE.match(lines[-1][0]) and quotation_marks(
                chunk.text[:lines[-1][1] - chunk.offset].rstrip()):
            count = 1
        elif index + 1 < len(body) and quotation_marks(chunk.text) and \
                body[index + 1].single_line and _EPIGRAPH_SOURCE.match(body[index + 1].text):
            count = 2
        else:
            continue
        # the text goes on after it (under a heading, its section's text)
        if index + count < len(body) and not (index and _is_heading(body[index + count])):
            found[index] = count
    return found


def _epigraph(chunks: list[Chunk], build: _Builder) -> None:
    """An epigraph's quotation, its marks recorded as a block quotation's are, and its source."""
    first = chunks[0]
    source, source_offset, source_line = chunks[-1].lines[-1]
    quotation = first.text if len(chunks) > 1 else \
        first.text[:source_offset - first.offset].rstrip()
    marks = quotation_marks(quotation) or ("", "")
    inner = quotation[len(marks[0]):len(quotation) - len(marks[1])]
    build.add(BlockKind.EPIGRAPH, inner, first.offset + len(marks[0]), first.line,
              prefix=marks[0], suffix=marks[1], key=MARKS_TO_REND.get(marks, ""))
    build.add(BlockKind.EPIGRAPH_SOURCE, source, source_offset, source_line)


def _closer_kind(chunk: Chunk, *, first: bool) -> BlockKind:
    """A line of a letter's closer: the closing salutation first, then the signature's lines
    and, under them, the place and date the letter was written."""
    if first:
        return BlockKind.SALUTE
    return BlockKind.DATELINE if chunk.single_line and (
        _date_line(chunk.text) or _yearless_dateline(chunk.text)) else BlockKind.SIGNED


def _closer_chunk(chunk: Chunk, build: _Builder) -> None:
    """A closer written without blank lines ("Yours fraternally,\nJohn Maclean\nGlasgow,
    3 May 1921"): the closing salutation, the signature's lines as one block, the dateline."""
    (closing, offset, line), *rest = chunk.lines
    build.add(BlockKind.SALUTE, closing, offset, line)
    _lines_and_datelines(chunk, rest, BlockKind.SIGNED, build)


def _lines_and_datelines(chunk: Chunk, lines: list[tuple[str, int, int]], kind: BlockKind,
                         build: _Builder) -> None:
    """``lines`` of ``chunk`` as blocks: each line that dates the letter a dateline of its own,
    the consecutive lines between them one block of ``kind`` (an address, a signature)."""
    group: list[tuple[str, int, int]] = []
    for entry in [*lines, None]:
        if entry is not None and not _date_line(entry[0]):
            group.append(entry)
            continue
        if group:
            end = group[-1][1] + len(group[-1][0])
            lead_in = kind is BlockKind.SIGNED and SIGNATURE_LEAD_IN.fullmatch(group[0][0])
            build.add(kind, chunk.text[group[0][1] - chunk.offset:end - chunk.offset],
                      group[0][1], group[0][2], key=LEAD_IN_KEY if lead_in else "")
            group = []
        if entry is not None:
            build.add(BlockKind.DATELINE, *entry)


def _indented_quotations(body: list[Chunk]) -> set[int]:
    """The chunks set in from the text's paragraphs, every line of them (a plain-text copy of a
    page indents its block quotations): the text's paragraphs are as indented as most chunks
    are, a quotation at least :data:`_QUOTATION_INDENT` columns more, and its first line is not
    indented as most paragraphs' first lines are (a text may indent every paragraph's first
    line, and a paragraph of one line is then indented all through)."""
    if len(body) < 2:
        return set()
    usual = Counter(chunk.indent for chunk in body).most_common(1)[0][0]
    usual_first = Counter(chunk.first_indent for chunk in body).most_common(1)[0][0]
    return {index for index, chunk in enumerate(body)
            if chunk.indent >= usual + _QUOTATION_INDENT and chunk.first_indent != usual_first
            and not _is_heading(chunk) and quotation_marks(chunk.text) is None}


def _letter_opener(body: list[Chunk]) -> int:
    """Number of leading chunks forming a letter's opener, up to its salutation, else 0.

    Before the salutation may come a letterhead, the addressee's address and datelines, in any
    order: short lines (at most :data:`_OPENER_LINES` of them, none longer than
    :data:`_OPENER_WIDTH`), not prose."""
    for index, chunk in enumerate(body[:_OPENER_CHUNKS]):
        if chunk.single_line and _SALUTATION.match(chunk.text):
            return index + 1
        if not _opener_like(chunk):
            return 0
    return 0


def _opener_like(chunk: Chunk) -> bool:
    """Could ``chunk`` stand before a letter's salutation (a dateline, an address)? Not a
    quotation, a separator or an editor's bracket."""
    if _SEPARATOR.match(chunk.text) or chunk.text.startswith("[") or any(
            mark in chunk.text for mark in "“”„«»\"") or _LETTER_NUMBER.match(chunk.text):
        return False
    lines = [line for line, _, _ in chunk.lines]
    if chunk.single_line and len(chunk.text) <= 100 and _YEAR.search(chunk.text):
        return True
    return len(lines) <= _OPENER_LINES and all(
        len(line) <= _OPENER_WIDTH and len(line.split()) <= 10
        and not line.endswith((":", ";", "?", "!")) and not re.search(r"[a-z]{3}\. [A-Z]", line)
        for line in lines)


@cache
def _month() -> re.Pattern[str]:
    """A month's name in the family's languages ("Oct.", "mars", "März"), as the dates read
    them (:func:`teikit.convert.dates.forms.month_names`)."""
    from teikit.convert.dates.forms import month_names

    names = sorted(month_names(), key=len, reverse=True)
    return re.compile(rf"{_ENGLISH_MONTH}|(?<![\w])(?:{'|'.join(map(re.escape, names))})"
                      r"(?![\w])")


def _date_line(line: str) -> bool:
    """A line that dates a letter or a text ("12th June, 1924.", "Glasgow, 2 Oct. 1920"): a
    date with at most a place before it, parted from it, not a sentence that tells of a date
    ("The workers rose on October 25, 1917.")."""
    if len(line) > 70 or not _YEAR.search(line):
        return False
    # a month with its day or year by it ("August 3", "3 August", "August 1917"), not a name
    # that begins with one ("August Bebel, …")
    date = next((m for m in _month().finditer(line)
                 if re.match(r"\.?,?\s*\d", line[m.end():])
                 or re.search(r"\d(?:st|nd|rd|th|er|\.)?\s*(?:of\s+|de\s+)?$", line[:m.start()])),
                None) or re.search(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b", line)
    if date is None:
        return False
    day = re.search(r"\d", line)
    before = _BEFORE_DAY.sub("", line[:min(date.start(), day.start() if day else len(line))]
                             .rstrip())
    # the place is parted from the date ("Glasgow, 2 Oct."), a sentence runs on into it
    return not before or (before[-1] in ",.:;–—-" and
                          len(before.split()) <= _DATELINE_PLACE_WORDS)


# under a letter's signature, the place and the day without the year: "Glasgow, April 14."
_PLACE_AND_DAY = re.compile(r"(?P<place>[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+){0,2}),\s+"
                            r"(?P<day>[^,]{3,20}?)\.?")


def _yearless_dateline(line: str) -> bool:
    """"Glasgow, April 14.", "Paris, 3 mai": a place, then a month and its day alone."""
    found = _PLACE_AND_DAY.fullmatch(line.strip())
    if found is None:
        return False
    day = found.group("day")
    month = _month().search(day)
    return month is not None and bool(re.fullmatch(
        r"(?:\d{1,2}(?:st|nd|rd|th)?\.?\s+)?\S+(?:\s+\d{1,2}(?:st|nd|rd|th)?)?", day)) and \
        any(c.isdigit() for c in day)


def _opener_chunk(chunk: Chunk, build: _Builder) -> None:
    """A chunk of a letter's opener: the salutation, datelines, or address lines (a
    letterhead, the addressee): consecutive address lines form one address block."""
    if _SALUTATION.match(chunk.text):
        build.add_chunk(BlockKind.SALUTE, chunk)
        return
    if chunk.single_line and _YEAR.search(chunk.text):
        build.add_chunk(BlockKind.DATELINE, chunk)
        return
    _lines_and_datelines(chunk, chunk.lines, BlockKind.ADDRESS, build)


def _letter_postscripts(body: list[Chunk]) -> int:
    """Index of the first of the postscripts ("P.S. …") that end a letter, else len(body).

    A postscript opens with its sign and runs to the end of the letter (a following paragraph
    without a sign continues it only if another signed postscript comes after it)."""
    start = len(body)
    for index in range(len(body) - 1, 0, -1):
        if _POSTSCRIPT.match(body[index].text):
            start = index
        elif start == len(body):
            return start   # the letter does not end with a postscript
    return start


def _is_signature(chunk: Chunk) -> bool:
    lines = chunk.text.split("\n")
    return len(lines) <= _SIGNATURE_LINES and all(
        len(line.strip()) <= _SIGNATURE_WIDTH for line in lines)


def _letter_closer(body: list[Chunk]) -> int:
    """Index of the closing salutation ("Yours fraternally,") near the end, else len(body)."""
    for index in range(len(body) - 1, max(len(body) - 4, 0) - 1, -1):
        chunk = body[index]
        closing, *signature = chunk.text.split("\n")
        if not _CLOSING.match(closing.strip()):
            continue
        rest = body[index + 1:]
        if signature and len(signature) <= _SIGNATURE_LINES and all(
                0 < len(line.strip()) <= _SIGNATURE_WIDTH for line in signature) and all(
                _is_signature(c) for c in rest):
            return index     # the signature under the closing line, in one chunk
        if not signature and rest and all(_is_signature(c) for c in rest):
            return index
    return len(body)


def _signed_ending(body: list[Chunk], turns: Container[int] = ()) -> int:
    """Index of the signature and the dateline that end a text ("L. Trotsky" / "Chairman of the
    Petrograd Soviet", then "Petrograd, 25 October 1917"), else len(body): at most
    :data:`_ENDING_CHUNKS` short chunks after the text, one of them opening with who signs, or
    a dateline alone as the text's last line. A dialogue's turn (``turns``: their indexes) is
    the text's, however short ("A. Soon.")."""
    start = len(body)
    for index in range(len(body) - 1, max(len(body) - _ENDING_CHUNKS, 1) - 1, -1):
        lead_in = index + 1 < len(body) and _lead_in_chunk(body[index]) and \
            _signature_chunk(body[index + 1])
        if index in turns or not (_dateline_chunk(body[index])
                                  or _signature_chunk(body[index]) or lead_in) or (
                body[index].single_line and cites_a_work(body[index].text)):
            break
        start = index
    ending = body[start:]
    if not ending:
        return len(body)
    # what stands above the ending, a page of the printed source beginning between them aside
    above = start - 1
    while above > 0 and is_page_marker(body[above].text.strip()):
        above -= 1
    nothing_above = is_page_marker(body[above].text.strip())   # the text is only a page's start
    if nothing_above or _is_heading(body[above]) or not (
            any(_signature_chunk(chunk) for chunk in ending)
            or (len(ending) == 1 and _dateline_chunk(ending[0]))):
        return len(body)
    return start


def _dated_ending(section: list[Chunk], turns: Container[int] = ()) -> range:
    """Where the signed ending of a section before the next heading stands: it must be dated
    (a name alone over a heading is a heading: "Karl Marx" / "His Life")."""
    start = _signed_ending(section, turns)
    dated = any(_date_line(line) for chunk in section[start:] for line, _, _ in chunk.lines)
    return range(start, len(section)) if dated else range(0)


def _dateline_chunk(chunk: Chunk) -> bool:
    return chunk.single_line and _date_line(chunk.text)


def _signature_chunk(chunk: Chunk) -> bool:
    """A signature standing under a text: its first line names who signs (one person, several,
    a body such as "The Executive Committee of the Communist International"), perhaps under a
    line that says in whose name ("On behalf of the Congress:"), the lines under it their
    function or the place and date; every line short."""
    lines = [line for line, _, _ in chunk.lines]
    if _signatories(lines):
        return True
    if len(lines) > 1 and SIGNATURE_LEAD_IN.fullmatch(lines[0]):
        lines = lines[1:]   # "On behalf of the Executive Committee:" over the name
    return len(lines) <= _SIGNATURE_LINES and all(
        (len(line) <= _SIGNATURE_WIDTH or _office_and_name(line))
        and not line.endswith((":", ";", ",")) for line in lines
    ) and _signer_line(lines[0])


def _office_and_name(line: str) -> bool:
    """"Secretary: A. Yanson.", "Chairman of the Council of People's Commissars: V. Ulyanov
    (Lenin)": a signer's office, a colon, his name."""
    found = _OFFICE_AND_NAME.fullmatch(line.strip())
    if found is None or not set(found.group("office").split()) & SIGNER_OFFICES:
        return False
    name = found.group("name").removesuffix(".")
    aliased = _ALIASED.fullmatch(name)
    return _name_line(aliased.group("name") if aliased else name) or bool(
        _INITIALS_ONLY.fullmatch(name))


def _signatories(lines: list[str]) -> bool:
    """A body that signs and, a line each, the names of its members who sign with it ("The
    Amsterdam Bureau of the Communist International:" / "Herman Gorter" / "Anton Pannekoek")."""
    body, *names = lines
    return 2 <= len(names) <= _SIGNATORIES and body.endswith(":") and \
        len(body) <= _SIGNATURE_WIDTH + 20 and _signer_line(body.removesuffix(":").rstrip()) \
        and all(len(name) <= _SIGNATURE_WIDTH and _name_line(name.removesuffix("."))
                for name in names)


def _given_name_signature(chunk: Chunk) -> bool:
    """A letter's last line that is one name alone, as a letter is signed to kin and friends
    ("Annie", "Volodya", "Lenin."): one capitalised word, no sentence."""
    return chunk.single_line and bool(_GIVEN_NAME.fullmatch(chunk.text)) and \
        chunk.text.removesuffix(".") not in _LAST_WORDS


def _lead_in_chunk(chunk: Chunk) -> bool:
    """A line alone that says in whose name the signature under it signs."""
    return chunk.single_line and bool(SIGNATURE_LEAD_IN.fullmatch(chunk.text))


def _signer_line(line: str) -> bool:
    """Whether ``line`` names who signs: a person's name ("V. I. Lenin"), names parted by commas
    with one at least in full ("Christian Rakovsky, Lenin, Zinoviev"), or a body that signs
    (:data:`SIGNING_BODIES`), or initials alone ("P. V.")."""
    if _INITIALS_ONLY.fullmatch(line) or _office_and_name(line):
        return True
    line = line.removesuffix(".")
    aliased = _ALIASED.fullmatch(line)
    if aliased:
        line = aliased.group("name")     # "V. Ulyanov (Lenin)": the name and the one he used
    if not line or line.isupper() or _NUMBERED_HEADING.match(line):
        return False     # "PART TWO", "CHAPTER III", "Part 2": headings
    names = [name.strip() for name in line.split(",")]
    function = names[0].split()
    if len(names) == 2 and function and function[0] in _FUNCTION_ARTICLES and \
            len(function) <= 3 and _name_line(names[1]):
        return True      # his function, then the name: "Le secrétaire, A. Roques"
    if len(names) > 1:     # one of them in full: "Bread, Peace, Land" is a cry
        return any(_name_line(name) for name in names) and all(
            1 <= len(name.split()) <= 5 and name.split()[0] not in _TITLE_WORDS and all(
                word in _NAME_PARTICLES or _NAME_WORD.fullmatch(word) for word in name.split())
            for name in names)
    words = line.split()
    # "Report of the Central Committee" is a heading, "The Central Committee" a signature
    return _name_line(line) or (len(words) <= 12 and (
        words[0] == "The" or words[0] not in _TITLE_WORDS) and any(
        word in SIGNING_BODIES for word in words) and all(
        word[0].isupper() or word in _BODY_PARTICLES for word in words))


def ingest_file(path: Path, encoding: str | None = None) -> Transcription:
    """Read, decode and ingest a transcription file."""
    data = read_input_bytes(path, memory_factor=CONVERSION_MEMORY_FACTOR)
    decoded = decode(data, str(path), encoding)
    return ingest_text(decoded.text, Path(path).stem, path=str(path), encoding=decoded.encoding,
                       encoding_detected=decoded.detected)
