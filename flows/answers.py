"""Reading typed answers: option numbers, labels, synonyms, several at once, numbers with units.

Who calls it: flows.dialogue, for every typed answer. The lookup tables are built once
per content (`get_reader`), not per message.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from flows.content import Content, get_content
from flows.content_models import Answer, NumberRange, Question
from flows.numerals import MAX_DIGITS, whole_number

MAX_ANSWER_CHARS = 300  # a real answer is a few words; longer text is refused, not parsed
_SPLIT_SEVERAL = re.compile(r"\s*(?:,|;|\band\b|&|\+)\s*")
# \d is a decimal digit of any script, the rule of flows/numerals.py; at most MAX_DIGITS of them.
_NUMBER = rf"\d{{1,{MAX_DIGITS}}}(?:[.,]\d{{1,{MAX_DIGITS}}})?"
_NUMBER_WITH_UNIT = re.compile(rf"^({_NUMBER})\s*([^\d]*)$")  # "10 days", "6"
_UNIT_WITH_NUMBER = re.compile(rf"^([^\d]+?)\s*({_NUMBER})$")  # "week 24"
_TRAILING_PUNCTUATION = ".!"


def normalise(text: str) -> str:
    """Lower case, one space between words, typographic quotes straightened, controls dropped."""
    # Most answers are printable ASCII: NFKC, the control filter and the quotes change nothing.
    if not (text.isascii() and text.isprintable()):
        text = unicodedata.normalize("NFKC", text)
        text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in " \t\n")
        text = text.replace("’", "'").replace("‘", "'")
    return " ".join(text.casefold().split()).strip(_TRAILING_PUNCTUATION).strip()


@dataclass(frozen=True)
class Parsed:
    """Either a value for the case field (ok) or a message id and its placeholders."""

    ok: bool
    value: Any = None
    error: str = ""
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class _QuestionTable:
    question: Question
    options: list[Answer]
    words: dict[str, int]  # normalised label or synonym -> option index
    ranged: list[tuple[int, NumberRange]]  # options a number can pick ("24 weeks"), see Answer.numbers


class AnswerReader:
    """Parses typed text against one question at a time."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.tables = {qid: _table(content, q) for qid, q in content.questions.items()}

    def option_index(self, question_id: str, text: str) -> int | None:
        """The option a single typed token means: its number, label or a synonym."""
        table = self.tables[question_id]
        token = normalise(text)
        number = whole_number(token)
        if number is not None:
            return number - 1 if 1 <= number <= len(table.options) else None
        return table.words.get(token)

    def read(self, question_id: str, text: str) -> Parsed:
        """What a typed answer means for this question."""
        table = self.tables[question_id]
        if table.question.kind == "number":
            return self._read_number(table, text)
        if table.question.several:
            return self._read_several(table, text)
        index = self.option_index(question_id, text)
        if index is None and table.ranged:
            return self._read_number_for_option(table, text)
        if index is None:
            return Parsed(False, error="choose_one", values={"answer": quote(text), "options": self._list(table)})
        return Parsed(True, value=table.options[index].value)

    def submit_selection(self, question_id: str, indices: list[int]) -> Parsed:
        """The value of a multi-select made of these option indices (exclusive ones alone)."""
        table = self.tables[question_id]
        chosen = [table.options[i] for i in dict.fromkeys(indices)]
        if not chosen:
            return Parsed(False, error="nothing_selected")
        exclusive = [option for option in chosen if option.exclusive]
        if exclusive and len(chosen) > 1:
            label = self.content.text(exclusive[0].label)
            return Parsed(False, error="exclusive_alone", values={"label": label})
        if exclusive:
            return Parsed(True, value=exclusive[0].value)
        return Parsed(True, value=[option.value for option in chosen])  # checklist: the ticked fields

    def _read_several(self, table: _QuestionTable, text: str) -> Parsed:
        whole = self.option_index(table.question.id, text)
        tokens = [whole] if whole is not None else [
            self.option_index(table.question.id, part) for part in _SPLIT_SEVERAL.split(text) if part.strip()
        ]
        if not tokens or any(index is None for index in tokens):
            return Parsed(False, error="choose_several", values={"answer": quote(text), "options": self._list(table)})
        return self.submit_selection(table.question.id, [i for i in tokens if i is not None])

    def _read_number_for_option(self, table: _QuestionTable, text: str) -> Parsed:
        """A number with the question's unit picks the option whose range holds it."""
        number = self._number(table.question, text)
        if number is not None:
            for index, numbers in table.ranged:
                if numbers.from_ <= number < numbers.below:
                    return Parsed(True, value=table.options[index].value)
        error = "choose_one" if number is None else "number_fits_no_option"
        return Parsed(False, error=error, values={"answer": quote(text), "options": self._list(table)})

    def _number(self, question: Question, text: str) -> float | None:
        """The number typed, in the question's unit ("10 days" is 1.43 weeks); None if not one."""
        units = self.content.ui.units.get(question.unit or "", {"": 1.0})
        token = normalise(text)
        for pattern, number_at, unit_at in ((_NUMBER_WITH_UNIT, 1, 2), (_UNIT_WITH_NUMBER, 2, 1)):
            match = pattern.match(token)
            factor = units.get(match.group(unit_at).strip()) if match else None
            if match is not None and factor is not None:
                return float(match.group(number_at).replace(",", ".")) * factor
        return None

    def _read_number(self, table: _QuestionTable, text: str) -> Parsed:
        question = table.question
        if normalise(text) in table.words:  # "don't know"
            return Parsed(True, value=table.options[table.words[normalise(text)]].value)
        number = self._number(question, text)
        if number is None:
            return Parsed(False, error="need_number", values={"example": _example(question)})
        assert question.minimum is not None and question.maximum is not None  # schema guarantees
        if not question.minimum <= number <= question.maximum:
            return Parsed(False, error="number_out_of_range", values={
                "minimum": _plain(question.minimum), "maximum": _plain(question.maximum), "unit": question.unit or "",
            })
        if question.integer:
            return Parsed(True, value=int(number))
        return Parsed(True, value=round(number, 1))

    def _list(self, table: _QuestionTable) -> str:
        return ", ".join(f"{i}. {self.content.text(o.label)}" for i, o in enumerate(table.options, start=1))


