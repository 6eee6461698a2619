"""The exact Bot API calls for questions, answers, toggles, warnings and the summary.

In process: the Application from build_application with the InProcessBotApi in place
of the network, fed Update objects with process_update.
"""

from __future__ import annotations

import gc
from datetime import UTC, date, datetime

from flows.assessment import assess
from flows.content import get_content
from tests.telegram.harness import Harness, keyboard_rows, plain, sent

CONTENT = get_content()

MAX_TEXT = 4096


async def test_start_sends_greeting_then_question_with_inline_keyboard(harness: Harness) -> None:
    calls = await harness.command("/start")
    messages = sent(calls)
    content = get_content()
    assert [m.params["text"] for m in messages[:2]] == [content.message("welcome"), content.message("short_disclaimer")]
    question = messages[-1]
    assert question.params["parse_mode"] == "HTML"
    rows = keyboard_rows(question)
    labels = [[text for text, _ in row] for row in rows]
    why = content.message("why_label")
    assert labels == [["Female", "Male"], ["Prefer not to say"], [why]]  # short labels share a row; Why last
    session = await harness.session()
    assert session is not None
    assert all(data.startswith(f"{session.step}|a:") for row in rows[:-1] for _, data in row)
    assert rows[-1] == [(why, f"{session.step}|why")]
    assert all(len(data.encode()) <= 64 for row in rows for _, data in row)


async def test_yes_no_dont_know_share_one_row(harness: Harness) -> None:
    await harness.command("/start")
    await harness.answer_until("fever")
    rows = keyboard_rows(sent(await harness.command("/help"))[-1])
    why = get_content().message("why_label")
    assert [[plain(t) for t, _ in row] for row in rows] == [["Yes", "No", "Don't know"], [why]]


async def test_press_answers_query_edits_pressed_message_then_sends_next(harness: Harness) -> None:
    await harness.command("/start")
    question = harness.question()
    calls = await harness.press("Female")
    assert [c.method for c in calls] == ["answerCallbackQuery", "editMessageText", "sendMessage"]
    answer, edit, following = calls
    assert "text" not in answer.params  # no toast for a normal press
    assert edit.params["message_id"] == question.message_id
    assert "reply_markup" not in edit.params  # the pressed question keeps no keyboard
    assert "Female" in edit.params["text"] and "<b>" in edit.params["text"]
    assert harness.rec.messages(harness.chat)[-2].buttons() == []
    assert following.params["reply_markup"]["inline_keyboard"]
    assert await harness.state() == "age"


async def test_typed_answer_is_read_like_the_terminal(harness: Harness) -> None:
    content = get_content()
    await harness.command("/start")
    calls = await harness.say("female")
    # One message: the echo of what was understood, then the next question with its keys.
    assert [c.method for c in calls] == ["sendMessage"]
    echo = content.message("answered", question=content.text(content.questions["sex"].short), answer="Female")
    age = content.text(content.questions["age"].text)
    assert calls[0].response["text"].startswith(f"✅ {echo}\n\n{age}")
    assert calls[0].params["parse_mode"] == "HTML"
    assert calls[0].params["reply_markup"]["inline_keyboard"]
    assert harness.question().message_id == calls[0].response["message_id"]
    assert await harness.state() == "age"
    await harness.say("34")
    session = await harness.session()
    assert session is not None and session.case.age == 34


async def test_multi_select_toggles_in_place_with_tick_then_done(harness: Harness) -> None:
    await harness.command("/start")
    await harness.answer_until("mri", answers={"tests_done": "mri"})  # "not sure" would pass over the results
    question = harness.question()
    mri_options = get_content().options["mri"]
    oedema = next(get_content().text(o.label) for o in mri_options if o.value == "bone_marrow_oedema")

    calls = await harness.press(oedema)
    assert [c.method for c in calls] == ["answerCallbackQuery", "editMessageText"]
    edit = calls[1]
    assert edit.params["message_id"] == question.message_id
    ticked = [text for row in keyboard_rows(edit) for text, _ in row if text.startswith("✅ ")]
    assert [plain(t) for t in ticked] == [oedema]
    done, why = keyboard_rows(edit)[-2:]
    assert len(done) == 1 and done[0][1].endswith("|done")  # Done on its own row
    assert why == [(get_content().message("why_label"), why[0][1])] and why[0][1].endswith("|why")  # then Why

    calls = await harness.press(oedema)  # toggling again removes the tick
    assert not [t for row in keyboard_rows(calls[1]) for t, _ in row if t.startswith("✅ ")]
    await harness.press(oedema)
    calls = await harness.press("Done")
    assert [c.method for c in calls][:2] == ["answerCallbackQuery", "editMessageText"]
    session = await harness.session()
    assert session is not None and session.case.mri == ["bone_marrow_oedema"]


