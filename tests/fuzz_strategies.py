"""Hypothesis strategies for hostile input: what a scraper, a bad disk or an adversary leaves.

Report-like sentences (written here) are mixed with random Unicode, combining marks,
bidi controls, mojibake, mixed encodings, broken HTML, and truncated gzip and WARC.
"""

from __future__ import annotations

import gzip
import io
import json

from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SENTENCES = (
    "Gunmen attacked the village of Tillabéri on Tuesday, killing at least 12 civilians.",
    "A roadside bomb struck an army patrol near Mosul, killing two soldiers, police said.",
    '"We have lost everything," said Aminata Traoré, a farmer who fled with her children.',
    "Shelling hit the central market in Kherson on Saturday, the regional governor said.",
    "KABUL (Reuters) — Taliban fighters dispersed a protest by women on Sunday.",
    "Clashes near Al Ḥawījah left three fighters dead, according to local sources.",
    "Advertisement",
    "Read more: Drone strike kills 4 in Qamishli",
    "© 2024 News Agency. All rights reserved.",
)

BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
COMBINING = st.characters(min_codepoint=0x300, max_codepoint=0x36F)
ODD = "\ufeff\u00a0\u200b\u2028\u2029\r\f\t\x0b\x00\ufffd"

# Any Unicode scalar (no lone surrogates: a str read from bytes never holds them).
_ANY_CHAR = st.characters(codec="utf-8")

noise = st.text(
    alphabet=st.one_of(_ANY_CHAR, COMBINING, st.sampled_from(BIDI + ODD)), max_size=120
)


def _mojibake(text: str) -> str:
    """UTF-8 read as Windows-1252 (Latin-1 where cp1252 has no character)."""
    data = text.encode("utf-8")
    return "".join(
        bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data
    )


pieces = st.one_of(
    st.sampled_from(SENTENCES),
    st.sampled_from(SENTENCES).map(_mojibake),
    noise,
    st.sampled_from(["\n", "\n\n", " ", "—", "…", "“", "”"]),
)

texts = st.lists(pieces, max_size=14).map(" ".join)

ENCODINGS = ("utf-8", "cp1252", "cp1251", "latin-1", "utf-16", "utf-16-le", "cp437", "mac-roman")


@st.composite
def mixed_bytes(draw: st.DrawFn) -> bytes:
    """Text in pieces, each piece in its own encoding (what copy-paste across tools leaves)."""
    parts = draw(st.lists(st.tuples(texts, st.sampled_from(ENCODINGS)), min_size=1, max_size=4))
    return b"\n".join(text.encode(encoding, errors="replace") for text, encoding in parts)


tag_names = st.sampled_from(["p", "div", "article", "span", "script", "b", "html", "body", "x"])


@st.composite
def broken_html(draw: st.DrawFn) -> str:
    """Tag soup: unclosed, misnested, stray closers, attributes without quotes, comments."""
    out: list[str] = []
    for _ in range(draw(st.integers(0, 30))):
        kind = draw(st.integers(0, 6))
        name = draw(tag_names)
        if kind == 0:
            out.append(f"<{name}>")
        elif kind == 1:
            out.append(f"</{name}>")
        elif kind == 2:
            out.append(f"<{name} class={draw(noise)[:10]}")
        elif kind == 3:
            out.append("<!-- " + draw(noise)[:20])
        elif kind == 4:
            out.append("<div>" * draw(st.integers(0, 300)))
        else:
            out.append(draw(texts))
    return "".join(out)


def warc_bytes(pages: list[bytes], *, compress: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for number, body in enumerate(pages):
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        # Fixed id and date: the same draw must give the same bytes (hypothesis replays).
        warc_headers = {
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>",
            "WARC-Date": "2024-01-01T00:00:00Z",
        }
        record = writer.create_warc_record(
            f"https://news.test/{number}",
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
            warc_headers_dict=warc_headers,
        )
        writer.write_record(record)
    return buffer.getvalue()


@st.composite
def input_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """(file name, bytes) of a hostile input: random, mixed, soup, truncated containers."""
    kind = draw(st.integers(0, 7))
    if kind == 0:
        return draw(st.sampled_from(["x.txt", "x", "x.html", "x.jsonl"])), draw(
            st.binary(max_size=3000)
        )
    if kind == 1:
        return "mixed.txt", draw(mixed_bytes())
    if kind == 2:
        return "soup.html", draw(broken_html()).encode("utf-8", errors="replace")
    if kind == 3:
        lines = draw(st.lists(st.one_of(texts.map(lambda t: json.dumps({"text": t})), noise),
                              max_size=8))
        return "lines.jsonl", "\n".join(lines).encode("utf-8", errors="surrogatepass")
    pages = draw(st.lists(broken_html().map(lambda h: h.encode("utf-8", "replace")),
                          min_size=1, max_size=3))
    if kind == 4:
        data, name = warc_bytes(pages, compress=False), "crawl.warc"
    elif kind == 5:
        data, name = warc_bytes(pages, compress=True), "crawl.warc.gz"
    else:
        data, name = gzip.compress(draw(mixed_bytes()), mtime=0), "text.txt.gz"
    cut = int(len(data) * draw(st.floats(0, 1)))
    return name, data[:cut] if draw(st.booleans()) else data
