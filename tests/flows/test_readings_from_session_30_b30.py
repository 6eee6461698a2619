"""Session 30 (b30, blind user tests in pt and pt-BR): another test denied by name at a test's
question ("não fez rx" at the blood count) is no "not done" of this test; a bare "no" at a
blood result asks "not done or normal?"; a note's "coxalgia D" is the right hip; a word of
about before a number ("umas 3 semanas, foi piorando", "about 3 weeks, came on gradually")
leads it as "há" does; "+/-" beside a number is "more or less", not "and"."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from tests.support.conversation import talk

ENGINE = get_engine()
PHYSIO = ("sou fisioterapeuta, tenho um utente de 45 anos, sexo masculino, com dor na anca esquerda há 6 "
          "semanas, sem história de trauma, faz carga com dor, RM com edema ósseo difuso da cabeça e colo",
          "insidiosa", "nega febre", "PCR normal")


# 1. Another test denied by name at a test's question --------------------------------------

@pytest.mark.parametrize("language, question, text", [
    ("pt", "white_cell_count", "não fez rx"),                   # session 30: the blood count "not done"
    ("pt", "inflammatory_markers", "nao fiz raio x"),
    ("pt", "white_cell_count", "rx não fez"),
    ("pt", "xray", "não fiz ressonância"),
    ("pt", "mri", "não fez rx"),
    ("pt", "bone_scan", "nao fiz hemograma"),
    ("en", "mri", "xray not done"),
    ("en", "white_cell_count", "no mri"),
])
def test_another_test_denied_at_a_tests_question_is_no_not_done(language: str, question: str, text: str) -> None:
    parsed = ENGINE.reader(language).read(question, text)
    assert not parsed.ok and parsed.value is None


@pytest.mark.parametrize("language, question, text", [
    ("pt", "white_cell_count", "não fez"),                      # this test's own no: kept
    ("pt", "white_cell_count", "nao fiz hemograma"),
    ("pt", "inflammatory_markers", "não fez análises"),
    ("pt", "inflammatory_markers", "não fiz nenhum exame"),
    ("pt", "xray", "não fez rx"),
    ("pt", "mri", "não fez ressonância"),
    ("en", "mri", "mri not done"),
    ("en", "xray", "no xray done"),
])
def test_this_tests_own_denial_is_still_not_done(language: str, question: str, text: str) -> None:
    parsed = ENGINE.reader(language).read(question, text)
    assert parsed.ok and parsed.value == "not_done"


def test_another_test_denied_at_the_blood_count_is_said_as_known_and_asked_again() -> None:
    conv = talk(*PHYSIO, language="pt")
    assert conv.state == "white_cell_count"
    replies = conv.say("não fez rx")
    assert [r.code for r in replies] == ["denial_already_noted", "white_cell_count"]
    assert conv.session.case.white_cell_count is None and conv.session.case.xray == "not_done"
    conv.say("não fez")
    assert conv.session.case.white_cell_count == "not_done"


# 2. A bare "no" at a blood result -----------------------------------------------------------

@pytest.mark.parametrize("language, question, text, clarify", [
    ("pt", "white_cell_count", "n", ["Não fiz", "Normal"]),     # session 30: "did not catch", again and again
    ("pt", "inflammatory_markers", "não", ["Não fiz", "Normal"]),
    ("pt", "white_cell_count", "ñ", ["Não fiz", "Normal"]),
    ("en", "white_cell_count", "no", ["Not done", "Normal"]),
    ("en", "inflammatory_markers", "nope", ["Not done", "Normal"]),
])
def test_a_bare_no_at_a_blood_result_asks_which(language: str, question: str, text: str, clarify: list[str]) -> None:
    parsed = ENGINE.reader(language).read(question, text)
    assert not parsed.ok and parsed.clarify == clarify


@pytest.mark.parametrize("language, question, text, value", [
    ("pt", "white_cell_count", "não fiz", "not_done"),
    ("pt", "white_cell_count", "não, normal", "normal"),
    ("pt", "inflammatory_markers", "nao, nao fiz", "not_done"),
    ("pt", "inflammatory_markers", "não sei", None),
    ("en", "white_cell_count", "no, not done", "not_done"),
    ("en", "inflammatory_markers", "not raised", "normal"),
    ("en", "xray", "no", "not_done"),                           # a scan's no is still its not done
    ("pt", "xray", "n", "not_done"),
])
def test_a_no_with_its_words_or_at_a_scan_is_read(language: str, question: str, text: str, value: str | None) -> None:
    parsed = ENGINE.reader(language).read(question, text)
    assert parsed.ok and parsed.value == value


def test_a_bare_no_at_the_blood_count_in_a_conversation() -> None:
    conv = talk("H 52a, coxalgia direita há 2 meses, RM com edema medular, análises feitas", "n", "normal",
                language="pt")
    assert conv.state == "white_cell_count"
    assert [r.code for r in conv.say("n")] == ["clarify", "white_cell_count"]
    conv.say("não fiz")
    assert conv.session.case.white_cell_count == "not_done"


# 3. A note's one letter for the right side --------------------------------------------------

@pytest.mark.parametrize("language, first", [
    ("pt", "H 52a, coxalgia D há 2 meses, sem trauma"),         # session 30: which hip was asked again
    ("pt", "dor na virilha D há 3 semanas"),
    ("pt-BR", "pcte 60a, coxalgia D, piora ao andar"),
])
def test_a_notes_letter_d_after_the_complaint_is_the_right(language: str, first: str) -> None:
    conv = talk(first, language=language)
    assert conv.session.case.side == "right" or conv.session.noted.get("side") == [1]


@pytest.mark.parametrize("language, first", [
    ("pt", "H 52a, coxalgia E, 2 meses"),
    ("pt", "dor anca E."),
    ("pt-BR", "paciente fem 41a, dor no quadril E, ha 6 sem"),
])
def test_a_notes_letter_e_ending_its_clause_is_the_left(language: str, first: str) -> None:
    conv = talk(first, language=language)
    assert conv.session.case.side == "left" or conv.session.noted.get("side") == [0]


@pytest.mark.parametrize("first", ["coxalgia e lombalgia", "dor na anca e na virilha", "dor na virilha e no joelho",
                                   "dor no quadril e faz 2 semanas", "coxalgia E ha 2 meses"])
def test_the_word_e_after_the_complaint_names_no_side(first: str) -> None:
    conv = talk(first, language="pt")
    assert conv.session.case.side is None and "side" not in conv.session.noted


# 4. A word of about leads the number as "há" does -------------------------------------------

@pytest.mark.parametrize("language, text, said", [
    ("pt", "umas 3 semanas, foi piorando aos poucos", "3 semanas"),   # session 30: asked again
    ("pt", "cerca de 3 semanas, veio aos poucos", "3 semanas"),
    ("pt", "grávida, há 3 semanas, veio aos poucos", "3 semanas"),
    ("en", "about 3 weeks, came on gradually", "3 weeks"),
    ("en", "around 2 months, came on slowly", "2 months"),
    ("en", "for about 2 weeks", "2 weeks"),
    ("en", "left, about 2 months", "2 months"),
])
def test_a_number_led_by_a_word_of_about_is_how_long(language: str, text: str, said: str) -> None:
    assert ENGINE.reader(language).heard_number("duration_weeks", text, "tests_done") == said


@pytest.mark.parametrize("language, text", [
    ("pt", "grávida, umas 30 semanas, dor na anca"),           # the pregnancy's weeks: asked, not guessed
    ("pt", "estou gravida, umas 30 semanas, veio aos poucos"),
    ("en", "pregnant, about 30 weeks, hip pain"),
    ("pt", "3 semanas, foi piorando"),                          # a bare number: as before
    ("pt", "agora 3 semanas, foi piorando"),                    # a filler that is no word of about
    ("pt", "tenho uns 40 anos e dor na anca"),
])
def test_a_pregnancy_named_or_no_lead_keeps_the_number_unheard(language: str, text: str) -> None:
    assert ENGINE.reader(language).heard_number("duration_weeks", text, "sex") is None


def test_about_three_weeks_typed_early_is_not_asked_again() -> None:
    conv = talk("oi, to gravida de 32 sem e meu quadril ta doendo mto", "29", "n", "o esquerdo",
                "umas 3 semanas, foi piorando aos poucos", language="pt-BR")
    assert conv.session.held_numbers.get("duration_weeks") == "3 semanas"


# 5. "+/-" is more or less ------------------------------------------------------------------

@pytest.mark.parametrize("language, text, said", [
    ("pt", "umas 3 semanas +/-", "3 semanas"),                  # session 30: "did not catch"
    ("pt", "+/- 3 semanas", "3 semanas"),
    ("pt", "3 semanas +-", "3 semanas"),
    ("pt", "+ ou - 2 meses", "2 meses"),
    ("en", "about 3 weeks +/-", "3 weeks"),
])
def test_more_or_less_beside_a_number_is_heard(language: str, text: str, said: str) -> None:
    assert ENGINE.reader(language).heard_number("duration_weeks", text, "pregnancy_warning_signs") == said


def test_more_or_less_typed_at_a_checklist_is_kept_for_how_long() -> None:
    conv = talk("oi, to gravida de 32 sem e meu quadril ta doendo mto", "29", language="pt-BR")
    replies = conv.say("umas 3 semanas +/-")
    assert replies[0].code == "kept_for_later" and conv.session.held_numbers.get("duration_weeks") == "3 semanas"


@pytest.mark.parametrize("language, text", [("pt", "+/-"), ("pt", "+-"), ("en", "+/-"), ("en", "±")])
def test_more_or_less_alone_at_a_yes_or_no_is_said_partly(language: str, text: str) -> None:
    assert ENGINE.reader(language).read("fever", text).error == "said_partly"


@pytest.mark.parametrize("language, question, text, value", [
    ("pt", "pain_medicines", "paracetamol + ibuprofeno", True),    # "+" alone is still "and"
    ("pt", "age", "tenho +/- 40 anos", 40),
])
def test_a_plus_alone_is_still_and(language: str, question: str, text: str, value: object) -> None:
    assert ENGINE.reader(language).read(question, text).value == value


def test_weeks_and_days_are_no_more_or_less() -> None:
    assert ENGINE.reader("pt").read("age", "34+2").value is None


# 6. "tá difícil de andar" said in passing ----------------------------------------------------

@pytest.mark.parametrize("language, first", [
    ("pt-BR", "to gravida de 35 semanas e meu quadril direito ta doendo faz 2 semanas, ta dificil de andar"),
    ("pt-BR", "meu quadril dói, tá difícil pra andar"),
    ("pt", "dor na anca, está difícil de caminhar"),
])
def test_hard_to_walk_said_in_passing_is_pain_on_walking(language: str, first: str) -> None:
    assert talk(first, language=language).session.noted.get("walking") == [1]


@pytest.mark.parametrize("first", ["dor na anca, nao é dificil de andar", "dor na anca, é dificil de dizer"])
def test_not_hard_to_walk_or_hard_to_say_is_no_walking_answer(first: str) -> None:
    assert "walking" not in talk(first, language="pt").session.noted


# 7. pt-BR ways of saying "my mistake" --------------------------------------------------------

@pytest.mark.parametrize("text", ["foi mal, é o esquerdo", "ops, é o esquerdo", "quis dizer o esquerdo",
                                  "me confundi, é o esquerdo", "troquei, é o esquerdo"])
def test_a_brazilian_correction_changes_the_side(text: str) -> None:
    conv = talk("homem 48 anos, dor no quadril direito faz 5 semanas", language="pt-BR")
    conv.say(text)
    assert conv.session.case.side == "left" and conv.state == "tests_done"


def test_the_other_side_said_without_a_correction_is_not_taken_over_the_answer() -> None:
    conv = talk("homem 48 anos, dor no quadril direito faz 5 semanas", language="pt-BR")
    conv.say("é o esquerdo")
    assert conv.session.case.side == "right"


# 8. A result no question asks, at a number ----------------------------------------------------

@pytest.mark.parametrize("language, text", [
    ("pt", "RX normal, PCR 12, VHS 18, vit D 18 ng/ml"),     # session 30: first trimester
    ("pt", "vit D 18"),
    ("pt", "hemoglobina 12"),
    ("pt", "ferritina 18"),
    ("pt", "18 ng/ml"),
    ("en", "vitamin d 18"),
    ("en", "hb 12"),
])
def test_a_result_no_question_asks_is_no_week_of_pregnancy(language: str, text: str) -> None:
    parsed = ENGINE.reader(language).read("pregnancy", text)
    assert not parsed.ok


@pytest.mark.parametrize("language, text, value", [
    ("pt", "12", "trimester_1"),                              # a bare week is still a week
    ("pt", "gravida de 18 semanas", "trimester_2"),
    ("pt", "estou de 18 semanas, ferritina baixa", "trimester_2"),
    ("en", "20 weeks", "trimester_2"),
])
def test_a_week_said_beside_a_result_is_still_a_week(language: str, text: str, value: str) -> None:
    parsed = ENGINE.reader(language).read("pregnancy", text)
    assert parsed.ok and parsed.value == value


def test_a_clinicians_results_at_the_pregnancy_question_record_no_pregnancy() -> None:
    conv = talk("sou medica da UBS. paciente fem 41a, dor no quadril E ha 6 sem, sem trauma, afebril",
                "RX normal, PCR 12, VHS 18, vit D 18 ng/ml", language="pt-BR")
    assert conv.state == "pregnancy" and conv.session.case.pregnancy is None
    assert conv.session.noted.get("xray") == [1] and conv.session.held_numbers.get("inflammatory_markers") == "pcr 12"


@pytest.mark.parametrize("language, question, text", [
    ("pt", "age", "vit d 18"),
    ("pt", "duration_weeks", "hb 12"),
    ("en", "white_cell_count", "ferritin 18"),
])
def test_a_result_no_question_asks_is_no_other_number(language: str, question: str, text: str) -> None:
    assert not ENGINE.reader(language).read(question, text).ok


# 9. Texting shorthand: "nd" (nada), "qd" (quando) ---------------------------------------------

@pytest.mark.parametrize("question, text, value", [
    ("pregnancy_warning_signs", "nd disso", "none"),           # session 30: "did not catch"
    ("tests_done", "nd", "none"),
    ("pain_medicines", "n tomo nd", False),
])
def test_nd_is_nada(question: str, text: str, value: object) -> None:
    parsed = ENGINE.reader("pt").read(question, text)
    assert parsed.ok and parsed.value == value


def test_nd_in_a_word_is_no_nada() -> None:
    assert ENGINE.reader("pt").read("tests_done", "fiz rx, ndlr").value != "none"


# 10. A bare yes or no where no answer is one -------------------------------------------------

@pytest.mark.parametrize("language, question, text", [
    ("pt", "onset", "n"),                                      # session 30: "did not catch", again and again
    ("pt", "walking", "não"),
    ("pt", "pelvic_girdle_pattern", "nao"),
    ("pt", "onset", "acho que sim"),
    ("en", "onset", "no"),
    ("en", "walking", "yes"),
])
def test_a_bare_yes_or_no_at_a_question_of_other_answers_says_so(language: str, question: str, text: str) -> None:
    assert ENGINE.reader(language).read(question, text).error == "not_a_yes_or_no"


@pytest.mark.parametrize("language, question, text", [
    ("pt", "fever", "n"),                                      # a yes-or-no question: read
    ("pt", "onset", "não sei"),                                # don't know: read
    ("pt", "onset", "banana"),                                 # no yes nor no: not caught, as before
    ("en", "pain_medicines", "no"),
])
def test_a_yes_or_no_question_or_other_words_are_not_told_so(language: str, question: str, text: str) -> None:
    assert ENGINE.reader(language).read(question, text).error != "not_a_yes_or_no"


def test_a_bare_no_at_how_it_began_is_told_in_brazilian_words() -> None:
    conv = talk("homem, 55 anos, dor no quadril esquerdo faz 2 meses", "nao", language="pt-BR")
    assert conv.state == "onset"
    replies = conv.say("n")
    assert [r.code for r in replies] == ["not_a_yes_or_no", "onset"]
    assert "sim ou não" in replies[0].text and conv.state == "onset"


# 11. "piora quando ando" said in passing ------------------------------------------------------

@pytest.mark.parametrize("language, first", [
    ("pt-BR", "oi, tenho 45 anos, sou homem, dor no quadril direito faz uns 2 meses +/-, piora qd ando"),  # session 30
    ("pt", "dor na anca, piora ao andar"),
    ("pt", "dor na anca, piora com a marcha"),
])
def test_worse_on_walking_said_in_passing_is_pain_on_walking(language: str, first: str) -> None:
    assert talk(first, language=language).session.noted.get("walking") == [1]


@pytest.mark.parametrize("first", ["dor na anca, nao piora ao andar", "dor na anca, piora de noite"])
def test_not_worse_on_walking_or_worse_at_night_is_no_walking_answer(first: str) -> None:
    assert "walking" not in talk(first, language="pt").session.noted
