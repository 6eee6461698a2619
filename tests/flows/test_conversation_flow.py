"""A conversation people finish (issue 16): results first, questions that cannot matter passed
over, danger stops the questions, every question explains itself, a change says what it did."""

from __future__ import annotations

import pytest

from flows.case import Case
from flows.content import get_content
from flows.dialogue import get_engine
from flows.lookahead import could_matter
from flows.messages import UserInput
from tests.support.conversation import Conversation

CONTENT = get_content()


def talk(*answers: str) -> Conversation:
    conv = Conversation()
    conv.start()
    conv.say(*answers)
    return conv


def asked(conv: Conversation) -> list[str]:
    return [r.question_id for _, replies in conv.transcript for r in replies
            if r.kind == "question" and r.question_id is not None]


# results first, only the tests done ------------------------------------------------------


def test_no_tests_yet_means_no_scan_or_blood_questions() -> None:
    conv = talk("male", "48", "left", "none yet")
    assert conv.state == "onset"
    case = conv.session.case  # type: ignore[union-attr]
    assert (case.xray, case.mri, case.bone_scan, case.inflammatory_markers, case.white_cell_count) == (
        "not_done", "not_done", "not_done", "not_done", "not_done")


def test_a_person_with_an_mri_report_gives_it_before_anything_else() -> None:
    conv = talk("male", "48", "left", "mri")
    assert conv.state == "mri"
    conv.say("bone marrow oedema and a small effusion")
    assert conv.session.case.mri == ["bone_marrow_oedema", "joint_effusion"]  # type: ignore[union-attr]
    assert conv.session.case.xray == "not_done"  # type: ignore[union-attr]
    assert "bone_scan" not in asked(conv)  # the MRI answers the imaging question


def test_blood_tests_ask_for_crp_and_white_cells() -> None:
    conv = talk("male", "48", "left", "bloods")
    assert conv.state == "inflammatory_markers"
    conv.say("CRP 180")
    assert conv.session.case.inflammatory_markers == "markedly_raised"  # type: ignore[union-attr]


# the look-ahead --------------------------------------------------------------------------


def test_a_question_no_answer_of_which_changes_anything_is_passed_over_and_said() -> None:
    conv = talk("male", "48", "left", "xray, mri, bloods", "osteopenia, subchondral cortical loss",
                "bone marrow oedema, effusion", "normal", "normal")
    skipped = conv.session.skipped  # type: ignore[union-attr]
    assert skipped, "with MRI and bloods known, some question cannot change anything"
    for state in skipped:
        assert state not in get_engine().machine.always_ask
    while conv.state != "summary":
        conv.say("none" if CONTENT.questions[get_engine().machine.question_of[conv.state]].several else "don't know")
    # The note on the questions passed over is in the section "Why these causes", offered
    # under the summary's first block (issue 17).
    first = next(r for r in conv.transcript[-1][1] if r.kind == "summary" and r.code == "first")
    why_title = CONTENT.text(next(s for s in CONTENT.guidance.summary_sections if s.id == "why").title)
    pressed = next(c for c in first.choices if c.label == why_title)
    [why] = conv.send(UserInput.button(first.step, pressed.payload))
    assert why.code == "why"
    short = CONTENT.text(CONTENT.questions[skipped[0]].short)
    assert CONTENT.message("skipped_note", questions=short).split(short)[0] in why.text
    assert short in why.text


def test_the_questions_the_product_is_defined_by_are_always_asked() -> None:
    machine = get_engine().machine
    # trauma is asked with the warning signs; steroid use with the medical history
    for state in ("age", "pregnancy", "warning_signs", "medical_history", "fever", "tests_done", "xray", "mri",
                  "bone_scan", "inflammatory_markers", "white_cell_count"):
        assert state in machine.always_ask


def test_could_matter_sees_a_red_flag_answer() -> None:
    question = CONTENT.questions["warning_signs"]
    assert could_matter(question, Case(sex="male", age=48), CONTENT)  # "hot, swollen" is an emergency


