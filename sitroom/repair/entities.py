"""HTML character references left in text: ``Mo&iuml;se`` is Moïse, ``&#8217;`` is ’.

ftfy unescapes them only in text without a ``<`` (it reads such text as
HTML source and leaves it alone); a scraped page or a wiki page keeps an
editor's comment or a stray tag, and its references stay. Only complete
references are read: a named one with its semicolon (``&amp;``, never the
``&amp`` of a URL's query) or a numeric one.
"""

from __future__ import annotations

import html
import re
from html.entities import html5

_REFERENCE_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _unescape(match: re.Match[str]) -> str:
    reference = match.group(0)
    if not reference.startswith("&#") and reference[1:] not in html5:
        return reference
    return html.unescape(reference)


def fix_html_entities(text: str) -> tuple[str, int]:
    """``text`` with its complete HTML character references read, and how many."""
    if "&" not in text:
        return text, 0
    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        value = _unescape(match)
        count += value != match.group(0)
        return value

    return _REFERENCE_RE.sub(replace, text), count
