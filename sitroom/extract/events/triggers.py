"""Event triggers over spaCy's parse, and the filters that keep non-events out.

A trigger is a token whose lemma names a violent or political event ("clash",
"airstrike", "kill", "execution"). A trigger counts only when the parse says it
reports something that happened: not negated, not modal or future, not an
infinitive of intent ("an offensive to retake Mosul"), not a generic statement
("airstrikes are rare", "vulnerable to attacks"), not a trend ("a growing
incidence of attacks"). These filters are what keeps opinion, background and
analysis sentences from producing events. An incident noun whose own phrase
anchors it to one incident ("Sunday's assault", "the attack which killed a
contractor") counts whatever governs it (``nominal.anchored_incident``); verbs
that take places ("took a hill") or power ("seized control of the country") are
read in ``nominal`` too.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sitroom import lexicon
from sitroom.extract.events.gatherings import (
    cracks_down,
    crowd_gathers,
    labour_strike,
    takes_to_streets,
)
from sitroom.extract.events.nominal import (
    CROWDS,
    anchored_incident,
    falls_to,
    in_control,
    plants_bomb,
    takes_place,
    takes_power,
)

# Lemma → the sub-event code a trigger implies when the sentence's cues are weak
# (``sitroom/lexicon/event_triggers.tsv``). "KILL" is resolved later by the victims.
TRIGGERS: dict[str, str] = {row["lemma"]: row["code"] for row in lexicon.table("event_triggers")}
PROJECTILES = frozenset({"rocket", "missile", "mortar", "shell", "projectile"})
_FIRING_VERBS = frozenset({"fire", "launch", "lob"})
# People, not places, as what was seized: "women seized by jihadists" is an abduction.
# (besides the civilian nouns of ``sitroom/lexicon/civilian_words.txt``).
_TAKEN_PEOPLE = lexicon.words("civilian_words") | frozenset(
    """
    man men person schoolgirl schoolgirls schoolchildren worker workers hostage hostages
    traveller travellers traveler travelers pupil pupils
    """.split()
)
_SEIZING = frozenset({"seize", "capture"})
# Verbs that are events only with a place (or a state) as what was taken.
_TAKING_PLACES = frozenset({"take", "clear", "liberate"})
# A projectile that hit something: "a mortar hit their kitchen", "a shell landed on a school".
_HITTING_VERBS = frozenset({"hit", "strike", "land", "slam", "crash", "smash"})
# Past forms the small model leaves as their own lemma.
_PAST_FORMS = {"retook": "retake", "retaken": "retake"}
# What a force "lost" when it lost people: "lost three soldiers", "lost one of her
# finest warriors", "lost their lives" (a casualty statement); "lost the election" is none.
_LOST_PEOPLE = frozenset(
    """
    soldier troop warrior marine sailor airman airmen serviceman servicemen member
    officer policeman policemen fighter comrade guard life
    """.split()
)
# "body" only with a verb of discovery; "strike" only as a noun of attack.
_BODY_VERBS = {"find", "discover", "recover", "dump", "uncover"}
_MODALS = {"will", "would", "could", "might", "may", "should", "must", "shall", "'ll", "ca", "can"}
# Heads that turn an event noun into a possibility, a trend or an evaluation.
_NON_EVENT_HEADS = {
    "risk",
    "threat",
    "fear",
    "prospect",
    "possibility",
    "chance",
    "capability",
    "capacity",
    "ability",
    "incidence",
    "plan",
    "aim",
    "attempt",
    "effort",
    "wave",
    "campaign",
    "history",
    "test",
    "prevent",
    "avoid",
    "deter",
    "threaten",
    "vow",
    "warn",
    "seek",
    "try",
    "intend",
    "expect",
    "hope",
    "want",
    "prepare",
    "pledge",
    "condemn",
    "deny",
    "urge",
    "call",
    "demand",
    "discuss",
    "ready",
    "vulnerable",
    "prone",
    "likely",
    "unlikely",
}
_GENERIC_ADJ = {
    "rare",
    "common",
    "frequent",
    "routine",
    "regular",
    "possible",
    "likely",
    "unlikely",
}


def trigger_code(token: Token) -> str | None:
    """The default sub-event code of a trigger token, or None if it is not one."""
    lemma = token.lemma_.lower()
    lemma = _PAST_FORMS.get(token.lower_, lemma)
    if lemma in PROJECTILES and token.pos_ == "NOUN":
        # "fired rockets at Israel", "launched a missile at Marib": remote fire; "a mortar
        # hit their kitchen": a projectile that struck.
        fired = token.dep_ == "dobj" and token.head.lemma_.lower() in _FIRING_VERBS
        hit = token.dep_ == "nsubj" and token.head.lemma_.lower() in _HITTING_VERBS
        return "ART_MISS_ATTACK" if (fired or hit) and is_factual(token.head) else None
    if lemma == "lose" and token.pos_ == "VERB":
        return "KILL" if _loses_people(token) else None
    if crowd_gathers(token) or takes_to_streets(token):
        return "PEACE_PROTEST"
    if cracks_down(token):
        return "PROTEST_WITH_INTER"
    if labour_strike(token):
        return "PEACE_PROTEST"
    if lemma in _POUNDING:
        if token.pos_ != "VERB" or not _has_target(token):
            return None
        return "AIR_STRIKE" if _by_aircraft(token) else TRIGGERS[lemma]
    if lemma not in TRIGGERS:
        lowered = token.lower_
        if lowered in ("shootouts", "airstrikes", "shootout", "fighting", "killings"):
            lemma = lowered.rstrip("s") if lowered != "killings" else "killing"
        else:
            return None
    if lemma == "strike" and token.pos_ == "VERB":
        return None
    if lemma == "body" and finding_verb(token) is None:
        return None
    if lemma == "fire" and not (token.head.lemma_.lower() == "set" or _fired_on(token)):
        return None  # "opened fire" is a shooting, read through its victims
    if lemma == "fire" and token.pos_ == "VERB":
        return "KILL"  # "marchers were fired on by police": read through its victims
    if lemma in _TAKING_PLACES:
        if token.pos_ != "VERB":
            return None
        if takes_power(token):
            return "OTHER"  # a coup: ACLED's Strategic developments
        if not takes_place(token):
            return None
    if lemma == "fall" and not falls_to(token):
        return None
    if lemma in ("plant", "place") and not plants_bomb(token):
        return None
    if lemma == "control" and not in_control(token):
        return None
    if lemma in _SEIZING and takes_power(token):
        return "OTHER"
    if lemma == "beat" and token.pos_ != "VERB":
        return None
    if lemma == "attack" and _names_aircraft(token):
        return None
    if token.pos_ not in ("VERB", "NOUN", "PROPN", "ADJ"):
        return None
    if _in_compound_adjective(token) or _fights_a_thing(token):
        return None
    if lemma == "fight" and (token.pos_ != "VERB" or token.tag_ == "VB"):
        # "the fights between the two militias" is background ("fighting" is read), and a
        # bare "fight" an aim ("a coalition helping Iraq fight the militants").
        return None
    if lemma in _SEIZING and _seizes_people(token):
        return "ABDUCT_DISSAP"
    return TRIGGERS.get(lemma)


# Verbs of heavy fire that name their target ("warplanes pounded targets in the city").
_POUNDING = lexicon.role_words("incident_words", "pounding_verb")


def _has_target(verb: Token) -> bool:
    return any(
        c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ in ("on", "at"))
        for c in verb.children
    )


def _by_aircraft(verb: Token) -> bool:
    """'warplanes pounded rebel positions', 'jets bombed the town', 'was bombed by drones'."""
    agents = [c for c in verb.children if c.dep_ == "nsubj"]
    agents += [p for c in verb.children if c.dep_ == "agent" for p in c.children]
    return any(w.lower_ in _WARPLANES for a in agents for w in a.subtree)


def _in_compound_adjective(token: Token) -> bool:
    """'the battle-scarred old quarter', 'war-torn', 'strike-hit': a word of a hyphenated
    modifier describes a place or a thing, it tells no event."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return (
        nxt is not None
        and nxt.tag_ == "HYPH"
        and token.dep_ in ("npadvmod", "compound", "amod")
        and token.head.dep_ == "amod"
        and token.head.i > token.i
    )


