"""flows.answers.normalise: the ASCII fast path reads text exactly as the full path does."""

from __future__ import annotations

import random
import string
import unicodedata

from flows.answers import normalise


def normalise_in_full(text: str) -> str:
    """The general path, written out on its own: what every input must come to."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in " \t\n")
    text = text.replace("’", "'").replace("‘", "'").casefold()
    return " ".join(text.split()).strip(".!").strip()


def test_typical_answers() -> None:
    assert normalise("  Don't   KNOW. ") == "don't know"
    assert normalise("Bone marrow oedema, joint effusion!") == "bone marrow oedema, joint effusion"
    assert normalise("Don’t know") == "don't know"  # typographic apostrophe
    assert normalise("ＹＥＳ") == "yes"  # full-width letters (NFKC)
    assert normalise("no\x00\x07") == "no"  # control characters dropped
    assert normalise("34\tyears") == "34 years"


def test_the_fast_path_agrees_with_the_full_one() -> None:
    rng = random.Random(5)
    alphabet = string.printable + "’‘ＹÉéß\u200b\x00\x7f"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert normalise(text) == normalise_in_full(text), repr(text)
