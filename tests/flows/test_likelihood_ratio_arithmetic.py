"""Every finding's likelihood ratios are the arithmetic of the `# P:` comment above it.

content/conditions.yaml writes, above each finding, the class-conditional probabilities
P(finding | condition) a reviewer reads and changes, and P_ref, their average weighted by
the catch-all prior; the LRs written are P / P_ref (see the file's header). The LRs are
what the assessment uses, so a reviewer who edits a `P:` line and forgets the LR line
(or the other way round) would silently change nothing (or something unreviewed). This
test recomputes both from the comment and fails on any drift.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from flows.content import default_root
from flows.yaml_loader import load_yaml

SHORT_NAMES = {
    "itoh": "itoh", "avn": "avn", "fracture": "fracture", "septic": "septic_arthritis",
    "malig": "malignancy", "inflam": "inflammatory_arthritis", "oa": "osteoarthritis",
}
P_LINE = re.compile(r"#\s*P:\s*(?P<probs>.*?)\s*\(P_ref (?P<ref>[0-9.]+)\)")
ID_LINE = re.compile(r"^\s*- id: (?P<id>\w+)\s*$")
SHOWN_AS_ONE = 0.05  # LRs within 5% of 1 are left out of the file (they change nothing shown)


TEXT = (default_root() / "conditions.yaml").read_text(encoding="utf-8")
DATA: dict[str, Any] = load_yaml(TEXT)
FINDINGS = {finding["id"]: finding for finding in DATA["findings"]}
CATCH_ALL: dict[str, float] = DATA["prior_groups"][-1]["probabilities"]  # the last group has no `when`


def written_probabilities(text: str) -> dict[str, tuple[dict[str, float], float]]:
    """finding id -> (P(finding | condition) for every condition, P_ref) from the comments."""
    found: dict[str, tuple[dict[str, float], float]] = {}
    pending: tuple[dict[str, float], float] | None = None
    for line in text.splitlines():
        if match := P_LINE.search(line):
            pairs = (part.split() for part in match["probs"].split(","))
            pending = ({SHORT_NAMES[name]: float(value) for name, value in pairs}, float(match["ref"]))
        elif (match := ID_LINE.match(line)) and pending is not None:
            found[match["id"]] = pending
            pending = None
    return found


PROBABILITIES = written_probabilities(TEXT)


def test_every_finding_has_its_probabilities_written() -> None:
    assert "when" not in DATA["prior_groups"][-1]
    assert set(PROBABILITIES) == set(FINDINGS)


@pytest.mark.parametrize("finding_id", sorted(PROBABILITIES))
def test_likelihood_ratios_are_p_over_p_ref(finding_id: str) -> None:
    probabilities, written_ref = PROBABILITIES[finding_id]
    assert set(probabilities) == set(CATCH_ALL), "a P: line names every condition"
    p_ref = sum(CATCH_ALL[c] * probabilities[c] for c in CATCH_ALL)
    assert written_ref == pytest.approx(p_ref, rel=0.005), f"P_ref should be {p_ref:.3g}"
    ratios = FINDINGS[finding_id]["likelihood_ratios"]
    for condition, p in probabilities.items():
        expected = p / p_ref
        written = ratios.get(condition, 1.0)
        if abs(expected - 1) <= SHOWN_AS_ONE + 0.005:
            assert written == pytest.approx(expected, abs=SHOWN_AS_ONE + 0.01), condition
        else:
            assert written == pytest.approx(expected, rel=0.03, abs=0.006), f"{condition}: P/P_ref = {expected:.3g}"
