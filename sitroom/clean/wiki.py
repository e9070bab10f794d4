"""Wikitext left in archived wiki news: links read as their words, templates and images out.

A wiki page saved as text keeps its markup: ``[[w:Marxism|Marxist]]`` (a link
whose words are "Marxist"), ``{{w|Moscow}}`` (a link template), ``''italic''``,
``<!-- editor comments -->``, ``[http://… label]``, ``[[File:…]]`` images and
templates such as ``{{haveyoursay}}``. mwparserfromhell parses it; a link
becomes its label, a link template its last argument, an image, a comment and
any other template leave the text (each recorded as a removed piece).

Text without ``[[``, ``{{`` or ``<!--`` is never parsed: plain reports pass as they are.
"""

from __future__ import annotations

import re

import mwparserfromhell
from mwparserfromhell.nodes import (
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

__all__ = ["looks_like_wikitext", "render_wikitext"]

_CUES = ("[[", "{{", "<!--")
# Templates that are links to an encyclopedia article: {{w|Target|words}}.
_LINK_TEMPLATES = frozenset({"w", "wikipedia", "wp", "wikt"})
# Namespaces whose links are media or page furniture, not words of the text.
_MEDIA_RE = re.compile(r"^\s*(?:file|image|media|category)\s*:", re.IGNORECASE)
# Interwiki prefixes on a link target: [[w:Rondonia]] reads "Rondonia".
_INTERWIKI_RE = re.compile(r"^\s*:?(?:w|wikipedia|wp|wikt|n|wikinews)\s*:\s*", re.IGNORECASE)
# HTML tags whose content is not text of the report.
_DROP_TAGS = frozenset({"ref", "references", "gallery", "math", "nowiki", "script", "style"})


def looks_like_wikitext(text: str) -> bool:
    return any(cue in text for cue in _CUES)


def _render(code: Wikicode, removed: list[str]) -> str:
    return "".join(_node(node, removed) for node in code.nodes)


def _node(node: Node, removed: list[str]) -> str:
    if isinstance(node, Text):
        return str(node.value)
    if isinstance(node, HTMLEntity):
        return str(node.normalize())
    if isinstance(node, Wikilink):
        title = str(node.title)
        if _MEDIA_RE.match(title):
            removed.append(str(node))
            return ""
        if node.text is not None:
            return _render(node.text, removed)
        return _INTERWIKI_RE.sub("", title).strip()
    if isinstance(node, Template):
        name = str(node.name).strip().lower()
        if name in _LINK_TEMPLATES and node.params:
            return _render(node.params[-1].value, removed).strip()
        removed.append(str(node))
        return ""
    if isinstance(node, ExternalLink):
        if node.title is not None:
            return _render(node.title, removed)
        return str(node.url)
    if isinstance(node, Comment):
        removed.append(str(node))
        return ""
    if isinstance(node, Heading):
        return _render(node.title, removed).strip()
    if isinstance(node, Tag):
        if str(node.tag).lower() in _DROP_TAGS or node.contents is None:
            removed.append(str(node))
            return ""
        return _render(node.contents, removed)
    return str(node)


def render_wikitext(line: str) -> tuple[str, tuple[str, ...]]:
    """``line`` read as words (see the module docstring), and the markup that left it."""
    if not looks_like_wikitext(line) and "''" not in line:
        return line, ()
    removed: list[str] = []
    text = _render(mwparserfromhell.parse(line), removed)
    return re.sub(r"[ \t]{2,}", " ", text).strip(), tuple(removed)
