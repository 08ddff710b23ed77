"""Stage directions in the record of a speech: "(Applause.)", "(Prolonged applause.)", "(Cries
of “Shame!”)", "(Voices: “No!”)", "(Laughter.)", "[Uproar.]"; in German, "(Lebhafter
Beifall.)", "(Zuruf: „Landesverrat!“)"; in French, "(Vifs applaudissements.)", "(Rires.)".

A direction is a parenthesis, or a pair of square brackets (the marks of
:data:`teikit.convert.conventions.STAGE_MARKS`), whose words open with one of the phrases of
:data:`DIRECTIONS` (a capital or not), followed by anything but a letter; it may run over
sentences ("(Stormy applause. The meeting sings the Internationale.)") and hold the cries it
reports, and parentheses of its own. The phrase decides its kind, ``stage/@type``. Any other
parenthesis — "(see below)", "(sic)", "(15, N.S.)" — is the speaker's text. Whether the text
is a speech at all is not decided here (:attr:`teikit.convert.model.Transcription.is_speech`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from teikit.convert.conventions import STAGE_MARKS

# the words a direction opens with → its kind (stage/@type): the hall applauds, laughs, makes
# a noise, or calls out
DIRECTIONS: dict[str, str] = {
    "applause": "applause", "ovation": "applause", "cheers": "applause", "cheering": "applause",
    "laughter": "laughter", "laughing": "laughter", "laughs": "laughter",
    "uproar": "noise", "noise": "noise", "commotion": "noise", "tumult": "noise",
    "cries": "interjection", "voices": "interjection", "a voice": "interjection",
    "shouts": "interjection", "exclamations": "interjection", "interruption": "interjection",
    "protests": "interjection", "murmurs": "noise",
    # the hall's assent in a British record: "(Hear, hear.)"
    "hear, hear": "interjection", "hear hear": "interjection",
    # a German record: "(Lebhafter Beifall.)", "(Heiterkeit.)", "(Zuruf: „Landesverrat!“)",
    # "(Sehr richtig! bei den Sozialdemokraten.)", "(Glocke des Präsidenten.)"
    "beifall": "applause", "bravo": "applause", "bravorufe": "applause",
    "heiterkeit": "laughter", "lachen": "laughter", "gelächter": "laughter",
    "unruhe": "noise", "lärm": "noise", "bewegung": "noise",
    "glocke des präsidenten": "noise", "zuruf": "interjection", "zurufe": "interjection",
    "sehr richtig": "interjection", "sehr wahr": "interjection", "hört, hört": "interjection",
    "hört! hört": "interjection", "widerspruch": "interjection", "pfui": "interjection",
    "rufe": "interjection", "zwischenruf": "interjection", "zwischenrufe": "interjection",
    # a French one: "(Vifs applaudissements.)", "(Rires.)", "(Mouvements divers.)"
    "applaudissements": "applause", "bravos": "applause", "rires": "laughter",
    "bruit": "noise", "mouvements divers": "noise", "mouvement": "noise",
    "interruptions": "interjection",
    "protestations": "interjection", "très bien": "interjection", "une voix": "interjection",
    "voix": "interjection", "cris": "interjection",
}
# what a reporter says of them before: "(Prolonged applause.)", "[Loud cheers.]", "(Renewed
# laughter.)", "(Stormy and prolonged applause.)"
QUALIFIERS = ("prolonged", "stormy", "loud", "thunderous", "tumultuous", "renewed", "general",
              "great", "long", "continued", "loud and prolonged", "stormy and prolonged",
              "hearty", "enthusiastic", "much",
              # "(Lebhafter Beifall.)", "(Stürmische Heiterkeit.)", "(Große Unruhe.)"
              "lebhafter", "lebhafte", "stürmischer", "stürmische", "großer", "große", "grosse",
              "anhaltender", "anhaltende", "erneute", "erneuter", "allgemeine", "allgemeiner",
              "andauernder", "wiederholte",
              # "(Vifs applaudissements.)", "(Nouveaux rires.)", "(Longs applaudissements.)"
              "vifs", "vives", "longs", "nouveaux", "nouvelles", "applaudissements et")


def _alternatives(phrases: Iterable[str]) -> str:
    """The phrases as alternatives of a pattern, longest first (should two share a beginning,
    the longer is the direction's), any space between words."""
    return "|".join(re.escape(phrase).replace(r"\ ", r"\s+")
                    for phrase in sorted(phrases, key=len, reverse=True))


_OPENING = re.compile(rf"\s*(?:(?:{_alternatives(QUALIFIERS)})\s+)?"
                      rf"(?P<phrase>{_alternatives(DIRECTIONS)})(?![^\W\d_])", re.IGNORECASE)

# the marks' start and end (both marks in), its kind, and its marks' name (stage/@rend)
Direction = tuple[int, int, str, str]


def _closing(text: str, opening: int, marks: tuple[str, str]) -> int | None:
    """The index of the mark that closes the one at ``opening`` (nested ones counted)."""
    depth = 0
    for index in range(opening, len(text)):
        if text[index] == marks[0]:
            depth += 1
        elif text[index] == marks[1]:
            depth -= 1
            if depth == 0:
                return index
    return None


def direction_kind(words: str) -> str | None:
    """The kind of a direction whose words (inside its marks) are ``words``, else None."""
    match = _OPENING.match(words)
    return DIRECTIONS[" ".join(match.group("phrase").lower().split())] if match else None


def stage_directions(text: str) -> list[Direction]:
    """The directions in ``text``, in order; one inside another is part of it."""
    found: list[Direction] = []
    for rend, marks in STAGE_MARKS.items():
        position = 0
        while (opening := text.find(marks[0], position)) >= 0:
            closing = _closing(text, opening, marks)
            if closing is None:
                break
            kind = direction_kind(text[opening + 1:closing])
            if kind is not None:
                found.append((opening, closing + 1, kind, rend))
                position = closing + 1
            else:
                position = opening + 1
    # one inside another ("(Cries of [Applause.])" is one) is part of the outer; of two that
    # cross, the first is the direction
    kept: list[Direction] = []
    for direction in sorted(found, key=lambda d: (d[0], -d[1])):
        if not kept or direction[0] >= kept[-1][1]:
            kept.append(direction)
    return kept


def whole_direction(text: str) -> tuple[str, str] | None:
    """The kind and the marks' name of ``text`` when all of it is one direction (a paragraph
    of its own)."""
    directions = stage_directions(text)
    if len(directions) == 1 and directions[0][:2] == (0, len(text)):
        return directions[0][2], directions[0][3]
    return None
