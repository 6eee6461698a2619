"""Session 27 (b27): light drinking is a no to heavy drinking, drinking said in any words
(pt, pt-BR), a sex typed as it sounds ("femail"), a fever felt in the present tense, and a
fever's answer typed again at a later question."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from flows.messages import Reply
from tests.support.conversation import Conversation, talk

ENGINE = get_engine()
MAN_AT_THE_HISTORY = ("male", "60", "left hip", "none", "gradually", "4 weeks", "limping")
HOMEM_NA_HISTORIA = ("masculino", "60", "esquerda", "nenhum", "gradual", "4 semanas", "coxeio")
MAN_AT_THE_FEVER = (*MAN_AT_THE_HISTORY, "none")
HOMEM_NA_FEBRE = (*HOMEM_NA_HISTORIA, "nenhum")


def codes(replies: list[Reply]) -> list[str]:
    return [r.code for r in replies]


def last(conv: Conversation) -> list[Reply]:
    return conv.transcript[-1][1]


def history(language: str, said: str) -> tuple[bool, list[int], str]:
    parsed = ENGINE.reader(language).read("medical_history", said)
    return parsed.ok, parsed.denied, parsed.error


ALCOHOL = 1  # the item's place in the checklist


# --- 1. light drinking answers heavy drinking "no" ----------------------------------------------


@pytest.mark.parametrize("said", ["a glass of wine at weekends", "only socially", "a couple of beers on a friday",
                                  "I drink socially", "social drinker", "teetotal", "the odd glass of wine",
                                  "I drink but not a lot", "a few pints at a wedding"])
def test_light_drinking_denies_heavy_drinking(said: str) -> None:
    conv = talk(*MAN_AT_THE_HISTORY, said)
    assert conv.session is not None and conv.session.case.alcohol_excess is not True
    assert codes(last(conv))[0] == "others_unanswered"  # "So not: heavy drinking; any of the others?"
    assert history("en", said) == (False, [ALCOHOL], "others_unanswered")


@pytest.mark.parametrize("said", ["a bottle of wine a night", "a bottle of wine a night, more at weekends",
                                  "drink a lot at weekends", "lots of wine at weekends", "I drink wine most nights",
                                  "drink heavily"])
def test_heavy_drinking_is_still_ticked(said: str) -> None:
    conv = talk(*MAN_AT_THE_HISTORY, said)
    assert conv.session is not None and conv.session.case.alcohol_excess is True


def test_a_drink_that_is_no_alcohol_is_still_not_caught() -> None:
    assert history("en", "I drink a lot of water") == (False, [], "choose_several")
    assert history("pt", "bebo muito café") == (False, [], "choose_several")


def test_light_drinking_with_another_item_ticks_only_that_item() -> None:
    conv = talk(*MAN_AT_THE_HISTORY, "prednisolone, and I drink socially")
    assert conv.session is not None and conv.session.case.glucocorticoids is True
    assert conv.session.case.alcohol_excess is not True


def test_light_drinking_said_in_passing_raises_nothing() -> None:
    conv = talk("60M, left hip pain 4 weeks, I drink socially")
    assert conv.session is not None and conv.session.case.alcohol_excess is None


# --- 2. heavy drinking said in other words (pt, pt-BR) -----------------------------------------


@pytest.mark.parametrize("said", ["bebo muito", "bebo bastante", "bebo todo dia", "bebo vinho todos os dias",
                                  "bebo imenso", "bebo demasiado", "bebo mesmo muito", "bebo 1 litro de vinho por dia",
                                  "bebo muito ao fim de semana"])
@pytest.mark.parametrize("language", ["pt", "pt-BR"])
def test_heavy_drinking_in_portuguese(said: str, language: str) -> None:
    conv = talk(*HOMEM_NA_HISTORIA, said, language=language)
    assert conv.session is not None and conv.session.case.alcohol_excess is True


@pytest.mark.parametrize("said", ["bebo pouco", "bebo muito pouco", "só socialmente", "bebo ao fim de semana",
                                  "um copo de vinho às refeições", "não bebo", "não bebo muito"])
def test_light_or_no_drinking_in_portuguese_is_a_no(said: str) -> None:
    conv = talk(*HOMEM_NA_HISTORIA, said, language="pt")
    assert conv.session is not None and conv.session.case.alcohol_excess is not True
    assert codes(last(conv))[0] == "others_unanswered"


def test_bebo_alone_is_not_heavy_drinking() -> None:
    assert history("pt", "bebo") == (False, [], "choose_several")


def test_heavy_drinking_in_passing_in_brazilian_portuguese() -> None:
    conv = talk("homem, 60 anos, dor no quadril esquerdo há 4 semanas, bebo vinho todos os dias", language="pt-BR")
    assert conv.session is not None and conv.session.case.alcohol_excess is True


# --- 3. a sex typed as it sounds ---------------------------------------------------------------


@pytest.mark.parametrize("said", ["femail, 34", "femail 34", "famele, 34", "fimale 34"])
def test_female_typed_as_it_sounds_with_the_age(said: str) -> None:
    conv = talk(said)
    assert conv.session is not None and conv.session.case.sex == "female" and conv.session.case.age == 34


@pytest.mark.parametrize("said", ["mail", "meal", "email", "fmail"])
def test_other_words_are_no_sex(said: str) -> None:
    parsed = ENGINE.reader("en").read("sex", said)
    assert not parsed.ok


# --- 4. a fever felt, in the present tense ------------------------------------------------------


@pytest.mark.parametrize("said", ["I feel hot", "I've been feeling really hot", "feeling feverish", "hot and cold",
                                  "chills", "i feel hot and sweaty"])
def test_a_felt_fever_is_a_fever(said: str) -> None:
    conv = talk(*MAN_AT_THE_FEVER, said)
    assert conv.session is not None and conv.session.case.fever is True
    assert "fever" in codes(last(conv))[1:]  # the warning


@pytest.mark.parametrize("said", ["sinto-me quente", "me sinto quente", "ando febril"])
def test_a_felt_fever_in_portuguese(said: str) -> None:
    conv = talk(*HOMEM_NA_FEBRE, said, language="pt")
    assert conv.session is not None and conv.session.case.fever is True


@pytest.mark.parametrize("said", ["the hip feels hot", "my hip feels warm"])
def test_a_hot_hip_is_no_fever(said: str) -> None:
    parsed = ENGINE.reader("en").read("fever", said)
    assert not (parsed.ok and parsed.value is True)
    conv = talk(*MAN_AT_THE_FEVER, said)
    assert conv.session is not None and conv.session.case.fever is not True


@pytest.mark.parametrize(("language", "said"), [("en", "I feel hot flushes at night"),
                                                ("pt", "sinto afrontamentos quentes à noite")])
def test_hot_flushes_are_no_fever(language: str, said: str) -> None:
    parsed = ENGINE.reader(language).read("fever", said)
    assert not (parsed.ok and parsed.value is True)


def test_a_felt_fever_in_passing_warns_and_a_hot_hip_is_the_hot_joint() -> None:
    felt = talk("60M left hip pain 4 weeks, I feel hot")
    assert felt.session is not None and felt.session.case.fever is True
    hot_hip = talk("60M left hip pain 4 weeks, the hip feels hot")
    assert hot_hip.session is not None and hot_hip.session.case.fever is not True
    assert hot_hip.session.case.hot_swollen_joint is True


@pytest.mark.parametrize("said", ["I don't feel hot", "no, not feeling hot"])
def test_not_feeling_hot_is_no_fever(said: str) -> None:
    parsed = ENGINE.reader("en").read("fever", said)
    assert parsed.value is not True


# --- 5. a fever's answer typed again at a later question ----------------------------------------


@pytest.mark.parametrize("first", ["yes", "38.4", "felt hot"])
@pytest.mark.parametrize("again", ["actually it was 38.4", "it was 38.4", "temp was 38.4 last night"])
def test_a_temperature_typed_again_is_noted(first: str, again: str) -> None:
    conv = talk(*MAN_AT_THE_FEVER, first, "continue", again)
    assert conv.session is not None and conv.session.case.fever is True
    assert conv.session.case.temperature_c == 38.4
    assert codes(last(conv))[0] == "already_noted"
    assert "38.4" in last(conv)[0].text
    assert conv.state == "warning_signs"


@pytest.mark.parametrize(("language", "said"), [("en", "apyrexial"), ("en", "afebrile"), ("en", "no fever"),
                                                ("pt", "apirético"), ("pt", "sem febre")])
def test_no_fever_typed_again_at_a_later_checklist_is_noted(language: str, said: str) -> None:
    before = MAN_AT_THE_FEVER if language == "en" else HOMEM_NA_FEBRE
    conv = talk(*before, "no" if language == "en" else "não", said, language=language)
    assert conv.session is not None and conv.session.case.fever is False
    assert codes(last(conv))[0] == "already_noted"
    assert conv.state == "warning_signs"


def test_a_plain_no_at_the_later_checklist_is_still_its_answer() -> None:
    conv = talk(*MAN_AT_THE_FEVER, "no", "no")
    assert conv.state == "joint_features"


def test_a_higher_temperature_after_a_no_still_changes_the_answer() -> None:
    conv = talk(*MAN_AT_THE_FEVER, "no", "actually it was 38.4")
    assert conv.session is not None and conv.session.case.fever is True
    assert "fever" in codes(last(conv))


# --- 6. a lab result under its reporting limit (a GP's "CRP <5") --------------------------------


@pytest.mark.parametrize(("language", "said"), [("en", "CRP <5"), ("en", "crp<5"), ("en", "CRP less than 5"),
                                                ("en", "crp <10"), ("en", "ESR <10"), ("en", "CRP <5, ESR 12"),
                                                ("pt", "PCR <5"), ("pt", "PCR inferior a 5")])
def test_a_result_under_the_reporting_limit_is_normal(language: str, said: str) -> None:
    parsed = ENGINE.reader(language).read("inflammatory_markers", said)
    assert parsed.ok and parsed.value == "normal"


@pytest.mark.parametrize("said", ["CRP 5", "CRP 4"])
def test_a_bare_crp_is_still_asked_its_unit(said: str) -> None:
    assert ENGINE.reader("en").read("inflammatory_markers", said).error == "which_unit"


@pytest.mark.parametrize("said", ["CRP <50", "CRP <5 mg/dL"])
def test_a_limit_that_is_not_all_normal_is_not_read_as_normal(said: str) -> None:
    parsed = ENGINE.reader("en").read("inflammatory_markers", said)
    assert parsed.value != "normal"


def test_a_gps_note_with_crp_under_the_limit_goes_on() -> None:
    conv = talk("67F, R groin pain 3/52, gradual onset, PMH OP on AA", "XR NAD, bloods: CRP <5, WCC 7.2")
    assert conv.session is not None and conv.session.case.inflammatory_markers == "normal"
    assert conv.session.case.white_cell_count == "normal"
    assert conv.state == "walking"


# --- 7. a denial reaches every phrase of its list (a GP's "denies A, B, C") ----------------------


@pytest.mark.parametrize(("language", "said"), [
    ("en", "denies trauma, wt loss, night pain"), ("en", "denies trauma, weight loss or night pain"),
    ("en", "no trauma, weight loss or night pain"), ("en", "denies weight loss, night pain"),
    ("en", "denies weight loss and night pain"),
    ("pt", "nega trauma, perda de peso, dor noturna"), ("pt", "nega perda de peso e dor noturna"),
    ("pt", "sem trauma, perda de peso ou dor noturna")])
def test_a_denial_reaches_every_phrase_of_its_list(language: str, said: str) -> None:
    parsed = ENGINE.reader(language).read("warning_signs", said)
    assert not parsed.ok and parsed.error == "others_unanswered"
    assert {6, 7} <= set(parsed.denied)  # night pain, weight loss


@pytest.mark.parametrize("said", ["no trauma, night pain", "no trauma, has night pain",
                                  "denies trauma but has night pain", "denies trauma and has night pain",
                                  "denies trauma. Night pain"])
def test_a_sign_said_after_a_denial_is_still_ticked(said: str) -> None:
    parsed = ENGINE.reader("en").read("warning_signs", said)
    assert parsed.ok and "night_pain" in parsed.value


def test_a_gps_denied_list_in_a_first_message_warns_of_nothing() -> None:
    conv = talk("Pt 60M L hip pain 4/52, denies trauma, wt loss, night pain")
    assert conv.session is not None
    assert conv.session.case.weight_loss is not True and conv.session.case.night_pain is not True
    said = talk("Pt 60M L hip pain 4/52, denies trauma, has night pain")
    assert said.session is not None and said.session.case.night_pain is True


# --- 8. a note's head followed by the rest of the note -----------------------------------------


@pytest.mark.parametrize(("said", "sex", "age"), [
    ("F 44 c/o L hip pain", "female", 44), ("44 yo F c/o L hip pain", "female", 44),
    ("44 y/o F c/o L hip pain", "female", 44), ("44 yo F L hip pain", "female", 44),
    ("M 52 presents with R hip pain", "male", 52), ("male 52 with R hip pain", "male", 52),
    ("F 44 c/o L hip pain x 5/7, acute onset, no hx of trauma", "female", 44)])
def test_a_notes_head_gives_the_sex_and_the_age(said: str, sex: str, age: int) -> None:
    conv = talk(said)
    assert conv.session is not None and conv.session.case.sex == sex and conv.session.case.age == age


@pytest.mark.parametrize(("said", "age"), [("F 34 com dor na anca esquerda", 34),
                                           ("Utente F 62 queixa-se de coxalgia dta", 62)])
def test_a_notes_head_in_portuguese(said: str, age: int) -> None:
    conv = talk(said, language="pt")
    assert conv.session is not None and conv.session.case.sex == "female" and conv.session.case.age == age


@pytest.mark.parametrize("said", ["F, pain for 3 weeks with walking", "female, hip pain 6 weeks with a limp"])
def test_a_duration_before_with_is_no_age(said: str) -> None:
    conv = talk(said)
    assert conv.session is not None and conv.session.case.age is None


# --- 9. "#" (a fracture, in a note) read anywhere ----------------------------------------------


@pytest.mark.parametrize(("question", "said"), [("xray", "no # seen"), ("xray", "no #"), ("mri", "no # line")])
def test_no_hash_denies_the_fracture_and_is_no_test_not_done(question: str, said: str) -> None:
    parsed = ENGINE.reader("en").read(question, said)
    assert parsed.error == "others_unanswered" and parsed.value != "not_done"


@pytest.mark.parametrize(("question", "said", "value"), [
    ("xray", "normal, no #", ["normal"]), ("mri", "BMO, no #", ["bone_marrow_oedema"]),
    ("xray", "# NOF", ["fracture_line"]), ("mri", "subchondral #", ["fracture_line"]),
    ("xray", "#", ["fracture_line"])])
def test_a_hash_is_still_a_fracture_and_a_denied_one_leaves_the_rest(question: str, said: str,
                                                                     value: list[str]) -> None:
    parsed = ENGINE.reader("en").read(question, said)
    assert parsed.ok and parsed.value == value


def test_xray_no_hash_in_a_gps_conversation_keeps_the_xray_done() -> None:
    conv = talk("Pt 71F, R hip pain 2/52, OP on AA", "XR: no # seen")
    assert conv.session is not None and conv.session.case.xray != "not_done"


# --- 10. a Portuguese note's alcohol -------------------------------------------------------------


@pytest.mark.parametrize(("said", "heavy"), [
    ("homem 58 anos, coxalgia esq. com 6 sem de evolução. Etilismo crónico.", True),
    ("homem 58 anos, dor na anca, hábitos etílicos marcados", True),
    ("homem 58 anos, dor na anca, hábitos etílicos moderados", None),
    ("homem 58 anos, dor na anca, nega etilismo", None)])
def test_a_portuguese_notes_alcohol_in_passing(said: str, heavy: bool | None) -> None:
    conv = talk(said, language="pt")
    assert conv.session is not None and conv.session.case.alcohol_excess is heavy


@pytest.mark.parametrize("said", ["hábitos etílicos moderados", "hábitos etílicos sociais"])
def test_moderate_drinking_in_a_portuguese_note_is_a_no(said: str) -> None:
    assert history("pt", said) == (False, [ALCOHOL], "others_unanswered")


# --- 11. an age with "anos" at the head of a note -----------------------------------------------


@pytest.mark.parametrize(("language", "said", "then"), [("pt", "58 anos, dor na anca esquerda", "masculino"),
                                                        ("pt", "utente 58 anos. coxalgia", "masculino"),
                                                        ("en", "58 years, R hip pain", "male")])
def test_an_age_with_years_at_the_head_is_kept(language: str, said: str, then: str) -> None:
    conv = talk(said, then, language=language)
    assert conv.session is not None and conv.session.case.age == 58


@pytest.mark.parametrize("said", ["20 anos de dor na anca", "dói há 30 anos", "2 anos, dor na anca"])
def test_years_that_are_no_age_at_the_head_are_not_kept(said: str) -> None:
    conv = talk(said, "masculino", language="pt")
    assert conv.session is not None and conv.session.case.age is None
