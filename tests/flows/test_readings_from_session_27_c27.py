"""Session 27 (c27), blind user tests in English: an answer with "why?" after it, a clinician's
"red flags", the items a denial leaves asked said of the patient, and "fits best" only when
one cause clearly leads."""

from __future__ import annotations

import pytest

from flows.assessment import assess
from flows.case import Case
from flows.dialogue import get_engine
from flows.guidance import leads_clearly, select_guidance
from flows.messages import Reply
from tests.support.conversation import Conversation, talk

MAN_AT_THE_WARNING_SIGNS = ("male", "60", "left hip", "none", "gradually", "4 weeks", "yes with a limp", "none", "no")
PHYSIO_AT_THE_WARNING_SIGNS = ("physio here, asking about a pt of mine. 52F, L groin pain 6/52, antalgic gait",
                               "no", "xr nad", "gradual", "none", "no")


def codes(replies: list[Reply]) -> list[str]:
    return [r.code or "" for r in replies]


def last(conv: Conversation) -> list[Reply]:
    return conv.transcript[-1][1]


# --- 1. an answer, then why the question is asked ------------------------------------------------
# (user test en 27: "male why does that matter" recorded nothing and met "the summary at the end
# answers it"; "45 why do you need my age" met "type just the number with its unit")


@pytest.mark.parametrize(("before", "said", "field", "value"), [
    ((), "male why does that matter", "sex", "male"),
    ((), "male why is that important", "sex", "male"),
    ((), "female, why do you need to know?", "sex", "female"),
    ((), "male. why?", "sex", "male"),
    (("male",), "45 why do you need my age", "age", 45),
    (("male",), "45, why?", "age", 45),
    (("male", "45", "left", "none"), "gradual why does that matter", "onset", "gradual"),
])
def test_an_answer_with_why_after_it_is_kept_and_why_is_said(before: tuple[str, ...], said: str, field: str,
                                                             value: object) -> None:
    conv = talk(*before)
    question = conv.state
    replies = conv.say(said)
    assert conv.session is not None and getattr(conv.session.case, field) == value
    said_codes = codes(replies)
    assert f"why:{question}" in said_codes and "asked_back" not in said_codes
    # the answer is said back first, then why, then the next question
    assert said_codes.index(question) < said_codes.index(f"why:{question}")
    assert conv.state != question


def test_a_portuguese_answer_with_porque_after_it_is_kept_and_why_is_said() -> None:
    conv = talk(language="pt")
    replies = conv.say("masculino, porquê?")
    assert conv.session is not None and conv.session.case.sex == "male" and "why:sex" in codes(replies)


@pytest.mark.parametrize("said", ["sudden, no idea why", "sudden, not sure why", "suddenly, dont know why"])
def test_a_why_after_a_word_of_knowing_is_no_question(said: str) -> None:
    conv = talk("male", "45", "left", "none")
    replies = conv.say(said)
    assert conv.session is not None and conv.session.case.onset == "sudden"
    assert not any(c.startswith("why:") for c in codes(replies))


def test_a_why_about_the_pain_is_not_why_the_question_is_asked() -> None:
    conv = talk("male", "45", "left", "none")
    replies = conv.say("sudden. why is it so sore?")
    assert conv.session is not None and conv.session.case.onset == "sudden"
    assert "why:onset" not in codes(replies)


@pytest.mark.parametrize(("language", "said"), [("en", "no reason why"), ("en", "yes why"),
                                                ("pt", "sim porque dói muito"), ("pt", "não sei porquê"),
                                                ("pt", "caí porque escorreguei")])
def test_no_answer_is_cut_before_a_why_that_asks_nothing_of_the_question(language: str, said: str) -> None:
    assert get_engine().reader(language).answer_before_why(said) is None


# --- 2. a clinician's "red flags" are the warning signs, not a red hip -----------------------------
# (user test en 27: "no red flags" denied a hot, red or swollen hip only and asked again;
# "red flags: none" ticked it)


@pytest.mark.parametrize("said", ["no red flags", "red flags: none", "nil red flags", "no red flag symptoms",
                                  "no red-flags"])
def test_no_red_flags_is_none_of_the_warning_signs(said: str) -> None:
    conv = talk(*MAN_AT_THE_WARNING_SIGNS, said)
    assert conv.session is not None and conv.session.case.hot_swollen_joint is not True
    assert conv.state == "joint_features"


def test_no_red_flags_in_a_first_message_denies_no_red_hip() -> None:
    conv = talk("Pt 41M L hip pain 3/52, no red flags")
    assert conv.session is not None and "warning_signs" not in conv.session.denied_early


@pytest.mark.parametrize("said", ["red and swollen", "no other red flags but his hip is red and hot"])
def test_a_red_hip_is_still_a_red_hip(said: str) -> None:
    conv = talk(*MAN_AT_THE_WARNING_SIGNS, said)
    assert conv.session is not None and conv.session.case.hot_swollen_joint is True


