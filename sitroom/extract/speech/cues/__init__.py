"""Attribution cues: what in a sentence says that someone said or thinks something.

- ``find``: speech verbs with a source ("X said …", "…, X said", "according to
  X"), colon and dash cues; the ``Cue`` record and ``find_cues``;
- ``extra``: cues besides the speech verbs (passives, stance adjectives) and how
  a cue's source is named (``who_of``);
- ``constructions``: stance verbs that count only in one construction
  ("declined to comment"), and stance adjectives ("is eager to");
- ``passive``: passives with no source ("is expected to");
- ``adjectives``: stance adjectives outside "X is …" ("voters wary of change");
- ``nominal``: nouns with a preposition ("his call for a ceasefire");
- ``frames``: labels ("MORALES: …") and claim nouns ("X's claim that …");
- ``spurious``: reported content PolNeAR does not count (a closing editor's note).
"""

from __future__ import annotations

from sitroom.extract.speech.cues.constructions import STANCE_CONSTRUCTIONS
from sitroom.extract.speech.cues.extra import extra_cues, who_of
from sitroom.extract.speech.cues.find import Cue, colon_cue, dash_cue, find_cues, sentences
from sitroom.extract.speech.cues.frames import CLAIM_NOUNS, claim_noun_cues, label_cues
from sitroom.extract.speech.cues.nominal import PREP_NOUNS
from sitroom.extract.speech.cues.spurious import in_closing_note

__all__ = [
    "CLAIM_NOUNS",
    "PREP_NOUNS",
    "STANCE_CONSTRUCTIONS",
    "Cue",
    "claim_noun_cues",
    "colon_cue",
    "dash_cue",
    "extra_cues",
    "find_cues",
    "in_closing_note",
    "label_cues",
    "sentences",
    "who_of",
]
