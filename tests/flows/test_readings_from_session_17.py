"""Session 17: what people type about a pregnancy's due date, a "don't know" said of the
question's own subject, a woman describing herself as "mulher de 30 anos", and European
texts without the Brazilian asides. Each rule both ways."""

from __future__ import annotations

from datetime import date

import pytest

from flows.content import texts_of
from flows.dialogue import get_engine
from flows.messages import UserInput
from tests.support.conversation import talk

ENGINE = get_engine()
CONTENT = ENGINE.content


def read(language: str, question: str, text: str) -> object:
    parsed = ENGINE.reader(language).read(question, text)
    return parsed.value if parsed.ok else "not read"


# --- a due date is a time left, counted back from 40 weeks ---------------------------------


@pytest.mark.parametrize(("language", "text"), [
    ("en", "due in 3 weeks"),
    ("en", "I'm due in 3 weeks"),
    ("en", "3 weeks to go"),
    ("en", "2 more weeks to go"),
    ("en", "due date is in 5 weeks"),
    ("en", "baby due in 2 months"),      # 40 - 8.7 weeks: week 31
    ("en", "due in 10 days"),
    ("en", "37 weeks, due in 3 weeks"),  # both readings agree
    ("en", "due next month"),
    ("en", "past my due date"),
    ("pt", "faltam 3 semanas para o parto"),
    ("pt", "o bebé nasce daqui a 3 semanas"),
    ("pt", "falta um mês para nascer"),
    ("pt", "faltam umas 3 semanas"),
    ("pt", "faltam mais 2 semanas"),
    ("pt", "o bebé nasce no próximo mês"),
    ("pt", "já passei do tempo"),
    ("pt-BR", "falta 3 semanas pra ganhar"),
    ("pt-BR", "faltam 2 semanas pro parto"),
])
def test_a_time_left_to_the_birth_is_late_pregnancy(language: str, text: str) -> None:
    # Read as week 3 these were the first trimester (or after the birth), where the
    # anti-inflammatory bar from 20 weeks does not apply.
    assert read(language, "pregnancy", text) == "trimester_3"


@pytest.mark.parametrize(("language", "text", "value"), [
    ("en", "3 weeks", "trimester_1"),
    ("en", "only 3 weeks pregnant", "trimester_1"),
    ("en", "34 weeks", "trimester_3"),
    ("en", "had a baby 2 weeks ago", "postpartum"),
    ("en", "had my baby last month", "postpartum"),
    ("en", "due in 30 weeks", "trimester_1"),   # counted back: week 10
    ("en", "due in 20 weeks", "trimester_2"),   # week 20
    ("pt", "tive o bebé há 3 semanas", "postpartum"),
    ("pt", "o bebé nasceu há 3 semanas", "postpartum"),
    ("pt", "tive o bebé há 3 semanas e tenho falta de ar", "postpartum"),
    ("pt-BR", "ganhei neném faz 3 semanas", "postpartum"),
])
def test_a_number_not_said_as_a_time_left_keeps_its_reading(language: str, text: str, value: str) -> None:
    assert read(language, "pregnancy", text) == value


@pytest.mark.parametrize(("language", "text", "pregnancy", "duration"), [
    ("en", "im 34 and due in 3 weeks, my left hip has been really sore for a month", "due in 3 weeks", "1 month"),
    ("en", "left hip pain, due in 3 weeks", "due in 3 weeks", None),
    ("pt", "dor na anca, faltam 3 semanas para o parto", "faltam 3 semanas para o parto", None),
])
def test_a_due_date_in_a_first_message_is_the_pregnancys_not_the_pains(
        language: str, text: str, pregnancy: str, duration: str | None) -> None:
    reader = ENGINE.reader(language)
    heard = reader.heard_number("pregnancy", text, "sex")
    assert heard == pregnancy
    assert reader.read("pregnancy", heard).value == "trimester_3"
    assert reader.heard_number("duration_weeks", text, "sex") == duration


TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(("language", "text", "value"), [
    ("en", "due on 20 december", "trimester_3"),         # 2.6 weeks ahead: week 37
    ("en", "edd 20/1", "trimester_3"),                   # day first (en_GB): 20 January, week 33
    ("en", "due in january", "trimester_3"),             # a month alone: its first day
    ("en", "due date is the 3rd of march", "trimester_2"),  # 13 weeks ahead: week 27
    ("en", "due in june", "trimester_2"),
    ("en", "c-section booked for 15 december", "trimester_3"),  # a birth to come, not after one
    ("pt-BR", "DPP dia 20/01", "trimester_3"),
    ("pt-BR", "cesárea marcada pro dia 15/12", "trimester_3"),
    ("pt", "previsto para 3 de março", "trimester_2"),
])
def test_a_due_date_counts_back_from_the_day_the_message_was_sent(language: str, text: str, value: str) -> None:
    assert ENGINE.reader(language).read("pregnancy", text, today=TODAY).value == value