# danger stops the questions --------------------------------------------------------------


def test_after_an_emergency_warning_what_to_do_now_is_one_reply_away() -> None:
    conv = talk("male", "48", "left", "none yet", "sudden", "2 days", "worse", "none")
    assert conv.state == "fever"
    replies = conv.say("39.2")
    assert [r.kind for r in replies][-1] == "question" and replies[-1].code == "danger_offer"
    assert any(r.kind == "warning" and r.code == "fever" for r in replies)
    now = conv.press(CONTENT.message("see_what_to_do_now"))
    emergency = [r for r in now if r.kind == "summary"]
    assert emergency and emergency[0].code == "emergency"
    assert CONTENT.text(CONTENT.triage.levels["emergency"].label) in emergency[0].text
    assert CONTENT.message("disclaimer") in emergency[0].text
    assert now[-1].kind == "question" and now[-1].question_id == "warning_signs"  # carry on if able


def test_carry_on_answering_goes_back_to_the_questions() -> None:
    conv = talk("male", "48", "left", "none yet", "sudden", "2 days", "worse", "none", "39.2")
    assert conv.session.mode == "danger_offer"  # type: ignore[union-attr]
    replies = conv.say("carry on")
    assert replies[-1].question_id == "warning_signs"
    assert conv.session.mode == "asking"  # type: ignore[union-attr]


def test_what_to_do_now_is_offered_once_and_not_before_the_summary() -> None:
    conv = talk("male", "48", "left", "none yet", "sudden", "2 days", "worse", "none", "39.2", "carry on")
    replies = conv.say("hot and swollen")  # a second emergency warning: said, not offered again
    assert any(r.kind == "warning" and r.code == "hot_swollen_joint" for r in replies)
    assert conv.session.mode == "asking" and replies[-1].question_id == "joint_features"  # type: ignore[union-attr]
    # ...but what to do now stays one press away, under every question while the emergency holds.
    see_now = CONTENT.message("see_what_to_do_now")
    assert replies[-1].actions[0].label == see_now
    question = replies[-1]
    now = conv.send(UserInput.button(question.step, next(a.payload for a in question.actions if a.label == see_now)))
    assert any(r.kind == "summary" and r.code == "emergency" for r in now)
    assert now[-1].question_id == "joint_features"
    typed = conv.say("what to do now")  # typed, at the terminal
    assert any(r.kind == "summary" and r.code == "emergency" for r in typed)
    # An emergency at the last question: the summary, which opens with what to do now, comes at
    # once. (Here the first emergency, "cannot walk" at 75, was carried on from; the offer is
    # made available again to show that the summary itself, not the once-only rule, stops it.)
    # (The other joints come last for her: since session 29 their answer can keep an infection
    # among the three likeliest causes, so the fall is told with that last answer.)
    last = talk("female", "75", "left", "none yet", "sudden", "2 days", "cannot", "carry on", "none", "no", "none")
    assert last.state == "joint_features" and last.session is not None
    last.session.danger_offered = False
    replies = last.say("none, but she fell")
    assert any(r.kind == "warning" and r.code == "trauma_cannot_bear_weight" for r in replies)
    assert not any(r.code == "danger_offer" for r in replies)
    assert last.state == "summary" and last.session.mode == "asking"


# explains itself ----------------------------------------------------------------------


def test_why_is_offered_under_every_question_and_answers_with_the_reason() -> None:
    conv = talk("female")
    question = conv.last_question()
    assert any(a.payload == "why" for a in question.actions)
    replies = conv.send(UserInput.button(question.step, "why"))
    assert replies[0].code == "why:age"
    assert CONTENT.text(CONTENT.questions["age"].why) in replies[0].text
    assert conv.state == "age"  # nothing answered
    typed = conv.say("why do you need this")
    assert typed[0].code == "why:age"


