"""Stale buttons, repeated updates, /forget, expiry, oversized and non-text input.

Each must get a clear reply and leave the stored conversation as it should be.
"""

from __future__ import annotations

import asyncio

from bot.chat_turn import first_step
from bot.fake_telegram import InProcessBotApi
from bot.settings import Settings
from bot.storage import StoreUnavailable, open_memory
from bot.telegram.application import build_application
from bot.telegram.handlers import chat_key
from flows.content import get_content
from flows.dialogue import get_engine
from tests.telegram.harness import TOKEN, Harness, sent

ENGINE = get_engine()


async def test_stale_button_gets_a_toast_changes_nothing_and_question_is_resent(harness: Harness) -> None:
    await harness.command("/start")
    first = harness.question()
    await harness.press("Female")
    before = await harness.session()
    stale_data = first.buttons()[1][1]  # "Male" on the already answered question
    assert stale_data is not None
    calls = await harness.press_data(first.message_id, stale_data)

    answer = next(c for c in calls if c.method == "answerCallbackQuery")
    assert answer.params["text"] == get_content().message("stale_button")
    assert calls[0].method == "answerCallbackQuery"
    assert await harness.session() == before
    resent = sent(calls)
    assert len(resent) == 1 and resent[0].params["reply_markup"]  # just the current question again
    assert get_content().message("stale_button") not in resent[0].params["text"]


async def test_forged_or_foreign_callback_data_is_treated_as_stale(harness: Harness) -> None:
    await harness.command("/start")
    question = harness.question()
    before = await harness.session()
    for data in ("garbage", "x|a:0", "|", "99999999999999|a:0", "٣|a:0"):
        calls = await harness.press_data(question.message_id, data)
        answer = next(c for c in calls if c.method == "answerCallbackQuery")
        assert answer.params["text"] == get_content().message("stale_button"), data
        assert await harness.session() == before
    # A payload the current question cannot have, with the right step: also refused.
    assert before is not None
    calls = await harness.press_data(question.message_id, f"{before.step}|a:99")
    assert await harness.session() == before
    assert any(c.method == "answerCallbackQuery" and c.params.get("text") for c in calls)


async def test_same_update_delivered_twice_is_handled_once(harness: Harness) -> None:
    await harness.command("/start")
    update = harness.rec.callback_update(harness.chat, harness.question().message_id,
                                         harness.question().buttons()[0][1] or "", bot=harness.app.bot)
    first = await harness.feed(update)
    after_first = await harness.session()
    again = await harness.feed(update)
    assert first and again == []  # not even answered twice (Telegram would refuse)
    assert await harness.session() == after_first

    text_update = harness.rec.text_update(harness.chat, "34", bot=harness.app.bot)
    await harness.feed(text_update)
    session = await harness.session()
    assert await harness.feed(text_update) == []
    assert await harness.session() == session


async def test_forget_deletes_everything_and_confirms(harness: Harness) -> None:
    content = get_content()
    await harness.command("/start")
    await harness.press("Female")
    assert await harness.store.sessions.get(chat_key(harness.chat)) is not None

    calls = await harness.command("/forget")
    assert [c.params["text"] for c in sent(calls)] == [content.message("forgotten")]
    assert await harness.store.sessions.get(chat_key(harness.chat)) is None

    calls = await harness.command("/forget")
    assert [c.params["text"] for c in sent(calls)] == [content.message("forget_nothing")]
    assert await harness.store.sessions.get(chat_key(harness.chat)) is None

    calls = await harness.say("hello")  # the next message starts afresh
    assert sent(calls)[0].params["text"] == content.message("welcome")


async def test_old_buttons_stay_stale_after_forget(harness: Harness) -> None:
    await harness.command("/start")
    old = harness.question()
    await harness.command("/forget")
    await harness.command("/start")
    calls = await harness.press_data(old.message_id, old.buttons()[0][1] or "")
    answer = next(c for c in calls if c.method == "answerCallbackQuery")
    assert answer.params["text"] == get_content().message("stale_button")
    assert await harness.state() == "sex"


async def test_idle_session_expires_and_next_message_starts_fresh() -> None:
    now = [1_000_000.0]
    store = open_memory(ttl_seconds=60, clock=lambda: now[0])
    rec = InProcessBotApi(token=TOKEN)
    settings = Settings(telegram_bot_token=TOKEN, session_expiry_interval_seconds=0.01, _env_file=None)  # type: ignore[call-arg]
    app = build_application(settings, store, ENGINE, request=rec, clock=lambda: now[0])
    harness = Harness(rec, app, store)
    async with app:
        assert app.post_init is not None and app.post_stop is not None
        await app.post_init(app)  # starts the periodic expiry
        try:
            await harness.command("/start")
            await harness.press("Female")
            assert await store.health.count_sessions() == 1
            now[0] += 61
            for _ in range(200):
                if not store.sessions._sessions:  # swept, not merely hidden
                    break
                await asyncio.sleep(0.01)
            assert not store.sessions._sessions
            calls = await harness.say("male")
            assert sent(calls)[0].params["text"] == get_content().message("welcome")
            assert await harness.state() == "sex"
        finally:
            await app.post_stop(app)
    await store.close()


async def test_5000_character_message_gets_too_long_and_state_is_kept(harness: Harness) -> None:
    await harness.command("/start")
    before = await harness.session()
    calls = await harness.say("a" * 5000)
    texts = [c.params["text"] for c in sent(calls)]
    assert texts[0] == get_content().message("too_long", length=5000)
    assert await harness.session() == before
    assert sent(calls)[-1].params["reply_markup"]  # the question again


