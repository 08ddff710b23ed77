"""A dialogue written as paragraphs that each open with the speaker's label: an interview
("Question: …" / "Answer: …", "Q: …" / "A: …", "Q.: …", "Q. …" / "A. …") or the record of a
conversation or a meeting ("INTERVIEWER: …", "TROTSKY: …", a name in capitals and a colon, with
what the minutes say of the speaker in parentheses before the colon: "DUNN (Leeds Weavers): …").

A paragraph that opens with a label is a *turn* when the text lets two speakers alternate:
somewhere two such paragraphs follow each other with different labels. Then every paragraph that
opens with the label of one of those speakers is a turn (an answer may run over several
paragraphs; those after its first are paragraphs), and the others stay paragraphs: an isolated
"Answer:" is no interview; in a dialogue, though, a speaker who speaks once has a turn when a
sentence follows the label (the chairman of a meeting). A paragraph that opens with a role's
label and a colon, or with a name in capitals, a colon and a sentence, is never a heading
("Question: What is the position of the party?" is a short line that ends in "?"); "Q." and
"A.", and a name before words that end in no stop, are labels only in a dialogue ("A. The
Agrarian Question", "LENINISM: A Reply" head sections), and "A." before a single name is an
initial ("A. Kollontai").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

# the interviewer's and the answerer's roles, as the family labels them before a colon
ROLE_LABELS = ("Question", "Answer", "Q", "A", "Interviewer", "Correspondent", "Reporter")
# words in capitals before a colon that are no speaker: a heading's or a document's labels
NOT_SPEAKERS = frozenset({
    "PART", "CHAPTER", "BOOK", "SECTION", "APPENDIX", "NOTE", "NOTES", "NB", "N.B.", "PS",
    "P.S.", "RESOLVED", "WHEREAS", "WARNING", "NOTICE", "SOURCE", "WRITTEN", "TRANSLATED",
    "PUBLISHED", "TRANSCRIBED", "SUBJECT", "RE", "TO", "FROM", "DATE", "AGENDA", "MOTION",
    "AMENDMENT", "ADDENDUM", "POSTSCRIPT", "SLOGANS", "DEMANDS"})

# "Question:", "Q:", "Q.:", "Question :"
_ROLE = re.compile(rf"(?P<label>(?:{'|'.join(ROLE_LABELS)})\.? ?:)[ \t]+(?=\S)")
_SHORT_ROLE = re.compile(r"(?P<label>[QA]\.)[ \t]+(?=[^\W\d_])")
# what follows "A." or "Q." when the two are an initial and a name ("A. Kollontai" signs)
_INITIALLED_NAME = re.compile(r"[^\W\d_][^\W\d_’'-]*(?:-[^\W\d_]+)?")
# a one-word answer, however it is written ("A. Yes", no stop): never a name
_ANSWER_WORDS = frozenset({
    "Yes", "No", "Never", "Certainly", "Perhaps", "Maybe", "Nothing", "Nobody", "Soon",
    "Always", "Naturally", "Possibly", "Exactly", "Gladly", "Later", "Everything", "Indeed",
    "Ja", "Nein", "Nie", "Niemals", "Vielleicht", "Gewiss", "Oui", "Non", "Jamais",
    "Peut-être", "Certainement"})
# a name in capitals, with what a record of minutes says of the speaker in parentheses after
# it ("DUNN (Leeds Weavers):", "CHAIRMAN (Comrade Tanner):")
_NAME = re.compile(r"(?P<label>(?P<name>[A-Z][A-Z’'.-]*(?:[ \t]+[A-Z][A-Z’'.-]*){0,3})"
                   r"(?:[ \t]*\([^()\n]{1,60}\))? ?:)[ \t]+(?=\S)")


@dataclass(frozen=True)
class Label:
    """A speaker's label at the start of a paragraph."""

    end: int            # the label ends here ("Question:")
    speech: int         # the speech begins here (after the space)
    speaker: str        # who speaks, for telling the speakers apart ("QUESTION", "Q", "TROTSKY")
    certain: bool       # a label even outside a dialogue: the paragraph is never a heading


def speaker_label(text: str) -> Label | None:
    """The label that opens ``text``, if it opens with one (see the module)."""
    for pattern in (_ROLE, _SHORT_ROLE, _NAME):
        match = pattern.match(text)
        if not match:
            continue
        said = match.group("name") if pattern is _NAME else match.group("label")
        speaker = " ".join(said.rstrip(":. ").upper().split())
        speech = text[match.end():].rstrip()
        certain = pattern is _ROLE
        if pattern is _SHORT_ROLE and _INITIALLED_NAME.fullmatch(speech) and speech[0].isupper() \
                and speech not in _ANSWER_WORDS:
            continue
        if pattern is _NAME:
            if speaker.split()[0] in NOT_SPEAKERS or not any(c.islower() for c in speech) \
                    or not any(len(word.strip(".-’'")) > 1 for word in speaker.split()):
                continue
            certain = speech.endswith((".", "?", "!", "…", "”", "\"", "’"))
        return Label(match.end("label"), match.end(), speaker, certain)
    return None


def dialogue_turns(texts: Sequence[str]) -> set[int]:
    """The indices of the chunks among ``texts`` (a body's, in order) that are turns of a
    dialogue; a chunk without a label (a heading, a paragraph) stands between two turns. The
    speakers of a chunk of turns on lines of their own (:func:`turn_lines`) alternate too."""
    labels = [speaker_label(text) for text in texts]
    speakers: set[str] = set()
    for first, second in pairwise(labels):
        if first and second and first.speaker != second.speaker:
            speakers.update((first.speaker, second.speaker))
    for text in texts:
        speakers.update(label.speaker for start, end in turn_lines(text) or ()
                        if (label := speaker_label(text[start:end])))
    # in a dialogue, a speaker who speaks once (the chairman of a meeting) speaks in a turn too,
    # when what follows the label is a sentence or ends with the record's direction
    return {index for index, label in enumerate(labels) if label and (
        label.speaker in speakers or (bool(speakers) and (
            label.certain or texts[index].rstrip().endswith(")"))))}


def turn_lines(text: str) -> list[tuple[int, int]] | None:
    """The turns of a paragraph whose lines each open with a speaker's label ("Q: How long?" /
    "A: Since I was twelve."), at least two and of speakers that alternate: the start and end
    of each (a line without a label runs on the turn before it); else ``None``."""
    turns: list[list[int]] = []
    speakers: list[str] = []
    position = 0
    for line in text.split("\n"):
        lead = len(line) - len(line.lstrip())
        label = speaker_label(line.strip())
        if label:
            turns.append([position + lead, position + len(line.rstrip())])
            speakers.append(label.speaker)
        elif turns and line.strip():
            turns[-1][1] = position + len(line.rstrip())
        elif not turns:
            return None
        position += len(line) + 1
    if len(turns) < 2 or all(a == b for a, b in pairwise(speakers)):
        return None
    return [(start, end) for start, end in turns]