# Who or what a fight is with: people, forces, groups, places (what a clash is fought
# against); "fighting his extradition", "battling cancer" are no clashes.
_FOUGHT = (
    lexicon.words("force_words")
    | lexicon.words("civilian_words")
    | lexicon.role_words("incident_words", "opponent")
    | {"people"}
)
_FOUGHT_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC"})


def _fights_a_thing(token: Token) -> bool:
    """A verb of fighting that names no people, forces or group as its opponent ("fought
    for independence", "fighting his extradition"); "fought the militants", "battled with
    government forces" are clashes."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in ("fight", "battle"):
        return False
    against = [c for c in token.children if c.dep_ == "dobj"]
    against += [
        p
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in ("with", "against", "alongside")
        for p in c.children
        if p.dep_ == "pobj"
    ]
    if not against:
        return token.lemma_.lower() == "fight"  # "battled on" without an object stays one
    return not any(
        w.ent_type_ in _FOUGHT_LABELS or w.lower_ in _FOUGHT or w.lemma_.lower() in _FOUGHT
        for o in against
        for w in o.subtree
    )


def finding_verb(body: Token) -> Token | None:
    """The verb that found bodies: 'bodies were found', 'found the bodies', 'the bodies of
    65 people shot in the head have been found' (the small model hangs "bodies" on "shot":
    a passive verb of finding close after the noun is what found them)."""
    if body.head.lemma_.lower() in _BODY_VERBS:
        return body.head
    after = body.doc[body.i + 1 : min(body.i + 14, body.sent.end)]
    return next(
        (
            w
            for w in after
            if w.lemma_.lower() in _BODY_VERBS and any(c.dep_ == "auxpass" for c in w.children)
        ),
        None,
    )


def past_form(verb: Token) -> bool:
    """'retook': a past tense the small model tags as present (it does not know the word)."""
    return verb.lower_ in _PAST_FORMS


def _fired_on(token: Token) -> bool:
    """'marchers were fired on by police', 'troops fired on the crowd': shots at people."""
    if token.pos_ != "VERB":
        return False
    # "were fired on (by police)": the preposition left without its object; not "shots
    # were fired on Friday" (no one named as the target).
    passive = any(c.dep_ == "auxpass" for c in token.children) and any(
        c.dep_ in ("prep", "prt")
        and c.lower_ in ("on", "at", "upon")
        and not any(p.dep_ == "pobj" for p in c.children)
        for c in token.children
    )
    at_people = any(
        c.dep_ == "prep"
        and c.lower_ in ("on", "at", "into")
        and any(w.lower_ in _TAKEN_PEOPLE or w.lemma_.lower() in CROWDS for w in c.subtree)
        for c in token.children
    )
    return passive or at_people


def _seizes_people(token: Token) -> bool:
    """'seized 30 women', '30 women were seized', 'women seized by jihadists'."""
    taken = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.dep_ == "acl":
        taken.append(token.head)
    return any(t.lower_ in _TAKEN_PEOPLE or t.ent_type_ == "PERSON" for t in taken)


def _loses_people(token: Token) -> bool:
    """'lost three soldiers', 'lost one of her finest warriors', 'lost their lives'."""
    for obj in (c for c in token.children if c.dep_ == "dobj"):
        lost = [obj] + [p for prep in obj.children if prep.lower_ == "of" for p in prep.children]
        if any(t.lemma_.lower() in _LOST_PEOPLE or t.lower_ in _LOST_PEOPLE for t in lost):
            return True
    return False


_AIRCRAFT = frozenset(
    """aircraft helicopter helicopters jet jets drone drones plane planes bomber bombers
    fighter warplane warplanes gunship gunships""".split()
)
# Aircraft as the agent of fire ("fighters" alone are people).
_WARPLANES = _AIRCRAFT - {"fighter"}


def _names_aircraft(token: Token) -> bool:
    """'attack helicopters', 'Attack, bomber, fighter and remotely piloted aircraft'."""
    if token.head.lower_ in _AIRCRAFT and token.dep_ in ("compound", "amod", "nmod"):
        return True
    rest = token.doc[token.i + 1 : token.i + 3]
    return len(rest) == 2 and rest[0].text == "," and rest[1].lower_ in _AIRCRAFT


def clause_head(token: Token) -> Token:
    """The verb that governs a trigger (the trigger itself when it is a verb)."""
    node = token
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT":
            return node
        node = node.head
    return node


def is_factual(token: Token) -> bool:
    """False for negated, modal, future, infinitival, conditional or generic triggers."""
    head = clause_head(token)
    for node in {token, head}:
        for child in node.children:
            if child.dep_ == "neg" or child.lower_ in ("never", "no"):
                return False
            if child.dep_ in ("aux", "auxpass") and child.lower_ in _MODALS:
                return False
            if child.dep_ == "aux" and child.tag_ == "TO" and not aspectual(node):
                return False
            if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
                return False
        if node.lemma_.lower() in _NON_EVENT_HEADS and not (node is head and labour_strike(token)):
            return False  # "called for an attack", not "called a strike" (a stoppage)
    # "going to attack", "plans to seize": intent, not fact.
    if head.dep_ == "xcomp" and head.head.lemma_.lower() in _NON_EVENT_HEADS | {"go", "be"}:
        return False
    return not _generic(token)


# "continued to attack", "began to shell": the infinitive happened.
_ASPECTUAL = frozenset({"continue", "begin", "start", "resume", "keep"})


def aspectual(verb: Token) -> bool:
    """Whether ``verb`` is the infinitive of "continued to", "began to" (it happened)."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _ASPECTUAL


def _generic(token: Token) -> bool:
    """'airstrikes are rare', 'vulnerable to attacks', 'incidence of attacks'."""
    ancestor = token.head
    stoppage = labour_strike(token)
    for _ in range(3):
        if ancestor.lemma_.lower() in _NON_EVENT_HEADS and not stoppage:
            return True
        if ancestor.pos_ == "ADJ":
            return True
        if ancestor == ancestor.head:
            break
        ancestor = ancestor.head
    return (
        token.dep_ in ("nsubj", "attr")
        and token.head.lemma_ == "be"
        and any(c.dep_ == "acomp" and c.lemma_.lower() in _GENERIC_ADJ for c in token.head.children)
    )


def find_triggers(sent: Span) -> list[tuple[Token, str]]:
    """Factual triggers in a sentence with their default sub-event codes."""
    found: list[tuple[Token, str]] = []
    for token in sent:
        code = trigger_code(token)
        if code is not None and (is_factual(token) or anchored_incident(token)):
            found.append((token, code))
    return found
