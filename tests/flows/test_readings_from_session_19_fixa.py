"""Session 19 (fixa): a warning sign said after the summary is read, warned of, and the summary
shown again at the raised level of care; a plain "yes" at a "tick all that apply" question
asks which ones. Each rule both ways."""

from __future__ import annotations

import pytest

from bot.telegram.render import render as telegram_render
from bot.terminal import after_summary
from bot.terminal import render as terminal_render
from flows.dialogue import get_engine
from flows.messages import Reply
from tests.support.conversation import Conversation, talk

ENGINE = get_engine()
CONTENT = ENGINE.content

# A man of 45 with three weeks of hip pain and no warning sign: "no urgency, 1 to 2 weeks".
TO_THE_SUMMARY = {
    "pt-BR": ["sou homem, 45 anos, dor no quadril direito faz uns 20 dias", "nenhum ainda", "foi aos poucos",
              "doi pra andar mas ando", "nenhuma", "n", "n", "n"],
    "pt": ["sou homem, 45 anos, dor na anca direita há uns 20 dias", "nenhum ainda", "foi aos poucos",
           "dói para andar mas ando", "nenhuma", "n", "n", "n"],
    "en": ["male 45, right hip pain for about 20 days", "none yet", "gradually", "hurts to walk but i can",
           "none", "n", "n", "n"],
}


def at_the_summary(language: str) -> Conversation:
    conv = talk(*TO_THE_SUMMARY[language], language=language)
    assert conv.state == "summary"
    assert first_summary(conv.transcript[-1][1]).assessed.triage == "consultation"  # type: ignore[union-attr]
    return conv


def first_summary(replies: list[Reply]) -> Reply:
    return next(r for r in replies if r.kind == "summary" and r.code == "first")


def codes(replies: list[Reply]) -> list[str]:
    return [r.code for r in replies]


# --- a warning sign said after the summary ------------------------------------------------------


@pytest.mark.parametrize(("language", "text", "flags", "level"), [
    ("pt-BR", "ah esqueci, hj a noite comecei com febre 38,5 e calafrio", {"fever"}, "emergency"),
    ("pt-BR", "doi de noite tb, me acorda, e emagreci uns 5kg sem querer",
     {"weight_loss", "night_pain_with_cancer_clue"}, "urgent"),
    ("pt", "ah, esqueci-me: desde hoje à noite tenho febre de 38,5", {"fever"}, "emergency"),
    ("en", "oh forgot, I've got a fever of 38.5 now", {"fever"}, "emergency"),
    ("en", "also it wakes me at night and I've lost about 5kg without trying",
     {"weight_loss", "night_pain_with_cancer_clue"}, "urgent"),
])
def test_a_warning_sign_after_the_summary_raises_the_level_and_shows_it_again(
        language: str, text: str, flags: set[str], level: str) -> None:
    conv = at_the_summary(language)
    assert conv.session is not None
    answered, before = list(conv.session.answered), conv.session.case.model_dump()
    replies = conv.say(text)
    warned = {r.code for r in replies if r.kind == "warning"}
    assert warned == flags
    assert codes(replies).index("summary_changed") > max(i for i, r in enumerate(replies) if r.kind == "warning")
    summary = first_summary(replies)
    assert summary.assessed is not None and summary.assessed.triage == level
    assert flags <= set(summary.assessed.red_flags)
    assert any(r.code == "disclaimer" for r in replies)
    # what was recorded before is kept; only the warning sign is new
    assert conv.session.answered == answered
    after = conv.session.case.model_dump()
    assert {k for k, v in before.items() if after[k] != v} <= {"fever", "temperature", "night_pain", "weight_loss"}
    assert set(conv.session.announced) >= flags
    # ...and the summary's sections and report are of the new case
    assert conv.session.state == "summary"
    sections = conv.say("2")
    assert sections and all(r.kind == "summary" for r in sections)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "thanks"),
    ("en", "thank you, that helps"),
    ("en", "no fever though"),                   # a denial, not a sign
    ("en", "still no fever, and I can walk"),
    ("pt-BR", "obrigado"),
    ("pt-BR", "valeu"),
    ("pt-BR", "febre nao tenho"),
    ("pt-BR", "sem febre nenhuma, to andando normal"),
    ("pt", "muito obrigada"),
])
def test_what_raises_no_warning_after_the_summary_changes_nothing(language: str, text: str) -> None:
    conv = at_the_summary(language)
    assert conv.session is not None
    before = conv.session.model_dump()
    replies = conv.say(text)
    assert codes(replies) == ["finished"]
    assert conv.session.model_dump() == before


