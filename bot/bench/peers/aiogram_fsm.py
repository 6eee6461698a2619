"""The peer an aiogram user would write: aiogram 3 FSM with MemoryStorage.

Idiomatic, as in aiogram's finite-state-machine example: a StatesGroup with one State
per question (the same questions as this bot), a Router with a /start handler and one
message handler per state (StateFilter), the answers in the FSM data, and
`Dispatcher(storage=MemoryStorage())`. Updates go in through `Dispatcher.feed_raw_update`
(what aiogram's polling and webhook handlers call); the Bot has a fake session that
answers from memory, built like aiogram's AiohttpSession minus the HTTP: the method is
serialised with `prepare_value`, the JSON answer parsed with `check_response`.

Durability: none. MemoryStorage lives in the process; a restart loses every conversation.

Needs the bench extra (`pip install -e '.[bench]'`): aiogram is imported only here.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncGenerator
from typing import Any

from aiogram import Bot, Dispatcher, F, Router
from aiogram.client.session.base import BaseSession
from aiogram.filters import CommandStart, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.methods import TelegramMethod
from aiogram.types import KeyboardButton, Message, ReplyKeyboardMarkup, ReplyKeyboardRemove

from bot.bench.peers.common import Questions
from bot.bench.targets import TOKEN
from bot.fake_telegram import BotApiState
from flows.dialogue import Engine

DURABILITY = "none (MemoryStorage): a restart loses every conversation"


class FakeSession(BaseSession):
    """aiogram's session contract, answered from memory (no network)."""

    def __init__(self) -> None:
        super().__init__()
        self.sent = 0
        self.api = BotApiState(TOKEN, lean=True, bot_username="itoh_bench_bot")  # as the PTB rows'
        self.yields = False  # as InProcessBotApi.yields: give way to the loop once per call

    async def make_request(self, bot: Bot, method: TelegramMethod[Any], timeout: int | None = None) -> Any:
        if self.yields:
            await asyncio.sleep(0)
        files: dict[str, Any] = {}
        params = {}
        for key, value in method.model_dump(warnings=False).items():
            prepared = self.prepare_value(value, bot=bot, files=files)
            if prepared:
                params[key] = prepared
        api = method.__api_method__
        if api.startswith(("send", "edit")):
            self.sent += 1
        body = json.dumps({"ok": True, "result": self.api.dispatch(api, params)})
        return self.check_response(bot=bot, method=method, status_code=200, content=body).result

    async def close(self) -> None:
        """Nothing to close."""

    async def stream_content(self, url: str, headers: dict[str, Any] | None = None, timeout: int = 30,
                             chunk_size: int = 65536, raise_for_status: bool = True) -> AsyncGenerator[bytes, None]:
        raise RuntimeError("the bench downloads no files")
        yield b""  # pragma: no cover


def build_router(questions: Questions) -> Router:
    """/start, then one handler per question state, until the summary."""
    hip = type("HipPain", (StatesGroup,), {state: State() for state in questions.states})
    router = Router(name="hip_pain")

    async def ask(message: Message, state_id: str) -> None:
        text, labels = questions.question(state_id)
        markup: ReplyKeyboardMarkup | ReplyKeyboardRemove = (
            ReplyKeyboardMarkup(keyboard=[[KeyboardButton(text=label)] for label in labels], one_time_keyboard=True)
            if labels else ReplyKeyboardRemove()
        )
        await message.answer(text, reply_markup=markup)

    @router.message(CommandStart())
    async def start(message: Message, state: FSMContext) -> None:
        await state.set_state(getattr(hip, questions.initial))
        await state.set_data({"answers": {}})
        for text in questions.welcome:
            await message.answer(text)
        await ask(message, questions.initial)

    def answer_for(state_id: str) -> Any:
        async def on_answer(message: Message, state: FSMContext) -> None:
            data = await state.get_data()
            answers = dict(data.get("answers", {}))
            step = questions.answer(state_id, message.text or "", answers)
            if not step.ok:
                await message.answer(step.texts[0])
                return
            if step.finished:
                await state.clear()
                for text in step.texts:
                    await message.answer(text, reply_markup=ReplyKeyboardRemove())
                return
            assert step.next_state is not None
            await state.update_data(answers=answers)
            await state.set_state(getattr(hip, step.next_state))
            await ask(message, step.next_state)

        on_answer.__name__ = f"answer_{state_id}"
        return on_answer

    for state_id in questions.states:
        router.message(StateFilter(getattr(hip, state_id)), F.text)(answer_for(state_id))
    return router


class AiogramPeer:
    """The aiogram FSM peer behind the bench's Target interface."""

    name = "peer: aiogram 3 FSM + MemoryStorage"
    durability = DURABILITY

    def __init__(self, engine: Engine) -> None:
        self.session = FakeSession()
        self.bot = Bot(TOKEN, session=self.session)
        self.dispatcher = Dispatcher(storage=MemoryStorage())
        self.dispatcher.include_router(build_router(Questions(engine)))

    async def start(self) -> None:
        await self.dispatcher.emit_startup(bot=self.bot)

    async def feed(self, update: dict[str, Any]) -> None:
        await self.dispatcher.feed_raw_update(self.bot, update)

    def wait_like_a_network(self) -> None:
        self.session.yields = True

    async def feed_as_running(self, update: dict[str, Any]) -> None:
        # aiogram's polling runs every update as a task of its own (handle_as_tasks=True,
        # its default): updates of different users run concurrently, as here.
        await self.dispatcher.feed_raw_update(self.bot, update)

    async def stop(self) -> None:
        await self.dispatcher.emit_shutdown(bot=self.bot)
        await self.dispatcher.storage.close()

    def api_calls(self) -> int:
        return self.session.sent
