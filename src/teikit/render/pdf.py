"""XSL-FO → PDF with Apache FOP: a JVM kept warm in this process, or the ``fop`` command.

FOP is configured by ``xslt/fop/fop.xconf`` (Unicode TrueType fonts, embedded). Its messages are
read back: errors, unresolved references and characters missing from the fonts (which FOP would
print as "#") fail the run with a one-line message; other warnings are returned to the caller.
Which FOP runs is :func:`teikit.render.fop.fop_session`'s choice.

The index needs the page of every mention of a name, which only FOP knows. When the FO has an
index, :func:`render_pdf` generates the FO once citing every mention, lays it out, reads the page
of each mention from that layout, keeps in the index only the first mention of a name on each
page (``xslt/fo/index-pages.xsl``) and lays out that final FO. The pages found are remembered
(see :mod:`teikit.render.index_cache`): when the same book is built again, the final FO is laid
out first, its own layout confirms the pages, and one layout is enough.

Nothing is replaced before it is checked: every layout FOP returns must be a whole PDF (or area
tree), and the PDF and its FO are written only when the final PDF is, so a failed run leaves
both as they were.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teikit.errors import FopError, OutputError
from teikit.render.fo import FO_NAMESPACE, MENTION_ID, check_page_size, fo_string
from teikit.render.fop import (
    FAST_JVM,
    FOP_ENV,
    FOP_TIMEOUT_SECONDS,
    INSTALL_HINT,
    FopRun,
    FopSession,
    OutputFormat,
    area_tree_pages,
    find_fop,
    fop_session,
    output_format_of,
)
from teikit.resources import xslt_path
from teikit.xmlio import check_not_an_input, write_bytes_atomically, write_text_atomically

__all__ = [
    "FAST_JVM",
    "FOP_ENV",
    "FOP_TIMEOUT_SECONDS",
    "INSTALL_HINT",
    "FopError",
    "FopReport",
    "LaidOut",
    "PdfResult",
    "PrintPlan",
    "check_pdf",
    "classify_fop_output",
    "find_fop",
    "first_mention_per_page",
    "fop_config",
    "mention_pages",
    "plan_pdf",
    "render_pdf",
    "render_pdf_report",
    "run_fop",
]

# commons-logging ("[WARN] FOUserAgent - …") and java.util.logging ("SEVERE: …") lines
_LEVEL = re.compile(r"^(?:\[(SEVERE|FATAL|ERROR|WARN|WARNING)\]\s+(?:[\w.$]+\s+-\s+)?"
                    r"|(SEVERE|FATAL|ERROR|WARNING):\s+)(.*)$")
_MISSING_GLYPH = re.compile(r"Glyph .* not available in font", re.IGNORECASE)
_UNRESOLVED = re.compile(r"Unresolved ID reference", re.IGNORECASE)
# Lines the Debian start script prints about the JVM, not FOP's own messages.
_LAUNCHER_NOISE = re.compile(r"^\[warning\] \S*fop: JVM flavor", re.IGNORECASE)


@dataclass(frozen=True)
class FopReport:
    """What FOP said, sorted into errors, missing glyphs and other warnings."""

    errors: list[str] = field(default_factory=list)
    missing_glyphs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def fop_config() -> Path:
    """The FOP configuration kept with the stylesheets."""
    return xslt_path("fop/fop.xconf")


def classify_fop_output(output: str) -> FopReport:
    """Sort FOP's log lines. Stack-trace lines and the launcher's JVM notice are dropped."""
    report = FopReport()
    for raw in output.splitlines():
        line = raw.strip()
        if not line or _LAUNCHER_NOISE.match(line):
            continue
        match = _LEVEL.match(line)
        if match is None:
            continue
        level = match.group(1) or match.group(2)
        message = _condense(match.group(3))
        if level in ("SEVERE", "FATAL", "ERROR"):
            report.errors.append(message)
        elif _MISSING_GLYPH.search(message):
            report.missing_glyphs.append(message)
        elif _UNRESOLVED.search(message):
            report.errors.append(message)
        else:
            report.warnings.append(message)
    return report


def _condense(message: str) -> str:
    """FOP wraps the useful part of an error in exception names; keep the last, most specific."""
    parts = re.split(r"(?:[\w.]+(?:Exception|Error)): ", message)
    core = parts[-1].strip() if parts[-1].strip() else message
    core = re.sub(r"\s*\(See position [^)]*\)\s*>?$", "", core).rstrip(">").strip()
    return core[:400]


def _last_words(output: str) -> str | None:
    """The last line of a failed run that is not a stack frame or the launcher's notice."""
    lines = [line.strip() for line in output.splitlines() if line.strip()
             and not line.strip().startswith("at ") and not _LAUNCHER_NOISE.match(line.strip())]
    return _condense(lines[-1]) if lines else None


