"""Guidance is fitted to the person, and unsafe advice never reaches someone it could harm."""

from __future__ import annotations

import itertools
import re

import pytest

from flows.assessment import assess
from flows.case import Case
from flows.content import get_content
from flows.guidance import forbidden_tags, select_guidance

CONTENT = get_content()

# Positive advice to take an NSAID: a drug name not preceded in its sentence by a negation.
NSAID_WORDS = re.compile(r"\b(nsaids?|ibuprofen|naproxen|diclofenac|celecoxib|aspirin|anti-inflammator\w*)\b", re.I)
NEGATION = re.compile(r"\b(no|not|never|avoid|don't|do not|without|instead of|rather than|stop)\b", re.I)

FINDING_SETS = [
    {},
    {"mri": ["bone_marrow_oedema", "joint_effusion"], "xray": ["normal"]},
    {"mri": ["double_line_sign"], "glucocorticoids": True},
    {"mri": ["fracture_line"], "trauma": True, "unable_to_bear_weight": True},
    {"fever": True, "inflammatory_markers": "markedly_raised", "white_cell_count": "raised"},
    {"cancer_history": True, "mri": ["focal_lesion_or_mass"]},
    {"other_joints": True, "morning_stiffness": True, "mri": ["synovitis_or_erosions"]},
    {"xray": ["joint_space_narrowing"], "onset": "gradual"},
]


def shown_items(case: Case) -> list[object]:
    content = get_content()
    return [item for _, items in select_guidance(case, assess(case, CONTENT), content) for item in items]


def advises_nsaid(text: str) -> bool:
    for sentence in re.split(r"(?<=[.;:!?])\s+", text):
        for match in NSAID_WORDS.finditer(sentence):
            if not NEGATION.search(sentence[: match.start()]):
                return True
    return False


@pytest.mark.parametrize(
    ("pregnancy", "findings"),
    list(itertools.product(["trimester_1", "trimester_2", "trimester_3"], FINDING_SETS)),
)
def test_no_nsaid_and_no_bisphosphonate_advice_in_pregnancy(pregnancy: str, findings: dict) -> None:
    case = Case(sex="female", age=31, pregnancy=pregnancy, **findings)
    items = shown_items(case)
    assert items, "a pregnant woman gets guidance"
    for item in items:
        assert not {"nsaid", "bisphosphonate", "gadolinium"} & set(item.tags), item.id  # type: ignore[attr-defined]
        assert not advises_nsaid(get_content().text(item.text)), item.id  # type: ignore[attr-defined]


@pytest.mark.parametrize("findings", FINDING_SETS)
def test_no_bisphosphonate_advice_while_breastfeeding(findings: dict) -> None:
    case = Case(sex="female", age=31, pregnancy="postpartum", breastfeeding=True, **findings)
    assert not [i for i in shown_items(case) if "bisphosphonate" in i.tags]  # type: ignore[attr-defined]


def test_men_may_be_offered_nsaids_but_pregnant_women_never() -> None:
    man = Case(sex="male", age=48, mri=["bone_marrow_oedema"], xray=["osteopenia"])
    woman = Case(sex="female", age=31, pregnancy="trimester_3", mri=["bone_marrow_oedema"], xray=["osteopenia"])
    man_tags = {tag for item in shown_items(man) for tag in item.tags}  # type: ignore[attr-defined]
    woman_tags = {tag for item in shown_items(woman) for tag in item.tags}  # type: ignore[attr-defined]
    assert "nsaid" in man_tags
    assert "nsaid" not in woman_tags


def test_safety_rules_remove_tagged_items_even_if_their_own_condition_matches() -> None:
    content = get_content()
    case = Case(sex="female", age=30, pregnancy="trimester_2")
    banned = forbidden_tags(case, assess(case, CONTENT), content)
    assert "nsaid" in banned and "bisphosphonate" in banned


def test_safety_rules_can_hold_on_the_level_of_care_and_what_is_open() -> None:
    content = get_content()
    emergency = Case(sex="male", age=45, fever=True)  # an emergency, no break in question
    assert assess(emergency, CONTENT).triage == "emergency"
    assert {"weight_bearing", "exercise"} <= forbidden_tags(emergency, assess(emergency, CONTENT), content)
    itoh = Case(sex="male", age=48, mri=["bone_marrow_oedema"], xray=["osteopenia"], inflammatory_markers="normal")
    assert not {"weight_bearing", "exercise", "nsaid"} & forbidden_tags(itoh, assess(itoh, CONTENT), content)


def test_guidance_differs_for_pregnancy_and_for_men() -> None:
    man = {i.id for i in shown_items(Case(sex="male", age=48, mri=["bone_marrow_oedema"]))}  # type: ignore[attr-defined]
    pregnant = {i.id for i in shown_items(Case(sex="female", age=30, pregnancy="trimester_3",  # type: ignore[attr-defined]
                                               mri=["bone_marrow_oedema"]))}
    assert man != pregnant
