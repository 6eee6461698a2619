"""What the three first-message corpora share: the floor check and the printed figures."""

from __future__ import annotations

from collections import Counter


def assert_kept_at_least(language: str, kept: Counter[str], wanted: Counter[str], floor: float,
                         misses: list[str]) -> None:
    """The share of facts kept in `language` is at least `floor`; the misses are shown if not."""
    share = kept[language] / wanted[language]
    assert share >= floor, f"{share:.2f} kept; missed:\n" + "\n".join(
        m for m in misses if m.startswith(f"[{language}]"))


def print_figures(kept: Counter[str], wanted: Counter[str], wrong: list[str], misses: list[str]) -> None:
    for language in ("en", "pt"):
        print(f"{language}: kept {kept[language]} of {wanted[language]} ({kept[language] / wanted[language]:.2f})")
    print(f"wrong: {len(wrong)}", *wrong, sep="\n")
    print("missed:", *misses, sep="\n")
