"""Session 28 (b28, blind user tests in pt and pt-BR): light drinking said at another question is
heavy drinking's no, kept or agreed with, not "did not catch"; a phrase typed with a plural
ending off ("veio aos pouco") is read; "q é a otq?" asks what the condition is; an opening
message is thanked once; "2 and a half months" is 2.5 months in a Portuguese conversation, and
"20 dias" is said back as 20 days, not "2,9 semanas"."""

from __future__ import annotations

import pytest

from flows.answers import describe
from flows.dialogue import get_engine
from tests.support.conversation import talk

ENGINE = get_engine()

# A man of 52 up to how it started (tests "none"), and up to the warning signs
TO_THE_ONSET_PT = ("masculino", "52", "direita", "nao")
TO_THE_WARNINGS_PT = (*TO_THE_ONSET_PT, "aos poucos", "3 semanas", "ando mas coxeio", "nao", "nao")
TO_THE_WARNINGS_EN = ("male", "52", "right", "no", "gradually", "3 weeks", "limping", "none", "no")


# 1. Light drinking said at another question ----------------------------------------------

@pytest.mark.parametrize("language, text", [
    ("pt", "bebo uns copos ao fim de semana"),                 # user test pt 28
    ("pt", "so bebo socialmente"),
    ("pt-BR", "so tomo uma cervejinha no fds"),
    ("en", "I only drink a few beers at weekends"),
])
def test_light_drinking_denies_heavy_drinking_by_name(language: str, text: str) -> None:
    reader = ENGINE.reader(language)
    heavy = next(i for i, o in enumerate(ENGINE.content.options["medical_history"]) if o.value == "alcohol_excess")
    assert reader.denied_by_name("medical_history", text) == [heavy]
    assert reader.mentions("medical_history", text) == []


@pytest.mark.parametrize("language, text", [
    ("pt", "bebo muito vinho ao fim de semana"),
    ("pt", "bebo todos os dias"),
    ("en", "i drink a lot at weekends"),
    ("pt", "copos de agua todos os dias"),
])
def test_heavy_or_no_drinking_is_not_denied_as_light(language: str, text: str) -> None:
    assert ENGINE.reader(language).denied_by_name("medical_history", text) == []


def test_light_drinking_said_before_its_question_is_kept_as_its_no() -> None:
    conv = talk(*TO_THE_ONSET_PT, language="pt")
    assert conv.state == "onset"
    replies = conv.say("bebo uns copos ao fim de semana")
    assert replies[0].code == "kept_for_later"
    replies = conv.say("aos poucos", "3 semanas", "ando mas coxeio")
    assert conv.state == "medical_history" and "denied_earlier" in [r.code for r in replies]


@pytest.mark.parametrize("language, before, late", [
    ("pt", TO_THE_WARNINGS_PT, "so bebo uns copos ao fim de semana"),   # user test pt 28: "não percebi"
    ("pt", TO_THE_WARNINGS_PT, "nao bebo muito"),
    ("en", TO_THE_WARNINGS_EN, "I only drink socially"),
])
def test_light_drinking_told_after_its_no_agrees_with_it(language: str, before: tuple[str, ...], late: str) -> None:
    conv = talk(*before, language=language)
    assert conv.state == "warning_signs" and conv.session.case.alcohol_excess is False
    case = conv.session.case.model_copy()
    replies = conv.say(late)
    assert [r.code for r in replies] == ["denial_already_noted", "warning_signs"]
    assert conv.session.case == case


@pytest.mark.parametrize("late", ["sem antecedentes", "nao"])
def test_a_denial_of_every_item_or_a_plain_no_is_no_agreement_line(late: str) -> None:
    conv = talk(*TO_THE_WARNINGS_PT, language="pt")
    assert "denial_already_noted" not in [r.code for r in conv.say(late)]


# 2. A phrase typed with a plural ending off or on ---------------------------------------

@pytest.mark.parametrize("language, text, value", [
    ("pt", "veio aos pouco", "gradual"),                       # user test pt 28
    ("pt-BR", "foi aos pouco", "gradual"),
    ("en", "little by littles", "gradual"),
])
def test_a_phrase_with_a_plural_slip_is_read(language: str, text: str, value: str) -> None:
    parsed = ENGINE.reader(language).read("onset", text)
    assert parsed.ok and parsed.value == value


@pytest.mark.parametrize("language, text", [("pt", "um pouco"), ("pt", "foi de vez"), ("en", "a little")])
def test_words_that_are_no_plural_slip_of_a_phrase_are_not_read_as_it(language: str, text: str) -> None:
    assert not ENGINE.reader(language).read("onset", text).ok


