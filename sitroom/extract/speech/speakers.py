"""Who is speaking: the referent of a source mention.

``mentions.mention_of(token)`` cuts the source phrase out of spaCy's parse
(re-exported here). ``SourceTracker`` walks a document in reading order and
resolves each mention against the sources met so far: pronouns to the most
recent compatible source (news copy's "he said" nearly always means the last
speaker, not the last person named; a post such as "Iraq's prime minister" is
one person, so "he" too), surnames and possessive forms ("the Carnegie Middle
East Center's Khatib") to the full name given elsewhere, definite
descriptions ("the activist", "the White House press secretary") to the source
they describe or the person who holds that post, a shortened name ("the
Observatory") to the organisation named earlier, "they" to bodies just listed,
and people joined by "and" to all of them. Title lines are never antecedents
(``referents``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from sitroom.extract.speech.mentions import (
    NAMING,
    Resolved,
    SourceMention,
    classify,
    entities_in,
    mention_of,
    mention_tokens,
)
from sitroom.extract.speech.person_roles import PERSON_POSTS
from sitroom.extract.speech.referents import (
    acronyms,
    clause_subject,
    coordinated_people,
    defined_as,
    headline_ranges,
    in_ranges,
    is_person,
    markup_free,
    one_person,
    previous_group,
)
from sitroom.extract.speech.words import PERSON_PRONOUNS, PLURAL_PRONOUNS, THING_PRONOUNS
from sitroom.nlp.text import doc_ents, doc_text

# A pronoun looks back at most this many paragraphs for its source; beyond
# that news copy names the speaker again (chosen from reading the seed and
# PolNeAR train articles, where re-naming happens within two paragraphs).
MAX_PRONOUN_PARAGRAPHS = 3

__all__ = ["Resolved", "SourceMention", "SourceTracker", "classify", "mention_of"]


@dataclass(slots=True)
class _Known:
    """A source met earlier in the document (mutable tracker state, not a record)."""

    resolved: Resolved
    head_lemma: str
    paragraph: int
    gender: str | None = None
    offset: int = 0  # where it was last mentioned
    # Lemmas of the words it was named with ("press secretary Jen Psaki"), and
    # whether it is one person ("he"/"she"), which a post says even when the
    # source is a government one ("Iraq's prime minister").
    words: frozenset[str] = frozenset()
    personal: bool = False


@dataclass(slots=True)
class SourceTracker:
    """Resolves mentions in reading order against the sources met so far."""

    doc: Doc
    known: list[_Known] = field(default_factory=list)
    ents: tuple[Span, ...] = ()
    _para_starts: list[int] = field(default_factory=list)
    _headlines: list[tuple[int, int]] = field(default_factory=list)
    _acronyms: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.ents = doc_ents(self.doc)
        self._para_starts = [0] + [t.idx + 1 for t in self.doc if "\n" in t.text]
        self._headlines = headline_ranges(self.doc)
        self._acronyms = acronyms(doc_text(self.doc))

    def paragraph_of(self, offset: int) -> int:
        lo, hi = 0, len(self._para_starts)
        while lo + 1 < hi:
            mid = (lo + hi) // 2
            if self._para_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid
        return lo

    def resolve(self, mention: SourceMention) -> Resolved | None:
        """The source ``mention`` stands for; None when it names nobody (markup)."""
        doc = self.doc
        head = doc[mention.head]
        para = self.paragraph_of(mention.start)
        low = head.lower_
        if head.pos_ == "PRON" or low in PERSON_PRONOUNS or low in PLURAL_PRONOUNS:
            return self._pronoun(head, mention, para)
        text = markup_free(mention.text)
        if text != mention.text:
            # Markup a cleaner left: the person named in the phrase, if any, is
            # the source ("{{byline|…}}veteran, Sergeant Frank Ford reports").
            people = entities_in(self.ents, mention.full_start, mention.full_end)
            person = next((e for e in people if e.label_ == "PERSON"), None)
            if person is not None:
                return self._remember(
                    Resolved(self._full_name(person), "person", False),
                    person.root.lemma_.lower(),
                    para,
                    None,
                    mention.start,
                )
            return None if text is None else Resolved(text, *classify(doc, mention, self.ents))
        holder = self._post_holder(mention, para)
        if holder is not None:
            return holder
        resolved = self._named(mention) or self._described(mention)
        if resolved.name in self._acronyms:
            # "SOAW" after "School of Americas Watch (SOAW)" is that group.
            long = self._acronyms[resolved.name]
            resolved = Resolved(long, resolved.source_type, resolved.anonymous, resolved.role)
        return self._remember(
            resolved,
            head.lemma_.lower(),
            para,
            None,
            mention.start,
            words=self._words(mention),
            personal=one_person(head),
        )

    def _words(self, mention: SourceMention) -> frozenset[str]:
        return frozenset(t.lemma_.lower() for t in mention_tokens(self.doc, mention))

    def _post_holder(self, mention: SourceMention, para: int) -> Resolved | None:
        """The person introduced with the post a definite description names:
        "the White House press secretary" after "press secretary Jen Psaki",
        "the organizer" after "one of the protest organizers"."""
        head = self.doc[mention.head]
        lemma = head.lemma_.lower()
        tokens = mention_tokens(self.doc, mention)
        definite = tokens[0].lower_ in {"the", "this", "that"} or any(
            c.dep_ == "poss" for c in head.children
        )
        if head.pos_ != "NOUN" or head.tag_ != "NN" or lemma not in PERSON_POSTS or not definite:
            return None
        for known in reversed(self.known):
            if para - known.paragraph > MAX_PRONOUN_PARAGRAPHS:
                break
            if known.personal and lemma in known.words and known.head_lemma != lemma:
                known.offset = mention.start
                self.known.remove(known)
                self.known.append(known)
                return known.resolved
        return None

    def last(self) -> Resolved | None:
        return self.known[-1].resolved if self.known else None

    def _remember(
        self,
        resolved: Resolved,
        lemma: str,
        para: int,
        gender: str | None,
        offset: int = 0,
        *,
        words: frozenset[str] = frozenset(),
        personal: bool = False,
    ) -> Resolved:
        personal = personal or resolved.source_type == "person"
        for known in self.known:
            if known.resolved.name == resolved.name:
                self.known.remove(known)
                gender = gender or known.gender
                words = words | known.words
                personal = personal or known.personal
                if resolved.role is None and known.resolved.role is not None:
                    resolved = Resolved(
                        resolved.name, resolved.source_type, resolved.anonymous, known.resolved.role
                    )
                break
        self.known.append(_Known(resolved, lemma, para, gender, offset, words, personal))
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
        body = self._previous_body(mention.start) if low in THING_PRONOUNS else None
        if body is not None and (not self.known or self.known[-1].offset < body.start_char):
            # An organization that is the subject after the last speaker ("The
            # Observatory posted videos that it says …") is the likelier "it".
            return self._body(body, para, mention.start)
        group = (
            previous_group(self.doc, self.ents, mention.start, self.paragraph_of)
            if low in PLURAL_PRONOUNS
            else None
        )
        if group is not None and (not self.known or self.known[-1].offset < group.start_char):
            # "… a date accepted by the United States, the United Nations and the
            # OAS. They've urged …": "they" are the parties just listed.
            resolved = Resolved(group.text, *classify(self.doc, mention_of(group.root), self.ents))
            return self._remember(resolved, group.root.lemma_.lower(), para, None, mention.start)
        for known in reversed(self.known):
            if para - known.paragraph > MAX_PRONOUN_PARAGRAPHS:
                break
            kind = known.resolved.source_type
            if low in THING_PRONOUNS:
                ok = kind in {"organization", "government", "media"}
            elif low in PLURAL_PRONOUNS:
                ok = not known.personal and kind in {
                    "organization",
                    "government",
                    "media",
                    "anonymous",
                    "unknown",
                }
            else:
                ok = (known.personal or kind in {"person", "anonymous", "unknown"}) and (
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
        if body is not None:
            return self._body(body, para, mention.start)
        return Resolved(mention.text, "unknown", False)

    def _body(self, body: Span, para: int, offset: int) -> Resolved:
        source_type, anonymous = classify(self.doc, mention_of(body.root, self.ents), self.ents)
        resolved = Resolved(body.text, source_type, anonymous)
        return self._remember(resolved, body.root.lemma_.lower(), para, None, offset)

    def _previous_subject(self, before: int) -> Span | None:
        """The last PERSON entity before ``before`` that is a clause subject, in reach."""
        para = self.paragraph_of(before)
        for ent in reversed(self.ents):
            if ent.end_char > before or not is_person(ent, self.ents):
                continue
            if para - self.paragraph_of(ent.start_char) > 1:
                return None
            if clause_subject(ent) and not in_ranges(self._headlines, ent.start_char):
                return ent
        return None

    def _previous_body(self, before: int) -> Span | None:
        """The last organization subject before ``before``, in reach: what "it"
        stands for when no organization has spoken yet ("The Observatory posted
        videos that it says …")."""
        para = self.paragraph_of(before)
        for ent in reversed(self.ents):
            if ent.end_char > before or ent.label_ != "ORG" or is_person(ent, self.ents):
                continue
            if para - self.paragraph_of(ent.start_char) > 1:
                return None
            if clause_subject(ent) and not in_ranges(self._headlines, ent.start_char):
                return ent
        return None

    def _named_person(self, ent: Span) -> Resolved:
        role = next(
            (k.resolved.role for k in self.known if k.resolved.name == self._full_name(ent)), None
        )
        return Resolved(self._full_name(ent), "person", False, role)

    def _previous_person(self, before: int) -> Span | None:
        people = [
            e
            for e in self.ents
            if e.label_ == "PERSON"
            and e.end_char <= before
            and not in_ranges(self._headlines, e.start_char)
        ]
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
        ents = entities_in(self.ents, mention.start, mention.end)
        source_type, anonymous = classify(doc, mention, self.ents)
        together = coordinated_people(self.doc, self.ents, mention, self._full_name)
        if together is not None:
            return Resolved(together, "person", False)
        named_before = self._named_before(mention)
        if named_before is not None:
            return Resolved(named_before.text, source_type, anonymous, mention.role)
        person = next((e for e in ents if e.label_ == "PERSON" and head in e), None)
        if person is None and head.pos_ == "PROPN":
            # A bare or possessive surname ("the Center's Khatib") the NER missed.
            named = [e for e in self.ents if e.label_ == "PERSON" and e[-1].text == head.text]
            if named:
                person = max(named, key=lambda e: len(e.text))
        if person is None and head.pos_ == "NOUN" and not head.ent_type_:
            # The name after the post: "Ryan's spokeswoman, AshLee Strong",
            # "her top aide Huma Abedin" (not "the Clinton campaign").
            person = next(
                (
                    e
                    for e in entities_in(self.ents, mention.full_start, mention.full_end)
                    if e.label_ == "PERSON"
                    and e.start > head.i
                    and any(t.head.i == head.i and t.dep_ in NAMING for t in e)
                ),
                None,
            )
        if person is not None:
            return Resolved(self._full_name(person), "person", False, mention.role)
        # Only an entity that is the head, or names it ("the activist group
        # Raqqa Is Being Slaughtered Silently"), names the source; one inside a
        # modifier ("attacks against Islamic State targets") does not.
        for ent in entities_in(self.ents, mention.full_start, mention.full_end):
            if head in ent or any(t.head.i == head.i and t.dep_ in NAMING for t in ent):
                if head not in ent and head.lemma_.lower() in PERSON_POSTS:
                    # "an Alaska lawyer", "U.N. High Commissioner … Navi Pillay":
                    # a person by post, not the place or body that qualifies it.
                    return Resolved(mention.text, source_type, anonymous, mention.role)
                role = None if mention.role and mention.role in ent.text else mention.role
                return Resolved(ent.text, source_type, anonymous, role)
        if head.pos_ == "PROPN":
            return Resolved(mention.text, source_type, anonymous, mention.role)
        return None

    def _named_before(self, mention: SourceMention) -> Span | None:
        """The organization named earlier whose name the definite "the Observatory"
        shortens."""
        tokens = mention_tokens(self.doc, mention)
        if tokens[0].lower_ != "the" or len(tokens) > 3 or self.doc[mention.head].pos_ != "PROPN":
            return None
        words = {t.text for t in tokens[1:]}
        for ent in reversed(self.ents):
            if ent.end_char > mention.start or ent.label_ not in {"ORG", "FAC"}:
                continue
            if len(ent) > len(tokens) - 1 and words <= {t.text for t in ent}:
                return ent
        return None

    def _described(self, mention: SourceMention) -> Resolved:
        doc = self.doc
        head = doc[mention.head]
        lemma = head.lemma_.lower()
        first = mention_tokens(doc, mention)[0]
        if first.lower_ in {"the", "this", "that"}:
            for known in reversed(self.known):
                if known.head_lemma == lemma:
                    return known.resolved
            named = defined_as(doc, head, self.ents, self.paragraph_of)
            if named is not None:
                return Resolved(
                    named.text, *classify(doc, mention_of(named.root, self.ents), self.ents)
                )
        source_type, anonymous = classify(doc, mention, self.ents)
        return Resolved(mention.text, source_type, anonymous, mention.role)
