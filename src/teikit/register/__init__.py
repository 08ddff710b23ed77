"""Registers of persons, organisations, places, periodicals and events.

- :mod:`.entries` reads any TEI register (``standOff``, ``back``, ``sourceDesc``) into
  :class:`Register` and writes the entries a text uses into its ``standOff``;
- :mod:`.matcher` finds a register's name forms in text (used by the converter's passes);
- :mod:`.candidates` finds names without a register;
- :mod:`.report` (``teikit entities report``) and :mod:`.suggest` (``teikit entities suggest``)
  serve the editor who curates the register.
"""

from teikit.register.entries import (
    EMPTY_REGISTER,
    EntityKind,
    Entry,
    Register,
    load_register,
    register_for,
    register_from_tree,
)

__all__ = [
    "EMPTY_REGISTER",
    "EntityKind",
    "Entry",
    "Register",
    "load_register",
    "register_for",
    "register_from_tree",
]
