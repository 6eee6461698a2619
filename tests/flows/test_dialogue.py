"""The conversation engine: answers, bad input, commands, red flags, change-an-answer."""

from __future__ import annotations

import pytest

from flows.assessment import assess
from flows.content import get_content
from flows.dialogue import get_engine, step
from flows.messages import UserInput
from flows.session import Session
from tests.support.conversation import Conversation, kinds

CONTENT = get_content()
ENGINE = get_engine()

DONT_KNOW = "don't know"
# Every test ticked, so that each result question is reached ("Not sure" at the tests
# question passes over the results).
ALL_TESTS = "x-ray, mri, bone scan, blood tests"


def reach(question: str, *, sex: str = "female", age: str = "34", **answers: str) -> Conversation:
    """Start a conversation and answer (with `answers`, else "don't know") until `question`."""
    conv = Conversation()
    conv.start()
    preset = {"sex": sex, "age": age, "tests_done": ALL_TESTS, **answers}
    for _ in range(40):
        if conv.state == question:
            return conv
        conv.say(preset.get(conv.state, DONT_KNOW))
    raise AssertionError(f"never reached {question}; stuck at {conv.state}")


def frozen(session: Session | None) -> str:
    """The session as it matters for the conversation: all but the count of answers in a row
    not understood (`missed`), which bad input is meant to change."""
    assert session is not None
    return session.model_dump_json(exclude={"missed"})


def test_start_greets_with_short_disclaimer_then_first_question() -> None:
    replies = Conversation().start()
    texts = " ".join(r.text for r in replies)
    assert get_content().message("short_disclaimer") in texts
    assert replies[-1].kind == "question" and replies[-1].question_id == "sex"


def test_step_never_changes_the_session_it_is_given() -> None:
    conv = reach("side")
    before = frozen(conv.session)
    new, _ = step(conv.session, UserInput.typed("left"), ENGINE)
    assert frozen(conv.session) == before
    assert new is not conv.session and new.case is not conv.session.case


@pytest.mark.parametrize("text", ["left", "banana", "/back", "/restart"])
def test_a_session_handed_over_is_stepped_in_place_with_the_same_outcome(text: str) -> None:
    conv = reach("side")
    assert conv.session is not None
    expected, expected_replies = step(conv.session, UserInput.typed(text), ENGINE)
    handed = Session.from_json(conv.session.to_json())
    new, replies = step(handed, UserInput.typed(text), ENGINE, owned=True)
    assert new is handed  # no copy: the caller said nobody else holds it
    assert frozen(new) == frozen(expected) and replies == expected_replies


@pytest.mark.parametrize(
    ("question", "bad_input"),
    [
        ("sex", "banana"),
        ("sex", "7"),
        ("side", "0"),
        ("side", "up and down"),
        ("age", "abc"),
        ("age", "250"),
        ("age", "111"),
        ("pregnancy", "43 weeks"),  # past the last week of pregnancy
        ("pregnancy", "52 weeks"),
        ("duration_weeks", "several"),
        ("duration_weeks", "for ages"),  # vague: asked for a rough number
        ("tests_done", "5,1"),  # "None of these yet" together with a test
        ("tests_done", "banana"),
        ("xray", "1,99"),
        ("xray", "1,3"),  # "not done" together with a finding
        ("mri", "banana, 3"),
        ("inflammatory_markers", "purple"),
        ("walking", "purple"),
        ("medical_history", "1,12"),  # an item together with "None of these"
        ("medical_history", "banana"),
        ("warning_signs", "2,10"),  # an item together with "None of these"
        ("joint_features", "9"),
        ("fever", "50"),  # not a body temperature
        ("fever", "30"),
        ("fever", ""),
        ("fever", "   "),
        ("fever", "y" * 5000),
        ("fever", "\x00\x1b[2J"),
        ("fever", "مرحبا"),
        ("fever", "🦴🦴"),
    ],
)
def test_bad_input_is_explained_and_reasked_with_state_unchanged(question: str, bad_input: str) -> None:
    conv = reach(question, inflammatory_markers=DONT_KNOW)
    before = frozen(conv.session)
    replies = conv.say(bad_input)
    assert kinds(replies) == ["error", "question"], [r.text for r in replies]
    assert replies[-1].question_id == question
    assert frozen(conv.session) == before


