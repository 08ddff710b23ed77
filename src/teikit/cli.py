"""The ``teikit`` command line: thin wrappers over the library, one command per feature."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import click

from teikit.errors import TeikitError

F = TypeVar("F", bound=Callable[..., Any])
Decorator = Callable[[F], F]


class TeikitGroup(click.Group):
    """The command group that reports every :class:`TeikitError` of every command the same
    way (bad input is the user's to fix: no traceback)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TeikitError as error:
            click.echo(f"teikit: error: {error}", err=True)
            ctx.exit(error.exit_code)


# ---- options several commands share -------------------------------------------------------------

def output_option(help: str, **kwargs: Any) -> Decorator[Any]:
    return click.option("-o", "--output", type=click.Path(path_type=Path), help=help, **kwargs)


def config_option(help: str, **kwargs: Any) -> Decorator[Any]:
    return click.option("--config", type=click.Path(path_type=Path), help=help, **kwargs)


def register_option() -> Decorator[Any]:
    return click.option("--register", type=click.Path(path_type=Path),
                        help="TEI register of people, organisations, places (overrides the "
                             "config).")


def encoding_option(
        help: str = "Decode the source with this codec instead of detecting it.",
) -> Decorator[Any]:
    return click.option("--encoding", help=help)


def files_argument() -> Decorator[Any]:
    return click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))


def page_size_option() -> Decorator[Any]:
    return click.option("--page-size", type=click.Choice(["A5", "A4"], case_sensitive=False),
                        default="A5", show_default=True, help="Page size of the printed book.")


def formats_option() -> Decorator[Any]:
    return click.option("--formats", metavar="LIST",
                        help="What to render, comma-separated: html, fo, pdf (default: the "
                             "config's formats, else all; pdf keeps its .fo).")


force_option = click.option(
    "--force", is_flag=True,
    help="Overwrite TEI files edited by hand or not written by teikit, keeping each as "
         "NAME.xml.bak first.")


def warn(message: str) -> None:
    click.echo(f"teikit: warning: {message}", err=True)


@click.group(cls=TeikitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="teikit")
def main() -> None:
    """Plain-text transcriptions to TEI P5 editions: convert, validate, render."""
    exit_on_signals()


def exit_on_signals() -> None:
    """SIGTERM and SIGHUP end the run like Ctrl-C: cleanly, so that temporary files are removed
    and no output is left half-written."""
    import signal

    def stop(number: int, _frame: object) -> None:
        raise SystemExit(128 + number)

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            try:
                signal.signal(number, stop)
            except ValueError:  # not the main thread (e.g. inside a test runner's worker)
                return


@main.command()
@click.argument("source", type=click.Path(path_type=Path))
@output_option("Where to write the TEI (default: SOURCE with .xml).")
@config_option("Edition config (default: edition.toml next to the source's tei/ folder).")
@register_option()
@encoding_option()
@click.option("--corrections", type=click.Path(path_type=Path),
              help="Corrections file (default: corrections/NAME.toml next to the config).")
@force_option
def convert(source: Path, output: Path | None, config: Path | None, register: Path | None,
            encoding: str | None, corrections: Path | None, force: bool) -> None:
    """Convert a plain-text transcription SOURCE into TEI P5."""
    from teikit.convert import convert_file

    result = convert_file(source, output, config_path=config, register_path=register,
                          encoding=encoding, corrections_path=corrections, force=force)
    for message in result.warnings:
        warn(message)
    if result.backup is not None:
        click.echo(f"kept the replaced file as {result.backup}")
    click.echo(f"wrote {result.output}")


@main.group()
def export() -> None:
    """Export a TEI file to other formats."""


@export.command("text")
@click.argument("file", type=click.Path(path_type=Path))
@output_option("Write here instead of stdout.")
@click.option("--reading", type=click.Choice(["original", "corrected"]), default="original",
              show_default=True,
              help="original: the transcription as it was (repairs undone); "
                   "corrected: with repairs.")
def export_text(file: Path, output: Path | None, reading: str) -> None:
    """Read a TEI FILE back to a plain-text transcription."""
    from teikit.convert import read_back_file

    _print_or_write(read_back_file(file, corrected=reading == "corrected"), output, [file])


def _print_or_write(text: str, output: Path | None, inputs: list[Path]) -> None:
    """Print ``text`` on stdout, or write it to ``output`` (atomically) and say so."""
    from teikit.xmlio import write_text_atomically

    if output is None:
        click.echo(text, nl=False)
    else:
        click.echo(f"wrote {write_text_atomically(output, text, inputs=inputs)}")


def _echo_written(paths: Iterable[Path]) -> None:
    for path in paths:
        click.echo(f"wrote {path}")


def _output_folder(output: Path | None) -> Path:
    folder = output or Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@export.command("dc")
