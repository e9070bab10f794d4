"""What a source word may stand for: never a day or an amount, never a headline.

``source_word`` mends the word a cue names as its source when the parse took a
time for the subject ("Speaking in Geneva Monday, U.N. rights chief Navi
Pillay urged …": "Monday" is the subject, the name its apposition);
``markup_free`` cuts wiki markup a cleaner left glued to a name.
``headline_ranges`` finds the title lines of a report, whose capitalised words
("Kurd Fighters Struggle to Defend …") the NER takes for people.
``coordinated_people`` and ``previous_group`` find people or bodies joined by
"and" (speakers together; what "they" stands for). ``clause_subject`` says
whether an entity is the subject of its clause, also when the parse lost the
subject ("Also in Geneva, Secretary-General Ban Ki-moon rebuked …" hangs the
name on the place).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from sitroom.extract.speech.mentions import NAMED, SourceMention, entities_in
from sitroom.extract.speech.person_roles import PERSON_POSTS, TIME_WORDS
from sitroom.nlp.text import doc_text, span_ents

_AMOUNTS = frozenset({"MONEY", "QUANTITY"})
_DAYS = frozenset({"DATE", "TIME"})
_MARKUP = re.compile(r"\{\{|\}\}|\[\[|\]\]|\||<!--|-->")
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def not_a_name(token: Token) -> bool:
    """A day, a time, an amount or markup: words that never name a source.

    Counts do: "The two said", "only 28 said", "one said" are people.
    """
    if any(c.dep_ == "compound" for c in token.children):
        return False  # "USA TODAY"
    if token.ent_type_ in _DAYS:
        # A name the NER ran into a date ("Last week Stumpf appeared …") is a name.
        return token.pos_ != "PROPN" or token.lower_ in TIME_WORDS
    if token.lower_ in TIME_WORDS and not token.ent_type_:
        return True
    if token.ent_type_ in _AMOUNTS:
        return True
    return bool(_MARKUP.search(token.text))


def source_word(token: Token) -> Token | None:
    """``token``, or the name in apposition to it when ``token`` is a day or a number."""
    if not not_a_name(token):
        return token
    for child in token.rights:
        if child.dep_ == "appos" and not not_a_name(child):
            return child
    # "President Obama, dedicating the museum on Saturday, said …" parsed with
    # the day for the subject: the person named before the verb, outside any
    # prepositional phrase, is.
    verb = token.head
    for ent in span_ents(token.sent):
        if ent.label_ != "PERSON" or ent.end > verb.i:
            continue
        path = list(ent.root.ancestors)
        if verb in path and not any(t.dep_ in {"prep", "pobj"} for t in path[: path.index(verb)]):
            return ent.root
    return None


def markup_free(text: str) -> str | None:
    """``text`` without wiki markup before its last markup sign; None when the
    rest is glued to the markup (a word the cleaner cut) or empty."""
    found = list(_MARKUP.finditer(text))
    if not found:
        return text
    rest = text[found[-1].end() :]
    if not rest[:1].isspace():
        return None
    rest = rest.strip()
    return rest or None


def headline_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of title lines: short lines of capitalised words with no
    closing full stop."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for line in doc_text(doc).split("\n"):
        end = start + len(line)
        words = re.findall(r"[A-Za-z][\w'-]*", line)
        long = [w for w in words if len(w) > 3]
        closed = line.rstrip().endswith((".", "?", "!", '"', "”", ":"))
        capitals = sum(w[0].isupper() for w in long)
        if 2 <= len(words) <= 20 and long and not closed and 2 * capitals >= len(long):
            ranges.append((start, end))
        start = end + 1
    return ranges


def in_ranges(ranges: list[tuple[int, int]], offset: int) -> bool:
    return any(a <= offset < b for a, b in ranges)


def clause_subject(ent: Span) -> bool:
    """The entity is a clause's subject (or names it), or stands before a
    subject-less main verb."""
    root = ent.root
    if root.dep_ in _SUBJECTS:
        return True
    if root.dep_ == "appos" and root.head.dep_ in _SUBJECTS:
        return True  # "Taiwan's main opposition party, the Kuomintang, rallied …"
    verb = ent.sent.root
    if verb.pos_ not in {"VERB", "AUX"} or ent.end > verb.i:
        return False
    if any(c.dep_ in _SUBJECTS | {"csubj", "expl"} for c in verb.children):
        return False
    # Nothing but the entity's own words, commas and a leading adverbial may
    # stand between it and the verb.
    return all(t.is_punct for t in ent.doc[ent.end : verb.i])


# What may stand between two names joined by "and": their titles and posts.
_TITLE_WORDS = frozenset({"NOUN", "PROPN", "ADJ", "PUNCT", "CCONJ"})


def coordinated_people(
    doc: Doc, ents: Sequence[Span], mention: SourceMention, full_name: Callable[[Span], str]
) -> str | None:
    """ "A and B" when the source phrase joins two or more people by "and"
    ("spokesman X and official Y both told VOA …"): the words are theirs.
    Only titles may stand beside the "and": "Nadler, a Democrat and a
    Clinton ally" names one person, "spokesmen for A and B" neither."""
    people = [
        e for e in entities_in(ents, mention.full_start, mention.full_end) if e.label_ == "PERSON"
    ]
    if len(people) < 2 or any(t.dep_ == "prep" for p in people for t in p.root.ancestors):
        return None
    # Names split at each "and" or comma; within a part the last name is the
    # person ("Col." and "John Ade" are one).
    parts = [people[0]]
    for first, second in pairwise(people):
        between = doc[first.end : second.start]
        if any(t.pos_ not in _TITLE_WORDS and t.lower_ != "and" for t in between):
            return None
        if any(t.lower_ in {"and", ","} for t in between):
            parts.append(second)
        else:
            parts[-1] = second
    names = list(dict.fromkeys(full_name(p) for p in parts))
    if len(names) < 2 or not any(t.lower_ == "and" for t in doc[people[0].end : people[-1].start]):
        return None
    return ", ".join(names[:-1]) + " and " + names[-1]


