"""Vocabulary of the speaker resolver: posts that name one person, days that name nobody.

Kept apart so that the lexicon work can fold these lists into its data files.
"""

from __future__ import annotations

# A singular head noun that names one person by post or part: "Iraq's prime
# minister", "the White House press secretary", "one of the organizers". Such a
# source is "he"/"she" later, and "the secretary" refers back to the person
# introduced with that post ("press secretary Jen Psaki"). Written from the
# posts news copy names speakers by; plural and collective heads ("officials",
# "the ministry") are not here.
PERSON_POSTS = frozenset(
    """
    minister secretary president spokesman spokeswoman spokesperson official
    commander officer general colonel major captain lieutenant sergeant chief
    director governor mayor senator congressman congresswoman ambassador envoy
    representative adviser advisor aide leader head chairman chairwoman chair
    organizer organiser activist student witness resident doctor lawyer
    prosecutor judge analyst expert researcher negotiator mediator coordinator
    commissioner chancellor premier king queen prince emperor pope cleric imam bishop priest
    founder editor correspondent reporter journalist survivor
    """.split()
)

# Words that name a time, never a speaker ("Speaking Monday, the minister said").
# Month names are left out: "May" and "June" are names too; inside a date
# entity they are caught as dates.
TIME_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday today yesterday
    tonight tomorrow weekend
    """.split()
)
