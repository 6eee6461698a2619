"""What alone confirms a cause ("only tests can confirm it") is said from "possible" up.

Session 30: a physiotherapist's patient, a man of 45 with transient osteoporosis on MRI and
no blood tests, read "Infection in the hip joint or bone: unlikely (<1%); only tests can
confirm it", which reads as a reason to have the tests.
"""

from __future__ import annotations

from flows.assessment import assess
from flows.case import Case
from flows.content import get_content
from flows.summary import cause_line

CONTENT = get_content()


def _line(case: Case, condition: str) -> tuple[float, str]:
    assessment = assess(case, CONTENT)
    ranked = next(r for r in assessment.ranking if r.condition == condition)
    return ranked.probability, cause_line(CONTENT, ranked, "en", assessment)


def test_an_unlikely_cause_is_said_without_what_would_confirm_it() -> None:
    case = Case(sex="male", age=45, side="right", onset="gradual", duration_weeks=10, weight_bearing_pain=True,
                fever=False, trauma=False, mri=["bone_marrow_oedema"], xray="not_done", bone_scan="not_done",
                inflammatory_markers="not_done", white_cell_count="not_done")
    probability, line = _line(case, "septic_arthritis")
    assert probability < CONTENT.evidence.unconfirmed_noted_from
    assert "can confirm it" not in line


def test_a_possible_or_likely_cause_not_yet_tested_keeps_what_would_confirm_it() -> None:
    case = Case(sex="male", age=47, side="right", duration_weeks=5, inflammatory_markers="normal",
                xray=["normal"], mri="not_done", bone_scan="not_done")
    probability, line = _line(case, "itoh")
    assert probability >= CONTENT.evidence.unconfirmed_noted_from
    assert line.endswith("; only an MRI can confirm it")
    pt = cause_line(CONTENT, next(r for r in assess(case, CONTENT).ranking if r.condition == "itoh"), "pt",
                    assess(case, CONTENT))
    assert pt.endswith("; só uma RM o pode confirmar")
