"""Session 27: a message that asks several questions, one after another, has each answered
("what is transient osteoporosis? is it dangerous?" had only its first answered), while a
message that asks one thing in pieces ("ibuprofen? is that ok?") is still answered once."""

from __future__ import annotations

from flows.dialogue import get_engine
from flows.messages import Reply
from tests.support.conversation import talk

PREGNANT_30_WEEKS = ("I'm 30 weeks pregnant, my left hip hurts", "31", "none", "none", "3", "gradual",
                     "hurts to walk but I can", "none", "none", "no", "none", "none")


def codes(replies: list[Reply]) -> list[str]:
    return [reply.code for reply in replies]


def test_two_questions_at_the_first_question_are_both_answered() -> None:
    replies = talk().say("what is transient osteoporosis? is it dangerous?")
    assert "condition_explained:itoh" in codes(replies)
    assert any(code.startswith("quick_answer:is_it_serious") for code in codes(replies))


def test_two_questions_in_portuguese_are_both_answered() -> None:
    replies = talk(language="pt").say("o que é a osteoporose transitória? é grave?")
    assert "condition_explained:itoh" in codes(replies)
    assert any(code.startswith("quick_answer:is_it_serious") for code in codes(replies))


def test_one_question_alone_gets_one_answer() -> None:
    replies = talk().say("what is transient osteoporosis?")
    assert "condition_explained:itoh" in codes(replies)
    assert not any(code.startswith("quick_answer:") for code in codes(replies))


def test_a_question_asked_in_pieces_is_answered_once() -> None:
    conv = talk("I'm 30 weeks pregnant, my left hip hurts")
    replies = conv.say("ibuprofen? is that ok?")
    answers = [code for code in codes(replies) if code.startswith("quick_answer:")]
    assert answers == ["quick_answer:painkillers_in_pregnancy"]


def test_after_the_summary_a_condition_and_a_quick_answer_are_both_given() -> None:
    conv = talk(*PREGNANT_30_WEEKS)
    assert conv.state == "summary"
    replies = conv.say("what is pelvic girdle pain? can I go swimming?")
    assert "condition_explained:pelvic_girdle_pain" in codes(replies)
    assert "quick_answer:swimming_in_pregnancy" in codes(replies)


def test_a_leading_mark_in_a_note_splits_nothing() -> None:
    reader = get_engine().reader("en")
    note = "?AVN vs TOH, does he need ortho referral"
    assert reader.questions_apart(note) == [note]
    assert reader.questions_apart("what is AVN? is it serious?") == ["what is AVN?", "is it serious?"]
