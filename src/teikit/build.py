"""Build the edition: convert every source, validate the TEI, render the outputs.

    tei/sources/NAME.txt → tei/NAME.xml → (edition schema + rules + tei_all)
        → site/NAME.html + site/index.html → site/NAME.fo → site/NAME.pdf

Nothing is replaced before it is checked: the config is checked first, every text is converted
and validated in memory before any ``tei/NAME.xml`` is written, the site is rendered before
any page is written, and a PDF (with its FO) is replaced only by a complete one. A failed build
leaves every earlier output as it was.

The outputs are the config's ``formats`` (or ``--formats``): ``html``, ``fo``, ``pdf``. When
PDFs are wanted, FOP is made ready (a JVM started and warmed, see :mod:`teikit.render.fop`) in
the background while the sources are converted and validated, and that one FOP lays out every
book of the build.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from teikit.config import load_config
from teikit.convert import check_conversions, prepare_conversion
from teikit.errors import EditedTeiError, InputError, InvalidConversionError, InvalidEditionError
from teikit.fingerprint import may_replace
from teikit.render.fop import WarmingFop
from teikit.xmlio import write_bytes_atomically


def build_edition(config_path: Path, warn: Callable[[str], None] = lambda _: None,
                  force: bool = False,
                  formats: Sequence[str] | None = None) -> Iterator[str]:
    """Convert every ``*.txt`` in the config's sources folder, validate, render ``formats``
    (default: the config's); yield progress lines.

    A TEI file teikit may not replace (edited by hand, or not written by teikit: see
    :func:`teikit.fingerprint.may_replace`; ``force`` replaces it after a backup) is kept and
    reported; the other texts are built, then :class:`EditedTeiError` names the files kept."""
    from teikit.render.fo import check_page_size
    from teikit.render.html import check_page_name, page_name

    config = load_config(config_path)
    chosen = tuple(formats) if formats is not None else config.formats
    page_size = check_page_size(config.page_size)
    sources = sorted(p for p in config.sources_dir.glob("*.txt") if p.is_file())
    if not sources:
        missing = "" if config.sources_dir.is_dir() else " (the folder does not exist)"
        raise InputError(f"{config.sources_dir}: no *.txt sources to convert{missing}",
                         hint="set [edition] sources in the config")
    for source in sources:
        check_page_name(page_name(source))
    fop = WarmingFop() if "pdf" in chosen else None
    try:
        conversions = []
        for source in sources:
            output = config.output_dir / f"{source.stem}.xml"
            conversions.append(prepare_conversion(source, output, config=config,
                                                  config_path=config_path))
        try:
            lines = check_conversions(conversions, ("edition", "tei_all"))
        except InvalidConversionError as invalid:
            raise InvalidEditionError(invalid.message) from None
        for conversion in conversions:
            for message in conversion.warnings:
                warn(f"{conversion.transcription.name}: {message}")
        outputs, kept = [], []
        for source, conversion in zip(sources, conversions, strict=True):
            assert conversion.output is not None
            try:
                backup = may_replace(conversion.output, force)
            except EditedTeiError as refused:
                kept.append(conversion.output)
                yield f"kept {conversion.output}: {refused}"
                continue
            write_bytes_atomically(conversion.output, conversion.data, [source])
            if backup is not None:
                yield f"kept the replaced {conversion.output} as {backup}"
            outputs.append(conversion.output)
            yield f"converted {source} → {conversion.output}"
        yield from lines
        if not outputs:
            raise EditedTeiError(f"no TEI file rebuilt: {', '.join(map(str, kept))} kept",
                                 hint="see the messages above")

        yield from render_outputs(outputs, config.site_dir, page_size, warn,
                                  formats=chosen, fop=fop,
                                  html_stylesheet=config.html_stylesheet,
                                  fo_stylesheet=config.fo_stylesheet)
        if kept:
            raise EditedTeiError(f"{len(kept)} TEI file{'s' if len(kept) > 1 else ''} not "
                                 f"rebuilt: {', '.join(map(str, kept))}",
                                 hint="see the messages above")
    finally:
        if fop is not None:
            fop.wait()


def render_outputs(tei_files: list[Path], site_dir: Path, page_size: str,
                   warn: Callable[[str], None], *, formats: Sequence[str] = ("html", "fo", "pdf"),
                   fop: WarmingFop | None = None, html_stylesheet: Path | None = None,
                   fo_stylesheet: Path | None = None) -> Iterator[str]:
    """The reading edition (one page per text and an index) and the print edition (FO, PDF),
    each with the project's stylesheet when the config names one; only ``formats``.

    Without Apache FOP the FO is still written and the missing PDF is a warning."""
    from teikit.errors import ToolMissingError
    from teikit.render.fo import render_fo
    from teikit.render.html import render_site
    from teikit.render.pdf import render_pdf_report

    site_dir.mkdir(parents=True, exist_ok=True)
    if "html" in formats:
        for page in render_site(tei_files, site_dir, warn, stylesheet=html_stylesheet):
            yield f"wrote {page}"
    if "pdf" not in formats:
        if "fo" in formats:
            for tei in tei_files:
                fo = render_fo(tei, site_dir / f"{tei.stem}.fo", page_size,
                               stylesheet=fo_stylesheet)
                yield f"wrote {fo}"
        return
    fop = fop or WarmingFop()
    for tei in tei_files:
        pdf = site_dir / f"{tei.stem}.pdf"
        try:
            render_pdf_report(tei, pdf, page_size, session=fop.session(),
                              stylesheet=fo_stylesheet)
            yield f"wrote {pdf.with_suffix('.fo')} and {pdf}"
        except ToolMissingError as missing:
            fo = render_fo(tei, pdf.with_suffix(".fo"), page_size, stylesheet=fo_stylesheet)
            warn(f"{tei.name}: no PDF: {missing}")
            yield f"wrote {fo}"