@pytest.mark.parametrize(("language", "text", "value"), [
    ("en", "had a planned c-section 3 weeks ago", "postpartum"),
    ("en", "had an elective section last week", "postpartum"),
    ("pt-BR", "fiz cesárea marcada há 2 semanas", "postpartum"),
])
def test_a_birth_that_was_planned_is_still_after_the_birth(language: str, text: str, value: str) -> None:
    assert ENGINE.reader(language).read("pregnancy", text, today=TODAY).value == value


def test_a_due_date_without_the_day_it_was_sent_is_asked_not_guessed() -> None:
    assert not ENGINE.reader("en").read("pregnancy", "due on 20 december").ok


@pytest.mark.parametrize(("language", "text"), [
    ("en", "F 31, hip pain for 2 weeks, edd 20/1"),
    ("pt-BR", "mulher, 28 anos, DPP dia 20/01, dor no quadril direito faz 2 semanas"),
])
def test_a_due_date_in_a_first_message_is_taken_in_the_conversation(language: str, text: str) -> None:
    conversation = talk(language=language)
    conversation.send(UserInput.typed(text).model_copy(update={"sent_on": TODAY}))
    assert conversation.session is not None
    assert conversation.session.case.pregnancy == "trimester_3"


# --- a "don't know" of the question's own subject is "Don't know" ---------------------------


@pytest.mark.parametrize(("language", "text"), [
    ("en", "fever not sure"),
    ("en", "fever? dunno"),
    ("en", "not sure if i had a fever"),
    ("en", "temp not sure"),
    ("en", "no idea if fever"),
    ("pt", "febre não sei, não tenho termómetro"),
    ("pt", "não sei se tive febre"),
    ("pt", "febre não sei"),
])
def test_unsure_of_the_fever_is_dont_know(language: str, text: str) -> None:
    # Before: a fever (English) or no fever (the Portuguese thermometer).
    assert read(language, "fever", text) is None


@pytest.mark.parametrize(("language", "text", "value"), [
    ("en", "maybe a fever", True),                      # leans to yes: said unsurely, still a fever
    ("en", "had a fever, not sure how high", True),     # unsure of something else
    ("en", "no fever", False),
    ("pt", "tive febre, não sei quanto", True),
    ("pt", "talvez febre", True),
])
def test_unsure_of_something_else_keeps_the_answer(language: str, text: str, value: bool) -> None:
    assert read(language, "fever", text) is value


# --- "mulher de 30 anos" opening a message is the writer -------------------------------------


@pytest.mark.parametrize(("language", "text", "someone_else"), [
    ("pt", "mulher de 30 anos, tive um aborto espontâneo há 3 semanas", False),
    ("pt", "homem de 45 anos com dor na anca", False),
    ("pt", "mulher, 30 anos, dor na anca", False),
    ("pt", "a mulher de 30 anos tem dor na anca", True),   # with an article: said of someone
    ("pt", "minha mulher tem 30 anos e dor na anca", True),
    ("en", "a woman of 70 fell and cant walk", True),
])
def test_a_sex_and_age_opening_the_message_are_the_writers(language: str, text: str, someone_else: bool) -> None:
    assert ENGINE.reader(language).who.for_someone_else_in(text) is someone_else


# --- the European texts carry no Brazilian asides now that pt-BR has its own ------------------


def test_european_portuguese_texts_say_112_and_cancro_alone() -> None:
    european = list(texts_of(CONTENT, "pt"))
    assert not [t for t in european if "no Brasil" in t or "(câncer)" in t]
    brazilian = list(texts_of(CONTENT, "pt-BR"))
    assert any("192" in t for t in brazilian) and any("câncer" in t for t in brazilian)


# --- an answer to "which unit?" that no unit would give asks the unit again -----------------


@pytest.mark.parametrize("reply", ["ok", "the first one", "1", "normal"])
def test_a_reply_to_which_unit_that_no_unit_gives_asks_again(reply: str) -> None:
    reader = ENGINE.reader("en")
    asked = reader.read("inflammatory_markers", "crp 45")
    assert asked.error == "which_unit" and asked.pending
    # 45 is raised in mg/L and in mg/dL: "Normal" or "Not done" contradicts it
    again = reader.read("inflammatory_markers", reply, pending=asked.pending)
    assert not again.ok and again.error == "which_unit" and again.pending == asked.pending


@pytest.mark.parametrize(("reply", "value"), [
    ("mg/l", "mildly_raised"), ("mg/dL", "markedly_raised"), ("a little raised", "mildly_raised"),
    ("don't know", None),
])
def test_a_reply_to_which_unit_that_a_unit_gives_is_taken(reply: str, value: object) -> None:
    reader = ENGINE.reader("en")
    asked = reader.read("inflammatory_markers", "crp 45")
    taken = reader.read("inflammatory_markers", reply, pending=asked.pending)
    assert taken.ok and taken.value == value
