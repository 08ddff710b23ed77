"""The edition config (``tei/edition.toml``): facts the texts do not state.

```toml
[edition]                      # the digital edition as a whole
publisher = "…"
licence = "…"
licence_url = "https://…"
date = "2026-11-27"            # publication date; also the date of the conversion change entry
register = "register.xml"      # relative to this file
corrections = "corrections"    # the editor's corrections: corrections/NAME.toml per text;
                               # a change to one rebuilds that text
sources = "sources"            # where `teikit build` finds *.txt
output = "."                   # where it writes NAME.xml
site = "../site"               # where it writes the HTML pages, the FO and the PDFs
page_size = "A5"               # of the PDFs: A5 or A4
title = "…"                    # the edition's title on its pages
order = "date"                 # of the texts: date (their own dates) | name | ["NAME", …]
formats = ["html", "pdf"]      # what `teikit build` renders: html, fo, pdf (pdf keeps its .fo)
text_rights = "…"              # rights in the text (the licence above is the encoding's)
text_rights_url = "https://…"
base_url = "https://…"         # where the TEI is published: publicationStmt/idno type="URI"

[render]                       # optional: project stylesheets, relative to this file, that
html_stylesheet = "edition-html.xsl"   # import teikit's (urn:teikit:xslt:html, …:fo) and
fo_stylesheet = "edition-fo.xsl"       # override what they change; see docs/html-edition.md

[texts.NAME]                   # per text (NAME = source file stem); all keys optional
year = 1917                    # year of dates written without one ("October 27")
calendar = "julian"            # calendar of its unmarked dates before 1918-02-14: julian |
                               # gregorian; without it the converter decides from the text
editor = "The editors of …"    # who wrote the headnote and the bracketed insertions
language = "en"                # of the text; without it the converter decides from the text's
                               # function words (English, German or French; else English)
original_language = "fr"
```
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from teikit.errors import InputError

# Russia used the Julian calendar until 31 January 1918 (Old Style); the next day was
# 14 February 1918 (New Style).
JULIAN_LAST_DAY_IN_RUSSIA = date(1918, 1, 31)


@dataclass(frozen=True)
class TextSettings:
    """Everything a conversion needs to know beyond the text itself."""

    name: str
    publisher: str = "teikit"
    licence: str = ""
    licence_url: str = ""
    publication_date: str = ""
    register_path: Path | None = None
    corrections_path: Path | None = None   # the editor's corrections (used when it exists)
    year: int | None = None
    calendar: str = ""          # "" = decided from the text (teikit.convert.dates.calendars)
    editor: str = ""
    editor_id: str = "ed"
    language: str = ""          # "" = decided from the text (English, German or French)
    original_language: str = ""
    text_rights: str = ""            # rights in the text itself, apart from the encoding's licence
    text_rights_url: str = ""
    base_url: str = ""               # where the edition's TEI files are published
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def editor_ref(self) -> str:
        return f"#{self.editor_id}"


@dataclass(frozen=True)
class EditionConfig:
    path: Path | None
    edition: dict[str, Any]
    texts: dict[str, dict[str, Any]]
    render: dict[str, Any] = field(default_factory=dict)
    found: bool = True      # False: no file at ``path``; the edition beside it has the defaults

    @property
    def base(self) -> Path:
        return self.path.parent if self.path else Path(".")

    @property
    def sources_dir(self) -> Path:
        return self.base / str(self.edition.get("sources", "sources"))

    @property
    def output_dir(self) -> Path:
        return self.base / str(self.edition.get("output", "."))

    @property
    def site_dir(self) -> Path:
        return Path(os.path.normpath(self.base / str(self.edition.get("site", "../site"))))

    @property
    def page_size(self) -> str:
        return str(self.edition.get("page_size", "A5"))

    @property
    def formats(self) -> tuple[str, ...]:
        """What the build renders (``formats`` in ``[edition]``; default: everything)."""
        value = self.edition.get("formats", list(OUTPUT_FORMATS))
        if isinstance(value, str):
            value = value.split(",")
        if not isinstance(value, list):
            raise InputError(f"{self.path}: [edition] formats must be a list such as "
                             '["html", "pdf"]')
        return parse_formats(",".join(str(v) for v in value))

    @property
    def html_stylesheet(self) -> Path | None:
        """The project's HTML stylesheet (``[render] html_stylesheet``), or None for teikit's."""
        return self._render_path("html_stylesheet")

    @property
    def fo_stylesheet(self) -> Path | None:
        """The project's XSL-FO stylesheet (``[render] fo_stylesheet``), or None for teikit's."""
        return self._render_path("fo_stylesheet")

    def _render_path(self, key: str) -> Path | None:
        value = self.render.get(key)
        return self.base / str(value) if value else None

    def settings_for(self, name: str, register_override: Path | None = None) -> TextSettings:
        text = {**self.texts.get("*", {}), **self.texts.get(name, {})}
        register = register_override
        if register is None and self.edition.get("register"):
            register = self.base / str(self.edition["register"])
        known = {"year", "calendar", "editor", "editor_id", "language", "original_language",
                 "text_rights", "text_rights_url"}
        return TextSettings(
            name=name,
            publisher=str(self.edition.get("publisher", "teikit")),
            licence=str(self.edition.get("licence", "")),
            licence_url=str(self.edition.get("licence_url", "")),
            publication_date=str(self.edition.get("date", "")),
            register_path=register,
            corrections_path=self.base / str(self.edition.get("corrections", "corrections"))
            / f"{name}.toml" if self.path is not None else None,
            year=int(text["year"]) if "year" in text else None,
            calendar=str(text.get("calendar", "")),
            editor=str(text.get("editor", "")),
            editor_id=str(text.get("editor_id", "ed")),
            language=str(text.get("language", "")),
            original_language=str(text.get("original_language", "")),
            text_rights=str(text.get("text_rights", self.edition.get("text_rights", ""))),
            text_rights_url=str(text.get("text_rights_url",
                                         self.edition.get("text_rights_url", ""))),
            base_url=str(self.edition.get("base_url", "")),
            extra={k: v for k, v in text.items() if k not in known},
        )


OUTPUT_FORMATS = ("html", "fo", "pdf")


def parse_formats(value: str) -> tuple[str, ...]:
    """``"html,pdf"`` → ``("html", "pdf")``: known names only, in the canonical order."""
    wanted = {part.strip().lower() for part in value.split(",") if part.strip()}
    unknown = sorted(wanted - set(OUTPUT_FORMATS))
    if unknown:
        raise InputError(f"unknown output format {unknown[0]!r}",
                         hint=f"choose from {', '.join(OUTPUT_FORMATS)}")
    if not wanted:
        raise InputError("no output format chosen", hint=f"choose from {', '.join(OUTPUT_FORMATS)}")
    return tuple(name for name in OUTPUT_FORMATS if name in wanted)


_EDITION_STRINGS = ("publisher", "licence", "licence_url", "register", "sources", "output",
                    "site", "page_size", "title", "corrections", "base_url", "text_rights",
                    "text_rights_url")
# settings that are web addresses: written into the TEI, the pages' links and the sitemap
_EDITION_URLS = ("base_url", "licence_url", "text_rights_url")
_WEB_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.IGNORECASE)
_TEXT_STRINGS = ("editor", "editor_id", "language", "original_language", "text_rights",
                 "text_rights_url", "doi")
_CALENDARS = ("julian", "gregorian")
_PAGE_SIZES = ("A5", "A4")
_NCNAME = re.compile(r"^[^\W\d][\w.-]*$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$")


def load_config(path: Path | None) -> EditionConfig:
    """Load ``path``; ``None`` gives an empty config (every text uses the defaults).

    Every value is checked here, before any work: a wrong type or value is one line naming the
    key, never a failure halfway through a build."""
    from teikit.xmlio import read_input_bytes

    if path is None:
        return EditionConfig(None, {}, {})
    if not Path(path).exists() and _defaults_apply(Path(path)):
        return EditionConfig(Path(path), {}, {}, found=False)
    if not Path(path).exists():
        raise InputError(f"{path}: config file not found",
                         hint="name it with --config, or write one: an [edition] table with "
                              "sources = \"sources\", output = \"tei\" and site = \"site\" "
                              "(docs/corpus-edition.md)")
    try:
        data = tomllib.loads(read_input_bytes(Path(path)).decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: not a valid TOML config: {error}") from None
    edition = data.get("edition", {})
    texts = data.get("texts", {})
    render = data.get("render", {})
    if not isinstance(edition, dict) or not isinstance(texts, dict) or not isinstance(render, dict):
        raise InputError(f"{path}: [edition], [render] and [texts.NAME] must be tables")
    unknown = sorted(set(render) - {"html_stylesheet", "fo_stylesheet"})
    if unknown:
        raise InputError(f"{path}: [render] has no setting {unknown[0]!r}",
                         hint="the settings are html_stylesheet and fo_stylesheet")
    for key in ("html_stylesheet", "fo_stylesheet"):
        if key in render and not isinstance(render[key], str):
            raise InputError(f"{path}: [render] {key} must be a string, not {_kind(render[key])}")
    _check_edition(path, edition)
    for name, text in texts.items():
        if not isinstance(text, dict):
            raise InputError(f"{path}: texts.{name} must be a table ([texts.{name}]) of "
                             f"settings, not {_kind(text)}")
        _check_text(path, name, text)
    return EditionConfig(Path(path), edition, texts, render)


def _defaults_apply(path: Path) -> bool:
    """An edition laid out as teikit's default expects (``sources/*.txt`` beside the missing
    ``edition.toml``, no other config there) is built with the defaults: TEI beside the
    sources' folder, the site in ``../site``, names found from the texts."""
    folder = path.parent
    return path.name == "edition.toml" and not any(folder.glob("*.toml")) and any(
        p.is_file() for p in (folder / "sources").glob("*.txt"))


