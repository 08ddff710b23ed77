"""Build the edition: convert every source, validate the TEI, render the outputs.

    tei/sources/NAME.txt → tei/NAME.xml → (edition schema + rules + tei_all)
        → site/NAME.html + site/index.html → site/NAME.fo → site/NAME.pdf

The outputs are the config's ``formats`` (or ``--formats``): ``html``, ``fo``, ``pdf``. When
PDFs are wanted, FOP is made ready (a JVM started and warmed, see :mod:`teikit.render.fop`) in
the background while the sources are converted and validated, and that one FOP lays out every
book of the build.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from teikit.config import load_config
from teikit.convert import convert_file
from teikit.errors import InputError, InvalidEditionError
from teikit.render.fop import WarmingFop


def build_edition(config_path: Path, warn: Callable[[str], None] = lambda _: None,
                  formats: Sequence[str] | None = None) -> Iterator[str]:
    """Convert every ``*.txt`` in the config's sources folder, validate, render ``formats``
    (default: the config's); yield progress lines."""
    from teikit.validate import check_files

    config = load_config(config_path)
    chosen = tuple(formats) if formats is not None else config.formats
    sources = sorted(config.sources_dir.glob("*.txt"))
    if not sources:
        raise InputError(f"{config.sources_dir}: no *.txt sources to convert")
    fop = WarmingFop() if "pdf" in chosen else None
    try:
        outputs = []
        for source in sources:
            output = config.output_dir / f"{source.stem}.xml"
            result = convert_file(source, output, config_path=config_path)
            for message in result.warnings:
                warn(f"{source.name}: {message}")
            outputs.append(output)
            yield f"converted {source} → {output}"

        report = check_files(outputs, ["edition", "tei_all"])
        for problem in report.problems:
            yield str(problem)
        yield report.summary()
        if report.exit_code:
            raise InvalidEditionError("the generated TEI is not valid; see the problems above")

        yield from render_outputs(outputs, config.site_dir, config.page_size, warn,
                                  formats=chosen, fop=fop,
                                  html_stylesheet=config.html_stylesheet,
                                  fo_stylesheet=config.fo_stylesheet)
    finally:
        if fop is not None:
            fop.wait()


def render_outputs(tei_files: list[Path], site_dir: Path, page_size: str,
                   warn: Callable[[str], None], *, formats: Sequence[str] = ("html", "fo", "pdf"),
                   fop: WarmingFop | None = None, html_stylesheet: Path | None = None,
                   fo_stylesheet: Path | None = None) -> Iterator[str]:
    """The reading edition (one page per text and an index) and the print edition (FO, PDF),
    each with the project's stylesheet when the config names one.

    Without Apache FOP the FO is still written and the missing PDF is a warning."""
    from teikit.errors import ToolMissingError
    from teikit.render.fo import render_fo
    from teikit.render.html import render_site
    from teikit.render.pdf import render_pdf_report

    site_dir.mkdir(parents=True, exist_ok=True)
    if "html" in formats:
        for page in render_site(tei_files, site_dir, stylesheet=html_stylesheet):
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
