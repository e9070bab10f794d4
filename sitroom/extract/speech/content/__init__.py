"""Reported content: the span of what a cue reports.

- ``span``: the content read off the parse (``content_of``: the clausal
  complement, for some verbs the object, a preposition's object, or the sentence
  around the cue), trimmed of edge punctuation and quote marks;
- ``objects``: content in shapes the main rules miss ("called X Y", "calling for
  …", "As the Post reported, …");
- ``speech_objects``: speech verbs whose object is the report ("explained his plan");
- ``orphans``: content for cues the parse left without one;
- ``starts`` / ``ends``: where content starts (words the parse left out) and ends
  (a writer's closing aside);
- ``extend``: parts the parse hung on the cue verb after the complement;
- ``run_on``: quotes that run on past their cue sentence (''…'' quotes).
"""

from __future__ import annotations

from sitroom.extract.speech.content.ends import without_closing_aside
from sitroom.extract.speech.content.extend import extended
from sitroom.extract.speech.content.objects import WHEN
from sitroom.extract.speech.content.orphans import orphan_content
from sitroom.extract.speech.content.run_on import mostly_quoted, partly_quoted, run_on, within_pair
from sitroom.extract.speech.content.span import (
    CUE_VERBS,
    content_of,
    cue_lemma,
    object_content,
    trimmed,
)
from sitroom.extract.speech.content.speech_objects import reported_object

__all__ = [
    "CUE_VERBS",
    "WHEN",
    "content_of",
    "cue_lemma",
    "extended",
    "mostly_quoted",
    "object_content",
    "orphan_content",
    "partly_quoted",
    "reported_object",
    "run_on",
    "trimmed",
    "within_pair",
    "without_closing_aside",
]
