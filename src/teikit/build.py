"""Build the edition: convert every source, validate the TEI, render the outputs.

    tei/sources/NAME.txt → tei/NAME.xml → (edition schema + rules + tei_all)
        → site/NAME.html + site/index.html → site/NAME.fo → site/NAME.pdf

Nothing is replaced before it is checked: the config is checked first, every text is converted
and validated in memory before any ``tei/NAME.xml`` is written, the site is rendered before
any page is written, and a PDF (with its FO) is replaced only by a complete one. A failed build
leaves every earlier output as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from teikit.config import load_config
from teikit.convert import check_conversions, prepare_conversion
from teikit.errors import InputError, InvalidConversionError, InvalidEditionError
from teikit.xmlio import write_bytes_atomically


def build_edition(config_path: Path, warn: Callable[[str], None] = lambda _: None
                  ) -> Iterator[str]:
    """Convert every ``*.txt`` in the config's sources folder, validate; yield progress lines."""
    from teikit.render.fo import check_page_size
    from teikit.render.html import check_page_name, page_name

    config = load_config(config_path)
    page_size = check_page_size(config.page_size)
    sources = sorted(p for p in config.sources_dir.glob("*.txt") if p.is_file())
    if not sources:
        missing = "" if config.sources_dir.is_dir() else " (the folder does not exist)"
        raise InputError(f"{config.sources_dir}: no *.txt sources to convert{missing}",
                         hint="set [edition] sources in the config")
    for source in sources:
        check_page_name(page_name(source))
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
    outputs = []
    for source, conversion in zip(sources, conversions, strict=True):
        assert conversion.output is not None
        write_bytes_atomically(conversion.output, conversion.data, [source])
        outputs.append(conversion.output)
        yield f"converted {source} → {conversion.output}"
    yield from lines

    yield from render_outputs(outputs, config.site_dir, page_size, warn,
                              html_stylesheet=config.html_stylesheet,
                              fo_stylesheet=config.fo_stylesheet)


def render_outputs(tei_files: list[Path], site_dir: Path, page_size: str,
                   warn: Callable[[str], None], *, html_stylesheet: Path | None = None,
                   fo_stylesheet: Path | None = None) -> Iterator[str]:
    """The reading edition (one page per text and an index) and the print edition (FO, PDF),
    each with the project's stylesheet when the config names one.

    Without Apache FOP the FO is still written and the missing PDF is a warning."""
    from teikit.errors import ToolMissingError
    from teikit.render.fo import render_fo
    from teikit.render.html import render_site
    from teikit.render.pdf import render_pdf

    site_dir.mkdir(parents=True, exist_ok=True)
    for page in render_site(tei_files, site_dir, warn, stylesheet=html_stylesheet):
        yield f"wrote {page}"
    for tei in tei_files:
        pdf = site_dir / f"{tei.stem}.pdf"
        try:
            render_pdf(tei, pdf, page_size, stylesheet=fo_stylesheet)
            yield f"wrote {pdf.with_suffix('.fo')} and {pdf}"
        except ToolMissingError as missing:
            fo = render_fo(tei, pdf.with_suffix(".fo"), page_size, stylesheet=fo_stylesheet)
            warn(f"{tei.name}: no PDF: {missing}")
            yield f"wrote {fo}"