def _table(content: Content, question: Question) -> _QuestionTable:
    options = content.options[question.id]
    words: dict[str, int] = {}
    for index, option in enumerate(options):
        words.setdefault(normalise(content.text(option.label)), index)
        for synonyms in option.synonyms.values():
            for synonym in synonyms:
                words.setdefault(normalise(synonym), index)
    ranged = [(index, option.numbers) for index, option in enumerate(options) if option.numbers is not None]
    return _QuestionTable(question, options, words, ranged)


def printable(text: str) -> str:
    """What the person typed, safe to show back to them: every channel, every place.

    Control and format characters (Unicode category C) are dropped and any whitespace
    becomes one space: an arrow key pressed without line editing arrives as an escape
    sequence, which a terminal echoing it back would act on (moving the cursor over the
    message) and Telegram would show as stray symbols.
    """
    text = "".join(ch for ch in text if ch.isspace() or unicodedata.category(ch)[0] != "C")
    return " ".join(text.split())


def quote(text: str) -> str:
    """The person's answer, printable and shortened, to repeat back in an error."""
    text = printable(text)
    return text if len(text) <= 40 else text[:37] + "..."


def _plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def _number_as_said(content: Content, question: Question, value: float) -> str:
    """A stored number in the unit a person would use: 0.4 weeks is "3 days", 26 weeks "6 months"."""
    bands = content.ui.number_display.get(question.unit or "")
    if not bands:
        return f"{_plain(value)} {question.unit or ''}".strip()
    band = next(b for b in bands if b.below is None or value < b.below)
    shown = round(value / band.per, band.decimals)
    name = content.text(band.one if shown == 1 else band.other)
    return f"{_plain(shown)} {name}"


def _example(question: Question) -> str:
    sample = 34 if question.unit == "years" else 6
    return f"{sample} {question.unit or ''}".strip()


@cache
def get_reader() -> AnswerReader:
    """The process-wide reader for the process-wide content."""
    return AnswerReader(get_content())


def describe(content: Content, question_id: str, value: Any) -> str:
    """An answer as the person would say it: the option's label, or the number with its unit."""
    question = content.questions[question_id]
    options = content.options[question_id]
    if question.kind == "number" and value is not None:
        return _number_as_said(content, question, value)
    if isinstance(value, list):
        return ", ".join(describe(content, question_id, item) for item in value)
    for option in options:
        if option.value == value:
            return content.text(option.label)
    return content.message("dont_know_label") if value is None else str(value)