def test_error_messages_show_plain_quotes() -> None:
    replies = reach("xray").say("1,99")
    assert replies[0].text.startswith('Sorry, I did not catch "1,99"'), replies[0].text
    assert "\\" not in replies[0].text


@pytest.mark.parametrize(
    ("question", "typed", "quoted"), [("side", "\x1b[Dleft\x1b[C?", '"[Dleft[C?"'), ("xray", "2,\x1b[A9", '"2,[A9"')]
)
def test_an_answer_repeated_back_carries_no_control_characters(question: str, typed: str, quoted: str) -> None:
    # An arrow key typed without line editing arrives as an escape sequence; echoed
    # back, a terminal would act on it and move the cursor over the message.
    error = reach(question).say(typed)[0]
    assert error.kind == "error"
    assert not any(ch == "\x1b" or (ord(ch) < 32 and ch != "\n") for ch in error.text), repr(error.text)
    assert quoted in error.text, error.text


def test_photo_or_sticker_is_refused_politely() -> None:
    conv = reach("onset")
    before = frozen(conv.session)
    replies = conv.send(UserInput.unsupported())
    assert kinds(replies) == ["error", "question"]
    assert frozen(conv.session) == before


@pytest.mark.parametrize("payload", ["a:99", "t:1", "zzz", "done", "c:0", "a:-1", "a:", ""])
def test_forged_button_data_changes_nothing(payload: str) -> None:
    conv = reach("side")
    before = frozen(conv.session)
    assert conv.session is not None
    replies = conv.send(UserInput.button(conv.session.step, payload))
    assert replies[-1].question_id == "side"
    assert frozen(conv.session) == before


def test_stale_button_from_an_earlier_step_changes_nothing() -> None:
    conv = reach("side")
    old = conv.last_question()
    conv.press("Left")
    before = frozen(conv.session)
    replies = conv.send(UserInput.button(old.step, "a:1"))
    assert replies[0].kind == "notice" and replies[-1].question_id == "tests_done"
    assert frozen(conv.session) == before


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("Left", "left"), ("L", "left"), ("2", "right"), ("  BOTH  ", "both"), ("bilateral", "both"), ("?", None)],
)
def test_free_text_answers(typed: str, expected: str | None) -> None:
    conv = reach("side")
    conv.say(typed)
    assert conv.session is not None and conv.session.case.side == expected
    assert "side" in conv.session.answered and conv.state == "tests_done"


@pytest.mark.parametrize(
    ("typed", "weeks"), [("6", 6), ("10 days", 1.4), ("2 months", 8.7), ("3 weeks", 3), ("1,5", 1.5)]
)
def test_duration_with_units(typed: str, weeks: float) -> None:
    conv = reach("duration_weeks")
    conv.say(typed)
    assert conv.session is not None and conv.session.case.duration_weeks == weeks


@pytest.mark.parametrize(
    ("typed", "trimester"),
    [("24 weeks", "trimester_2"), ("week 33", "trimester_3"), ("12 weeks pregnant", "trimester_1"),
     ("13.5 wks", "trimester_1"), ("14w", "trimester_2"), ("27.9 weeks", "trimester_2"), ("28 weeks", "trimester_3"),
     ("42 weeks", "trimester_3"), ("4", "trimester_3")],  # "4" is the fourth option, not week 4
)
def test_the_week_of_pregnancy_picks_the_trimester(typed: str, trimester: str) -> None:
    conv = reach("pregnancy")
    conv.say(typed)
    assert conv.session is not None and conv.session.case.pregnancy == trimester
    # the first trimester's own warning signs (an ectopic pregnancy, a miscarriage), later the pregnancy's
    assert conv.state == ("early_pregnancy_warning_signs" if trimester == "trimester_1" else "pregnancy_warning_signs")


