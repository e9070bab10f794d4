"""What a speech verb reports when its object is the report.

``content.span`` takes the direct object as content only for the verbs of
its ``_OBJECT_CONTENT`` list ("claimed responsibility", "denied the charge").
A few more speech verbs name what was said by their object ("explained his
plan", "stated her intention to run", "reiterated his support for the
bill"); PolNeAR gold takes that object as the content. This module gives it
for them when the main rules find nothing, so it never changes a content
that ``content.span`` reads.

Read off the missed gold cues "explained"/"stated"/"reiterated" on PolNeAR train
[0:600]: 20 Quotes added, 13 right (7 narrower ones they hold were then left to them, as
``quotes._outermost`` does).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sitroom.extract.speech.content.span import object_content

OBJECT_REPORTING_VERBS = frozenset({"explain", "state", "reiterate"})


def reported_object(verb: Token, lemma: str, sent: Span, source: Token) -> tuple[int, int] | None:
    """The object of ``verb`` as its reported content, for the verbs above."""
    if lemma not in OBJECT_REPORTING_VERBS:
        return None
    objects = [
        c
        for c in verb.children
        if c.dep_ == "dobj" and c.i != source.i and sent.start <= c.i < sent.end
    ]
    return object_content(verb, objects[0], sent) if objects else None
