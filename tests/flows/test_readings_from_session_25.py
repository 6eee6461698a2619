"""Session 25: a leading estimate with nothing told in its favour says it leads on the starting
point; a temperature just under fever level is said as such, not as a flat "No"."""

from __future__ import annotations

import pytest

from flows.assessment import assess
from flows.case import Case
from flows.dialogue import get_engine
from flows.guidance import select_guidance
from flows.summary import build_summary
from tests.support.conversation import talk

CONTENT = get_engine().content

AFTER_A_CAESAREAN = ("ola, tive o bebe ha 3 semanas (cesariana) e estou a amamentar. doem me as duas ancas",
                     "35", "nao", "nada", "na virilha e ancas", "3 semanas", "custa andar mas ando", "nao",
                     "nao", "nao", "nao", "/porque")


def _said(*answers: str, language: str) -> str:
    conv = talk(*answers, language=language)
    return "\n".join(reply.text for _, replies in conv.transcript for reply in replies)


def test_a_leading_cause_with_no_point_for_it_says_it_leads_on_the_starting_point() -> None:
    # user test pt 24b: "71%" for transient osteoporosis after a birth, no scan, no "+" line at all
    said = _said(*AFTER_A_CAESAREAN, language="pt")
    assert "É comum neste ponto de partida (Nos 12 meses após o parto)" in said


def _why(case: Case) -> list[tuple[str, str | None]]:
    summary = build_summary(case, assess(case, CONTENT), CONTENT, "en")
    why = next(section for section in summary.sections if section.kind == "reasons")
    return [(line.text, line.mark) for line in why.lines]


def test_a_leading_cause_with_points_for_it_lists_those_instead() -> None:
    bare = Case(sex="female", age=33, pregnancy="postpartum", side="both")
    assert ("Common at this starting point (Within 12 months after birth); nothing else you told me "
            "points to it in particular", "for") in _why(bare)
    with_scan = bare.model_copy(update={"mri": ["bone_marrow_oedema"]})
    assert not any(text.startswith("Common at this starting point") for text, _ in _why(with_scan))


@pytest.mark.parametrize(("language", "opening", "again", "named"), [
    ("pt-BR", "sou medico, paciente homem de 52 anos com dor no quadril esquerdo ha 5 semanas", "52",
     "(Idade: 52 anos)"),
    ("pt-BR", "sou medico, paciente homem de 52 anos com dor no quadril esquerdo ha 5 semanas", "masculino",
     "(Sexo ao nascer: Masculino)"),
    ("en", "GP here. 52M, L hip pain 5/52, MRI shows diffuse bone marrow oedema. Refer to ortho?", "left",
     "(Which hip: Left)"),
])
def test_an_answer_typed_again_is_said_to_be_noted_under_its_own_question(
        language: str, opening: str, again: str, named: str) -> None:
    # user test pt 24b: "52" got "I have that already (Which hip: Left)", "masculino" "did not catch"
    conv = talk(opening, again, language=language)
    said = " ".join(reply.text for reply in conv.transcript[-1][1])
    assert named in said
    assert conv.session.state == talk(opening, language=language).session.state  # the question asked again


def test_a_no_is_no_repeat_of_an_earlier_no() -> None:
    conv = talk("im 40, male, left hip pain 3 weeks", "no", "no", language="en")
    assert "I have that already" not in " ".join(r.text for _, replies in conv.transcript for r in replies)


def test_warnings_for_one_cause_in_one_message_say_what_to_do_once() -> None:
    # user test en 23c: four boxes at once, saying "now", "today", "today" and "within 24 hours"
    conv = talk("64M, 3/7 L hip pain, T 38.6, CRP 180 mg/L, WCC 16.2 x10^9/L, NWB, hx T2DM", language="en")
    warnings = {r.code: r.text for r in conv.transcript[-1][1] if r.kind == "warning"}
    assert {"fever", "raised_white_cells_with_fever", "markedly_raised_markers"} <= set(warnings)
    assert "go to an emergency department now" in warnings["fever"]
    for same_way in ("raised_white_cells_with_fever", "markedly_raised_markers"):
        assert "points the same way as the warning above" in warnings[same_way]
        assert "emergency department" not in warnings[same_way]
    # a warning that points to another cause keeps its own advice
    walking = next(code for code in warnings if "bear_weight" in code)
    assert "keep weight off the leg" in warnings[walking]


def test_a_warning_given_alone_keeps_its_advice() -> None:
    conv = talk("left hip pain, my CRP was 180", language="en")
    warnings = [r.text for r in conv.transcript[-1][1] if r.kind == "warning"]
    assert warnings and "emergency department" in warnings[0]


@pytest.mark.parametrize(("language", "answers"), [
    ("en", ("44 m, hiv on meds (undetectable), right hip pain 3 weeks", "no tests", "gradual", "limping but can walk",
            "no")),
    ("en", ("44 m, right hip pain 3 weeks", "no tests", "gradual", "limping but can walk", "hiv")),
    ("pt-BR", ("homem 44, dor no quadril direito ha 3 semanas, sou soropositivo", "nenhum", "aos poucos",
               "doi pra andar mas consigo", "n")),
])
def test_hiv_counts_as_weakened_defences_and_as_a_cause_of_avn(language: str, answers: tuple[str, ...]) -> None:
    # user test en 25a: a man with HIV had infection "<1%", HIV counted only for AVN
    case = talk(*answers, language=language).session.case
    assert case.immunosuppressed is True and case.other_avn_risk is True
    assessment = assess(case, CONTENT)
    assert "septic_arthritis" in {d.condition for d in assessment.not_ruled_out}


