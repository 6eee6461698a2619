"""Session 19 (fixc): the everyday words for the spinal nerves' warning signs; an injection
into the hip is no course of steroids; osteoporosis said as "OP" or as its bone drug; an
X-ray's result said with the exam is kept for its question. Each rule both ways."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from tests.support.conversation import talk

ENGINE = get_engine()
CONTENT = ENGINE.content


def checklist_read(language: str, question: str, text: str) -> list[str]:
    options = CONTENT.options[question]
    return [str(options[i].value) for i in ENGINE.reader(language).mentions(question, text)]


# --- 1. cauda equina in lay words (user test en 19) -------------------------------------------


@pytest.mark.parametrize(("language", "text"), [
    ("en", "since this afternoon my bum feels numb and i cant really tell when i need to wee"),
    ("en", "my bum feels numb"),
    ("en", "my backside is numb"),
    ("en", "numb genitals"),
    ("en", "numbness in the saddle area"),
    ("en", "cant feel when i need to wee"),
    ("en", "i can't tell when i need a poo"),
    ("en", "i peed without noticing"),
    ("en", "lost bladder control"),
    ("en", "unable to pee since this morning"),
    ("pt", "tenho o rabo dormente"),
    ("pt", "as nádegas estão dormentes"),
    ("pt", "não sinto quando preciso de fazer chichi"),
    ("pt-BR", "bumbum dormente"),
    ("pt-BR", "desde a tarde o bumbum ta dormente e n sinto qdo preciso fazer xixi"),
    ("pt-BR", "não sinto quando preciso fazer xixi"),
    ("pt-BR", "não consigo urinar"),
    ("pt-BR", "fiz xixi sem sentir"),
])
def test_the_spinal_nerves_signs_in_everyday_words(language: str, text: str) -> None:
    assert checklist_read(language, "warning_signs", text) == ["cauda_equina_signs"]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "numb leg after sitting"),
    ("en", "my bum goes numb after sitting for ages"),
    ("en", "I need to wee a lot"),
    ("en", "i cant tell you how often i need to wee"),      # pregnancy's frequent weeing
    ("en", "i dont know if i need to wee or its the baby"),
    ("en", "my leg is numb down to my foot"),
    ("en", "my bum is not numb"),
    ("pt", "a perna fica dormente depois de estar sentada"),
    ("pt-BR", "tô fazendo xixi toda hora"),
    ("pt-BR", "não sinto dor quando faço xixi"),
])
def test_what_is_no_sign_of_the_spinal_nerves(language: str, text: str) -> None:
    assert checklist_read(language, "warning_signs", text) == []


def test_the_numb_bum_in_pregnancy_raises_the_alert_at_once() -> None:
    conv = talk("31 weeks pregnant, 29, pain in my back going down my left leg",
                "since this afternoon my bum feels numb and i cant really tell when i need to wee")
    assert conv.session is not None and conv.session.case.cauda_equina_signs is True
    assert "cauda_equina_signs" in conv.session.announced


def test_weeing_often_in_pregnancy_raises_no_alert() -> None:
    conv = talk("31 weeks pregnant, 29, pain in my back going down my left leg", "I need to wee a lot")
    assert conv.session is not None and conv.session.case.cauda_equina_signs is not True


# --- 2. an injection into the hip is no course of steroids (user test en 19) -----------------


@pytest.mark.parametrize(("language", "text", "items"), [
    ("en", "had a steroid injection in it 2 weeks ago", ["recent_joint_procedure"]),
    ("en", "on methotrexate, had a steroid injection in it 2 weeks ago",
     ["immunosuppressed", "recent_joint_procedure"]),
    ("en", "got a steroid shot in it", ["recent_joint_procedure"]),
    ("en", "they injected my hip with steroids", ["recent_joint_procedure"]),
    ("en", "cortisone injection into the hip", ["recent_joint_procedure"]),
    ("pt", "levei uma injeção de cortisona nela", ["recent_joint_procedure"]),
    ("pt", "fiz uma infiltração de cortisona na anca há 2 semanas", ["recent_joint_procedure"]),
    ("pt-BR", "tomei uma injeção de corticoide nele faz 2 semanas", ["recent_joint_procedure"]),
    ("pt-BR", "fiz infiltração com corticoide", ["recent_joint_procedure"]),
    # ...while steroids taken for something else stay steroids
    ("en", "steroid injections for my asthma", ["glucocorticoids"]),
    ("en", "prednisolone", ["glucocorticoids"]),
    ("en", "on prednisolone for years", ["glucocorticoids"]),
    ("en", "steroid injection in my knee", ["glucocorticoids"]),
    ("pt-BR", "tomo prednisona pra asma", ["glucocorticoids"]),
    ("pt", "tomei injeção de cortisona no joelho", ["glucocorticoids"]),
])
def test_an_injection_into_the_hip_is_the_joint_injection(language: str, text: str, items: list[str]) -> None:
    assert sorted(checklist_read(language, "medical_history", text)) == sorted(items)
    assert sorted(ENGINE.reader(language).read("medical_history", text).value) == sorted(items)


# --- 3. a clinician's "OP" beside its medicine is osteoporosis (user test en 19) -------------


@pytest.mark.parametrize(("text", "items"), [
    ("OP on alendronate", ["known_osteoporosis", "long_term_bisphosphonate"]),
    ("65F, OP on alendronate, T2DM", ["immunosuppressed", "known_osteoporosis", "long_term_bisphosphonate"]),
    ("known OP, on risedronate", ["known_osteoporosis", "long_term_bisphosphonate"]),
    ("hx OP", ["known_osteoporosis"]),
    # "op" is also an operation: alone, or in "post op", it is no osteoporosis
    ("OP", []),
    ("2 weeks post op", []),
    ("had an op on my knee", []),
    ("post op on alendronate", ["long_term_bisphosphonate"]),
    ("had my op last year, on alendronate", ["long_term_bisphosphonate"]),
])
def test_op_beside_a_bone_medicine_is_osteoporosis(text: str, items: list[str]) -> None:
    assert sorted(checklist_read("en", "medical_history", text)) == items
    if items:
        assert sorted(ENGINE.reader("en").read("medical_history", text).value) == items


# --- 4. an X-ray's result said with the exam is kept; a walk is no X-ray result (user test 19) -


@pytest.mark.parametrize(("language", "text", "found"), [
    ("en", "xray last year said some arthritis", [["joint_space_narrowing"]]),
    ("en", "the x-ray showed arthritis", [["joint_space_narrowing"]]),
    ("pt-BR", "fiz raio x mas n deu nada", [["normal"]]),
    ("pt-BR", "fiz raio x, o medico disse q era artrose", [["joint_space_narrowing"]]),
    ("pt", "fiz uma radiografia e disseram que tinha artrose", [["joint_space_narrowing"]]),
    # an opinion or a pasted report's conclusion is no finding
    ("en", "GP thinks it's arthritis on the xray", []),
    ("en", "xray maybe some arthritis", []),
    ("en", "x-ray: Impression: osteoarthritis", []),
    ("pt-BR", "fiz raio x, o medico acha q pode ser artrose", []),
])
def test_a_result_said_with_the_x_ray_is_heard(language: str, text: str, found: list[list[str]]) -> None:
    assert ENGINE.reader(language).heard_findings("xray", text) == found


@pytest.mark.parametrize(("language", "first", "value"), [
    ("en", "xray last year said some arthritis", ["joint_space_narrowing"]),
    ("pt-BR", "fiz raio x mas n deu nada", ["normal"]),
])
def test_a_result_said_at_the_tests_question_is_taken_at_the_x_ray_question(language: str, first: str,
                                                                            value: list[str]) -> None:
    opening = ("male", "62", "right hip pain for 3 months") if language == "en" else \
        ("masculino", "62", "dor no quadril direito faz 3 meses")
    conv = talk(*opening, language=language)
    assert conv.state == "tests_done"
    conv.say(first)
    assert conv.session is not None and conv.session.case.xray == value
    assert conv.state != "xray"


@pytest.mark.parametrize(("language", "text", "value"), [
    ("en", "walking is fine mostly, hurts after a long walk", None),
    ("en", "im fine", None),
    ("pt-BR", "ando bem, só dói depois de caminhar muito", None),
    # ...while the scan's own "fine", "n deu nada" is normal
    ("en", "fine", ["normal"]),
    ("en", "x-ray fine but it still hurts", ["normal"]),
    ("pt-BR", "n deu nada", ["normal"]),
])
def test_words_about_walking_are_no_x_ray_result(language: str, text: str, value: list[str] | None) -> None:
    assert ENGINE.reader(language).read("xray", text).value == value


@pytest.mark.parametrize("text", ["the bottom of my foot is numb", "numbness at the bottom of my back"])
def test_the_bottom_of_a_foot_or_the_back_is_no_saddle(text: str) -> None:
    assert checklist_read("en", "warning_signs", text) == []
