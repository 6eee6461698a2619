"""Session 19 (fixb): a baby moving less said with a negation ("o bebe quase n mexe") is the
sign; "n" is "não" wherever typed; an age said with a time ("caiu ontem") is kept; holding a
baby "ao colo" is no walking; pain that eases at night is no night pain. Each rule both ways."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from tests.support.conversation import talk

ENGINE = get_engine()
CONTENT = ENGINE.content


def checklist_read(language: str, question: str, text: str) -> list[str]:
    options = CONTENT.options[question]
    return [str(options[i].value) for i in ENGINE.reader(language).mentions(question, text)]


def read(language: str, question: str, text: str) -> object:
    parsed = ENGINE.reader(language).read(question, text)
    return parsed.value if parsed.ok else None


# --- 1. the baby not moving, or hardly, is the sign -----------------------------------------


@pytest.mark.parametrize(("language", "text"), [
    ("pt-BR", "o bebe quase n mexe"),
    ("pt-BR", "o bebe n ta mexendo quase nada"),
    ("pt-BR", "o bebe nao tem mexido muito"),
    ("pt-BR", "ele ta mexendo bem menos"),
    ("pt-BR", "n sinto ele mexer direito"),
    ("pt-BR", "n senti ele mexer hj"),
    ("pt-BR", "o bebe nao ta mexendo"),
    ("pt", "o bebé não se tem mexido"),
    ("pt", "ele quase não se mexe"),
    ("en", "baby's hardly moving"),
    ("en", "haven't felt him move today"),
    ("en", "baby not moving much"),
    ("en", "baby isn't moving"),
    ("en", "he's hardly moving"),
])
def test_the_baby_moving_less_or_not_at_all_is_the_sign(language: str, text: str) -> None:
    # at the question and in passing alike
    assert read(language, "pregnancy_warning_signs", text) == ["reduced_fetal_movements"]
    assert checklist_read(language, "pregnancy_warning_signs", text) == ["reduced_fetal_movements"]


@pytest.mark.parametrize(("language", "text"), [
    ("pt-BR", "o bebê está mexendo normal"),
    ("pt-BR", "o bebe ta mexendo bem"),
    ("pt-BR", "ele ta mexendo muito"),
    ("pt-BR", "ele não para de mexer"),
    ("en", "baby moving fine"),
    ("en", "baby is moving normally"),
    ("en", "he's moving loads"),
])
def test_the_baby_moving_as_usual_is_no_sign(language: str, text: str) -> None:
    assert checklist_read(language, "pregnancy_warning_signs", text) == []
    assert read(language, "pregnancy_warning_signs", text) != ["reduced_fetal_movements"]


def test_nenhuma_with_the_baby_moving_well_is_none() -> None:
    assert read("pt-BR", "pregnancy_warning_signs", "nenhuma, ele mexe bem") == "none"


@pytest.mark.parametrize(("language", "first_message"), [
    ("pt-BR", "to gravida de 35 semanas, dor no quadril direito faz 2 semanas, o bebe quase n mexe"),
    ("pt-BR", "to gravida de 35 semanas e o bebe n ta mexendo quase nada, dor no quadril"),
    ("en", "35 weeks pregnant, right hip pain for 2 weeks, baby's hardly moving"),
])
def test_the_baby_moving_less_in_a_first_message_warns_at_once(language: str, first_message: str) -> None:
    conv = talk(first_message, language=language)
    assert conv.session is not None and "pregnancy_warning_signs" in conv.session.announced
    assert conv.session.case.reduced_fetal_movements is True
    # ...and the unaccented "bebe" is no drink ("bebo"): the hip that cannot move is not heard
    assert conv.session.case.cannot_move_hip is None


@pytest.mark.parametrize(("language", "first_message"), [
    ("pt-BR", "gravida de 35 semanas, dor no quadril, o bebe ta mexendo normal"),
    ("en", "35 weeks pregnant, hip pain, baby moving fine"),
])
def test_the_baby_moving_as_usual_in_a_first_message_warns_of_nothing(language: str, first_message: str) -> None:
    conv = talk(first_message, language=language)
    assert conv.session is not None and "pregnancy_warning_signs" not in conv.session.announced
    assert conv.session.case.reduced_fetal_movements is None


# --- 2. "n" is "não" before a verb ------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "ela n consegue pisar com a perna direita",
    "ela n consegue nem ficar em pe",
    "nem pisa no chao",
    "n anda",
    "ela n fica em pe",
    "nem levanta da cama",
])
def test_n_and_nem_before_a_verb_deny_it_at_the_walking_question(text: str) -> None:
    assert read("pt-BR", "walking", text) == "cannot"


@pytest.mark.parametrize(("text", "walking"), [
    ("ela anda normal, nem manca", "fine"),
    ("ela pisa normal", "fine"),
    ("nem dói pra andar", "fine"),
])
def test_walking_well_said_with_nem_or_pisar_is_no_cannot(text: str, walking: str) -> None:
    assert read("pt-BR", "walking", text) == walking


def test_a_lone_n_answers_no_more_than_before() -> None:
    # "n" alone is still "no": None of these at a checklist, nothing at the walking question
    assert read("pt-BR", "pregnancy_warning_signs", "n") == "none"
    assert read("pt-BR", "walking", "n") is None


# --- 3. the age with a time in the same message ---------------------------------------------


@pytest.mark.parametrize(("language", "answers"), [
    ("pt-BR", ("é pra minha mãe", "feminino", "ela tem 78 anos, caiu ontem a noite no banheiro e n consegue pisar")),
    ("pt-BR", ("é pra minha mãe", "feminino", "78 anos, dor há 3 dias")),
    ("en", ("for my mum", "female", "she's 78, fell last night")),
    ("en", ("for my mum", "female", "78 years old, pain for 3 days")),
])
def test_an_age_said_with_a_time_is_kept(language: str, answers: tuple[str, ...]) -> None:
    conv = talk(*answers, language=language)
    assert conv.session is not None and conv.session.case.age == 78 and conv.state != "age"


@pytest.mark.parametrize("text", ["3 dias", "3 luas", "78 anos e 3 luas"])
def test_a_number_with_no_age_unit_is_still_no_age(text: str) -> None:
    assert ENGINE.reader("pt").read("age", text).ok is False


# --- 4. holding the baby is no walking; "ando mas custa" -------------------------------------


def test_holding_the_baby_ao_colo_is_no_cannot_walk() -> None:
    first = ("tive a minha filha ha 2 meses (cesariana) e estou a amamentar, doi-me muito a anca direita "
             "e as vezes nem consigo pegar nela ao colo de pe")
    assert "cannot" not in [str(CONTENT.options["walking"][i].value)
                            for i in ENGINE.reader("pt").mentions("walking", first)]
    conv = talk(first, "32", language="pt")
    assert conv.session is not None and conv.session.case.unable_to_bear_weight is None
    assert conv.session.case.breastfeeding is True


@pytest.mark.parametrize("text", ["tiveram de me levar ao colo", "veio ao colo para o carro"])
def test_being_carried_ao_colo_is_still_cannot_walk(text: str) -> None:
    assert checklist_read("pt", "walking", text) == ["cannot"]


@pytest.mark.parametrize(("language", "text"), [
    ("pt", "ando mas custa"),
    ("pt", "ando mas custa muito"),
    ("pt-BR", "ando mas dói"),
    ("en", "i can walk but its hard"),
])
def test_walking_that_is_hard_is_weight_bearing_pain(language: str, text: str) -> None:
    assert read(language, "walking", text) == "worse"
    assert checklist_read(language, "walking", text) == ["worse"]


@pytest.mark.parametrize(("language", "text", "walking"), [
    ("pt", "ando bem", "fine"),
    ("pt", "não custa nada andar", "fine"),
    ("en", "it's hard to say", None),
])
def test_walking_that_is_not_hard_is_no_weight_bearing_pain(language: str, text: str, walking: str | None) -> None:
    assert read(language, "walking", text) == walking


# --- 5. pain that eases at night or at rest is no night pain --------------------------------


@pytest.mark.parametrize(("language", "text"), [
    ("pt-BR", "piora mto qdo ando e de noite alivia"),
    ("pt-BR", "a noite melhora"),
    ("pt", "em repouso melhora"),
    ("pt-BR", "piora qdo ando, a noite melhora"),
    ("en", "ok at rest"),
    ("en", "fine at rest"),
    ("en", "better at night"),
    ("en", "eases at night"),
    ("en", "worse walking, better at rest"),
])
def test_pain_that_eases_at_night_or_at_rest_is_no_night_pain(language: str, text: str) -> None:
    assert "night_pain" not in checklist_read(language, "warning_signs", text)


@pytest.mark.parametrize(("language", "text"), [
    ("pt-BR", "dói de noite"),
    ("pt", "acorda-me à noite"),
    ("pt-BR", "piora à noite e melhora de manhã"),
    ("pt-BR", "pior à noite melhor de manhã"),  # a word of worse in the clause keeps it
    ("en", "pain at night"),
    ("en", "wakes me up"),
    ("en", "worse at night better in the morning"),
])
def test_pain_at_night_is_still_night_pain(language: str, text: str) -> None:
    assert "night_pain" in checklist_read(language, "warning_signs", text)


def test_the_first_message_that_eases_at_night_records_no_night_pain() -> None:
    conv = talk("tenho 40 anos, dor no quadril direito ha 3 semanas, piora mto qdo ando e de noite alivia",
                language="pt-BR")
    assert conv.session is not None and conv.session.case.night_pain is None


# --- 4b. breastfeeding said with no bottle is breastfeeding ---------------------------------


@pytest.mark.parametrize(("language", "text"), [
    ("pt", "estou a amamentar"),
    ("pt", "não dou biberão"),
    ("pt", "estou a amamentar, não dou biberão"),
    ("pt", "ainda nao desmamei"),
    ("pt", "só peito, nunca dei biberão"),
    ("pt-BR", "to amamentando"),
    ("pt-BR", "to amamentando, nao dou formula"),
])
def test_breastfeeding_said_with_no_bottle_is_yes(language: str, text: str) -> None:
    assert read(language, "breastfeeding", text) is True


@pytest.mark.parametrize(("language", "text"), [
    ("pt", "dou biberão"),
    ("pt", "parei de amamentar"),
    ("pt", "não estou a amamentar"),
    ("pt-BR", "dou mamadeira"),
])
def test_the_bottle_or_stopping_is_still_no(language: str, text: str) -> None:
    assert read(language, "breastfeeding", text) is False