def check_pdf(path: Path, name: str) -> None:
    """FOP's output is a whole PDF: the ``%PDF-`` header and an ``%%EOF`` at the end."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FopError(f"{name}: FOP's output cannot be read: {error.strerror}") from None
    check_pdf_bytes(data, name)


def check_pdf_bytes(data: bytes, name: str) -> None:
    """As :func:`check_pdf`, for the PDF in memory."""
    if not data:
        raise FopError(f"{name}: FOP wrote nothing (is it really Apache FOP?)")
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise FopError(f"{name}: FOP's output is not a complete PDF")


def check_area_tree_bytes(data: bytes, name: str) -> None:
    """FOP's output is an XML area tree."""
    head = data[:4096].lstrip()
    if not head.startswith(b"<?xml") or b"<areaTree" not in head:
        raise FopError(f"{name}: FOP wrote no area tree (is it really Apache FOP?)")


def check_fop_run(run: FopRun, name: str, allow_missing_glyphs: bool = False,
                  output_format: OutputFormat | None = None) -> FopReport:
    """FOP's report on a layout; raises :class:`FopError` when the layout failed or, when
    ``output_format`` is given, when its output is not a whole PDF (area tree)."""
    report = classify_fop_output(run.log)
    problems = list(report.errors)
    if not allow_missing_glyphs:
        problems += report.missing_glyphs
    if run.returncode != 0 and not problems:
        problems.append(_last_words(run.log) or f"FOP exited with status {run.returncode}")
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise FopError(f"{name}: FOP: {problems[0]}{more}")
    if output_format == "pdf":
        check_pdf_bytes(run.output, name)
    elif output_format == "at":
        check_area_tree_bytes(run.output, name)
    return report


def run_fop(fo: Path, out: Path, *, output_format: str = "pdf", fop: str | None = None,
            allow_missing_glyphs: bool = False, name: str | None = None,
            session: FopSession | None = None) -> FopReport:
    """Render ``fo`` with FOP into ``out`` (``pdf`` or the XML area tree ``at``), atomically.

    Raises :class:`FopError` when FOP fails, reports an error or an unresolved reference, or (unless
    ``allow_missing_glyphs``) a character none of the configured fonts can print, or when its
    output is not a complete PDF (area tree). ``out`` is replaced only by a checked result.
    Messages start with ``name`` (default: the FO file).
    """
    layout_format = output_format_of(output_format)
    name = name or str(fo)
    session = session or fop_session(fop)
    out = Path(out)
    check_not_an_input(out, [fo])
    directory = out.parent if str(out.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"{out}: directory {directory} does not exist",
                          hint="create it first or choose another path")
    try:
        data = Path(fo).read_bytes()
    except OSError as error:
        raise OutputError(f"{fo}: cannot be read: {error.strerror}") from None
    run = session.layout(data, layout_format)
    report = check_fop_run(run, name, allow_missing_glyphs, layout_format)
    write_bytes_atomically(out, run.output, inputs=[Path(fo)])
    return report


def mention_pages(area_tree: Path) -> dict[str, int]:
    """The physical page (1-based) on which each index mention ``ix.K.N`` first appears."""
    pages = area_tree_pages(Path(area_tree).read_bytes())
    return {key: page for key, page in pages.items() if MENTION_ID.match(key)}


def first_mention_per_page(pages: dict[str, int]) -> list[str]:
    """For every indexed entity, the first of its mentions on each page it appears on."""
    chosen: dict[tuple[int, int], tuple[int, str]] = {}
    for identifier, page in pages.items():
        match = MENTION_ID.match(identifier)
        assert match is not None
        entity, number = int(match.group(1)), int(match.group(2))
        key = (entity, page)
        if key not in chosen or number < chosen[key][0]:
            chosen[key] = (number, identifier)
    return [identifier for _, identifier in sorted(chosen.values())]


def mention_ids(fo: str) -> list[str]:
    """The ids ``ix.K.N`` of the indexed mentions in an FO document."""
    root = etree.fromstring(fo.encode("utf-8"), etree.XMLParser(resolve_entities=False,
                                                                 no_network=True, huge_tree=True))
    return [value for value in root.xpath("//@id", smart_strings=False)
            if MENTION_ID.match(str(value))]


def cite_pages(fo: str, cited: list[str]) -> str:
    """The FO whose index cites only ``cited`` (``xslt/fo/index-pages.xsl``)."""
    from teikit.render import transform_to_string

    ordered = sorted(set(cited), key=_mention_order)
    return transform_to_string(INDEX_PAGES, fo.encode("utf-8"), cited=" ".join(ordered))


def _mention_order(mention_id: str) -> tuple[int, int]:
    match = MENTION_ID.match(mention_id)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


INDEX_PAGES = "fo/index-pages.xsl"