@pytest.mark.parametrize("typed", ["43 weeks", "52 weeks"])
def test_a_week_no_option_holds_is_refused_and_repeated_back(typed: str) -> None:
    replies = reach("pregnancy").say(typed)
    assert replies[0].kind == "error" and f'"{typed}"' in replies[0].text, replies[0].text
    assert replies[-1].question_id == "pregnancy"


def test_fortnights_are_a_unit_and_a_unit_not_known_is_asked_again() -> None:
    conv = reach("duration_weeks")
    conv.say("3 fortnights")
    assert conv.session is not None and conv.session.case.duration_weeks == 6
    conv = reach("duration_weeks")
    replies = conv.say("3 moons")  # not dropped, and not read as 3 weeks: asked again
    assert kinds(replies) == ["error", "question"] and conv.state == "duration_weeks"
    assert conv.session is not None and conv.session.case.duration_weeks is None


def test_a_negative_age_is_asked_again() -> None:
    conv = reach("age")
    replies = conv.say("-5")
    assert kinds(replies) == ["error", "question"] and conv.state == "age"


@pytest.mark.parametrize("typed", ["8", "my son is 9", "she's 11"])
def test_a_child_s_age_gets_the_children_s_advice_and_records_nothing(typed: str) -> None:
    conv = reach("age")
    replies = conv.say(typed)
    assert kinds(replies) == ["end"] and conv.state == "out_of_scope"
    assert conv.session is not None and conv.session.case.age is None
    # the children's advice, with the pregnancy's sentence only for a girl (user test en 19)
    said_with = get_content().message("out_of_scope_pregnancy")
    also = f" {said_with}" if said_with in replies[0].text else ""
    assert "/restart" in replies[0].text and get_content().message("out_of_scope", also=also) == replies[0].text


def test_days_at_the_pregnancy_question_are_not_read_as_weeks() -> None:
    conv = reach("pregnancy")
    conv.say("24 days")  # about 3 weeks: the first trimester, not week 24
    assert conv.session is not None and conv.session.case.pregnancy == "trimester_1"


@pytest.mark.parametrize(
    ("typed", "said_back"),
    [("3 days", "3 days"), ("10 days", "10 days"), ("1 week", "7 days"), ("2.5", "2.5 weeks"), ("6", "6 weeks"),
     ("2 months", "2 months"), ("8", "8 weeks"), ("10 weeks", "10 weeks"), ("a month", "1 month"),
     ("3 months", "3 months"), ("26", "6 months"), ("1 year", "12 months"),
     ("5 years", "5 years")],
)
def test_a_duration_is_said_back_in_the_unit_a_person_would_use(typed: str, said_back: str) -> None:
    conv = reach("duration_weeks")
    echo = conv.say(typed)[0]
    assert echo.kind == "answered" and echo.text.endswith(f": {said_back}"), echo.text


def test_multi_select_by_typing_and_by_toggling_buttons() -> None:
    typed = reach("xray")
    typed.say("3, 4")
    assert typed.session is not None and typed.session.case.xray == ["osteopenia", "subchondral_cortical_loss"]

    pressed = reach("xray")
    labels = [c.label for c in pressed.last_question().choices]
    pressed.press(labels[2])
    selection = pressed.press(labels[3])
    assert selection[-1].kind == "selection" and selection[-1].selected == [2, 3]
    pressed.press(labels[3])  # toggles off again
    pressed.press("Done")
    assert pressed.session is not None and pressed.session.case.xray == ["osteopenia"]


