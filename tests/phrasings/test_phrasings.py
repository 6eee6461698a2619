"""The phrasings corpus: how people type, read by the answer parser at 95% or more.

A pass: the parsed value equals `expect` (durations within 15% or 0.05 weeks; a list of
ticked items in any order); `null` is a "don't know"; "clarify" is a clarifying question
(two options named at a one-answer question, a vague amount, or a checklist where only
some items were denied: "no trauma" asks about the others); "not_understood" is a
refusal that takes no value. The whole corpus is scored at once, and the test lists
every entry it gets wrong, so a change to the parser shows what it fixed and broke.
Each corpus is read in its own language, named by the file (en.yaml, pt.yaml).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from flows.answers import AnswerReader, Parsed
from flows.content import get_content
from flows.yaml_loader import load_yaml

TARGET = 0.95
CORPORA = sorted(Path(__file__).parent.glob("*.yaml"))


def passes(entry: dict[str, Any], parsed: Parsed) -> bool:
    expect = entry["expect"]
    if expect == "not_understood":
        return not parsed.ok and not parsed.clarify
    if expect == "clarify":
        return bool(parsed.clarify) or (not parsed.ok and (parsed.error == "vague_number" or parsed.understood))
    if not parsed.ok:
        return False
    if entry["question"] == "duration_weeks" and isinstance(expect, int | float) and parsed.value is not None:
        return abs(parsed.value - expect) <= max(0.05, 0.15 * expect)
    if isinstance(expect, list):
        return isinstance(parsed.value, list) and sorted(parsed.value) == sorted(expect)
    return bool(parsed.value == expect and type(parsed.value) is type(expect)) or (
        expect is None and parsed.value is None)


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_the_corpus_is_read_at_95_percent_or_more(corpus: Path) -> None:
    entries = load_yaml(corpus.read_text(encoding="utf-8"))
    reader = AnswerReader(get_content(), corpus.stem)
    failed = []
    for entry in entries:
        parsed = reader.read(entry["question"], entry["typed"])
        if not passes(entry, parsed):
            failed.append(f'{entry["question"]}: {entry["typed"]!r} -> expected {entry["expect"]!r}, '
                          f"got {parsed.value if parsed.ok else (parsed.clarify or parsed.error)!r}")
    score = 1 - len(failed) / len(entries)
    print(f"\nphrasings {corpus.name}: {len(entries) - len(failed)}/{len(entries)} = {score:.1%}")
    assert score >= TARGET, "\n".join(failed)
