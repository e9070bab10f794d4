"""Who is speaking: the mention of a source, its role, its kind and its referent.

``mention_of(token)`` cuts the source phrase out of spaCy's parse around the
head of a cue's subject (or the object of "according to" / the passive
"by"). ``SourceTracker`` walks a document in reading order and resolves each
mention against the sources met so far: pronouns to the most recent
compatible source (news copy's "he said" nearly always means the last
speaker, not the last person named), surnames and possessive forms ("the
Carnegie Middle East Center's Khatib") to the full name given elsewhere, and
definite descriptions ("the activist") to the source they describe.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from sitroom.extract.speech.words import (
    ANONYMOUS_HEADS,
    GOVERNMENT_MODIFIERS,
    GOVERNMENT_WORDS,
    MEDIA_IF_NEWS,
    MEDIA_WORDS,
    NEWS_WORDS,
    NON_STATE_WORDS,
    ORGANIZATION_WORDS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    ROLE_HEADS,
    THING_PRONOUNS,
)

# Children that describe the source rather than name it: they go to the role.
_DESCRIPTIVE = frozenset({"appos", "relcl", "acl", "punct", "advcl", "parataxis"})
_NAMING = frozenset({"appos", "compound", "npadvmod", "nmod"})
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
# A pronoun looks back at most this many paragraphs for its source; beyond
# that news copy names the speaker again (chosen from reading the seed and
# PolNeAR train articles, where re-naming happens within two paragraphs).
MAX_PRONOUN_PARAGRAPHS = 3


@dataclass(frozen=True, slots=True)
class SourceMention:
    """A source phrase: ``start``/``end`` is the mention, ``full_*`` the phrase with its role."""

    start: int
    end: int
    text: str
    head: int  # token index of the head
    full_start: int
    full_end: int
    role: str | None


@dataclass(frozen=True, slots=True)
class Resolved:
    """The source a mention stands for."""

    name: str
    source_type: str  # one of records.SOURCE_TYPES
    anonymous: bool
    role: str | None = None


def _trim_punct(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    return tokens


def _span_text(doc: Doc, tokens: list[Token]) -> str | None:
    tokens = _trim_punct(tokens)
    if not tokens:
        return None
    return doc[tokens[0].i : tokens[-1].i + 1].text


def mention_of(head: Token, ents: Sequence[Span] | None = None) -> SourceMention:
    """The source phrase headed by ``head``; descriptive children become the role.

    ``ents`` is ``doc.ents`` when the caller has it (spaCy rebuilds it per access,
    as it does ``Doc.text``, so this works on tokens and spans only).
    """
    doc = head.doc
    known_ents: Sequence[Span] = doc.ents if ents is None else ents
    kept = [head]
    role_tokens: list[Token] = []
    for child in head.lefts:
        if child.dep_ in _DESCRIPTIVE:
            continue
        kept.extend(child.subtree)
    stopped = False
    for child in head.rights:
        if stopped or child.dep_ in _DESCRIPTIVE:
            stopped = True
            if child.dep_ in {"appos", "relcl", "acl"} and not role_tokens:
                role_tokens = list(child.subtree)
            continue
        kept.extend(child.subtree)
    first = min(t.i for t in kept)
    last = max(t.i for t in kept)
    # A named entity the parse cut in two ("Raqqa Is Being Slaughtered Silently")
    # is kept whole.
    for ent in known_ents:
        if ent.label_ in _NAMED and ent.start <= last and ent.end > first:
            first, last = min(first, ent.start), max(last, ent.end - 1)
    # The parse may run over a paragraph break; a mention stays in its paragraph.
    for i in range(first, last + 1):
        if "\n" in doc[i].text:
            if i < head.i:
                first = i + 1
            elif i > head.i:
                last = i - 1
                break
    while first < last and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    while first < last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    full = list(head.subtree)
    span = doc[first : last + 1]
    return SourceMention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        head=head.i,
        full_start=min(span.start_char, full[0].idx),
        full_end=max(span.end_char, full[-1].idx + len(full[-1])),
        role=_span_text(doc, role_tokens),
    )


def _tokens(doc: Doc, mention: SourceMention) -> list[Token]:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return list(span) if span is not None else [doc[mention.head]]


def _entities_in(ents: Sequence[Span], start: int, end: int) -> list[Span]:
    return [e for e in ents if e.label_ in _NAMED and e.start_char < end and e.end_char > start]


def classify(
    doc: Doc, mention: SourceMention, ents: Sequence[Span] | None = None
) -> tuple[str, bool]:
    """``(source_type, anonymous)`` of a mention, from its entities and head word."""
    head = doc[mention.head]
    all_ents: Sequence[Span] = doc.ents if ents is None else ents
    words = {t.lower_ for t in _tokens(doc, mention)}
    # Only entities that are or name the head count: "attacks against Islamic
    # State targets" is not an organization.
    named = [
        e
        for e in _entities_in(all_ents, mention.full_start, mention.full_end)
        if head in e or any(t.head.i == head.i and t.dep_ in _NAMING for t in e)
    ]
    labels = {e.label_ for e in named}
    lemma = head.lemma_.lower()
    unnamed = not named and head.pos_ != "PROPN"
    # The head word says most ("Airwatch Network", "the aid agency"), then the
    # entity label, then the modifiers.
    if lemma in MEDIA_IF_NEWS and words & NEWS_WORDS:
        return "media", unnamed
    if lemma in MEDIA_WORDS:
        return "media", unnamed
    if lemma in ROLE_HEADS or head.lower_ in ROLE_HEADS:
        gov = bool(words & GOVERNMENT_MODIFIERS) or bool(labels & {"NORP", "GPE", "ORG"})
        if words & NON_STATE_WORDS:
            gov = False
        return ("government" if gov else "anonymous"), unnamed
    if lemma in GOVERNMENT_WORDS:
        return "government", unnamed
    if lemma in ORGANIZATION_WORDS:
        return "organization", False
    if "PERSON" in labels and head.ent_type_ == "PERSON":
        return "person", False
    if "ORG" in labels:
        if words & MEDIA_WORDS:
            return "media", False
        if words & GOVERNMENT_WORDS:
            return "government", False
        return "organization", False
    if "GPE" in labels and not labels & {"PERSON"}:
        return "government", False
    if lemma in ANONYMOUS_HEADS or head.lower_ in ANONYMOUS_HEADS or "NORP" in labels:
        return "anonymous", True
    if "PERSON" in labels or head.pos_ == "PROPN":
        return "person", False
    return "unknown", head.pos_ == "NOUN" and head.tag_ == "NNS"


@dataclass(slots=True)
class _Known:
    """A source met earlier in the document (mutable tracker state, not a record)."""

    resolved: Resolved
    head_lemma: str
    paragraph: int
    gender: str | None = None
    offset: int = 0  # where it was last mentioned


@dataclass(slots=True)
class SourceTracker:
    """Resolves mentions in reading order against the sources met so far."""

    doc: Doc
    known: list[_Known] = field(default_factory=list)
    ents: tuple[Span, ...] = ()
    _para_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.ents = tuple(self.doc.ents)
        self._para_starts = [0] + [t.idx + 1 for t in self.doc if "\n" in t.text]

    def paragraph_of(self, offset: int) -> int:
        lo, hi = 0, len(self._para_starts)
        while lo + 1 < hi:
            mid = (lo + hi) // 2
            if self._para_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid
        return lo

    def resolve(self, mention: SourceMention) -> Resolved:
        doc = self.doc
        head = doc[mention.head]
        para = self.paragraph_of(mention.start)
        low = head.lower_
        if head.pos_ == "PRON" or low in PERSON_PRONOUNS or low in PLURAL_PRONOUNS:
            return self._pronoun(head, mention, para)
        resolved = self._named(mention) or self._described(mention)
        return self._remember(resolved, head.lemma_.lower(), para, None, mention.start)

    def last(self) -> Resolved | None:
        return self.known[-1].resolved if self.known else None

    def _remember(
        self, resolved: Resolved, lemma: str, para: int, gender: str | None, offset: int = 0
    ) -> Resolved:
        for known in self.known:
            if known.resolved.name == resolved.name:
                self.known.remove(known)
                gender = gender or known.gender
                if resolved.role is None and known.resolved.role is not None:
                    resolved = Resolved(
                        resolved.name, resolved.source_type, resolved.anonymous, known.resolved.role
                    )
                break
        self.known.append(_Known(resolved, lemma, para, gender, offset))
        return resolved

    def _pronoun(self, head: Token, mention: SourceMention, para: int) -> Resolved:
        low = head.lower_
        gender = PERSON_PRONOUNS.get(low)
        subject = self._previous_subject(mention.start)
        if (
            subject is not None
            and low not in THING_PRONOUNS | PLURAL_PRONOUNS
            and (not self.known or self.known[-1].offset < subject.start_char)
        ):
            # A person who is the subject of a sentence after the last speaker
            # ("Calderon intimated …. “…,” he said") is the likelier referent.
            resolved = self._named_person(subject)
            return self._remember(
                resolved, subject.root.lemma_.lower(), para, gender, mention.start
            )
        for known in reversed(self.known):
            if para - known.paragraph > MAX_PRONOUN_PARAGRAPHS:
                break
            kind = known.resolved.source_type
            if low in THING_PRONOUNS:
                ok = kind in {"organization", "government", "media"}
            elif low in PLURAL_PRONOUNS:
                ok = kind in {"organization", "government", "media", "anonymous", "unknown"}
            else:
                ok = kind in {"person", "anonymous", "unknown"} and (
                    gender is None or known.gender in (None, gender)
                )
            if ok:
                known.gender = known.gender or gender
                known.offset = mention.start
                self.known.remove(known)
                self.known.append(known)
                return known.resolved
        person = self._previous_person(mention.start)
        if person is not None and low not in THING_PRONOUNS | PLURAL_PRONOUNS:
            resolved = Resolved(self._full_name(person), "person", False)
            return self._remember(resolved, person.root.lemma_.lower(), para, gender)
        return Resolved(mention.text, "unknown", False)

    def _previous_subject(self, before: int) -> Span | None:
        """The last PERSON entity before ``before`` that is a clause subject, in reach."""
        para = self.paragraph_of(before)
        for ent in reversed(self.ents):
            if ent.end_char > before or ent.label_ != "PERSON":
                continue
            if para - self.paragraph_of(ent.start_char) > 1:
                return None
            if ent.root.dep_ in {"nsubj", "nsubjpass"}:
                return ent
        return None

    def _named_person(self, ent: Span) -> Resolved:
        role = next(
            (k.resolved.role for k in self.known if k.resolved.name == self._full_name(ent)), None
        )
        return Resolved(self._full_name(ent), "person", False, role)

    def _previous_person(self, before: int) -> Span | None:
        people = [e for e in self.ents if e.label_ == "PERSON" and e.end_char <= before]
        return people[-1] if people else None

    def _full_name(self, ent: Span) -> str:
        """The longest PERSON name in the document that ends with this one's last word."""
        surname = ent[-1].text
        best = ent.text
        for other in self.ents:
            if (
                other.label_ == "PERSON"
                and other[-1].text == surname
                and len(other.text) > len(best)
            ):
                best = other.text
        return best

    def _named(self, mention: SourceMention) -> Resolved | None:
        doc = self.doc
        head = doc[mention.head]
        ents = _entities_in(self.ents, mention.start, mention.end)
        source_type, anonymous = classify(doc, mention, self.ents)
        person = next((e for e in ents if e.label_ == "PERSON" and head in e), None)
        if person is None and head.pos_ == "PROPN":
            # A bare or possessive surname ("the Center's Khatib") the NER missed.
            named = [e for e in self.ents if e.label_ == "PERSON" and e[-1].text == head.text]
            if named:
                person = max(named, key=lambda e: len(e.text))
        if person is not None:
            return Resolved(self._full_name(person), "person", False, mention.role)
        # Only an entity that is the head, or names it ("the activist group
        # Raqqa Is Being Slaughtered Silently"), names the source; one inside a
        # modifier ("attacks against Islamic State targets") does not.
        for ent in _entities_in(self.ents, mention.full_start, mention.full_end):
            if head in ent or any(t.head.i == head.i and t.dep_ in _NAMING for t in ent):
                role = None if mention.role and mention.role in ent.text else mention.role
                return Resolved(ent.text, source_type, anonymous, role)
        if head.pos_ == "PROPN":
            return Resolved(mention.text, source_type, anonymous, mention.role)
        return None

    def _described(self, mention: SourceMention) -> Resolved:
        doc = self.doc
        head = doc[mention.head]
        lemma = head.lemma_.lower()
        first = _tokens(doc, mention)[0]
        if first.lower_ in {"the", "this", "that"}:
            for known in reversed(self.known):
                if known.head_lemma == lemma:
                    return known.resolved
        source_type, anonymous = classify(doc, mention, self.ents)
        return Resolved(mention.text, source_type, anonymous, mention.role)
