"""Issue 18: the Portuguese scripts (tests/scripts/pt-*.yaml) pass on every channel, and a
Portuguese person is shown no English.

Each script is played on each channel; everything the person saw is collected (every
message with its buttons, every section the runner opened after the summary, and the text
of the report for the doctor: the PDF on the terminal and Telegram, the report as built on
the engine), and any English sentence in it (tests/support/english.py) fails the test,
naming the script, the channel, the step and the sentence. A turn after the person chose
English with /language is in English on purpose, and is not checked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.fake_telegram import InProcessBotApi
from bot.scripts.drivers.telegram import TOKEN
from bot.scripts.model import CHANNELS, Channel, Script, load_script
from bot.scripts.observe import TurnView
from bot.scripts.runner import ScriptResult, run_script
from flows.content import get_content
from flows.dialogue import get_engine
from tests.support.english import english_in

CONTENT = get_content()
ENGINE = get_engine()
# A paper's citation in the report's sources is given as published, in its own language.
CITATIONS = [" ".join(reference.citation.split()) for reference in CONTENT.references.values()]

HERE = Path(__file__).parent
PORTUGUESE = sorted(HERE.glob("pt-*.yaml"))


def english_shown(result: ScriptResult) -> list[str]:
    """Each English sentence shown while the conversation was in the script's language:
    `step N (action): "sentence"`, in the order shown."""
    found = []
    for number, described, view in turns(result):
        for locale, text in view.everything():
            if locale != result.script.language:
                continue
            found += [f"step {number} ({described}): {sentence!r}" for sentence in english_in(text)
                      if not any(sentence in citation for citation in CITATIONS)]
    return list(dict.fromkeys(found))


def turns(result: ScriptResult) -> list[tuple[int, str, TurnView]]:
    """(step number, step as written, what it showed) for every turn; 0 is the greeting.
    A step with only `expect` shows nothing of its own."""
    acted = [step for step in result.steps
             if step.number == 0 or result.script.steps[step.number - 1].action is not None]
    return [(step.number, step.described, view) for step, view in zip(acted, result.views, strict=False)]


def play(path: Path, channel: Channel) -> ScriptResult:
    return run_script(load_script(path, CONTENT), channel, ENGINE, path.relative_to(HERE.parents[1]),
                      telegram_double=lambda: InProcessBotApi(token=TOKEN))


def test_there_are_portuguese_scripts_for_each_kind_of_case() -> None:
    scripts = {path.name: load_script(path, CONTENT) for path in PORTUGUESE}
    assert len(scripts) >= 6, sorted(scripts)
    assert all(CONTENT.reads_as(script.language) == "pt" for script in scripts.values())  # pt, or pt-BR
    tags = {tag for script in scripts.values() for tag in script.tags}
    assert {"seed", "pregnancy", "postpartum", "red-flag", "navigation", "bad-input"} <= tags, tags
    assert all(script.channels == list(CHANNELS) for script in scripts.values())


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("path", PORTUGUESE, ids=[path.stem for path in PORTUGUESE])
def test_a_portuguese_script_passes_and_shows_no_english(path: Path, channel: Channel) -> None:
    result = play(path, channel)
    assert result.ok, result.report()
    assert len(result.views) >= 2 and all(view.locale for view in result.views)
    english = english_shown(result)
    assert not english, (f"{path.name} [{channel}]: English shown to a Portuguese person:\n  "
                         + "\n  ".join(english))


def test_the_runner_reads_the_report_for_the_doctor_on_every_channel() -> None:
    # The report is part of what is checked: a script that reaches the summary reads it.
    path = HERE / "pt-seed-000-terceiro-trimestre.yaml"
    content = get_content()
    for channel in CHANNELS:
        result = play(path, channel)
        reports = [view.report for _, _, turn in turns(result) for view in [turn, *turn.followups] if view.report]
        assert reports and content.message("report_title", "pt") in " ".join(reports[-1].split()), channel


def test_english_shown_names_the_step_and_the_sentence() -> None:
    # The check itself: an English sentence in a Portuguese turn is found and placed.
    script = Script.model_validate({"name": "t", "language": "pt", "steps": [{"say": "sim"}]},
                                   context={"content": CONTENT})
    english = get_content().message("danger_offer", "en")
    result = ScriptResult("t.yaml", script, "engine", views=[
        TurnView("> /start", said=["Olá."], locale="pt"),
        TurnView("> sim", said=[f"Obrigado.\n{english}"], locale="pt"),
    ])
    result.steps = [_step(0, "start"), _step(1, 'say: "sim"')]
    found = english_shown(result)
    assert found and all(line.startswith('step 1 (say: "sim"): ') for line in found), found
    assert any("carry on answering" in line for line in found), found
    # After /language to English, a turn in English is what the person asked for.
    result.views[1].locale = "en"
    assert english_shown(result) == []


def _step(number: int, described: str):  # type: ignore[no-untyped-def]
    from bot.scripts.runner import StepResult

    return StepResult(number, described)
