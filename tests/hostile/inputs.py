"""Bad and hostile inputs for the manifest, each made on demand in a test's workspace.

Every generator takes the :class:`Workspace` and returns the path of what it wrote (or of a
special file: a FIFO, a directory, ``/dev/zero``). A workspace also holds a secret file whose
content must never appear in any output, a DTD that names it, good inputs to start from and
the outputs of an earlier good run (``out.*``), which a failing command must leave unchanged.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import FIXTURES, REPO, TRANSCRIPTIONS

SAMPLE_TEI = REPO / "tests" / "validate" / "data" / "edition-sample.xml"
LETTER = TRANSCRIPTIONS / "volkova-letter.txt"
LETTER_REGISTER = TRANSCRIPTIONS / "volkova-letter.register.xml"
TEI_NS = "http://www.tei-c.org/ns/1.0"


@dataclass
class Workspace:
    root: Path
    port: int
    secret: str = field(default_factory=lambda: f"TEIKIT-SECRET-{secrets.token_hex(8)}")

    def __post_init__(self) -> None:
        (self.root / "secret.txt").write_text(self.secret + "\n", encoding="utf-8")
        (self.root / "evil.dtd").write_text(
            f'<!ENTITY xxe SYSTEM "{self.secret_url}">\n<!ENTITY nbsp "&#160;">\n',
            encoding="utf-8")
        shutil.copy(SAMPLE_TEI, self.root / "good.xml")
        shutil.copy(LETTER, self.root / "good.txt")
        shutil.copy(LETTER_REGISTER, self.root / "register.xml")

    @property
    def secret_url(self) -> str:
        return (self.root / "secret.txt").as_uri()

    @property
    def url(self) -> str:
        """The listener: any request to it fails the test."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def sample(self) -> str:
        return SAMPLE_TEI.read_text(encoding="utf-8")

    @property
    def letter(self) -> str:
        return LETTER.read_text(encoding="utf-8")

    def write(self, name: str, data: str | bytes) -> str:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return str(path)

    def tei(self, name: str, *, prolog: str = "", replace: tuple[str, str] | None = None,
            encoding: str = "utf-8") -> str:
        """The sample TEI with ``prolog`` before the root element and one edit."""
        text = self.sample
        root = text.index("<TEI")
        text = text[:root] + prolog + text[root:]
        if replace is not None:
            assert replace[0] in text, replace[0]
            text = text.replace(replace[0], replace[1], 1)
        if encoding != "utf-8":
            text = text.replace('encoding="UTF-8"', f'encoding="{encoding.upper()}"', 1)
            return self.write(name, text.encode(encoding, "xmlcharrefreplace"))
        return self.write(name, text)

    def transcription(self, name: str, body: str | bytes, *, header: bool = True) -> str:
        head = "Title of the text\n\nWritten: 1921\nSource: Bulletin, 1921.\n\n" if header else ""
        if isinstance(body, bytes):
            return self.write(name, head.encode("utf-8") + body)
        return self.write(name, head + body)


Generator = Callable[[Workspace], str]
INPUTS: dict[str, Generator] = {}


def generator(function: Generator) -> Generator:
    INPUTS[function.__name__.replace("_", "-")] = function
    return function


FIRST_P = "<p>We write.</p>"

# ---------------------------------------------------------------- XML: DOCTYPEs and entities


@generator
def good_tei(ws: Workspace) -> str:
    return str(ws.root / "good.xml")


@generator
def dtd_file_entity_used(ws: Workspace) -> str:
    """External DTD on disk whose entity names the secret; the text uses it."""
    return ws.tei("in.xml", prolog=f'<!DOCTYPE TEI SYSTEM "{(ws.root / "evil.dtd").as_uri()}">\n',
                  replace=(FIRST_P, "<p>We write &xxe;.</p>"))


@generator
def dtd_file_unused(ws: Workspace) -> str:
    """External DTD on disk, no entity used: fine, as long as it is never read."""
    return ws.tei("in.xml", prolog=f'<!DOCTYPE TEI SYSTEM "{(ws.root / "evil.dtd").as_uri()}">\n')


@generator
def dtd_etc_passwd(ws: Workspace) -> str:
    """A DTD of file:///etc/passwd (not a DTD at all)."""
    return ws.tei("in.xml", prolog='<!DOCTYPE TEI SYSTEM "file:///etc/passwd">\n')