def test_no_redness_still_denies_only_the_red_hip() -> None:
    conv = talk(*MAN_AT_THE_WARNING_SIGNS, "no redness")
    assert conv.state == "warning_signs" and codes(last(conv))[0] == "others_unanswered"


# --- 3. what a denial leaves asked is said of the patient ---------------------------------------
# (user test en 27: a physiotherapist's "no night pain, no wt loss" was said back "So not: ...
# wakes me at night; I have lost weight without trying")


@pytest.mark.parametrize("said", ["no night pain, no wt loss", "no weight loss and no night pain"])
def test_items_denied_for_someone_else_are_said_of_them(said: str) -> None:
    conv = talk(*PHYSIO_AT_THE_WARNING_SIGNS, said)
    reply = last(conv)[0]
    assert reply.code == "others_unanswered"
    assert "wakes them at night" in reply.text and "They have lost weight" in reply.text
    assert "wakes me" not in reply.text and "I have lost" not in reply.text


def test_items_denied_for_oneself_are_said_as_before() -> None:
    conv = talk(*MAN_AT_THE_WARNING_SIGNS, "no night pain, no weight loss")
    reply = last(conv)[0]
    assert reply.code == "others_unanswered" and "wakes me at night" in reply.text


# --- 4. "fits best" only when the leading cause leads clearly --------------------------------------
# (user test en 27: a man of 45 with sudden pain after a half marathon was told the picture
# "fits best with transient thinning of the hip bone" at 47%, beside a break at 45%)

RUNNER = ("hey. 45 yo guy, did a half marathon sunday and now my right hip hurts like hell", "nope nothing yet",
          "suddenly, felt it at km 18 and had to walk the rest", "3 days", "i can walk but limping pretty bad",
          "none really, a few beers at the weekend", "took some ibuprofen yeah", "no", "just the running", "no")


def _care_shown(case: Case) -> tuple[set[str], bool]:
    content = get_engine().content
    assessment = assess(case, content)
    ids = {item.id for _, items in select_guidance(case, assessment, content) for item in items}
    return ids, leads_clearly(assessment, content)


def _runner_case(**changes: object) -> Case:
    conv = talk(*RUNNER)
    assert conv.session is not None and conv.state == "summary"
    return conv.session.case.model_copy(update=changes)


def test_a_close_lead_is_a_leading_possibility_not_the_best_fit() -> None:
    ids, clear = _care_shown(_runner_case())
    assert not clear and "care_itoh_close" in ids and "care_itoh" not in ids
    conv = talk(*RUNNER, "2")
    said = " ".join(r.text for r in last(conv))
    assert "fits best" not in said and "another cause fits almost as well" in said


def test_a_clear_lead_still_fits_best() -> None:
    # the same man with an MRI showing swelling in the bone: it leads clearly
    ids, clear = _care_shown(_runner_case(mri=["bone_marrow_oedema"]))
    assert clear and "care_itoh_after_mri" in ids and "care_itoh_after_mri_close" not in ids


def test_after_an_mri_a_close_lead_is_said_so_too() -> None:
    ids, clear = _care_shown(_runner_case(mri=["bone_marrow_oedema"], glucocorticoids=True))
    assert not clear and "care_itoh_after_mri_close" in ids and "care_itoh_after_mri" not in ids


def test_the_pregnant_woman_at_32_weeks_still_gets_fits_best() -> None:
    conv = talk("hi its 2am and my hip is killing me, im 32 weeks pregnant", "29", "no", "left one", "none",
                "deep in the groin i think", "it kind of crept up over a couple weeks", "yeah its worse when i walk",
                "none", "no just paracetamol", "no", "not really", "no")
    assert conv.session is not None and conv.state == "summary"
    ids, clear = _care_shown(conv.session.case)
    assert clear and "care_itoh" in ids and "care_itoh_close" not in ids


@pytest.mark.parametrize("language", ["pt", "pt-BR"])
def test_the_close_lead_is_worded_in_portuguese(language: str) -> None:
    content = get_engine().content
    item = next(i for i, *_ in content.guidance_items if i.id == "care_itoh_close")
    text = content.text(item.text, language)
    assert "hipóteses principais" in text and ("quadril" in text) == (language == "pt-BR")


def test_at_the_emergency_level_a_clear_lead_is_still_the_most_likely_cause() -> None:
    case = _runner_case(unable_to_bear_weight=True, weight_bearing_pain=False, repetitive_loading=False,
                        glucocorticoids=True, mri=["bone_marrow_oedema"])
    ids, clear = _care_shown(case)
    assert clear and "care_itoh_emergency" in ids and "care_itoh_emergency_close" not in ids


# --- 5. "she" in a sentence about something else is no sex typed again ---------------------------
# (user test en 27: a daughter's "she can walk but shes limping" and "idk, she cant tell us" at
# how the pain started met "I have that already (Sex at birth: Female)")

