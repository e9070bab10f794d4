"""The gold data of ``sitroom eval geo``, read from ``../shared/benchmarks``.

- LGL and GeoWebNews (``geowebnews-gritta``): articles with gold toponym
  spans and coordinates (GeoNames ids where given);
- Halterman event location (``event-location-halterman``): Prodigy records,
  the adjudicated ``RELABEL`` ones being the test set;
- UCDP GED sample (``ucdp-ged-sample``): events with a place description,
  coordinates and ``where_prec``.
"""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from sitroom.eval.report import benchmark_path


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    lat: float
    lon: float
    geonameid: int | None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    text: str
    toponyms: tuple[GoldToponym, ...]


def _float(node: ET.Element | None) -> float | None:
    return float(node.text) if node is not None and node.text else None


def _lgl_toponym(top: ET.Element) -> tuple[float, float, str | None] | None:
    gaz = top.find("gaztag")
    lat, lon = _float(top.find("gaztag/lat")), _float(top.find("gaztag/lon"))
    if gaz is None or lat is None or lon is None:
        return None
    return lat, lon, gaz.get("geonameid")


def _gwn_toponym(top: ET.Element) -> tuple[float, float, str | None] | None:
    lat, lon = _float(top.find("latitude")), _float(top.find("longitude"))
    if lat is None or lon is None:
        return None
    return lat, lon, top.findtext("geonamesID")


def _load_articles(
    path: Path,
    where: Callable[[ET.Element], tuple[float, float, str | None] | None],
    limit: int | None,
) -> list[GoldArticle]:
    """Articles of an LGL-style XML corpus; ``where`` reads one toponym's gold point."""
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        tops = []
        for top in art.iter("toponym"):
            point = where(top)
            if point is None:
                continue
            lat, lon, gid = point
            start, end = int(top.findtext("start", "0")), int(top.findtext("end", "0"))
            tops.append(GoldToponym(start, end, lat, lon, int(gid) if gid else None))
        out.append(GoldArticle(art.findtext("text", ""), tuple(tops)))
        if limit is not None and len(out) >= limit:
            break
    return out


def load_lgl(limit: int | None = None) -> list[GoldArticle]:
    path = benchmark_path("geowebnews-gritta", "data", "Corpora", "lgl.xml")
    return _load_articles(path, _lgl_toponym, limit)


def load_gwn(limit: int | None = None) -> list[GoldArticle]:
    return _load_articles(
        benchmark_path("geowebnews-gritta", "data", "GWN.xml"), _gwn_toponym, limit
    )


def load_halterman(*, test: bool) -> Iterator[dict[str, object]]:
    with zipfile.ZipFile(
        benchmark_path("event-location-halterman", "labeled_text.jsonl.zip")
    ) as archive:
        records = json.loads(archive.read("labeled_text.jsonl"))
    for rec in records:
        if (rec.get("source") == "RELABEL") == test and rec.get("spans") is not None:
            if not test and rec.get("answer") != "accept":
                continue
            yield rec


def halterman_spans(rec: Mapping[str, object], label: str) -> list[tuple[int, int]]:
    """Character spans of a label. The adjudicated records' character offsets
    are unreliable (zero-width, shifted), their token indices are right, so
    offsets come from the record's own tokens."""
    tokens = rec.get("tokens")
    spans = rec["spans"]
    assert isinstance(spans, list)
    out = []
    for span in spans:
        if span["label"] != label:
            continue
        if isinstance(tokens, list) and span.get("token_end", -1) < len(tokens):
            out.append(
                (int(tokens[span["token_start"]]["start"]), int(tokens[span["token_end"]]["end"]))
            )
        else:
            out.append((int(span["start"]), int(span["end"])))
    return out


def load_ucdp(limit: int | None = None) -> list[dict[str, str]]:
    path = benchmark_path("ucdp-ged-sample", "ucdpged_sample.derived.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))[:limit]
