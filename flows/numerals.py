"""One rule for reading a whole number: decimal digits only, of any script, and not too many.

Who calls it: everything that turns text into a number it then counts with: typed option
numbers (flows/answers.py), the /change menu and button payloads (flows/dialogue.py),
callback data (bot/telegram/render.py), the terminal's numbered options.

Why not `str.isdigit()` then `int()`: isdigit accepts characters that are digits but not
decimal digits (superscripts, circled digits, "፩", "᧚", "𐩀"), which int() refuses with
ValueError; and int() of a few thousand digits raises too (Python's conversion limit),
or takes time. A decimal digit is a character of Unicode category Nd, which
`unicodedata.decimal` reads; it is also exactly what `\\d` matches in a Python regex and
what int() and float() accept, so the typed numbers with units ("10 days") follow the
same rule. Superscripts and full-width digits typed by a person have already become
ASCII digits in `normalise` (NFKC).
"""

from __future__ import annotations

import unicodedata

MAX_DIGITS = 18  # more than any step (the clock in ms has 13) or option number; fits 64 bits


def whole_number(text: str, max_digits: int = MAX_DIGITS) -> int | None:
    """The number `text` writes in decimal digits ("3", "٣", "०७"); None for anything else."""
    if not text or len(text) > max_digits:
        return None
    if text.isascii():  # the usual case: for ASCII, isdigit() means 0-9
        return int(text) if text.isdigit() else None
    value = 0
    for char in text:
        digit = unicodedata.decimal(char, None)
        if digit is None:
            return None
        value = value * 10 + digit
    return value
