"""Session 29 (a29), blind user tests in English: slips in a first message read in passing
("pregnat 31 weeks", "im 92 an my hip hurts"), a date said loosely ("since mid November"),
weeks glued to their number ("F 20w pregnant") and "34 w" read once, blood tests said done in
passing ("bloods were fine"), and an age after the sex whatever follows ("male 50 on pred")."""

from __future__ import annotations

from datetime import date

import pytest

from flows.dialogue import get_engine
from flows.messages import UserInput
from tests.support.conversation import Conversation, talk

A_FRIDAY = date(2026, 12, 4)


def case_of(conv: Conversation):  # type: ignore[no-untyped-def]
    assert conv.session is not None
    return conv.session.case


def held(conv: Conversation) -> tuple[dict[str, str], dict[str, list[int]]]:
    assert conv.session is not None
    return conv.session.held_numbers, conv.session.noted


# --- 1. slips in a first message ------------------------------------------------------------------


@pytest.mark.parametrize(("first", "trimester"), [
    ("pregnat 31 weeks", "trimester_3"),
    ("pregnat 31 weeks and my left hip is killing me", "trimester_3"),
    ("im pregant, 20 weeks, left hip", "trimester_2"),
    ("prengant 20 weeks, hip pain", "trimester_2"),
])
def test_a_slip_of_pregnant_in_a_first_message_holds_the_weeks(first: str, trimester: str) -> None:
    conv = talk(first, "31")
    assert case_of(conv).pregnancy == trimester
    assert conv.state != "pregnancy"  # taken when its turn came, not asked


@pytest.mark.parametrize("said", ["i stepped off a kerb", "progress 31 weeks", "im 45 an mri showed bmo",
                                  "had an it band issue"])
def test_real_words_are_not_mended(said: str) -> None:
    reader = get_engine().reader("en")
    assert reader._joiners_mended(reader._long_names_mended(said)) == said


def test_a_word_changed_by_a_letter_is_no_pregnancy() -> None:
    assert get_engine().reader("en").mentions("pregnancy", "progress 31 weeks") == []


@pytest.mark.parametrize(("first", "age"), [
    ("im 92 an my hip hurts", 92),
    ("im 92 an i fell", 92),
    ("my mum is 88 an her hip is sore", 88),
    ("shes 88 an her hip is sore", 88),
])
def test_an_age_before_a_slip_of_and_is_heard(first: str, age: int) -> None:
    conv = talk(first, "female", "no", "left")
    assert case_of(conv).age == age


def test_an_article_before_a_word_keeps_the_age_unheard() -> None:
    # "im 45 an mri...": no "and", so 45 ties to nothing said plainly; asked, not guessed
    assert get_engine().reader("en").heard_number("age", "im 45 an mri showed bmo", "sex") is None


# --- 2. a date said loosely -----------------------------------------------------------------------


@pytest.mark.parametrize(("language", "said", "weeks"), [
    ("en", "since mid November", 2.7),  # 15 November to Friday 4 December
    ("en", "hip pain since mid nov", 2.7),
    ("en", "since the middle of november", 2.7),
    ("en", "mid november", 2.7),  # the date alone, as the answer
    ("en", "since late october", 5.9),  # from the 24th
    ("en", "since the end of october", 5.9),
    ("en", "november", 4.7),
    ("en", "last monday", 0.6),
    ("pt", "desde meados de novembro", 2.7),
    ("pt", "meados de novembro", 2.7),
    ("pt", "desde finais de outubro", 5.9),
    ("pt-BR", "desde o final de outubro", 5.9),
])
def test_a_part_of_a_month_counts_from_its_day(language: str, said: str, weeks: float) -> None:
    read = get_engine().reader(language).read("duration_weeks", said, today=A_FRIDAY)
    assert read.ok and read.value == weeks


@pytest.mark.parametrize("said", ["monday", "weekend", "since mid 2025", "since late", "mid"])
def test_no_month_no_date(said: str) -> None:
    read = get_engine().reader("en").read("duration_weeks", said, today=A_FRIDAY)
    assert read.value is None


def test_a_notes_fraction_alone_is_no_date() -> None:
    read = get_engine().reader("en").read("duration_weeks", "2/12", today=A_FRIDAY)
    assert read.value == 8.7  # a note's two months, no 2 December


def test_a_loose_date_in_a_first_message_is_how_long() -> None:
    conv = talk()
    for said in ("hip pain since mid November", "female", "45", "no", "left", "none", "groin", "gradually"):
        conv.send(UserInput.typed(said).model_copy(update={"sent_on": A_FRIDAY}))
    assert case_of(conv).duration_weeks == 2.7  # taken from the first message, not asked


