"""Arguments of an event sentence: where, when and who, read from spaCy's parse.

Location: the toponym as written. Inside the sentence, a place introduced as
"the town/city/village of X" wins (it is the most specific), then places in the
trigger's clause. A sentence that says only "the town" takes the last "town of X"
before it; a sentence with no place takes the first place of the nearest
preceding sentence of its paragraph (that sentence's topic, usually).
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span, Token

from sitroom.extract.event_actors import is_actor, is_people_word
from sitroom.extract.event_coref import back_reference
from sitroom.extract.event_triggers import PROJECTILES
from sitroom.nlp.text import doc_text
from sitroom.resolve.actors import is_country_name, normalize_actor
from sitroom.resolve.dates import DateRange, resolve_date
from sitroom.resolve.geo.cues import demonym_country

_PLACE_LABELS = ("GPE", "LOC", "FAC")
_SETTLEMENT = re.compile(
    r"\b(?:town|city|village|district|neighbou?rhood|area|camp|suburb|outskirts|province|region|"
    r"governorate|state|county)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SMALL = re.compile(
    r"\b(?:town|city|village|district|neighbou?rhood|camp|suburb)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
ANAPHOR = re.compile(r"\bthe (town|city|village)\b", re.IGNORECASE)
# "the home town of Saddam Hussein": a person's town, so the name is the person.
_HOME = re.compile(r"\b(?:home ?town|birthplace|native (?:town|city|village)) of\s+$", re.I)
_ONGOING = re.compile(
    r"\b(?:underway|under way|ongoing|continuing|continue to rage)\b", re.IGNORECASE
)
# An event told in the present tense is dated to the publication day; the date
# text says why, so an analyst never mistakes it for a date written in the report.
_ONGOING_NOTE = " (ongoing on the publication date)"
# Countries and regions: named only when nothing more specific is in reach.
_COARSE = {
    "syria",
    "iraq",
    "afghanistan",
    "yemen",
    "turkey",
    "iran",
    "libya",
    "nigeria",
    "somalia",
    "mali",
    "pakistan",
    "india",
    "russia",
    "ukraine",
    "egypt",
    "lebanon",
    "israel",
    "united states",
    "u.s.",
    "us",
    "britain",
    "europe",
    "kuwaiti",
}


# A place that ends a group's name: "al-Qaeda in the Arabian Peninsula", "Islamic State
# of Iraq", "Army of Conquest". The capital letter marks the name.
_IN_A_GROUP_NAME = re.compile(
    r"\b(?:Qa['e]?[ei]?da|State|Front|Army|Movement|Brigades?|Group|Council)\s+(?:in|of)"
    r"\s+(?:the\s+)?$"
)


# Words a headline or a sentence start capitalises that the small model then tags as a
# place (corpus report 032: "Suspected", "Gunmen").
_TITLE_WORDS = frozenset(
    "suspected alleged unidentified unknown armed masked breaking update live exclusive "
    "killed dead wounded attack attacks".split()
)


def place_ents(span: Span) -> list[Span]:
    """Places in ``span``, leaving out those that only describe a source ("Britain-based")."""
    doc = span.doc
    out = []
    for ent in span.ents:
        # The small model tags some towns as ORG ("the town of Hama"); "home town of
        # Saddam Hussein" stays a person.
        # (or a PERSON: "the southern Ukrainian city of Kherson").
        before = doc_text(doc)[max(0, ent.start_char - 40) : ent.start_char]
        named_as_place = (
            ent.label_ in ("ORG", "PERSON") and _SMALL.search(before) and not _HOME.search(before)
        )
        if ent.label_ not in _PLACE_LABELS and not named_as_place:
            continue
        if demonym_country(ent.text) is not None:
            continue  # "Ukrainian" tagged GPE describes a place; it is not one
        if doc_text(doc)[ent.end_char : ent.end_char + 6].startswith("-based"):
            continue
        if any(t.lower_ == "according" for t in ent.root.ancestors):
            continue
        if _IN_A_GROUP_NAME.search(before):
            continue  # "al-Qaeda in the Arabian Peninsula": part of a group's name
        if len(ent) == 1 and (is_people_word(ent.text) or ent.text.lower() in _TITLE_WORDS):
            continue  # "Gunmen believed to be …", "Killed in Suspected … Attacks": title case
        out.append(ent)
    return out


def _rank(ent: Span, doc: Doc, clause: Token | None) -> tuple[int, int]:
    before = doc_text(doc)[max(0, ent.start_char - 40) : ent.start_char]
    score = 0
    if _SMALL.search(before):
        score += 4
    elif _SETTLEMENT.search(before):
        score += 2
    if ent.text.lower() in _COARSE:
        score -= 3
    if _dateline_place(ent):
        score -= 10  # where the release was written; any other place named beats it
    if (
        clause is not None
        and clause.left_edge.i <= ent.start
        and ent.end <= clause.right_edge.i + 1
    ):
        score += 1
    return score, -ent.start


def sentence_location(sent: Span, clause: Token | None) -> Span | None:
    """The most specific place named in the sentence, or None."""
    places = place_ents(sent)
    if not places:
        return None
    return max(places, key=lambda e: _rank(e, sent.doc, clause))


def location_text(sent: Span, clause: Token | None, paragraph_start: int) -> str | None:
    """The toponym for an event read from ``sent`` (see the module docstring)."""
    doc = sent.doc
    anaphor = ANAPHOR.search(sent.text)
    inside = sentence_location(sent, clause)
    if anaphor and (inside is None or inside.start_char > sent.start_char + anaphor.start()):
        noun = anaphor.group(1).lower()
        matches = list(
            re.finditer(
                rf"\b{noun} of ((?:[A-Z][\w'-]+)(?:[ -][A-Z][\w'-]+)*)",
                doc_text(doc)[: sent.start_char],
            )
        )
        if matches:
            return matches[-1].group(1)
    if inside is not None and (inside.text.lower() not in _COARSE or anaphor is None):
        return inside.text
    before = doc.char_span(paragraph_start, sent.start_char, alignment_mode="contract")
    earlier = place_ents(before) if before is not None else []
    if earlier:
        # The nearest preceding sentence that names a place; its best-ranked (first) place.
        last_sent = earlier[-1].sent.start
        topic = [e for e in earlier if e.sent.start == last_sent]
        return max(topic, key=lambda e: (_rank(e, doc, None)[0], -e.start)).text
    return inside.text if inside is not None else None


def event_date(
    sent: Span, clause: Token, published: date | None, *, clause_only: bool
) -> DateRange | None:
    """The date of the event: a DATE entity in the trigger's clause (or sentence)."""
    lo, hi = clause.left_edge.i, clause.right_edge.i + 1
    candidates = [e for e in sent.ents if e.label_ in ("DATE", "TIME") and not _dateline(e)]
    in_clause = [
        e
        for e in candidates
        if (lo <= e.start and e.end <= hi and not _nested(e.root, clause))
        or _before_the_speaker(e, clause)
    ]
    pool = in_clause if (in_clause or clause_only) else candidates
    best: DateRange | None = None
    for ent in pool:
        resolved = _resolve_ent(ent.text, published)
        if resolved is None:
            continue
        if best is None or (resolved.time_precision or 9) < (best.time_precision or 9):
            best = resolved
    if best is None and published is not None:
        match = _ONGOING.search(sent.text)
        if match:
            return DateRange(published, published, 1, f"{match.group(0)}{_ONGOING_NOTE}")
        progressive = clause.tag_ == "VBG" and any(
            c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP")
            for c in clause.children
        )
        if progressive:
            aux = next(c.text for c in clause.children if c.dep_ == "aux" and c.lemma_ == "be")
            return DateRange(published, published, 1, f"{aux} {clause.text}{_ONGOING_NOTE}")
    return best


