"""Session 22: the known limits left by session 21 (its closing note), fixed in general: a
condition's description fits the person (pelvic girdle pain after a pregnancy loss)..."""

from __future__ import annotations

from flows.assessment import assess
from flows.case import Case
from flows.dialogue import get_engine
from flows.messages import Reply
from tests.support.conversation import Conversation, talk

ENGINE = get_engine()
CONTENT = ENGINE.content

BABY_OR_BIRTH = {"en": ("baby", "birth"), "pt": ("bebé", "parto"), "pt-BR": ("bebê", "parto")}


def assess_level(conv: Conversation) -> str:
    assert conv.session is not None
    return assess(conv.session.case, CONTENT).triage


def text_of(replies: list[Reply]) -> str:
    return "\n".join(reply.text for reply in replies)


def test_pelvic_girdle_pain_described_after_a_loss_without_the_baby_or_the_birth() -> None:
    after_a_loss = Case(sex="female", age=32, pregnancy="recent_pregnancy_loss")
    in_pregnancy = Case(sex="female", age=32, pregnancy="trimester_3")
    for language, words in BABY_OR_BIRTH.items():
        assert not any(w in CONTENT.about("pelvic_girdle_pain", after_a_loss, language) for w in words)
        assert any(w in CONTENT.about("pelvic_girdle_pain", in_pregnancy, language) for w in words)
    # ...and asked what it is, in the conversation, after a miscarriage
    conv = talk("1", "32", "i had a miscarriage 3 weeks ago")
    said = text_of([r for r in conv.say("what is pelvic girdle pain?") if r.code.startswith("condition_explained")])
    assert "pelvic belt" in said and "baby" not in said and "birth" not in said


def test_a_condition_asked_about_is_no_fact_of_the_person() -> None:
    # "never heard of transient osteoporosis" was a "no" to osteoporosis, and "kept for later"
    for language, answers, asked in (
            ("en", ("1", "35", "no", "left", "no", "1", "gradual", "4 weeks"),
             "never heard of transient osteoporosis, what is it?"),
            ("pt", ("1", "35", "nao", "esquerda", "nao", "1", "aos poucos", "4 semanas"),
             "nunca ouvi falar de osteoporose transitória, o que é isso?")):
        conv = talk(*answers, language=language)
        replies = conv.say(asked)
        assert [r.code for r in replies][:1] == ["condition_explained:itoh"], replies
        assert conv.session is not None and not conv.session.denied_early and not conv.session.noted
    # ...while what the same message says of the person is still heard
    conv = talk("1", "35", "no", "left", "no", "1", "gradual", "4 weeks")
    conv.say("i have osteoporosis, what is transient osteoporosis?")
    assert conv.session is not None and conv.session.noted


def held_duration(language: str, no: str, at_the_side: str) -> str | None:
    conv = talk("1", "35", no, at_the_side, language=language)
    assert conv.session is not None and conv.session.case.side is not None
    return conv.session.held_numbers.get("duration_weeks")


def test_how_long_said_alone_after_which_hip_is_kept_for_its_question() -> None:
    # "left, about 2 months" at which hip: the duration was asked again
    assert held_duration("en", "no", "left, about 2 months") == "2 months"
    assert held_duration("en", "no", "both, 6 wks") == "6 wks"
    assert held_duration("pt", "nao", "esquerda, há 2 meses") == "2 meses"
    # ...but not a number whose clause says more: a baby's age, a time after the birth
    for said in ("left. my baby is 2 months", "left, had my baby 2 months ago", "left, 2 months postpartum"):
        assert held_duration("en", "no", said) is None, said
    assert held_duration("pt", "nao", "esquerda, o bebé tem 2 meses") is None
    # ...and the duration question is then not asked again
    conv = talk("1", "35", "no", "left, about 2 months", "no", "1")
    assert conv.state == "walking"


def test_who_writes_said_again_is_heard_and_the_question_asked_again() -> None:
    for language, answers, again in (
            ("en", ("im a GP asking about my patient", "male"), "pt is the patient, im his GP"),
            ("en", ("asking for my dad", "male"), "im asking for my dad"),
            ("pt", ("sou médica de família, pergunto por um doente", "masculino"), "sou o medico de familia dele")):
        conv = talk(*answers, language=language)
        asked = conv.state
        replies = conv.say(again)
        codes = [r.code for r in replies]
        assert codes[0] == "still_for_someone_else" and "error" not in {r.kind for r in replies}, codes
        assert conv.state == asked
    # ...but what is said of the patient is no such notice
    conv = talk("im a GP asking about my patient", "male")
    assert "still_for_someone_else" not in [r.code for r in conv.say("he hit his head too")]


def test_a_bare_no_at_a_list_keeps_what_was_told_in_the_persons_own_words() -> None:
    # user test pt 22: "n", "n" at the warning signs took back a fall at 78 on warfarin, and
    # the emergency with it
    conv = talk("boa noite, escrevo pelo meu pai, tem 78 anos. queixa-se da anca esquerda há 2 semanas, desde que "
                "escorregou na casa de banho", "2", "ele anda com a bengala, custa-lhe mto", "n fez exames",
                "de repente", "toma varfarina e comprimidos p a tensão", language="pt")
    assert conv.session is not None and conv.session.case.trauma is True
    for _ in range(6):
        if conv.state == "summary":
            break
        conv.say("n")
    assert conv.session.case.trauma is True
    assert conv.session.case.anticoagulant is True
    assert assess_level(conv) == "emergency"