def test_a_change_says_what_it_did() -> None:
    conv = talk("male", "48", "left", "mri", "bone marrow oedema", "sudden", "6 weeks", "worse", "none", "none",
                "no", "none", "none")
    assert conv.state == "summary"
    conv.say("/change")
    entries = [c.label for c in conv.last_question().choices]
    mri = next(i for i, label in enumerate(entries, start=1) if label.startswith(CONTENT.text(
        CONTENT.questions["mri"].short)))
    conv.say(str(mri))
    replies = conv.say("double line sign")
    effect = next(r for r in replies if r.code == "change_effect")
    assert "→" in effect.text or CONTENT.message("change_effect_new_top", name="x", percent="y", previous="z")[:5] in (
        effect.text)


# small things --------------------------------------------------------------------------


def test_a_child_s_age_gets_the_children_s_advice() -> None:
    conv = talk("male", "my son is 9")
    assert conv.state == "out_of_scope"
    assert conv.session.case.age is None  # type: ignore[union-attr]
    text = conv.transcript[-1][1][-1].text
    assert "children" in text and "/restart" in text and "not a diagnosis" in text


def test_an_ambiguous_answer_gets_a_short_clarifying_question() -> None:
    conv = talk("female", "34", "no")
    replies = conv.say("both? mostly right")
    assert replies[0].code == "clarify" and "Both" in replies[0].text and "Right" in replies[0].text
    assert conv.state == "side"


def test_not_understood_is_short_and_the_question_follows() -> None:
    conv = talk("female")
    replies = conv.say("banana")
    assert replies[0].kind == "error" and len(replies[0].text.splitlines()) <= 2
    assert replies[1].question_id == "age"


# every question explains itself; danger offer both ways --------------------------------


def reach_question(question: str) -> Conversation:
    """Answer "don't know" (a woman of 34, then a man where pregnancy would stop it) until `question`."""
    presets = {"sex": "female", "age": "34", "tests_done": "x-ray, mri, bone scan, blood tests"}
    if question in ("breastfeeding", "after_birth_warning_signs"):
        presets["pregnancy"] = "postpartum"
    if question in ("pain_medicines", "pregnancy_warning_signs"):
        presets["pregnancy"] = "third trimester"
    if question == "early_pregnancy_warning_signs":
        presets["pregnancy"] = "first trimester"
    if question == "pelvic_girdle_pattern":
        presets |= {"pregnancy": "third trimester", "side": "left", "tests_done": "none yet"}
    conv = talk()
    for _ in range(30):
        if conv.state == question:
            return conv
        conv.say(presets.get(conv.state, "don't know"))
    raise AssertionError(f"never reached {question}")


ASKED_WITH_DONT_KNOW = [s for s in get_engine().machine.question_of if s not in ("breastfeeding",)]


@pytest.mark.parametrize("state", ASKED_WITH_DONT_KNOW)
def test_why_at_every_question_gives_its_reason_and_asks_it_again(state: str) -> None:
    conv = reach_question(state)
    before = conv.session.model_dump_json()  # type: ignore[union-attr]
    question = conv.last_question()
    assert [a.payload for a in question.actions] == ["why"]
    replies = conv.send(UserInput.button(question.step, "why"))
    reason = CONTENT.text(CONTENT.questions[get_engine().machine.question_of[state]].why)
    assert replies[0].code == f"why:{state}" and reason in replies[0].text
    assert replies[-1].question_id == state
    assert conv.session.model_dump_json() == before  # type: ignore[union-attr]
    assert conv.say("/why")[0].code == f"why:{state}"


def test_the_danger_offer_asks_again_for_anything_else_and_takes_now_typed() -> None:
    conv = talk("male", "48", "left", "none yet", "sudden", "2 days", "worse", "none", "39.2")
    replies = conv.say("banana")
    assert [r.code for r in replies] == ["danger_offer_again", "danger_offer"]
    assert conv.session.mode == "danger_offer"  # type: ignore[union-attr]
    replies = conv.say("now")
    assert replies[0].code == "emergency" and replies[-1].question_id == "warning_signs"


