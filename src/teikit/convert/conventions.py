"""How delimiters in the source are recorded in TEI, shared by the passes and read-back.

A pass that consumes delimiter characters (quotation marks, brackets, an ellipsis, an editor's
signature) records them with the values below; :mod:`teikit.convert.readback` turns the values
back into the same characters. Keeping both directions in one table is what makes "nothing
lost" hold. The stylesheets read the same tables (:func:`teikit.render.conventions_parameter`
hands them over as a stylesheet parameter), so the editions print what the TEI records.
"""

from __future__ import annotations

import re

# quote/q/soCalled/title/@rend → (opening mark, closing mark)
QUOTE_MARKS: dict[str, tuple[str, str]] = {
    "double": ("“", "”"),
    "single": ("‘", "’"),
    "straight-double": ('"', '"'),
    "straight-single": ("'", "'"),
    "guillemets": ("«", "»"),
    "guillemets-reversed": ("»", "«"),
    "low-double": ("„", "“"),
    "low-single": ("‚", "‘"),
    # a quotation over several paragraphs, printed as books do: each paragraph opens with the
    # mark, only the last closes; the paragraphs before it have no closing mark
    "double-continued": ("“", ""),
    "single-continued": ("‘", ""),
    "guillemets-continued": ("«", ""),
    "low-double-continued": ("„", ""),
    "low-single-continued": ("‚", ""),
    "guillemets-reversed-continued": ("»", ""),
}
MARKS_TO_REND: dict[tuple[str, str], str] = {marks: rend for rend, marks in QUOTE_MARKS.items()}

# note/@rend tokens for bracketed editorial insertions
BRACKETS_REND = "brackets"          # "[" … "]"
SIGNED_REND = "signed"              # … " – Ed." inside the brackets; the signer is in @resp
EDITOR_SIGNATURE = "– Ed."
# other signatures closing a bracketed insertion: @rend token → (signature as printed, the
# header role the insertion's @resp points at). "signed" alone is the editor's "– Ed.".
SIGNATURES: dict[str, tuple[str, str]] = {
    SIGNED_REND: ("Ed.", "editor"),
    "signed-eds": ("Eds.", "editor"),
    "signed-trans": ("Trans.", "translator"),
    "signed-tr": ("Tr.", "translator"),
    "signed-mia": ("MIA", "transcriber"),
}
SIGNATURE_TOKENS: dict[str, str] = {word: token for token, (word, _) in SIGNATURES.items()}
# the dash before a signature is an en dash unless one of these tokens says otherwise
SIGNATURE_DASH = "–"
SIGNATURE_DASHES: dict[str, str] = {"sign-hyphen": "-", "sign-em-dash": "—"}
BRACKETS = ("[", "]")
# stage/@rend → the marks around a speech's stage direction as printed, "(Applause.)": the
# element records them, as an editorial note records its brackets
PARENTHESES_REND = "parentheses"
PARENTHESES = ("(", ")")
STAGE_MARKS: dict[str, tuple[str, str]] = {PARENTHESES_REND: PARENTHESES,
                                            BRACKETS_REND: BRACKETS}
# pb/@rend → the marks around a page number of the printed source that the transcription
# carries in its text, "[Page 55]", "[p. 55]", "|55|": the page break records the marks, its @n
# the number (digits, or a front matter's roman numerals)
PAGE_MARKS: dict[str, tuple[str, str]] = {"page-brackets": ("[Page ", "]"),
                                           "p-brackets": ("[p. ", "]"),
                                           "bars": ("|", "|")}
# a bracketed insertion that names its writer first: "[Translator's note: …]", "[Ed. note: …]",
# "[MIA Note – …]": the word → the header role its @resp points at (kept as text in the note)
NOTE_WRITERS: dict[str, str] = {
    "Translator": "translator", "Translators": "translator", "Trans.": "translator",
    "Tr.": "translator", "Editor": "editor", "Editors": "editor", "Ed.": "editor",
    "Eds.": "editor", "Transcriber": "transcriber", "MIA": "transcriber"}

# footnote markers in the text: note[@type='footnote']/@n printed as "[n]", or in superscript
# digits ("¹²") when the note's @rend says so
FOOTNOTE_MARKER = ("[", "]")
SUPERSCRIPT_REND = "superscript"
# how the notes section labels its notes, "n" standing for the number (divGen/@rend); a note
# labelled otherwise than the section's first one carries its own in its @rend ("n": by its
# sign alone, "* The price fixed in 1921.")
NOTE_LABELS = ("[n]", "n.", "n)", "n")
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# signs that mark a note instead of a number ("the old price.*", "† The prices of the market"):
# the note's @n is the sign, and its marker reads back as the sign
NOTE_SIGNS = ("***", "**", "*", "††", "†", "‡")
# such a sign in the text, right after a word or a stop, is a marker ("the old price.*")
NOTE_SIGN_MARKER = re.compile(
    r"(?<=[^\s*†‡])(?:" + "|".join(re.escape(sign) for sign in NOTE_SIGNS) + r")(?![*†‡])")

# the omission signs, which gap/@rend holds exactly as printed: three dots or more ("...",
# "...." after a sentence), three spaced, an ellipsis (the edition schema's omissionSign);
# ". ..." is a sentence's full stop, then the sign
OMISSION_SIGN = re.compile(r"\.{3,}|\. \. \.|…")

# what the transcriber could not read, in brackets where the words stood: "[illegible]",
# "[two words illegible]", "[manuscript damaged]" — a gap whose @reason is the word's kind and
# whose @rend holds the bracket as printed (the edition schema's gapSign)
UNREAD_WORDS: dict[str, str] = {
    "illegible": "illegible", "indecipherable": "illegible", "unreadable": "illegible",
    "undecipherable": "illegible", "damaged": "damage", "torn": "damage",
    "obliterated": "damage", "missing": "lost", "lost": "lost"}
# how many words or lines, as the bracket counts them → gap/@quantity
UNREAD_COUNTS: dict[str, int] = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                                  "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
UNREAD_UNITS = ("word", "line", "letter")
