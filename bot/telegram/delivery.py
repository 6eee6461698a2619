"""Show one turn in a Telegram chat: answer the press, edit the pressed message, send.

Who calls it: bot/telegram/handlers.py, as the `deliver` step of `take_turn`, after the
session is saved and while the chat's lock is held. What it does with a button press:

* always answers the callback query first (the phone's spinner stops); a stale press
  is answered with the short "stale" notice as a toast instead of a chat message;
* an answer recorded ("answered") turns the pressed question into "question + ✅ answer"
  with no keyboard, so old keyboards do not pile up; a multi-select toggle
  ("selection") redraws the pressed message in place;
* any other press on a message leaves that message without its keyboard: either the
  chosen button is noted (a /change menu) or the keyboard was dead (stale press);
* a typed answer's confirmation (or a pressed one whose message could not be edited)
  is not a message of its own when the next question follows it directly: "✅ Age: 34"
  heads that question's message, so the turn is one sendMessage instead of two;
* every remaining reply is sent as new messages (rendered by bot/telegram/render.py).

Every Bot API call goes through bot/telegram/retry.py: flood waits, 5xx and network
trouble are retried, but a sendMessage that may already have arrived is not resent.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import Bot, CallbackQuery, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest, NetworkError
from telegram.request import RequestData
from telegram.request._requestparameter import RequestParameter  # what Bot._do_post builds (PTB <23)

from bot.chat_turn import Turn
from bot.reports.files import report_pdf
from bot.telegram.render import (
    Outgoing,
    alert_text,
    answered_text,
    chosen_text,
    pressed_kind,
    render,
    render_answered_then_question,
)
from bot.telegram.retry import call_api, surely_not_executed
from flows.content import Content
from flows.messages import Reply
from flows.session import Session

log = logging.getLogger(__name__)

NO_PREVIEW = {"is_disabled": True}  # LinkPreviewOptions(is_disabled=True) as JSON
TOAST_OUTCOMES = ("unavailable", "not_allowed", "rate_limited")  # also said on the pressed button


class Delivery:
    """Everything needed to show one turn's replies in one chat."""

    def __init__(
        self,
        bot: Bot,
        chat_id: int,
        content: Content,
        *,
        query: CallbackQuery | None = None,
        pressed_step: int | None = None,
    ) -> None:
        self.bot = bot
        self.chat_id = chat_id
        self.content = content
        self.query = query
        self.pressed_step = pressed_step  # the step in the pressed button's data, if ours
        self.pressed = query.message if query is not None and isinstance(query.message, Message) else None
        self.sent = 0
        self.edited = 0
        self.session: Session | None = None

    async def __call__(self, turn: Turn) -> None:
        replies = list(turn.replies)
        locale = turn.session.locale if turn.session is not None else self.content.default_language
        self.session = turn.session
        stale = bool(replies) and (turn.outcome == "stale" or is_stale_notice(replies[0]))
        if self.query is not None:
            # First, so the phone's spinner stops before the messages arrive.
            toast = replies[0].text if stale or turn.outcome in TOAST_OUTCOMES else None
            await self._answer_query(toast)
        if stale:
            replies.pop(0)  # said as the toast, not as a message
        pressed_done = await self._show(replies, locale)
        if self.pressed is not None and not pressed_done and turn.outcome == "stepped" and not self._keeps_keyboard():
            await self._close_pressed(accepted=not stale and self.pressed_step == turn.previous_step, locale=locale)

    def _pressed_kind(self) -> str | None:
        """The kind of our button that was pressed ("answer", "language"...), if it is ours."""
        return pressed_kind(self.query.data) if self.query is not None else None

    def _keeps_keyboard(self) -> bool:
        """A summary section asked for leaves the summary's buttons, so others can be asked for."""
        return self._pressed_kind() in ("section", "more")

    async def _show(self, replies: list[Reply], locale: str) -> bool:
        """Send or edit for each reply; True if the pressed message was edited."""
        pressed_done = False
        index = 0
        while index < len(replies):
            reply = replies[index]
            index += 1
            if self.pressed is not None and not pressed_done and reply.kind == "answered":
                pressed_done = await self._edit(answered_text(self._question_text(reply, locale), reply))
                if pressed_done:
                    continue  # else the answer is confirmed with the next question, below
            if reply.kind == "answered" and _question_follows(replies, index):
                # "✅ Age: 34" heads the next question's message: one message, not two.
                for outgoing in render_answered_then_question(reply, replies[index]):
                    await self._send(outgoing)
                index += 1
                continue
            if reply.kind == "report":
                await self._send_report(locale)
                continue
            rendered = render(reply)
            if self.pressed is not None and not pressed_done and reply.kind == "selection" and len(rendered) == 1:
                pressed_done = await self._edit(rendered[0].text, rendered[0].reply_markup())
                if pressed_done:
                    continue
            for outgoing in rendered:
                await self._send(outgoing)
        return pressed_done

    def _question_text(self, reply: Reply, locale: str) -> str:
        content = self.content
        if reply.question_id in content.questions:
            return content.text(content.questions[reply.question_id].text, locale)
        return (self.pressed.text or "") if self.pressed is not None else ""

    async def _close_pressed(self, *, accepted: bool, locale: str) -> None:
        """Take the keyboard off the pressed message, noting the chosen button if it counted.
        The language menu, once a language is chosen, reads in that language, as every
        message after it does."""
        assert self.pressed is not None and self.query is not None
        label = _label_of(self.pressed, self.query.data) if accepted else None
        shown = self.pressed.text
        if label is not None and self._pressed_kind() == "language":
            shown = self.content.message("language_choose", locale)
        if label is not None and shown:
            await self._edit(chosen_text(shown, label))
        elif self.pressed.reply_markup is not None:
            await self._edit_markup()

    # Bot API calls ---------------------------------------------------------------

    async def _send_report(self, locale: str) -> None:
        """The clinician report as a PDF document, made in memory for this chat and not kept."""
        if self.session is None:
            return
        name, pdf = report_pdf(self.session.case, self.content, locale, someone_else=self.session.for_someone_else,
                               before_the_end=self.session.before_the_summary,
                               at=self.session.state)
        caption = self.content.message("report_caption", locale)
        await call_api(lambda: self.bot.send_document(self.chat_id, document=pdf, filename=name, caption=caption),
                       idempotent=False, method="sendDocument")
        self.sent += 1

    async def _send(self, outgoing: Outgoing) -> None:
        params = message_params(self.chat_id, outgoing.text, outgoing.reply_markup())
        try:
            await call_api(lambda: post(self.bot, "sendMessage", params), idempotent=False, method="sendMessage")
        except NetworkError as exc:
            if isinstance(exc, BadRequest) or surely_not_executed(exc):
                raise
            # Timed out after it went out: it may well have arrived, so it is not resent
            # (the person would see it twice), and the turn's other messages still go.
            log.warning("sendMessage may not have arrived (%s); not resent", type(exc).__name__)
            return
        self.sent += 1

    async def _edit(self, text: str, reply_markup: dict[str, Any] | None = None) -> bool:
        assert self.pressed is not None
        params = {**message_params(self.chat_id, text, reply_markup), "message_id": self.pressed.message_id}
        try:
            await call_api(lambda: post(self.bot, "editMessageText", params), idempotent=True,
                           method="editMessageText")
        except BadRequest as exc:
            if "not modified" in exc.message:
                # It already shows exactly this (e.g. an earlier attempt timed out after
                # Telegram applied it): done, and not to be repeated as a new message.
                return True
            # Too old to edit, or deleted: the chat is still right without it.
            # Telegram's descriptions name the problem, never the message's content.
            log.info("could not edit the pressed message: %s", exc.message)
            return False
        self.edited += 1
        return True

    async def _edit_markup(self) -> None:
        assert self.pressed is not None
        params = {"chat_id": self.chat_id, "message_id": self.pressed.message_id}
        try:
            await call_api(lambda: post(self.bot, "editMessageReplyMarkup", params), idempotent=True,
                           method="editMessageReplyMarkup")
            self.edited += 1
        except BadRequest as exc:
            log.info("could not remove a keyboard: %s", exc.message)

    async def _answer_query(self, toast: str | None) -> None:
        assert self.query is not None
        query = self.query
        try:
            await call_api(lambda: query.answer(text=alert_text(toast) if toast else None),
                           idempotent=True, method="answerCallbackQuery")
        except BadRequest as exc:
            # e.g. "query is too old": the press was still handled.
            log.info("could not answer a button press: %s", exc.message)