def test_an_urgent_warning_does_not_stop_the_questions() -> None:
    conv = talk("male", "48", "left", "none yet", "sudden", "2 days", "worse", "none", "no")
    replies = conv.say("cancer")  # a cancer history: urgent, not an emergency
    assert any(r.kind == "warning" and r.code == "cancer_history" for r in replies)
    assert replies[-1].question_id == "joint_features" and conv.session.mode == "asking"  # type: ignore[union-attr]


# heard early ----------------------------------------------------------------------------


def test_a_warning_sign_named_in_an_earlier_answer_counts_at_once() -> None:
    conv = talk("male", "52")
    replies = conv.say("right hip. its hot and swollen")
    assert conv.session is not None and conv.session.case.side == "right"
    assert conv.session.case.hot_swollen_joint is True
    assert any(r.code == "noted_early" for r in replies)
    assert any(r.kind == "warning" and r.code == "hot_swollen_joint" for r in replies)
    assert replies[-1].code == "danger_offer"  # the level rose now, not seven questions later


def test_what_was_noted_early_is_kept_when_its_checklist_is_answered_none() -> None:
    conv = talk("male", "52", "right hip. its hot and swollen", "carry on", "none yet", "sudden", "2 days", "worse",
                "none", "no")
    assert conv.state == "warning_signs"
    # "None of these" over a sign heard in passing keeps it, and says so with how to undo it
    # (user test pt 22: a second "n" at a "which is right?" took back a fall at 78)
    replies = conv.say("none of these")
    assert any(r.code == "noted_kept" for r in replies) and conv.state != "warning_signs"
    assert conv.session is not None and conv.session.case.hot_swollen_joint is True
    assert conv.session.case.trauma is False  # the rest are answered "none"
    echo = next(r for r in replies if r.kind == "answered")
    assert CONTENT.text(CONTENT.options["warning_signs"][2].label) in echo.text  # said back as recorded


@pytest.mark.parametrize("typed", ["significant difficulty bearing weight", "no fever, not hot or swollen",
                                   "bone marrow oedema", "it isnt hot and swollen"])
def test_only_what_is_named_and_not_denied_in_two_words_or_more_is_noted(typed: str) -> None:
    conv = talk("male", "52", "left")
    assert conv.state == "tests_done"
    conv.say("mri")
    conv.say(typed)  # at the MRI question: none of these names a warning sign
    assert conv.session is not None
    assert "warning_signs" not in conv.session.noted and conv.session.case.unable_to_bear_weight is None
    assert conv.session.case.hot_swollen_joint is None and conv.session.case.weight_loss is None


# answered ahead -------------------------------------------------------------------------


# taken when heard: which hip and pregnancy, named in an earlier answer ----------------------


def test_a_pregnancy_and_a_hip_named_at_the_first_question_are_not_asked_again() -> None:
    conv = talk("hi, im 34 weeks pregnant and my left hip hurts so bad")
    assert conv.session is not None and conv.session.case.pregnancy is None  # held, not yet recorded
    replies = conv.say("31")
    assert conv.state == "pregnancy_warning_signs"  # the pregnancy's own warning signs come first
    replies += conv.say("none of these")
    case = conv.session.case
    assert (case.sex, case.age, case.pregnancy, case.side) == ("female", 31, "trimester_3", "left")
    assert [r.code for r in replies if r.kind == "answered"] == [
        "age", "pregnancy", "pregnancy_warning_signs", "side"]
    said = [r.text for r in replies if r.kind == "answered"]
    earlier = CONTENT.message("answered_earlier", "en", question="", answer="").strip(": ")
    assert earlier in said[1] and earlier in said[3] and earlier not in said[0]  # said back as taken
    assert "pregnancy" not in asked(conv) and "side" not in asked(conv)
    assert conv.state == "tests_done"


