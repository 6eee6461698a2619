"""Session 29 (b29, blind user tests in pt and pt-BR): a test denied with words between ("não
cheguei a fazer ressonância") is denied, at the tests, at the test's own question and after
the tests were answered; "os dois" / "both of them" typed at a question not about the side is
no both hips, nor an age of 2; "é mais na virilha" typed before "Where is the pain?" is kept;
a time led by "há" ("corticoide há 6 meses") at the age is no age of half a year."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from tests.support.conversation import talk

ENGINE = get_engine()
MRI = 1  # tests_done: the MRI's item
TO_THE_ONSET_AFTER_AN_XRAY = ("bom dia. tenho 71 anos, e faz uns 3 meses q o quadril esquerdo doi", "feminino",
                              "fiz raio x, deu artrose")
PREGNANT_TO_THE_TESTS = ("gravida de 30 semanas", "30", "nao", "direita")
PREGNANT_TO_THE_TESTS_EN = ("30 weeks pregnant", "female", "30", "none", "right")


# 1. A test denied with words between -------------------------------------------------------

@pytest.mark.parametrize("language, text", [
    ("pt", "não cheguei a fazer ressonância"),                # known limit, session 29
    ("pt", "ainda nao fiz nenhuma ressonancia"),
    ("pt", "nao me fizeram rm"),
    ("pt", "nao fiz ressonancia"),
    ("en", "they never did an MRI"),
])
def test_a_test_denied_with_words_between_is_denied_by_name(language: str, text: str) -> None:
    assert ENGINE.reader(language).denied_by_name("tests_done", text) == [MRI]


@pytest.mark.parametrize("language, text", [
    ("pt", "nao cheguei a ver a ressonancia"),                # not seen is not not done
    ("pt", "nao sei se fiz ressonancia"),
    ("pt", "a ressonancia nao mostrou fratura"),
    ("en", "mri showed no fracture"),
])
def test_a_test_not_seen_or_a_finding_denied_is_no_test_denied(language: str, text: str) -> None:
    assert ENGINE.reader(language).denied_by_name("tests_done", text) == []


@pytest.mark.parametrize("late", ["nao cheguei a fazer ressonancia", "ainda nao fiz nenhuma ressonancia"])
def test_a_test_denied_with_words_between_agrees_with_the_tests_answer(late: str) -> None:
    conv = talk(*TO_THE_ONSET_AFTER_AN_XRAY, language="pt-BR")
    assert conv.state == "onset"
    assert [r.code for r in conv.say(late)] == ["denial_already_noted", "onset"]


@pytest.mark.parametrize("language, question, text", [
    ("pt", "mri", "não cheguei a fazer ressonância"),
    ("pt", "mri", "ainda nao me fizeram ressonancia nenhuma"),
    ("pt", "xray", "nunca me fizeram radiografia"),
    ("en", "mri", "I never got to have an MRI"),
])
def test_a_test_denied_at_its_own_question_is_not_done(language: str, question: str, text: str) -> None:
    parsed = ENGINE.reader(language).read(question, text)
    assert parsed.ok and parsed.value == "not_done"


@pytest.mark.parametrize("language, question, text", [
    ("pt", "mri", "nao cheguei a ver a ressonancia"),          # the result not seen: asked
    ("pt", "xray", "nao cheguei a fazer ressonancia"),          # another test
    ("en", "mri", "didnt see the mri"),
])
def test_another_test_or_a_result_not_seen_is_no_not_done(language: str, question: str, text: str) -> None:
    parsed = ENGINE.reader(language).read(question, text)
    assert not (parsed.ok and parsed.value == "not_done")


def test_none_before_a_test_denied_is_that_tests_no_not_none_of_these() -> None:
    reader = ENGINE.reader("pt")
    parsed = reader.read("tests_done", "ainda nao fiz nenhuma ressonancia")
    assert not parsed.ok and parsed.denied == [MRI]
    assert reader.read("tests_done", "fiz rx, ainda nao fiz nenhuma ressonancia").value == ["xray"]
    assert reader.read("tests_done", "ainda nao fiz nenhum exame").value == "none"
    assert reader.read("tests_done", "ainda nao fiz nada").value == "none"


# 2. "os dois" / "both of them" at a question not about the side -----------------------------

@pytest.mark.parametrize("language, first, text", [
    ("en", "female", "both of them"),                          # known limit, session 29
    ("pt", "feminino", "os dois"),                             # read as an age of 2: out of scope
    ("pt", "feminino", "as duas"),
])
def test_both_typed_alone_at_the_age_is_neither_both_hips_nor_an_age(language: str, first: str, text: str) -> None:
    conv = talk(first, language=language)
    replies = conv.say(text)
    assert conv.state == "age" and "side" not in conv.session.noted
    assert [r.code for r in replies] == ["need_number", "age"]


@pytest.mark.parametrize("language, first, side", [
    ("pt", "dor nas duas ancas", [2]),
    ("pt", "doem-me as duas ancas", [2]),
    ("pt-BR", "dor nos dois quadris", [2]),
    ("en", "both hips hurt", [2]),
    ("pt", "os dois", None),
    ("en", "my hips hurt, both of them", None),               # asked: "both" alone names no hip
    ("pt", "ha duas semanas a anca esquerda doi", [0]),         # a count with the hip: no both
    ("en", "for about the last two weeks my left hip has been killing me", [0]),
])
def test_both_said_with_the_hip_names_the_side(language: str, first: str, side: list[int] | None) -> None:
    assert talk(first, language=language).session.noted.get("side") == side


def test_both_at_the_side_question_is_both() -> None:
    conv = talk("masculino", "50", "os dois", language="pt")
    assert conv.session.case.side == "both"


@pytest.mark.parametrize("language, text", [
    ("pt", "as duas semanas"),                                  # a number before its unit
    ("pt", "ha duas semanas"),
])
def test_a_number_after_an_article_before_its_unit_is_a_number(language: str, text: str) -> None:
    assert ENGINE.reader(language).read("duration_weeks", text).value == 2.0


# 3. The groin said before "Where is the pain?" ---------------------------------------------

@pytest.mark.parametrize("language, text", [
    ("pt", "is mais na virilha"),                              # known limit, session 29
    ("pt", "é mais na virilha"),
    ("pt-BR", "doi mais na virilha"),
    ("en", "its more in the groin"),
])
def test_the_groin_said_early_is_kept_for_where_the_pain_is(language: str, text: str) -> None:
    conv = talk(*(PREGNANT_TO_THE_TESTS_EN if language == "en" else PREGNANT_TO_THE_TESTS), language=language)
    assert conv.state == "tests_done"
    assert conv.say(text)[0].code == "kept_for_later"
    conv.say("nao" if language != "en" else "none")
    assert conv.session.case.pelvic_girdle_pattern is False and conv.state == "onset"


@pytest.mark.parametrize("language, text", [
    ("pt", "nao doi na virilha"),                               # denied
    ("pt", "doi-me a anca"),                                    # the hip: where, exactly?
    ("pt", "a virilha está quente"),                            # how it is, not where
    ("en", "not in the groin"),
])
def test_the_hip_alone_or_the_groin_denied_is_not_kept_as_where(language: str, text: str) -> None:
    conv = talk(*(PREGNANT_TO_THE_TESTS_EN if language == "en" else PREGNANT_TO_THE_TESTS), text, language=language)
    assert conv.session.noted.get("pelvic_girdle_pattern") is None


# 4. A time led by "há" at the age ----------------------------------------------------------

@pytest.mark.parametrize("language, text", [
    ("pt-BR", "corticoide oral ha 6 meses p asma"),            # user test pt-BR 29: out of scope
    ("pt", "ha 6 meses"),
    ("pt", "6 meses atras"),
    ("en", "6 months ago"),
])
def test_a_time_ago_at_the_age_is_no_age(language: str, text: str) -> None:
    parsed = ENGINE.reader(language).read("age", text)
    assert not parsed.ok and parsed.goto is None and parsed.error == "need_number"


@pytest.mark.parametrize("language, text, age", [
    ("pt", "tem 78 anos, dor ha 2 meses", 78),
    ("en", "im 45, pain for 6 months", 45),
    ("pt", "tenho 45 anos", 45),
])
def test_an_age_beside_a_time_ago_is_still_the_age(language: str, text: str, age: int) -> None:
    assert ENGINE.reader(language).read("age", text).value == age


def test_a_time_ago_at_the_age_does_not_end_the_questions() -> None:
    conv = talk("masculino", language="pt-BR")
    conv.say("corticoide oral ha 6 meses p asma")
    assert conv.state == "age"


# 5. A GP's note in pt-BR shorthand: "pcte 45a", "RX nl" ------------------------------------

@pytest.mark.parametrize("language, first, age", [
    ("pt-BR", "pcte 45a masc, dor quadril esq ha 4 sem, sem trauma. RX nl. PCR 3", 45),   # user test pt-BR 29
    ("pt-BR", "pct 45a masc, dor quadril esq", 45),
    ("pt", "paciente 45a masc, dor na anca esq", 45),
])
def test_a_note_opening_with_the_patient_shortened_is_for_someone_else(language: str, first: str, age: int) -> None:
    conv = talk(first, language=language)
    assert conv.session.for_someone_else and conv.session.case.age == age and conv.session.case.sex == "male"


def test_a_patient_named_in_a_question_of_ones_own_is_still_for_me() -> None:
    assert not talk("tenho 45 anos, dor no quadril", language="pt-BR").session.for_someone_else


@pytest.mark.parametrize("language, text, found", [
    ("pt-BR", "RX nl", [["normal"]]),                          # user test pt-BR 29: the X-ray was lost
    ("pt-BR", "RX: nl.", [["normal"]]),
    ("pt", "RX s/ alt", [["normal"]]),
    ("pt", "RX marcado para amanha", []),                       # booked: no finding
])
def test_a_normal_xray_in_shorthand_is_heard(language: str, text: str, found: list[list[str]]) -> None:
    assert ENGINE.reader(language).heard_findings("xray", text) == found


# 6. Brazil's words for limping, breastfeeding and an ultrasound ----------------------------

@pytest.mark.parametrize("language, text, named", [
    ("pt-BR", "ando mancando", [1]),                            # user test pt-BR 29: "did not catch"
    ("pt-BR", "consigo andar mas mancando", [1]),
    ("pt-BR", "nao manco", []),
])
def test_limping_in_brazils_words_is_heard_at_another_question(language: str, text: str, named: list[int]) -> None:
    assert ENGINE.reader(language).mentions("walking", text) == named


@pytest.mark.parametrize("language, first, noted", [
    ("pt-BR", "tive nenem faz 2 meses, to dando de mamar", [0]),   # user test pt-BR 29: asked again
    ("pt-BR", "tive bebe ha 2 meses, dando peito", [0]),
    ("pt-BR", "tive bebe ha 2 meses, nao estou amamentando", [1]),   # denied: no
])
def test_breastfeeding_in_brazils_words_is_heard_in_the_first_message(language: str, first: str,
                                                                      noted: list[int]) -> None:
    assert talk(first, language=language).session.noted.get("breastfeeding") == noted


@pytest.mark.parametrize("language, text, value", [
    ("pt-BR", "fiz ultrassom so", "none"),                      # user test pt-BR 29: "did not catch"
    ("pt-BR", "so ultrassom", "none"),
    ("pt-BR", "fiz ultrassom e raio x", ["xray"]),
])
def test_an_ultrasound_is_none_of_the_tests_asked(language: str, text: str, value: object) -> None:
    assert ENGINE.reader(language).read("tests_done", text).value == value


# 7. A warning's answer said otherwise at the offer of what to do now ------------------------

TO_THE_FEVER_PT = ("tenho 50 anos, sou homem, doi-me a anca direita", "nao fiz nada", "aos poucos", "ha umas 5 semanas",
                   "coxeio", "nao")
TO_THE_FEVER_EN = ("im 50, male, right hip pain", "none", "gradually", "5 weeks", "limping", "none")


@pytest.mark.parametrize("language, before, yes, otherwise", [
    ("pt", TO_THE_FEVER_PT, "sim, brufen", "nao tive febre"),   # user test pt 29: "choose 1 or 2" alone
    ("pt", TO_THE_FEVER_PT, "sim", "afinal nao"),
    ("en", TO_THE_FEVER_EN, "yes", "no fever actually"),
])
def test_a_warning_answer_said_otherwise_at_the_offer_says_how_to_change_it(
        language: str, before: tuple[str, ...], yes: str, otherwise: str) -> None:
    conv = talk(*before, language=language)
    assert conv.state == "fever"
    conv.say(yes)
    assert conv.session.mode == "danger_offer" and conv.session.case.fever is True
    replies = conv.say(otherwise)
    assert replies[0].code == "correction_how"
    assert conv.session.case.fever is True   # the warning stands until it is changed


def test_the_same_answer_again_at_the_offer_is_no_correction() -> None:
    conv = talk(*TO_THE_FEVER_PT, "sim", language="pt")
    assert "correction_how" not in [r.code for r in conv.say("sim tive febre")]


# 8. A test denied or named in full before the tests are asked --------------------------------

@pytest.mark.parametrize("language, first", [
    ("pt", "homem 50 anos, nao cheguei a fazer rx, doi a anca esq"),
    ("pt", "homem 50 anos, ainda nao fiz rx, doi a anca esq"),
    ("en", "male 50, left hip pain, they never did an xray"),
])
def test_a_test_denied_before_the_tests_are_asked_is_said_as_not(language: str, first: str) -> None:
    conv = talk(first, language=language)
    assert conv.state == "tests_done" and conv.session.denied == [0] and conv.session.denied_at == "tests_done"


@pytest.mark.parametrize("language, first, ticked", [
    ("pt", "homem 50 anos, fiz ressonancia magnetica e rx da anca, doi a anca esq", [1, 0]),
    ("pt", "homem 50 anos, tenho rm marcada para amanha, doi a anca esq", None),   # booked: not done
    ("pt", "homem 50 anos, nao fiz ressonancia, doi a anca esq", None),            # denied: not ticked
])
def test_a_test_named_in_full_before_the_tests_are_asked_is_ticked(language: str, first: str,
                                                                   ticked: list[int] | None) -> None:
    assert talk(first, language=language).session.noted.get("tests_done") == ticked
