"""The P(finding | condition) written in content/conditions.yaml hang together.

A reviewer changes one number at a time; these checks catch the slips that would
silently skew the ranking: a yes/no pair that no longer adds up to 1, or bands of one
number (how long the pain has lasted, the bone scan pattern) that add up to more than 1.
"""

from __future__ import annotations

import pytest

from flows.case import Case
from flows.content import get_content

CONTENT = get_content()
FINDINGS = {finding.id: finding for finding, _ in CONTENT.findings}
TESTS = {finding.id: test for finding, test in CONTENT.findings}


def yes_no_pairs() -> list[tuple[str, str]]:
    """`x` and `no_x` findings on one yes/no field: exactly one of them matches any answer."""
    return [(fid, f"no_{fid}") for fid in FINDINGS if f"no_{fid}" in FINDINGS and fid.replace("_", "") != ""]


@pytest.mark.parametrize(("yes", "no"), yes_no_pairs())
def test_a_yes_no_pair_adds_up_to_one_for_every_condition(yes: str, no: str) -> None:
    for condition in CONTENT.conditions:
        total = FINDINGS[yes].probabilities[condition] + FINDINGS[no].probabilities[condition]
        assert total == pytest.approx(1, abs=0.011), f"{yes}/{no}: {condition} sums to {total}"


def test_the_duration_bands_of_each_condition_add_up_to_one() -> None:
    bands = [f for f in FINDINGS.values() if f.group == "duration"]
    assert len(bands) == 4
    for condition in CONTENT.conditions:
        assert sum(f.probabilities[condition] for f in bands) == pytest.approx(1, abs=0.011), condition


@pytest.mark.parametrize("weeks", [0, 1.9, 2, 11.9, 12, 25.9, 26, 300])
def test_exactly_one_duration_band_matches_any_duration(weeks: float) -> None:
    case = Case(duration_weeks=weeks)
    assert sum(TESTS[f.id](case) for f in FINDINGS.values() if f.group == "duration") == 1


def test_bone_scan_patterns_of_each_condition_add_up_to_at_most_one() -> None:
    patterns = [f for f in FINDINGS.values() if f.group == "bone_scan"]
    for condition in CONTENT.conditions:
        assert sum(f.probabilities[condition] for f in patterns) <= 1.0001, condition


@pytest.mark.parametrize("age", [25, 49, 50, 59, 60, 80, None])
def test_age_split_findings_match_once_whatever_the_age(age: int | None) -> None:
    """A finding split by age (a subchondral band from 50, worn cartilage from 60) counts once."""
    case = Case(age=age, xray=["joint_space_narrowing"], mri=["double_line_sign", "cartilage_loss"])
    matched = [f.id for f in FINDINGS.values() if TESTS[f.id](case)]
    for stem in ("xray_joint_space_narrowing", "mri_cartilage_loss"):
        assert sum(m.startswith(stem) for m in matched) == 1, matched
    assert sum(m in ("mri_double_line_sign", "mri_subchondral_band_from_50") for m in matched) == 1