def _kind(value: object) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__)


def _check_edition(path: Path, edition: dict[str, Any]) -> None:
    for key in _EDITION_STRINGS:
        if key in edition and not isinstance(edition[key], str):
            raise InputError(f"{path}: [edition] {key} must be a string, not {_kind(edition[key])}")
    for key in _EDITION_URLS:
        if edition.get(key) and not _WEB_URL.match(edition[key]):
            raise InputError(f"{path}: [edition] {key} {edition[key]!r} is not a web address",
                             hint="give an absolute http:// or https:// URL")
    if "date" in edition and not isinstance(edition["date"], str | date):
        raise InputError(f"{path}: [edition] date must be a date such as 2026-11-27")
    page_size = str(edition.get("page_size", "A5"))
    if page_size.strip().upper() not in _PAGE_SIZES:
        raise InputError(f"{path}: [edition] page_size {page_size!r} is not supported",
                         hint=f"choose one of {', '.join(_PAGE_SIZES)}")
    if "formats" in edition:
        formats = edition["formats"]
        if isinstance(formats, str):
            formats = formats.split(",")
        if not isinstance(formats, list) or not all(isinstance(v, str) for v in formats):
            raise InputError(f"{path}: [edition] formats must be a list such as "
                             f'["html", "pdf"], not {_kind(edition["formats"])}')
        try:
            parse_formats(",".join(formats))
        except InputError as error:
            raise InputError(f"{path}: [edition] formats: {error.message}",
                             hint=error.hint) from None
    order = edition.get("order", "date")
    if order not in ("date", "name") and not (
            isinstance(order, list) and all(isinstance(n, str) for n in order)):
        raise InputError(f"{path}: [edition] order {order!r} is not an order of the texts",
                         hint='use "date", "name" or a list of text names')
    for key in ("sources", "output", "site", "register"):
        if key in edition and not edition[key].strip():
            raise InputError(f"{path}: [edition] {key} is empty")
    if "register" in edition:
        register = Path(path).parent / edition["register"]
        if register.exists() and not register.is_file():
            raise InputError(f"{path}: [edition] register {register} is not a file")