def previous_group(
    doc: Doc, ents: Sequence[Span], before: int, paragraph_of: Callable[[int], int]
) -> Span | None:
    """Named bodies joined by "and" in the sentence before ``before``: what
    "they" stands for after "… a date accepted by A, B and C."."""
    sents = [s for s in doc.sents if s.end_char <= before]
    if not sents:
        return None
    sent = sents[-1]
    if paragraph_of(before) - paragraph_of(sent.start_char) > 1:
        return None
    bodies = [e for e in ents if e.label_ in {"ORG", "GPE", "NORP"} and e.sent == sent]
    for ent in bodies:
        joined = {t.i for t in ent.root.conjuncts}
        members = [ent] + [e for e in bodies if e.root.i in joined]
        if len(members) > 1:
            return doc[min(m.start for m in members) : max(m.end for m in members)]
    return None


_DEFINED = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+(?:(?:of|the|for|and|on)\s+)*)+[A-Z][\w'’.-]*)\s+\(([A-Z][A-Z-]{1,9})\)"
)


def acronyms(text: str) -> dict[str, str]:
    """Acronyms a text defines ("School of Americas Watch (SOAW)") and their
    long names; only where the letters are the words' initials, in order."""
    found: dict[str, str] = {}
    for match in _DEFINED.finditer(text):
        long, short = match.group(1), match.group(2).replace("-", "")
        words = long.split()
        # Keep the shortest tail of the name whose initials spell the acronym.
        for start in range(len(words) - 1, -1, -1):
            initials = "".join(w[0].upper() for w in words[start:])
            capitals = "".join(w[0] for w in words[start:] if w[0].isupper())
            if short in {initials, capitals}:
                found.setdefault(match.group(2), " ".join(words[start:]))
                break
    return found


def defined_as(
    doc: Doc, head: Token, ents: Sequence[Span], paragraph_of: Callable[[int], int]
) -> Span | None:
    """The named subject of an earlier "X is a … N" when "the N" speaks: "MST is a
    large movement of farm workers. … The movement claims …" (within two
    paragraphs)."""
    lemma = head.lemma_.lower()
    para = paragraph_of(head.idx)
    for token in reversed(doc[: head.i]):
        if para - paragraph_of(token.idx) > 1:
            return None
        if token.dep_ != "attr" or token.lemma_.lower() != lemma or token.head.lemma_ != "be":
            continue
        subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
        if not subjects:
            continue
        named = [e for e in ents if e.start <= subjects[0].i < e.end and e.label_ in NAMED]
        if named:
            return named[0]
        if subjects[0].pos_ == "PROPN":
            return doc[subjects[0].left_edge.i : subjects[0].i + 1]
    return None


def one_person(head: Token) -> bool:
    """The head names one person by post: "Iraq's prime minister", "one of the
    protest organizers"."""
    if head.lower_ == "one":
        of = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
        posts = [c for c in of[0].children if c.dep_ == "pobj"] if of else []
        return bool(posts) and posts[0].lemma_.lower() in PERSON_POSTS
    return head.tag_ == "NN" and head.lemma_.lower() in PERSON_POSTS


def is_person(ent: Span, ents: Sequence[Span]) -> bool:
    """A PERSON entity, or a surname the NER tagged as an organization here
    ("Abadi went on television") but as part of a person's name elsewhere."""
    if ent.label_ == "PERSON":
        return True
    return (
        ent.label_ == "ORG"
        and len(ent) == 1
        and any(o.label_ == "PERSON" and len(o) > 1 and o[-1].text == ent.text for o in ents)
    )