@files_argument()
@output_option("Folder for NAME.dc.xml (default: the current folder).")
def export_dc(files: tuple[Path, ...], output: Path | None) -> None:
    """Dublin Core (oai_dc) records of TEI FILES, as OAI-PMH repositories harvest them."""
    from teikit.export import write_dublin_core

    _echo_written(write_dublin_core(files, _output_folder(output)))


@export.command("datacite")
@files_argument()
@output_option("Folder for NAME.datacite.json (default: the current folder).")
def export_datacite(files: tuple[Path, ...], output: Path | None) -> None:
    """DataCite metadata (JSON, schema 4.5) of TEI FILES, for a DOI or a repository deposit."""
    from teikit.export import write_datacite

    _echo_written(write_datacite(files, _output_folder(output)))


@export.command("register")
@files_argument()
@output_option("Folder for register.xml, .csv and .json (default: the current folder).")
@click.option("--title", default="Register of the edition", show_default=True)
def export_register(files: tuple[Path, ...], output: Path | None, title: str) -> None:
    """The entries TEI FILES mention, as a standalone TEI register, CSV and JSON."""
    from teikit.export import write_register_files

    _echo_written(write_register_files(list(files), _output_folder(output), title))


@export.command("json")
@click.argument("file", type=click.Path(path_type=Path))
@output_option("Write here instead of stdout.")
def export_json(file: Path, output: Path | None) -> None:
    """A TEI FILE's text, paragraph by paragraph, with its names and dates as offsets."""
    from teikit.export.text_json import text_json_string
    from teikit.xmlio import parse_xml_file

    _print_or_write(text_json_string(parse_xml_file(file), file.stem), output, [file])


@export.command("ceteicean")
@output_option("Write here instead of stdout.")
def export_ceteicean(output: Path | None) -> None:
    """CETEIcean behaviours (JSON) that show teikit's marks, brackets and name links."""
    from teikit.export.ceteicean import behaviors_json

    _print_or_write(behaviors_json(), output, [])


@export.command("cmif")
@files_argument()
@output_option("The CMIF file to write.", required=True)
@click.option("--base-url", required=True,
              help="Where the edition's pages are published (each letter's URL is under it).")
@click.option("--file-url", help="Where this CMIF file will be published "
                                 "(default: BASE-URL/OUTPUT's name).")
@click.option("--title", default="Letters of the edition", show_default=True)
@click.option("--publisher", default="", help="Who publishes the edition.")
def export_cmif(files: tuple[Path, ...], output: Path, base_url: str, file_url: str | None,
                title: str, publisher: str) -> None:
    """CMIF (Correspondence Metadata Interchange Format) of the letters among TEI FILES."""
    from lxml import etree

    from teikit.export.cmif import cmif
    from teikit.xmlio import write_bytes_atomically

    result = cmif(files, title=title, publisher=publisher, base_url=base_url,
                  file_url=file_url or f"{base_url.rstrip('/')}/{output.name}")
    for line in result.missing:
        warn(line)
    data = etree.tostring(result.tree, xml_declaration=True, encoding="UTF-8")
    write_bytes_atomically(output, data, inputs=files)
    click.echo(f"wrote {output} ({result.letters} letters)")


@export.command("package")
@config_option("Edition config naming the sources (built with `build`).",
               default=Path("tei/edition.toml"), show_default=True)
@output_option("The bag's folder (must not exist yet).", required=True)
@click.option("--title", help="The edition's title (default: the config's, else the folder's).")
def export_package(config: Path, output: Path, title: str | None) -> None:
    """A BagIt bag of the edition: TEI, schemas, register, metadata and the built site."""
    from teikit.config import load_config
    from teikit.export import edition_tei_files
    from teikit.export.package import write_package

    edition = load_config(config)
    package = write_package(
        edition_tei_files(config), output,
        title=title or str(edition.edition.get("title", config.resolve().parent.parent.name)),
        publisher=str(edition.edition.get("publisher", "")), site_dir=edition.site_dir)
    click.echo(f"wrote {package.path} ({package.texts} texts, {package.files} files, "
               "checksums verified)")


@main.command()
@config_option("Edition config naming the sources and the register.",
               default=Path("tei/edition.toml"), show_default=True)
@formats_option()
@click.option("--force", is_flag=True,
              help="Rebuild everything, not only what changed since the last build, and "
                   "overwrite TEI files edited by hand or not written by teikit, keeping each "
                   "as NAME.xml.bak first.")
@click.option("-j", "--jobs", type=click.IntRange(min=1),
              help="Worker processes (default: one per core).")