def _check_text(path: Path, name: str, text: dict[str, Any]) -> None:
    where = f"{path}: [texts.{name}]"
    if "year" in text:
        year = text["year"]
        if isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= 9999:
            raise InputError(f"{where} year must be a whole number such as 1917, not {year!r}")
    for key in _TEXT_STRINGS:
        if key in text and not isinstance(text[key], str):
            raise InputError(f"{where} {key} must be a string, not {_kind(text[key])}")
    if text.get("text_rights_url") and not _WEB_URL.match(text["text_rights_url"]):
        raise InputError(f"{where} text_rights_url {text['text_rights_url']!r} is not a web "
                         "address", hint="give an absolute http:// or https:// URL")
    if text.get("calendar", "gregorian") not in _CALENDARS:
        raise InputError(f"{where} calendar must be one of {sorted(_CALENDARS)}")
    if "editor_id" in text and not _NCNAME.match(text["editor_id"]):
        raise InputError(f"{where} editor_id {text['editor_id']!r} is not an XML name",
                         hint="letters, digits, '-', '_', '.'; not starting with a digit")
    for key in ("language", "original_language"):
        if text.get(key) and not _LANGUAGE.match(text[key]):
            raise InputError(f"{where} {key} {text[key]!r} is not a language tag such as en")


def find_config(source: Path) -> Path | None:
    """The config that governs ``source``: ``edition.toml`` in its folder or the folder above."""
    for folder in (source.parent, source.parent.parent):
        candidate = folder / "edition.toml"
        if candidate.is_file():
            return candidate
    return None
