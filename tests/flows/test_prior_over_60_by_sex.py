"""Over 60 the prior of a break near the top of the thigh bone depends on sex (session 30).

Hip fractures are about 2.3 times as common per person in older women as in older men
(Brauer 2009; Sterling 2011): content/conditions.yaml splits the over-60 prior group into
`older_women` and `older_men`, whose mean is the `older_adults` group kept for a person
over 60 whose sex is not known. Only the fracture figure moves; the others make room in
proportion. A prior is no red flag: no level of care may change because of it.
"""

from __future__ import annotations

import math

import pytest

from flows.assessment import assess
from flows.case import Case
from flows.content import get_content


def _group(case: Case) -> str:
    content = get_content()
    return str(next(g.id for g, test in content.prior_groups if test is None or test(case)))


def _priors(group_id: str) -> dict[str, float]:
    return next(g.probabilities for g, _ in get_content().prior_groups if g.id == group_id)


@pytest.mark.parametrize(("case", "group"), [
    (Case(sex="female", age=61), "older_women"),
    (Case(sex="female", age=84, side="left"), "older_women"),
    (Case(sex="male", age=61), "older_men"),
    (Case(sex="male", age=90, trauma=True), "older_men"),
    (Case(age=75), "older_adults"),  # sex not known: the mean of the two
    # Near misses: 60 is not over 60 (a man of 60 stays in the men's group of 40 to 60, a
    # woman of 60 among the other adults), and a woman of 59 is not over 60 either.
    (Case(sex="male", age=60), "men_40_to_60"),
    (Case(sex="female", age=60), "other_adults"),
    (Case(sex="female", age=59), "other_adults"),
])
def test_the_prior_group_over_60_follows_sex_and_age(case: Case, group: str) -> None:
    assert _group(case) == group


def test_only_the_fracture_figure_depends_on_sex_and_the_mean_is_the_group_for_sex_not_known() -> None:
    women, men, either = _priors("older_women"), _priors("older_men"), _priors("older_adults")
    for priors in (women, men):
        assert math.isclose(sum(priors.values()), 1.0, abs_tol=1e-3)
    # Brauer 2009: 957.3 vs 414.4 hip fractures per 100,000 a year from 65
    ratio = 957.3 / 414.4
    assert women["fracture"] == pytest.approx(either["fracture"] * 2 * ratio / (ratio + 1), abs=1e-3)
    assert men["fracture"] == pytest.approx(either["fracture"] * 2 / (ratio + 1), abs=1e-3)
    for condition in either:
        assert (women[condition] + men[condition]) / 2 == pytest.approx(either[condition], abs=2e-3)
        if condition != "fracture":  # the others keep their ratios to one another
            assert women[condition] / women["osteoarthritis"] == pytest.approx(
                either[condition] / either["osteoarthritis"], rel=3e-2)  # 4 decimals
            assert men[condition] / men["osteoarthritis"] == pytest.approx(
                either[condition] / either["osteoarthritis"], rel=3e-2)  # 4 decimals


def test_a_woman_over_60_is_given_a_break_more_likely_than_a_man_with_the_same_answers() -> None:
    content = get_content()
    answers = {"age": 72, "side": "right", "onset": "gradual", "weight_bearing_pain": True, "trauma": False}
    woman = assess(Case(sex="female", **answers), content)
    man = assess(Case(sex="male", **answers), content)
    unknown = assess(Case(**answers), content)
    assert woman.probability("fracture") > unknown.probability("fracture") > man.probability("fracture")
    # The other way round for wear of the joint, which makes room.
    assert woman.probability("osteoarthritis") < man.probability("osteoarthritis")


@pytest.mark.parametrize("sex", ["female", "male", None])
def test_the_split_changes_no_level_of_care_where_a_danger_is_in_view(sex: str | None) -> None:
    content = get_content()
    # A fall and a leg that takes no weight: a break is not ruled out for anyone, whatever the prior.
    case = Case(sex=sex, age=80, trauma=True, unable_to_bear_weight=True)
    assert assess(case, content).triage == "emergency"
    # An older man with a normal X-ray and pain on walking: the same level as the group for sex not known.
    quiet = {"age": 70, "side": "left", "weight_bearing_pain": True, "xray": ["normal"]}
    assert assess(Case(sex=sex, **quiet), content).triage == assess(Case(**quiet), content).triage
