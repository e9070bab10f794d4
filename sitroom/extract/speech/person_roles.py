"""Vocabulary of the speaker resolver: posts that name one person, days that name nobody.

Both lists are data in ``sitroom/lexicon`` (``person_posts.txt``, ``time_words.txt``).
"""

from __future__ import annotations

from sitroom import lexicon

PERSON_POSTS = lexicon.words("person_posts")
TIME_WORDS = lexicon.words("time_words")
