"""Session 20 (user test en 20), group b: how long the pain has gone on said as "been going
on 2 months" ("já vai para 2 meses"); weight lost said with words between ("lost a bit of
weight", "perdi um pouco de peso"); a pregnancy heard in a clinician's note ("G2P1 34/40")
is a woman's, so the sex at birth is not asked. Each rule both ways."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from tests.support.conversation import talk

ENGINE = get_engine()
CONTENT = ENGINE.content


def checklist_read(language: str, question: str, text: str) -> list[str]:
    options = CONTENT.options[question]
    return [str(options[i].field or options[i].value) for i in ENGINE.reader(language).mentions(question, text)]


# --- how long, said as going on ----------------------------------------------------------------


@pytest.mark.parametrize(("language", "text", "said"), [
    ("en", "right hip, been going on 2 months, wakes him up at night", "2 months"),
    ("en", "its been going on for 3 weeks", "3 weeks"),
    ("en", "hip pain going on 6 weeks now", "6 weeks"),
    ("en", "it started about a month ago", "1 month"),
    ("en", "the ache has been ongoing for 5 weeks", "5 weeks"),
    ("pt", "a dor já vai para 2 meses", "2 meses"),
    ("pt", "dói há coisa de 3 semanas", "3 semanas"),
    ("pt", "vai fazer um mês que dói", "1 mês"),
    ("pt", "isto já dura há 3 semanas", "3 semanas"),
    ("pt-BR", "tá doendo já vai fazer 2 meses", "2 meses"),
])
def test_a_duration_said_as_going_on_is_heard(language: str, text: str, said: str) -> None:
    assert ENGINE.reader(language).heard_number("duration_weeks", text, "side") == said


@pytest.mark.parametrize(("language", "text"), [
    ("en", "my baby is going on 2 months"),           # the baby's age
    ("en", "hip pain, my baby is going on 2 months"),
    ("en", "going on 30 weeks pregnant, my hip hurts"),
    ("en", "my 2 months old baby, hip pain"),
    ("pt", "o bebé já vai para 2 meses"),
    ("pt", "o bebé vai fazer 1 mês e a anca dói"),
    ("pt-BR", "meu neném já vai fazer 2 meses"),
])
def test_a_babys_age_or_a_pregnancy_going_on_is_no_duration(language: str, text: str) -> None:
    assert ENGINE.reader(language).heard_number("duration_weeks", text, "side") is None


def test_the_duration_going_on_is_not_asked_again() -> None:
    conv = talk("asking for my dad, 74, had prostate cancer about 5 yrs ago",
                "right hip, been going on 2 months, wakes him up at night", "none", "gradual")
    assert conv.session is not None and conv.session.case.duration_weeks is not None
    assert round(conv.session.case.duration_weeks) == 9
    assert conv.state != "duration_weeks"


# --- weight lost, said with words between --------------------------------------------------------


@pytest.mark.parametrize(("language", "text"), [
    ("en", "lost a bit of weight actually, and the cancer"),
    ("en", "dropped some weight"),
    ("en", "he's been losing a lot of weight"),
    ("pt", "perdi um pouco de peso"),
    ("pt", "tenho emagrecido"),
    ("pt", "está a emagrecer"),
    ("pt-BR", "tô emagrecendo"),
    ("pt-BR", "tenho perdido peso"),
])
def test_weight_lost_in_other_words_is_heard(language: str, text: str) -> None:
    assert "weight_loss" in checklist_read(language, "warning_signs", text)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "trying to lose weight"),
    ("en", "i need to lose some weight"),
    ("en", "lost a bit of weight on purpose"),
    ("en", "lost my appetite"),
    ("pt", "quero emagrecer"),
    ("pt", "perdi o apetite"),
    ("pt", "não tenho perdido peso"),
    ("pt", "perdi peso de propósito, fiz dieta"),
])
def test_weight_not_lost_or_lost_on_purpose_is_no_warning(language: str, text: str) -> None:
    assert "weight_loss" not in checklist_read(language, "warning_signs", text)


@pytest.mark.parametrize(("language", "first", "said"), [
    ("en", "asking for my dad, 74, had prostate cancer about 5 yrs ago",
     "lost a bit of weight actually, and the cancer"),
    ("pt", "é para o meu pai, 74 anos, teve cancro da próstata", "tem emagrecido"),
])
def test_weight_lost_said_at_how_it_started_is_warned_at_once(language: str, first: str, said: str) -> None:
    conv = talk(first, "right", "none", language=language)
    assert conv.state == "onset"
    conv.say(said)
    assert conv.session is not None and conv.session.case.weight_loss is True
    assert conv.state == "onset"  # the question asked again


# --- a pregnancy is a woman's ---------------------------------------------------------------------


@pytest.mark.parametrize(("language", "first"), [
    ("en", "physio here. G2P1 34/40 L hip pain 2/52, insidious, antalgic gait, no trauma"),
    ("en", "GP here, pt 31/40, R hip pain 3/52"),
    ("pt", "fisio aqui. G2P1 34/40 dor anca esq há 2 semanas"),
])
def test_a_pregnancy_heard_takes_the_sex_at_birth(language: str, first: str) -> None:
    conv = talk(first, language=language)
    assert conv.session is not None and conv.session.case.sex == "female"
    assert conv.state == "age"
    said = " ".join(r.text for r in conv.transcript[-1][1])
    assert "earlier" in said or "antes" in said  # said back as from what was written


@pytest.mark.parametrize(("language", "first"), [
    ("en", "physio here. L hip pain 2/52, insidious, antalgic gait"),  # nothing of a pregnancy
    ("en", "GP here, 4/52 L hip pain"),
    ("pt", "fisio aqui. dor anca esq há 2 semanas"),
])
def test_without_a_pregnancy_the_sex_is_asked(language: str, first: str) -> None:
    conv = talk(first, language=language)
    assert conv.session is not None and conv.session.case.sex is None
    assert conv.state == "sex"


def test_back_after_an_implied_sex_asks_it() -> None:
    conv = talk("physio here. G2P1 34/40 L hip pain 2/52", "/back")
    assert conv.state == "sex"
    conv.say("xyz")  # not understood: the question is asked again, not taken again
    assert conv.state == "sex"
    conv.say("male")
    assert conv.session is not None and conv.session.case.sex == "male"


# --- how long, said as since an event ------------------------------------------------------------


@pytest.mark.parametrize(("language", "text", "said"), [
    ("en", "hi had my baby 5 weeks ago and my right hip has been killing me since", "5 weeks"),
    ("en", "fell 2 weeks ago and it has hurt ever since", "2 weeks"),
    ("pt", "caí há 2 semanas e dói desde aí", "2 semanas"),
    ("pt-BR", "tive meu bebê faz 5 semanas e o quadril direito dói desde então", "5 semanas"),
])
def test_the_pain_since_an_event_said_with_its_time_is_heard(language: str, text: str, said: str) -> None:
    assert ENGINE.reader(language).heard_number("duration_weeks", text, "sex") == said


@pytest.mark.parametrize(("language", "text"), [
    ("en", "had my baby 5 weeks ago and my right hip hurts"),           # when it began is not said
    ("en", "had my baby 5 weeks ago and since then i feel tired"),      # not the pain's clause
    ("pt", "tive o bebé há 5 semanas e dói-me a anca"),
    ("pt", "tive o bebé há 5 semanas e desde então ando cansada"),
    ("en", "I had a termination 3 weeks ago. right hip pain since, about 2 weeks."),  # its own number after
])
def test_an_event_with_its_time_beside_the_pain_is_no_duration(language: str, text: str) -> None:
    heard = ENGINE.reader(language).heard_number("duration_weeks", text, "sex")
    assert heard not in ("5 weeks", "5 semanas", "3 weeks")


def test_the_duration_since_the_birth_is_not_asked() -> None:
    conv = talk("hi had my baby 5 weeks ago and my right hip has been killing me since",
                "29", "yes", "none", "none", "groin", "gradual")
    assert conv.session is not None and conv.session.case.duration_weeks == 5
    assert conv.state != "duration_weeks"


@pytest.mark.parametrize(("language", "text"), [
    ("en", "since the birth"), ("en", "since i had the baby"), ("en", "ever since"),
    ("pt", "desde o parto"), ("pt", "desde que tive o bebé"), ("pt-BR", "desde que ganhei o neném"),
])
def test_since_an_event_with_no_number_asks_when_that_was(language: str, text: str) -> None:
    parsed = ENGINE.reader(language).read("duration_weeks", text)
    assert not parsed.ok and parsed.error == "since_an_event"


@pytest.mark.parametrize(("language", "text", "weeks"), [
    ("en", "since the birth, 5 weeks", 5), ("en", "5 weeks since the birth", 5),
    ("pt", "desde o parto, há 5 semanas", 5),
])
def test_since_an_event_with_its_number_is_read(language: str, text: str, weeks: float) -> None:
    assert ENGINE.reader(language).read("duration_weeks", text).value == weeks


def test_since_an_event_is_no_answer_to_the_age() -> None:
    assert ENGINE.reader("en").read("age", "since the birth").error != "since_an_event"


def test_since_the_birth_then_the_weeks_is_taken() -> None:
    conv = talk("hi had my baby recently and my right hip hurts", "29", "yes", "none", "none", "groin", "gradual")
    assert conv.state == "duration_weeks"
    replies = conv.say("since the birth")
    assert any(r.code == "since_an_event" for r in replies) and conv.state == "duration_weeks"
    conv.say("5 weeks")
    assert conv.session is not None and conv.session.case.duration_weeks == 5


# --- a checklist item denied in passing ------------------------------------------------------------


@pytest.mark.parametrize(("language", "text"), [
    ("en", "G2P1 34/40 L hip pain 2/52, insidious, no trauma"), ("en", "nil trauma"), ("en", "no injury"),
    ("en", "denies trauma"), ("pt", "dor anca esq há 2 semanas, sem trauma"), ("pt", "sem traumatismo"),
    ("pt", "nega trauma"), ("pt-BR", "sem trauma"),
])
def test_no_trauma_in_passing_is_a_denial_of_the_fall(language: str, text: str) -> None:
    assert ENGINE.reader(language).denied_by_name("warning_signs", text) == [0]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "hip pain after trauma"), ("en", "she fell, no fever"), ("pt", "caiu, sem febre"),
])
def test_a_fall_said_or_another_sign_denied_is_no_denial_of_the_fall(language: str, text: str) -> None:
    assert 0 not in ENGINE.reader(language).denied_by_name("warning_signs", text)


def _to_the_warning_signs(first: str, language: str = "en") -> list[str]:
    conv = talk(first, language=language)
    for _ in range(12):
        if conv.state == "warning_signs":
            return [r.code for r in conv.transcript[-1][1]]
        conv.say({"age": "45", "sex": "male", "side": "left", "onset": "gradual", "walking": "2",
                  "duration_weeks": "3 weeks"}.get(conv.state, "none" if language == "en" else "nenhum"))
    raise AssertionError(f"not reached: {conv.state}")


@pytest.mark.parametrize(("language", "first", "said"), [
    ("en", "45M L hip pain 3 weeks, no trauma", True),
    ("pt", "homem 45 anos, dor anca esq há 3 semanas, sem trauma", True),
    ("en", "45M L hip pain 3 weeks", False),
])
def test_a_denial_in_passing_is_said_at_the_checklist(language: str, first: str, said: bool) -> None:
    assert ("denied_earlier" in _to_the_warning_signs(first, language)) is said


def test_a_denial_held_then_another_sign_ticked_leaves_the_fall_unticked() -> None:
    conv = talk("45M L hip pain 3 weeks, no trauma")
    for _ in range(12):
        if conv.state == "warning_signs":
            break
        conv.say({"side": "left", "onset": "gradual", "walking": "2"}.get(conv.state, "none"))
    conv.say("night pain")
    assert conv.session is not None and conv.session.case.trauma is False and conv.session.case.night_pain is True
