"""The attribute ruler's rules applied by dictionary lookup instead of spaCy's Matcher.

``en_core_web_sm``'s attribute ruler maps each fine tag to its part of speech and
morphology and applies about 30 exceptions (``"gon na"``, ``"it"`` as subject).
spaCy runs its 179 patterns through the token Matcher, a state machine over every
token. Every one of those patterns names the first token's tag, form, dependency
or whitespace exactly (or as one of a few values), so here each token looks up the
patterns that name its own, checks the rest of each, and the matches are applied as
spaCy applies them: sorted by pattern, a later pattern's attributes overriding an
earlier one's, through spaCy's own ``set_token_attrs``. A model whose rules use a
key or operator this does not read keeps spaCy's component.

Same annotations as spaCy's component on every token (tag, part of speech,
morphology, lemma, dependency, head) of the corpus reports, the mixed feed and the
demo reports (``tests/test_nlp_attributes.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

# The token attributes a rule may test, in the order of a token's feature tuple.
FEATURES = ("TAG", "LOWER", "DEP", "IS_SPACE")
_EQ, _IN, _NOT_IN, _REGEX = range(4)
_OPERATORS = {"IN": _IN, "NOT_IN": _NOT_IN, "REGEX": _REGEX}

Check = tuple[int, int, Any]  # feature, operator, value


@dataclass(frozen=True, slots=True)
class _Rule:
    number: int  # the pattern's place in the ruler: later ones override
    first: tuple[Check, ...]  # what the first token must have beyond its anchor
    rest: tuple[tuple[Check, ...], ...]  # the following tokens' checks
    index: int  # the token of the match that gets the attributes


def _features(token: Token) -> tuple[Any, ...]:
    # As spaCy's Matcher reads them (an attribute not set reads as "").
    return (token.tag_, token.lower_, token.dep_, token.is_space)


def _passes(features: tuple[Any, ...], checks: tuple[Check, ...]) -> bool:
    for feature, operator, value in checks:
        have = features[feature]
        if operator == _EQ:
            if have != value:
                return False
        elif operator == _IN:
            if have not in value:
                return False
        elif operator == _NOT_IN:
            if have in value:
                return False
        elif value.search(str(have)) is None:
            return False
    return True


def _checks(spec: dict[str, Any]) -> list[Check]:
    checks: list[Check] = []
    for key, want in spec.items():
        if key not in FEATURES:
            raise ValueError(f"attribute rule tests {key}")
        feature = FEATURES.index(key)
        if not isinstance(want, dict):
            checks.append((feature, _EQ, want))
            continue
        if len(want) != 1 or next(iter(want)) not in _OPERATORS:
            raise ValueError(f"attribute rule uses {sorted(want)}")
        operator, values = next(iter(want.items()))
        code = _OPERATORS[operator]
        checks.append((feature, code, re.compile(values) if code == _REGEX else frozenset(values)))
    return checks


class DictAttributeRuler:
    """A drop-in for a loaded ``AttributeRuler`` (see the module's docstring)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.ruler: AttributeRuler | None = None
        # (feature, value) -> rules whose first token must have that value there.
        self.anchored: dict[tuple[int, Any], list[_Rule]] = {}
        self.everywhere: list[_Rule] = []

    def take_rules(self, ruler: AttributeRuler) -> None:
        """Apply ``ruler``'s rules from now on (it keeps them; ``ValueError`` when one
        uses a key or operator this does not read)."""
        self.ruler = ruler
        for number, entry in enumerate(ruler.patterns):
            patterns: list[list[dict[str, Any]]] = entry["patterns"]  # type: ignore[assignment]
            index: int = entry["index"]  # type: ignore[assignment]
            for pattern in patterns:
                self._add(number, pattern, index)
        for rules in self.anchored.values():
            rules.sort(key=lambda rule: rule.number)

    def _add(self, number: int, pattern: list[dict[str, Any]], index: int) -> None:
        if not pattern:
            raise ValueError(f"attribute rule {number} is empty")
        first = _checks(pattern[0])
        rest = tuple(tuple(_checks(spec)) for spec in pattern[1:])
        # The first exact or one-of check (tag first: it splits tokens finest) anchors it.
        anchor = next(
            (c for f in range(len(FEATURES)) for c in first if c[0] == f and c[1] in (_EQ, _IN)),
            None,
        )
        if anchor is None:
            self.everywhere.append(_Rule(number, tuple(first), rest, index))
            return
        others = tuple(c for c in first if c is not anchor)
        rule = _Rule(number, others, rest, index)
        feature, operator, value = anchor
        for wanted in value if operator == _IN else (value,):
            self.anchored.setdefault((feature, wanted), []).append(rule)

    def __call__(self, doc: Doc) -> Doc:
        assert self.ruler is not None, "take_rules() first"
        features = [_features(token) for token in doc]
        n = len(doc)
        matches: list[tuple[int, int, int]] = []
        anchored = self.anchored
        for start, own in enumerate(features):
            for feature in range(len(FEATURES)):
                for rule in anchored.get((feature, own[feature]), ()):
                    if self._match(rule, features, start, n):
                        matches.append((rule.number, start, start + 1 + len(rule.rest)))
            for rule in self.everywhere:
                if self._match(rule, features, start, n):
                    matches.append((rule.number, start, start + 1 + len(rule.rest)))
        # Sorted as spaCy sorts them, so a later pattern's attributes win.
        matches.sort()
        indices, attrs = self.ruler.indices, self.ruler.attrs
        for number, start, end in matches:
            set_token_attrs(doc[start:end][indices[number]], attrs[number])
        return doc

    @staticmethod
    def _match(rule: _Rule, features: list[tuple[Any, ...]], start: int, n: int) -> bool:
        if start + len(rule.rest) >= n or not _passes(features[start], rule.first):
            return False
        return all(_passes(features[start + k], checks) for k, checks in enumerate(rule.rest, 1))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("sitroom_dict_attribute_ruler")
def _make(nlp: Language, name: str) -> DictAttributeRuler:
    return DictAttributeRuler(name)


def use_dict_attribute_ruler(nlp: Language) -> bool:
    """Swap the pipeline's attribute ruler for ``DictAttributeRuler``; False (and the
    pipeline unchanged) when it has none or uses a rule this does not read."""
    for name, component in nlp.pipeline:
        if isinstance(component, AttributeRuler):
            try:
                DictAttributeRuler(name).take_rules(component)
            except ValueError:
                return False
            fast = nlp.replace_pipe(name, "sitroom_dict_attribute_ruler")
            fast.take_rules(component)  # type: ignore[attr-defined]
            return True
    return False