def test_in_portuguese_too() -> None:
    conv = Conversation()
    conv.send(UserInput.command("start").model_copy(update={"language": "pt"}))
    conv.say("estou grávida de 34 semanas e dói-me muito a anca esquerda", "31", "nenhuma destas")
    assert conv.session is not None
    assert (conv.session.case.pregnancy, conv.session.case.side) == ("trimester_3", "left")
    assert conv.state == "tests_done"


def test_a_fall_and_not_walking_said_at_the_first_question_bring_what_to_do_now_at_once() -> None:
    conv = talk()
    replies = conv.say("58 year old woman, fell on my right hip yesterday and now I cant walk on it")
    assert [r.code for r in replies if r.kind == "warning"] == ["trauma_cannot_bear_weight"]
    assert replies[-1].code == "danger_offer"  # not eleven questions later
    assert [r.code for r in replies if r.kind == "answered"] == ["sex", "age"]  # the age is kept too
    assert conv.session is not None and conv.session.case.age == 58
    conv.say("carry on")  # no pregnancy question at 58, and the hip named is taken
    assert conv.session.case.side == "right" and conv.state == "tests_done"


def test_words_that_only_hint_at_walking_note_nothing_in_passing() -> None:
    conv = Conversation()
    conv.send(UserInput.command("start").model_copy(update={"language": "pt"}))
    conv.say("tenho 34 anos, estou grávida de 30 semanas e dói-me a anca direita")
    assert conv.session is not None and conv.session.case.age == 34  # "tenho 34 anos" is the age
    assert conv.session.case.weight_bearing_pain is None  # "dói-me" says where, not when walking


def test_a_duration_said_at_the_first_question_is_taken_when_its_turn_comes() -> None:
    conv = talk("Im 45, male, right hip pain for about 2 months", "none yet")
    assert conv.session is not None and conv.session.held_numbers == {"duration_weeks": "2 months"}
    for _ in range(3):
        if "duration_weeks" in conv.session.answered:
            break
        conv.say("don't know")
    assert conv.session.case.duration_weeks == pytest.approx(2 * 4.345, abs=0.01)
    assert "duration_weeks" not in asked(conv) and conv.session.held_numbers == {}
    echo = next(r for _, replies in conv.transcript for r in replies if r.code == "duration_weeks")
    assert "from what you wrote earlier" in echo.text


@pytest.mark.parametrize("typed", ["male 45, 34 weeks into training", "male 45, pain since age 30",
                                   "male 45, for 3 weeks, no wait for 4 weeks", "male 45, it has hurt for ages",
                                   "male 45, hurts 3 weeks"])
def test_a_duration_not_led_by_its_words_or_said_twice_differently_is_asked(typed: str) -> None:
    conv = talk(typed, "right", "none yet")
    for _ in range(4):
        if conv.state == "duration_weeks":
            break
        conv.say("don't know")
    assert conv.state == "duration_weeks" and conv.session is not None and conv.session.case.duration_weeks is None


def test_a_duration_in_portuguese_too() -> None:
    conv = Conversation()
    conv.send(UserInput.command("start").model_copy(update={"language": "pt"}))
    conv.say("homem, 50 anos, dói-me a anca esquerda há três semanas")
    assert conv.session is not None and conv.session.held_numbers == {"duration_weeks": "3 semanas"}
    assert (conv.session.case.age, conv.state) == (50, "tests_done")  # age taken ahead, the hip when its turn came


def test_a_temperature_beside_its_word_in_passing_is_a_fever_at_once() -> None:
    replies = talk().say("My dad is 81. He didn't fall, but he can't walk on his right leg. He had a temp of 38.9")
    assert "fever" in [r.code for r in replies if r.kind == "warning"]
    assert replies[-1].code == "danger_offer"


@pytest.mark.parametrize("typed", ["tive um aborto espontâneo há 1 mês e agora dói-me a anca direita",
                                   "estou grávida de 32 semanas e a anca dói-me, o bebé nasce daqui a 8 semanas"])
