"""The site's sitemap (sitemaps.org 0.9): every page and download of the edition under the URL
the edition is published at, for search engines and web archives that crawl it."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote

from lxml import etree

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITEMAP_NAME = "sitemap.xml"


def sitemap_xml(base_url: str, paths: Iterable[str]) -> bytes:
    """A sitemap listing ``paths`` (relative to the site, ``/``-separated) under ``base_url``,
    an absolute ``http(s)`` URL; each path once, in the order given."""
    base = base_url.rstrip("/") + "/"
    if not base.lower().startswith(("https://", "http://")):
        raise ValueError(f"a sitemap needs an http(s) base URL, not {base_url!r}")
    root = etree.Element(f"{{{SITEMAP_NS}}}urlset", nsmap={None: SITEMAP_NS})
    for path in dict.fromkeys(paths):
        url = etree.SubElement(root, f"{{{SITEMAP_NS}}}url")
        etree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = base + quote(path)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