def test_a_warning_already_given_is_not_given_again_after_the_summary() -> None:
    conv = at_the_summary("en")
    conv.say("oh forgot, I've got a fever of 38.5 now")
    replies = conv.say("yes the fever is 38.5")
    assert not any(r.kind == "warning" for r in replies) and "summary_changed" not in codes(replies)


@pytest.mark.parametrize("language", ["en", "pt-BR"])
def test_the_channels_render_the_summary_shown_again(language: str) -> None:
    conv = at_the_summary(language)
    replies = conv.say({"en": "oh forgot, I've got a fever of 38.5 now",
                        "pt-BR": "ah esqueci, hj a noite comecei com febre 38,5"}[language])
    assert conv.session is not None
    locale = conv.session.locale
    shown = "\n".join(terminal_render(r, CONTENT, locale) for r in replies)
    assert CONTENT.message("summary_changed", locale) in shown
    assert [r.code for r in after_summary(replies, CONTENT, locale)] == ["after_summary_terminal"]
    sent = [message for r in replies for message in telegram_render(r)]
    assert any(CONTENT.message("summary_changed", locale) in message.text for message in sent)
    assert any(message.reply_markup() is not None for message in sent)  # the sections' buttons


# --- a plain yes at a "tick all that apply" question ----------------------------------------------


PREGNANT = {"pt-BR": ["to gravida de 34 semanas e to com uma dor horrivel no quadril esquerdo faz umas 2 semanas",
                      "31"],
            "pt": ["estou grávida de 34 semanas e tenho uma dor horrível na anca esquerda há umas 2 semanas", "31"],
            "en": ["34 weeks pregnant with a horrible pain in my left hip for about 2 weeks", "31"]}


@pytest.mark.parametrize(("language", "text"), [
    ("pt-BR", "sim"), ("pt-BR", "acho q sim"), ("pt-BR", "s"), ("pt-BR", "sim, algumas"), ("pt-BR", "tenho sim"),
    ("pt-BR", "uhum"), ("pt-BR", "yes"),
    ("pt", "sim"), ("pt", "acho que sim"), ("pt", "pois"),
    ("en", "yes"), ("en", "yeah"), ("en", "yep"), ("en", "i think so"), ("en", "yes, some of them"),
    ("en", "yeah a couple"),
])
def test_a_plain_yes_at_a_checklist_asks_which_ones(language: str, text: str) -> None:
    conv = talk(*PREGNANT[language], language=language)
    assert conv.state == "pregnancy_warning_signs"
    replies = conv.say(text)
    assert codes(replies)[0] == "which_of_them"
    assert replies[-1].code == "pregnancy_warning_signs" and replies[-1].kind == "question"
    assert conv.state == "pregnancy_warning_signs"
    assert conv.session is not None and conv.session.case.pregnancy_warning_signs is None


@pytest.mark.parametrize(("language", "text", "recorded"), [
    ("pt-BR", "nao", False), ("pt-BR", "n", False), ("pt-BR", "acho q nao", False), ("pt", "não", False),
    ("en", "no", False), ("en", "nope", False),
    ("pt-BR", "sim, to sangrando", True), ("en", "yes, some bleeding", True), ("en", "1", True),
])
def test_a_no_or_a_yes_naming_one_is_still_an_answer(language: str, text: str, recorded: bool) -> None:
    conv = talk(*PREGNANT[language], language=language)
    replies = conv.say(text)
    assert "which_of_them" not in codes(replies)
    assert conv.session is not None and conv.session.case.pregnancy_warning_signs is recorded


@pytest.mark.parametrize("language", ["en", "pt", "pt-BR"])
def test_every_tick_all_that_apply_question_asks_which_at_a_yes_and_takes_a_no(language: str) -> None:
    reader = ENGINE.reader(language)
    yes, no = {"en": ("yes", "no")}.get(language, ("sim", "não"))
    for question in CONTENT.questions.values():
        if not question.several:
            continue
        assert reader.read(question.id, yes).error == "which_of_them", question.id
        assert reader.read(question.id, no).ok, question.id  # "if none apply, answer no"