def test_a_number_of_another_event_is_no_duration_of_the_pain(typed: str) -> None:
    conv = Conversation()
    conv.send(UserInput.command("start").model_copy(update={"language": "pt"}))
    conv.say(typed)
    assert conv.session is not None and "duration_weeks" not in conv.session.held_numbers


def test_a_number_corrected_in_the_same_message_is_asked_not_guessed() -> None:
    conv = talk("I'm 12 weeks pregnant - sorry, 14 weeks now, lost track! left hip pain", "29")
    assert conv.session is not None and conv.session.case.pregnancy is None
    assert conv.state == "pregnancy"


def test_a_number_word_names_no_hip_in_passing() -> None:
    conv = Conversation()
    conv.send(UserInput.command("start").model_copy(update={"language": "pt"}))
    conv.say("O meu pai tem 62 anos, dores na anca esquerda há duas semanas")  # "duas" is no "as duas"
    assert conv.session is not None and conv.session.case.age == 62
    assert conv.session.case.side == "left" and conv.state == "tests_done"


def test_an_answer_that_is_not_this_question_s_but_is_kept_for_later_is_thanked_not_refused() -> None:
    conv = talk()
    # no sex in it, but a pregnancy is a woman's (user test en 20): the sex is taken from it
    replies = conv.say("im 19 weeks and my left hip hurts")
    assert [r.code for r in replies if r.kind in ("error", "notice")] == ["kept_for_later"]
    assert conv.state == "age" and conv.session is not None and conv.session.case.sex == "female"
    conv.say("31", "none of these")
    assert conv.session is not None and conv.session.case.pregnancy == "trimester_2"
    assert conv.session.case.side == "left" and conv.state == "tests_done"


def test_from_the_second_answer_not_understood_in_a_row_how_to_go_on_is_said() -> None:
    conv = talk()
    first = conv.say("banana")
    assert "stuck_help" not in [r.code for r in first]
    second = conv.say("xyz")
    assert [r.code for r in second if r.kind in ("error", "notice")][-1] == "stuck_help"
    conv.say("female")
    assert "stuck_help" not in [r.code for r in conv.say("kiwi")]  # counted again at each question


def test_an_answer_with_nothing_to_keep_is_still_not_understood() -> None:
    replies = talk().say("banana")
    assert [r.kind for r in replies if r.kind in ("error", "notice")] == ["error"]


def test_cannot_walk_named_early_is_not_asked_again_and_a_fall_named_early_shows_as_ticked() -> None:
    conv = talk("female", "80")
    conv.say("she fell yesterday and now cant stand on her left leg", "carry on")
    assert conv.session is not None and conv.session.case.side == "left"  # the hip, read at its own question
    conv.say("none yet")
    for _ in range(6):
        if conv.state == "warning_signs":
            break
        conv.say("don't know")
    assert "walking" not in asked(conv)
    checklist = conv.last_question()
    trauma = next(i for i, o in enumerate(CONTENT.options["warning_signs"]) if o.value == "trauma")
    assert trauma in checklist.selected  # the fall named before shows as ticked


def test_breastfeeding_named_with_the_birth_is_not_asked() -> None:
    conv = talk("female", "33", "had my baby by c-section 6 weeks ago, im breastfeeding")
    assert conv.session is not None and conv.session.case.breastfeeding is True
    assert "breastfeeding" not in asked(conv)


def test_a_summary_with_the_warning_signs_not_known_says_they_were_not_checked() -> None:
    conv = talk("female", "50")
    for _ in range(20):
        if conv.state == "summary":
            break
        conv.say("don't know")
    first = "\n".join(r.text for r in conv.transcript[-1][1] if r.kind == "summary" and r.code == "first")
    unchecked = CONTENT.message("first_unchecked", "en", signs="").split(":")[0]
    assert unchecked in first and "fever" in first