@generator
def dtd_http(ws: Workspace) -> str:
    return ws.tei("in.xml", prolog=f'<!DOCTYPE TEI SYSTEM "{ws.url}/tei.dtd">\n')


@generator
def dtd_public_http(ws: Workspace) -> str:
    return ws.tei("in.xml",
                  prolog=f'<!DOCTYPE TEI PUBLIC "-//TEI//DTD TEI P5//EN" "{ws.url}/p5.dtd">\n')


@generator
def dtd_http_after_comment(ws: Workspace) -> str:
    """A comment holding '<!DOCTYPE' before the real DOCTYPE (fooled byte matching)."""
    return ws.tei("in.xml", prolog=f'<!-- <!DOCTYPE TEI> -->\n<!DOCTYPE TEI SYSTEM '
                                   f'"{ws.url}/after-comment.dtd">\n')


@generator
def dtd_http_utf16(ws: Workspace) -> str:
    """The same in UTF-16 (no '<!DOCTYPE' bytes to find)."""
    return ws.tei("in.xml", prolog=f'<!DOCTYPE TEI SYSTEM "{ws.url}/utf16.dtd">\n',
                  encoding="utf-16")


@generator
def dtd_http_pi_before(ws: Workspace) -> str:
    return ws.tei("in.xml", prolog=f'<?xml-stylesheet href="{ws.url}/s.xsl" type="text/xsl"?>\n'
                                   f'<!DOCTYPE TEI SYSTEM "{ws.url}/pi.dtd">\n')


@generator
def dtd_internal_subset_http(ws: Workspace) -> str:
    """An internal subset (attribute defaults only) plus an external DTD on the listener."""
    return ws.tei("in.xml", prolog=f'<!DOCTYPE TEI SYSTEM "{ws.url}/subset.dtd" [\n'
                                   '<!ATTLIST p rend CDATA #IMPLIED>\n]>\n')


@generator
def xxe_internal_file(ws: Workspace) -> str:
    return ws.tei("in.xml", prolog=f'<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "{ws.secret_url}">]>\n',
                  replace=(FIRST_P, "<p>We write &xxe;.</p>"))


@generator
def xxe_internal_http(ws: Workspace) -> str:
    return ws.tei("in.xml", prolog=f'<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "{ws.url}/e">]>\n',
                  replace=(FIRST_P, "<p>We write &xxe;.</p>"))


@generator
def xxe_parameter_entity(ws: Workspace) -> str:
    return ws.tei("in.xml", prolog=f'<!DOCTYPE TEI [<!ENTITY % p SYSTEM "{ws.url}/p.dtd"> %p;]>\n')


@generator
def xxe_in_attribute(ws: Workspace) -> str:
    return ws.tei("in.xml", prolog=f'<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "{ws.secret_url}">]>\n',
                  replace=(FIRST_P, '<p n="&xxe;">We write.</p>'))


@generator
def billion_laughs(ws: Workspace) -> str:
    entities = '<!ENTITY l0 "ha">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    return ws.tei("in.xml", prolog=f"<!DOCTYPE TEI [{entities}]>\n",
                  replace=(FIRST_P, "<p>&l9;</p>"))


@generator
def undeclared_entity_external_dtd(ws: Workspace) -> str:
    """TEI from elsewhere: &nbsp; defined only in its (external) DTD."""
    return ws.tei("in.xml", prolog=f'<!DOCTYPE TEI SYSTEM "{(ws.root / "evil.dtd").as_uri()}">\n',
                  replace=(FIRST_P, "<p>We&nbsp;write.</p>"))


@generator
def undeclared_entity_no_dtd(ws: Workspace) -> str:
    return ws.tei("in.xml", replace=(FIRST_P, "<p>We&nbsp;write.</p>"))


@generator
def xinclude_secret(ws: Workspace) -> str:
    return ws.tei("in.xml", replace=(
        FIRST_P, f'<p>We write <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
                 f'href="{ws.secret_url}" parse="text"/>.</p>'))


@generator
def xinclude_http(ws: Workspace) -> str:
    return ws.tei("in.xml", replace=(
        FIRST_P, f'<p>We write <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
                 f'href="{ws.url}/inc.xml"/>.</p>'))