@dataclass(frozen=True)
class PdfResult:
    pdf: Path
    fo: Path
    warnings: list[str]
    layouts: int = 1


def warm_up_fo() -> bytes:
    """Two short page sequences in the edition's fonts with what a book uses (running heads from
    markers, footnotes, lists, a table, links and page citations, two columns): enough for FOP
    to load and compile the classes a real book needs before the first one comes."""
    fo = f"{{{FO_NAMESPACE}}}"

    def element(parent: etree._Element, name: str, text: str | None = None,
                **attributes: str) -> etree._Element:
        names = {key.replace("_", "-"): value for key, value in attributes.items()}
        child = etree.SubElement(parent, f"{fo}{name}", names)
        child.text = text
        return child

    root = etree.Element(f"{fo}root", nsmap={"fo": FO_NAMESPACE},
                         attrib={"font-family": "DejaVu Serif Condensed", "font-size": "9.5pt",
                                 "language": "en", "hyphenate": "true"})
    masters = element(root, "layout-master-set")
    for name, columns in (("page", "1"), ("index", "2")):
        master = element(masters, "simple-page-master", master_name=name, page_width="148mm",
                         page_height="210mm", margin="12mm")
        element(master, "region-body", margin_top="10mm", column_count=columns,
                column_gap="6mm")
        element(master, "region-before", region_name="head", extent="10mm")
    words = "Year One of the Russian Revolution, the Soviets and the Party. " * 12
    sequence = element(root, "page-sequence", master_reference="page")
    head = element(element(sequence, "static-content", flow_name="head"), "block",
                   text_align_last="justify", font_style="italic")
    element(head, "retrieve-marker", retrieve_class_name="section")
    element(head, "leader")
    element(head, "page-number")
    flow = element(sequence, "flow", flow_name="xsl-region-body")
    section = element(flow, "block", id="warm-up")
    element(section, "marker", "Year One", marker_class_name="section")
    element(section, "block", "Year One", font_weight="bold", font_size="11pt").set(
        "keep-with-next.within-page", "always")
    for style in ("normal", "italic"):
        block = element(section, "block", words, font_style=style, text_align="justify",
                        text_indent="1.2em")
        note = element(block, "footnote")
        element(note, "inline", "1", baseline_shift="super", font_size="65%")
        element(element(note, "footnote-body"), "block", words[:120], font_size="7.5pt")
        element(block, "basic-link", "page ", internal_destination="warm-up")
        element(block, "page-number-citation", ref_id="warm-up")
    items = element(section, "list-block", provisional_distance_between_starts="6mm")
    for number in ("1.", "2."):
        item = element(items, "list-item")
        element(element(item, "list-item-label", end_indent="label-end()"), "block", number)
        element(element(item, "list-item-body", start_indent="body-start()"), "block",
                words[:200])
    table = element(section, "table", table_layout="fixed", width="100%")
    element(table, "table-column", column_width="proportional-column-width(1)")
    element(table, "table-column", column_width="proportional-column-width(2)")
    row = element(element(table, "table-body"), "table-row")
    for cell in ("Petrograd", words[:100]):
        element(element(row, "table-cell", padding="1pt"), "block", cell)
    index = element(root, "page-sequence", master_reference="index")
    index_flow = element(index, "flow", flow_name="xsl-region-body")
    for entry in range(40):
        line = element(index_flow, "block", f"Entry {entry}  ", start_indent="3mm",
                       text_indent="-3mm")
        element(element(line, "basic-link", internal_destination="warm-up"),
                "page-number-citation", ref_id="warm-up")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def render_pdf(tei: Path, out: Path, page_size: str = "A5", *, fop: str | None = None,
               allow_missing_glyphs: bool = False, stylesheet: Path | None = None) -> Path:
    """Render ``tei`` to the PDF ``out``; the final XSL-FO is kept beside it as ``out.fo``."""
    return render_pdf_report(tei, out, page_size, fop=fop,
                             allow_missing_glyphs=allow_missing_glyphs, stylesheet=stylesheet).pdf


def render_pdf_report(tei: Path, out: Path, page_size: str = "A5", *, fop: str | None = None,
                      allow_missing_glyphs: bool = False, exact_index: bool = True,
                      session: FopSession | None = None, remember: bool = True,
                      stylesheet: Path | None = None) -> PdfResult:
    """As :func:`render_pdf`, also returning FOP's remaining warnings.

    ``exact_index=False`` skips finding the pages of the mentions: one layout, and an index
    that cites the first mention of a name in each paragraph (it may print a page twice).
    ``session``: the FOP to use (default :func:`teikit.render.fop.fop_session`); ``remember``:
    keep the pages found for the next build of the same book. ``stylesheet``: a project
    stylesheet that imports teikit's FO stylesheet.
    """
    session = session or fop_session(fop)  # fails early, before any work, when FOP is missing
    plan = plan_pdf(tei, out, page_size, allow_missing_glyphs=allow_missing_glyphs,
                    exact_index=exact_index, remember=remember, stylesheet=stylesheet)
    return plan.lay_out(session)