def test_a_summary_with_the_warning_signs_answered_does_not() -> None:
    conv = talk("female", "50", "left", "none yet")
    for _ in range(20):
        if conv.state == "summary":
            break
        conv.say("no" if conv.state == "fever" else "none" if conv.state in ("warning_signs", "medical_history",
                                                                             "joint_features") else "worse")
    first = "\n".join(r.text for r in conv.transcript[-1][1] if r.kind == "summary" and r.code == "first")
    assert CONTENT.message("first_unchecked", "en", signs="").split(":")[0] not in first


def test_blood_results_said_with_the_tests_are_taken_not_asked() -> None:
    conv = talk("male", "58", "right")
    replies = conv.say("bloods, crp was 180, wcc 19")
    assert conv.session is not None and conv.session.case.inflammatory_markers == "markedly_raised"
    assert any(r.kind == "warning" for r in replies)  # very high markers: warned when taken, at once
    conv.say("carry on")
    assert conv.session.case.white_cell_count == "raised"
    assert "inflammatory_markers" not in asked(conv) and "white_cell_count" not in asked(conv)


@pytest.mark.parametrize("typed", ["I am a 66 year old woman. I had breast cancer", "I am a 45 year old male"])
def test_an_age_after_i_am_a_is_taken_with_the_sex(typed: str) -> None:
    conv = talk(typed)
    assert conv.session is not None and conv.session.case.age in (66, 45) and "age" not in asked(conv)


def test_a_pregnancy_named_by_a_man_is_never_recorded() -> None:
    conv = talk("male", "45", "left hip, my wife is 30 weeks pregnant")
    assert conv.session is not None and conv.session.noted == {"pregnancy": [3]}  # held...
    conv.say("none yet")
    assert conv.session.case.pregnancy is None and "pregnancy" not in asked(conv)  # ...and never his answer


@pytest.mark.parametrize("typed", ["pregnant, and the pain began 3 weeks ago",
                                   "im pregnant and it started 3 weeks ago"])
def test_a_number_not_beside_pregnant_picks_no_trimester(typed: str) -> None:
    conv = talk(typed, "31")
    assert conv.session is not None and conv.session.case.pregnancy is None
    assert conv.state == "pregnancy"  # asked: which trimester was not said


def test_two_different_hips_heard_early_are_not_chosen_between() -> None:
    conv = talk("female, my left hip hurts", "34, oh and its actually the right hip")
    assert conv.session is not None and conv.session.case.age == 34
    conv.say("not pregnant")
    assert conv.state == "side" and conv.session.case.side is None


def test_an_answer_taken_when_heard_is_undone_like_any_other() -> None:
    conv = talk("female, 34, my right hip", "not pregnant")
    assert conv.session is not None and conv.session.case.side == "right" and conv.state == "tests_done"
    # /back undoes the answer typed last with what was taken after it (session 23: a mother
    # fixing her age undid the birth taken from her first message): both are asked again
    conv.say("/back")
    assert conv.state == "pregnancy"
    conv.say("not pregnant")
    assert conv.state == "side"  # asked now, not taken again
    conv.say("left")
    assert conv.session.case.side == "left" and conv.state == "tests_done"


@pytest.mark.parametrize("typed", ["female 34", "F, 34", "woman, 34 years old", "34 year old woman", "im 34, female",
                                   "i'm 34, female, right hip pain for 2 months", "female aged 34"])
def test_a_number_said_apart_with_the_sex_is_the_age_and_not_asked_again(typed: str) -> None:
    conv = talk()
    replies = conv.say(typed)
    assert conv.session is not None and conv.session.case.sex == "female" and conv.session.case.age == 34
    assert [r.code for r in replies if r.kind == "answered"] == ["sex", "age"]  # both said back
    assert "age" not in asked(conv) and conv.state == "pregnancy"


@pytest.mark.parametrize("typed", ["female, fever of 38", "female, 34, 35", "male, pain for 3 weeks", "male 6 months",
                                   "female 8", "male, 38.9", "female, hip pain since age 30", "im 34 weeks pregnant"])