def test_a_name_two_checklist_items_share_elsewhere_is_still_asked_about() -> None:
    # "had a scan": which one? (only the medical history's names tick each item that has them)
    conv = talk("44 m, right hip pain 3 weeks", "had a scan", language="en")
    assert "Just to be sure: X-ray or MRI scan" in conv.transcript[-1][1][0].text


def test_night_sweats_at_the_fever_question_ask_whether_it_was_measured() -> None:
    conv = talk("44 m, right hip pain 3 weeks", "no tests", "gradual", "limping but can walk", "no", "night sweats",
                language="en")
    assert conv.session.case.fever is None
    assert "Was the temperature measured" in conv.transcript[-1][1][0].text


RUNNER = ("24f runner, groin pain R side for 6 wks, worse when i run. havent had a period in like 5 months",
          "no not pregnant", "nope", "gradual i guess", "walking is fine, just running", "none", "no",
          "yeah i upped my mileage a lot for a marathon", "nah")


def test_periods_that_stopped_in_a_runner_are_heard_and_point_to_a_stress_fracture() -> None:
    # user test en 25a: the runner's stopped periods were never heard nor mentioned
    conv = talk(*RUNNER, language="en")
    case = conv.session.case
    assert case.missed_periods is True
    assessment = assess(case, CONTENT)
    assert assessment.shown[0].condition == "fracture"
    without = assess(case.model_copy(update={"missed_periods": None}), CONTENT)
    assert assessment.probability("fracture") > without.probability("fracture")
    selected = [item.id for _, items in select_guidance(case, assessment, CONTENT) for item in items]
    assert "bone_energy_deficiency" in selected
    # ...and not after a birth, when breastfeeding stops periods too
    after_birth = case.model_copy(update={"pregnancy": "postpartum"})
    selected = [item.id for _, items in select_guidance(after_birth, assess(after_birth, CONTENT), CONTENT)
                for item in items]
    assert "bone_energy_deficiency" not in selected


@pytest.mark.parametrize(("opening", "improving"), [
    ("right hip pain for 8 weeks, TOH on MRI, getting better now", True),
    ("dói-me a anca direita há 2 meses mas está a melhorar", True),
    ("right hip pain for 8 weeks, it is not getting better", None),
    ("right hip pain for 8 weeks, better when i rest", None),
    ("right hip pain for 8 weeks, less pain now with paracetamol", None),
])
def test_pain_getting_better_is_heard_when_said(opening: str, improving: bool | None) -> None:
    language = "pt" if "dói" in opening else "en"
    assert talk(opening, language=language).session.case.improving is improving


def test_a_settling_transient_osteoporosis_is_not_sent_to_urgent_care_for_a_growth() -> None:
    # user test en 25a: a physio's patient with TOH settling, "walks fine now", went urgent for a growth
    settling = Case(sex="female", age=52, pregnancy="not_pregnant", side="right", onset="gradual",
                    weight_bearing_pain=False, unable_to_bear_weight=False, mri=["bone_marrow_oedema"],
                    fever=False, improving=True)
    assessment = assess(settling, CONTENT)
    assert assessment.triage == "consultation" and assessment.shown[0].condition == "itoh"
    assert assess(settling.model_copy(update={"improving": None}), CONTENT).probability("malignancy") > \
        assessment.probability("malignancy")


def test_a_summary_graver_than_the_warnings_given_says_so_first() -> None:
    # user test pt 25b: "nao consigo pisar mais" was warned of as "within 24 hours", then the
    # summary said "Emergency: go today" with nothing to say the earlier warning was outgrown
    runner = ("sou corredor, 28 anos, homem. dor na virilha direita q piora qdo corro", "nenhum", "aos poucos",
              "5 semanas", "nao consigo pisar mais", "nenhuma", "nao", "aumentei muito o treino", "nao", "nao")
    conv = talk(*runner, language="pt-BR")
    codes = next(codes for codes in ([r.code for r in replies] for _, replies in conv.transcript) if "first" in codes)
    assert assess(conv.session.case, CONTENT).triage == "emergency"
    assert "level_raised_since_the_warnings" in codes
    assert codes.index("level_raised_since_the_warnings") < codes.index("first")
    # ...not when the warnings already said as much
    conv = talk("male 40, left hip pain 3 weeks, temp 38.9", "no tests", "sudden", "hurts to walk but i can",
                *["none"] * 4, language="en")
    codes = [r.code for _, replies in conv.transcript for r in replies]
    assert "first" in codes and "fever" in codes and "level_raised_since_the_warnings" not in codes


def test_is_it_serious_speaks_of_the_maternity_unit_only_in_pregnancy() -> None:
    # user test pt 25b: men and older women heard "(in pregnancy, the maternity unit)"
    man = talk("homem 55, dor na anca direita ha 3 semanas", "e grave?", language="pt").transcript[-1][1][0]
    assert man.code == "quick_answer:is_it_serious_not_pregnant" and "gravidez" not in man.text
    pregnant = talk("estou gravida de 33 semanas, doi me a anca", "e grave?", language="pt").transcript[-1][1][0]
    assert pregnant.code == "quick_answer:is_it_serious" and "obstetrícia" in pregnant.text


def test_is_it_serious_after_the_summary_says_its_level() -> None:
    # user tests en 25a, pt 25b: "depends on all your answers" after the answers were all given
    conv = talk("44 m, right hip pain 3 weeks", "no tests", "gradual", "limping but can walk", "none", "no", "none",
                "none", language="en")
    reply = conv.say("is it serious?")[0]
    assert reply.code == "asked_back_lowest_after" and "does not need urgent care" in reply.text
    assert "Book your GP" in reply.text
