"""Whole-line furniture rules: promo, share/print/subscribe, archive notices, URLs, photo credits.

Each rule matches a complete line (a paragraph, in most text) and names the
``Removed`` kind and a reason. A rule never removes part of a sentence: a
line that merely mentions "subscribe" or a URL inside prose is body text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    kind: str  # promo | related | credit | nav | other
    reason: str
    pattern: re.Pattern[str]


def _rule(kind: str, reason: str, pattern: str) -> Rule:
    return Rule(kind, reason, re.compile(pattern, re.IGNORECASE))


# A URL line is only a candidate: clean keeps one that stands alone in the body.
URL_LIST_REASON = "URL reference list"

# Longest bracketed promo line: real ones are headlines (the seed's longest is
# 66 characters); a bracketed line over 200 characters is an editor's note.
_MAX_PROMO = 200

RULES: tuple[Rule, ...] = (
    # `.text_selected::selection { background: #CEF6F5; color: #000000;}`: a style
    # rule a scraper kept (seen in the VOA transcripts of ../shared/corpus). A whole
    # line of "selector { property: value; }" is never prose.
    Rule(
        "other",
        "stylesheet left by the scraper",
        re.compile(r"^[.#@]?[\w\-]+(?:[\w\-:.#>~+,\s\[\]=\"']*)\{(?:\s*[\w\-]+\s*:[^{};]+;?)+\s*\}$"),
    ),
    # [Read: The Islamic State is failing at being a state]
    # A promo is a headline: a capital first and three words or more. A
    # lower-case start is an editor's insertion in a transcript, and one or
    # two words ("[CNET]", "[Photos]") a source tag or a label.
    Rule(
        "promo",
        "bracketed promo line",
        re.compile(rf"^\[(?=[A-Z0-9\"“‘])(?=[^\]]*?\S+\s+\S+\s+\S)[^\[\]]{{3,{_MAX_PROMO}}}\]$"),
    ),
    _rule(
        "promo",
        "read-more link",
        r"^(?:\W{0,3})(?:read|see|watch|listen|click)"
        r"(?: (?:more|also|next|here|now|the full story))?"
        # Not a hyphen: "Click-through rates rose" is a sentence.
        r"\s*(?::|\||»|›|>|–|—)\s*\S.{0,200}$",
    ),
    _rule(
        "promo",
        "read-more link",
        r"^(?:read more|read also|also read|see also|more on this(?: story)?)\s*[:.»›]?$",
    ),
    _rule(
        "promo",
        "subscription appeal",
        r"^(?:subscribe|sign up|register|become a (?:member|subscriber)|"
        r"support (?:our|independent) journalism|get (?:our|the) .{0,40}newsletter|"
        r"download (?:our|the) .{0,40}app)\b.{0,250}$",
    ),
    _rule(
        "promo",
        "subscription appeal",
        r"^.{0,120}\b(?:subscribe (?:now|today)|sign up (?:now|today)|sign up for (?:our|the) "
        r"(?:\w+ ){0,3}(?:newsletter|alerts?|briefing)|"
        r"download the .{1,40} apps? for|apps? for ios and android|"
        r"we want to hear what you think|submit a letter to the editor|advertise with)\b.{0,200}$",
    ),
    _rule(
        "nav",
        "share/print/subscribe furniture",
        r"^(?:(?:share|share this(?: (?:article|story|page))?|print|email|e-mail|tweet|facebook|"
        r"twitter|whatsapp|linkedin|reddit|pinterest|telegram|copy link|comments?|"
        r"\d+ comments?|subscribe|follow|save|bookmark|advertisement|sponsored|"
        r"skip to (?:main )?content|skip navigation|sign in|log in|menu|search|close|"
        r"accessibility links|back to top|next article|previous article|"
        r"follow us(?: on .{1,40})?|share on .{1,30}|share via .{1,30})\s*[|•·,:/]?\s*)+$",
    ),
    _rule(
        "nav",
        "media player furniture",
        r"^(?:please wait|no media source currently available|embed|download|"
        r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*){1,3}|loading(?: video| player)?\.{0,3}|"
        r"play(?: video)?|pause|mute|unmute|fullscreen|captions?)$",
    ),
    _rule(
        "nav",
        "site banner or breadcrumb",
        r"^(?:breaking news|live updates|just in|home|news)$|"
        r"^[A-Z][\w&' -]{1,24}(?:\s+[/>»›|]\s+[A-Z][\w&' -]{1,24}){1,4}$",
    ),
    _rule(
        "other",
        "archive notice",
        r"^(?:originally (?:posted|published) (?:by|on|in|at)\b.{0,200}|"
        r"this (?:article|story) (?:was|is) (?:originally|first) published\b.{0,200}|"
        r"this (?:article|story) (?:has been|was) (?:updated|corrected)\b.{0,200}|"
        r"this article is more than \d+ (?:years?|months?) old\.?|"
        r"archived from the original\b.{0,200}|first published (?:on|in)\b.{0,100})$",
    ),
    _rule(
        "other",
        "copyright notice",
        r"^(?:©|\(c\)|copyright\b).{0,250}$|^.{0,150}\ball rights reserved\.?$|"
        r"^this (?:material|article) may not be (?:published|reproduced)\b.{0,200}$|"
        r"^.{0,150}\bcopyrighted property of\b.{0,300}$",
    ),
    _rule(
        "other",
        "photo credit",
        r"^\(?(?:photo|photograph|picture|image|file photo|image copyright|image caption|"
        r"media caption|photo credit)s?\s*(?::|by)\s*.{1,150}$",
    ),
    # A caption ends with the agency's photo credit: "(AP Photo/Khalid Mohammed)".
    # Case-sensitive, so "(ePA)" closing a German sentence is not "(EPA)".
    Rule(
        "other",
        "photo credit",
        re.compile(
            r"^.{0,300}\((?:AP|AFP|Reuters|EPA|Getty Images)"
            r"(?: Photo(?:/[^()]{1,60})?|/[^()]{1,60})\)$"
        ),
    ),
    _rule(
        "other",
        URL_LIST_REASON,
        r"^(?:\[?\d{1,3}[\].)]?\s*|[-*•]\s*)?(?:<)?(?:https?://|www\.)\S+(?:>)?"
        r"(?:\s+\(?(?:accessed|retrieved|archived)[^)]{0,60}\)?)?\.?$",
    ),
    _rule(
        "other",
        URL_LIST_REASON,
        r"^(?:sources?|references?|links?|external links|further reading|notes)\s*:?$",
    ),
)


def classify_line(line: str) -> Rule | None:
    """The first rule that matches the whole of ``line``, or None for body text."""
    text = line.strip()
    if not text:
        return None
    for rule in RULES:
        if rule.pattern.match(text):
            return rule
    return None