def test_a_number_tied_to_other_words_or_not_plain_is_not_taken_for_the_age(typed: str) -> None:
    conv = talk()
    conv.say(typed)
    assert conv.session is not None and conv.session.case.age is None
    assert conv.state == "age"  # asked, as before


def test_the_duration_said_with_the_onset_is_recorded_and_not_asked() -> None:
    conv = talk("male", "48", "left", "none yet")
    assert conv.state == "onset"
    conv.say("suddenly, 3 weeks")
    assert conv.session is not None and conv.session.case.duration_weeks == 3
    assert "duration_weeks" not in asked(conv)


def test_a_changed_answer_takes_nothing_ahead() -> None:
    conv = talk("female", "34", "not pregnant", "left", "none yet", "sudden", "3 weeks")
    conv.say("/change")
    conv.say("sex")
    conv.say("female 50")  # the age is changed on its own, not by this answer
    assert conv.session is not None and conv.session.case.age == 34


def test_an_option_picked_by_its_number_answers_nothing_ahead() -> None:
    conv = talk("male", "48", "left", "mri")
    assert conv.state == "mri"
    conv.say("2")  # the second finding, typed as its number
    assert conv.session is not None and conv.session.case.duration_weeks is None


@pytest.mark.parametrize("again", ["42", "42 years"])
def test_the_number_read_ahead_typed_again_is_not_the_next_questions_answer(again: str) -> None:
    conv = talk("female 42")
    assert conv.state == "pregnancy"
    replies = conv.say(again)  # the age again, not 42 weeks pregnant
    assert conv.session is not None and conv.session.case.pregnancy is None
    assert [r.code for r in replies][:1] == ["already_noted"] and conv.state == "pregnancy"
    conv.say("no")
    assert conv.session.case.pregnancy == "not_pregnant"


def test_a_number_typed_where_no_answer_was_read_ahead_is_read_as_usual() -> None:
    conv = talk("female", "42")
    conv.say("30")  # typed at the pregnancy question itself: week 30
    assert conv.session is not None and conv.session.case.pregnancy == "trimester_3"


def test_a_fever_named_in_an_answer_that_cannot_be_read_raises_the_level_at_once() -> None:
    conv = talk("female")
    replies = conv.say("my left hip has hurt for about 3 weeks and i have a fever of 38.9")  # typed at the age
    assert conv.session is not None and conv.session.case.fever is True
    assert [r.code for r in replies] == ["noted_early", "fever", "danger_offer"]
    conv.say("carry on")
    assert conv.state == "age" and conv.session.case.age is None  # the age is asked again


def test_a_fever_named_early_is_said_back_when_its_turn_comes_not_asked_and_can_be_undone() -> None:
    conv = talk("male", "52")
    replies = conv.say("right hip, and i have a fever")
    assert conv.session is not None and conv.session.case.fever is True
    assert any(r.kind == "warning" and r.code == "fever" for r in replies)
    conv.say("carry on", "none yet", "sudden", "2 days", "worse")
    replies = conv.say("none")  # medical history; the fever question comes next
    echo = next(r for r in replies if r.code == "fever" and r.kind == "answered")
    assert "from what you wrote earlier" in echo.text and conv.state == "warning_signs"
    assert "fever" not in asked(conv)
    conv.say("/back")  # the answer typed last is undone with the one taken after it, and both asked
    assert conv.state == "medical_history"
    conv.say("none")
    assert conv.state == "fever"
    conv.say("no, that was last year")
    assert conv.session.case.fever is False


def test_a_fever_named_early_in_portuguese_counts_at_once() -> None:
    conv = Conversation()
    conv.send(UserInput(kind="command", text="start", language="pt"))
    conv.say("feminino")
    replies = conv.say("dói-me a anca há 3 semanas e tenho febre")
    assert conv.session is not None and conv.session.case.fever is True
    assert replies[-1].code == "danger_offer"
