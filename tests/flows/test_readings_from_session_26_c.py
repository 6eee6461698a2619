"""Session 26 (c): the person's own questions record nothing ("brufen faz mal?", "peço uma
RM?"); a result not out yet is "Não sei"; an age under 12 after a pregnancy is asked again;
long medicine names typed with a slip are heard in passing."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from tests.support.conversation import talk

PREGNANT_AT_THE_PAINKILLERS = ("feminino", "34", "grávida de 24 semanas", "não", "anca esquerda", "não",
                               "não sei", "não sei", "não sei", "não sei", "não sei")


def _reader(language: str = "pt"):  # type: ignore[no-untyped-def]
    return get_engine().reader(language)


@pytest.mark.parametrize("asked", ["brufen faz mal?", "ibuprofeno faz mal ao bebé?", "posso tomar brufen?"])
def test_a_painkiller_asked_about_is_not_recorded_as_taken(asked: str) -> None:
    # user test pt 26: "brufen faz mal?" at the painkiller question was recorded as taking it
    conv = talk(*PREGNANT_AT_THE_PAINKILLERS, language="pt")
    assert conv.state == "pain_medicines"
    conv.say(asked)
    assert conv.session is not None and conv.session.case.nsaid_use is None
    assert conv.state == "pain_medicines"


def test_a_painkiller_said_taken_before_the_question_still_is() -> None:
    # near miss: the fact comes first, then the question about it
    conv = talk(*PREGNANT_AT_THE_PAINKILLERS, "tomo brufen, faz mal?", language="pt")
    assert conv.session is not None and conv.session.case.nsaid_use is True


@pytest.mark.parametrize(("language", "asked"), [
    ("pt", "peço uma RM?"), ("pt", "peço uma RM"), ("pt-BR", "pedimos uma ressonância?"), ("pt", "devo fazer RM?")])
def test_asking_whether_to_have_a_test_is_no_test_done(language: str, asked: str) -> None:
    # user test pt 26: "peço uma RM?" at the tests question was recorded as an MRI done
    side = "anca esquerda" if language == "pt" else "quadril esquerdo"
    conv = talk("feminino", "34", "não", side, asked, language=language)
    assert conv.state == "tests_done"
    assert conv.session is not None and conv.session.case.mri is None
    said = " ".join(reply.text for reply in conv.transcript[-1][1])
    assert "Boa pergunta" in said


def test_a_test_said_done_is_still_recorded() -> None:
    conv = talk("feminino", "34", "não", "anca esquerda", "fiz RM", language="pt")
    assert conv.state == "mri"


@pytest.mark.parametrize(("language", "said"), [
    ("pt", "resultado ainda não saiu"), ("pt-BR", "o laudo ainda nao veio"), ("pt", "ainda não sei o resultado"),
    ("pt", "fiz, mas o relatório ainda não chegou"), ("en", "results not back yet")])
def test_a_result_not_out_yet_is_dont_know(language: str, said: str) -> None:
    # user test pt 26: "resultado ainda não saiu" after "fiz RM" was recorded as no MRI done
    parsed = _reader(language).read("mri", said)
    assert parsed.ok and parsed.value is None


@pytest.mark.parametrize(("said", "value"), [
    ("o resultado não mostrou nada", ["normal"]), ("não fiz", "not_done"),
    ("normal, o relatório ainda não chegou", ["normal"])])
def test_a_result_told_or_no_test_is_read_as_before(said: str, value: object) -> None:
    assert _reader().read("mri", said).value == value


def test_a_pending_result_in_the_conversation_leaves_the_mri_unknown() -> None:
    conv = talk("feminino", "34", "não", "anca esquerda", "fiz RM", "resultado ainda não saiu", language="pt")
    assert conv.session is not None and conv.session.case.mri is None
    assert conv.state != "mri"


@pytest.mark.parametrize(("language", "opening", "slip", "meant"), [
    ("pt", "estou grávida de 30 semanas e dói-me a anca", "2", "32"),
    ("pt-BR", "to gravida de 20 semanas, dor no quadril", "1", "31"),
    ("en", "im 26 weeks pregnant, left hip pain", "2", "29")])
def test_a_childs_age_after_a_pregnancy_is_asked_again(language: str, opening: str, slip: str, meant: str) -> None:
    # user test pt 26: "2" typed for the age of a pregnant woman ended the questions as a child's
    conv = talk(opening, "feminino" if language != "en" else "female", language=language)
    assert conv.state == "age"
    conv.say(slip)
    assert conv.state == "age"
    assert conv.transcript[-1][1][0].code == "below_minimum_doubted"
    conv.say(meant)
    assert conv.session is not None and conv.session.case.age == int(meant)


def test_the_same_childs_age_typed_again_is_taken() -> None:
    conv = talk("estou grávida de 30 semanas e dói-me a anca", "feminino", "2", "2", language="pt")
    assert conv.state == "out_of_scope"


def test_a_childs_age_with_no_pregnancy_told_ends_as_before() -> None:
    # near miss: nothing said of a pregnancy, a parent typing a child's age
    conv = talk("feminino", "2", language="pt")
    assert conv.state == "out_of_scope"


@pytest.mark.parametrize(("slip", "field"), [
    ("predinisolona", "glucocorticoids"), ("prednisolna", "glucocorticoids"),
    ("alendronto", "long_term_bisphosphonate"), ("metotrexto", "immunosuppressed")])
def test_a_long_medicine_name_with_a_slip_is_heard_in_passing(slip: str, field: str) -> None:
    # user test pt 26: "tomo predinisolona" was not heard; the steroid item was not ticked
    conv = talk("feminino", "70", "anca esquerda", "não", f"tomo {slip}", language="pt")
    assert conv.session is not None
    noted = conv.session.noted.get("medical_history", [])
    values = [get_engine().content.options["medical_history"][i].value for i in noted]
    assert values == [field]


@pytest.mark.parametrize(("language", "typed", "meant"), [
    ("pt", "ibuprufeno", "ibuprofeno"), ("en", "methotrexte", "methotrexate"), ("pt", "predinisolona", "prednisolona")])
def test_a_slip_of_a_long_name_is_read_as_it(language: str, typed: str, meant: str) -> None:
    assert _reader(language)._long_names_mended(f"tomo {typed}") == f"tomo {meant}"


@pytest.mark.parametrize("typed", ["paracetamal", "semanass", "gravidas", "ibuprof", "predniso"])
def test_a_short_word_or_a_slip_of_another_word_is_left_as_typed(typed: str) -> None:
    # near misses: not a long medicine name within reach, or too short to guess at
    assert _reader()._long_names_mended(typed) == typed


@pytest.mark.parametrize(("language", "said", "weeks"), [
    ("pt", "faz 5 semanas q doi", 5), ("pt", "c/ 4 sem de evolucao", 4), ("pt", "há uns 2 meses", 8.7),
    ("pt-BR", "5 sem", 5), ("pt", "desde o mês passado", 4.3)])
def test_a_shorthand_duration_is_read_at_its_question(language: str, said: str, weeks: float) -> None:
    assert _reader(language).read("duration_weeks", said).value == weeks


@pytest.mark.parametrize(("language", "said"), [
    ("pt", "anca esquerda, c/ 4 sem de evolucao"), ("pt", "anca esquerda, desde o mês passado"),
    ("pt", "anca esquerda, 5 sem"), ("pt-BR", "quadril esquerdo, há uns 2 meses"),
    ("en", "left hip, since last month")])
def test_how_long_typed_at_the_pregnancy_question_is_no_week_of_pregnancy(language: str, said: str) -> None:
    # user test pt 26: "c/ 4 sem de evolucao" at the pregnancy question: a woman of 50 in her
    # first trimester
    sex = "female" if language == "en" else "feminino"
    conv = talk(sex, "50", said, language=language)
    assert conv.state == "pregnancy"
    assert conv.session is not None and conv.session.case.pregnancy is None


@pytest.mark.parametrize(("language", "said", "value"), [
    ("pt", "30 semanas", "trimester_3"), ("pt", "grávida, anca esquerda, 30 semanas", "trimester_3"),
    ("pt", "estou com 30 semanas", "trimester_3")])
def test_a_week_of_pregnancy_is_still_read(language: str, said: str, value: str) -> None:
    # near misses: the weeks are the pregnancy's own
    assert _reader(language).read("pregnancy", said).value == value


def test_how_long_after_the_side_at_another_question_is_kept_for_its_question() -> None:
    conv = talk("feminino", "50", "anca esquerda, há uns 2 meses", "não", "não", "de repente", language="pt")
    assert conv.session is not None and conv.session.case.duration_weeks == 8.7


@pytest.mark.parametrize(("language", "opening"), [
    ("pt", "tenho 34 anos, estou grávida de 30 semanas e dói-me a anca esquerda"),
    ("pt", "dói-me a anca esquerda, tenho 34 anos e estou grávida de 30 semanas"),
    ("pt-BR", "tenho 34 anos, to gravida de 30 semanas e meu quadril esquerdo doi")])
def test_facts_told_out_of_order_at_the_first_question_are_all_kept(language: str, opening: str) -> None:
    conv = talk(opening, "não", language=language)
    assert conv.session is not None
    case = conv.session.case
    assert (case.sex, case.age, case.pregnancy, case.side) == ("female", 34, "trimester_3", "left")


@pytest.mark.parametrize(("question", "said"), [
    ("side", "sla"), ("fever", "Sla"), ("age", "sla"), ("side", "n sei"), ("fever", "nao sei bem")])
def test_brazilian_chat_for_dont_know_is_dont_know(question: str, said: str) -> None:
    parsed = _reader("pt-BR").read(question, said)
    assert parsed.ok and parsed.value is None


def test_a_word_that_only_contains_sla_is_not_dont_know() -> None:
    # near miss: "slava" / "isla" are no "sla"
    assert not _reader("pt-BR").read("fever", "isla").ok


def test_a_test_done_whose_result_is_not_out_is_still_a_test_done() -> None:
    # near miss: at which tests were done, the MRI is named done
    assert _reader().read("tests_done", "fiz RM mas não tenho o resultado").value == ["mri"]


def test_a_temperature_after_the_side_is_still_a_temperature() -> None:
    # near miss: a number after the side with its own question's unit is that question's
    assert _reader().read("fever", "anca esquerda, 38 graus").value is True