# 3. What the condition is, asked in shorthand -------------------------------------------

@pytest.mark.parametrize("language, text", [
    ("pt", "q é a otq?"),                                      # user test pt 28, after the summary
    ("pt", "que é isso de osteoporose transitoria?"),
    ("pt-BR", "e q e a ota?"),
])
def test_what_is_asked_in_shorthand_is_heard(language: str, text: str) -> None:
    assert ENGINE.reader(language).conditions_asked(text) == ["itoh"]


@pytest.mark.parametrize("language, text", [("pt", "acho que é a ota"), ("pt-BR", "o medico disse q e ota")])
def test_a_that_inside_a_sentence_asks_nothing(language: str, text: str) -> None:
    assert ENGINE.reader(language).conditions_asked(text) == []


def test_the_condition_asked_after_the_summary_is_explained() -> None:
    conv = talk(*TO_THE_WARNINGS_PT, "nao", "nao", language="pt")
    assert conv.state == "summary"
    assert [r.code for r in conv.say("q é a otq?")] == ["condition_explained:itoh"]


# 4. The opening thanked once -------------------------------------------------------------

@pytest.mark.parametrize("language, first, second", [
    ("pt", "oi", "boa tarde tenho dor na anca"),               # user test pt 28: "Obrigado..." twice
    ("pt-BR", "oi", "oi, to com dor no quadril"),
    ("en", "hi", "my hip hurts"),
])
def test_an_opening_is_thanked_once(language: str, first: str, second: str) -> None:
    conv = talk(language=language)
    assert [r.code for r in conv.say(first)] == ["opening_heard", "sex"]
    assert [r.code for r in conv.say(second)] == ["sex"]


def test_after_a_restart_the_opening_is_thanked_again() -> None:
    conv = talk("oi", language="pt")
    conv.say("/recomecar")
    assert [r.code for r in conv.say("tenho dor na anca")] == ["opening_heard", "sex"]


# 5. Durations in a Portuguese conversation -----------------------------------------------

@pytest.mark.parametrize("language, text, weeks, said", [
    ("pt", "2 and a half months", 10.9, "2,5 meses"),          # was 2 years: "and" a slip of "ano"
    ("pt-BR", "2 meses e meio", 10.9, "2,5 meses"),
    ("en", "2 meses e meio", 10.9, "2.5 months"),
    ("pt", "faz uns 20 dias", 2.9, "20 dias"),                 # was "2,9 semanas"
    ("pt-BR", "25 dias", 3.6, "25 dias"),
    ("en", "20 days", 2.9, "20 days"),
    ("pt", "3 semanas", 3.0, "3 semanas"),
    ("pt", "3 semanas e meia", 3.5, "3,5 semanas"),
    ("pt", "11 semanas", 11.0, "11 semanas"),
    ("pt", "uns 3 meses", 13.0, "3 meses"),
])
def test_a_duration_is_read_and_said_back_as_a_person_would(language: str, text: str, weeks: float, said: str) -> None:
    parsed = ENGINE.reader(language).read("duration_weeks", text)
    assert parsed.ok and parsed.value == weeks
    assert describe(ENGINE.content, "duration_weeks", parsed.value, language) == said


def test_twenty_days_in_the_summary_are_twenty_days() -> None:
    conv = talk("masculino", "52", "direita", "nao", "aos poucos", "faz uns 20 dias", "ando mas coxeio", "nao",
                "nao", "nao", "nao", language="pt")
    assert conv.state == "summary"
    text = "\n".join(r.text for _, replies in conv.transcript for r in replies)
    assert "20 dias" in text and "2,9 semanas" not in text


# 6. A time in its own clause before how the pain began ------------------------------------

@pytest.mark.parametrize("language, before, text, held", [
    ("pt-BR", ("masculino", "45"), "faz 15 dias, foi piorando aos poucos", "2 semanas"),   # user test pt-BR 28
    ("pt", ("masculino", "45"), "há 3 semanas, veio aos poucos", "3 semanas"),
    ("pt", ("masculino", "45"), "veio aos poucos, ha 3 semanas", "3 semanas"),
    ("en", ("male", "45"), "3 weeks ago, came on gradually", "3 weeks"),
])
def test_a_time_led_by_its_words_before_the_onset_is_how_long(
        language: str, before: tuple[str, ...], text: str, held: str) -> None:
    conv = talk(*before, language=language)
    conv.say(text)
    assert conv.session.held_numbers.get("duration_weeks") == held
    assert conv.session.noted.get("onset") == [1]