@pytest.mark.parametrize(
    ("question", "typed", "finding"),
    [("xray", "erosions", "erosions_or_destruction"), ("mri", "flattening", "femoral_head_collapse")],
)
def test_findings_added_to_the_case_format_can_be_answered(question: str, typed: str, finding: str) -> None:
    conv = reach(question)
    conv.say(typed)
    assert conv.session is not None and getattr(conv.session.case, question) == [finding]


def test_psoriasis_ibd_or_uveitis_is_asked_with_other_joints_and_counts_for_inflammatory_arthritis() -> None:
    conv = reach("joint_features")
    assert conv.session is not None and "psoriasis_ibd_or_uveitis" in get_content().questions["joint_features"].fields
    conv.say("psoriasis")
    case = conv.session.case
    assert case.psoriasis_ibd_or_uveitis is True and conv.state == "summary"
    assert (case.other_joints, case.morning_stiffness, case.prior_episode) == (False, False, False)  # not ticked
    with_feature = {r.condition: r.probability for r in assess(conv.session.case, CONTENT).ranking}
    unknown = conv.session.case.model_copy(update={"psoriasis_ibd_or_uveitis": None})
    without = {r.condition: r.probability for r in assess(unknown, CONTENT).ranking}
    assert with_feature["inflammatory_arthritis"] > 2 * without["inflammatory_arthritis"]


def test_not_done_button_submits_at_once() -> None:
    conv = reach("xray")
    conv.press("Not done")
    assert conv.session is not None and conv.session.case.xray == "not_done" and conv.state == "mri"


def test_done_with_nothing_selected_is_reasked() -> None:
    conv = reach("mri")
    before = frozen(conv.session)
    replies = conv.press("Done")
    assert kinds(replies) == ["error", "question"]
    assert frozen(conv.session) == before


def test_back_undoes_the_last_answer() -> None:
    conv = reach("tests_done")
    replies = conv.say("/back")
    assert conv.state == "side" and replies[-1].question_id == "side"
    assert conv.session is not None and conv.session.case.side is None and "side" not in conv.session.answered


def test_back_with_nothing_to_undo() -> None:
    conv = Conversation()
    conv.start()
    replies = conv.say("/back")
    assert replies[0].text == get_content().message("back_nothing") and conv.state == "sex"


def test_restart_clears_everything_and_makes_old_buttons_stale() -> None:
    conv = reach("fever")
    old_step = conv.last_question().step
    conv.say("/restart")
    assert conv.session is not None
    assert conv.state == "sex" and conv.session.answered == [] and conv.session.case.known() == {}
    assert conv.session.step > old_step
    replies = conv.send(UserInput.button(old_step, "a:0"))
    assert replies[0].kind == "notice" and conv.state == "sex"


def test_help_shows_help_and_asks_the_same_question() -> None:
    conv = reach("warning_signs")
    replies = conv.say("/help")
    assert replies[0].text == get_content().message("help") and replies[-1].question_id == "warning_signs"


def test_under_16_is_out_of_scope_without_an_assessment() -> None:
    conv = reach("age")
    replies = conv.say("15")
    assert conv.state == "out_of_scope"
    assert kinds(replies)[-1] == "end" and "summary" not in kinds(replies)
    assert [r.code for r in conv.say("yes")] == ["ended_again"]  # a line, not the end again (user test en 19)


def test_pregnancy_asked_only_where_it_applies() -> None:
    assert reach("side", sex="male").session.answered == ["sex", "age"]  # type: ignore[union-attr]
    assert reach("side", age="56").session.answered == ["sex", "age"]  # type: ignore[union-attr]
    woman = reach("side", pregnancy="postpartum")
    assert woman.session is not None and woman.session.answered[:3] == ["sex", "age", "pregnancy"]


def test_breastfeeding_is_asked_after_a_birth() -> None:
    woman = reach("side", pregnancy="postpartum", breastfeeding="yes", after_birth_warning_signs="none of these")
    assert woman.session is not None and woman.session.answered == [
        "sex", "age", "pregnancy", "breastfeeding", "after_birth_warning_signs"]


