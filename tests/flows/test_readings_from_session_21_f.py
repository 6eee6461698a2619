"""Session 21 (blind user test en, report B, findings 1, 2 and 5): side remarks read the
wrong way round, night words that are no night pain, and a lump taken out."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from flows.messages import Reply
from tests.support.conversation import Conversation, talk

ENGINE = get_engine()
CONTENT = ENGINE.content
MAN_52 = ("male", "52")


def noticed(replies: list[Reply], code: str) -> bool:
    return any(reply.code == code for reply in replies)


def case_of(conv: Conversation) -> dict[str, object]:
    assert conv.session is not None
    return conv.session.case.model_dump()


# --- 1. "no never ..." in passing is a no, and "None of these" over a side remark is asked ---------


@pytest.mark.parametrize(("language", "answers", "field"), [
    ("en", ("left, about 6 weeks, no never taken steroids",), "glucocorticoids"),
    ("en", ("left, about 6 weeks, nope never took steroids",), "glucocorticoids"),
    ("en", ("left", "none", "gradually", "6 weeks", "hurts to walk but i can", "none", "no never had cancer"),
     "cancer_history"),
    ("en", ("left", "none", "gradually", "6 weeks", "hurts to walk but i can", "no never had a fall"), "trauma"),
    ("pt", ("esquerda, há 6 semanas, nao, nunca tomei corticoides",), "glucocorticoids"),
])
def test_a_double_negative_said_in_passing_is_no_yes(language: str, answers: tuple[str, ...], field: str) -> None:
    # "no never" is also a way to say "not pregnant": its words still deny what follows
    sex_age = MAN_52 if language == "en" else ("homem", "52")
    conv = talk(*sex_age, *answers, language=language)
    assert case_of(conv)[field] is not True
    assert not any(noticed(replies, "noted_early") for _, replies in conv.transcript)


def history_with_steroids_ticked() -> Conversation:
    conv = talk(*MAN_52, "left, about 6 weeks, i took prednisolone last year",
                "MRI showed bone marrow edema, xray was fine", "6 weeks", "it hurts to walk but i can")
    assert case_of(conv)["glucocorticoids"] is True
    return conv


def test_none_over_an_item_heard_in_passing_keeps_it_and_says_how_to_undo_it() -> None:
    # (session 22: it asked which was right, and a second "none" unsaid it; user test pt 22
    # lost a fall at 78 so. An item wrongly heard is undone with /back, or denied by name.)
    conv = history_with_steroids_ticked()
    state = conv.state
    replies = conv.say("none")
    assert noticed(replies, "noted_kept") and conv.state != state
    assert case_of(conv)["glucocorticoids"] is True
    conv.say("/back")
    assert conv.state == state
    conv.say("None of these")
    assert case_of(conv)["glucocorticoids"] is False


def test_an_item_heard_in_passing_denied_by_name_is_unsaid() -> None:
    conv = history_with_steroids_ticked()
    conv.say("no, i have not taken steroids")
    assert case_of(conv)["glucocorticoids"] is False


def test_nothing_else_keeps_the_item_heard_in_passing_without_asking() -> None:
    conv = history_with_steroids_ticked()
    replies = conv.say("nothing else")
    assert not noticed(replies, "noted_kept")
    assert case_of(conv)["glucocorticoids"] is True


# --- 2. a night word in another sentence is no night pain; the pain at night still is ----------


@pytest.mark.parametrize(("language", "said"), [
    ("en", "i have a glass of wine at night"),
    ("en", "i drink 4 pints most nights"),
    ("en", "i drink quite a lot tbh, like 6-8 pints most nights"),
    ("pt", "bebo um copo de vinho à noite"),
])
def test_a_night_in_another_sentence_is_no_night_pain(language: str, said: str) -> None:
    reader = ENGINE.reader(language)
    named = reader.mentions("warning_signs", said)
    assert "night_pain" not in [CONTENT.options["warning_signs"][i].value for i in named]


@pytest.mark.parametrize(("language", "said"), [
    ("en", "it hurts at night"),
    ("en", "the pain is worse at night"),
    ("en", "my hip is killing me at night"),
    ("pt", "dói muito à noite"),
    ("pt", "a dor é pior de noite"),
])
def test_the_pain_at_night_in_passing_is_still_night_pain(language: str, said: str) -> None:
    reader = ENGINE.reader(language)
    assert "night_pain" in [CONTENT.options["warning_signs"][i].value for i in reader.mentions("warning_signs", said)]


def test_wine_at_night_said_with_how_long_raises_no_night_pain() -> None:
    conv = talk("male", "47", "left", "none", "gradually", "i have a glass of wine at night")
    assert case_of(conv)["night_pain"] is None


# --- 5. a lump taken out is heard as a cancer, after a hedge too ---------------------------


@pytest.mark.parametrize(("language", "said"), [
    ("en", "not really, well she did have a lump removed from her breast in 2015"),
    ("en", "she had a lump removed from her breast"),
    ("en", "had a growth taken out of my bowel"),
    ("pt", "não, mas tirou um caroço da mama em 2015"),
])
def test_a_lump_taken_out_is_a_cancer_history(language: str, said: str) -> None:
    parsed = ENGINE.reader(language).read("warning_signs", said)
    assert parsed.ok and parsed.value == ["cancer_history"]


def test_no_lump_removed_is_not_a_cancer_history() -> None:
    parsed = ENGINE.reader("en").read("warning_signs", "no lump removed")
    cancer = [o.value for o in CONTENT.options["warning_signs"]].index("cancer_history")
    assert parsed.value != ["cancer_history"] and cancer in parsed.denied
