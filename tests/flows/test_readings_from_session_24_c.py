"""Session 24 (c), blind user tests en, pt and pt-BR 23: a question of the person's own is
answered from what the product says, not with a canned "the summary answers it": after the
summary at a raised level of care ("é mesmo preciso ir às urgências?"), the warning behind
it in full; "is it broken?", "é necrose?" with how the cause is settled and the level of care;
a clinician's "can I start alendronate?" (not "do not stop it"), "does she need a DEXA?", and
an honest "not covered here" for an epidural; and the under-18 end said to the teenager who
writes about himself, with a parent told, and to a parent as before."""

from __future__ import annotations

import pytest

from flows.messages import Reply
from tests.support.conversation import Conversation, talk

FALL_80 = {
    "pt": ("Boa noite, escrevo pela minha mãe, tem 80 anos e caiu ontem na cozinha. Queixa-se muito da anca esquerda",
           "consegue andar um bocadinho com o andarilho mas custa muito", "não fez nenhum exame ainda",
           "de repente, foi da queda", "desde ontem", "tem osteoporose e toma varfarina por causa do coração",
           "não", "não", "nenhuma"),
}
GP_CASE = ("52F, 6/52 R hip pain, no trauma, afebrile, CRP 4 mg/L, ESR 12, xr nad, "
           "mri: diffuse BMO fem head/neck, no fracture line", "1", "done")


def codes(replies: list[Reply]) -> list[str]:
    return [reply.code for reply in replies]


def at_the_summary_after_a_fall() -> Conversation:
    conv = talk(*FALL_80["pt"], language="pt")
    assert conv.state == "summary"
    assert any("fall" in flag or "queda" in flag for flag in conv.session.announced) if conv.session else False
    return conv


@pytest.mark.parametrize("asked", ["é mesmo preciso ir às urgências? ela não quer ir", "o que faço esta noite?",
                                   "precisamos mesmo de ir hoje?"])
def test_after_the_summary_a_question_of_care_gets_the_warning_in_full(asked: str) -> None:
    # user test pt 23: "as secções acima respondem ao que podem ... pergunte ao seu médico"
    conv = at_the_summary_after_a_fall()
    replies = conv.say(asked)
    assert "asked_back_warned_after" in codes(replies)
    assert "asked_back_after" not in codes(replies)
    said = " ".join(reply.text for reply in replies)
    assert "mesmo que ainda consiga andar" in said  # the warning's own answer to "she can walk"
    assert "urgência" in said


@pytest.mark.parametrize(("language", "asked"), [
    ("pt", "está partida?"), ("pt", "é necrose?"), ("en", "is it broken?"), ("en", "could it be AVN?")])
def test_is_it_broken_is_told_how_the_cause_is_settled_and_the_level_of_care(language: str, asked: str) -> None:
    # user tests en and pt 23: the canned reply, mid-questions and after the summary
    if language == "pt":
        conv = at_the_summary_after_a_fall()
    else:
        conv = talk("72 year old woman, slipped in the kitchen yesterday, hip hurts", "osteoporosis", language="en")
    replies = conv.say(asked)
    assert "quick_answer:which_cause_it_is" in codes(replies)
    assert any(code.startswith("asked_back_warned") for code in codes(replies))  # the level of care with it
    assert "asked_back" not in codes(replies) and "asked_back_after" not in codes(replies)


@pytest.mark.parametrize(("asked", "answer"), [
    ("can I start alendronate?", "quick_answer:bone_medicine_start"),
    ("should we prescribe a bisphosphonate?", "quick_answer:bone_medicine_start"),
    ("does she need a DEXA?", "quick_answer:bone_density_scan"),
    ("is an epidural ok?", "quick_answer:not_covered_here"),
])
def test_a_clinicians_question_gets_its_own_answer(asked: str, answer: str) -> None:
    # user test en 23: "can I start alendronate?" told "do not stop it"; DEXA and epidural
    # told "the summary at the end answers it" (which never mentions an epidural)
    conv = talk(*GP_CASE, language="en")
    replies = conv.say(asked)
    assert answer in codes(replies)
    assert "quick_answer:bone_medicine_keep_taking" not in codes(replies)
    assert "asked_back" not in codes(replies)


def test_still_taking_alendronate_is_still_told_not_to_stop_it() -> None:
    conv = talk(*GP_CASE, language="en")
    assert "quick_answer:bone_medicine_keep_taking" in codes(conv.say("should she keep taking her alendronate?"))


@pytest.mark.parametrize("language", ["en", "pt", "pt-BR"])
def test_starting_a_bone_medicine_in_pregnancy_is_still_told_it_is_not_taken(language: str) -> None:
    conv = talk({"en": "I'm 30 weeks pregnant with hip pain", "pt": "estou grávida de 30 semanas com dor na anca",
                 "pt-BR": "to grávida de 30 semanas com dor no quadril"}[language], language=language)
    asked = {"en": "can I start alendronate?", "pt": "posso começar o alendronato?",
             "pt-BR": "posso começar o alendronato?"}[language]
    assert "quick_answer:bone_medicine_in_pregnancy" in codes(conv.say(asked))


@pytest.mark.parametrize(("language", "said", "to_themself"), [
    # (the age said first is kept: the end comes as soon as the sex is known)
    ("en", ("hi im 16 i play football and my hip has hurt for like a year, sometimes my knee too", "boy"), True),
    ("pt-BR", ("tenho 16 anos, dor no quadril", "masculino"), True),
    ("en", ("my son is 15 and has hip pain",), False),
    ("en", ("male", "8"), False),  # too young to be recorded: a parent answers
    ("pt", ("o meu filho tem 14 anos e dói-lhe a anca",), False),
])
def test_the_under_18_end_speaks_to_whoever_writes(language: str, said: tuple[str, ...], to_themself: bool) -> None:
    # user test en 23: a boy of 16 typing about himself was told "if they cannot put weight"
    conv = talk(*said[:-1], language=language)
    ended = conv.say(said[-1])
    assert conv.state == "out_of_scope"
    end = [reply for reply in ended if reply.kind == "end" and reply.code.startswith("out_of_scope")]
    assert end, codes(ended)
    assert (end[0].code == "out_of_scope_to_themself") is to_themself
    if to_themself and language == "en":
        assert "Tell a parent" in end[0].text and "if you cannot put weight" in end[0].text
    if not to_themself and language == "en":
        assert "if they cannot put weight" in end[0].text
