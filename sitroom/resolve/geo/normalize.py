"""Name keys: the folded form under which every gazetteer name is indexed.

One function decides what counts as "the same name" for the index and for the
text, so "Sinjār", "sinjar" and "SINJAR" meet, and "‘Ayn al ‘Arab" meets
"Ayn al-Arab". Arabic transliterations vary most in the article ("al-", "ar-",
"el-") and a final "h", so those get extra keys (``variants``).
"""

from __future__ import annotations

import re
import unicodedata

_DROP = str.maketrans({c: "" for c in "’'‘`ʿʾ´ʼ\u02bb"})
_SPACE = re.compile(r"[\s\-‐‑–—_./,()]+")
_NON_KEY = re.compile(r"[^a-z0-9 ]")
# Arabic article forms as transliterated in English news and in GeoNames.
_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|an|at|az|ash|ath|adh|aš|ad|a) (?=\w{3})")


def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-free key; '' for names in non-Latin scripts."""
    if text.isascii():  # most names: skip the Unicode decomposition (build time)
        key = _SPACE.sub(" ", text.translate(_DROP).lower()).strip()
        return "" if _NON_KEY.search(key) else key
    decomposed = unicodedata.normalize("NFKD", text.translate(_DROP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    key = _SPACE.sub(" ", stripped.lower()).strip()
    key = key.replace("ø", "o").replace("ß", "ss").replace("ı", "i").replace("đ", "d")
    if _NON_KEY.search(key):
        return ""
    return key


def variants(key: str) -> tuple[str, ...]:
    """Extra keys for Arabic-style names: without the article, without a final 'h'."""
    out: list[str] = []
    bare = _ARTICLE.sub("", key)
    if bare != key:
        out.append(bare)
    for form in (key, bare):
        if form.endswith("ah") and len(form) > 4:
            out.append(form[:-1])
    return tuple(dict.fromkeys(v for v in out if v and v != key))


def is_latin_name(text: str) -> bool:
    """Whether a name is worth indexing for English text (Latin script, not a code)."""
    if len(text) < 3 or text.isdigit():
        return False
    # GeoNames alternate names include IATA/ICAO codes ("BEY", "OSDI").
    if text.isupper() and len(text) <= 4:
        return False
    return bool(fold(text))