async def test_photo_and_sticker_get_not_text_and_state_is_kept(harness: Harness) -> None:
    await harness.command("/start")
    before = await harness.session()
    for update in (harness.rec.photo_update(harness.chat, bot=harness.app.bot),
                   harness.rec.sticker_update(harness.chat, bot=harness.app.bot)):
        calls = await harness.feed(update)
        texts = [c.params["text"] for c in sent(calls)]
        assert texts[0] == get_content().message("not_text")
        assert sent(calls)[-1].params["reply_markup"]
        assert await harness.session() == before


async def test_words_written_with_a_photo_are_read_and_the_photo_said_unseen(harness: Harness) -> None:
    # A photo of a scan report with a caption: the caption is the answer, and the person is
    # told the photo itself is not seen (session 27).
    await harness.command("/start")
    calls = await harness.feed(harness.rec.photo_update(harness.chat, bot=harness.app.bot, caption="female"))
    texts = [c.params["text"] for c in sent(calls)]
    assert texts[0] == get_content().message("attachment_not_seen")
    session = await harness.session()
    assert session is not None and session.case.sex == "female"


async def test_an_edited_message_is_not_read_again_and_the_person_is_told_how_to_change(harness: Harness) -> None:
    # Telegram lets a sent message be edited; the answer it gave stands, and the person is
    # told so and how to change it, rather than met with silence (session 27).
    await harness.command("/start")
    await harness.press("Female")
    typed = harness.rec.text_update(harness.chat, "52", bot=harness.app.bot)
    await harness.feed(typed)
    before = await harness.session()
    assert typed.message is not None and before is not None and before.case.age == 52
    edit = harness.rec.edited_text_update(harness.chat, typed.message.message_id, "25", bot=harness.app.bot)
    calls = await harness.feed(edit)
    texts = [c.params["text"] for c in sent(calls)]
    assert texts[0] == get_content().message("edit_not_read")
    assert sent(calls)[-1].params["reply_markup"]  # the question again
    assert await harness.session() == before


async def test_store_down_gets_unavailable_and_answers_the_press(harness: Harness) -> None:
    await harness.command("/start")
    question = harness.question()

    async def broken(key: str) -> None:
        raise StoreUnavailable("store down for the test")

    harness.store.sessions.get = broken  # type: ignore[method-assign,assignment]
    calls = await harness.press("Female", question)
    unavailable = get_content().message("unavailable")
    assert [c.params["text"] for c in sent(calls)] == [unavailable]
    answer = next(c for c in calls if c.method == "answerCallbackQuery")
    assert answer.params["text"] == unavailable
    shown = next(m for m in harness.rec.messages(harness.chat) if m.message_id == question.message_id)
    assert shown.buttons() == question.buttons()  # keyboard kept: pressing again works later


async def test_store_down_says_so_in_the_language_of_the_persons_telegram(harness: Harness) -> None:
    # The session, and the conversation's language with it, cannot be read: Telegram's
    # language_code says which language to apologise in.
    harness.rec.set_user_language(harness.chat, "pt-PT")

    async def broken(key: str) -> None:
        raise StoreUnavailable("store down for the test")

    harness.store.sessions.get = broken  # type: ignore[method-assign,assignment]
    calls = await harness.say("olá")
    assert [c.params["text"] for c in sent(calls)] == [get_content().message("unavailable", "pt")]


def test_new_conversations_start_above_every_old_step() -> None:
    assert first_step(lambda: 2.0) > first_step(lambda: 1.0) + 500


async def test_two_quick_presses_in_one_chat_are_serialised(harness: Harness) -> None:
    await harness.command("/start")
    question = harness.question()
    female, male = (harness.rec.callback_update(harness.chat, question.message_id, data or "", bot=harness.app.bot)
                    for _, data in question.buttons()[:2])
    before = len(harness.rec.calls())
    await asyncio.gather(harness.app.process_update(female), harness.app.process_update(male))
    session = await harness.session()
    assert session is not None and session.case.sex == "female" and session.state == "age"
    answers = [c for c in harness.rec.calls()[before:] if c.method == "answerCallbackQuery"]
    assert len(answers) == 2
    assert [a.params.get("text") for a in answers] == [None, get_content().message("stale_button")]


async def test_group_chats_are_ignored(harness: Harness) -> None:
    assert await harness.feed(harness.rec.text_update(-100123, "hello", bot=harness.app.bot)) == []
    assert await harness.store.health.count_sessions() == 0


async def test_flood_wait_is_waited_out_once_and_the_message_still_arrives(harness: Harness) -> None:
    await harness.command("/start")
    harness.rec.fail_next("sendMessage", status=429, retry_after=1)
    calls = await harness.press("Female")
    sends = sent(calls)
    assert [c.status for c in sends] == [429, 200]
    assert sends[0].params == sends[1].params
    assert await harness.state() == "age"


async def test_when_the_pressed_message_cannot_be_edited_the_answer_is_sent_instead(harness: Harness) -> None:
    await harness.command("/start")
    harness.rec.fail_next("editMessageText", status=400, description="Bad Request: message can't be edited")
    calls = await harness.press("Female")
    # The answer is confirmed at the head of the next question's message instead.
    [message] = sent(calls)
    echo, _, question = message.params["text"].partition("\n\n")
    assert "Female" in echo and echo.startswith("✅")
    assert question.startswith(get_content().text(get_content().questions["age"].text))
    assert message.params["reply_markup"]
    assert await harness.state() == "age"
