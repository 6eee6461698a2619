"""Brazilian Portuguese: a regional variant that shows its own words where they differ from
the European Portuguese ("quadril", "muletas", "ligue 192") and reads answers as pt does.

The adaptations are content (content/pt_BR.po, flows/adaptations.py); these tests hold the
mechanism to what a Brazilian reader needs: no European word in anything shown, every
label typed back understood, a stale or broken entry refused by the loader.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from flows.content import ContentError, default_root, get_content, load_content, texts_of
from flows.dialogue import get_engine, step
from flows.messages import UserInput
from flows.session import Session

CONTENT = get_content()
BRAZIL = CONTENT.languages["pt-BR"]
ADAPTED = CONTENT.adaptations["pt-BR"]


def _said(word: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None


def test_brazilian_portuguese_is_a_variant_of_portuguese_awaiting_review() -> None:
    assert BRAZIL.variant_of == "pt" and not BRAZIL.reviewed
    assert CONTENT.reads_as("pt-BR") == "pt" and CONTENT.reads_as("pt") == "pt"
    assert len(ADAPTED) > 100, "the catalogue lost most of its entries"


def test_no_text_shown_in_brazilian_portuguese_has_a_european_word_and_the_others_are_portuguese() -> None:
    shown = list(texts_of(CONTENT, "pt-BR"))
    portuguese = list(texts_of(CONTENT, "pt"))
    assert len(shown) == len(portuguese)
    assert [(t, w) for t in shown for w in BRAZIL.not_said if _said(w, t)] == []
    # The European texts do use those words: the check is not empty.
    assert any(_said("anca", t) for t in portuguese) and any(_said("112", t) for t in portuguese)
    # A text needing no adaptation is the Portuguese one, word for word; the others its adaptation.
    pairs = list(zip(portuguese, shown, strict=True))
    assert all(br == ADAPTED.get(pt, pt) for pt, br in pairs)
    assert any(pt == br for pt, br in pairs) and any(pt != br for pt, br in pairs)


@pytest.mark.parametrize(("european", "brazilian"), [
    ("anca", "quadril"), ("canadianas", "muletas"), ("112", "192"),
])
def test_the_words_testers_named_are_brazilian_where_they_are_shown(european: str, brazilian: str) -> None:
    adapted = [br for pt, br in ADAPTED.items() if _said(european, pt)]
    assert adapted, f"no Portuguese text uses {european!r} any more: choose another word"
    # Nearly always the Brazilian word; now and then a rewording needs none ("especialista da
    # anca" is "ortopedista"). No European word is left either way (the test above).
    missing = [br for br in adapted if brazilian not in br.lower()]
    assert len(missing) <= len(adapted) // 10, missing


def test_a_text_is_shown_adapted_and_a_message_is_formatted_after_adapting() -> None:
    side = CONTENT.questions["side"].text
    assert CONTENT.text(side, "pt-BR") == ADAPTED[CONTENT.text(side, "pt")]
    assert "quadril" in CONTENT.text(side, "pt-BR").lower()
    with_values = next(key for key, text in CONTENT.ui.messages.items()
                       if "{" in (text.pt or "") and text.pt in ADAPTED)
    assert CONTENT.message(with_values, "pt-BR") == ADAPTED[CONTENT.ui.messages[with_values].pt or ""]


def _questions_with_labels() -> list[tuple[str, int, str]]:
    return [(question_id, index, CONTENT.text(option.label, "pt-BR"))
            for question_id, options in CONTENT.options.items() for index, option in enumerate(options)
            if CONTENT.questions[question_id].kind == "choice" and CONTENT.text(option.label, "pt") in ADAPTED]


@pytest.mark.parametrize(("question_id", "index", "label"), _questions_with_labels())
def test_every_adapted_label_typed_back_is_read_as_its_option(question_id: str, index: int, label: str) -> None:
    reader = get_engine().reader("pt-BR")
    parsed = reader.read(question_id, label)
    assert parsed.ok, (question_id, label, parsed.error)
    assert parsed.value == CONTENT.options[question_id][index].value


def test_a_brazilian_conversation_is_shown_in_brazilian_and_read_in_portuguese_and_english() -> None:
    engine = get_engine()
    session: Session | None = None
    texts: list[str] = []
    for said in ["/start", "feminino", "32", "não estou grávida", "yes"]:
        user_input = UserInput(kind="command", text=said[1:], language="pt-BR") if said.startswith("/") else \
            UserInput(kind="text", text=said, language="pt-BR")
        session, replies = step(session, user_input, engine)
        texts += [r.text for r in replies]
    assert session is not None and session.locale == "pt-BR"
    assert session.case.sex == "female" and session.case.age == 32 and session.case.pregnancy == "not_pregnant"
    assert texts[0] == CONTENT.message("welcome", "pt-BR")
    assert [(w, t) for t in texts for w in BRAZIL.not_said if _said(w, t)] == []


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(default_root(), target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return target


def _rewrite_catalogue(root: Path, change: object) -> None:
    path = root / "pt_BR.po"
    with path.open("rb") as f:
        catalogue = read_po(f, locale="pt_BR")
    change(catalogue)  # type: ignore[operator]
    with path.open("wb") as f:
        write_po(f, catalogue, width=100)


def test_the_loader_refuses_a_european_word_left_unadapted(content_copy: Path) -> None:
    side = CONTENT.text(CONTENT.questions["side"].text, "pt")
    _rewrite_catalogue(content_copy, lambda catalogue: catalogue.delete(side))
    with pytest.raises(ContentError, match=r"questions.yaml: questions\[\d+\]\(side\)\.text: `pt-BR` shows 'anca'"):
        load_content(content_copy)


def test_the_loader_refuses_an_entry_whose_portuguese_text_was_edited(content_copy: Path) -> None:
    questions = content_copy / "questions.yaml"
    side = CONTENT.text(CONTENT.questions["side"].text, "pt")
    text = questions.read_text(encoding="utf-8")
    assert text.count(side) == 1
    questions.write_text(text.replace(side, side.replace("Qual é", "Qual")), encoding="utf-8")
    with pytest.raises(ContentError, match=r"pt_BR.po: line \d+: no `pt` text reads 'Qual é a anca"):
        load_content(content_copy)


def test_the_loader_refuses_an_adaptation_that_drops_a_placeholder(content_copy: Path) -> None:
    key = next(pt for pt in ADAPTED if "{" in pt)

    def drop_placeholder(catalogue: object) -> None:
        message = catalogue[key]  # type: ignore[index]
        message.string = re.sub(r"\{[^{}]*\}", "", message.string, count=1)

    _rewrite_catalogue(content_copy, drop_placeholder)
    with pytest.raises(ContentError, match="placeholders differ"):
        load_content(content_copy)


def test_the_catalogue_is_part_of_the_content_version(content_copy: Path) -> None:
    before = load_content(content_copy).version
    _rewrite_catalogue(content_copy, lambda catalogue: None)
    path = content_copy / "pt_BR.po"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert load_content(content_copy).version != before