def build(config: Path, formats: str | None, force: bool, jobs: int | None) -> None:
    """Build the edition: convert tei/sources/*.txt, validate, render site/ (HTML, FO, PDF).

    Only what changed since the last build is done again (the build state is kept in
    SITE/.teikit-build/). A text that fails, or whose TEI file was edited by hand (or not
    written by teikit, and so is not overwritten), is reported and keeps its earlier outputs;
    the others are built; the exit status is 1."""
    from teikit.build import build_edition
    from teikit.config import parse_formats
    from teikit.progress import TerminalProgress

    chosen = parse_formats(formats) if formats is not None else None
    report = build_edition(config, force=force, jobs=jobs, formats=chosen,
                           progress=TerminalProgress())
    for message in report.warnings:
        warn(message)
    for backup in report.backups:
        click.echo(f"kept the replaced file as {backup}")
    for failure in report.failures:
        click.echo(str(failure), err=True)
    click.echo(report.summary())
    error = report.error()
    if error is not None:
        raise error


@main.command()
@config_option("Edition config naming the site folder.", default=Path("tei/edition.toml"),
               show_default=True)
@click.option("--site", "site_dir", type=click.Path(path_type=Path),
              help="Serve this folder instead of the config's site.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
def serve(config: Path, site_dir: Path | None, port: int) -> None:
    """Serve the built site on 127.0.0.1 (the search needs HTTP; file:// pages cannot load it)."""
    from teikit.config import load_config
    from teikit.serve import make_server

    folder = site_dir if site_dir is not None else load_config(config).site_dir
    server = make_server(folder, port)
    click.echo(f"serving {folder} at http://127.0.0.1:{server.server_address[1]}/ "
               "(Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@main.group()
def corrections() -> None:
    """The editor's corrections to the automatic mark-up (tei/corrections/NAME.toml)."""


@corrections.command("absorb")
@click.argument("file", type=click.Path(path_type=Path))
@config_option("Edition config (default: edition.toml next to FILE or above).")
@click.option("--source", type=click.Path(path_type=Path),
              help="The transcription FILE was made from (default: the config's sources/NAME.txt).")
@encoding_option()
def corrections_absorb_command(file: Path, config: Path | None, source: Path | None,
                               encoding: str | None) -> None:
    """Write the mark-up edits made by hand in a TEI FILE into its corrections file.

    Edits to the text itself are reported (make them in the source); edits corrections cannot
    express are listed, and FILE is kept. Exit status 1 when anything was left over."""
    from teikit.convert import absorb

    report = absorb(file, config_path=config, source=source, encoding=encoding)
    click.echo("\n".join(report.lines()))
    if report.text_edits or report.inexpressible:
        sys.exit(1)


@main.group()
def render() -> None:
    """Render TEI files as reading editions."""


def stylesheet_option(name: str) -> Callable[[F], F]:
    """``--stylesheet FILE``: a project stylesheet importing teikit's ``urn:teikit:xslt:NAME``."""
    return click.option(
        "--stylesheet", type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
        help=f"A project stylesheet to render with instead: it imports teikit's "
             f"(<xsl:import href=\"urn:teikit:xslt:{name}\"/>) and overrides what it changes.")


@render.command("html")
@files_argument()
@output_option("Where to write the page (default: FILE with .html). One FILE only.")
@click.option("--site", "site_dir", type=click.Path(path_type=Path),
              help="Write a site instead: one page per FILE plus index.html, into this directory.")
@stylesheet_option("html")
def render_html_command(files: tuple[Path, ...], output: Path | None,
                        site_dir: Path | None, stylesheet: Path | None) -> None:
    """Render TEI FILES as HTML reading editions (assets are copied next to the pages)."""
    from teikit.render.html import render_html, render_site

    if site_dir is not None:
        if output is not None:
            raise click.UsageError("-o/--output and --site exclude each other")
        _echo_written(render_site(list(files), site_dir, warn, stylesheet=stylesheet))
        return
    if len(files) != 1:
        raise click.UsageError("give one FILE, or use --site DIR for several")
    click.echo(f"wrote {render_html(files[0], output, stylesheet=stylesheet, warn=warn)}")


@main.group()
def entities() -> None:
    """Names in the edition: what the register covers, what a new text needs."""


@entities.command("report")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--contexts", default=3, show_default=True, type=click.IntRange(min=0),
              help="Contexts shown per entity.")
def entities_report_command(file: Path, as_json: bool, contexts: int) -> None:
    """Entities of a TEI FILE with counts and contexts, mentions left for review, and
    capitalised names the register does not know."""
    import json

    from teikit.register.report import entities_report

    report = entities_report(file, contexts)
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo("\n".join(report.lines()))


@entities.command("suggest")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@output_option("The register to add to (created if missing; default: the one the edition "
               "config names, else print a new register).")
@config_option("Edition config naming the register (default: edition.toml next to the first "
               "source's tei/ folder).")
@click.option("--dry-run", is_flag=True, help="List what would be added; write nothing.")
@encoding_option("Decode the sources with this codec instead of detecting it.")
def entities_suggest_command(sources: tuple[Path, ...], output: Path | None, config: Path | None,
                             dry_run: bool, encoding: str | None) -> None:
    """Add the names SOURCES use to the edition's register: new entries only, marked
    unreviewed, curated entries untouched; names of uncertain kind are listed for review."""
    from teikit.config import find_config, load_config
    from teikit.convert import ingest_file
    from teikit.register.suggest import merge_into_register, suggest_register
    from teikit.xmlio import serialize_tei

    docs = [ingest_file(source, encoding) for source in sources]
    target = output
    if target is None:
        edition = load_config(config if config is not None else find_config(sources[0]))
        target = edition.settings_for(docs[0].name).register_path
    if target is None:
        tree, _ = suggest_register(docs)
        click.echo(serialize_tei(tree).decode("utf-8"), nl=False)
        return
    suggestions = merge_into_register(target, docs, inputs=sources, dry_run=dry_run)
    lines = suggestions.lines()
    if dry_run:
        click.echo(f"would add to {target}: " + lines[0])
        click.echo("\n".join(lines[1:]))
        return
    click.echo(f"{target}: {len(suggestions.new)} suggested entries added; "
               + lines[0].split(", ", 1)[1])
    for line in lines[1:]:
        if line.startswith("  ?"):
            click.echo(line)


@main.command()
@files_argument()
@click.option("--schema", "schemas", multiple=True, default=("edition",), show_default=True,
              help="edition (schema/edition.xsd + edition.sch), tei_all, or a .xsd/.rng/.sch "
                   "file, or a .odd customisation; repeat to check several.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text: one line per problem; json: for machines.")
@click.option("--tei-all", "tei_all", type=click.Path(path_type=Path),
              help="Your copy of tei_all.rng (default: $TEIKIT_TEI_ALL or the bundled one).")
@click.option("--engine", type=click.Choice(["auto", "jing", "lxml"]), default="auto",
              show_default=True, help="RELAX NG engine for tei_all/.rng: jing if installed, "
                                      "else lxml.")
def validate(files: tuple[Path, ...], schemas: tuple[str, ...], output_format: str,
             tei_all: Path | None, engine: str) -> None:
    """Validate TEI FILES (a directory: every .xml in it).

    Exit status: 0 valid, 1 invalid, 2 unreadable input or usage error.
    """
    import json

    from teikit.validate import check_files

    # problems with the files are in the report; problems with schemas or tools raise (exit 2)
    report = check_files(files, schemas, tei_all_path=tei_all, engine=engine)  # type: ignore[arg-type]
    if output_format == "json":
        click.echo(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(report.as_text(), nl=False)
    sys.exit(report.exit_code)


# ---- print edition: XSL-FO and PDF -------------------------------------------------------------

@render.command("fo")
@click.argument("file", type=click.Path(path_type=Path))
@output_option("Where to write the XSL-FO (default: FILE with .fo).")
@page_size_option()
@stylesheet_option("fo")
def render_fo_command(file: Path, output: Path | None, page_size: str,
                      stylesheet: Path | None) -> None:
    """Render a TEI FILE as XSL-FO, the print edition before layout."""
    from teikit.render.fo import render_fo

    out = render_fo(file, output or file.with_suffix(".fo"), page_size, stylesheet=stylesheet)
    click.echo(f"wrote {out}")


@render.command("pdf")
@click.argument("file", type=click.Path(path_type=Path))
@output_option("Where to write the PDF (default: FILE with .pdf); the .fo is kept beside it.")
@page_size_option()
@click.option("--fop", "fop_executable", metavar="PATH",
              help="Apache FOP executable (default: $TEIKIT_FOP, else fop on the PATH).")
@stylesheet_option("fo")
def render_pdf_command(file: Path, output: Path | None, page_size: str,
                       fop_executable: str | None, stylesheet: Path | None) -> None:
    """Render a TEI FILE as a PDF book with Apache FOP."""
    from teikit.render.pdf import render_pdf_report

    result = render_pdf_report(file, output or file.with_suffix(".pdf"), page_size,
                               fop=fop_executable, stylesheet=stylesheet)
    for message in result.warnings:
        warn(f"FOP: {message}")
    click.echo(f"wrote {result.pdf} and {result.fo}")


def run() -> None:
    """The ``teikit`` program: :func:`main`, then an end that does not wait for the JVM a
    command started to shut down (:func:`teikit.render.fop.end_leaving_jvm`)."""
    try:
        main()
    except SystemExit as end:
        fop = sys.modules.get("teikit.render.fop")
        if fop is not None and (end.code is None or isinstance(end.code, int)):
            fop.end_leaving_jvm(end.code or 0)
        raise
