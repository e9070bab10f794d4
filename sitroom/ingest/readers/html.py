"""HTML: the article body and its metadata, via trafilatura (and htmldate, inside it).

Reader comments are excluded. trafilatura writes one block (paragraph,
heading, list item) per line; we separate blocks by a blank line, the
paragraph convention of every other format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from lxml import etree
from trafilatura.settings import Document

from sitroom.errors import Codes, SitroomError

STAGE = "ingest"

# libxml2, under lxml and trafilatura, stops building the tree below this
# depth, so deeper content is silently dropped. Measured: 250 nested <div>
# inside <html><body> still extract, 255 do not.
PARSER_DEPTH_LIMIT = 255

_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_TAG_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
_META_CHARSET_RE = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)


@dataclass(frozen=True, slots=True)
class Article:
    text: str
    title: str | None = None
    published: str | None = None
    byline: tuple[str, ...] = ()
    url: str | None = None
    outlet: str | None = None


def declared_charset(head: bytes) -> str | None:
    """The charset a ``<meta>`` tag declares in the first bytes of a page, if any."""
    match = _META_CHARSET_RE.search(head)
    return match.group(1).decode("ascii") if match else None


def nesting_depth(html: str) -> int:
    """Greatest element depth, counting open tags that are not void or self-closed."""
    depth = deepest = 0
    for match in _TAG_RE.finditer(html):
        closing, name, selfclosing = match.groups()
        if name.lower() in _VOID or selfclosing:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _paragraphs(text: str) -> str:
    lines = (line.strip() for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def _byline(author: str | None) -> tuple[str, ...]:
    if not author:
        return ()
    return tuple(name.strip() for name in author.split(";") if name.strip())


def _no_text(html: str, path: str) -> SitroomError:
    """Why a page gave no text: too deep for the parser (E012), or no article (E009)."""
    depth = nesting_depth(html)
    if depth > PARSER_DEPTH_LIMIT:
        return SitroomError(
            Codes.E012, stage=STAGE, path=path, depth=depth, limit=PARSER_DEPTH_LIMIT
        )
    return SitroomError(Codes.E009, stage=STAGE, path=path)


def extract_article(html: str, *, path: str, url: str | None = None) -> Article:
    """The article in ``html``; raises E009 (no text) or E012 (nested too deep)."""
    try:
        document = trafilatura.bare_extraction(
            html, url=url, include_comments=False, with_metadata=True
        )
    except (ValueError, RecursionError, etree.LxmlError) as error:
        # trafilatura documents none; these are what lxml raises on input it cannot parse.
        raise SitroomError(Codes.E001, stage=STAGE, path=path, reason=str(error)) from error
    if not isinstance(document, Document):
        raise _no_text(html, path)
    text = _paragraphs(document.text or "")
    if not text:
        raise _no_text(html, path)
    return Article(
        text=text,
        title=document.title or None,
        published=document.date or None,
        byline=_byline(document.author),
        url=document.url or url,
        outlet=document.sitename or None,
    )
