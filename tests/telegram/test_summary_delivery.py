"""Issue 17 in Telegram, in process: the summary's first block is one message with the
sections as buttons under it; a press opens one section and keeps the buttons; "Report
for the doctor" sends the clinician's PDF as a document; at most 4 messages from the
last answer to the end of the summary.
"""

from __future__ import annotations

import io

from pypdf import PdfReader

from flows.assessment import assess
from flows.content import get_content
from tests.telegram.harness import Harness, keyboard_rows, plain, sent

CONTENT = get_content()

MAX_SUMMARY_MESSAGES = 4


def section_titles() -> list[str]:
    content = get_content()
    return [content.text(section.title) for section in content.guidance.summary_sections]


async def finish(harness: Harness) -> list:  # type: ignore[type-arg]
    """Answer "don't know" until the last question; return the calls of the last answer."""
    await harness.command("/start")
    for _ in range(40):
        calls = await harness.say("don't know")
        if await harness.state() == "summary":
            return calls
    raise AssertionError("never reached the summary")


async def test_first_block_is_one_message_with_every_section_as_a_button(harness: Harness) -> None:
    content = get_content()
    calls = await finish(harness)
    messages = sent(calls)
    assert len(messages) <= MAX_SUMMARY_MESSAGES, [m.params["text"][:60] for m in messages]
    first = next(m for m in messages if keyboard_rows(m))
    labels = [plain(text) for row in keyboard_rows(first) for text, _ in row]
    titles = section_titles()
    # Sections with nothing fitted to this person are left out; the rest keep their order.
    assert labels == [t for t in titles if t in labels]
    assert {titles[0], titles[-1]} <= set(labels)  # why these causes, and the report
    assert len(labels) >= 4
    session = await harness.session()
    assert session is not None
    level = content.triage.levels[assess(session.case, CONTENT).triage]
    assert content.text(level.now) in first.response["text"]  # what to do now, in the first block
    assert content.message("disclaimer") in messages[-1].response["text"]
    assert "100%" not in "".join(m.response["text"] for m in messages)


async def test_a_section_press_opens_that_section_and_keeps_the_buttons(harness: Harness) -> None:
    await finish(harness)
    first = harness.question()
    before = first.buttons()
    calls = await harness.press(section_titles()[0], first)
    opened = sent(calls)
    assert len(opened) == 1 and opened[0].params["text"].startswith(f"<b>{section_titles()[0]}</b>")
    assert [c.method for c in calls if c.method == "editMessageText"] == []  # the first block stays as it was
    still = next(m for m in harness.rec.messages(harness.chat) if m.message_id == first.message_id)
    assert still.buttons() == before
    assert await harness.state() == "summary"


async def test_report_button_sends_the_clinician_pdf_as_a_document(harness: Harness) -> None:
    content = get_content()
    await finish(harness)
    calls = await harness.press("Report for the doctor", harness.question())
    documents = [c for c in calls if c.method == "sendDocument"]
    assert len(documents) == 1
    document = documents[0].params["document"]
    assert document["file_name"].endswith(".pdf")
    reader = PdfReader(io.BytesIO(document["data"]))
    assert 1 <= len(reader.pages) <= 2
    text = " ".join(page.extract_text() for page in reader.pages)
    assert content.text(content.conditions["itoh"].clinical_term).split()[0] in text
    assert "Disclaimer" in text or content.message("disclaimer_title") in text
    assert documents[0].params["caption"] == content.message("report_caption")