@pytest.mark.parametrize("pregnancy", ["first trimester", "second trimester", "third trimester", "postpartum"])
def test_where_the_pain_is_asked_in_pregnancy_and_after_birth(pregnancy: str) -> None:
    conv = reach("pelvic_girdle_pattern", pregnancy=pregnancy, side="left", tests_done="none yet")
    assert conv.session is not None and conv.session.answered[-1] == "tests_done"  # after the tests
    conv.say("pubic bone")
    assert conv.session.case.pelvic_girdle_pattern is True and "pelvic_girdle_pattern" in conv.session.answered
    assert conv.state != "pelvic_girdle_pattern"


@pytest.mark.parametrize("preset", [{"sex": "male"}, {"pregnancy": "not pregnant"}, {"pregnancy": DONT_KNOW},
                                    {"age": "60"}])
def test_where_the_pain_is_not_asked_otherwise(preset: dict[str, str]) -> None:
    conv = reach("onset", **preset)
    assert conv.session is not None and conv.session.answered[-1] == "white_cell_count"
    assert "pelvic_girdle_pattern" not in conv.session.skipped  # not passed over: not on this path at all
    assert conv.session.case.pelvic_girdle_pattern is None


@pytest.mark.parametrize(
    ("question", "answer", "preset"),
    [
        ("fever", "yes", {}),
        ("fever", "39.2", {}),  # a temperature of 38.0 or more
        ("walking", "cannot", {}),  # "I cannot take a few steps on that leg"
        ("walking", "cant stand on it at all", {"age": "67"}),  # fragile bone at 67: an emergency
        ("warning_signs", "fall", {"walking": "cannot"}),
        ("warning_signs", "yes i fell", {"walking": "cannot"}),
        ("warning_signs", "cancer", {}),
        ("warning_signs", "weight loss", {}),
        ("warning_signs", "hot", {}),
        ("inflammatory_markers", "very raised", {"tests_done": "bloods"}),
        ("inflammatory_markers", "CRP 180", {}),
        ("inflammatory_markers", "very raised", {}),
        ("mri", "collapse", {}),
    ],
)
def test_red_flags_interrupt_at_once_and_only_once(question: str, answer: str, preset: dict[str, str]) -> None:
    conv = reach(question, **preset)
    replies = conv.say(answer)
    assert kinds(replies)[:2] == ["answered", "warning"], kinds(replies)
    assert replies[-1].kind in ("question", "summary")
    next_replies = conv.say(DONT_KNOW)
    assert "warning" not in kinds(next_replies)


def test_red_flag_said_again_after_it_was_undone_and_answered_again() -> None:
    conv = reach("fever")
    assert "warning" in kinds(conv.say("yes"))
    conv.say("/back")
    assert "warning" in kinds(conv.say("yes"))


def full_conversation(**answers: str) -> Conversation:
    conv = reach("summary", **answers)
    return conv


def test_summary_has_every_section_and_the_disclaimer_last() -> None:
    conv = reach("joint_features")
    replies = conv.say(DONT_KNOW)
    summary = [r for r in replies if r.kind == "summary"]
    assert summary[-1].text == get_content().message("disclaimer")
    assessed = summary[0].assessed
    assert assessed is not None
    assert {row.condition for row in assessed.ranking} == set(get_content().conditions)
    assert abs(sum(row.probability for row in assessed.ranking) - 1) < 0.01
    assert assessed.triage in ("emergency", "urgent", "consultation")
    # The sections offered, by id, one for each button of the first block.
    assert len(assessed.sections) == len(summary[0].choices) and "why" in assessed.sections