@pytest.mark.parametrize("before, text", [
    (("feminino", "30"), "30 semanas, foi de repente"),        # a bare number: a week of pregnancy?
    (("masculino", "45"), "há 2 anos, tive uma fratura. agora dói"),
    (("feminino", "30"), "há 1 mes tive um aborto, e doi"),
    (("masculino", "45"), "foi de repente, há coisa de 1 mes"),   # "foi", not "veio": of what? (user test pt 21)
])
def test_a_time_of_something_else_before_the_pain_is_not_how_long(before: tuple[str, ...], text: str) -> None:
    conv = talk(*before, language="pt")
    conv.say(text)
    assert "duration_weeks" not in conv.session.held_numbers


# 7. "...e desde então dói-me a anca": the time of the birth is when the pain began ---------

@pytest.mark.parametrize("language, first, held", [
    ("pt", "tive o meu bebe ha 2 meses e desde entao doi me a anca direita", "2 meses"),   # user test pt 28
    ("pt", "tive bebe ha 2 meses e desde ai doi a anca", "2 meses"),
    ("en", "had my baby 5 weeks ago and since then my hip hurts", "5 weeks"),
])
def test_since_then_opening_the_pains_clause_ties_the_time(language: str, first: str, held: str) -> None:
    conv = talk(first, language=language)
    assert conv.session.held_numbers.get("duration_weeks") == held


@pytest.mark.parametrize("first", [
    "tive bebe ha 2 meses e desde entao estou cansada",        # not the pain
    "tive bebe ha 2 meses e desde sexta doi a anca",           # since another time
])
def test_since_another_time_or_of_something_else_ties_nothing(first: str) -> None:
    conv = talk(first, language="pt")
    assert conv.session.held_numbers.get("duration_weeks") != "2 meses"


# 8. How long, typed again at the next question ------------------------------------------

@pytest.mark.parametrize("language, before, again", [
    ("pt-BR", ("masculino", "50", "direito", "nao", "de repente", "3 semanas"), "ja falei, 3 semanas"),  # pt-BR 28
    ("pt", ("masculino", "50", "direita", "nao", "de repente", "3 semanas"), "3 semanas"),
    ("en", ("male", "50", "right", "no", "suddenly", "3 weeks"), "3 weeks"),
])
def test_how_long_typed_again_is_already_noted(language: str, before: tuple[str, ...], again: str) -> None:
    conv = talk(*before, language=language)
    assert conv.state == "walking"
    assert [r.code for r in conv.say(again)] == ["already_noted", "walking"]


def test_another_time_typed_at_the_next_question_is_no_repeat() -> None:
    conv = talk("masculino", "50", "direito", "nao", "de repente", "3 semanas", language="pt-BR")
    assert "already_noted" not in [r.code for r in conv.say("4 semanas")]
    assert conv.session.case.duration_weeks == 3.0


def test_a_test_said_not_done_again_agrees_with_the_tests_answer() -> None:
    conv = talk("bom dia. tenho 71 anos, e faz uns 3 meses q o quadril esquerdo doi", "feminino",
                "fiz raio x, deu artrose", language="pt-BR")
    assert conv.state == "onset"
    replies = conv.say("nao fiz ressonancia nem analises")
    assert replies[0].code == "denial_already_noted" and conv.state == "onset"


# 9. The groin's side shortened; typing "pro meu pai"; mixed feeding ------------------------

@pytest.mark.parametrize("language, first, side", [
    ("pt", "boas, tenho uma dor na virilha esq ha 2 meses e meio", [0]),   # user test pt 28
    ("pt", "dor na virilha dta", [1]),
    ("pt-BR", "dor na virilha dir faz 1 semana", [1]),
])
def test_the_groin_with_its_side_shortened_names_the_side(language: str, first: str, side: list[int]) -> None:
    assert talk(first, language=language).session.noted.get("side") == side


def test_the_groin_alone_names_no_side() -> None:
    assert "side" not in talk("dor na virilha ha 3 semanas", language="pt").session.noted


@pytest.mark.parametrize("language, first", [
    ("pt-BR", "oi, to escrevendo pro meu pai, ele tem 66 anos e ta com mta dor no quadril direito"),  # pt-BR 28
    ("pt-BR", "to digitando pra minha mae, ela tem 80"),
    ("pt", "estou a escrever para a minha mãe, tem 80 anos"),
])
def test_writing_for_a_relative_with_pro_or_para_is_for_someone_else(language: str, first: str) -> None:
    assert talk(first, language=language).session.for_someone_else