@generator
def schema_location_http(ws: Workspace) -> str:
    return ws.tei("in.xml", replace=(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"',
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="{TEI_NS} {ws.url}/tei.xsd"'))


@generator
def xml_model_http(ws: Workspace) -> str:
    return ws.tei("in.xml", prolog=f'<?xml-model href="{ws.url}/tei_all.rng" '
                                   'type="application/xml"?>\n')


@generator
def graphic_file_url(ws: Workspace) -> str:
    """A TEI pointer at the secret file: a link at most, never read."""
    return ws.tei("in.xml", replace=(FIRST_P, f'<p>We <ref target="{ws.secret_url}">write'
                                              '</ref>.</p>'))


# ---------------------------------------------------------------- XML: other damage


@generator
def not_well_formed(ws: Workspace) -> str:
    return ws.tei("in.xml", replace=(FIRST_P, "<p>We <hi>write.</p>"))


@generator
def empty_file(ws: Workspace) -> str:
    return ws.write("in.xml", b"")


@generator
def whitespace_only(ws: Workspace) -> str:
    return ws.write("in.xml", b"  \n\t\n")


@generator
def bom_only(ws: Workspace) -> str:
    return ws.write("in.xml", b"\xef\xbb\xbf")


@generator
def truncated_tei(ws: Workspace) -> str:
    data = SAMPLE_TEI.read_bytes()
    return ws.write("in.xml", data[: len(data) // 2])


@generator
def binary_as_xml(ws: Workspace) -> str:
    return ws.write("in.xml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


@generator
def utf16_tei(ws: Workspace) -> str:
    return ws.tei("in.xml", encoding="utf-16")


@generator
def latin1_tei(ws: Workspace) -> str:
    return ws.tei("in.xml", encoding="iso-8859-1",
                  replace=(FIRST_P, "<p>We write \u00e9.</p>"))


@generator
def xhtml(ws: Workspace) -> str:
    return ws.write("in.xml", '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title>'
                              "</head><body><p>Not TEI.</p></body></html>")


@generator
def other_namespace(ws: Workspace) -> str:
    return ws.write("in.xml", '<doc xmlns="urn:example:other"><p>Not TEI.</p></doc>')


@generator
def tei_without_namespace(ws: Workspace) -> str:
    return ws.write("in.xml", ws.sample.replace(' xmlns="http://www.tei-c.org/ns/1.0"', "", 1))


@generator
def tei_wrong_namespace(ws: Workspace) -> str:
    return ws.write("in.xml", ws.sample.replace(TEI_NS, "http://www.tei-c.org/ns/2.0", 1))


@generator
def tei_without_header(ws: Workspace) -> str:
    text = ws.sample
    start, end = text.index("<teiHeader>"), text.index("</teiHeader>") + len("</teiHeader>")
    return ws.write("in.xml", text[:start] + text[end:])


@generator
def tei_without_text(ws: Workspace) -> str:
    text = ws.sample
    start, end = text.index("<text"), text.index("</text>") + len("</text>")
    return ws.write("in.xml", text[:start] + text[end:])


def _nested(depth: int) -> str:
    return "<seg>" * depth + "deep" + "</seg>" * depth


@generator
def nested_150(ws: Workspace) -> str:
    """Deeper than Saxon's default limit (100), well within lxml's."""
    return ws.tei("in.xml", replace=(FIRST_P, f"<p>We write {_nested(150)}.</p>"))


@generator
def nested_240(ws: Workspace) -> str:
    return ws.tei("in.xml", replace=(FIRST_P, f"<p>We write {_nested(240)}.</p>"))


@generator
def nested_300(ws: Workspace) -> str:
    return ws.tei("in.xml", replace=(FIRST_P, f"<p>We write {_nested(300)}.</p>"))


@generator
def nested_5000(ws: Workspace) -> str:
    return ws.tei("in.xml", replace=(FIRST_P, f"<p>We write {_nested(5000)}.</p>"))


@generator
def huge_text_node(ws: Workspace) -> str:
    """A text node over libxml2's 10 MB default limit: well-formed."""
    return ws.tei("in.xml", replace=(FIRST_P, f"<p>We write {'word ' * 2_200_000}.</p>"))


@generator
def huge_attribute(ws: Workspace) -> str:
    return ws.tei("in.xml", replace=(FIRST_P, f'<p n="{"x" * 11_000_000}">We write.</p>'))


@generator
def duplicate_ids(ws: Workspace) -> str:
    return ws.tei("in.xml", replace=(FIRST_P, '<p xml:id="a">We</p><p xml:id="a">write.</p>'))


@generator
def control_char_reference(ws: Workspace) -> str:
    return ws.tei("in.xml", replace=(FIRST_P, "<p>We &#x1b; write.</p>"))


@generator
def c1_and_bidi_in_tei(ws: Workspace) -> str:
    """Legal but odd code points in the text: kept, escaped by the serialisers."""
    return ws.tei("in.xml", replace=(FIRST_P, "<p>We \u0085\u009d\u202e write \u2066x\u2069.</p>"))


@generator
def script_in_tei(ws: Workspace) -> str:
    return ws.tei("in.xml", replace=(
        FIRST_P, '<p>We <ref target="javascript:alert(1)">write</ref> '
                 '&lt;script&gt;alert(2)&lt;/script&gt;.</p>'))


@generator
def directory(ws: Workspace) -> str:
    path = ws.root / "folder.xml"
    path.mkdir()
    return str(path)


@generator
def fifo(ws: Workspace) -> str:
    path = ws.root / "pipe.xml"
    os.mkfifo(path)
    return str(path)


@generator
def dev_zero(ws: Workspace) -> str:
    return "/dev/zero"


@generator
def dev_null(ws: Workspace) -> str:
    return "/dev/null"


@generator
def missing(ws: Workspace) -> str:
    return str(ws.root / "no-such-file.xml")


@generator
def symlink_to_secret(ws: Workspace) -> str:
    """A name ending in .xml that is the secret: not XML, and never echoed."""
    path = ws.root / "link.xml"
    path.symlink_to(ws.root / "secret.txt")
    return str(path)


# ---------------------------------------------------------------- transcriptions

_BODY = "Dear Comrades,\n\nWe write to you about the strike.\n\nWith greetings,\n\nA. Volkova\n"


def _with(ws: Workspace, insert: str) -> str:
    return ws.transcription("in.txt", _BODY.replace("about", f"ab{insert}out"))


@generator
def good_txt(ws: Workspace) -> str:
    return str(ws.root / "good.txt")


@generator
def form_feed(ws: Workspace) -> str:
    return ws.transcription("in.txt", "We write.\f\n\nAbout the strike.\n")


@generator
def vertical_tab(ws: Workspace) -> str:
    return _with(ws, "\v")


@generator
def ctrl_z_end(ws: Workspace) -> str:
    return ws.transcription("in.txt", _BODY + "\x1a")


@generator
def ctrl_z_middle(ws: Workspace) -> str:
    return _with(ws, "\x1a")


@generator
def escape_char(ws: Workspace) -> str:
    return _with(ws, "\x1b[31m")


@generator
def bell_char(ws: Workspace) -> str:
    return _with(ws, "\x07")


@generator
def backspace_char(ws: Workspace) -> str:
    return _with(ws, "\x08")


@generator
def nonchar_fffe(ws: Workspace) -> str:
    return _with(ws, "\ufffe")


@generator
def nonchar_ffff(ws: Workspace) -> str:
    return _with(ws, "\uffff")


@generator
def nul_after_8k(ws: Workspace) -> str:
    return ws.transcription("in.txt", (_BODY * 200).encode("utf-8") + b"\x00tail\n")


@generator
def nul_at_start(ws: Workspace) -> str:
    return ws.write("in.txt", b"\x00\x01\x02binary")


@generator
def png_file(ws: Workspace) -> str:
    return ws.write("in.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)


@generator
def gzip_file(ws: Workspace) -> str:
    import gzip

    return ws.write("in.txt", gzip.compress(ws.letter.encode("utf-8")))


@generator
def utf16le_no_bom(ws: Workspace) -> str:
    return ws.write("in.txt", ws.letter.encode("utf-16-le"))


@generator
def utf16be_no_bom(ws: Workspace) -> str:
    return ws.write("in.txt", ws.letter.encode("utf-16-be"))


@generator
def utf16_bom(ws: Workspace) -> str:
    return ws.write("in.txt", ws.letter.encode("utf-16"))


@generator
def utf8_bom(ws: Workspace) -> str:
    return ws.write("in.txt", b"\xef\xbb\xbf" + ws.letter.encode("utf-8"))


@generator
def bad_utf16_bom(ws: Workspace) -> str:
    return ws.write("in.txt", b"\xff\xfe" + b"A\x00" * 10 + b"\x00\xd8")


@generator
def latin1_txt(ws: Workspace) -> str:
    return ws.write("in.txt", ws.letter.replace("’", "'").replace("“", '"').replace("”", '"')
                    .replace("–", "-").replace("Petrenko", "Pétrenko").encode("latin-1"))


@generator
def cp1252_txt(ws: Workspace) -> str:
    return ws.write("in.txt", ws.letter.encode("cp1252"))


def double_decoded(text: str, code_page: str) -> str:
    """UTF-8 read as ``code_page`` (undefined bytes passed through as C1), saved as UTF-8."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode(code_page))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


@generator
def mojibake_cp1252_c1(ws: Workspace) -> str:
    """Double-decoded through Windows-1252: ” becomes â€ + U+009D (C1 control)."""
    return ws.write("in.txt", double_decoded(ws.letter, "cp1252"))


@generator
def mojibake_cp437(ws: Workspace) -> str:
    return ws.write("in.txt", double_decoded(ws.letter, "cp437"))


@generator
def mojibake_lost_byte(ws: Workspace) -> str:
    """The closing quote's last byte (9D, undefined in CP1252) was dropped: 'â€' alone."""
    damaged = double_decoded(ws.letter, "cp1252").replace("\u009d", "")
    return ws.write("in.txt", damaged)


@generator
def lone_c1(ws: Workspace) -> str:
    return _with(ws, "\u0085")


@generator
def bidi_override(ws: Workspace) -> str:
    return _with(ws, "\u202e")


@generator
def private_use(ws: Workspace) -> str:
    return _with(ws, "\ue000")


@generator
def astral(ws: Workspace) -> str:
    return _with(ws, "\U0001F600")


@generator
def crlf(ws: Workspace) -> str:
    return ws.write("in.txt", ws.letter.replace("\n", "\r\n"))


@generator
def cr_only(ws: Workspace) -> str:
    return ws.write("in.txt", ws.letter.replace("\n", "\r"))


@generator
def empty_txt(ws: Workspace) -> str:
    return ws.write("in.txt", b"")


@generator
def whitespace_txt(ws: Workspace) -> str:
    return ws.write("in.txt", b"\n\n   \t\n")


@generator
def markup_in_txt(ws: Workspace) -> str:
    return _with(ws, '<script>alert(1)</script>&amp;]]><!--')


@generator
def only_header(ws: Workspace) -> str:
    return ws.transcription("in.txt", "")


@generator
def no_header(ws: Workspace) -> str:
    return ws.transcription("in.txt", _BODY, header=False)


@generator
def long_line(ws: Workspace) -> str:
    return ws.transcription("in.txt", "word " * 200_000 + "\n")


@generator
def many_brackets(ws: Workspace) -> str:
    return ws.transcription("in.txt", "[" * 2000 + "text" + "]" * 2000 + "\n")


@generator
def unbalanced_quotes(ws: Workspace) -> str:
    return ws.transcription("in.txt", "“" * 500 + " text " + "”" * 3 + "\n\n«»«\n")


@generator
def txt_directory(ws: Workspace) -> str:
    path = ws.root / "folder.txt"
    path.mkdir()
    return str(path)


@generator
def txt_fifo(ws: Workspace) -> str:
    path = ws.root / "pipe.txt"
    os.mkfifo(path)
    return str(path)


@generator
def odd_name_javascript(ws: Workspace) -> str:
    return ws.write("javascript:alert(1).txt", ws.letter)


@generator
def odd_name_spaces(ws: Workspace) -> str:
    return ws.write("a name with spaces & <angle>.txt", ws.letter)


@generator
def odd_name_dash(ws: Workspace) -> str:
    return ws.write("-rf.txt", ws.letter)


# ---------------------------------------------------------------- configs and registers


def _config(ws: Workspace, text: str) -> str:
    """A config beside a sources folder holding the good letter (for ``build``)."""
    ws.write("sources/good.txt", ws.letter)
    return ws.write("edition.toml", text)


@generator
def config_folder(ws: Workspace) -> str:
    (ws.root / "configdir").mkdir()
    return str(ws.root / "configdir")


@generator
def config_year_string(ws: Workspace) -> str:
    return _config(ws, '[texts.good]\nyear = "x"\n')


@generator
def config_year_float(ws: Workspace) -> str:
    return _config(ws, "[texts.good]\nyear = 1917.5\n")


@generator
def config_year_bool(ws: Workspace) -> str:
    return _config(ws, "[texts.good]\nyear = true\n")


@generator
def config_text_not_table(ws: Workspace) -> str:
    return _config(ws, "[texts]\ngood = 3\n")


@generator
def config_texts_not_table(ws: Workspace) -> str:
    return _config(ws, 'texts = "all"\n')


@generator
def config_edition_not_table(ws: Workspace) -> str:
    return _config(ws, "edition = [1, 2]\n")


@generator
def config_page_size(ws: Workspace) -> str:
    return _config(ws, '[edition]\npage_size = "Z9"\n')


@generator
def config_page_size_number(ws: Workspace) -> str:
    return _config(ws, "[edition]\npage_size = 4\n")


@generator
def config_formats_unknown(ws: Workspace) -> str:
    return _config(ws, '[edition]\nformats = ["html", "epub"]\n')


@generator
def config_formats_number(ws: Workspace) -> str:
    return _config(ws, "[edition]\nformats = 3\n")


@generator
def config_calendar(ws: Workspace) -> str:
    return _config(ws, '[texts.good]\ncalendar = "mayan"\n')


@generator
def config_editor_id(ws: Workspace) -> str:
    return _config(ws, '[texts.good]\neditor_id = "1 bad id"\n')


@generator
def config_language(ws: Workspace) -> str:
    return _config(ws, '[texts.good]\nlanguage = "english please"\n')


@generator
def config_publisher_table(ws: Workspace) -> str:
    return _config(ws, "[edition.publisher]\nname = 'x'\n")


@generator
def config_syntax(ws: Workspace) -> str:
    return _config(ws, "[edition\npublisher = \n")


@generator
def config_not_utf8(ws: Workspace) -> str:
    return ws.write("edition.toml", '[edition]\npublisher = "Éditions"\n'.encode("latin-1"))


@generator
def config_register_folder(ws: Workspace) -> str:
    (ws.root / "regdir").mkdir()
    return _config(ws, '[edition]\nregister = "regdir"\n')


@generator
def config_register_missing(ws: Workspace) -> str:
    return _config(ws, '[edition]\nregister = "no-such-register.xml"\n')


@generator
def config_register_xxe(ws: Workspace) -> str:
    register = (LETTER_REGISTER.read_text(encoding="utf-8")
                .replace("<TEI", f'<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "{ws.secret_url}">]>\n<TEI',
                         1))
    ws.write("bad-register.xml", register)
    return _config(ws, '[edition]\nregister = "bad-register.xml"\n')


@generator
def config_is_fifo(ws: Workspace) -> str:
    path = ws.root / "edition.toml"
    os.mkfifo(path)
    return str(path)


def _register(ws: Workspace, text: str) -> str:
    return ws.write("reg.xml", text)


@generator
def register_not_well_formed(ws: Workspace) -> str:
    return _register(ws, LETTER_REGISTER.read_text(encoding="utf-8").replace("</TEI>", ""))


@generator
def register_xxe(ws: Workspace) -> str:
    return _register(ws, LETTER_REGISTER.read_text(encoding="utf-8").replace(
        "<TEI", f'<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "{ws.secret_url}">]>\n<TEI', 1))


@generator
def register_dtd_http(ws: Workspace) -> str:
    return _register(ws, LETTER_REGISTER.read_text(encoding="utf-8").replace(
        "<TEI", f'<!DOCTYPE TEI SYSTEM "{ws.url}/register.dtd">\n<TEI', 1))


@generator
def register_dtd_entity_used(ws: Workspace) -> str:
    text = LETTER_REGISTER.read_text(encoding="utf-8").replace(
        "<TEI", f'<!DOCTYPE TEI SYSTEM "{(ws.root / "evil.dtd").as_uri()}">\n<TEI', 1)
    return _register(ws, text.replace("</note>", "&xxe;</note>", 1))


@generator
def register_xhtml(ws: Workspace) -> str:
    return _register(ws, '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>')


@generator
def register_empty(ws: Workspace) -> str:
    return _register(ws, "")


@generator
def register_binary(ws: Workspace) -> str:
    return _register(ws, bytes(range(256)))


# ---------------------------------------------------------------- schemas the user names


@generator
def xsd_remote_import(ws: Workspace) -> str:
    return ws.write("user.xsd", '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
                                f'<xs:import namespace="urn:x" schemaLocation="{ws.url}/x.xsd"/>'
                                '<xs:element name="TEI"/></xs:schema>')


@generator
def xsd_xxe(ws: Workspace) -> str:
    return ws.write("user.xsd", f'<!DOCTYPE x [<!ENTITY e SYSTEM "{ws.secret_url}">]>'
                                '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
                                '<xs:element name="TEI"><xs:annotation><xs:documentation>&e;'
                                '</xs:documentation></xs:annotation></xs:element></xs:schema>')


@generator
def rng_remote_include(ws: Workspace) -> str:
    return ws.write("user.rng", '<grammar xmlns="http://relaxng.org/ns/structure/1.0">'
                                f'<include href="{ws.url}/x.rng"/><start><element name="TEI">'
                                "<empty/></element></start></grammar>")


@generator
def rng_doctype(ws: Workspace) -> str:
    return ws.write("user.rng", f'<!DOCTYPE grammar SYSTEM "{ws.url}/rng.dtd">'
                                '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start>'
                                '<element name="TEI"><empty/></element></start></grammar>')


@generator
def sch_remote_doc(ws: Workspace) -> str:
    return ws.write("user.sch", '<schema xmlns="http://purl.oclc.org/dsdl/schematron" '
                                'queryBinding="xslt3"><pattern><rule context="/*">'
                                f"<assert test=\"unparsed-text-available('{ws.url}/s') or true()\""
                                ' id="x">x</assert>'
                                f"<report test=\"contains(unparsed-text('{ws.secret_url}'), 'T')\""
                                ' id="y">read a file</report></rule></pattern></schema>')


@generator
def sch_xxe(ws: Workspace) -> str:
    return ws.write("user.sch", f'<!DOCTYPE schema [<!ENTITY e SYSTEM "{ws.secret_url}">]>'
                                '<schema xmlns="http://purl.oclc.org/dsdl/schematron">'
                                '<pattern><rule context="/*"><assert test="true()">&e;</assert>'
                                "</rule></pattern></schema>")


# ---------------------------------------------------------------- fake FOPs


@generator
def fop_true(ws: Workspace) -> str:
    return "/bin/true"


@generator
def fop_false(ws: Workspace) -> str:
    return "/bin/false"


# a fake FOP writes a plausible area tree when asked for one (-at), so the PDF step is reached
_AREA_TREE = ('case " $* " in *" -at "*) printf \'<?xml version="1.0"?><areaTree/>\' > "$last"; '
              'exit 0;; esac\n')


@generator
def fop_garbage(ws: Workspace) -> str:
    """A 'FOP' that writes a file that is not a PDF where it is told to."""
    return _script(ws, 'for last; do :; done\n' + _AREA_TREE + 'printf "not a pdf" > "$last"\n')


@generator
def fop_truncated(ws: Workspace) -> str:
    """A 'FOP' that writes the start of a PDF and stops (killed halfway)."""
    return _script(ws, 'for last; do :; done\n' + _AREA_TREE
                   + 'printf "%%PDF-1.4\\n1 0 obj\\n" > "$last"\n')


@generator
def fop_missing(ws: Workspace) -> str:
    return str(ws.root / "no-fop-here")


def _script(ws: Workspace, body: str) -> str:
    path = ws.root / "fake-fop"
    path.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    path.chmod(0o755)
    return str(path)


def fixture_tei() -> Path:
    return FIXTURES / "tei" / "sample-edition.xml"


# ---------------------------------------------------------------- outputs and names


@generator
def tei_named_index(ws: Workspace) -> str:
    return ws.write("index.xml", ws.sample)


@generator
def tei_named_index_capital(ws: Workspace) -> str:
    return ws.write("Index.xml", ws.sample)


@generator
def tei_named_assets(ws: Workspace) -> str:
    return ws.write("assets.xml", ws.sample)


@generator
def tei_named_javascript(ws: Workspace) -> str:
    return ws.write("javascript:alert(1).xml", ws.sample)


@generator
def tei_named_query(ws: Workspace) -> str:
    return ws.write("a?b#c%41 d.xml", ws.sample)


@generator
def custom_site_assets(ws: Workspace) -> str:
    """A site whose assets/edition.css the editor wrote: teikit must keep it."""
    ws.write("site/assets/edition.css", "/* the editor's own */\n")
    return str(ws.root / "good.xml")


@generator
def custom_page_assets(ws: Workspace) -> str:
    ws.write("custom/assets/edition.css", "/* the editor's own */\n")
    return str(ws.root / "good.xml")
