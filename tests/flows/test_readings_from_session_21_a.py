"""Session 21 (user test en, pregnant and after a birth): a danger sign said in everyday words
beside a "no" at a warning-sign checklist, and the same words mid-way and after the summary."""

from __future__ import annotations

import pytest

from flows.messages import Reply
from tests.support.conversation import Conversation, talk

PREGNANT = {"en": ("35 weeks pregnant hip pain", "30"), "pt": ("estou grávida de 35 semanas, dor na anca", "30")}
AFTER_BIRTH = {"en": ("hi gave birth 2 weeks ago, hip and pubic bone pain", "27", "no"),
               "pt": ("tive o bebé há 2 semanas, dor na anca", "27", "não")}


def codes(replies: list[Reply]) -> list[str]:
    return [reply.code for reply in replies]


def case_of(conv: Conversation) -> dict[str, object]:
    assert conv.session is not None
    return conv.session.case.model_dump()


# --- 1. a "no" beside words not understood is no "None of these" -----------------------------


@pytest.mark.parametrize(("language", "opening", "checklist", "answer"), [
    # words no table knows: the mechanism, not the phrase data, keeps the "no" from counting
    ("en", PREGNANT, "pregnancy_warning_signs", "no but my ankles feel weird and wobbly"),
    ("en", AFTER_BIRTH, "after_birth_warning_signs", "not really, just something odd going on down below"),
    ("en", PREGNANT, "pregnancy_warning_signs", "no. something strange tho"),
    ("pt", PREGNANT, "pregnancy_warning_signs", "não mas tenho uma coisa estranha nos tornozelos"),
    ("pt", AFTER_BIRTH, "after_birth_warning_signs", "não, mas está esquisito lá em baixo"),
])
def test_a_no_with_more_said_not_understood_is_asked_again(
        language: str, opening: dict[str, tuple[str, ...]], checklist: str, answer: str) -> None:
    conv = talk(*opening[language], language=language)
    assert conv.state == checklist
    replies = conv.say(answer)
    assert "nothing_with_unread" in codes(replies)
    assert conv.state == checklist  # asked again, nothing recorded
    assert conv.session is not None and checklist not in conv.session.answered


@pytest.mark.parametrize(("language", "answer"), [
    ("en", "no"), ("en", "no thank god"), ("en", "nah im fine"), ("en", "no, not today"),
    ("en", "none of these apply"), ("en", "no just my hip"), ("pt", "não"), ("pt", "não, graças a deus"),
    ("pt", "nenhuma destas"), ("pt", "não, só a dor na anca"),
])
def test_a_plain_no_is_still_none_of_these(language: str, answer: str) -> None:
    conv = talk(*PREGNANT[language], language=language)
    replies = conv.say(answer)
    assert "nothing_with_unread" not in codes(replies)
    assert case_of(conv)["pregnancy_warning_signs"] is False and case_of(conv)["preeclampsia_signs"] is False


@pytest.mark.parametrize(("language", "opening", "answer", "field"), [
    ("en", AFTER_BIRTH, "no but im bleeding more than usual the last day or so", "heavy_bleeding_after_birth"),
    ("en", AFTER_BIRTH, "not really, just the lochia picked up a lot", "heavy_bleeding_after_birth"),
    ("en", PREGNANT, "no, just feeling really faint and dizzy", "pregnancy_warning_signs"),
    ("en", PREGNANT, "nope, tho my hands and face puffed up since this morning", "preeclampsia_signs"),
    ("en", PREGNANT, "no but my tummy goes tight every 5 min", "pregnancy_warning_signs"),
    ("pt", AFTER_BIRTH, "nao mas estou a sangrar mais do que o normal", "heavy_bleeding_after_birth"),
    ("pt", AFTER_BIRTH, "não, mas os lóquios aumentaram muito", "heavy_bleeding_after_birth"),
    ("pt", PREGNANT, "não mas a barriga aperta de 5 em 5 minutos", "pregnancy_warning_signs"),
    ("pt", PREGNANT, "não, mas as mãos e a cara incharam desde manhã", "preeclampsia_signs"),
])
def test_a_danger_sign_in_everyday_words_beside_a_no_is_ticked(
        language: str, opening: dict[str, tuple[str, ...]], answer: str, field: str) -> None:
    conv = talk(*opening[language], language=language)
    conv.say(answer)
    assert case_of(conv)[field] is True


def test_cannot_get_out_of_bed_beside_a_no_is_not_lost() -> None:
    conv = talk("38 weeks pregnant, hip pain", "30", "no. i cant get out of bed tho")
    assert case_of(conv)["unable_to_bear_weight"] is True
    assert case_of(conv)["pregnancy_warning_signs"] is None  # the "no" was not taken over it


# --- 2. the same words mid-way and after the summary -----------------------------------------


POSTPARTUM_TO_THE_END = ("hi gave birth 2 weeks ago, hip and pubic bone pain", "27", "no formula feeding", "none",
                         "both", "none", "2", "2 weeks", "walking hurts", "none", "no", "none", "none", "2")
PREGNANT_TO_THE_END = ("38 weeks pregnant, hip pain", "30", "no", "left", "none", "1", "gradual", "a week",
                       "walking hurts", "none", "no", "no", "none", "none")


def test_bleeding_more_than_usual_mid_way_is_heard_not_kept_and_lost() -> None:
    conv = talk(*POSTPARTUM_TO_THE_END[:7])
    replies = conv.say("im bleeding more than usual since yesterday, is that normal?")
    assert "kept_for_later" not in codes(replies)
    assert case_of(conv)["heavy_bleeding_after_birth"] is True
    assert conv.session is not None and conv.session.mode == "danger_offer"


@pytest.mark.parametrize(("opening", "said", "field"), [
    (POSTPARTUM_TO_THE_END, "oh and im bleeding more than usual the last day or so, is that normal",
     "heavy_bleeding_after_birth"),
    (PREGNANT_TO_THE_END, "cant get out of bed", "unable_to_bear_weight"),
    (PREGNANT_TO_THE_END, "it's got worse tonight, i cant get out of bed now", "unable_to_bear_weight"),
    (PREGNANT_TO_THE_END, "hubby has to carry me to the toilet now", "unable_to_bear_weight"),
])
def test_a_danger_sign_after_the_summary_rebuilds_it(opening: tuple[str, ...], said: str, field: str) -> None:
    conv = talk(*opening)
    assert conv.state == "summary"
    replies = conv.say(said)
    assert case_of(conv)[field] is True
    assert any(reply.kind == "warning" for reply in replies)


def test_a_baby_carried_to_bed_is_no_word_about_walking() -> None:
    conv = talk(*PREGNANT_TO_THE_END[:8])
    conv.say("i have to carry her to bed every night, my toddler")
    assert case_of(conv)["unable_to_bear_weight"] is not True


@pytest.mark.parametrize(("language", "said"), [
    ("en", "no but scar is sore and smells"), ("en", "my c section scar is sore and theres a smell"),
    ("pt", "a cicatriz dói e cheira mal"),
])
def test_a_smelly_scar_is_a_wound_sign(language: str, said: str) -> None:
    conv = talk(*AFTER_BIRTH[language], language=language)
    conv.say(said)
    assert case_of(conv)["wound_signs"] is True
