"""Issue 17 over real HTTP: `itoh-bot run` in a subprocess, the FakeBotApi playing
Telegram. Seed 000 by buttons; the first summary block arrives with its section
buttons, a section opens on a press, and "Report for the doctor" arrives as a PDF
document (multipart sendDocument) that a clinician can read.
"""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from bot.fake_telegram import FakeBotApi
from flows.content import get_content
from tests.telegram.bot_process import BotProcess, bot_env
from tests.telegram.chat_driver import WAIT, ChatDriver, seed_answers
from tests.telegram.harness import plain

pytestmark = pytest.mark.e2e
CHAT = 7017


def test_seed_000_summary_sections_and_report_document_over_http(fake: FakeBotApi, tmp_path: Path) -> None:
    content = get_content()
    titles = [content.text(section.title) for section in content.guidance.summary_sections]
    bot = BotProcess(bot_env(fake, tmp_path / "sessions.sqlite3"), tmp_path)
    try:
        driver = ChatDriver(fake, CHAT)
        driver.start()
        answers = seed_answers()
        for answer in answers[:-1]:
            driver.answer(answer)
        before = len(fake.messages(CHAT))
        driver.answer(answers[-1])
        summary = fake.messages(CHAT)[before - 1:]
        # The pressed question is edited in place; at most 4 new messages end the summary.
        assert len(fake.messages(CHAT)) - before <= 4, fake.format_transcript(CHAT)
        first = next(m for m in summary if m.buttons())
        itoh = content.text(content.conditions["itoh"].name)
        assert itoh in first.text.split("\n", 4)[-1] or itoh in first.text
        labels = [plain(text) for text, _ in first.buttons()]
        assert labels[0] == titles[0] and labels[-1] == titles[-1]
        assert content.message("disclaimer") in fake.messages(CHAT)[-1].text

        since = len(fake.calls())
        data = next(d for text, d in first.buttons() if plain(text) == titles[0])
        fake.user_presses_button(CHAT, first.message_id, data or "")
        opened = asyncio.run(fake.wait_for_call("sendMessage", timeout=WAIT, since=since))
        assert opened.response["text"].startswith(titles[0])

        since = len(fake.calls())
        data = next(d for text, d in first.buttons() if plain(text) == titles[-1])
        fake.user_presses_button(CHAT, first.message_id, data or "")
        asyncio.run(fake.wait_for_call("sendDocument", timeout=WAIT, since=since))
        document = fake.messages(CHAT)[-1].document
        assert document is not None and document["file_name"].endswith(".pdf")
        reader = PdfReader(io.BytesIO(document["data"]))
        assert 1 <= len(reader.pages) <= 2
        text = " ".join(page.extract_text() for page in reader.pages)
        assert content.text(content.conditions["itoh"].clinical_term).split()[0] in text
        assert bot.stop() == 0, bot.log
        assert "Traceback" not in bot.log
    finally:
        bot.close()