# --- 3. weeks glued to their number, and "34 w" read once -----------------------------------------


@pytest.mark.parametrize(("first", "trimester", "age"), [
    ("F 20w pregnant", "trimester_2", None),
    ("F 32, 20w pregnant, L hip pain", "trimester_2", 32),
    ("hi its 2am cant sleep, pregnant 34 w and my right hip hurts so much", "trimester_3", None),
    ("34 w", "trimester_3", None),
])
def test_weeks_with_their_letter_are_the_pregnancys_only(first: str, trimester: str, age: int | None) -> None:
    conv = talk(first)
    assert case_of(conv).age == age
    if age is None:
        assert conv.state == "age"  # asked, not taken from the weeks
    conv.say("30")
    assert case_of(conv).pregnancy == trimester


@pytest.mark.parametrize(("said", "age"), [("34 f pregnant", 34), ("w, 34", 34), ("w 34", 34),
                                           ("not pregnant, 34 w", 34), ("34 F", 34)])
def test_an_age_with_its_letter_is_still_an_age(said: str, age: int) -> None:
    read = get_engine().reader("en").answered_ahead("age", said, "sex")
    assert read is not None and read.value == age


# --- 4. blood tests said done in passing ----------------------------------------------------------


@pytest.mark.parametrize(("answers", "language"), [
    (("female 45, bloods were fine", "not pregnant", "left"), "en"),
    (("female 45, bloods came back normal", "not pregnant", "left"), "en"),
    (("female 45 hip pain, gp did bloods, all fine", "not pregnant", "left"), "en"),
    (("mulher de 45 anos, as análises estavam bem", "não", "esquerda"), "pt"),
])
def test_bloods_said_in_passing_are_ticked(answers: tuple[str, ...], language: str) -> None:
    conv = talk(*answers, language=language)
    assert conv.state == "tests_done"
    assert conv.session is not None and conv.session.noted.get("tests_done") == [3]
    # ...and their markers are still asked (session 24: routine bloods often hold no CRP)
    assert case_of(conv).inflammatory_markers is None and case_of(conv).white_cell_count is None


@pytest.mark.parametrize("first", ["female 45, no bloods yet", "female 45, no blood tests yet",
                                   "female 45, bloods booked", "female 45, bloods booked for next week"])
def test_bloods_not_done_are_not_ticked(first: str) -> None:
    conv = talk(first, "not pregnant", "left")
    assert conv.state == "tests_done"
    assert conv.session is not None and not conv.session.noted.get("tests_done")


def test_no_blood_tests_denies_the_item() -> None:
    assert get_engine().reader("en").mentions("tests_done", "no blood tests yet") == []


# --- 5. an age after the sex, whatever follows ----------------------------------------------------


@pytest.mark.parametrize(("said", "age"), [
    ("male 50 on prednisolone for 6 months, left hip pain", 50), ("M 50 on steroids", 50),
    ("female 62 since a fall hip pain", 62), ("man 50 had a fall", 50),
])
def test_an_age_after_the_sex_at_the_head_is_taken(said: str, age: int) -> None:
    read = get_engine().reader("en").answered_ahead("age", said, "sex")
    assert read is not None and read.value == age


@pytest.mark.parametrize("said", ["female 20 weeks pregnant", "male 2 weeks pain", "female 39 fever", "F 3 kids",
                                  "male 38 degrees fever"])
def test_a_number_with_another_unit_after_the_sex_is_no_age(said: str) -> None:
    assert get_engine().reader("en").answered_ahead("age", said, "sex") is None


# --- 6. a clinician's note with the sex and the age apart ---------------------------------------


@pytest.mark.parametrize("note", ["F 34, G2P1, 32/40, R hip pain 3/52, NWB, CRP 12, MRI BME fem head",
                                  "M 52, L hip pain 6/52, ?AVN", "34 F, R groin pain 2/12"])
def test_a_notes_sex_and_age_apart_say_a_clinician_writes(note: str) -> None:
    assert get_engine().reader("en").asks_as_a_clinician(note)
    conv = talk(note)
    assert conv.session is not None and conv.session.for_someone_else


@pytest.mark.parametrize("said", ["F 34, hip pain for 3 weeks", "22 F, marathon training, groin pain 3 wks",
                                  "F 34", "walked 10 m, hip pain 3/52"])
def test_the_writers_own_sex_and_age_are_no_note(said: str) -> None:
    assert not get_engine().reader("en").asks_as_a_clinician(said)


# --- 7. a note's duration alone in its clause ----------------------------------------------------


