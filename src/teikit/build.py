"""Build the edition: convert every source, validate the TEI, render the outputs.

    tei/sources/NAME.txt → tei/NAME.xml → (edition schema + rules + tei_all)
        → site/NAME.html + site/index.html → site/NAME.fo → site/NAME.pdf
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from teikit.config import load_config
from teikit.convert import convert_file
from teikit.errors import InputError, InvalidEditionError


def build_edition(config_path: Path, warn: Callable[[str], None] = lambda _: None
                  ) -> Iterator[str]:
    """Convert every ``*.txt`` in the config's sources folder, validate; yield progress lines."""
    from teikit.validate import check_files

    config = load_config(config_path)
    sources = sorted(config.sources_dir.glob("*.txt"))
    if not sources:
        raise InputError(f"{config.sources_dir}: no *.txt sources to convert")
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
    for page in render_site(tei_files, site_dir, stylesheet=html_stylesheet):
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