MUM_AT_HOW_IT_STARTED = ("hi im asking for my mum, shes 84 and has dementia. shes been limping for a week",
                         "right i think", "no nothing")


@pytest.mark.parametrize("said", ["she can walk but shes limping and wincing", "she", "her hip is just sore",
                                  "he keeps limping"])
def test_a_pronoun_alone_is_no_answer_typed_again(said: str) -> None:
    conv = talk(*MUM_AT_HOW_IT_STARTED)
    assert conv.state == "onset"
    replies = conv.say(said)
    assert "already_noted" not in codes(replies) and conv.state == "onset"


@pytest.mark.parametrize("said", ["female obviously", "shes a woman", "woman"])
def test_the_sex_said_again_in_words_is_still_noted(said: str) -> None:
    conv = talk(*MUM_AT_HOW_IT_STARTED)
    replies = conv.say(said)
    assert codes(replies)[0] == "already_noted" and conv.state == "onset"


# --- 6. not knowing, and why: "dont know, she cant say" -------------------------------------------
# (user test en 27: a daughter answering for her mother with dementia was asked again, and
# "she cant say" at the walking question was read as cannot bear weight, a warning sign)


@pytest.mark.parametrize(("language", "said"), [("en", "dont know, she cant say"), ("en", "idk, she cant tell us"),
                                                ("en", "not sure, he doesnt remember"),
                                                ("pt", "não sei, ela não sabe dizer")])
def test_dont_know_with_why_it_is_not_known_is_dont_know(language: str, said: str) -> None:
    parsed = get_engine().reader(language).read("onset", said)
    assert parsed.ok and parsed.value is None


@pytest.mark.parametrize(("language", "said"), [("en", "not sure, she cant walk on it"),
                                                ("en", "dont know, she has a fever"),
                                                ("pt", "não sei, ela não consegue andar")])
def test_dont_know_with_something_else_said_is_asked_again(language: str, said: str) -> None:
    assert not get_engine().reader(language).read("onset", said).ok


@pytest.mark.parametrize("said", ["she cant say", "cant say", "i can't tell", "she can't remember"])
def test_cant_say_is_no_cannot_walk(said: str) -> None:
    assert get_engine().reader("en").read("walking", said).value != "cannot"


@pytest.mark.parametrize("said", ["she cant walk", "cant", "cant put weight on it", "she can't walk, can't say more"])
def test_cant_walk_is_still_cannot_walk(said: str) -> None:
    assert get_engine().reader("en").read("walking", said).value == "cannot"


@pytest.mark.parametrize("said", ["she cant say if she fell", "she cant tell us if she fell"])
def test_not_knowing_whether_she_fell_is_no_fall(said: str) -> None:
    assert get_engine().reader("en").read("warning_signs", said).value != ["trauma"]


# --- 7. an answer taken back in the same message ----------------------------------------------
# (user test en 27: "no not pregnant. well actually i might be, my period is late" was recorded
# "Not pregnant", and "no, actually yes" at the fever question no fever)


@pytest.mark.parametrize(("language", "question", "said"), [
    ("en", "pregnancy", "no not pregnant. well actually i might be, my period is late"),
    ("en", "pregnancy", "no, actually not sure"),
    ("en", "pregnancy", "no. actually maybe"),
    ("en", "side", "left, actually not sure"),
    ("pt", "pregnancy", "não, afinal não sei"),
])
def test_an_answer_taken_back_by_not_knowing_is_dont_know(language: str, question: str, said: str) -> None:
    parsed = get_engine().reader(language).read(question, said)
    assert parsed.ok and parsed.value is None


@pytest.mark.parametrize(("question", "said", "value"), [
    ("pregnancy", "not pregnant, i think", "not_pregnant"),
    ("pregnancy", "no, actually i had a baby 3 months ago", "postpartum"),
    ("side", "left... actually no wait, right", "right"),
    ("fever", "no actually", False),
])
def test_an_answer_not_taken_back_stands(question: str, said: str, value: object) -> None:
    assert get_engine().reader("en").read(question, said).value == value


@pytest.mark.parametrize(("language", "said", "value"), [
    ("en", "no, actually yes", True), ("en", "no... actually yes i did", True), ("en", "yes, actually no", False),
    ("en", "no wait, yes", True), ("pt", "não, afinal sim", True),
])
def test_a_yes_or_no_corrected_in_the_same_message_is_the_last(language: str, said: str, value: bool) -> None:
    assert get_engine().reader(language).read("fever", said).value is value


def test_a_woman_who_might_be_pregnant_is_not_recorded_as_not_pregnant() -> None:
    conv = talk("f 38", "no not pregnant. well actually i might be, my period is late")
    assert conv.session is not None and conv.session.case.pregnancy is None and conv.state != "pregnancy"


def test_a_yes_and_a_no_before_the_correction_are_still_asked() -> None:
    parsed = get_engine().reader("pt").read("breastfeeding", "sim, não, quer dizer, não")
    assert not parsed.ok and parsed.clarify
