"""How delimiters in the source are recorded in TEI, shared by the passes and read-back.

A pass that consumes delimiter characters (quotation marks, brackets, an ellipsis, an editor's
signature) records them with the values below; :mod:`teikit.readback` turns the values back into
the same characters. Keeping both directions in one table is what makes "nothing lost" hold.
"""

from __future__ import annotations

# quote/q/soCalled/title/@rend → (opening mark, closing mark)
QUOTE_MARKS: dict[str, tuple[str, str]] = {
    "double": ("“", "”"),
    "single": ("‘", "’"),
    "straight-double": ('"', '"'),
    "straight-single": ("'", "'"),
    "guillemets": ("«", "»"),
    "guillemets-reversed": ("»", "«"),
    "low-double": ("„", "“"),
}
MARKS_TO_REND: dict[tuple[str, str], str] = {marks: rend for rend, marks in QUOTE_MARKS.items()}

# note/@rend tokens for bracketed editorial insertions
BRACKETS_REND = "brackets"          # "[" … "]"
SIGNED_REND = "signed"              # … " – Ed." inside the brackets; the signer is in @resp
EDITOR_SIGNATURE = "– Ed."
BRACKETS = ("[", "]")

# footnote markers in the text: note[@type='footnote']/@n printed as "[n]"
FOOTNOTE_MARKER = ("[", "]")

# gap/@rend holds the omission sign exactly as printed ("...", "…", ". . .")