@pytest.mark.parametrize(("note", "heard"), [
    ("physio here, planning rehab for 45M with ITOH R hip, MRI confirmed BMO, 8/52", "8 week"),
    ("MRI confirmed BMO, 8/52", "8 week"),
    ("R hip pain, 6/52", "6 week"),
])
def test_a_notes_fraction_alone_in_its_clause_is_how_long(note: str, heard: str) -> None:
    assert get_engine().reader("en").heard_number("duration_weeks", note, "sex") == heard


@pytest.mark.parametrize("note", ["F 34, G2P1, 32/40", "bp 120/80, hip pain"])
def test_a_gestation_or_a_pressure_alone_is_no_duration(note: str) -> None:
    assert get_engine().reader("en").heard_number("duration_weeks", note, "sex") is None


# --- 8. a break is not "very likely" before any scan ---------------------------------------------


def _fracture_line(**answers: object) -> str:
    from flows.assessment import assess
    from flows.case import Case
    from flows.content import get_content
    from flows.summary import cause_line

    content = get_content()
    case = Case(**{"sex": "female", "age": 84, "trauma": True, "known_osteoporosis": True,
                   "weight_bearing_pain": True, **answers})  # type: ignore[arg-type]
    assessment = assess(case, content)
    ranked = next(r for r in assessment.ranking if r.condition == "fracture")
    assert ranked.probability >= content.evidence.unconfirmed_said_from
    return cause_line(content, ranked, "en", assessment)


def test_a_break_before_any_scan_is_the_most_likely_so_far() -> None:
    line = _fracture_line()  # a woman of 84 with thin bones, after a fall, no scan yet
    assert "very likely" not in line and "only a scan can confirm it" in line
    assert "only a scan can confirm it" in _fracture_line(xray="not_done", mri="not_done")


def test_a_break_seen_on_a_scan_needs_no_confirming() -> None:
    assert "can confirm it" not in _fracture_line(xray=["fracture_line"])


@pytest.mark.parametrize("said", ["temp 38.5c last night", "F 20w pregnant"])
def test_a_decimal_keeps_its_glued_unit_and_weeks_are_split(said: str) -> None:
    words = get_engine().reader("en")._number_words(said, units={"c", "w"})
    assert ("38.5" in words) if "38.5" in said else (words[1:3] == ["20", "w"])


# --- 9. a month "last year" ---------------------------------------------------------------------


@pytest.mark.parametrize(("language", "said", "weeks"), [
    ("en", "since november last year", 56.9),  # 1 November 2025, not this November
    ("en", "since mid november last year", 54.9),
    ("en", "november last year", 56.9),
    ("pt", "desde novembro do ano passado", 56.9),
    ("en", "since november", 4.7),  # near miss: with no "last year", this November
    ("en", "since christmas last year", 49.1),  # the last Christmas is last year's already
])
def test_a_month_last_year_counts_from_the_year_before(language: str, said: str, weeks: float) -> None:
    read = get_engine().reader(language).read("duration_weeks", said, today=A_FRIDAY)
    assert read.ok and read.value == weeks


def test_last_year_alone_is_still_too_rough() -> None:
    assert get_engine().reader("en").read("duration_weeks", "since last year", today=A_FRIDAY).value is None


# --- 10. a note's "worse WB" ---------------------------------------------------------------------


@pytest.mark.parametrize("said", ["45M, L groin pain 6/52, worse WB, no trauma, on pred for PMR, XR NAD",
                                  "52F R hip pain 3/52, pain on WB"])
def test_a_notes_weight_bearing_pain_is_heard(said: str) -> None:
    conv = talk(said)
    assert conv.session is not None and conv.session.noted.get("walking") == [1]


@pytest.mark.parametrize("said", ["FWB, no pain", "wb fine"])
def test_weight_bearing_alone_is_no_pain(said: str) -> None:
    assert get_engine().reader("en").mentions("walking", said) == []


# --- 11. the pain's start tied to a fall ---------------------------------------------------------


@pytest.mark.parametrize(("language", "said"), [
    ("en", "straight after the fall"), ("en", "when i fell"), ("en", "since the fall"), ("en", "when she fell"),
    ("pt", "desde a queda"), ("pt", "logo depois da queda"),
])
def test_pain_since_a_fall_began_suddenly(language: str, said: str) -> None:
    assert get_engine().reader(language).read("onset", said).value == "sudden"


@pytest.mark.parametrize("said", ["a few weeks after the fall, slowly", "gradually, weeks after the fall"])
def test_pain_weeks_after_a_fall_is_still_gradual(said: str) -> None:
    assert get_engine().reader("en").read("onset", said).value == "gradual"


def test_a_fall_named_in_passing_says_nothing_of_the_onset() -> None:
    # "when i fell" in an answer to another question may be another injury's
    assert get_engine().reader("en").mentions("onset", "i hurt my wrist when i fell") == []