@dataclass(frozen=True)
class PrintPlan:
    """A book's FO, made and ready for FOP (:func:`plan_pdf`): :meth:`lay_out` needs no more of
    Python than FOP's own calls and, without remembered pages, one index transform, so a
    caller can lay it out in a thread of its own while it makes the reading page."""

    tei: Path
    out: Path
    fo_path: Path
    fo: str
    mentions: list[str]
    exact_index: bool
    allow_missing_glyphs: bool
    key: str | None = None
    remembered: list[str] | None = None
    remembered_fo: str | None = None   # the FO citing the ``remembered`` pages

    def lay_out(self, session: FopSession) -> PdfResult:
        """The PDF laid out by ``session``, checked, and written with its FO."""
        return self.laid_out(session).write()

    def laid_out(self, session: FopSession) -> LaidOut:
        """The PDF laid out by ``session`` and checked, not yet written."""
        from teikit.render import index_cache

        name, strict = str(self.fo_path), self.allow_missing_glyphs
        if not self.exact_index or not self.mentions:
            run = session.layout(self.fo.encode("utf-8"), "pdf")
            return LaidOut(self, self.fo, run, check_fop_run(run, name, strict, "pdf"), 1)
        if self.remembered is not None and self.remembered_fo is not None and \
                isinstance(session, _pages_with_pdf()):
            text = self.remembered_fo
            run = session.layout(text.encode("utf-8"), "pdf", page_ids=self.mentions)
            report = check_fop_run(run, name, strict, "pdf")
            if set(first_mention_per_page(run.pages)) == set(self.remembered):
                return LaidOut(self, text, run, report, 1)
        layout = session.layout(self.fo.encode("utf-8"), "at", page_ids=self.mentions)
        check_fop_run(layout, f"{self.tei} (index layout)", strict, "at")
        cited = first_mention_per_page(layout.pages)
        if self.key:
            index_cache.write(self.key, cited)
        text = cite_pages(self.fo, cited)
        run = session.layout(text.encode("utf-8"), "pdf")
        return LaidOut(self, text, run, check_fop_run(run, name, strict, "pdf"), 2)


@dataclass(frozen=True)
class LaidOut:
    """A checked PDF and the final FO it was laid out from, for :meth:`write`."""

    plan: PrintPlan
    fo: str
    run: FopRun
    report: FopReport
    layouts: int

    def write(self) -> PdfResult:
        """Write the PDF and then its FO (a failure keeps both as they were)."""
        plan = self.plan
        write_bytes_atomically(plan.out, self.run.output, inputs=[plan.tei])
        write_text_atomically(plan.fo_path, self.fo, inputs=[plan.tei])
        return PdfResult(pdf=plan.out, fo=plan.fo_path,
                         warnings=self.report.warnings + self.report.missing_glyphs,
                         layouts=self.layouts)


def plan_pdf(tei: Path, out: Path, page_size: str = "A5", *, allow_missing_glyphs: bool = False,
             exact_index: bool = True, remember: bool = True, stylesheet: Path | None = None,
             data: bytes | None = None) -> PrintPlan:
    """The FO of ``tei`` for the PDF ``out`` (kept beside it as ``out.fo``), with the index's
    pages remembered from an earlier build of the same book, if any (the options are
    :func:`render_pdf_report`'s). ``data``: the TEI ``tei`` will hold, made in memory and not
    written yet (the PDF is written only when asked, :meth:`LaidOut.write`)."""
    from teikit.render import index_cache

    page_size = check_page_size(page_size)
    out = Path(out)
    fo_path = out.with_suffix(".fo")
    check_not_an_input(out, [tei])
    check_not_an_input(fo_path, [tei])
    if out.resolve() == fo_path.resolve():
        raise OutputError(f"{out}: the PDF and its FO would be the same file",
                          hint="give the PDF a .pdf name")
    source = tei if data is None else data
    if not exact_index:
        return PrintPlan(tei, out, fo_path, fo_string(source, page_size, stylesheet=stylesheet),
                         [], False, allow_missing_glyphs)
    draft = fo_string(source, page_size, cite_all=True, stylesheet=stylesheet)
    mentions = mention_ids(draft)
    key = index_cache.key(draft) if remember and mentions else None
    remembered = index_cache.read(key) if key else None
    return PrintPlan(tei, out, fo_path, draft, mentions, True, allow_missing_glyphs, key,
                     remembered, cite_pages(draft, remembered) if remembered is not None else None)


def _pages_with_pdf() -> type:
    from teikit.render.fop import JvmFop

    return JvmFop