async def test_red_flag_warning_is_its_own_bold_message(harness: Harness) -> None:
    content = get_content()
    await harness.command("/start")
    await harness.answer_until("fever")
    calls = await harness.press("Yes")
    messages = sent(calls)
    flag = next(flag for flag, _ in content.red_flags if flag.id == "fever")
    header = content.message("red_flag_header", title=content.text(flag.title))
    warning = next(m for m in messages if header in m.response["text"])
    assert warning.params["text"].startswith("<b>⚠️")
    assert "reply_markup" not in warning.params
    assert content.text(flag.message) in warning.response["text"]
    # An emergency: the next message offers what to do now, before any more questions.
    offer = messages[-1]
    assert content.message("danger_offer") in offer.response["text"]
    labels = [plain(t) for row in keyboard_rows(offer) for t, _ in row]
    assert labels == [content.message("see_what_to_do_now"), content.message("carry_on_answering")]


async def test_see_what_to_do_now_sends_the_emergency_summary_then_the_question(harness: Harness) -> None:
    content = get_content()
    await harness.command("/start")
    await harness.answer_until("fever")
    await harness.say("39.2")
    calls = await harness.press(content.message("see_what_to_do_now"))
    texts = [m.response["text"] for m in sent(calls)]
    emergency = next(t for t in texts if t.startswith(content.message("emergency_first")))
    assert content.text(content.triage.levels["emergency"].label) in emergency
    assert content.message("disclaimer") in emergency
    question = content.text(content.questions["warning_signs"].text)
    assert texts[-1].startswith(question) and sent(calls)[-1].params["reply_markup"]  # then the pending question
    assert await harness.state() == "warning_signs"


async def test_the_why_button_says_why_and_asks_the_same_question(harness: Harness) -> None:
    content = get_content()
    await harness.command("/start")
    await harness.say("female")
    before = await harness.session()
    calls = await harness.press(content.message("why_label"))
    texts = [m.response["text"] for m in sent(calls)]
    assert any(content.text(content.questions["age"].why) in t for t in texts), texts
    assert texts[-1].startswith(content.text(content.questions["age"].text))
    after = await harness.session()
    assert after is not None and before is not None and after.case == before.case and after.state == "age"


async def test_summary_sections_are_separate_messages_within_the_limit(harness: Harness) -> None:
    content = get_content()
    await harness.command("/start")
    await harness.answer_until("summary")
    calls = await harness.command("/help")  # shows the summary again
    messages = sent(calls)
    # The first block (issue 17): one message, the level of care first, the causes, and the
    # sections offered as buttons under it; the disclaimer is a message of its own, last.
    session = await harness.session()
    assert session is not None
    level = content.triage.levels[assess(session.case, CONTENT).triage]
    first = next(m for m in messages if keyboard_rows(m))
    assert first.response["text"].startswith(content.text(level.label))
    # (answer_until answers "don't know" to much: then the causes are named without estimates)
    titles = ("first_causes_title", "first_causes_title_little_known")
    assert any(content.message(title) + ":" in first.response["text"] for title in titles)
    assert messages[-1].params["text"].startswith(f"<b>{content.message('disclaimer_title')}</b>")
    assert content.message("disclaimer") in messages[-1].response["text"]
    # Every section offered, asked for with /more, is a message of its own under its title
    # (the report for the doctor is a document, sent only when asked for).
    offered = [plain(text) for row in keyboard_rows(first) for text, _ in row]
    report = next(content.text(s.title) for s in content.guidance.summary_sections if s.shows == "report")
    more = sent(await harness.command("/more"))
    assert [m.params["text"].split("\n")[0] for m in more] == [f"<b>{t}</b>" for t in offered if t != report]
    assert all(len(m.response["text"].encode("utf-16-le")) // 2 <= MAX_TEXT for m in [*messages, *more])


async def test_commands_menu_is_registered_at_start(harness: Harness) -> None:
    content = get_content()
    app = harness.app
    assert app.post_init is not None and app.post_stop is not None
    await app.post_init(app)
    try:
        commands = harness.rec.commands()
    finally:
        await app.post_stop(app)
    assert [c["command"] for c in commands] == ["start", "help", "back", "restart", "change", "language", "forget"]
    assert commands[-1]["description"] == content.message("command_help_forget")


async def test_what_start_up_built_is_frozen_for_the_garbage_collector(harness: Harness) -> None:
    # Full collections, which many chats at once trigger, must not rescan the content,
    # the Machine and PTB on every pass (docs/benchmarks.md).
    app = harness.app
    assert app.post_init is not None and app.post_stop is not None
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    await app.post_init(app)
    try:
        assert gc.get_freeze_count() > 10_000
    finally:
        await app.post_stop(app)
        gc.unfreeze()


async def test_how_long_said_as_a_date_is_counted_to_the_day_the_message_was_sent(harness: Harness) -> None:
    """Telegram gives each message its date: "since March" is weeks to that day (UTC)."""
    await harness.command("/start")
    await harness.answer_until("duration_weeks", answers={"sex": "male", "age": "50", "side": "left"})
    before = datetime.now(UTC).date()
    await harness.say("since March")
    days = {before, datetime.now(UTC).date()}  # the message may be sent just after midnight

    def weeks_from_march(day: date) -> float:
        return round((day - date(day.year if day.month >= 3 else day.year - 1, 3, 1)).days / 7, 1)

    session = await harness.session()
    assert session is not None and session.case.duration_weeks in {weeks_from_march(day) for day in days}
