"""Results said before they are asked: "XR NAD, MRI: BMO femoral head, small effusion" in a
first message. Each finding goes to the test it is said about (flows/said_about.py), is
held for that test's question and taken there, and ticks the test in the tests checklist;
a test booked, wanted, denied or of another place gives nothing, and the question asks."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from flows.said_about import find_mentions, share_out
from tests.support.conversation import Conversation

ENGINE = get_engine()
EN = ENGINE.reader("en")
PT = ENGINE.reader("pt")


def talk(*answers: str) -> Conversation:
    conv = Conversation()
    conv.start()
    conv.say(*answers)
    return conv


# sharing the words out -------------------------------------------------------------------


def test_each_clause_goes_to_the_test_it_names_and_clauses_naming_none_to_the_last_named() -> None:
    words = ["xr", "nad", ",", "mri", ":", "bmo", "femoral", "head", "+", "small", "effusion"]
    names = {("xr",): ("xray",), ("mri",): ("mri",)}
    shares = {s.mention.tests: s for s in share_out(words, find_mentions(words, names))}
    assert [words[p] for p in shares[("xray",)].own] == ["nad"]
    assert [[words[p] for p in part] for part in shares[("mri",)].after] == [
        ["bmo", "femoral", "head", "+", "small", "effusion"]]


def test_words_before_the_first_test_named_in_a_clause_are_its_and_a_question_is_nobodys() -> None:
    words = ["normal", "xray", "and", "mri", "shows", "bmo", ".", "is", "this", "normal", "?"]
    names = {("xray",): ("xray",), ("mri",): ("mri",)}
    shares = {s.mention.tests: s for s in share_out(words, find_mentions(words, names))}
    assert [words[p] for p in shares[("xray",)].own] == ["normal", "and"]
    assert [words[p] for p in shares[("mri",)].own] == ["shows", "bmo"]
    assert shares[("mri",)].after == []  # "is this normal?" asks: it is said of no test


# what the reader hears -------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "xray", "mri"), [
    ("XR NAD, MRI: BMO femoral head + small effusion. ?TOH", [["normal"]], [["bone_marrow_oedema", "joint_effusion"]]),
    ("the x-ray was fine but the MRI showed bone marrow oedema", [["normal"]], [["bone_marrow_oedema"]]),
    ("XR L hip: loss of the subchondral cortical line, otherwise unremarkable", [["subchondral_cortical_loss"]], []),
    ("The X-ray showed a 'lucent area' in the top of the femur", [["lytic_or_sclerotic_lesion"]], []),
    ("x-ray normal, ultrasound showed fluid", [["normal"]], []),  # the fluid is the ultrasound's
])
def test_findings_said_of_a_test_are_heard_for_its_question(typed: str, xray: list[list[str]],
                                                           mri: list[list[str]]) -> None:
    assert EN.heard_findings("xray", typed) == xray
    assert EN.heard_findings("mri", typed) == mri


@pytest.mark.parametrize("typed", [
    "x-ray to rule out a fracture",  # done to rule something out: no result
    "MRI booked for next week, x-ray pending",
    "my knee MRI last year was normal",  # another place
    "they wont do an xray cos of the baby. is this just normal pregnancy stuff??",  # not done; a question
    "did the x-ray show a fracture?",
    "GP thinks it's TOH on the MRI",  # a diagnosis, not a finding
    "no mri yet",  # "Not done" is the tests question's to ask
])
def test_nothing_is_heard_from_a_test_not_done_wanted_asked_about_or_of_another_place(typed: str) -> None:
    assert EN.heard_findings("xray", typed) == [] and EN.heard_findings("mri", typed) == []


def test_portuguese_shorthand_and_a_double_negative_are_read() -> None:
    typed = "H 45A, coxalgia dta. RX anca s/ alt. RM: edema ósseo cabeça e colo fémur + derrame articular ligeiro."
    assert PT.heard_findings("xray", typed) == [["normal"]]
    assert PT.heard_findings("mri", typed) == [["bone_marrow_oedema", "joint_effusion"]]
    assert PT.heard_findings("xray", "fez RX e disseram que não tinha nada partido") == [["normal"]]
    assert PT.heard_findings("mri", "há dois anos fiz ressonância ao joelho e estava tudo bem") == []


# the conversation -------------------------------------------------------------------------


def test_results_in_a_first_message_tick_their_tests_and_are_taken_when_their_questions_come() -> None:
    conv = talk("male 52, XR NAD, MRI: BMO femoral head, small effusion", "left")
    assert conv.state == "tests_done"
    assert conv.last_question().selected == [0, 1]  # X-ray and MRI show ticked
    replies = conv.say("done")  # typed instead of pressing Done: the selection is the answer
    session = conv.session
    assert session is not None and session.case.xray == ["normal"]
    assert session.case.mri == ["bone_marrow_oedema", "joint_effusion"]
    taken = [r for r in replies if r.kind == "answered" and r.code in ("xray", "mri")]
    assert len(taken) == 2 and all("from what you wrote earlier" in r.text for r in taken)
    assert conv.state not in ("xray", "mri", "bone_scan")


def test_a_test_said_two_ways_is_asked_about() -> None:
    conv = talk("male 52, x-ray was normal", "left, oh and the x-ray showed a fracture line actually")
    assert conv.session is not None
    conv.say("x-ray")
    assert conv.state == "xray" and conv.session.case.xray is None  # asked, not guessed


def test_blood_tests_said_normal_are_no_normal_markers() -> None:
    # Changed in session 24 (user test pt 23b): "bloods came back normal" had recorded a normal
    # CRP and white count; routine bloods often hold no CRP, and a normal CRP lowers infection.
    # The marker questions are asked instead.
    conv = talk("female 45, bloods came back normal", "not pregnant", "left", "blood tests", "done")
    assert conv.session is not None
    assert conv.session.case.inflammatory_markers is None and conv.session.case.white_cell_count is None
    assert conv.state == "inflammatory_markers"


def test_done_typed_with_nothing_selected_asks_again() -> None:
    conv = talk("female 45", "not pregnant", "left")
    replies = conv.say("done")
    assert conv.state == "tests_done" and replies[0].code == "nothing_selected"


# numbers and words of other tests and people ---------------------------------------------


@pytest.mark.parametrize(("typed", "count"), [("CRP 12, WCC 8.1", "normal"), ("crp 12 wcc 8.1", "normal"),
                                              ("wcc 8.1, crp 12", "normal"), ("WCC 12", "raised")])
def test_a_number_after_another_tests_name_is_not_this_tests(typed: str, count: str) -> None:
    assert EN.read("white_cell_count", typed).value == count


def test_a_time_after_a_tests_name_is_no_value_of_it() -> None:
    assert EN.mentions("inflammatory_markers", "My mum had a high CRP last month but that was for her chest") == []


@pytest.mark.parametrize(("typed", "value"), [("nothing broken", ["normal"]), ("said nothing was broken", ["normal"]),
                                              ("nothing abnormal", ["normal"])])
def test_nothing_before_a_finding_denies_it(typed: str, value: list[str]) -> None:
    assert EN.read("xray", typed).value == value


@pytest.mark.parametrize(("typed", "sex"), [
    ("the doctor said he thinks its just sciatica, my left hip hurts", None),  # "he" is the doctor
    ("my GP says she thinks it is arthritis", None),
    ("she fell and cant walk", "female"), ("he is 70 and cant walk", "male"),
    ("Asking for my neighbour, she's in her 80s", "female"),  # written for her
])
def test_he_or_she_names_the_sex_only_when_the_writer_is_not_speaking_of_themselves(typed: str,
                                                                                     sex: str | None) -> None:
    assert EN.read("sex", typed).value == sex
    assert PT.read("sex", "o médico disse que ele acha que é ciática, dói-me a anca").value is None
    assert PT.read("sex", "ela caiu").value == "female"


def test_both_after_two_tests_is_said_of_each() -> None:
    typed = "X-ray and MRI, both normal"
    assert EN.heard_findings("xray", typed) == [["normal"]]
    assert EN.heard_findings("mri", typed) == [["normal"]]
    conv = talk("male 47", "left")
    replies = conv.say(typed)
    session = conv.session
    assert session is not None and session.case.xray == ["normal"] and session.case.mri == ["normal"]
    assert not [r for r in replies if r.code == "unread_part"]  # "both normal" was read: not said back as unread


def test_an_answer_said_earlier_is_kept_even_for_a_question_that_would_be_passed_over() -> None:
    conv = talk("I had breast cancer 5 years ago. Now my right hip has hurt for about 2 months, worse at night.",
                "female", "58", "x-ray", "normal", "dont know")
    session = conv.session
    assert session is not None and session.case.duration_weeks == pytest.approx(8.7, abs=0.1)
    assert "duration_weeks" not in session.skipped
    assert "breastfeeding" not in session.noted  # "worse at night" is the pain's, not a night feed


def test_at_night_still_answers_the_breastfeeding_question() -> None:
    assert EN.read("breastfeeding", "only at night").value is True
    assert PT.read("breastfeeding", "só à noite").value is True
    assert EN.mentions("breastfeeding", "my hip is worse at night") == []
