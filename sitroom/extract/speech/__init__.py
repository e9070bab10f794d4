"""Speech: direct quotes, reported speech and the attributions built from them.

``extract_quotes(doc)`` finds quotes and their speakers; ``extract_attributions(doc,
quotes)`` turns them into claims with a source and a certainty. Inside:

- ``quotes`` (the entry point and its decisions), ``marks`` (quote marks alone),
  ``plan`` (which cue or earlier quote gives each quoted span its speaker),
  ``speakers`` and ``speaker_cues`` (who the speaker is, across the report);
- ``cues/``: what counts as an attribution cue (speech verbs, constructions,
  passives, stance adjectives, nominal cues, labels and frames);
- ``content/``: what a cue reports (the content span: where it starts and
  ends, what the parse cut short or left without content);
- ``attributions`` (the entry point for claims and their certainty),
  ``words`` (the word lists, read from ``sitroom.lexicon``) and ``parse_tree``
  (reads of the dependency tree the rules share).
"""

from __future__ import annotations

from sitroom.extract.speech.attributions import extract_attributions
from sitroom.extract.speech.quotes import extract_quotes

__all__ = ["extract_attributions", "extract_quotes"]
