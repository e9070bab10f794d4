"""Direct quotes and reported speech, with their speakers.

``extract_quotes(doc)`` returns, in text order, one ``Quote`` per direct quote
(``kind="direct"``, the words between the marks) and one per piece of reported
speech (``kind="indirect"``, the reported content).

Decisions:

- A split quote (``"…," she said. "…"``) gives two Quotes with the same
  speaker, so that each keeps exact offsets of the words between its marks.
- A quote running over paragraphs gives one Quote per paragraph, all with the
  speaker of the first (same reason: exact offsets, no marks inside).
- Quoted words that make up under ``PARTIAL_SHARE`` of their sentence, not
  counting the cue clause and the source ("said the group was "failing"
  after the losses of the spring"), are a partial or scare quote: no direct
  Quote; the reported clause is an indirect Quote. Unless they fill at least
  ``CONTENT_SHARE`` of what the cue reports ("said it was “a mistake”").
- Fragments joined only by "and"/"or"/a comma ("a “liar” and a “whiner”")
  are one quote.
- Cues are found in the quote's sentence(s); failing that at the start of the
  next sentence ("… AGAIN!” he tweeted"), before a colon ("Pew Research: “…”")
  or after a dash ("“…” ― Jorge Falcon").
- A quote with no cue in its sentence takes the speaker of the quote before it
  in the same paragraph (the second half of a split quote), or, when its
  paragraph holds nothing but the quote, the last source of the text before it.
  Cues the parse misses are read off the words (``speaker_cues``).

- Reported speech whose cue lies inside other reported content ("the
  ministry said rebels claimed …") is left to the outer attribution, and a
  cue's content ends before a second cue (", saying that …") and before an
  aside that closes it (", which …", ", a …", ", giving …"; ``content.ends``).
- Reported content at least half in quote marks is a direct quote, not
  reported speech (``content.run_on.mostly_quoted``); a closing editor's note
  reports nothing (``cues.spurious``).
- Besides speech verbs, cues are "X: …" labels and "X's claim that …"
  (``cues.frames``), stance constructions ("declined to …", "is eager
  to …") and source-less passives ("is expected to …", ``cues.extra``).

Speakers are resolved by ``speakers.SourceTracker`` (pronouns, surnames,
"the activist"); ``speaker`` is the resolved name, ``speaker_mention`` and
``speaker_start``/``speaker_end`` the words in the text.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from sitroom.extract.speech import speaker_cues as sc
from sitroom.extract.speech.content import mostly_quoted, partly_quoted, without_closing_aside
from sitroom.extract.speech.cues import (
    CLAIM_NOUNS,
    STANCE_CONSTRUCTIONS,
    Cue,
    claim_noun_cues,
    extra_cues,
    find_cues,
    in_closing_note,
    label_cues,
    sentences,
    who_of,
)
from sitroom.extract.speech.marks import MarkedSpan, find_marked_spans, quote_text
from sitroom.extract.speech.plan import Plan, Quoted, join_fragments, plan_quotes
from sitroom.extract.speech.speakers import Resolved, SourceTracker
from sitroom.nlp.text import doc_text
from sitroom.records import Quote

# Who said a quote: the source, where its mention is (start, end, text), the cue.
_Who = tuple[Resolved | None, tuple[int, int, str] | None, Cue | None]


def _quote(
    kind: str,
    text: str,
    start: int,
    end: int,
    who: Resolved | None,
    cue: Cue | None,
    mention: tuple[int, int, str] | None,
) -> Quote:
    return Quote(
        text=text,
        kind=kind,
        speaker=who.name if who else None,
        speaker_mention=mention[2] if mention else None,
        speaker_role=who.role if who else None,
        anonymous=who.anonymous if who else False,
        cue=cue.text if cue else None,
        start=start,
        end=end,
        speaker_start=mention[0] if mention else None,
        speaker_end=mention[1] if mention else None,
    )


def extract_quotes(doc: Doc) -> tuple[Quote, ...]:
    """Direct quotes and reported speech of ``doc``, in text order."""
    text = doc_text(doc)
    spans = join_fragments(text, find_marked_spans(text))
    quoted = Quoted(spans)
    sents = sentences(doc)
    cues = [c for i, sent in enumerate(sents) for c in find_cues(sent, i, quoted)]
    taken = {c.token for c in cues}
    cues += [c for i, sent in enumerate(sents) for c in extra_cues(sent, i, quoted, taken)]
    cues += [c for i, sent in enumerate(sents) for c in claim_noun_cues(sent, i, quoted)]
    cues += label_cues(doc, sents, quoted)
    plans = plan_quotes(doc, spans, cues, quoted)
    by_cue: dict[int, list[Plan]] = {}
    for plan in plans:
        if plan.cue is not None:
            by_cue.setdefault(plan.cue.token, []).append(plan)

    tracker = SourceTracker(doc)
    # Work in reading order of the source mentions, so that pronouns see the
    # sources named before them.
    items: list[tuple[int, Cue | Plan]] = [(c.start, c) for c in cues]
    items += [(p.span.start, p) for p in plans if p.cue is None]
    items.sort(key=lambda item: item[0])
    speaker_of: dict[int, _Who] = {}
    cue_who: dict[int, _Who] = {}
    out: list[Quote] = []
    reported: list[tuple[Cue, Quote]] = []
    said: list[tuple[tuple[int, int], _Who]] = []
    for _, item in items:
        if isinstance(item, Cue):
            if item.token not in by_cue and item.content is None:
                continue  # a cue with nothing to attribute names no source
            head = sc.nearest_subject(doc, item, quoted)
            outer = _reporter(doc, item, head, said)
            if outer is not None:
                who, where = outer[0], outer[1]
            else:
                who, where = who_of(tracker, item, head, cues_quote=item.token in by_cue)
            cue_who[item.token] = (who, where, item)
            if item.content is not None and not item.stance and who is not None:
                said.append((item.content, (who, where, item)))
            for plan in by_cue.get(item.token, []):
                speaker_of[plan.span.open_mark] = (who, where, item)
                out.append(_direct(text, plan.span, who, where, item))
            # A content with a short quote in it is reported speech too (content.run_on).
            mixed = item.content is not None and partly_quoted(text, item.content)
            if item.content is not None and (item.token not in by_cue or mixed):
                c_start, c_end = item.content
                content = text[c_start:c_end]
                if (
                    content.lower() in _PLACEHOLDERS
                    or mostly_quoted(text, item.content)
                    or in_closing_note(text, c_start)
                ):
                    continue
                reported.append(
                    (item, _quote("indirect", content, c_start, c_end, who, item, where))
                )
            continue
        who_where: _Who = (None, None, None)
        if item.inherit == "previous":
            earlier = [k for k in speaker_of if k < item.span.open_mark]
            if earlier:
                who_where = speaker_of[max(earlier)]
        elif item.inherit == "paragraph":
            who_where = (tracker.last(), None, None)
        elif item.source is not None:
            who_where = cue_who.get(item.source.token) or sc.resolve_cue(tracker, item.source)
        speaker_of[item.span.open_mark] = who_where
        out.append(_direct(text, item.span, *who_where))
    out += [_without_closing_aside(doc, text, cue, q) for cue, q in _outermost(reported)]
    out.sort(key=lambda q: (q.start, q.end))
    return tuple(out)


# A cue inside what someone said whose subject is one of these ("Tedros said it
# shows the virus can be controlled “even with …”") quotes the outer speaker:
# "it" is that speaker ("the ministry said it expects “…”") or a thing.
_THING_SUBJECTS = frozenset({"it", "this", "that"})


def _reporter(
    doc: Doc, cue: Cue, head: int, said: list[tuple[tuple[int, int], _Who]]
) -> _Who | None:
    """Who said the content a cue with a thing for its subject sits in, if anyone."""
    if doc[head].lower_ not in _THING_SUBJECTS or doc[head].i == cue.token:
        return None
    inside = [who for (start, end), who in said if start <= cue.start < end]
    return inside[-1] if inside else None


# A content that is only a relative word ("what he said …") points at the
# reported words elsewhere; it reports nothing itself.
_PLACEHOLDERS = frozenset({"what", "which", "whatever", "that", "this"})


def _outermost(reported: list[tuple[Cue, Quote]]) -> list[tuple[Cue, Quote]]:
    """Reported speech whose cue is not itself inside other reported content.

    In "the ministry said rebels claimed the attack" the reader is told the rebels'
    claim by the ministry: one attribution, the outer one (PolNeAR annotates so too: a
    word belongs to at most one attribution). A claim noun ("rejected his claim that …")
    keeps its own attribution inside a construction cue's content.
    """
    spans = [(c.token, q.start, q.end, c.lemma in STANCE_CONSTRUCTIONS) for c, q in reported]
    return [
        (cue, quote)
        for cue, quote in reported
        if not any(
            t != cue.token and a <= cue.start < b and not (weak and cue.lemma in CLAIM_NOUNS)
            for t, a, b, weak in spans
        )
    ]


def _without_closing_aside(doc: Doc, text: str, cue: Cue, quote: Quote) -> Quote:
    """``quote`` without a relative clause closing its content (``content.ends``);
    cut after inner cues were left to it, so that a cue inside the clause
    ("…, which he said …") stays with this attribution."""
    start, end = without_closing_aside(doc, text, (quote.start, quote.end), cue.start)
    if (start, end) == (quote.start, quote.end):
        return quote
    return replace(quote, text=text[start:end], start=start, end=end)


def _direct(
    text: str,
    span: MarkedSpan,
    who: Resolved | None,
    where: tuple[int, int, str] | None,
    cue: Cue | None,
) -> Quote:
    return _quote("direct", quote_text(text, span), span.start, span.end, who, cue, where)