def test_writing_to_someone_later_is_no_one_else() -> None:
    conv = talk("vou escrever pro meu medico depois, tenho dor no quadril", language="pt-BR")
    assert not conv.session.for_someone_else


@pytest.mark.parametrize("language, text, value", [
    ("pt-BR", "misto, peito e formula", True),                 # user test pt-BR 28: "Sim ou Não?"
    ("pt", "peito e biberão", True),
    ("pt-BR", "so de noite", True),
    ("pt-BR", "so formula", False),
    ("pt", "nao, so biberao", False),
])
def test_mixed_feeding_is_breastfeeding(language: str, text: str, value: bool) -> None:
    parsed = ENGINE.reader(language).read("breastfeeding", text)
    assert parsed.ok and parsed.value is value


# 10. A closing "n" denies; "tb" is "também" ------------------------------------------------

@pytest.mark.parametrize("language, text", [
    ("pt-BR", "dor a noite n, mas incha um pouco"),            # user test pt-BR 28: read as night pain
    ("pt", "dor a noite ñ"),
    ("pt", "dor a noite nao"),
])
def test_a_closing_n_denies_the_item_before_it(language: str, text: str) -> None:
    parsed = ENGINE.reader(language).read("warning_signs", text)
    assert not (parsed.ok and "night_pain" in (parsed.value or []))


@pytest.mark.parametrize("language, text", [("pt-BR", "dor a noite sim"), ("pt", "doi a noite tb")])
def test_night_pain_said_yes_is_still_night_pain(language: str, text: str) -> None:
    parsed = ENGINE.reader(language).read("warning_signs", text)
    assert parsed.ok and parsed.value == ["night_pain"]


@pytest.mark.parametrize("language, text", [("pt-BR", "tb nao"), ("pt", "tbm nao")])
def test_tb_nao_is_none_of_these(language: str, text: str) -> None:
    parsed = ENGINE.reader(language).read("warning_signs", text)
    assert parsed.ok and parsed.value == "none"


# 11. "sou a filha da d. Rosa"; a weekday typed without its accent ------------------------

@pytest.mark.parametrize("language, first", [
    ("pt", "boa noite, sou a filha da d. Rosa, ela tem 84 anos, tem osteoporose"),   # user test pt 28
    ("pt-BR", "sou o filho do seu joao, ele tem 70 anos"),
])
def test_a_relative_of_someone_named_writes_for_them(language: str, first: str) -> None:
    assert talk(first, language=language).session.for_someone_else


def test_an_only_daughter_with_hip_pain_writes_for_herself() -> None:
    assert not talk("sou filha unica e tenho dor na anca", language="pt").session.for_someone_else


@pytest.mark.parametrize("language, text, weeks", [
    ("pt", "desde sabado q se queixa da anca dta", 0.9),       # user test pt 28 (on a Friday)
    ("pt-BR", "desde terca doi", 0.4),
    ("pt", "desde sábado doi a anca", 0.9),
])
def test_a_weekday_with_or_without_its_accent_counts_back(language: str, text: str, weeks: float) -> None:
    from datetime import date
    parsed = ENGINE.reader(language).read("duration_weeks", text, today=date(2026, 12, 4))
    assert parsed.ok and parsed.value == weeks


# 12. The hip named inside a warning sign is no place of the pain --------------------------

@pytest.mark.parametrize("language, text", [
    ("pt-BR", "desde ontem to com febre 39,2 e o quadril ta quente"),   # user test pt-BR 28: "deep in the hip"
    ("en", "my groin is red and swollen"),
])
def test_a_hot_hip_is_not_where_the_pain_is(language: str, text: str) -> None:
    assert not ENGINE.reader(language).read("pelvic_girdle_pattern", text).ok


@pytest.mark.parametrize("language, text", [("pt-BR", "no fundo da virilha"), ("en", "deep in the groin")])
def test_deep_in_the_groin_is_still_the_hip(language: str, text: str) -> None:
    parsed = ENGINE.reader(language).read("pelvic_girdle_pattern", text)
    assert parsed.ok and parsed.value is False


def test_the_warning_said_at_where_the_pain_is_still_warns() -> None:
    conv = talk("sou mulher", "26", "to gravida sim, 32 semanas", "acho q nao", "direito", "sei la", language="pt-BR")
    assert conv.state == "pelvic_girdle_pattern"
    codes = [r.code for r in conv.say("desde ontem to com febre 39,2 e o quadril ta quente")]
    assert "fever" in codes and "hot_swollen_joint" in codes
    assert conv.session.case.pelvic_girdle_pattern is None