def test_change_an_answer_at_the_summary_and_see_it_again() -> None:
    conv = full_conversation(sex="male", age="45")
    menu = conv.say("/change")[-1]
    assert menu.choices[0].label.startswith("Sex at birth")
    conv.say("1")
    assert conv.state == "sex"
    replies = conv.say("female")
    assert replies[-1].question_id == "pregnancy"  # newly relevant: asked before the summary returns
    replies = conv.say("third trimester")
    assert replies[-1].question_id == "pregnancy_warning_signs"  # newly relevant in pregnancy
    replies = conv.say("none of these")
    assert replies[-1].question_id == "pelvic_girdle_pattern"  # and where the pain is
    replies = conv.say("groin")
    assert replies[-1].question_id == "pain_medicines"  # and which painkillers, in pregnancy
    replies = conv.say("no")
    assert "summary" in kinds(replies) and conv.state == "summary"
    assert conv.session is not None and conv.session.case.sex == "female" and conv.session.case.age == 45


def test_changing_an_answer_drops_answers_no_longer_relevant() -> None:
    conv = full_conversation(pregnancy="postpartum", tests_done="none yet", pelvic_girdle_pattern="pubic bone")
    assert conv.session is not None and conv.session.case.pelvic_girdle_pattern is True
    labels = [c.label for c in conv.say("/change")[-1].choices]
    conv.say(str(next(i for i, label in enumerate(labels, 1) if label.startswith("Pregnancy"))))
    replies = conv.say("not pregnant")
    for _ in range(10):  # a question passed over before may matter now: asked before the summary returns
        if "summary" in kinds(replies):
            break
        replies = conv.say(DONT_KNOW)
    assert "summary" in kinds(replies) and conv.session.case.pregnancy == "not_pregnant"
    assert conv.session.case.breastfeeding is None and "breastfeeding" not in conv.session.answered
    assert conv.session.case.pelvic_girdle_pattern is None and "pelvic_girdle_pattern" not in conv.session.answered


def test_changing_the_mri_drops_the_bone_scan_answer() -> None:
    conv = full_conversation(sex="male", age="50", mri="not done", bone_scan="not done")
    assert conv.session is not None and "bone_scan" in conv.session.answered
    labels = [c.label for c in conv.say("/change")[-1].choices]
    conv.say(str(next(i for i, label in enumerate(labels, 1) if label.startswith("MRI"))))
    replies = conv.say("bone marrow oedema")
    assert "summary" in kinds(replies) and conv.session.case.mri == ["bone_marrow_oedema"]
    assert "bone_scan" not in conv.session.answered


def test_change_before_the_summary_lists_the_answers_and_cancel_returns() -> None:
    # user test en 20: /change during the questions was refused until the summary; it now
    # lists the answers so far, and Cancel leaves everything but the buttons' step as it was
    conv = reach("fever")
    assert conv.session is not None
    before = conv.session.model_copy(deep=True)
    replies = conv.say("/change")
    assert replies[-1].code == "change_choose" and conv.session.mode == "choosing_change"
    replies = conv.say("cancel")
    assert conv.state == "fever" and replies[-1].question_id == "fever"
    assert frozen(conv.session.model_copy(update={"step": before.step})) == frozen(before)
    done = full_conversation()
    done.say("/change")
    replies = done.say("cancel")
    assert "summary" in kinds(replies) and done.session is not None and done.session.mode == "asking"


def test_change_picks_an_answer_by_its_words() -> None:
    conv = full_conversation(sex="male", age="50", mri="not done", bone_scan="not done")
    conv.say("/change")
    replies = conv.say("the mri one")
    assert conv.state == "mri" and replies[-1].question_id == "mri"
    conv.say("bone marrow oedema")
    conv.say("/change")
    conv.say("walking")
    assert conv.state == "walking"


def test_change_words_naming_nothing_are_asked_again() -> None:
    conv = full_conversation(sex="male", age="50")
    conv.say("/change")
    replies = conv.say("banana")
    assert replies[0].code == "choose_one" and conv.session is not None and conv.session.mode == "choosing_change"
