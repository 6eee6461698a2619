"""The peer a PTB user would write: a ConversationHandler with PicklePersistence.

Idiomatic, as in PTB's own persistentconversationbot.py example: one state per
question (the same questions as this bot), one MessageHandler per state, the answers in
a dict in `context.user_data`, `persistent=True` with a named handler, and
`PicklePersistence(filepath)` with PTB's defaults (single_file=True, on_flush=False,
update_interval=60). Replies use a one-time reply keyboard of the option labels.

Durability, as PTB does it by default: the conversation and user_data live in the
process; the Application writes them to the pickle file every 60 s (and at a clean
shutdown). A crash or kill -9 loses up to the last 60 s of every conversation. Each
periodic run rewrites the WHOLE file once per changed user and once per changed
conversation (PicklePersistence.update_user_data / update_conversation with
on_flush=False), on the event loop; `flush_once` measures that.

`same_replies=True` is a diagnostic variant, not what a PTB user would write: the same
handler sends what this bot sends (the question as HTML with inline buttons, headed by
the confirmation of the answer just typed; the confirmation in a message of its own
before the summary), so the bench can separate the cost of the replies from the cost of
where the state lives.

Who uses it: bot/bench/inprocess.py and growth.py, through the Target interface.
"""

from __future__ import annotations

import html
import pickle
import time
from pathlib import Path
from typing import Any

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.constants import ParseMode
from telegram.ext import (
    CommandHandler,
    ContextTypes,
    ConversationHandler,
    MessageHandler,
    PicklePersistence,
    filters,
)

from bot.bench.peers.common import Questions
from bot.bench.targets import PtbApplication, PtbTarget
from flows.dialogue import Engine

CONVERSATION = "hip_pain"
DURABILITY = "every 60 s (PicklePersistence default): a crash loses up to 60 s of answers"


class CountingPicklePersistence(PicklePersistence):  # type: ignore[type-arg]
    """PicklePersistence, unchanged, except that it counts whole-file rewrites.

    `discard` (set by the bench when a run is over) skips the writes of the shutdown
    flush: the file is thrown away, and at 100 000 sessions writing it would take minutes.
    """

    __slots__ = ("discard", "dumps")

    def __init__(self, filepath: Path) -> None:
        super().__init__(filepath=filepath)  # PTB's defaults, as a user writes it
        self.dumps = 0
        self.discard = False

    def _dump_singlefile(self) -> None:
        if self.discard:
            return
        self.dumps += 1
        super()._dump_singlefile()


def build_conversation(questions: Questions, same_replies: bool = False) -> ConversationHandler:  # type: ignore[type-arg]
    """The ConversationHandler: /start, then one state per question until the summary."""
    no_preview = LinkPreviewOptions(is_disabled=True)

    async def ask(update: Update, state: str, echo: str | None = None) -> None:
        assert update.message is not None
        text, labels = questions.question(state)
        if same_replies:
            buttons = [[InlineKeyboardButton(label, callback_data=f"1|a:{i}")] for i, label in enumerate(labels)]
            if echo is not None:
                text = f"✅ {echo}\n\n{text}"
            await update.message.reply_text(html.escape(text), parse_mode=ParseMode.HTML,
                                            reply_markup=InlineKeyboardMarkup(buttons), link_preview_options=no_preview)
            return
        markup = (
            ReplyKeyboardMarkup([[label] for label in labels], one_time_keyboard=True)
            if labels else ReplyKeyboardRemove()
        )
        await update.message.reply_text(text, reply_markup=markup)

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> str:
        assert update.message is not None and context.user_data is not None
        context.user_data["answers"] = {}
        for text in questions.welcome:
            await update.message.reply_text(text)
        await ask(update, questions.initial)
        return questions.initial

    def answer_for(state: str) -> Any:
        async def answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> str | int | None:
            assert update.message is not None and update.message.text is not None
            assert context.user_data is not None
            answers = context.user_data.setdefault("answers", {})
            step = questions.answer(state, update.message.text, answers)
            if not step.ok:
                await update.message.reply_text(step.texts[0])
                return None  # stay on this question
            if step.finished:
                if same_replies:
                    await update.message.reply_text(html.escape("✅ " + step.echo), parse_mode=ParseMode.HTML,
                                                    link_preview_options=no_preview)
                for text in step.texts:
                    await update.message.reply_text(text, reply_markup=ReplyKeyboardRemove())
                return ConversationHandler.END
            assert step.next_state is not None
            await ask(update, step.next_state, step.echo if same_replies else None)
            return step.next_state

        answer.__name__ = f"answer_{state}"
        return answer

    async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
        assert update.message is not None and context.user_data is not None
        context.user_data.clear()
        await update.message.reply_text("Cancelled.", reply_markup=ReplyKeyboardRemove())
        return ConversationHandler.END

    typed = filters.TEXT & ~filters.COMMAND
    return ConversationHandler(
        entry_points=[CommandHandler("start", start)],
        states={state: [MessageHandler(typed, answer_for(state))] for state in questions.states},
        fallbacks=[CommandHandler("cancel", cancel), CommandHandler("start", start)],
        name=CONVERSATION,
        persistent=True,
    )


class PtbConversationPeer(PtbTarget):
    """The ConversationHandler peer behind the bench's Target interface."""

    name = "peer: PTB ConversationHandler + PicklePersistence"
    durability = DURABILITY

    def __init__(self, pickle_path: Path, engine: Engine, same_replies: bool = False) -> None:
        self.pickle_path = pickle_path
        self.questions = Questions(engine)
        self.same_replies = same_replies
        if same_replies:
            self.name = "peer variant: PTB ConversationHandler, this bot's replies"
        super().__init__()

    def build(self) -> PtbApplication:
        self.persistence = CountingPicklePersistence(self.pickle_path)
        app = self.builder().persistence(self.persistence).build()
        app.add_handler(build_conversation(self.questions, self.same_replies))
        return app

    async def flush_once(self) -> tuple[float, int]:
        """One periodic persistence run, as the Application does every 60 s: (seconds, file rewrites)."""
        before = self.persistence.dumps
        started = time.perf_counter()
        await self.app.update_persistence()
        return time.perf_counter() - started, self.persistence.dumps - before

    async def stop(self) -> None:
        self.persistence.discard = True  # the run is over: its file is not kept
        await self.app.shutdown()


def prefill(path: Path, sessions: int, questions: Questions, first_chat: int = 1) -> None:
    """Write a pickle file as PicklePersistence would after `sessions` users stopped mid-way.

    Each user has answered about half the questions: user_data {"answers": {...}} and a
    conversation state, keyed (chat_id, user_id) as ConversationHandler does.
    """
    answers = _typical_answers(questions)
    middle = questions.states[len(questions.states) // 2]
    user_data = {first_chat + i: {"answers": dict(answers)} for i in range(sessions)}
    conversations = {CONVERSATION: {(first_chat + i, first_chat + i): middle for i in range(sessions)}}
    data = {"conversations": conversations, "user_data": user_data, "chat_data": {},
            "bot_data": {}, "callback_data": None}
    with path.open("wb") as file:
        pickle.dump(data, file, protocol=pickle.HIGHEST_PROTOCOL)


def _typical_answers(questions: Questions) -> dict[str, Any]:
    from bot.bench.stream import SEED_000

    answers: dict[str, Any] = {}
    state = questions.initial
    for text in SEED_000[:12]:
        step = questions.answer(state, text, answers)
        if step.next_state is None:
            break
        state = step.next_state
    return answers