# Reported and relative clauses: a date inside one dates that clause's own verb
# (an adverbial "after it opened on Tuesday" shares the time of its event).
_SUBORDINATE = frozenset({"ccomp", "relcl"})


def _nested(token: Token, clause: Token) -> bool:
    """Whether ``token`` hangs on a subordinate clause below ``clause``: in "Kherson held a
    day of mourning on Wednesday after a strike ..., officials said", Wednesday dates the
    mourning, not what "said" reports about the strike."""
    node = token
    while node != clause and node.head != node:
        if node.pos_ in ("VERB", "AUX") and node.dep_ in _SUBORDINATE:
            return True
        node = node.head
    return False


def _dateline(ent: Span) -> bool:
    """'SOUTHWEST ASIA, Dec. 18, 2017 — ...': the day of the release, not of the event."""
    text = doc_text(ent.doc)
    line_start = text.rfind("\n", 0, ent.start_char) + 1
    return ent.start_char - line_start < _DATELINE_CHARS and bool(
        _DATELINE_DASH.match(text, ent.end_char)
    )


# "TAMPA, Fla. –", "KABUL, Afghanistan —", "BAGHDAD (Reuters) -": an upper-case place
# opening its line, then an optional state or country, an optional agency, and a dash.
_DATELINE_PLACE = re.compile(
    r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*"
    r"(?:\([^)]{1,30}\)\s*)?(?:—|–|--?)"
)


