"""First messages that give test results: "XR NAD, MRI: BMO femoral head, small effusion".

`results.yaml` holds 60 opening messages (36 English, 24 Portuguese) that mention an X-ray,
an MRI, a bone scan or blood tests, some booked, not done, or of someone else ("my knee
MRI last year"), with what a clinician would record (see its header for how it was
written and scored). Each is typed at the first question, and what the conversation holds
for later is read as `test_first_messages.kept` reads it.

* **wrong**: a result kept that the label does not give: a finding other than the
  label's, a result for a test the message says was not done or does not name for this
  hip, a test ticked that was not done. None allowed.
* **kept**: of the results labelled (the tests done, each scan's findings, CRP/ESR, the
  white cell count), the share kept; a floor per language.

`python -m tests.first_messages.test_results_in_first_messages` prints the figures and misses.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from flows.yaml_loader import load_yaml
from tests.first_messages.figures import assert_kept_at_least, print_figures
from tests.first_messages.test_first_messages import kept

RESULTS: list[dict[str, Any]] = load_yaml((Path(__file__).parent / "results.yaml").read_text(encoding="utf-8"))
FINDINGS = ("xray", "mri", "bone_scan", "inflammatory_markers", "white_cell_count")
# Measured (English 0.86, Portuguese 0.86), less a little room. Blood tests said to be normal
# in general ("bloods came back normal") are no longer a normal CRP and white count (user test
# pt 23: routine bloods often hold no CRP, and a normal one lowers the infection's estimate):
# those labels were removed, and the blood tests of those six messages, ticked before only
# through their markers, are asked at the tests question (was en 0.93, pt 0.93).
KEPT_AT_LEAST = {"en": 0.84, "pt": 0.84}


def _as_set(value: Any) -> frozenset[Any]:
    return frozenset(value) if isinstance(value, list) else frozenset([value])


def score() -> tuple[list[str], Counter[str], Counter[str], list[str]]:
    wrong: list[str] = []
    misses: list[str] = []
    got_count: Counter[str] = Counter()
    wanted: Counter[str] = Counter()
    for entry in RESULTS:
        want, got, language = entry.get("facts") or {}, kept(entry), entry["language"]
        done = set(want.get("tests_done") or [])
        if "tests_done" in got and (not set(got["tests_done"]) <= done):
            wrong.append(f"tests_done: kept {got['tests_done']!r}, label {sorted(done)!r} :: {entry['text']}")
        for name in FINDINGS:
            if name in got and _as_set(got[name]) != _as_set(want.get(name)):
                wrong.append(f"{name}: kept {got[name]!r}, label {want.get(name)!r} :: {entry['text']}")
        labelled = [(name, want[name]) for name in FINDINGS if want.get(name) not in (None, "not_done")]
        labelled += [("tests_done", test) for test in sorted(done)]
        for name, value in labelled:
            wanted[language] += 1
            if (name == "tests_done" and value in got.get("tests_done", [])) or (
                    name != "tests_done" and name in got and _as_set(got[name]) == _as_set(value)):
                got_count[language] += 1
            else:
                misses.append(f"[{language}] {name}={value!r} :: {entry['text']}")
    return wrong, got_count, wanted, misses


WRONG, KEPT, WANTED, MISSES = score()


def test_the_corpus_is_in_both_languages() -> None:
    languages = Counter(entry["language"] for entry in RESULTS)
    assert languages["en"] >= 36 and languages["pt"] >= 24


def test_no_result_is_kept_wrong() -> None:
    assert WRONG == [], "\n".join(WRONG)


@pytest.mark.parametrize("language", ["en", "pt"])
def test_most_results_said_at_once_are_kept(language: str) -> None:
    assert_kept_at_least(language, KEPT, WANTED, KEPT_AT_LEAST[language], MISSES)


if __name__ == "__main__":
    print_figures(KEPT, WANTED, WRONG, MISSES)
