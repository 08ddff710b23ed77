"""A first register for a transcription that has none yet (``teikit entities suggest``)."""

from __future__ import annotations

from lxml import etree

from teikit.convert.model import Transcription
from teikit.register.candidates import find_candidates
from teikit.register.entries import EntityKind, Entry, build_register
from teikit.register.report import context_around


def suggest_register(doc: Transcription, title: str | None = None
                     ) -> tuple[etree._ElementTree, list[Entry]]:
    """Propose register entries for a transcription that has none yet.

    Every capitalised name :func:`teikit.register.candidates.find_candidates` is confident about, or
    that occurs other than at the head of a sentence, becomes an entry with a guessed kind, its
    form, and (as a comment) the first contexts it occurs in, for an editor to correct.
    """
    entries: list[Entry] = []
    comments: dict[str, str] = {}
    used_ids: set[str] = set()
    for candidate in find_candidates(doc):
        if not (candidate.confident or not candidate.initial_only):
            continue
        entry_id = candidate.id
        suffix = 2
        while entry_id in used_ids:
            entry_id, suffix = f"{candidate.id}-{suffix}", suffix + 1
        used_ids.add(entry_id)
        level = "j" if candidate.kind is EntityKind.TITLE else ""
        note = (f"Suggested from the text ({candidate.count} "
                f"occurrence{'s' if candidate.count > 1 else ''}); kind guessed, not reviewed.")
        entries.append(Entry(entry_id, candidate.kind, (candidate.form,), candidate.form,
                             note=note, level=level))
        block_index, start, end = candidate.occurrences[0]
        first = context_around(doc.blocks[block_index].text, start, end)
        comments[entry_id] = "first seen: " + first
    tree = build_register(entries, title or f"Suggested register for {doc.name}", comments)
    return tree, entries