def _dateline_place(ent: Span) -> bool:
    """Whether ``ent`` lies in a dateline (where the report was filed)."""
    text = doc_text(ent.doc)
    line_start = text.rfind("\n", 0, ent.start_char) + 1
    dateline = _DATELINE_PLACE.match(text, line_start)
    return dateline is not None and ent.end_char <= dateline.end()


def _before_the_speaker(ent: Span, clause: Token) -> bool:
    """A date the parser hung on "said" but written before the speaker.

    In "fighters abducted 30 women outside Gamboru, on Saturday, community
    leaders said", Saturday dates the abduction; in "…, relatives said on
    Tuesday" the date follows the verb and dates the saying.
    """
    speech = clause.head
    if clause.dep_ != "ccomp" or speech.i <= clause.i:
        return False
    attached = ent.root.head if ent.root.head.dep_ != "prep" else ent.root.head.head
    if attached != speech or ent.start <= clause.right_edge.i:
        return False
    speaker = next((c for c in speech.children if c.dep_ == "nsubj"), None)
    return speaker is not None and ent.end <= speaker.left_edge.i


def _resolve_ent(text: str, published: date | None) -> DateRange | None:
    """Resolve a DATE entity, without a stray leading pronoun ("one last week")."""
    text = re.sub(r"^(?:one|a|an)\s+(?=last|this|earlier)", "", text)
    resolved = resolve_date(text, published=published)
    if resolved is None and " " in text:
        resolved = resolve_date(text.split(" ", 1)[1], published=published)
    return resolved


# Verbs whose country subject is that country's forces ("Turkey launched airstrikes").
_STRIKING_VERBS = frozenset(
    "carry launch conduct strike bomb shell attack fire hit target pound raid".split()
)
# Verbs of a "when" clause whose subject did the killing of the main clause.
_WHEN_ATTACK_VERBS = frozenset(
    "attack ambush storm raid shell bomb target fire open strike hit".split()
)
# A dateline's place and date open a line within this many characters ("SOUTHWEST
# ASIA, Dec. 18, 2017 —", "KIRKUK, Iraq, March 3 (Reuters) -").
_DATELINE_CHARS = 60
_DATELINE_DASH = re.compile(r"\s*(?:\([^)]{1,30}\)\s*)?(?:—|–|--?)\s")
# A subject longer than this is a clause, not a group's name.
_MAX_MENTION_TOKENS = 16
# An acronym in brackets is a few tokens long: "(JNIM)", "(Ansar Allah)".
_MAX_BRACKET_TAIL = 4


def noun_phrase(token: Token) -> str:
    """The compact noun phrase of ``token``: its left modifiers and itself, plus an 'of' PP."""
    left = [
        t for t in token.lefts if t.dep_ in ("amod", "compound", "det", "nummod", "poss", "nmod")
    ]
    start = min([token.i, *(t.left_edge.i for t in left)])
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            end = child.right_edge.i + 1
        elif (
            child.dep_ == "acl"
            and token.lower_ in ("group", "groups")
            and child.right_edge.i - start < _MAX_MENTION_TOKENS
        ):
            # "a group made up mostly of Chechens": "a group" alone names nobody.
            end = max(end, child.right_edge.i + 1)
    return _balanced(token.doc[start:end])


def _balanced(phrase: Span) -> str:
    """The phrase with its bracket closed: "the Group for … Muslims (JNIM)", not "(JNIM"."""
    opened = [t for t in phrase if t.text == "("]
    if len(opened) <= sum(t.text == ")" for t in phrase):
        return phrase.text
    doc = phrase.doc
    for i in range(phrase.end, min(phrase.end + _MAX_BRACKET_TAIL, len(doc))):
        if doc[i].text == ")":
            return doc[phrase.start : i + 1].text
    return doc[phrase.start : opened[-1].i].text.rstrip()