def message_params(chat_id: int, text: str, reply_markup: dict[str, Any] | None) -> dict[str, Any]:
    """sendMessage / editMessageText parameters: HTML, no link previews, the inline keys if any."""
    params: dict[str, Any] = {"chat_id": chat_id, "text": text, "parse_mode": ParseMode.HTML.value,
                              "link_preview_options": NO_PREVIEW}
    if reply_markup is not None:
        params["reply_markup"] = reply_markup
    return params


async def post(bot: Bot, method: str, params: dict[str, Any]) -> Any:
    """Call a Bot API method and return its raw JSON result, unparsed.

    For the calls whose answer the bot does not read (the message it just sent or
    edited): PTB's `send_message` would turn each answer into a `Message` (its chat,
    sender and keyboard) only for it to be thrown away, a third of the cost of a send.
    This is the request PTB's own methods make (`Bot._do_post`: the same `RequestData`
    through the same `BaseRequest`), so the parameters, timeouts and errors
    (`BadRequest`, `RetryAfter`, `NetworkError`, `InvalidToken`) are the same. What it
    leaves out, PTB's `Defaults` and `rate_limiter`, this bot does not configure.
    """
    data = RequestData([RequestParameter.from_input(key, value) for key, value in params.items()])
    return await bot.request.post(f"{bot.base_url}/{method}", request_data=data)


def _question_follows(replies: list[Reply], index: int) -> bool:
    return index < len(replies) and replies[index].kind == "question"


def is_stale_notice(reply: Reply) -> bool:
    """The dialogue's "that button belongs to an earlier question" notice, by its id."""
    return reply.kind == "notice" and reply.code == "stale_button"


def _label_of(message: Message, data: str | None) -> str | None:
    markup = message.reply_markup
    if markup is None or data is None:
        return None
    for row in markup.inline_keyboard:
        for button in row:
            if button.callback_data == data:
                return button.text
    return None

