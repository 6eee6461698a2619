"""Logs say what happened but never what was said, nor the token — even at DEBUG."""

from __future__ import annotations

import logging

import pytest

from bot.startup import SafeFormatter, configure_logging
from flows.content import get_content
from tests.telegram.harness import TOKEN, Harness

SECRET_WORDS = "zebra-crossing-xyzzy"


async def test_debug_logging_keeps_answers_and_token_out(harness: Harness, caplog: pytest.LogCaptureFixture) -> None:
    configure_logging("DEBUG", secrets=[TOKEN])
    caplog.set_level(logging.DEBUG)
    await harness.command("/start")
    await harness.press("Female")
    await harness.say(SECRET_WORDS)  # not an age: an error reply quoting nothing in the logs
    await harness.say("q" * 5000)
    await harness.press("Don't know")
    await harness.feed(harness.rec.photo_update(harness.chat, bot=harness.app.bot, caption="my-private-caption"))

    text = caplog.text
    assert "update" in text and "handled" in text and "latency_ms=" in text  # it does log
    content = get_content()
    leaks = [TOKEN, TOKEN.split(":")[1], SECRET_WORDS, "q" * 50, "my-private-caption", "Female", "|a:",
             content.message("welcome")[:40], content.message("stale_button")[:40]]
    for leak in leaks:
        assert leak not in text, f"{leak[:30]!r} leaked into the logs"
    assert logging.getLogger("telegram").getEffectiveLevel() >= logging.INFO
    assert logging.getLogger("telegram.ext.Application").getEffectiveLevel() >= logging.INFO
    assert logging.getLogger("httpx").getEffectiveLevel() >= logging.WARNING


def test_formatter_redacts_secrets_in_messages_and_tracebacks() -> None:
    formatter = SafeFormatter([TOKEN, None])
    try:
        raise RuntimeError(f"the token `{TOKEN}` was rejected")
    except RuntimeError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "calling %s", (f"https://api/bot{TOKEN}/getMe",),
                                   exc_info=__import__("sys").exc_info())
    out = formatter.format(record)
    assert TOKEN not in out and out.count("[redacted]") == 2


def test_terse_exceptions_lose_their_traceback() -> None:
    formatter = SafeFormatter([], terse=(KeyError,))
    try:
        raise KeyError("x")
    except KeyError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), exc_info=__import__("sys").exc_info())
    assert "Traceback" not in formatter.format(record)


@pytest.mark.parametrize("logger, message", [
    ("telegram.Bot", "Error while parsing updates! Received data was %r"),  # a getUpdates batch
    ("telegram.ext.Updater", "Something went wrong. Received data was: %r"),  # PTB's own webhook server
])
def test_data_ptb_could_not_parse_is_never_printed(logger: str, message: str) -> None:
    formatter = SafeFormatter([])
    update = {"update_id": 7, "message": {"text": SECRET_WORDS, "from": {"first_name": "Alice"}}}
    for text, args in ((message, (update,)), (message, ([update, update],)), ("%d: %r", (3, [update]))):
        record = logging.getLogger(logger).makeRecord(logger, logging.CRITICAL, __file__, 1, text, args, None)
        out = formatter.format(record)
        assert SECRET_WORDS not in out and "Alice" not in out and "not logged" in out, out
    ids = logging.getLogger(logger).makeRecord(logger, logging.DEBUG, __file__, 1, "updates %s of %d", ("a", 2), None)
    assert formatter.format(ids).endswith("updates a of 2")  # scalars are kept