def actors(trigger: Token, clause: Token) -> tuple[str | None, str | None]:
    """(actor1, actor2) as written: the agent and the target/opponent of the event."""
    agent: Token | None = None
    target: Token | None = None
    nation: Token | None = None
    for child in clause.children:
        if child.ent_type_ in _PLACE_LABELS:
            if (
                child.dep_ == "nsubj"
                and is_country_name(child.text)
                and clause.lemma_.lower() in _STRIKING_VERBS
            ):
                nation = child  # "Israel carried out airstrikes": the country's forces
            continue  # "Near Kobani, an airstrike ...": a place parsed as subject
        if child.dep_ == "nsubj" and child != trigger and child.pos_ in ("NOUN", "PROPN", "PRON"):
            agent = child
        elif child.dep_ in ("dobj", "nsubjpass") and child != trigger:
            target = child
        elif child.dep_ == "agent":
            agent = next((g for g in child.children if g.dep_ == "pobj"), agent)
    if agent is None and clause.dep_ == "conj" and clause.head.pos_ == "VERB":
        # "Taliban fighters fired into the air and beat women": a coordinated verb
        # shares the subject of the first.
        agent = next(
            (
                c
                for c in clause.head.children
                if c.dep_ == "nsubj" and c.ent_type_ not in _PLACE_LABELS
            ),
            None,
        )
    if agent is None:
        agent = _when_agent(clause)
    if target is None and trigger.dep_ == "acl" and trigger.tag_ == "VBN":
        target = trigger.head  # "30 women seized by jihadists": the noun is what was done to
    between = _between(trigger) or _between(clause)
    if between is not None:
        return between
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "on", "against", "with"):
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is None:
                continue
            if child.lower_ == "by":
                agent = obj
            else:
                target = obj
        elif (
            child.dep_ in ("amod", "compound")
            and trigger.pos_ == "NOUN"
            and child.ent_type_ == "NORP"
        ):
            nation = child  # "Tuesday's Russian strike": the nation's forces struck
        elif (
            child.dep_ == "compound"
            and agent is None
            and trigger.lemma_.lower() not in PROJECTILES  # "Oniks missiles": a model name
            and (child.pos_ == "PROPN" or normalize_actor(child.text).alias is not None)
        ):
            agent = child
    # Events, weapons, places, dates and sources parse as subjects too; only
    # people and groups are actors (see ``event_actors``). "The group" and "the
    # militants" are the armed group the report named before (``event_coref``).
    agent_text = _as_actor(agent)
    target_text = _as_actor(target)
    if nation is not None and (agent is None or not _by_agent(trigger, agent)):
        # The trigger's own nationality outranks the clause's subject: in "militants
        # fired a rocket, drawing Israeli airstrikes", Israel struck.
        return nation.text, target_text
    return agent_text, target_text


def _as_actor(token: Token | None) -> str | None:
    if token is None:
        return None
    named = back_reference(token)
    if named is not None:
        return named
    return _actor_text(token) if is_actor(token) else None


def _by_agent(trigger: Token, agent: Token) -> bool:
    """Whether ``agent`` is the trigger's own "by" phrase ("an attack by Taliban fighters")."""
    return agent.head.lower_ == "by" and agent.head.head == trigger


def _actor_text(token: Token) -> str:
    """The noun phrase, or the whole mention when only that names a known group.

    "Fighters of the Group for the Support of Islam and Muslims (JNIM)" parses
    with the group's name hanging off "Fighters", outside the compact phrase.
    """
    phrase = noun_phrase(token)
    if normalize_actor(phrase).alias is not None:
        return phrase
    mention = token.doc[token.left_edge.i : token.right_edge.i + 1]
    if len(mention) <= _MAX_MENTION_TOKENS and normalize_actor(mention.text).alias is not None:
        return _balanced(mention)
    return phrase


def _when_clause(clause: Token) -> Token | None:
    """The attack verb of a "when" clause on a passive killing, if any."""
    if not any(c.dep_ == "auxpass" for c in clause.children):
        return None
    for child in clause.children:
        if (
            child.dep_ == "advcl"
            and child.lemma_.lower() in _WHEN_ATTACK_VERBS
            and any(m.dep_ == "advmod" and m.lower_ == "when" for m in child.children)
        ):
            return child
    return None


def _when_agent(clause: Token) -> Token | None:
    """'Two soldiers were killed when militants attacked an army post': the attackers."""
    verb = _when_clause(clause)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb else None
    return None if subject is None or subject.pos_ == "PRON" else subject


def fought_back(clause: Token) -> str | None:
    """'A suspect was killed when he opened fire on the forces': the forces, who killed him.

    The dead man fired first, so ACLED codes an armed clash with the forces as actor1.
    """
    verb = _when_clause(clause)
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in ("he", "she", "they"):
        return None
    for child in verb.children:
        opponent = child if child.dep_ == "dobj" and child.lemma_ != "fire" else None
        if child.dep_ == "prep" and child.lower_ in ("on", "at"):
            opponent = next((g for g in child.children if g.dep_ == "pobj"), None)
        if opponent is not None and is_actor(opponent):
            return noun_phrase(opponent)
    return None


def _between(token: Token) -> tuple[str, str] | None:
    for node in token.subtree:
        if node.lower_ == "between" and node.dep_ == "prep":
            first = next((c for c in node.children if c.dep_ == "pobj"), None)
            if first is None:
                return None
            second = next((c for c in first.children if c.dep_ == "conj"), None)
            if second is None:
                return None
            if not (is_actor(first) and is_actor(second)):
                return None  # "between Qamishli and the village of Tell Hamis": places
            return noun_phrase(first), noun_phrase(second)
    return None
