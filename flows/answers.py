"""Reading typed answers the way people type them.

Who calls it: flows.dialogue, for every typed answer. An answer is read in this order, and
the first reading that settles it wins:
1. the whole answer is an option's number, label or synonym ("2", "Left", "bilateral");
2. it says "don't know" ("idk", "no idea", "?") at a question that offers it;
3. numbers with their units, where the question takes them ("39.2" at the fever
   question, "about 3 weeks", "34" at the pregnancy question is week 34, "CRP 180");
   an ordinal counts with the word after it ("3rd trimester" is trimester 3, not week 3);
4. an option's words inside the sentence ("yes i fell", "bone marrow edema and a small
   effusion", "no fracture seen" is a negated fracture), then the same with typos; at a
   several-answer question the words left over are read for typos too, and a part that
   still names nothing is said back (`Parsed.unread`), not dropped in silence;
5. otherwise it was not understood, or, when two options were named at a one-answer
   question ("both? mostly right"), a short clarifying question.
Every word list is content: the options' synonyms (questions.yaml) and, per language, the
words for numbers, hedges and negation (ui.yaml `understanding`). The lookup tables are
built once per content (in flows.dialogue's `Engine`), not per message.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import unicodedata
from collections.abc import Callable, Collection, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from flows.case import Case
from flows.content import Content, texts_of
from flows.content_models import Answer, NumberRange, Question
from flows.dates_said import DateSaid, DatesSaid
from flows.locale_format import number_text
from flows.numerals import whole_number
from flows.phrases import (
    CLAUSE_PUNCTUATION,
    HELD_WORD_SLIP,
    LEFTOVER_TYPO,
    LONG_NAME_SLIP,
    Language,
    Match,
    PhraseIndex,
    adults_age,
    letter_apart,
    listed_in,
    token_spans,
    tokens,
    without_accents,
    words_only,
)
from flows.quantities import NumberWords, Quantity, amounts_in_digits, halves_after_units, in_digits, quantities
from flows.recording import NONE_OF_THESE
from flows.said_about import Mention, find_mentions, share_out
from flows.who_is_asked import WhoIsAsked

# A pasted scan report runs to a few hundred characters (user test pt: 342), a full one to about 1,800 (user
# test en, session 10); longer is refused, not parsed. Reading 3,000 dense characters takes under a second.
MAX_ANSWER_CHARS = 3000
STORED_DECIMALS = 1  # a number answer that need not be whole is kept to one decimal: 20 days are 2.9 weeks
MAX_READINGS = 16  # the ways the numbers of one answer are read, each in each unit it may be in
_OPTION_NUMBERS = re.compile(r"^\s*\d{1,2}(?:\s*(?:,|;|and|&|\+|\s)\s*\d{1,2})*\s*$")
_TRAILING_PUNCTUATION = ".!"


def normalise(text: str) -> str:
    """Lower case, one space between words, typographic quotes straightened, controls dropped."""
    # Most answers are printable ASCII: NFKC, the control filter and the quotes change nothing.
    if not (text.isascii() and text.isprintable()):
        text = unicodedata.normalize("NFKC", text)
        text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in " \t\n")
        text = text.replace("’", "'").replace("‘", "'").replace("−", "-")  # the minus sign: "−5" is no 5
    return " ".join(text.casefold().split()).strip(_TRAILING_PUNCTUATION).strip()


# One question of several in a message: up to and including its question mark(s).
_ONE_QUESTION = re.compile(r"[^?]+\?*")
_QUOTE_MARK = re.compile(r"(?<!\w)'|'(?!\w)")
# Where a told sentence ends and the next begins: a full stop or "!" and a space (not a
# decimal point: "38.5"), or a line's end.
_TOLD_SENTENCE = re.compile(r"(?<=[.!])\s+|\n+")
# A spaced dash after a word and before a number ends a note's heading: "A&E FY2 - 70M fell"
# is "A&E FY2, 70M fell", the age and sex at the head of their own clause (user test en 23c).
# Not after a number: "2 - 3 weeks" is a range.
_HEADING_DASH = re.compile(r"(?<=[^\W\d_]) [-–—] (?=\d)")


# A measure's name glued to its number, as typed in a note: "crp12", "wbc14", "T38.4". A
# single letter only before a decimal ("b12", "t10" and "l4" are a vitamin and vertebrae).
_GLUED_MEASURE = re.compile(r"\b([^\W\d_]{2,6}|[^\W\d_])(?=\d)((?<=[^\W\d_]{2})\d+(?:[.,]\d+)?|\d+[.,]\d+)\b")

# A note's "times" glued to its count: "R hip pain x2 wks", "x3/12" is "x 2 wks", "x 3/12",
# as typed with a space (session 30: "x2 wks" held nothing and "x2/52" was read as 52 weeks).
# Only before a count with something after it, so "x2" alone is left as typed.
_GLUED_TIMES = re.compile(r"(?<![\w.,])x(?=\d+(?:/\d+)?\s*[^\W\d_]|\d+/\d+)")


# A temperature's unit written as a sign or a letter after its number ("39°C", "39 °c",
# "38.5c", "101F", "39ºC", which NFKC makes "39oc"): written as its scale's measure name
# (questions.yaml fever `measure_words`), so it is heard as a temperature in passing and
# is no number of another question (user test en, session 28: "it was 39°C last night" at
# how long was recorded as 39 weeks, and the fever went unheard). A degree sign alone names
# the scale its number fits. A letter glued to a whole number may be a note's age and sex
# ("34F", "95F"): "f" only after a decimal, or a number of 100 or more. An ordinal sign alone
# ("39º", NFKC "39o") is left as typed: "38º semana" is a week of pregnancy.
_TEMPERATURE_SIGN = re.compile(r"(?<![\w.,])(\d{2,3}(?:[.,]\d{1,2})?) ?° ?([cf])?(?!\w)")
_TEMPERATURE_LETTER = re.compile(r"(?<![\w.,])(\d{2,3}(?:[.,]\d{1,2})?)( ?oc|c|f)(?!\w)")
_CELSIUS, _FAHRENHEIT = "celsius", "fahrenheit"  # questions.yaml fever `measure_words` (ids)
# The numbers that are a body temperature in each scale: the span of the fever question's
# `measures` (questions.yaml). `_plain_words` reads text with no content at hand, and the
# content is passed in, never fetched here (tests/test_engine_passed_in.py), so they are
# repeated once and a test holds them equal to the content's (test_readings_from_session_29_c29).
_BODY_TEMPERATURES = {_CELSIUS: (34.0, 45.0), _FAHRENHEIT: (93.0, 113.0)}
_FAHRENHEIT_GLUED_WHOLE_FROM = 100.0  # a note's age glued to its sex ("95F") is below it


def _temperature_scale(number: str, letter: str | None, glued: bool) -> str | None:
    """The scale a temperature's unit names, or None where the number and its letter are
    no body temperature (a note's "34F" is a woman of 34)."""
    value = float(number.replace(",", "."))
    celsius = _BODY_TEMPERATURES[_CELSIUS][0] <= value < _BODY_TEMPERATURES[_CELSIUS][1]
    fahrenheit = _BODY_TEMPERATURES[_FAHRENHEIT][0] <= value < _BODY_TEMPERATURES[_FAHRENHEIT][1]
    if letter in ("c", "oc"):
        return _CELSIUS if celsius else None
    if letter == "f":
        decimal = any(mark in number for mark in ".,")
        return _FAHRENHEIT if fahrenheit and (not glued or decimal or value >= _FAHRENHEIT_GLUED_WHOLE_FROM) else None
    return _CELSIUS if celsius else _FAHRENHEIT if fahrenheit else None


def _temperature_units(text: str) -> str:
    """`text` with each temperature's unit sign or letter written as its scale's name."""
    def signed(found: re.Match[str]) -> str:
        # a degree sign alone after a whole number and before a word may be an ordinal typed
        # with it ("38° semana", "1° dia"): left as typed
        bare = found.group(2) is None and not any(mark in found.group(1) for mark in ".,")
        if bare and re.match(r"\s*[^\W\d_]", text[found.end():]):
            return found.group(0)
        scale = _temperature_scale(found.group(1), found.group(2), glued=False)
        return f"{found.group(1)} {scale}" if scale else found.group(0)

    def lettered(found: re.Match[str]) -> str:
        scale = _temperature_scale(found.group(1), found.group(2).strip(), glued=True)
        return f"{found.group(1)} {scale}" if scale else found.group(0)

    return _TEMPERATURE_LETTER.sub(lettered, _TEMPERATURE_SIGN.sub(signed, text)) if any(
        ch.isdigit() for ch in text) else text


def _range_middle(found: re.Match[str]) -> str:
    """The middle of a range of two numbers ("5 or 6": "5.5"), or the range as typed where it
    runs backwards or the numbers are not plain ("6 to 5", "1,5 or 2")."""
    try:
        low, high = float(found.group(1)), float(found.group(2))
    except ValueError:
        return found.group(0)
    if high <= low:
        return found.group(0)
    middle = (low + high) / 2
    return f"{middle:g}"


def _sentences(words: list[str]) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of `words`, cut at a full stop, semicolon, ! or ?."""
    ends = [at for at, word in enumerate(words) if word in _SENTENCE_ENDS]
    return [(start, end) for start, end in zip([0, *(at + 1 for at in ends)], [*ends, len(words)], strict=True)
            if end > start]


def _spans(words: list[str], phrases: list[tuple[str, ...]]) -> list[tuple[int, int]]:
    """The (start, end) of each place one of `phrases` is said in `words` (see `_places`)."""
    return [(start, start + len(phrase)) for phrase in phrases if phrase for start in _places(words, phrase)]


# "+/-", "+-", "±": more or less, one sign of its own (a filler beside a number, "sort of" alone), not
# "+" (and) beside a stray dash (session 30: "umas 3 semanas +/-" lost its weeks)
_MORE_OR_LESS = re.compile(r"\+ ?/ ?-|\+-|±")


def _plain_words(text: str) -> str:
    """`normalise`, then emoji and other symbols dropped (a thumbs-up adds nothing to "no")."""
    said = _MORE_OR_LESS.sub(" ± ", normalise(text)) if "+" in text or "±" in text else normalise(text)
    kept = "".join(ch if unicodedata.category(ch)[0] != "S" or ch in "°<>+#%±" else " " for ch in said)
    # A quote around words ("the X-ray showed a 'lucent area'") is no part of them; an
    # apostrophe inside one is ("don't").
    kept = _GLUED_TIMES.sub("x ", _temperature_units(_QUOTE_MARK.sub(" ", kept)))
    return " ".join(_GLUED_MEASURE.sub(r"\1 \2", kept).split())


def _accent_variants(phrase: str) -> set[str]:
    """`phrase` with each of its words written with or without its accents, in every mix:
    "não sei o que é isso" is also "nao sei o que é isso" and "não sei o que e isso"."""
    forms = [sorted({word, without_accents(word)}) for word in phrase.split(" ")]
    return {" ".join(mix) for mix in itertools.product(*forms)}


def _suffixes(suffixes: list[str]) -> tuple[str, ...]:
    """Ordinal suffixes as typed text arrives ("º" is "o" after NFKC); a leading dot is kept."""
    return tuple(dict.fromkeys(unicodedata.normalize("NFKC", s).casefold() for s in suffixes))


@dataclass(frozen=True)
class Parsed:
    """A value for the case (ok), a clarifying question, or a message id and its placeholders."""

    ok: bool
    value: Any = None
    error: str = ""
    values: dict[str, Any] = field(default_factory=dict)
    clarify: list[str] = field(default_factory=list)  # the options' labels to choose between
    goto: str | None = None  # a state to go to instead of recording (a child's age: out of scope)
    # Not ok, but read: the answer was understood and more is needed before anything is
    # recorded (a checklist where only some items were denied). No other language is tried.
    understood: bool = False
    # Recorded, but these parts of the answer named nothing: they are said back. Not ok, with
    # them: the answer was held back over them (a "no" beside words not understood), and the
    # error says so even when something in them was kept for a later question.
    unread: list[str] = field(default_factory=list)
    # The checklist items denied by name (with `understood`): kept while the others are asked.
    denied: list[int] = field(default_factory=list)
    # A number whose unit is asked (with `understood`): the answer as typed, with a slot
    # where the unit goes, read again once the unit is named ("PCR 12,4" + "mg/dL").
    pending: str = ""
    # An answer read ahead (AnswerReader.answered_ahead): the words it was read from ("42 anos").
    said: str = ""
    # Ok: a line said with the answer, of how it was read ("unit not known: the graver taken").
    said_with: str = ""


# A number said apart from an answer to another question (ASCII digits, as every number read).
_NUMBER_WORD = re.compile(r"[0-9]{1,3}(?:\.[0-9]+)?")  # "2.5" is one number (`_number_words`)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")  # a number as one token: "18", "38,5"
_FRACTION_SHORTHAND = re.compile(r"(?<![\w/.])(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])")  # 6/52, 3/12, 31/40

TOGETHER_REACH = 6  # at most this many words from the first part said together to the last
SENTENCE_REACH = 12  # ...and across a comma (Answer.said_together_in_a_sentence)
_SENTENCE_ENDS = frozenset(".;!?")
# A question of a few words with its mark ("safe analgesia?"), naming what a quick answer answers
_SHORT_QUESTION_WORDS = 4
_BETWEEN_RESULTS = frozenset(",;.!?")  # a number beside a word is not read past these (a colon may lead to it)
UNIT_SLOT = "\u2063"  # where a unit named later goes in a `pending` answer (never typed: a format character)
# ...and where the kind asked of an answer goes ("steroids for my asthma" + "tablets": NotWithUnless.asks)
KIND_SLOT = "\u2064"


@dataclass(frozen=True)
class _UnitQuestion:
    """A bare number that falls in different answers depending on its unit: which unit?"""

    number: float
    readings: list[tuple[str, int]]  # (unit word, the option it gives), one per unit it may be in


@dataclass(frozen=True)
class _CountedBack:
    """A question's `counted_back`, in one language: a number said as the time left until
    the event that ends what is asked, or the date it falls on."""

    when: float  # when the event falls, in the question's unit
    before: frozenset[str]  # words just before the number: "due in", "faltam"
    after: frozenset[str]  # words after it and its unit: "to go", "para o parto"
    between: frozenset[str]  # words between the number and its unit: "2 more weeks"
    passed_before: frozenset[str]  # ...and the words of a time since it was due: "overdue by"
    passed_after: frozenset[str]  # "5 days overdue"
    dates: DatesSaid | None  # dates led by `dated_after` words: "due on 20 January"


@dataclass(frozen=True)
class _Table:
    question: Question
    options: list[Answer]
    phrases: PhraseIndex
    units: dict[str, float]  # unit word -> factor to the question's unit
    measures: dict[str, str]  # measure word -> measure id
    measure_units: dict[str, dict[str, float]] = field(default_factory=dict)  # measure -> unit word -> factor
    diagnoses: frozenset[str] = frozenset()  # the options' words that name a diagnosis (Answer.diagnoses)
    hints: frozenset[str] = frozenset()  # the options' words that only point to them (Answer.hints)
    # The question's word lists for numbers said in passing (content_models.Question), in
    # this language: before the number, after it, one of them in its clause, an offset.
    leads: frozenset[str] = frozenset()
    follows: frozenset[str] = frozenset()
    clause_words: frozenset[str] = frozenset()
    offsets: frozenset[str] = frozenset()
    not_with: dict[int, frozenset[str]] = field(default_factory=dict)  # option -> Answer.not_with
    third_person: frozenset[str] = frozenset()  # the options' Answer.third_person words
    named_alone: frozenset[str] = frozenset()  # the options' Answer.named_alone words
    bare_leads: frozenset[str] = frozenset()  # Question.said_bare_after and said_bare_going_on_after
    own_units: frozenset[str] = frozenset()  # Question.said_with_unit
    alone_after: frozenset[str] = frozenset()  # Question.said_alone_after
    # option -> its ways said together (Answer.said_together): each a list of word groups
    together: dict[int, list[list[list[tuple[str, ...]]]]] = field(default_factory=dict)
    counted_back: _CountedBack | None = None  # Question.counted_back, in this language
    # option -> its Answer.told_by_number in this language: (limit, words before, words after)
    told_by_number: dict[int, tuple[float, frozenset[str], frozenset[str]]] = field(default_factory=dict)
    bare_leads_going_on: frozenset[str] = frozenset()  # Question.said_bare_going_on_after
    since_then: frozenset[str] = frozenset()  # Question.said_since_then
    beginning: frozenset[str] = frozenset()  # Question.said_as_beginning
    week_leads: frozenset[str] = frozenset()  # Question.said_as_a_week_of_pregnancy
    sharing: frozenset[int] = frozenset()  # options with Answer.shares_words_said_together
    in_a_sentence: frozenset[int] = frozenset()  # options with Answer.said_together_in_a_sentence
    age_after: frozenset[str] = frozenset()  # Question.said_as_an_age_after
    # option -> Answer.not_with_unless in this language: (words, unless) pairs
    not_with_unless: dict[int, list[tuple[frozenset[str], frozenset[str]]]] = field(default_factory=dict)
    not_before: dict[int, frozenset[str]] = field(default_factory=dict)  # option -> Answer.not_before
    # option -> Answer.not_beside_said_together
    not_beside_together: dict[int, frozenset[str]] = field(default_factory=dict)
    # option -> its not_with_unless that ask which it is when said (NotWithUnless.asks): (words, unless, asks)
    kind_asked: dict[int, list[tuple[frozenset[str], frozenset[str], Any]]] = field(default_factory=dict)
    kind_words: frozenset[str] = frozenset()  # their `unless` words and their options' `denied_by` words
    named_when_denied: frozenset[str] = frozenset()  # the options' Answer.named_when_denied words
    denied_alone: frozenset[str] = frozenset()  # the options' Answer.denied_alone words
    asked_only: frozenset[str] = frozenset()  # the options' Answer.asked_only words
    at_clause_end: frozenset[str] = frozenset()  # the options' Answer.at_a_clause_end words
    other_events: frozenset[str] = frozenset()  # Question.times_of_other_events
    offsets_after: frozenset[str] = frozenset()  # Question.offset_after_words
    head_units: frozenset[str] = frozenset()  # Question.said_with_unit_at_the_head
    said_of: frozenset[str] = frozenset()  # Question.said_of

    @cached_property
    def own_words(self) -> frozenset[str]:
        """The options' words beside their phrases: every word of their ways said together
        (Answer.said_together), and their one-word `not_with` ("bebe" is no "bebo")."""
        return frozenset({*(word for ways in self.together.values() for way in ways for group in way
                            for phrase in group for word in phrase),
                          *(word for words in self.not_with.values() for word in words if " " not in word),
                          *(word for pairs in self.not_with_unless.values() for unsaying, _ in pairs
                            for word in unsaying if " " not in word)})

    @property
    def named_units(self) -> set[str]:
        """The unit words typed with a number, not the bare number's ""."""
        return {unit for unit in self.units if unit}

    @property
    def nothing(self) -> int | None:
        """The answer that means no item applies: "None of these" at a checklist, the
        findings' "Normal" at a scan question."""
        if self.question.kind == "checklist":
            return next((i for i, o in enumerate(self.options) if o.exclusive and o.value is not None), None)
        return next((i for i, o in enumerate(self.options) if o.value == "normal"), None)

    @property
    def items(self) -> list[int]:
        """The options a person ticks one by one: a checklist's items, a scan's findings."""
        return [i for i, o in enumerate(self.options) if not o.exclusive and i != self.nothing]

    @property
    def scale_words(self) -> set[str]:
        """The unit words of the measures ("mg/dl", "/µl"), not the bare number's ""."""
        return {word for words in self.measure_units.values() for word in words if word}


class AnswerReader:
    """Parses typed text against one question at a time."""

    def __init__(self, content: Content, language: str = "en", typos: bool = True) -> None:
        self.content = content
        self.language_code = language  # the language shown: labels, numbers, messages
        # ...and the one whose word lists read the answers: a regional variant ("pt-BR") reads
        # as its base does, whose lists already hold the variant's words ("quadril", "muletas").
        self.reads = content.reads_as(language)
        # False: a fallback language, tried when the conversation's own did not understand: it
        # reads only what is written as written, and only text written wholly in its words
        # (English "na", a "no", must not read "heparina na gravidez" as "None of these").
        self.typos = typos
        understanding = content.ui.understanding[self.reads]
        self.dates = DatesSaid((content.languages.get(language) or content.languages[content.default_language]).babel,
                               understanding.since_words, understanding.dated_events, understanding.date_joiners,
                               understanding.ordinal_endings, _plain_words, understanding.last_words,
                               understanding.weekend_words, understanding.month_parts,
                               understanding.last_year_words)
        # (each written with and without the accents of each of its words: on a phone some
        # get their accent and some do not, "nao sei o que é isso"; user test pt 27)
        self.dont_know = {variant for w in understanding.dont_know for variant in _accent_variants(_plain_words(w))}
        self.see_now = {_plain_words(w) for w in understanding.see_now}
        self.why_openers = [_plain_words(w) for w in understanding.why_openers]
        self.why_of_the_question = frozenset(_plain_words(w) for w in understanding.why_of_the_question)
        self.carry_on = {_plain_words(w) for w in understanding.carry_on}
        self.wanting = sorted((_plain_words(w) for w in understanding.wanting), key=len, reverse=True)
        self.fillers = sorted((_plain_words(w) for w in understanding.fillers), key=len, reverse=True)
        self.fillers_before_a_number_words = [_plain_words(w) for w in understanding.fillers_before_a_number]
        self.fillers_before_a_number = [re.compile(rf"(?<![\w]){re.escape(_plain_words(w))} (?=\d)")
                                        for w in understanding.fillers_before_a_number]
        self.all_of_them = {_plain_words(w) for w in understanding.all_of_them}
        self.none_of_the_rest = [_plain_words(w) for w in understanding.none_of_the_rest]
        self.yes = [_plain_words(w) for w in understanding.yes]
        self.no = [_plain_words(w) for w in understanding.no]
        self.nothing_found = [_plain_words(w) for w in understanding.nothing_found]
        self.said_partly = frozenset(_plain_words(w) for w in understanding.said_partly)
        self.number_revised = [tuple(tokens(_plain_words(w))) for w in understanding.number_revised]
        self.yes_or_no = frozenset(words_only(w) for w in (*self.yes, *self.no))
        # The phrases a plain yes at a "tick all that apply" question is made of (`_only_a_yes`)
        self.yes_to_some = frozenset(phrase for phrase in (tuple(words_only(w).split()) for w in (
            *self.yes, *(_plain_words(w) for w in understanding.some_of_them))) if phrase)
        self.yes_no_words = frozenset(word for phrase in self.yes_or_no for word in phrase.split())
        self.ordinals = {_plain_words(w): n for w, n in understanding.ordinals.items()}
        self.ordinal_nouns = {_plain_words(w) for w in understanding.ordinal_nouns}
        # The words of each question answered at once (guidance.yaml `quick_answers`), read once;
        # an entry "baby & safe" names words that all stand in the question, in any order, so
        # "is it safe for the baby?" and "is the baby safe?" are one entry, not every ordering
        self.quick_answer_words = {
            answer.id: [tuple(tuple(tokens(_plain_words(part))) for part in word.split(" & "))
                        for word in answer.asked_with.get(self.reads, [])]
            for answer in content.guidance.quick_answers}
        self.final_negations = frozenset(_plain_words(w) for w in understanding.final_negations)
        self.kept_before_final_negation = frozenset(_plain_words(w) for w in understanding.kept_before_final_negation)
        self.any_negation = frozenset(_plain_words(w) for w in (*understanding.negations,
                                                                 *understanding.clause_negations))
        # The words that deny by themselves ("no", "never", "nope", "nunca"): a phrase made only
        # of them is a denial, whatever question it also answers.
        self.denying_words = self.any_negation | {word for word in self.no if " " not in word}
        # a test's "Not done": the value a checklist item writes to its field when left unticked
        self.not_done: dict[str, set[Any]] = {}
        for checklist in content.questions.values():
            for option in content.options[checklist.id] if checklist.kind == "checklist" else []:
                for name, value in (option.unticked or {}).items():
                    self.not_done.setdefault(name, set()).add(value)
        self.quick_answer_told = {
            answer.id: [tuple(tokens(_plain_words(word))) for word in answer.told_with.get(self.reads, [])]
            for answer in content.guidance.quick_answers}
        self.pronouns = {_plain_words(w) for w in understanding.pronouns}
        self.vague = [_plain_words(w) for w in understanding.vague]
        self.since_an_event = [_plain_words(w) for w in understanding.since_an_event]
        self.exceptions = [tuple(words_only(_plain_words(w)).split()) for w in understanding.exceptions]
        self.contrasts = [tuple(words_only(_plain_words(w)).split()) for w in understanding.contrasts]
        self.joiners = {_plain_words(w) for w in understanding.joiners}
        self.joiner_slips = {_plain_words(slip): _plain_words(meant)
                             for slip, meant in understanding.joiner_slips.items()}
        self.joiner_slips_before = [_plain_words(w) for w in understanding.joiner_slips_before]
        self.clause_breaks = {_plain_words(w) for w in understanding.clause_breaks}
        self._elsewhere: dict[tuple[str, str], list[Match]] = {}  # _answers_elsewhere, for one answer
        self.span_words = [_plain_words(w) for w in understanding.span_words]
        self.function_words = {_plain_words(w) for w in understanding.function_words}
        self.pointing_words = {_plain_words(w) for w in understanding.pointing_words}
        # ...and the words of a phrase whose negation denies nothing asked ("none of those, it
        # came out of nowhere"): said beside a "no", they add no sign either
        self.nothing_more_said = {word for phrase in [*understanding.nothing_more_said,
                                                      *understanding.negation_of_another_phrase]
                                  for word in tokens(_plain_words(phrase))}
        # Forms read as the ones the options' words use ("consegue" as "consigo"), longest first.
        self.read_as = sorted(((_plain_words(form), _plain_words(meant))
                               for form, meant in understanding.read_as.items()), key=lambda pair: -len(pair[0]))
        self.everyday = frozenset(_plain_words(w) for w in understanding.everyday_words)
        self.sounds_like = sorted(((_plain_words(form), _plain_words(meant))
                                   for form, meant in understanding.sounds_like.items()),
                                  key=lambda pair: -len(pair[0]))
        self.titles_before_an_age = [(_plain_words(form), _plain_words(meant))
                                     for form, meant in understanding.titles_before_an_age.items()]
        self.spelled_as = sorted(((_plain_words(form), _plain_words(meant))
                                  for form, meant in understanding.spelled_as.items()), key=lambda pair: -len(pair[0]))
        # ...a closing "n" too: "dor a noite n" is "não dor a noite" (user test pt-BR 28: read as
        # night pain, the "n" moved nowhere before it was spelled out)
        self.final_negations |= {form for form, meant in self.spelled_as if meant in self.final_negations}
        # measure -> the unit a bare number of it is in, where this language's labs agree on one
        self.usual_units = {measure: _plain_words(unit) for measure, unit in understanding.usual_units.items()}
        self.below_a_limit = [tuple(tokens(_plain_words(w))) for w in understanding.below_a_limit]
        # Words that carry no answer of their own, whatever the question (see `_unread`).
        self.known_words = {word for phrase in (*self.yes, *self.no, *self.pronouns, *self.all_of_them,
                                                *understanding.negations, *understanding.clause_negations,
                                                *understanding.clause_breaks, *self.fillers, *self.joiners,
                                                *self.dont_know, *understanding.after_negations,
                                                *understanding.conclusion_headings, *understanding.report_words,
                                                *understanding.everyday_words)
                            for word in tokens(_plain_words(phrase))}
        # "sem motivo nenhum", "for no reason": their negation words deny nothing (see
        # `_without_nones_of_other_phrases`), nor the words after them ("sem motivo nenhum sangrei")
        self.negation_of_another_phrase = [tuple(tokens(_plain_words(w)))
                                           for w in understanding.negation_of_another_phrase]
        self.or_anything = [tuple(tokens(_plain_words(w))) for w in understanding.or_anything]
        idioms = tuple(phrase for phrase in (*(tuple(words_only(w).split()) for w in self.dont_know), *self.exceptions,
                                             *(tuple(words_only(_plain_words(w)).split())
                                               for w in understanding.negation_of_another_phrase))
                       if phrase)
        after = tuple(tuple(words_only(_plain_words(w)).split()) for w in understanding.after_negations)
        self.language = Language(frozenset(understanding.negations), frozenset(understanding.clause_breaks),
                                 tuple(self.fillers), frozenset(understanding.clause_negations),
                                 tuple(understanding.negation_suffixes), idioms, frozenset(self.joiners),
                                 after_negations=tuple(a for a in after if a),
                                 closing_negations=tuple(c for c in (tuple(words_only(_plain_words(w)).split())
                                                                     for w in understanding.closing_negations) if c),
                                 closing_negation_gaps=frozenset(
                                     _plain_words(w) for w in understanding.closing_negation_gaps),
                                 unsure=tuple(p for p in (tuple(tokens(w)) for w in self.dont_know) if p),
                                 alternatives=frozenset(_plain_words(w) for w in understanding.alternatives),
                                 listing_denials=frozenset(_plain_words(w) for w in understanding.listing_denials),
                                 list_ands=frozenset(_plain_words(w) for w in understanding.list_ands),
                                 note_words=frozenset(_plain_words(w) for w in understanding.note_words),
                                 glued_age_at_least=understanding.glued_age_at_least,
                                 whether_words=frozenset(_plain_words(w) for w in understanding.whether_words),
                                 if_words=frozenset(_plain_words(w) for w in understanding.if_words),
                                 knowing_words=frozenset(_plain_words(w) for w in understanding.knowing_words),
                                 plural_endings=tuple(understanding.plural_endings))
        # A scan report's conclusion begins after one of these ("IMPRESSION:", "Conclusão:").
        self.conclusion_headings = [tuple(words_only(_plain_words(w)).split())
                                    for w in understanding.conclusion_headings]
        # The words naming each test a question asks about ("xr", "rm"), and "" for tests
        # none asks about: findings said in passing are shared out between them.
        self.test_names: dict[tuple[str, ...], tuple[str, ...]] = {
            tuple(tokens(_plain_words(name))): () for name in understanding.other_tests}
        for question in content.questions.values():
            for name in question.heard_about.get(self.reads, []):
                key = tuple(tokens(_plain_words(name)))
                self.test_names[key] = (*self.test_names.get(key, ()), question.id)
        # ...and, for each question of a test's result, the words naming its own test or measure
        # ("xr", "crp"): an answer there that names another's and not its own is that other's
        # ("XR NAD" at the MRI question, "crp normal" at the white cell count; session 30)
        self.result_names: dict[tuple[str, ...], tuple[str, ...]] = {}
        for question in content.questions.values():
            if question.heard_about:
                own = [*question.heard_about.get(self.reads, []),
                       *(word for words in question.measure_words.values() for word in words)]
                for name in own:
                    key = tuple(tokens(_plain_words(name)))
                    if key and question.id not in self.result_names.get(key, ()):
                        self.result_names[key] = (*self.result_names.get(key, ()), question.id)
        self.not_a_result = [tuple(tokens(_plain_words(w))) for w in understanding.not_a_result]
        self.result_words = frozenset(_plain_words(w) for w in understanding.result_words)
        self.result_not_out = frozenset(_plain_words(w) for w in understanding.result_not_out)
        self.the_list_itself = frozenset(w for phrase in understanding.the_list_itself
                                         for w in tokens(_plain_words(phrase)))
        self.result_awaited = frozenset(_plain_words(w) for w in understanding.result_awaited)
        self.result_returned = frozenset(_plain_words(w) for w in understanding.result_returned)
        self.result_pending_after = frozenset(_plain_words(w) for w in understanding.result_pending_after)
        self.diagnosis_hedges = [tuple(tokens(_plain_words(w))) for w in understanding.diagnosis_hedges]
        self.first_person = frozenset(_plain_words(w) for w in understanding.first_person)
        self.question_openers = frozenset(_plain_words(w) for w in understanding.question_openers)
        self.unsure_of_another_thing = [_plain_words(w) for w in understanding.unsure_of_another_thing]
        self.unsure_whether = frozenset(_plain_words(w) for w in understanding.unsure_whether)
        self.leaning_yes = frozenset(_plain_words(w) for w in understanding.leaning_yes)
        self.each_of_them = tuple(tuple(tokens(_plain_words(w))) for w in understanding.each_of_them)
        self.before_a_test = frozenset(_plain_words(w) for w in understanding.before_a_test)
        self.comparing = tuple(tuple(tokens(_plain_words(w))) for w in understanding.comparison_words)
        self.written_for = [tuple(tokens(_plain_words(w))) for w in understanding.written_for]
        self.other_places = [tuple(tokens(_plain_words(w))) for w in understanding.other_places]
        self.opening_words = [tuple(tokens(_plain_words(w))) for w in understanding.opening_words]
        self.note_goes_on = [tuple(tokens(_plain_words(w))) for w in understanding.note_goes_on]
        self.correction_words = [tuple(tokens(_plain_words(w))) for w in understanding.correction_words]
        # (each also as the answer is read: "faz mal" is read "faço mal" where "faço" is an
        # option's word, and "brufen faz mal?" still asks; user test pt 26)
        self.said_not_as_fact = self._with_read_forms(understanding.said_not_as_fact)
        self.asked_of_what_came_before = self._with_read_forms(understanding.asked_of_what_came_before)
        self.permission_asked = [tuple(tokens(_plain_words(w))) for w in understanding.permission_asked]
        # What asks what something is, and the words each condition is asked as (`conditions_asked`)
        self.asks_what_it_is = [tuple(tokens(_plain_words(w))) for w in understanding.asks_what_it_is]
        self.asks_what_it_is_opening = [tuple(tokens(_plain_words(w))) for w in understanding.asks_what_it_is_opening]
        self.condition_words = {
            condition.id: [tuple(tokens(_plain_words(w))) for w in condition.asked_as.get(self.reads, [])]
            for condition in content.conditions.values()}
        self.permission_openers = frozenset(_plain_words(w) for w in understanding.permission_openers)
        self.asks_when_opening = [tuple(tokens(_plain_words(w))) for w in understanding.asks_when_opening]
        self.unmarked_question_openings = [tuple(tokens(_plain_words(w)))
                                           for w in understanding.unmarked_question_openings]
        self.question_ends_at = frozenset(_plain_words(w) for w in understanding.question_ends_at)
        # Words that may come before a leading yes or no: "actually no i can't", "oh yes it is"
        self.leading_words = frozenset({*(w for w in self.fillers if " " not in w),
                                        *(w[0] for w in self.correction_words if len(w) == 1)})
        self.who = WhoIsAsked(understanding, frozenset(self.function_words), _plain_words)
        self.numbers = NumberWords(understanding.cardinals, understanding.number_phrases, understanding.shorthand,
                                   self.ordinals, _suffixes(understanding.ordinal_suffixes),
                                   tuple(understanding.thousands), frozenset(understanding.articles),
                                   # (every language's halves, as the units are every language's: "2 and a
                                   # half months" typed in a Portuguese conversation was read as 2 years,
                                   # "and" a slip of "ano"; session 28)
                                   tuple(dict.fromkeys(half for words in (understanding, *(
                                       other for code, other in content.ui.understanding.items()
                                       if code != self.reads)) for half in words.halves)),
                                   tuple(understanding.range_words), frozenset(understanding.definite_articles))
        # ...and only those that stand for a bare number ("a couple of" is 2), not for a time
        # with its unit ("yesterday" is 1 day): see `_without_others_numbers`
        self.bare_numbers = replace(self.numbers, phrases={
            phrase: value for phrase, value in self.numbers.phrases.items() if _NUMBER_WORD.fullmatch(value)})
        # Every word the language's content uses: a word typed as one of them is not a slip.
        self.vocabulary = _language_words(content, language, understanding)
        self.tables = {qid: self._table(q) for qid, q in content.questions.items()}
        # The long names that name an item alone (medicines: "prednisolona", "alendronato"),
        # read through a slip in passing (`_long_names_mended`), and every word they could be
        # confused with
        # (each with what it names: "prednisolna" is as near "prednisona" as "prednisolona", both steroids)
        self.long_names = {name: frozenset((qid, m.options) for qid, table in self.tables.items()
                                           if name in table.named_alone for m in table.phrases.find(name))
                           for table in self.tables.values() for name in table.named_alone
                           if len(name) >= LONG_NAME_SLIP and name.isalpha()}
        self.slip_pool = sorted(set(self.long_names) | {word for word in (*self.vocabulary, *self.everyday)
                                                   if len(word) >= LONG_NAME_SLIP - 2 and word.isalpha()})
        self.held_one_words = frozenset().union(*(
            self.tables[qid].phrases.one_word for qid, q in content.questions.items()
            if q.heard_early and q.taken_when_heard and q.kind == "choice")) - {*self.yes, *self.no}
        # ...of which the long ones are mended from a slip in passing as long names are
        self.held_names = {word: frozenset((qid, m.options) for qid, table in self.tables.items()
                                           if word in table.phrases.one_word for m in table.phrases.find(word))
                           for word in self.held_one_words if len(word) >= HELD_WORD_SLIP and word.isalpha()}
        self.slip_pool = sorted({*self.slip_pool, *self.held_names})
        # For each question, the words that tie a number to any other question ("for 3
        # weeks" is how long, "im 34" an age): built once, read at every answer.
        self.others_leads = {qid: frozenset().union(*(t.leads for t in self.tables.values() if t is not table))
                             - table.leads for qid, table in self.tables.items()}
        self.other_measure_units = frozenset(_plain_words(u) for u in understanding.other_measure_units)
        self.no_number_phrases = [re.compile(rf"(?<![\w]){re.escape(_plain_words(p))}(?![\w])")
                                  for p in understanding.no_number_phrases]
        self.others_follows = {qid: frozenset().union(*(t.follows for t in self.tables.values() if t is not table))
                               for qid, table in self.tables.items()}
        # ...less those of a question about the same thing (`said_freely_at`), for a question
        # that reads numbers as its options: the duration's "ao longo de dois dias" is how the
        # pain started too (sudden). See `_without_others_numbers`.
        same = {qid: [t for t in self.tables.values() if qid in t.question.said_freely_at] for qid in self.tables}
        self.numbers_others_leads = {qid: self.others_leads[qid].difference(*(t.leads for t in same[qid]))
                                     for qid in self.tables}
        self.numbers_others_follows = {qid: self.others_follows[qid].difference(*(t.follows for t in same[qid]))
                                       for qid in self.tables}
        # ... and the words that name what another question's number measures ("crp" for the
        # white cell count): in "CRP 12, WCC 8.1" the 12 is no white cell count.
        # ...or what no question measures ("vit d 18", "hb 11": no 18 weeks of pregnancy)
        unasked = frozenset(_plain_words(w) for w in understanding.unasked_measures)
        self.others_measures = {qid: frozenset().union(*(t.measures for t in self.tables.values() if t is not table),
                                                       unasked)
                                - set(table.measures) for qid, table in self.tables.items()}
        # ... and the units of other questions' numbers: "a high CRP last month" has no CRP of 1.
        # Every word that ties a number to some question (its units, measures and leads): a
        # decimal typed with none of them is read alone (`_measured_alone`).
        self.all_number_words = frozenset().union(
            *(t.named_units | set(t.measures) | t.scale_words | t.leads | t.follows for t in self.tables.values()),
            self.other_measure_units)
        self.others_units = {qid: frozenset().union(*(t.named_units for t in self.tables.values() if t is not table))
                             - table.named_units - set(table.measures) - table.scale_words
                             for qid, table in self.tables.items()}

    def _table(self, question: Question) -> _Table:
        options = self.content.options[question.id]
        phrases: dict[str, tuple[int, ...]] = {}

        def add(phrase: str, index: int) -> None:
            key = _plain_words(phrase)
            if index not in phrases.get(key, ()):
                phrases[key] = (*phrases.get(key, ()), index)

        diagnoses, hints, third_person, alone, asked_only = set(), set(), set(), set(), set()
        at_clause_end: set[str] = set()
        named_when_denied: set[str] = set()
        denied_alone: set[str] = set()
        for index, option in enumerate(options):
            # The label as shown, and a variant's base label, as people type them back
            shown = (self.content.text(option.label, code) for code in (self.language_code, self.reads))
            for label in dict.fromkeys(shown):
                add(label, index)
                # ...and its words before and inside a parenthesis, as people type them back:
                # "espaço da articulação mais estreito", "joint space narrowing" (user test pt 14)
                plain_part, _, in_brackets = label.partition(" (")
                if in_brackets:
                    add(plain_part, index)
                    add(in_brackets.rstrip(")"), index)
            for synonym in option.synonyms.get(self.reads, []):
                add(synonym, index)
            for diagnosis in option.diagnoses.get(self.reads, []):
                add(diagnosis, index)
                diagnoses.add(words_only(_plain_words(diagnosis)))
            for hint in option.hints.get(self.reads, []):
                add(hint, index)
                hints.add(words_only(_plain_words(hint)))
            for words in option.asked_only.get(self.reads, []):
                add(words, index)
                asked_only.add(words_only(_plain_words(words)))
            for words in option.at_a_clause_end.get(self.reads, []):
                add(words, index)
                at_clause_end.add(words_only(_plain_words(words)))
            for words in option.named_when_denied.get(self.reads, []):
                add(words, index)
                named_when_denied.add(words_only(_plain_words(words)))
            for pronoun in option.third_person.get(self.reads, []):
                add(pronoun, index)
                third_person.add(_plain_words(pronoun))
            for word in option.named_alone.get(self.reads, []):
                add(word, index)
                alone.add(_plain_words(word))
            for word in option.denied_alone.get(self.reads, []):
                add(word, index)
                denied_alone.add(_plain_words(word))
            # Every yes/no option understands the language's ways of saying yes and no, and
            # "None of these" the ways of saying no; not where true and false are places
            # ("Where is the pain?": "yes" names neither).
            if option.value == "normal":  # a result's "Normal" (`_Table.nothing`)
                for word in self.nothing_found:
                    add(word, index)
            yes_no = question.yes_no and (option.value is True or option.value is False)
            if yes_no or option.value == NONE_OF_THESE:
                for word in self.yes if option.value is True else self.no:
                    add(word, index)
        units = self.content.ui.units.get(question.unit or "", {"": 1.0})
        measures = {_plain_words(word): measure for measure, ws in question.measure_words.items() for word in ws}
        measure_units = {measure: {_plain_words(word): factor for word, factor in self.content.ui.units[table].items()}
                         for measure, table in question.measure_units.items()}
        denials = frozenset(i for i, o in enumerate(options)
                            if o.value is False or (o.exclusive and o.value is not None))
        phrase_index = PhraseIndex(phrases, self.language, denials, self.typos, self.vocabulary, self.everyday)
        return _Table(question, options, phrase_index, units, measures, measure_units, frozenset(diagnoses),
                      frozenset(hints), self._listed(question.said_before_number),
                      self._listed(question.said_after_number), self._listed(question.said_in_clause_with),
                      self._listed(question.offset_words),
                      {i: self._listed_as_words(o.not_with) for i, o in enumerate(options) if o.not_with},
                      frozenset(third_person), frozenset(alone),
                      self._listed(question.said_bare_after) | self._listed(question.said_bare_going_on_after),
                      self._listed(question.said_with_unit), self._listed(question.said_alone_after),
                      {i: [[[tuple(tokens(_plain_words(word))) for word in group] for group in way]
                           for way in o.said_together.get(self.reads, [])]
                       for i, o in enumerate(options) if o.said_together.get(self.reads)},
                      counted_back=self._counted_back_words(question),
                      bare_leads_going_on=self._listed(question.said_bare_going_on_after),
                      head_units=self._listed(question.said_with_unit_at_the_head),
                      since_then=self._listed(question.said_since_then),
                      beginning=self._listed(question.said_as_beginning),
                      week_leads=self._listed(question.said_as_a_week_of_pregnancy),
                      sharing=frozenset(i for i, o in enumerate(options) if o.shares_words_said_together),
                      age_after=self._listed(question.said_as_an_age_after),
                      in_a_sentence=frozenset(i for i, o in enumerate(options) if o.said_together_in_a_sentence),
                      not_with_unless={i: [(self._listed_as_words(n.words), self._listed_as_words(n.unless))
                                           for n in o.not_with_unless]
                                       for i, o in enumerate(options) if o.not_with_unless},
                      told_by_number={i: (o.told_by_number.below, self._listed(o.told_by_number.said_before_number),
                                          self._listed(o.told_by_number.said_after_number))
                                      for i, o in enumerate(options) if o.told_by_number is not None},
                      not_before={i: self._listed(o.not_before) for i, o in enumerate(options) if o.not_before},
                      not_beside_together={i: self._listed_as_words(o.not_beside_said_together)
                                           for i, o in enumerate(options) if o.not_beside_said_together},
                      kind_asked={i: [(self._listed_as_words(n.words), self._listed_as_words(n.unless), n.asks)
                                      for n in o.not_with_unless if n.asks is not None]
                                  for i, o in enumerate(options) if any(n.asks is not None for n in o.not_with_unless)},
                      kind_words=frozenset().union(*(
                          self._listed_as_words(n.unless) | self._listed_as_words(o.denied_by)
                          for o in options for n in o.not_with_unless if n.asks is not None)),
                      asked_only=frozenset(asked_only), named_when_denied=frozenset(named_when_denied),
                      at_clause_end=frozenset(at_clause_end),
                      denied_alone=frozenset(denied_alone),
                      other_events=self._listed(question.times_of_other_events),
                      offsets_after=self._listed(question.offset_after_words),
                      said_of=self._listed(question.said_of))

    def _counted_back_words(self, question: Question) -> _CountedBack | None:
        counted = question.counted_back
        if counted is None:
            return None
        dated_after = counted.dated_after.get(self.reads, [])
        dates = self.dates.led_by(dated_after, _plain_words) if dated_after else None
        return _CountedBack(counted.value, self._listed(counted.said_before_number),
                            self._listed(counted.said_after_number), self._listed(counted.said_between),
                            self._listed(counted.said_as_passed_before), self._listed(counted.said_as_passed_after),
                            dates)

    def _listed(self, words_by_language: dict[str, list[str]]) -> frozenset[str]:
        """This language's words of a per-language list, as answers are compared."""
        return frozenset(_plain_words(w) for w in words_by_language.get(self.reads, []))

    def _listed_as_words(self, words_by_language: dict[str, list[str]]) -> frozenset[str]:
        """As `_listed`, each phrase as the words a text is read in (`_names_any`): a hyphen
        parts them, so "recém-nascida", "virar-me" are found where they are typed."""
        return frozenset(" ".join(tokens(phrase)) for phrase in self._listed(words_by_language))

    # what the dialogue calls -------------------------------------------------------

    def read(self, question_id: str, text: str, pending: str = "", typed: str = "",
             today: date | None = None) -> Parsed:
        """What a typed answer means for this question (`_read`); one not understood is quoted
        as it was typed, not as it was read ("a barriga fica dura" is read with "fica" as
        "fico" to match the options, and was quoted so: pt-BR user test 16)."""
        if KIND_SLOT in pending:  # "tablets" after "steroids for my asthma": read with it
            table = self.tables[question_id]
            said = _plain_words(text)
            completes = not _OPTION_NUMBERS.match(said) and _names_any(tokens(said), table.kind_words)
            return self.read(question_id, pending.replace(KIND_SLOT, f" {said} ") if completes else text,
                             typed=typed, today=today)
        parsed = self._read(question_id, self.negation_first(text), pending, typed, today)
        if not parsed.ok and not pending:
            parsed = self._test_said_not_done(question_id, text) or parsed
        if parsed.ok and not pending and self._another_test_said_not_done(question_id, text, parsed.value):
            miss = "choose_several" if self.tables[question_id].question.several else "choose_one"
            parsed = Parsed(False, error=miss, values={"answer": quote(text)})
        if not parsed.ok and parsed.error == "choose_one" and not pending and self._a_bare_yes_or_no(question_id, text):
            parsed = replace(parsed, error="not_a_yes_or_no")
        if not parsed.ok and "answer" in parsed.values and not pending:
            parsed.values["answer"] = quote(typed or text)
        if pending and parsed.ok and parsed.value is not None:
            return self._unless_against_the_number(self.tables[question_id], parsed, pending)
        if pending and parsed.ok:
            return self._graver_unit(self.tables[question_id], parsed, pending)
        return parsed

    def heard_as_either(self, question_id: str, text: str) -> list[int]:
        """The options `text` names together in passing by the question's `heard_as_either`
        words, not denied ("I can barely walk": weight-bearing pain or no weight at all); []
        for none."""
        either = self.content.questions[question_id].heard_as_either
        if either is None:
            return []
        table = self.tables[question_id]
        words = tokens(_plain_words(text))
        for phrase in either.words.get(self.reads, []):
            for at in _places(words, tuple(tokens(_plain_words(phrase)))):
                if not table.phrases.negated_at(words, at):
                    return [i for value in either.answers for i, o in enumerate(table.options) if o.value == value]
        return []

    def heard_early_by(self, question_id: str, index: int, text: str) -> bool:
        """`text` names option `index` by one of its `heard_early_by` words, not denied nor
        with a word that says it is not it ("é mais na virilha"; not "não dói na virilha")."""
        option = self.content.options[question_id][index]
        early = {_plain_words(w) for w in option.heard_early_by.get(self.reads, [])}
        if not early:
            return False
        table = self.tables[question_id]
        said = self._read_as(table, _plain_words(text))
        words = tokens(said)
        # (negation checked here: a "no" option's words are not negated by the phrase table)
        return any(index in m.options and early.intersection(words[m.start:m.end])
                   and not table.phrases.negated_at(words, m.start)
                   for m in self._not_with(table, said, table.phrases.find(said)))

    def _test_said_not_done(self, question_id: str, text: str) -> Parsed | None:
        """At a test's question, the test denied by name, nothing else said of this question:
        "não cheguei a fazer ressonância", "they never did an MRI" at what the MRI showed is
        "Not done", as "não fiz ressonância" is (session 29: "did not catch"). The test is the
        checklist item that writes this question's "not done" when left unticked (tests_done
        `unticked`), denied as that checklist reads denials (`denied_by_name`)."""
        field_name = self.content.questions[question_id].field
        for checklist_id, checklist in self.content.questions.items():
            if checklist.kind != "checklist" or field_name is None:
                continue
            for index, option in enumerate(self.content.options[checklist_id]):
                written = (option.unticked or {}).get(field_name)
                if written is None or not any(o.value == written for o in self.content.options[question_id]):
                    continue
                table = self.tables[question_id]
                named = {i for m in table.phrases.find(self._read_as(table, _plain_words(text))) for i in m.options}
                if self.denied_by_name(checklist_id, text) == [index] and not self.mentions(checklist_id, text) \
                        and all(table.options[i].value == written for i in named):
                    return Parsed(True, value=written)
        return None

    def _a_bare_yes_or_no(self, question_id: str, text: str) -> bool:
        """`text` is a yes or a no only, not read at a question of one answer (none of its
        answers is said so: "n" at how the pain began, "não" at how the walking is): which answer
        is asked for, not "did not catch" (session 30: "n" met that again and again)."""
        said = words_only(self._without_fillers(_plain_words(text)))
        return bool(said) and (said in self.yes_or_no or said in self.yes or said in self.no)

    def _another_test_said_not_done(self, question_id: str, text: str, value: Any) -> bool:
        """`value` is this test's "not done", read from `text` that denies other tests by name
        and not this one: "não fez rx" at the blood count, "xray not done" at what the MRI
        showed, say nothing of this test (session 30: recorded as the blood count not done).
        The tests are the checklist's items that write a "not done" when left unticked
        (tests_done `unticked`), denied as that checklist reads denials (`denied_by_name`)."""
        field_name = self.content.questions[question_id].field
        if field_name is None or not isinstance(value, str):
            return False
        for checklist_id, checklist in self.content.questions.items():
            if checklist.kind != "checklist":
                continue
            options = self.content.options[checklist_id]
            own = {i for i, o in enumerate(options) if (o.unticked or {}).get(field_name) == value}
            if not own:
                continue
            denied = set(self.denied_by_name(checklist_id, text))
            if denied and not denied & own:
                return True
        return False

    def _graver_unit(self, table: _Table, parsed: Parsed, pending: str) -> Parsed:
        """"Don't know" to "which unit?" ("PCR 12", then "não sei"): the unit is not known, so
        the graver reading is taken, to be safe, and said with the unit it assumes (user test
        en 26a: the CRP typed was lost as "Don't know"). Only where the options run from
        mildest to gravest."""
        number = self._by_number(table, pending.replace(UNIT_SLOT, " "))
        if not table.question.escalating or not isinstance(number, _UnitQuestion):
            return parsed
        symbols = self.content.ui.unit_symbols
        shown = self._number(number.number)
        graver = max(number.readings, key=lambda reading: reading[1])
        other = next(unit for unit, option in number.readings if option != graver[1])
        option = table.options[graver[1]]
        line = self.content.message("unit_assumed", self.language_code,
                                    amount=f"{shown} {symbols.get(graver[0], graver[0])}",
                                    label=self.content.text(option.label, self.language_code),
                                    other=f"{shown} {symbols.get(other, other)}")
        return Parsed(True, value=option.value, said_with=line)

    def _unless_against_the_number(self, table: _Table, parsed: Parsed, pending: str) -> Parsed:
        """An answer to "which unit?" milder than any unit would give: the unit is asked
        again. "CRP 45" is raised in mg/L and in mg/dL, so an "ok" or "the first one" typed
        back is no "Normal" nor "Not done" (user test en 17: the raised CRP was recorded as
        normal). A graver answer is taken: the doctor may have said "very raised"."""
        number = self._by_number(table, pending.replace(UNIT_SLOT, " "))
        if not table.question.escalating or not isinstance(number, _UnitQuestion):
            return parsed  # (only where the options run from mildest to gravest)
        chosen = next((i for i, o in enumerate(table.options) if o.value == parsed.value), None)
        if chosen is None or chosen >= min(option for _, option in number.readings):
            return parsed
        asked = self._which_unit(table, pending.replace(UNIT_SLOT, " "), number)
        return replace(asked, pending=pending)

    def _read(self, question_id: str, text: str, pending: str = "", typed: str = "",
              today: date | None = None) -> Parsed:
        """What a typed answer means for this question. `pending`: an answer given just before
        whose unit was asked (Parsed.pending); a reply that names a unit and no number
        ("mg/dL", "em mg/dl") completes it. `typed`: the answer as typed, when `text` is
        part of it already read (who it is about is told from the words as typed: "fez" is
        read as "fiz" to match the options, but it is someone else's). `today`: the day the
        answer was sent, from which "since March" is counted (`counted_from_a_date`)."""
        typed = typed or text
        table = self.tables[question_id]
        # "can i have an xray?" names no test done, "what should i do tonight?" no onset (its
        # "?" left alone is no "?" for "don't know")
        said = _plain_words(text)
        # (what it asks may be taken is left to the readings that know the fact before it:
        # "toma varfarina, faz mal?" still says the warfarin)
        unasked = self._without_unmarked_questions(_without_questions(said, self.question_openers))
        said = unasked if unasked == said or any(ch.isalnum() for ch in unasked) else ""
        unit = self._unit_alone(table, said) if pending else None
        if unit is not None:
            text = said = pending.replace(UNIT_SLOT, f" {unit} ")
        if not said:  # only emoji or symbols
            return Parsed(False, error="choose_one", values={"answer": quote(text)})
        if not self.typos and not self._in_this_language(said):
            return Parsed(False, error="choose_one", values={"answer": quote(text)})
        said = self._without_denied_numbers(table, self._read_as(table, self._as_it_sounds(table, said)))
        said = self._without_others_times(table, said)
        if not said:  # only a time of another complaint ("felt feverish last night"): not caught here
            return Parsed(False, error="choose_one", values={"answer": quote(text)})
        if table.question.kind == "number":  # "3 weeks, well maybe 4": before its hedge is read as unsure
            said = self._revised_number(table, said)
        whole = self._whole(table, said)
        if whole is not None:  # (an option's own words first: "only crp" at the white count is "Not done")
            return whole
        # "XR NAD" at the MRI question is the X-ray's; "XR NAD, MRI not done" there is "MRI not done"
        own_share = self._without_others_results(table, said)
        if own_share is None:
            return Parsed(False, error="choose_several" if table.question.several else "choose_one",
                          values={"answer": quote(text)})
        said = own_share
        offers_dont_know = any(o.value is None for o in table.options)
        # (at a question of what a test showed, one that names its test: not at which tests were done)
        out = self._without_results_not_out(said) if offers_dont_know and table.question.heard_about else said
        if out != said:
            # "resultado ainda não saiu", "fiz RM, o laudo ainda não veio": what the test showed
            # is not known, whatever the "não" in it (user test pt 26: read as no MRI done);
            # what else is said of this question is read ("raio-x normal, o da RM ainda não saiu")
            parsed = self.read(question_id, out, typed=typed, today=today) if out else Parsed(False)
            told = [w for w in tokens(self._without_fillers(out))
                    if w not in CLAUSE_PUNCTUATION and w not in self.yes and w not in self.no]
            return parsed if parsed.ok and told else Parsed(True, value=None)
        if said in self.dont_know and offers_dont_know:
            return Parsed(True, value=None)
        if offers_dont_know and self._unsure_of_the_subject(table, said):
            return Parsed(True, value=None)  # "fever not sure", "não sei se tive febre"
        if offers_dont_know and self._unsure_of_the_result_then_other_words(table, said):
            return Parsed(True, value=None)  # "not sure about the white cells, letter says bloods fine"
        if offers_dont_know and self._unsure_after_a_correction(said):
            return Parsed(True, value=None)  # "no, actually not sure": the answer is taken back
        corrected = self._yes_no_after_a_correction(table, said)
        if corrected is not None:  # "no, actually yes": the last word is the answer
            return self.read(question_id, corrected, typed=typed, today=today)
        # ...unless an answer's own words say it: "grávida, não sei de quanto tempo" is a
        # pregnancy whose week is not known, no "Don't know"
        rest = self._without_unsure(said) if offers_dont_know and not self._unsure_in_an_answer(table, said) else said
        if rest != said:
            # "no idea tbh", "nah no idea", "like I said no idea": the "no" of "no idea" is no
            # answer "No". What else was said is read; nothing more to go on is "Don't know".
            parsed = self.read(question_id, rest, typed=typed, today=today) if rest else Parsed(False)
            if parsed.ok or parsed.clarify or (len(self._without_fillers(rest).split()) >= 3
                                               and not self._why_not_known(rest)):
                # "to com calafrio, não medi" at the walking question: more was said than a
                # hedge, and not of this question; it is asked again, not "Don't know"
                # (but not why it is not known: "dont know, she cant say")
                return parsed
            return Parsed(True, value=None)
        said = self._split_leading_yes_no(said)
        if table.question.kind == "number":
            # ("de um dia pro outro" is no amount: its phrase goes before "um dia" is 1 day)
            kept = functools.reduce(lambda text, phrase: phrase.sub(" ", text), self.no_number_phrases, said)
            parsed = self._read_number(table, text, self._without_fillers(amounts_in_digits(kept, self.numbers)), today)
        elif table.question.several:
            parsed = self._read_several(table, text, said)
        else:
            parsed = self._read_one(table, text, said, typed, today)
        if not parsed.ok and not parsed.clarify and offers_dont_know and self._starts_unsure(said):
            return Parsed(True, value=None)  # "not sure, it moves around": unsure, and nothing more to go on
        settles = table.question.asked_when_said_partly
        partly = self.said_partly | self._listed(table.question.said_partly_here)
        if not parsed.ok and not parsed.clarify and settles is not None and said in partly:
            # "kinda" at the fever question: what would settle it is asked, not "did not catch"
            return Parsed(False, error="said_partly", values={"ask": self.content.text(settles, self.language_code)},
                          understood=True)
        return parsed

    def answered_ahead(self, question_id: str, text: str, answered_id: str) -> Parsed | None:
        """The answer to number question `question_id`, asked next, that an answer to
        `answered_id` already gave: "female 34", "F, 34" or "Feminino, 34 anos" give the age.
        Only a number standing apart is taken: after the start, a clause break or a one-word
        answer to the question just read, and followed by nothing but this question's units, a clause
        break or such a word. A number tied to any other word ("fever of 38", "for 3 weeks")
        is left alone, and so is anything but a plain reading (a child's age is asked), and a
        number that was itself the answer ("2" picks the second option)."""
        table = self.tables[question_id]
        if table.question.kind != "number":
            return None
        text = _WEEKS_AND_DAYS.sub(" ", text)  # "shes 34+5": weeks and days of a pregnancy
        text = self._joiners_mended(self._spelled_out(_plain_words(text)))  # "FY2 - 70M": the grade has no age
        words = [part for word in tokens(text) for part in letter_apart(word)]
        # An answer's one-word phrases ("female", "f"), not every word of its phrases ("of"),
        # and those of answers held when said in passing ("male 50 left hip": the side).
        answered = self.tables[answered_id].phrases.one_word | self.held_one_words
        # ...typed with a slip too ("femal 34": the sex was read, so was its word)
        answered |= {word for word in set(words) if word.isalpha() and len(word) >= 4 and word not in answered
                     and self.tables[answered_id].phrases.fuzzy(word)}
        units = table.named_units
        leads = table.leads  # words that lead to this number ("im 45") tie it to nothing else
        # ...and followed by nothing but a unit, a clause break, such a word, or the words that
        # open the telling of the pain ("male 45 hip pain")
        opening = {phrase[0] for phrase in self.opening_words if len(phrase) == 1}
        # ...or what a note goes on with after its head ("F 44 c/o L hip pain"), as typed there
        opening |= {words[at] for phrase in self.note_goes_on if phrase for at in _places(words, phrase)}
        # ...and not a measurement of another question: "fever 38.6", "tenho 38.5 de febre" (a
        # decimal's whole part), "teve febre 38" (after another question's measure word)
        # (single letters aside: the "F" of "F 62" is the sex, not Fahrenheit)
        measured = {word for word in self.others_measures[question_id] if len(word) > 1} \
            - self.tables[answered_id].phrases.one_word
        decimals = [match.groups() for match in re.finditer(r"(?<![\d.,])(\d+)[.,](\d+)", _plain_words(text))]

        def in_a_decimal(at: int) -> bool:
            return any(words[at:at + 3] == [whole, mark, part] or words[at - 2:at + 1] == [whole, mark, part]
                       for whole, part in decimals for mark in ".,")

        apart = [span for span in (self._standing_apart(words, at, answered, units, leads, self.joiners, opening)
                                   for at, word in enumerate(words) if _NUMBER_WORD.fullmatch(word)
                                   and not in_a_decimal(at)
                                   and not any(" ".join(words[max(0, at - size):at]) in measured for size in (1, 2)))
                 if span is not None]
        # ...or an adult's age right after the answer's one word that opens the message, whatever
        # plain word follows: "male 50 on prednisolone", "female 62 since a fall" (session 29)
        head = next((i for i, word in enumerate(words) if word not in self.language.note_words), len(words))
        at = head + 1
        if not apart and at < len(words) - 1 and words[head] in answered and words[at].isdigit() \
                and adults_age(words[at], self.language.glued_age_at_least) and words[at + 1].isalpha() \
                and words[at + 1] not in units and words[at + 1] not in self.others_units[question_id] \
                and not any(" ".join(words[at + 1:at + 1 + size]) in self.others_units[question_id] for size in (2, 3)):
            apart = [(at, at + 1)]
        # ...nor one followed by another question's unit and a word that follows it there: "F 20 w
        # pregnant", "F 32, 20 w pregnant" ("w" is a woman too; session 28: an age of 20 was taken)
        apart = [(at, end) for at, end in apart
                 if not (end + 1 < len(words) and any(words[end] in other.units and words[end + 1] in other.follows
                                                      for other in self.tables.values() if other is not table))]
        # ...nor one followed by a letter that is both the answer's and another question's unit,
        # when that question hears the number with it, or is named beside it and reads it:
        # "34 w", "pregnant 34 w" is a week of pregnancy, not also a woman of 34 (session 29)
        apart = [(at, end) for at, end in apart
                 if not (end < len(words) and words[end] in answered and any(
                     words[end] in other.named_units and self._hears_with_its_unit(
                         other_id, text, answered_id, f"{words[at]} {words[end]}")
                     for other_id, other in self.tables.items() if other_id not in (question_id, answered_id)))]
        if len(apart) > 1:  # "28 F left hip pain, 2 months": a number whose unit makes it no plain age is no rival
            apart = [(at, end) for at, end in apart
                     if end == at + 1 or self._plainly(question_id, " ".join(words[at:end])) is not None]
        if len(apart) != 1:  # "34, 35": which one is meant is not guessed
            return None
        at, end = apart[0]
        if end < len(words) and words[at] + words[end] in tokens(_plain_words(text)) \
                and words[end] in self.others_units[question_id]:
            return None  # "33w pregnant": weeks glued to their number, no woman of 33
        rest = " ".join(words[:at] + words[end:]).strip(" ,;.")
        # "Pt 41M L hip pain": the number glued to the answer's letter is no option number
        # ...nor is one followed by it after a space ("28 F left hip pain"), an adult's age,
        # nor one right after it ("M 45 left hip pain")
        adult = words[at].isdigit() and adults_age(words[at], self.language.glued_age_at_least)
        glued = end < len(words) and (any(word == words[at] + words[end] for word in tokens(_plain_words(text))) or (
            len(words[end]) == 1 and words[end] in answered and adult))
        glued = glued or (at > 0 and len(words[at - 1]) == 1 and words[at - 1] in answered and adult)
        if not rest or not (glued or self.read(answered_id, rest).ok):  # the number was the answer ("2": option 2)
            return None
        said = " ".join(words[at:end])
        parsed = self._plainly(question_id, said)
        return replace(parsed, said=said) if parsed is not None else None

    def _hears_with_its_unit(self, question_id: str, text: str, answered_id: str, said: str) -> bool:
        """`said` (a number and its unit) is `question_id`'s: heard as its number in `text`,
        or read plainly as its answer where `text` names the question's own words."""
        table = self.tables[question_id]
        read = self._plainly(question_id, said)
        # (not where another of its answers is named: "not pregnant, 34 w" is no week 34)
        named = {table.options[i].value for m in table.phrases.find(_plain_words(text)) if not m.negated
                 for i in m.options}
        if read is None or (named and read.value not in named):
            return False
        return bool(named) or self.heard_number(question_id, text, answered_id) == said

    def _plainly(self, question_id: str, said: str, today: date | None = None) -> Parsed | None:
        """`said` read as an answer to `question_id`, if it is a plain one: a value, with no
        jump (a child's age), no question back and nothing left unread."""
        parsed = self.read(question_id, said, today=today)
        plain = parsed.ok and parsed.goto is None and not parsed.clarify and not parsed.unread
        return parsed if plain and parsed.value is not None else None

    def heard_number(self, question_id: str, text: str, answered_id: str = "", today: date | None = None) -> str | None:
        """The number answering `question_id` said in passing in an answer to another: with
        its unit, and led by one of the question's `said_before_number` words or followed by
        one of its `said_after_number` ("right hip pain for 2 months", "dor há três
        semanas", "hip pain that started 3 weeks ago", "im 19 weeks"). The words that say
        it ("2 months"), or None: no number so tied, a bare number, two of them (which one
        is meant is not guessed), or anything but a plain reading. With `today`, a date it
        is counted from is heard too: "left hip pain since March"."""
        table = self.tables[question_id]
        text = self._joiners_mended(self._long_names_mended(_plain_words(text)))  # "im pregant, 20 weeks" (session 29)
        if self._a_week_of_pregnancy(table, _plain_words(text)) is not None:
            return None  # "34 weeks pregnant, pain since I was 28 weeks": asked, not guessed
        if table.question.kind == "number":  # "my wife is 29+1": weeks and days, no age nor length
            text = _WEEKS_AND_DAYS.sub(" ", text)
        leads, follows, about = table.leads, table.follows, table.clause_words
        if answered_id in table.question.said_freely_at:  # "foi de repente, há 1 mês" at how it started
            about = frozenset()
        fractions = set(table.question.said_as_fraction_of)
        if table.question.unit is None or not (leads or follows or fractions):
            return None
        units = table.named_units
        # (a word of about before the number that also leads it is kept: "umas 3 semanas, foi
        # piorando", "about 3 weeks, came on gradually" are led as "há 3 semanas" is; session 30)
        words = self._number_words(text, units=units, keep=leads)
        heard: set[str] = set()
        tied = self._tied_numbers(words, leads, follows, units)
        counted_from = table.question.counted_from_items
        if counted_from:
            # A time said of an event the answer is counted from is tied by it, as typed at the
            # question itself: "i fell yesterday and my hip hurts" (user test en 23: asked again)
            tied += [(at, end) for at, word in enumerate(words) if _NUMBER_WORD.fullmatch(word)
                     for end in [self._unit_end(words, at, units)]
                     if end > at + 1 and (at, end) not in tied
                     and self._names_an_item_counted_from(question_id, words, at, counted_from)]
        # A number with its unit alone in its clause, after the clause it belongs to ("right
        # hip pain, about 3 weeks"), unless another question's answer named makes it unclear
        after = table.alone_after or about
        # ("pregnant, hip pain, 30 weeks": which weeks? But in "32 weeks pregnant, hip pain, about
        # 2 weeks" the pregnancy is named in full, with its number: the 2 weeks are the pain's.)
        named_elsewhere = any(self.tables[other].phrases.find(_plain_words(text)) and not self.mentions(other, text)
                              for other in table.question.said_alone_unless_named)
        alone = self._alone_after_its_clause(words, units, leads | follows, after) \
            if after and not named_elsewhere else []
        # ...or led by its own words, right before that clause: "há 3 semanas, veio aos poucos",
        # "3 weeks ago, came on gradually" (user test pt-BR 28: "faz 15 dias, foi piorando aos
        # pouco" held nothing, and how long was never known); not a bare "30 weeks, hip pain"
        # (led by a word of about only, as "pregnant, about 30 weeks, hip pain": as alone, unless named)
        alone += self._led_before_its_clause(words, units, leads, follows, about, functools.partial(
            self._answers_plainly, table.question.said_alone_after_answers_to), not named_elsewhere) if about else []
        opening_from = table.question.said_alone_opening_from
        if opening_from is not None and words and _NUMBER_WORD.fullmatch(words[0]) and float(words[0]) >= opening_from:
            end = self._unit_end(words, 0, units)
            if end > 1 and self._clause_around(words, 0)[1] == end:  # "33 wks, left hip agony"
                alone.append((0, end))
        # "left, about 2 months" at which hip; and "anca esquerda, há uns 2 meses" typed ahead at
        # another question (user test pt 26: at the pregnancy question, read as a first trimester)
        alone += self._alone_after(words, units, leads | follows,
                                   functools.partial(self._answers_plainly, table.question.said_alone_after_answers_to))
        if answered_id in table.question.said_freely_at:  # "gradual, about 2 weeks" at how it started
            # (a number typed in digits: the option's own "over hours to a few days" is no duration)
            typed_digits = set(tokens(_plain_words(text)))
            alone += [(at, end) for at, word in enumerate(words) if _NUMBER_WORD.fullmatch(word)
                      and word in typed_digits for end in [self._unit_end(words, at, units)] if end > at + 1]
        if table.question.said_alone_as_a_whole_message and not (
                answered_id and self.tables[answered_id].question.unit is not None):
            alone += self._whole_message(words, units, leads, follows)  # "about 3 weeks" at the tests
        counted_back = [(start, end) for start, end, _ in self._counted_back_spans(table, words)]
        if today is not None:
            counted_back += [(d.start, d.end) for d in self._due_dates(table, words)]  # "due on 20/12"
        counted_back += [(start, end) for start, end, _ in self._told_by_number(table, words)]  # "my 4 month old"
        heard.update(" ".join(words[start:end]) for start, end in counted_back)  # "due in 3 weeks"
        for at, end in [*tied, *alone]:
            if any(start <= at < stop for start, stop in counted_back):
                continue
            if self._followed_by(words, end, table.offsets):  # "3 weeks pregnant", "2 weeks after the birth"
                continue
            if not about and self._names_an_item_elsewhere(question_id, words, at):
                continue  # said freely, but "tomo prednisona pra asma faz 1 ano" is the steroid's year
            if end > at + 1 and (not about or self._in_clause_with(words, at, about) or (at, end) in alone
                                 or self._since_then_after(words, at, about, table.since_then)
                                 or self._began_then(words, at, about, table.beginning)):
                heard.add(" ".join(words[at:end]))  # with its unit: a bare number says nothing of what it counts
        for at, word in enumerate(words):
            if not word.isdigit():
                continue
            end = self._unit_end(words, at, units)
            if " ".join(words[at + 1:end]) in table.own_units:  # "a 70 year old man"
                heard.add(" ".join(words[at:end]))
            elif " ".join(words[at + 1:end]) in table.head_units \
                    and adults_age(word, self.language.glued_age_at_least) \
                    and all(w in self.language.note_words for w in words[:at]) \
                    and (end == len(words) or words[end] in CLAUSE_PUNCTUATION):
                heard.add(" ".join(words[at:end]))  # "58 anos, coxalgia esq.": a note's head
            elif end == at + 1 and self._led(words, at, table.bare_leads) and not _goes_on_in_digits(words, end) \
                    and (self._standing_apart(words, at, frozenset(), units, table.bare_leads, self.joiners,
                                              frozenset(self.pronouns))
                         or (self._led(words, at, table.bare_leads_going_on)
                             and (end == len(words) or words[end] not in self.other_measure_units))):
                # (a pronoun after it opens the next clause of a run-on: "hi im 16 i play
                # football and my hip has hurt", user test en 23d: the age was asked again)
                # "aged 62, hip pain"; not "im 34+2" (weeks and days) nor "im 38.5"; after a
                # person "de" ("minha mãe de 78 caiu ontem": pt-BR user test 18) it may go on
                heard.add(word)
        written = _plain_words(text)
        for fraction in _FRACTION_SHORTHAND.finditer(written):  # "6/52": the unit is in the notation
            unit = self.numbers.shorthand.get(int(fraction.group(2)))
            if int(fraction.group(2)) in fractions and unit in units:
                at = len(tokens(written[:fraction.start()]))
                # ...or alone in its clause, as a note lists it: "MRI confirmed BMO, 8/52" (session
                # 29: a physiotherapist's 8 weeks were asked for)
                alone_in_clause = self._clause_around(tokens(written), at) == (at, at + 2)
                if not about or self._in_clause_with(tokens(written), at, about) or alone_in_clause:
                    heard.add(f"{fraction.group(1)} {unit}")
        if today is not None and table.question.counted_from_a_date:
            dates = {" ".join(words[said_date.start:said_date.end]) for said_date in self._dates_said(words, text)
                     if not about or self._in_clause_with(words, said_date.start, about)
                     or self._a_clause_after(table, words, said_date.start, said_date.end, answered_id)}
            # "it came on over a few days, started 3 nov": the date says when it began, the
            # days how fast (user test en 22b: recorded as 3 days, not a month); but a count
            # said beside it is the person's own ("since monday, about 10 days": session 28)
            beside = self._counts_beside_a_date(table, " ".join(words)) if len(dates) == 1 else None
            counted = [h for h in heard - dates if beside is not None and any(h in clause for clause in beside[1])]
            heard = set(counted) if len(counted) == 1 else dates if len(dates) == 1 else heard | dates
        if table.question.counted_back is not None:
            # "36+2": weeks and days, the way a week of pregnancy is written in a note (en
            # user test 18: a first message opening with it was not heard as pregnant)
            heard |= {f"{found.group(1)}+{found.group(2)}" for found in _WEEKS_AND_DAYS_SAID.finditer(written)
                      if 4 <= int(found.group(1)) <= 42}
        if len(heard) > 1 and table.question.numbers_yielded_to:  # "5 weeks of pain, came on over 2 days"
            theirs = {" ".join(words[at:end]) for other in table.question.numbers_yielded_to
                      for at, end in self._tied_numbers(words, self.tables[other].leads, frozenset(), units)}
            heard = (heard - theirs) or heard
        if len(heard) > 1:  # "tenho 29 anos, meu neném tem 3 meses": 3 months is no plain age
            heard = {said for said in heard if self._plainly(question_id, said, today) is not None}
        if len(heard) != 1:
            return None
        said = heard.pop()
        parsed = self.read(question_id, said, today=today)
        plain = parsed.ok and parsed.value is not None and parsed.goto is None and not parsed.clarify
        return said if plain and not parsed.unread else None

    def _without_others_times(self, table: _Table, said: str) -> str:
        """`said` without the clauses that hold a time and name another complaint
        (`times_said_of_others`) and none of this question's clause words: "felt feverish
        last night" at how the pain started is the fever's night, no sudden onset (user test
        en 23d), while "sudden, feverish since yesterday" keeps its "sudden"."""
        others = table.question.times_said_of_others
        if not others and not table.question.times_said_of_tests:
            return said
        words, spans = tokens(said), token_spans(said)
        breaks = CLAUSE_PUNCTUATION | self.joiners | self.clause_breaks
        # (the point of a decimal typed unspaced ends no clause: "38.4 this morning" is one)
        decimal_points = {at + 1 for at in range(len(words)) if _a_decimal_at(words, at, spans)}
        dropped: set[int] = set()
        at = 0
        while at < len(words):
            if words[at] in breaks and at not in decimal_points:
                at += 1
                continue
            start = next((i + 1 for i in range(at - 1, -1, -1) if words[i] in breaks and i not in decimal_points), 0)
            end = next((i for i in range(at + 1, len(words)) if words[i] in breaks and i not in decimal_points),
                       len(words))
            clause = said[spans[start][0]:spans[end - 1][1]]
            timed = any(_NUMBER_WORD.fullmatch(word) for word in self._number_words(clause))
            # (a reading typed alone is the other's whatever else the clause says: "it was 37.8
            # last night" at how the pain started is the temperature's night)
            own = _names_any(words[start:end], table.clause_words)
            if timed and (any(self._measured_alone(self.tables[other], clause) for other in others) or (
                    not own and any(self.mentions(other, clause) for other in others)) or (
                    not own and table.question.times_said_of_tests
                    and find_mentions(words[start:end], self.test_names))):
                dropped.update(range(start, end))
            at = end
        if not dropped:
            return said
        kept = [word for i, word in enumerate(words) if i not in dropped]
        return " ".join(kept) if any(word not in breaks for word in kept) else ""

    def _names_an_item_counted_from(self, question_id: str, words: list[str], at: int, fields: Collection[str]) -> bool:
        """The clause of the number at `at` names an item of a checklist setting one of
        `fields`, an event the question's answer is counted from ("i fell yesterday")."""
        start, end = self._clause_around(words, at)
        clause = " ".join(words[start:end])
        return any(other_id != question_id and table.question.kind == "checklist" and any(
            set(table.options[i].sets or {}) & set(fields) for i in self.mentions(other_id, clause))
            for other_id, table in self.tables.items())

    def _names_an_item_elsewhere(self, question_id: str, words: list[str], at: int,
                                 except_fields: Collection[str] = ()) -> bool:
        """The clause of the number at `at` names an item of another question's checklist
        ("tomo prednisona pra asma faz 1 ano", "diabetic for 10 years"): the number is that
        item's, not this question's; not an item setting one of `except_fields`."""
        start, end = self._clause_around(words, at)
        clause = " ".join(words[start:end])
        return any(other_id != question_id and table.question.kind == "checklist" and any(
            not set(table.options[i].sets or {}) <= set(except_fields) or not except_fields
            for i in self.mentions(other_id, clause)) for other_id, table in self.tables.items())

    def _without_others_results(self, table: _Table, said: str) -> str | None:
        """At the question of a test's result, `said` less what it says of another question's
        test or measure (flows/said_about.py): "XR NAD, MRI not done" at the MRI question is
        "MRI not done", "normal, mri results pending" at the X-ray's is "normal". None when
        nothing is left: "XR NAD" at the MRI, "crp normal" at the white cell count are the
        other's results, heard in passing there (session 30: an MRI never described was
        recorded as normal)."""
        if not table.question.heard_about:
            return said
        words, spans = tokens(said), token_spans(said)
        mentions = find_mentions(words, self.result_names)
        if not any(table.question.id not in m.tests for m in mentions):
            return said
        own: set[int] = set()
        others: set[int] = set()
        for share in share_out(words, mentions, self.each_of_them, self.comparing, self.joiners, self.before_a_test):
            positions = {*range(share.mention.start, share.mention.end), *share.own,
                         *(p for part in share.after for p in part)}
            (own if table.question.id in share.mention.tests else others).update(positions)
        kept = [p for p in range(len(words)) if p not in others or p in own]
        if not any(words[p] not in CLAUSE_PUNCTUATION and words[p] not in self.joiners for p in kept):
            return None
        runs: list[list[int]] = []
        for position in kept:  # as typed, run by run: "12 mg/L", "7.5" stay whole
            if runs and runs[-1][-1] == position - 1:
                runs[-1].append(position)
            else:
                runs.append([position])
        return " , ".join(said[spans[run[0]][0]:spans[run[-1]][1]] for run in runs)

    def heard_findings(self, question_id: str, text: str) -> list[list[Any]]:
        """What `text`, an answer to another question, says the test `question_id` asks about
        found ("XR NAD", "MRI: BMO femoral head, small effusion", "RX normal"): for each time
        the test is named, the words said about it (flows/said_about.py) read as the
        question reads an answer, as the list of its values. Nothing is read from a test
        booked, wanted or of another place ("MRI booked", "my knee MRI": `not_a_result`),
        from words naming a diagnosis rather than a finding ("MRI consistent with TOH"), nor
        "Not done" or "Don't know" (the tests question asks which were done)."""
        words = tokens(_plain_words(text))
        readings = []
        # A pasted report's conclusion ("Impression: AVN") is the radiologist's opinion
        heard = self.tables[question_id].question.diagnoses_heard_in_passing and \
            not listed_in(words, self.conclusion_headings)
        for share in share_out(words, find_mentions(words, self.test_names), self.each_of_them, self.comparing,
                               self.joiners, self.before_a_test):
            mention = share.mention
            if question_id not in mention.tests or self._not_this_hips(words, share.own, mention):
                continue
            named = set(range(mention.start, mention.end))
            found: list[Any] = []
            for part in (share.own, *share.after):
                said = [words[p] for p in part if p not in named and not words[p].isdigit()]
                if part is share.own or not listed_in(said, self.not_a_result):
                    found.extend(v for v in self._findings(question_id, said, heard) if v not in found)
            nothing = self.tables[question_id].nothing
            normal = self.tables[question_id].options[nothing].value if nothing is not None else None
            if normal in found and len(found) > 1:  # "loss of the cortical line, otherwise unremarkable"
                found.remove(normal)
            if found:
                readings.append(found)
        return readings

    def _not_this_hips(self, words: list[str], own: list[int], mention: Mention) -> bool:
        """The test named is booked, wanted or done to rule something out (`not_a_result` in
        its part of the clause, up to "and" or "but": "MRI booked"), or is of another place
        or person (`other_places` within three words of it: "my knee MRI", "RM ao joelho")."""
        breaks = self.joiners | self.clause_breaks
        positions = sorted([*own, *range(mention.start, mention.end)])
        start = max((p + 1 for p in positions if p < mention.start and words[p] in breaks), default=positions[0])
        end = min((p for p in positions if p >= mention.end and words[p] in breaks), default=positions[-1] + 1)
        part = [words[p] for p in positions if start <= p < end]
        near = words[max(0, mention.start - 3):mention.end + 3]
        return listed_in(part, self.not_a_result) or listed_in(near, self.other_places) \
            or self._test_denied(words[max(start, mention.start - 3):mention.start], mention)

    def _test_denied(self, before: list[str], mention: Mention) -> bool:
        """A negation just before the test's name with no finding between: "they wont do an
        xray", "não fez RX" (no test done), but not "no fracture on x-ray"."""
        denying = self.language.negations | self.language.clause_negations
        for at in range(len(before) - 1, -1, -1):
            if before[at] in denying or any(before[at].endswith(s) for s in self.language.negation_suffixes):
                between = " ".join(before[at + 1:])
                return not any(self.tables[q].phrases.find(between) for q in mention.tests)
        return False

    def questions_apart(self, text: str) -> list[str]:
        """Each question of `text` on its own when it asks several, one after another
        ("what is transient osteoporosis? is it dangerous?": the second went unanswered,
        session 27); else `text` whole (a mark that leads a note, "?AVN vs TOH", splits
        nothing)."""
        parts = [part.strip() for part in _ONE_QUESTION.findall(text) if part.strip()]
        asked = [part for part in parts if part.endswith("?")]
        return parts if len(asked) > 1 else [text]

    def asked_part(self, text: str) -> str:
        """The sentences of `text` that ask, when it also tells ("I'm a physio. ... MRI showed
        no fracture line. Can you help with a rehab plan?": the question is the last sentence,
        and "fracture" in the one before asks nothing, user test en 28), with the sentence
        before one that asks of it ("She takes rivaroxaban. Does that matter?"); else `text`.
        A sentence ends at a full stop, "!" or a line's end before the next one begins."""
        sentences = [part.strip() for part in _TOLD_SENTENCE.split(text) if part.strip()]
        asking = [i for i, part in enumerate(sentences) if part.endswith("?")]
        if len(sentences) < 2 or not asking or len(asking) == len(sentences):
            return text
        kept: set[int] = set()
        for i in asking:
            kept.add(i)
            words = tokens(_plain_words(sentences[i]))
            if i > 0 and any(_places(words, phrase) for phrase in self.asked_of_what_came_before):
                kept.add(i - 1)
        return " ".join(sentences[i] for i in sorted(kept))

    def asks_back(self, text: str) -> bool:
        """`text` is a question of the person's own ("is it serious?", "posso tomar brufen?"):
        it, or its last clause ("my friend said i should take alendronate, is that ok?"),
        opens as a question does or asks within it, and it ends with a question mark; or it
        asks whether something may be taken ("is ibuprofen ok", with or without the mark)."""
        asked = self.asked_part(text)
        if asked != text and self.asks_back(asked):
            return True  # "... no imaging yet. ?TOH ?PGP. Safe analgesia?": its last sentence asks
        plain = _plain_words(text)
        if self._unasked(plain) != plain:
            return True  # "is ibuprofen ok", "e ibuprofeno, pode?", "posso tomar dipirona? to amamentando"
        if any(self._opens_asking(clause) for clause in _clauses(tokens(plain))):
            return True  # "can i take co-codamol for hip pain, im 10 weeks pregnant" (user test en 20b)
        said = [word for word in tokens(plain) if word != "?"]
        last = max((i + 1 for i, word in enumerate(said) if word in CLAUSE_PUNCTUATION), default=0)
        # ...or one asked within a clause: "35 weeks pregnant can i take ibuprofen?", or of
        # what came before it: "she takes rivaroxaban, does that matter?", "faz mal?"
        asked_within = any(_places(said[last:], phrase)
                           for phrase in (*self.said_not_as_fact, *self.asked_of_what_came_before))
        if any(_places(said[last:], phrase) for phrase in self.asked_of_what_came_before):
            return True  # "im taking ibuprofen is that ok while breastfeeding": on a phone, no mark (en 23)
        # A note's query mark may lead: "?AVN vs TOH, does he need ortho referral" (user test en 21)
        marked = text.strip().endswith("?") or text.strip().startswith("?")
        return marked and (asked_within or any(
            " ".join(words[:size]) in self.question_openers for words in (said, said[last:]) for size in (1, 2, 3))
            # ...or, with its mark, no more than the words of a question answered at once: "painkillers?",
            # "safe analgesia?" (user test en 28, a GP: "did not catch")
            or (text.strip().endswith("?") and len(said) <= _SHORT_QUESTION_WORDS
                and any(self.asks_about(text, quick_id) for quick_id in self.quick_answer_words)))

    def _opens_asking(self, clause: list[str]) -> bool:
        """`clause` opens as a question of whether something may be taken, mark or none:
        with `asks_when_opening` ("can i take", "posso tomar"), or with a word that only opens
        such a question and words of permission in it ("is paracetamol ok for hip pain").
        Fillers and greetings before it are passed over ("hi can i take...")."""
        words = list(clause)
        passed = self.leading_words | {phrase[0] for phrase in self.opening_words if len(phrase) == 1}
        while words and words[0] in passed:
            words = words[1:]
        if any(tuple(words[:len(phrase)]) == phrase for phrase in self.asks_when_opening if phrase):
            return True
        # ...something named between them: "is fine now" asks nothing
        return bool(words) and words[0] in self.permission_openers and any(
            at > 0 for phrase in self.permission_asked if phrase for at in _places(words[1:], phrase))

    def conditions_asked(self, text: str) -> list[str]:
        """The conditions `text` asks what they are: one's `asked_as` words at most two words
        from words that ask what something is ("what's ITOH?", "o que é isso de osteoporose
        transitória?", "AVN, what's that?"), or alone with a question mark ("ITOH?"). Not "is
        it a fracture?", which asks whether it is one (user test en 20)."""
        words = self._question_words(text)
        return list(dict.fromkeys(condition_id for condition_id, _, _ in self._conditions_asked_at(words, text)))

    def without_conditions_asked(self, text: str) -> str:
        """`text` without the names of the conditions it asks what they are: a name asked
        about is no fact of the person ("never heard of transient osteoporosis, what is it?"
        is no "no" to osteoporosis; "o que é artrite séptica?" no infection)."""
        words = self._question_words(text)
        spans = [(at, end) for _, at, end in self._conditions_asked_at(words, text)]
        if not spans:
            return text
        kept = [";" if any(at <= i < end for at, end in spans) else word for i, word in enumerate(words)]
        return " ".join(kept)

    @staticmethod
    def _question_words(text: str) -> list[str]:
        return [word for word in tokens(_plain_words(text)) if word not in CLAUSE_PUNCTUATION]

    def _conditions_asked_at(self, words: list[str], text: str) -> list[tuple[str, int, int]]:
        """(condition, start, end) of each condition's name that `words` asks what it is."""
        alone = text.strip().endswith("?")
        asking = [*((i, i + len(p)) for p in self.asks_what_it_is for i in _places(words, p)),
                  *((0, len(p)) for p in self.asks_what_it_is_opening if p and tuple(words[:len(p)]) == p)]
        asked = []
        for condition_id, phrases in self.condition_words.items():
            for phrase in phrases:
                for at in _places(words, phrase):
                    end = at + len(phrase)
                    if (alone and at == 0 and end == len(words)) or any(
                            0 <= at - ask_end <= 2 or 0 <= ask_start - end <= 2 for ask_start, ask_end in asking):
                        asked.append((condition_id, at, end))
        return asked

    def asks_about(self, text: str, quick_answer_id: str) -> bool:
        """`text` names a word of the quick answer's `asked_with`, as whole words ("is
        ibuprofen ok?": ibuprofen), or all the parts of one ("baby & safe")."""
        words = tokens(_plain_words(text))
        return any(all(listed_in(words, [part]) for part in parts)
                   for parts in self.quick_answer_words.get(quick_answer_id, []))

    def negation_first(self, text: str) -> str:
        """`text` with each clause that ends in a negation turned to open with it ("consigo
        andar não" -> "não consigo andar"; ui.yaml `final_negations`), or, where the clause
        is denied already, without it ("não consigo andar não"); as typed where none is."""
        if not self.final_negations:
            return text
        plain = _plain_words(text)
        spans = token_spans(plain)
        words = [plain[start:end] for start, end in spans]
        moved: list[tuple[int, int, str]] = []  # (start, end, the clause turned) in `plain`
        first = 0
        for index in range(len(words) + 1):
            # "tenho diabetes e osteoporose não": "e" parts them too; a decimal's comma does not
            if index < len(words) and not ({words[index]} & (CLAUSE_PUNCTUATION | self.clause_breaks | self.joiners)):
                continue
            if 0 < index < len(words) - 1 and words[index - 1].isdigit() and words[index + 1].isdigit():
                continue
            clause = words[first:index]
            if (len(clause) >= 2 and clause[-1] in self.final_negations
                    and clause[-2] not in self.kept_before_final_negation):
                start, end = spans[first][0], spans[index - 1][1]
                before = plain[start:spans[index - 1][0]].strip()
                # "não consigo andar não": the second is emphasis, dropped; else it leads
                denied = any(word in self.any_negation for word in clause[:-1])
                moved.append((start, end, before if denied else f"{clause[-1]} {before}"))
            first = index + 1
        for start, end, turned in reversed(moved):
            plain = plain[:start] + turned + plain[end:]
        return plain if moved else text

    def tells_of(self, text: str, quick_answer_id: str) -> bool:
        """`text` tells of what the quick answer answers, in its `told_with` words ("choro o dia todo")."""
        return listed_in(tokens(_plain_words(text)), self.quick_answer_told.get(quick_answer_id, []))

    def only_denies(self, text: str) -> bool:
        """`text` is a plain no, with nothing of its own beside it: "n", "none", "nenhuma dessas"."""
        words = [w for w in tokens(_plain_words(text)) if w not in CLAUSE_PUNCTUATION]
        said = self.denying_words | self.function_words | self.pointing_words
        return bool(words) and all(w in said for w in words) and any(w in self.denying_words for w in words)

    def corrects(self, text: str) -> bool:
        """`text` says it corrects something said before ("actually", "sorry, I meant")."""
        return listed_in(tokens(_plain_words(text)), self.correction_words)

    def tells_of_the_pain(self, text: str) -> bool:
        """`text` tells of the pain or greets ("my hip hurts", "hello"): an opening message."""
        return listed_in(tokens(_plain_words(text)), self.opening_words)

    def asks_for_someone_else(self, text: str) -> bool:
        """`text` is from a relative or a clinician answering for someone else ("asking for
        my mum", "GP here, 44M", "she's 78 and fell"), not from a writer who speaks of their
        own hip or was sent by the relative named ("my wife made me come on here")."""
        return self.who.for_someone_else_in(text)

    def says_who_writes(self, text: str) -> bool:
        """`text` says who the writer is to the patient ("pt is the patient, im his GP"): see
        WhoIsAsked.writer_said_in."""
        return self.who.writer_said_in(text)

    def _without_relatives_of_the_writer(self, table: _Table, found: list[Match], said: str, typed: str) -> list[Match]:
        """Without the words of a relative named by a writer who speaks of their own hip: in
        "my hip hurts, my mum had the same" the mum's sex is not the writer's ("had my son"
        names a birth, and stays)."""
        if not table.question.relatives_only_when_for_them or self.asks_for_someone_else(typed):
            return found
        words = tokens(said)
        named = self.who.relatives_named(words)
        return [m for m in found if not named.intersection(range(m.start, m.end))
                or not self.who.naming_a_relative(words[m.start:m.end])]

    def of_the_patient(self, text: str) -> str:
        """`text` without the clauses that are not about the patient: what a writer speaking
        of themselves says of a relative ("I'm 47, my son had a fever last week, my left hip
        hurts": no fever; "my dad had a hip replacement": no artificial hip), and the age a
        relative gives of themselves ("asking for my mum, she's 72... I'm 45"). Read so for
        what an answer says in passing."""
        plain = _plain_words(text)
        for start, end in reversed(self._not_of_the_patient(text, plain)):
            plain = f"{plain[:start]};{plain[end:]}"
        return plain

    def says_of_others(self, text: str) -> bool:
        """`text` holds a clause that is not about the patient (see `of_the_patient`)."""
        return bool(self._not_of_the_patient(text, _plain_words(text)))

    def _not_of_the_patient(self, text: str, plain: str) -> list[tuple[int, int]]:
        if self.asks_for_someone_else(text):
            return self.who.said_of_the_writer(plain)
        if self.who.speaks_of_own_hip(tokens(plain)):
            return self.who.said_of_relatives(plain)
        return []  # "My mum is 84 and fell... Should I take her in?": the fall may be the patient's

    def asks_as_a_clinician(self, text: str) -> bool:
        """`text` is a clinician's, for a patient: see WhoIsAsked.by_a_clinician_in."""
        return self.who.by_a_clinician_in(text)

    def names_a_relative(self, text: str) -> bool:
        """`text` names a relative ("asking for my brother"): see WhoIsAsked.names_a_relative."""
        return self.who.names_a_relative(text)

    def asks_for_themself(self, text: str) -> bool:
        """`text` says the questions are about the writer after all ("it's for me")."""
        return self.who.for_myself_in(text)


    def _findings(self, question_id: str, words: list[str], diagnoses_heard: bool = False) -> list[Any]:
        """The findings `words` name, as the question reads them; none from a diagnosis,
        unless `diagnoses_heard` and said as what the test showed, with no hedge ("xray last
        year said some arthritis": user test en 19, the arthritis was lost)."""
        table = self.tables[question_id]
        said = " ".join(words)
        # (a diagnosis named as such: "consistent with TOH"; not a finding's own words that
        # hold one, "mild OA" said of an X-ray: the longest phrase found is what was said)
        diagnosed = any(words_only(" ".join(words[m.start:m.end])) in table.diagnoses for m in table.phrases.find(said))
        if not said or (diagnosed and (not diagnoses_heard or listed_in(words, self.diagnosis_hedges))):
            return []
        parsed = self.read(question_id, said)
        if not parsed.ok or parsed.clarify or parsed.goto is not None:
            return []
        values = parsed.value if isinstance(parsed.value, list) else [parsed.value]
        answers = {option.value: option for option in table.options}
        return [v for v in values if v is not None and v in answers and not answers[v].exclusive]

    def numbers_disagree(self, question_id: str, text: str) -> bool:
        """`text` holds numbers with this question's units that would answer it differently,
        none of them tied to another question's words: "I'm 12 weeks pregnant - sorry, 14
        weeks now". What it said in passing is then not taken: the question asks. ("34
        weeks pregnant, pain for 2 weeks" agrees: the 2 weeks are the pain's.)"""
        table = self.tables[question_id]
        if table.question.unit is None:
            return False
        words = self._number_words(text)
        units = table.named_units
        # "22 weeks pregnant ... started 3 weeks ago": the 3 weeks are the pain's
        others = {(at, end) for at, end in self._tied_numbers(
            words, self.others_leads[question_id], self.others_follows[question_id], units)}
        # "32 weeks pregnant, left hip pain, about 2 weeks": alone after the pain's clause, the pain's
        for other in self.tables.values():
            if other is not table and other.question.unit is not None and (other.alone_after or other.clause_words):
                others.update(self._alone_after_its_clause(words, units, other.leads | other.follows,
                                                           other.alone_after or other.clause_words))
        readings = set()
        for at, word in enumerate(words):
            if not _NUMBER_WORD.fullmatch(word):
                continue
            end = self._unit_end(words, at, units)
            if end > at + 1 and (at, end) not in others:
                parsed = self.read(question_id, " ".join(words[at:end]))
                if parsed.ok and parsed.value is not None:
                    readings.add(repr(parsed.value))
        return len(readings) > 1

    def _tied_numbers(self, words: list[str], leads: frozenset[str], follows: frozenset[str],
                      units: set[str]) -> list[tuple[int, int]]:
        """The numbers in `words` led by one of `leads` or followed, after their unit words,
        by one of `follows` ("for 2 months", "3 weeks ago"): each as (start, end of its units)."""
        tied = []
        for at, word in enumerate(words):
            if not _NUMBER_WORD.fullmatch(word):
                continue
            end = self._unit_end(words, at, units)
            if self._led(words, at, leads) or self._followed_by(words, end, follows):  # "weeks of pain"
                tied.append((at, end))
        return tied

    def _in_clause_with(self, words: list[str], at: int, about: AbstractSet[str]) -> bool:
        """One of `about` is in the clause of the word at `at` (between punctuation or
        joining words: "tive um aborto há 1 mês e agora dói-me" is two clauses)."""
        start, end = self._clause_around(words, at)
        return _names_any(words[start:end], about)

    def _since_then_after(self, words: list[str], at: int, about: AbstractSet[str], since: frozenset[str]) -> bool:
        """The clause right after the number's names what it measures and ends with one of
        `since` ("had my baby 5 weeks ago and my right hip has been killing me since": user
        test en 20, asked again): the number is when that began."""
        end = self._clause_around(words, at)[1]
        if not since or end + 1 >= len(words):
            return False
        start, after = self._clause_around(words, end + 1)
        # ...or opens with one of them in two words or more, or with one right before what it
        # measures: "tive o bebé há 2 meses e desde então dói-me a anca" (user test pt 28: asked
        # again; "então" is dropped as a filler), not "desde ontem dói", which says since when
        # ...and no number after it: "right hip pain since, about 2 weeks" says how long itself
        return _names_any(words[start:after], about) and not any(_NUMBER_WORD.fullmatch(w) for w in words[after:]) \
            and (any(" ".join(words[after - size:after]) in since for size in (1, 2, 3) if after - size >= start)
                 or any(" ".join(words[start:start + size]) in since and (size > 1 or any(
                     " ".join(words[start + 1:start + 1 + named]) in about for named in (1, 2, 3)))
                        for size in (1, 2, 3) if start + size < after))

    def _began_then(self, words: list[str], at: int, about: AbstractSet[str], beginning: frozenset[str]) -> bool:
        """The number's clause ends with one of `beginning` and the clause right after names
        what it measures ("há umas 3 semanas comecei com dor na anca", "3 weeks ago I started
        with pain in my hip"): the number is when that began."""
        end = self._clause_around(words, at)[1]
        if not beginning or end + 1 >= len(words) or not any(
                " ".join(words[end - size:end]) in beginning for size in (1, 2, 3) if end - size > at):
            return False
        after_start, after_end = self._clause_around(words, end + 1)
        return _names_any(words[after_start:after_end], about)

    def _a_clause_after(self, table: _Table, words: list[str], start: int, end: int, answered_id: str) -> bool:
        """The words from `start` to `end` make a clause of their own right after one naming
        what they measure, or a plain answer to `answered_id` ("right hip, since 3 nov")."""
        clause_start, clause_end = self._clause_around(words, start)
        if clause_start != start or clause_end != end or start < 2:
            return False
        before = words[self._clause_around(words, start - 2)[0]:start - 1]
        return _names_any(before, table.clause_words) or (
            answered_id in table.question.said_alone_after_answers_to
            and self._plainly(answered_id, " ".join(before)) is not None)

    def _clause_around(self, words: list[str], at: int) -> tuple[int, int]:
        """The (start, end) of the clause of the word at `at` (see `_in_clause_with`)."""
        breaks = CLAUSE_PUNCTUATION | self.joiners | self.clause_breaks
        start = next((i + 1 for i in range(at - 1, -1, -1) if words[i] in breaks), 0)
        end = next((i for i in range(at + 1, len(words)) if words[i] in breaks), len(words))
        return start, end

    def _led_before_its_clause(self, words: list[str], units: set[str], leads: frozenset[str],
                               follows: frozenset[str], about: AbstractSet[str],
                               answers: Callable[[list[str]], bool],
                               about_alone: bool = True) -> list[tuple[int, int]]:
        """Numbers with their unit that make a clause of their own with words that lead or
        follow such a number, and nothing else ("há 3 semanas", "3 weeks ago"), right before
        a clause naming what they measure or that `answers` plainly ("..., veio aos poucos").
        Each as (start, end)."""
        found = []
        for at, end, start, clause_end in self._numbers_in_their_clauses(words, units):
            led, after = " ".join(words[start:at]), " ".join(words[end:clause_end])
            if end == at + 1 or clause_end >= len(words) - 1 or words[clause_end] not in CLAUSE_PUNCTUATION \
                    or not (self._among(led, leads, bare_too=False) or after in follows) \
                    or (led and not self._among(led, leads)) or (led and not about_alone and not self._bare(led)) \
                    or (after and after not in follows):
                continue
            following = words[clause_end + 1:next((i for i in range(clause_end + 1, len(words))
                                                   if words[i] in CLAUSE_PUNCTUATION), len(words))]
            if _names_any(following, about) or answers(following):
                found.append((at, end))
        return found

    def _alone_after_its_clause(self, words: list[str], units: set[str], ties: frozenset[str],
                                about: AbstractSet[str]) -> list[tuple[int, int]]:
        """Numbers with their unit that make a clause of their own (with at most the words
        that tie them) right after a clause naming what they measure: "right hip pain, about
        3 weeks", "dor na anca direita, há 3 semanas", "coxalgia esq. há 4 sem". Each as
        (start, end of its units)."""
        return self._alone_after(words, units, ties, lambda before: _names_any(before, about))

    def _answers_plainly(self, question_ids: list[str], words: list[str]) -> bool:
        """`words` are a plain answer to one of `question_ids` ("anca esquerda": the side)."""
        return any(self._plainly(question_id, " ".join(words)) is not None for question_id in question_ids)

    def _alone_after(self, words: list[str], units: set[str], ties: frozenset[str],
                     belongs: Callable[[list[str]], bool]) -> list[tuple[int, int]]:
        """Numbers with their unit that make a clause of their own (with at most the words
        that tie them) right after words that `belongs` says they go with."""
        found = []
        for at, end, start, clause_end in self._numbers_in_their_clauses(words, units):
            around = [" ".join(words[start:at]), " ".join(words[end:clause_end])]
            # What comes before, back to the last punctuation, names it: "now pain in my groin
            # when i run and now even walking, 3 weeks" (not only its last clause, "now even walking")
            before = next((i + 1 for i in range(start - 2, -1, -1) if words[i] in CLAUSE_PUNCTUATION), 0)
            if end > at + 1 and start >= 2 and all(not part or self._among(part, ties) for part in around) \
                    and words[start - 2] not in CLAUSE_PUNCTUATION and belongs(words[before:start - 1]):
                found.append((at, end))
        return found

    def _numbers_in_their_clauses(self, words: list[str], units: set[str]) -> Iterator[tuple[int, int, int, int]]:
        """Each number of `words`: where it starts, where its unit ends, and its clause's start and end."""
        for at, word in enumerate(words):
            if _NUMBER_WORD.fullmatch(word):
                yield at, self._unit_end(words, at, units), *self._clause_around(words, at)

    def _among(self, said: str, phrases: AbstractSet[str], bare_too: bool = True) -> bool:
        """`said` is one of `phrases`, or is one with the fillers said with it ("for about", with
        "about" kept as a lead of its own: `heard_number`), or (`bare_too`) is fillers only."""
        bare = self._bare(said)
        return said in phrases or (bool(bare) and bare in phrases) or (bare_too and not bare)

    def _bare(self, said: str) -> str:
        """`said` without its fillers, as if a number came after it ("umas" is one before a number)."""
        return self._without_fillers(f"{said} 0")[:-1].strip()

    @staticmethod
    def _followed_by(words: list[str], end: int, after: frozenset[str]) -> bool:
        """One of `after` (a word or a phrase) comes right at `end`."""
        return any(" ".join(words[end:end + size]) in after for size in (1, 2, 3) if end + size <= len(words))

    def _number_words(self, text: str, numbers: NumberWords | None = None,
                      units: Collection[str] = (), keep: AbstractSet[str] = frozenset()) -> list[str]:
        """The words of `text` with numbers in digits and no fillers: "for about a month" is
        "for 1 month" (`numbers`: which number words; all of the language's by default), and
        a half after one of `units` in its number ("2 meses e meio" is "2.5 meses")."""
        numbers = numbers or self.numbers
        said = self._without_fillers(halves_after_units(in_digits(_plain_words(text), numbers), numbers, units), keep)
        # "for 5 or 6 weeks": a range, as its middle, so its unit is its own (session 28: not heard)
        said = numbers.range_pattern.sub(_range_middle, said)
        words: list[str] = []
        last_end = -1
        for (start, end), word in zip(token_spans(said), tokens(said), strict=True):
            # "2.5 weeks", "1,5 meses": a decimal is one number, not two around a full stop
            if len(words) >= 2 and start == last_end and word.isdigit() and words[-1] in (".", ",") \
                    and words[-2].isdigit() and said[start - 2:start - 1].isdigit():
                words[-2:] = [f"{words[-2]}.{word}"]
            elif letter_apart(word)[-1] in units and len(letter_apart(word)) == 2 and not (
                    len(words) >= 2 and start == last_end and words[-1] in (".", ",") and words[-2].isdigit()):
                words.extend(letter_apart(word))  # "F 20w pregnant": 20 w, as "20 w" (session 29)
            else:
                words.append(word)
            last_end = end
        return words

    def _whole_message(self, words: list[str], units: set[str], leads: frozenset[str],
                       follows: frozenset[str]) -> list[tuple[int, int]]:
        """The one number with its unit that is the whole of `words`, with at most the words
        that lead or follow such a number ("for about 3 weeks", "2 weeks ago"), as (start, end)."""
        numbers = [at for at, word in enumerate(words) if _NUMBER_WORD.fullmatch(word)]
        if len(numbers) != 1:
            return []
        at = numbers[0]
        end = self._unit_end(words, at, units)
        led = at == 0 or self._among(" ".join(words[:at]), leads)
        followed = end == len(words) or " ".join(words[end:]) in follows
        return [(at, end)] if end > at + 1 and led and followed else []

    @staticmethod
    def _led(words: list[str], at: int, leads: frozenset[str]) -> bool:
        """The number at `at` comes right after one of `leads` ("im 45", "i am a 66 year old")."""
        return at > 0 and any(" ".join(words[at - size:at]) in leads for size in (1, 2, 3) if at >= size)

    @staticmethod
    def _unit_end(words: list[str], at: int, units: set[str]) -> int:
        """Where the number at `at` and the unit words after it end."""
        end = at + 1
        while end < len(words) and (words[end] in units or " ".join(words[at + 1:end + 1]) in units):
            end += 1
        return end

    def repeats(self, text: str, said: str, question_id: str) -> bool:
        """`text` is the number of an answer to `question_id` read ahead (`said`) typed again,
        alone or with the question's units: "42" or "42 years" after "female 42"."""
        typed = [word for word in tokens(_plain_words(text)) if word not in CLAUSE_PUNCTUATION]
        units = self.tables[question_id].units
        return bool(said) and bool(typed) and typed[0] == said.split()[0] and all(
            word in units or " ".join(typed[1:]) in units for word in typed[1:])

    @staticmethod
    def _standing_apart(words: list[str], at: int, answered: frozenset[str], units: set[str],
                        leads: frozenset[str], joiners: set[str],
                        then: AbstractSet[str] = frozenset()) -> tuple[int, int] | None:
        """The span of the number at `at` with the units after it, if nothing else ties it
        to a word: see `answered_ahead`. `then`: words that may follow it, opening what comes
        next ("male 45 hip pain": the pain)."""
        before = words[at - 1] if at else ","
        if before not in CLAUSE_PUNCTUATION and before not in answered and not AnswerReader._led(words, at, leads):
            return None
        end = AnswerReader._unit_end(words, at, units)
        led = AnswerReader._led(words, at, leads)
        # After words that lead to it, the number may go on with its unit ("tenho 71 anos dor
        # na anca") or a joining word ("im 17 and my hip hurts").
        if end < len(words) and words[end] not in CLAUSE_PUNCTUATION and words[end] not in answered \
                and words[end] not in then and not (led and (end > at + 1 or words[end] in joiners)):
            return None
        return at, end

    def denied_by_name(self, question_id: str, text: str) -> list[int]:
        """The items of a checklist `text` denies by name ("a anca não está inchada nem
        quente", "I'm not on chemo now"): what was noted of them earlier is unsaid."""
        table = self.tables[question_id]
        said = self._read_as(table, _plain_words(text))
        typed = tokens(said)
        # The item's own words are denied: in two words or more ("no weight loss", "not lost
        # weight"), a word that names it alone ("não emagreci"), or one word the denial comes
        # right before ("no trauma", "sem febre"). One word denied from afar is not: "cant put
        # any weight on my leg" denies no weight loss (user test en 20b: the weight-loss
        # checklist then said "not: I have lost weight").
        if any(_places(typed, phrase) for option in table.options
               for phrase in (tuple(tokens(_plain_words(w))) for w in option.denies_every_item.get(self.reads, []))):
            return table.items  # "no PMH": no past medical history, every item denied
        # (nor a word another word after it makes something else, `not_before`: "cant weight
        # bear" is no weight, user test en 23c)
        by_negation = [m.option for m in self._not_with(table, said, table.phrases.find(said))
                       if m.negated and len(m.options) == 1
                       and not table.options[m.option].exclusive
                       and (m.end - m.start > 1 or " ".join(typed[m.start:m.end]) in table.named_alone
                            or (" ".join(typed[m.start:m.end]) in table.denied_alone and m.negator is not None
                                # (not a knowing or seeing denied: "não cheguei a ver a RM" says not what it showed)
                                and not any(w in self.language.knowing_words for w in typed[m.negator:m.start]))
                            or (m.negator is not None and m.start - m.negator <= 1))]
        # ...and one its sentence says is not what the item asks (`denied_by`): "bebo uns copos
        # ao fim de semana" at another question is heavy drinking's no (user test pt 28: "did not
        # catch"), as it is at its own; not where a word of much is said too ("bebo muito ao fds")
        named = [m for m in self._not_with(table, said, [*table.phrases.find(said), *self._said_together(table, said)])
                 if not m.negated and len(m.options) == 1 and table.options[m.option].denied_by.get(self.reads)]
        judged = self._too_short(table, said, named)
        light = [m.option for m in judged
                 if m.negated and not any(o.option == m.option and not o.negated for o in judged)]
        return list(dict.fromkeys([*by_negation, *light]))

    def mentions(self, question_id: str, text: str, claimed_by: Collection[str] = (), answered: str = "",
                 shared: bool = False) -> list[int]:
        """The items of a checklist that `text` names and does not deny, as written and in
        two words or more (one phrase, or several words of the same item): an answer to
        another question is only listened to, not guessed at ("bearing weight" is not
        weight loss, "oedema" not a swollen joint; "i fell" is a fall, "hot and swollen" a
        hot swollen joint). The language's plain yes and no ("yes i am", "nope") name
        nothing here: they answer the question asked. A sign said by its parts that is an
        item of a question in `claimed_by` keeps its words to itself: after a caesarean, "my
        scar is red and hot" is the wound's, no hot hip's. So do the words that answered the
        question `answered`: after a birth, "saindo muito coágulo" answered the bleeding,
        and is no clot in the leg. `shared`: a name several options share names each of
        them, in one word too ("grávida": every stage of a pregnancy), as the question's
        `shared_names_tick_each` has it always."""
        table = self.tables[question_id]
        each_shared = shared or table.question.shared_names_tick_each
        # "ela não consegue andar" as "não consigo andar"; "do I have osteoporosis?" says nothing
        said = self._read_as(table, self._unasked(_plain_words(self.negation_first(text))))
        said = self._long_names_mended(said)  # "tomo predinisolona" (user test pt 26)
        said = self._split_leading_yes_no(said)
        typed = tokens(said)
        words: dict[int, int] = {}
        seen: dict[int, set[str]] = {}
        together = self._not_with(table, said, self._too_short(table, said, [
            *self._said_together(table, said), *self._named_by_amount(table, said)]))
        # "can't walk more than 10 mins" in passing is no "cannot walk" (`not_with`)
        found = table.phrases.find(said, self._answers_elsewhere(question_id, said))
        if self.typos and table.question.recorded_at_once:
            # a warning sign typed with a slip in passing is read as it is at its own question
            # ("cant wieght bear" at the pregnancy checklist: user test en 23a, no warning)
            # (a slipped phrase wins over a word of it found as typed: "cant" alone is a hint)
            # Phrases of two words or more, and of words only: one word alone is too near
            # others in passing, and a number is no slip ("came on over 3 weeks" was read as
            # "over 38": a fever and an emergency warning)
            typed_words = tokens(said)
            slipped = [f for f in table.phrases.fuzzy(said, shortest=LEFTOVER_TYPO) if f.end - f.start > 1
                       and not any(ch.isdigit() for word in typed_words[f.start:f.end] for ch in word)]
            found = [m for m in found if not any(f.start <= m.start and m.end <= f.end for f in slipped)]
            found = sorted(found + [f for f in slipped if not any(f.start < m.end and m.start < f.end for m in found)],
                           key=lambda m: m.start)
        found = self._not_with(table, said, self._too_short(table, said, found))
        claimed = [(m.start, m.end) for other in claimed_by if other != question_id
                   for m in self._said_together(self.tables[other], said) if not m.negated]
        if answered and answered != question_id and self.tables[answered].question.kind == "checklist":
            # a checklist's signs only: a choice's words also hint at other answers ("34 weeks
            # pregnant" answers the sex, and is still the pregnancy's)
            answers = self.tables[answered]
            claimed += [(m.start, m.end) for m in answers.phrases.find(said)
                        if not m.negated and m.end - m.start > 1
                        and not any(answers.options[i].exclusive for i in m.options)]
        # (...but an answer named with what it is said of is still this question's: "a anca
        # direita está quente" is the right hip, though the hot hip keeps "anca ... quente")
        found = [m for m in found if not any(m.start < end and start < m.end for start, end in claimed)
                 or any(word in table.said_of for word in typed[m.start:m.end])]
        for match in _outside_together(found, together, table.sharing):
            named = " ".join(typed[match.start:match.end])
            # Words that only hint at an option ("dói-me", "it hurts") name nothing in passing.
            if named in self.yes_or_no or words_only(named) in table.hints or match.negated:
                continue
            if words_only(named) in table.asked_only:  # "a glass of wine at night" is no night pain
                continue
            # ...or in a clause of its own right after one that does ("left hip pain since the 14th,
            # suddenly": user test en 23a, the onset was dropped)
            about = bool(table.clause_words) and (self._in_clause_with(typed, match.start, table.clause_words)
                                                  or self._a_clause_after(table, typed, match.start, match.end, ""))
            # "RX sem alterações" is no blood test's answer; "gradual" typed alone at another
            # question is all that was said, and this question's (user test pt-BR 21)
            if table.clause_words and not about and not self._the_whole_answer_of(question_id, said, match):
                continue
            if self._said_not_as_fact(typed, match.start, match.end):  # "should I take alendronate": not taken
                continue
            option: int | None = self._told_apart(table, said, match)
            if option is not None:  # "34 weeks pregnant", "a temp of 38.9": named in full
                count = 2
            elif len(match.options) == 1 or each_shared:
                # In a clause saying what it is about ("bloods normal"), or a word that names
                # it alone ("apyrexial", "prednisolone"), one word names it in full.
                # (a shared name asked for by `shared` is enough in one word: "grávida")
                in_full = about or named in table.named_alone or self._the_whole_answer_of(question_id, said, match) \
                    or (shared and len(match.options) > 1)
                count = 2 if in_full else match.end - match.start
                for each in match.options[1:]:  # a name each item has ("hiv"): the others too
                    if not table.options[each].exclusive and named not in seen.setdefault(each, set()):
                        seen[each].add(named)
                        words[each] = words.get(each, 0) + count
                option = match.options[0]
            else:
                continue
            # "Don't know" said to one question says nothing of another; nor does the same
            # word said twice ("edema ... edema" in a pasted report) make two.
            if option is not None and not table.options[option].exclusive and table.options[option].value is not None \
                    and named not in seen.setdefault(option, set()):
                seen[option].add(named)
                words[option] = words.get(option, 0) + count
        # "my calf on the left is red and swollen": its parts with words between
        for match in together:
            if not match.negated and not self._said_not_as_fact(typed, match.start, match.end) \
                    and not table.options[match.option].exclusive:
                words[match.option] = words.get(match.option, 0) + 2
        # "a temp of 38.9", "T 39"; "38.4 last night"
        measured = list(dict.fromkeys([*self._measured_beside_words(table, said),
                                        *self._measured_alone(table, said, answered)]))
        if table.question.gravest_first and measured:  # "temp was 37.8, now 38.4": a fever
            measured = [min(measured)]
        for option in [*measured, *self._named_beside_measure(table, said)]:  # "crp normal", "wbc raised"
            words[option] = words.get(option, 0) + 2
        return [option for option, count in words.items() if count >= 2]

    def _joiners_mended(self, said: str) -> str:
        """`said` with a joiner's slip that is a word of its own written as the joiner where it
        stands before a pronoun (ui.yaml `joiner_slips`, `joiner_slips_before`): "im 92 an my hip hurts"."""
        for slip, meant in self.joiner_slips.items():
            for pronoun in self.joiner_slips_before:
                said = re.sub(rf"(?<![\w'-]){re.escape(slip)}(?=\s+{re.escape(pronoun)}(?![\w'-]))", meant, said)
        return said

    def _long_names_mended(self, said: str) -> str:
        """`said` with each unknown word of LONG_NAME_SLIP letters or more that is a slip of
        one long name (`long_names`) written as that name: one edit in up to 10 letters, two
        in longer ones, the same first letter, and no other known word as near ("predinisolona",
        "prednisolna", "alendronto", "ibuprufeno", "metotrexto": user test pt 26, not heard in
        passing). Short words are left as typed: too many are a slip of another."""
        if not self.typos or not self.long_names:
            return said
        for start, end in reversed(token_spans(said)):
            word = said[start:end]
            if len(word) < HELD_WORD_SLIP or not word.isalpha() or word in self.vocabulary or word in self.everyday:
                continue
            allowed = 1 if len(word) <= 10 else 2
            near = process.extract(word, self.slip_pool, scorer=DamerauLevenshtein.distance,
                                   score_cutoff=allowed, limit=None)
            if not near:
                continue
            best = min(distance for _, distance, _ in near)
            closest = [name for name, distance, _ in near if distance == best]
            # (a word shorter than a long name is mended only to a word held in passing, and only
            # for a letter left out or two swapped: "pregnat", "pregnnat"; a letter changed makes
            # another word too often, "stepped" is no "stopped")
            names = self.long_names if len(word) >= LONG_NAME_SLIP else {}
            named = {names.get(name) if name in names else self.held_names.get(name) if (
                len(name) > len(word) or sorted(name) == sorted(word)) else None for name in closest}
            if len(named) == 1 and None not in named and closest[0][0] == word[0]:
                said = said[:start] + closest[0] + said[end:]
        return said

    def says_together(self, question_id: str) -> bool:
        """Some item of `question_id` is named by its parts (Answer.said_together)."""
        table = self.tables.get(question_id)
        return table is not None and bool(table.together)

    def _said_together(self, table: _Table, said: str) -> list[Match]:
        """The options named by their parts with other words between (Answer.said_together):
        a word of each group in one clause, within TOGETHER_REACH words. Marked negated when
        a negation that is no word of the groups stands before the last part in the clause
        ("my calf is not swollen"; but "haven't felt the baby kick" names the sign)."""
        if not table.together:
            return []
        words = tokens(said)
        language = self.language
        found = []
        for option, ways in table.together.items():
            for way in ways:
                # "... doendo e inchada": the "e" before a later part's word keeps it in the clause
                later_parts = {phrase[0] for group in way[1:] for phrase in group if phrase}
                in_a_sentence = option in table.in_a_sentence
                spans = _sentences(words) if in_a_sentence else self._clauses_and_subjects(words, later_parts)
                # "a short walk on that leg": a part beside a word that makes it say something else
                beside = table.not_beside_together.get(option, frozenset())
                for start, end in spans:
                    places = [sorted({at for at in range(start, end) for phrase in group if phrase
                                      and tuple(words[at:at + len(phrase)]) == phrase and at + len(phrase) <= end
                                      and not (at > 0 and words[at - 1] in beside)
                                      and not (at + len(phrase) < len(words) and words[at + len(phrase)] in beside)})
                              for group in way]
                    if not all(places):
                        continue
                    # The nearest parts: "sharp pain on the right side of my tummy" is one
                    # side's pain in the tummy though "sharp" stands further off.
                    first, last = min(((min(hits), max(hits)) for hits in itertools.product(*places)),
                                      key=lambda span: span[1] - span[0])
                    if last - first > (SENTENCE_REACH if in_a_sentence else TOGETHER_REACH):
                        continue
                    own = {word for group in way for phrase in group for word in phrase}
                    negated = any(words[at] not in own and (
                        words[at] in language.negations or words[at] in language.clause_negations
                        or words[at].endswith(language.negation_suffixes)) for at in range(start, last))
                    found.append(Match((option,), first, last + 1, negated, None))
        if found and not all(m.negated for m in found):  # "denies trauma, wt loss, night pain": the list's
            named = table.phrases.find(said)
            found = [replace(m, negated=True) if not m.negated and table.phrases.denied_in_a_list(words, m, named)
                     else m for m in found]
        return found

    def _clauses_and_subjects(self, words: list[str],
                              going_on: AbstractSet[str] = frozenset()) -> list[tuple[int, int]]:
        """The clauses of `words`, cut at punctuation and at a word where the subject may
        change ("and", "but", "e", "mas"): "the baby moves a lot and i'm not sleeping" is
        two. An "and" right before one of `going_on` goes on saying the same thing: "a
        panturrilha doendo e inchada" is one."""
        spans, start = [], 0
        for at, word in enumerate([*words, "."]):
            if word in self.who.subject_changes and at + 1 < len(words) and words[at + 1] in going_on:
                continue
            if word in CLAUSE_PUNCTUATION or word in self.who.subject_changes or word in self.clause_breaks:
                if at > start:
                    spans.append((start, at))
                start = at + 1
        return spans

    def _unasked(self, said: str) -> str:
        """`said` without what it only asks: its questions ("do I have osteoporosis?") and
        what it asks may be taken ("e ibuprofeno, pode?")."""
        asked = _without_permission_asked(said, self.question_openers, self.permission_asked, self.permission_openers)
        return self._without_unmarked_questions(_without_questions(asked, self.question_openers))

    def _without_unmarked_questions(self, said: str) -> str:
        """`said` without the questions that open as only a question does, mark or none
        (ui.yaml `unmarked_question_openings`: "can i have an xray", "should i get an mri",
        "is it the baby"): typed on a phone the mark is often left out, and what such a
        question names was asked about, not done or had (user tests en 23: "can i have an
        xray?" at the tests was recorded as an X-ray done). The question runs to its clause's
        end, or to where the person goes on to tell of themselves ("can i take it im 30
        weeks": the weeks are said)."""
        if not self.unmarked_question_openings:
            return said
        pieces = _CLAUSE_END.split(said)
        for i in range(0, len(pieces), 2):
            words = pieces[i].split()
            start = next((at for at, word in enumerate(words) if word not in self.leading_words), len(words))
            opening = max((len(phrase) for phrase in self.unmarked_question_openings
                           if phrase and tuple(words[start:start + len(phrase)]) == phrase), default=0)
            if not opening:
                continue
            told = next((at for at in range(start + opening, len(words)) if words[at] in self.question_ends_at),
                        len(words))
            pieces[i] = " " + " ".join(words[told:]) + " "
        return "".join(pieces)

    def _said_not_as_fact(self, words: list[str], at: int, end: int | None = None) -> bool:
        """The phrase at `at` is, in its clause, with words that ask about it, say it was
        advised or say it is not known ("my friend said i should take alendronate", "posso
        tomar brufen", "not sure if he fell"): it is not something done or had (ui.yaml
        `said_not_as_fact`). What comes before such words is still said ("35 weeks pregnant
        can i take ibuprofen": user test en 18, the pregnancy had been lost). Such words
        that are the phrase's own, from `at` to `end`, say nothing of it: "dont know what
        week" is a pregnancy whose week is not known (user test en 19)."""
        start, stop = self._clause_around(words, at)
        clause = words[start:stop]
        if any(self.language.opens_whether(words, i) for i in range(start, at)):
            return True  # "no idea whether he had a fall", "não sei se caiu": not known

        def its_own(i: int, phrase: tuple[str, ...]) -> bool:
            return end is not None and at <= start + i and start + i + len(phrase) <= end
        # ...before it or around it ("posso tomar ibuprofeno?", where "tomar ibuprofeno" is
        # the phrase found), or after it ("is ibuprofen ok to take?")
        if any(start + i <= at and not its_own(i, phrase)
               for phrase in self.said_not_as_fact for i in _places(clause, phrase)):
            return True
        return any(not its_own(i, phrase) for phrase in self.asked_of_what_came_before for i in _places(clause, phrase))

    def _without_asked_about(self, found: list[Match], said: str) -> list[Match]:
        """Without what the answer only asks about or was advised ("can i take ibuprofen?",
        "is ibuprofen ok to take?" at the painkiller question): no answer (user test en 13:
        it had been recorded as taking it)."""
        words = tokens(said)
        return [m for m in found if not self._said_not_as_fact(words, m.start, m.end)]

    def _named_beside_measure(self, table: _Table, said: str) -> list[int]:
        """An option's one word right after or before one of the question's measure words
        ("crp normal", "wbc nml", "normal crp"): named as fully as in two words."""
        measure_words = {word for word in table.measures if len(word) >= 3}
        if not measure_words:
            return []
        typed = tokens(said)
        named = []
        for match in table.phrases.find(said):
            if match.negated or len(match.options) != 1 or match.end - match.start != 1:
                continue
            if _next_to(typed, match, measure_words):
                named.append(match.option)
        return named

    def _the_whole_answer_of(self, question_id: str, said: str, match: Match) -> bool:
        """The match is all that was typed, and no other question has an answer in those
        words: "left" typed where a checklist was asked is the hip, kept for its question,
        not "did not catch that". A word several questions share ("normal") is no one's."""
        typed = tokens(said)
        if any(word not in CLAUSE_PUNCTUATION for word in typed[:match.start] + typed[match.end:]):
            return False
        return not any(other_id != question_id and any((m.start, m.end) == (match.start, match.end)
                                                       for m in table.phrases.find(said))
                       for other_id, table in self.tables.items())

    def _answers_elsewhere(self, question_id: str, said: str) -> list[Match]:
        """The answers of two words or more to the other questions in `said` ("can't stand
        on"), whose negations are theirs: in "she cant stand on her right leg" the "cant"
        does not deny the right leg. Denials ("i dont", "no fever") and "don't know" answers
        are left out: their words still deny ("not sure it's the left" doubts the left)."""
        key = (question_id, said)
        found = self._elsewhere.get(key)  # the reader is shared: read once, and never re-read the cache
        if found is None:
            words = tokens(said)
            mine = self.tables[question_id].phrases.find(said)
            found = [
                Match((), match.start, match.end, False)
                for other_id, table in self.tables.items() if other_id != question_id
                for match in table.phrases.find(said)
                if match.end - match.start > 1 and not match.negated
                # "no never" is an answer to the pregnancy, yet it still denies what follows:
                # "no never taken steroids" (user test en 21b: recorded as steroids taken)
                and not all(word in self.denying_words for word in words[match.start:match.end])
                # ...and a test's "not done" opened by its negation ("no blood tests") is that
                # negation, which still denies the test named in it (session 29: ticked as done)
                and not (words[match.start] in self.denying_words
                         and any(table.options[i].value in self.not_done.get(table.question.field or "", ())
                                 for i in match.options))
                and all(table.options[i].value not in (None, False) and not table.options[i].exclusive
                        for i in match.options)  # a denial ("i dont") is a negation, not an answer
                # ...nor one opened by a negation that runs into this question's answer, or is that
                # negation and one word right before it: "não estou mancando", "não estou a coxear"
                # hold no "não estou" (not pregnant) before a limp, they deny the limp
                and not (words[match.start] in self.denying_words and any(
                    match.start < own.start < match.end
                    or (own.start == match.end and match.end - match.start == 2) for own in mine))]
            if len(self._elsewhere) > 256:  # one answer's worth is what is reused
                self._elsewhere = {}
            self._elsewhere[key] = found
        return found

    def named_loosely(self, question_id: str, text: str) -> set[int]:
        """Every option `text` names and does not deny, one word being enough ("left hip...
        actually now it's both" names left and both): what `mentions` took is checked
        against it, so an answer heard in passing is not taken when another is named too."""
        table = self.tables[question_id]
        said = self._read_as(table, self._unasked(_plain_words(text)))
        typed = tokens(said)
        named: set[int] = set()
        # (not what an option's `not_with` words unsay: "the baby has hardly moved" is no birth)
        for match in self._not_with(table, said, table.phrases.find(said, self._answers_elsewhere(question_id, said))):
            if table.clause_words and not self._in_clause_with(typed, match.start, table.clause_words):
                continue  # "XR normal" names no CRP
            words = " ".join(typed[match.start:match.end])
            # A word the options share ("pregnant") names none of them, nor does a number
            # word ("duas semanas" is no "as duas").
            if len(match.options) == 1 and table.options[match.option].value is not None and not match.negated \
                    and words not in self.yes_or_no and words_only(words) not in table.hints \
                    and words not in self.numbers.cardinals:
                named.add(match.option)
        return named

    def _measured_beside_words(self, table: _Table, said: str) -> list[int]:
        """The options a measurement beside one of the question's measure words picks ("temp
        of 38.9", "38,5 graus"), where numbers are read by range alone (a temperature).
        Single letters ("t", "c") are left out: "f 34" is no temperature."""
        if not table.measures or any(option.numbers for option in table.options):
            return []
        picked = [self._told_apart(table, said, Match((), at, at + 1, False))
                  for at in self._measure_words_at(table, said)]
        return list(dict.fromkeys(option for option in picked if option is not None))

    def _measured_alone(self, table: _Table, said: str, answered: str = "", taken_only: bool = False) -> list[int]:
        """The options a decimal number typed alone picks (Question.measured_alone_in_passing):
        "38.4 last night", "tava 38,6". Not a whole number (an age, a week), nor one with
        another question's unit, measure or lead beside it ("38.4 weeks", "crp 38.4", "im
        38.4"), nor beside the words of a question a number answers ("pregnant 38.4"), nor
        one the question `answered` reads as its own ("38.4" asked the week of pregnancy is
        38+4, no fever)."""
        question = table.question
        ranges = [*question.measured_alone_in_passing.items(),
                  *([] if taken_only else question.measured_alone_still_asked.items())]
        if not ranges:
            return []
        own = self.tables[answered].question if answered and answered != table.question.id else None
        typed, spans = tokens(said), token_spans(said)
        beside_another = self.all_number_words - set(table.measures)
        picked: list[int] = []
        for at in range(len(typed)):
            # "35/40. 2/52": a full stop and a space end a sentence, and 40 is a fraction's
            # denominator (a week of pregnancy): neither makes "40. 2" one number
            if not _a_decimal_at(typed, at, spans) or not (typed[at] + typed[at + 2]).isascii() \
                    or said[max(0, spans[at][0] - 1):spans[at][0]] == "/" \
                    or (at > 1 and typed[at - 1] in ".,+/" and typed[at - 2].isdigit()) \
                    or (at + 4 < len(typed) and typed[at + 3] in "./" and typed[at + 4].isdigit()):
                continue  # "38.4.2026", "1.5.2" are no readings
            # the words beside it in its clause: "hip pain, 38.4" has no "pain 38.4"
            before, after = typed[max(0, at - 3):at], typed[at + 3:at + 5]
            before = before[max((i + 1 for i, w in enumerate(before) if w in CLAUSE_PUNCTUATION), default=0):]
            after = after[:next((i for i, w in enumerate(after) if w in CLAUSE_PUNCTUATION), len(after))]
            # (any words before it since a joining word: "my crp was 37.8" is the CRP's, not only
            # "crp 37.8"; "dor na anca e 38,7" has no "anca 38,7")
            joined = before[max((i + 1 for i, w in enumerate(before) if w in self.joiners), default=0):]
            near = [" ".join(before[-size:]) for size in (1, 2, 3) if len(before) >= size] \
                + [" ".join(joined[i:j]) for i in range(len(joined)) for j in range(i + 1, len(joined) + 1)] \
                + [" ".join(after[:size]) for size in (1, 2) if len(after) >= size]
            if any(words in beside_another for words in near) or any(
                    other.phrases.find(" ".join([*before, "", *after])) for other in self.tables.values()
                    if other is not table and any(option.numbers for option in other.options)):
                continue
            value = float(f"{typed[at]}.{typed[at + 2]}")
            if own is not None and self._own_decimal(own, said[spans[at][0]:spans[at + 2][1]], value):
                continue
            picked.extend(i for i, option in enumerate(table.options) for measure, held in ranges
                          if measure in option.measures and _holds(held, value)
                          and _holds(option.measures[measure], value))
        return list(dict.fromkeys(picked))

    def still_asked(self, question_id: str, text: str, answered: str = "") -> bool:
        """What `text` says of `question_id` is only a decimal typed alone in the range that is
        recorded but still asked (Question.measured_alone_still_asked: "37.8 last night")."""
        table = self.tables[question_id]
        said = _plain_words(text)
        return bool(self._measured_alone(table, said, answered)) and not self._measured_alone(
            table, said, answered, taken_only=True) and not self._measured_beside_words(table, said)

    def _own_decimal(self, question: Question, decimal: str, value: float) -> bool:
        """The question answered reads this decimal typed alone as its own answer: "38.4" asked
        the week of pregnancy is 38+4, no fever; at how long, only a fraction people count time
        in (`fractions_said_alone`: "37.6" there is a temperature typed in passing), and never
        at a whole number's question (an age)."""
        if question.kind != "number":
            return self._by_number(self.tables[question.id], decimal) is not None
        if question.integer:
            return False
        fractions = question.fractions_said_alone
        return fractions is None or round(value % 1, 2) in fractions

    def _measure_words_at(self, table: _Table, said: str) -> list[int]:
        """Where the question's measure words end in `said`: "wcc", "white count" (in one word
        or more); "vs 60" (an ESR), but not "RX vs RM": a two-letter word only right before its
        number; "T 38.4", but not "F 34" nor "F 37.5": a letter that is no sex's, only right
        before a decimal."""
        typed = tokens(said)
        ends = []
        for at in range(len(typed)):
            word = next((" ".join(typed[at - size + 1:at + 1]) for size in (3, 2, 1) if at - size + 1 >= 0
                         and " ".join(typed[at - size + 1:at + 1]) in table.measures), typed[at])
            two_letters = len(word) == 2 and at + 1 < len(typed) and typed[at + 1].isdigit()
            # "T 38.4": a letter before a decimal (no age is typed "F 37.5")
            one_letter = len(word) == 1 and word not in self.who.age_letters and _a_decimal_at(typed, at + 1)
            if word in table.measures and (len(word) >= 3 or not word.isalpha() or two_letters or one_letter):
                ends.append(at)
        return ends

    def measured(self, question_id: str, text: str, answered: str = "") -> float | None:
        """The measurement in `text` that an answer to `question_id` is read from, in its first
        measure's unit ("temp 37.9 and the wound looks red", "37.9" typed at the fever), the
        gravest of several; None when nothing is so read. A whole number needs the measure's
        word beside it, unless the question itself was answered ("im 38, temp 37.2": 37.2)."""
        table = self.tables[question_id]
        first = next((name for option in table.options for name in option.measures), None)
        if first is None or any(option.numbers for option in table.options):
            return None
        said = _plain_words(text)
        if answered == question_id:
            read = self._by_number(table, said) is not None
        else:
            read = bool(self._measured_beside_words(table, said) or self._measured_alone(table, said, answered))
        ranges = [option.measures[first] for option in table.options if first in option.measures]
        values = [self._in_first_measure(table, first, quantity.value) for quantity in self._quantities(table, said)
                  if not quantity.negative
                  and (quantity.unit in table.measures or not quantity.value.is_integer() or answered == question_id)]
        held = [value for value in values if value is not None and any(_holds(r, value) for r in ranges)]
        return max(held) if read and held else None

    @staticmethod
    def _in_first_measure(table: _Table, first: str, value: float) -> float | None:
        """`value` in the `first` measure's unit: as it is when that measure's options hold it,
        else converted from the first other measure holding it that can be (Question.measured_in_first)."""
        if any(_holds(option.measures[first], value) for option in table.options if first in option.measures):
            return value
        for measure, conversion in table.question.measured_in_first.items():
            if any(_holds(option.measures[measure], value) for option in table.options if measure in option.measures):
                return round(conversion.of(value), 1)
        return None

    def measured_by_name(self, question_id: str, text: str) -> set[Any]:
        """The answers a result said with its test's name picks ("actually crp was 45 mg/l",
        "wcc came back 14"): a number within a few words after one of the question's measure
        words, read as the question reads it. One answer, or each one its units could give
        when the unit decides ("crp 45": mg/L or mg/dL); none for a number without the test's
        name ("actually it was 45"), or no number at all. How an earlier answer is corrected
        by a later result (the most recent kept). Not where the gravest reading decides (a
        fever: "temp 37.6 now" after 38.9 is a later reading, no correction)."""
        table = self.tables[question_id]
        if not table.measures or table.question.gravest_first:
            return set()
        said = _plain_words(text)
        if not any(any(_NUMBER.fullmatch(word) for word in tokens(_beside(said, at, at + 1, before=0, after=4)[1]))
                   for at in self._measure_words_at(table, said)):
            return set()
        found = self._by_number(table, said)
        if isinstance(found, _UnitQuestion):
            return {table.options[i].value for _, i in found.readings} - {None}
        parsed = self.read(question_id, text)
        return {parsed.value} if parsed.ok and parsed.value is not None and parsed.goto is None else set()

    def measured_unit_asked(self, question_id: str, text: str) -> str | None:
        """"crp 12" said in passing, when its unit decides the answer (12 mg/L is a little
        raised, 12 mg/dL very raised): the measure's word and the number after it, to be
        read at the question, which then asks the unit. None when no measurement needs it,
        or more than one does."""
        table = self.tables[question_id]
        if not table.measures:
            return None
        said = _plain_words(text)
        asked = set()
        for at in self._measure_words_at(table, said):
            _, behind = _beside(said, at, at + 1, before=0, after=3)
            measurement = f"{tokens(said)[at]} {behind}"
            if behind and isinstance(self._by_number(table, measurement), _UnitQuestion):
                asked.add(measurement)
        return asked.pop() if len(asked) == 1 else None

    def _told_apart(self, table: _Table, said: str, match: Match) -> int | None:
        """The option a number right beside the words matched picks, as it would at the
        question: a shared word told apart ("34 weeks pregnant", "grávida de 34 semanas":
        which trimester), or a measurement that decides ("a temp of 38.9", "febre 38,2").
        A number of weeks needs its unit ("pregnant, 3" is no week); one further off
        ("pregnant, and the pain began 3 weeks ago") picks nothing."""
        measured = not any(option.numbers for option in table.options)  # read by range: a temperature
        # "temperature it was 37.9 then 38.3": where the gravest reading decides, every one in
        # the clause after the measure is read, not only the first
        ahead, behind = _beside(said, match.start, match.end, before=2, after=6 if table.question.gravest_first else 3)
        # "34 wks preg": the unit is one of the words matched, so the number ahead is read with them.
        with_match = f"{ahead} {' '.join(tokens(said)[match.start:match.end])}" if ahead else ""
        for window in (ahead, behind, with_match):
            found = self._quantities(table, window)
            if not found or not (measured or any(quantity.unit for quantity in found)):
                continue
            picked = self._by_number(table, window)
            if isinstance(picked, int) and (measured or picked in match.options):
                return picked
        return None

    def _as_it_sounds(self, table: _Table, said: str) -> str:
        """`said` with the words typed as they sound written as the option's word meant (ui.yaml
        `sounds_like`: "nun of those" at a list is "none of those", "rite" at "Which hip?" is
        "right"): where the meant words are the question's and the typed ones are not. A form
        that is a word of the language ("write", "non") only as the whole answer: "non weight
        bearing" is no "none"."""
        for form, meant in self.sounds_like:
            if not set(meant.split()) <= table.phrases.vocabulary or form in table.phrases.whole:
                continue
            if " " not in form and form in self.vocabulary:
                said = meant if words_only(said) == form else said
            else:
                said = re.sub(rf"(?<![\w-]){re.escape(form)}(?![\w-])", meant, said)
        return said

    def _spelled_out(self, said: str) -> str:
        """`said` with a note's shorthand for one word written as that word (ui.yaml
        `spelled_as`: "n" is "não", "inj" "injection", "FY2" a junior doctor, no age of 2)
        and a note's heading dash as a clause break."""
        for form, meant in self.spelled_as:
            said = re.sub(rf"(?<![\w-]){re.escape(form)}(?![\w/-])", meant, said)
        for form, meant in self.titles_before_an_age:  # "Mr 58", "Sr. 58": a man of 58
            said = re.sub(rf"(?<![\w-]){re.escape(form)}\.?\s+(?=\d)", f"{meant} ", said)
        return _HEADING_DASH.sub(", ", said)

    def _with_read_forms(self, phrases: list[str]) -> list[tuple[str, ...]]:
        """`phrases` as word tuples, each also with its forms written as `_read_as` may have
        rewritten them before they are looked for ("faz mal" and "faço mal")."""
        kept: dict[tuple[str, ...], None] = {}
        for phrase in phrases:
            plain = _plain_words(phrase)
            kept[tuple(tokens(plain))] = None
            read = plain
            for form, meant in self.read_as:
                read = re.sub(rf"(?<![\w-]){re.escape(form)}(?![\w-])", meant, read)
            kept[tuple(tokens(read))] = None
        return list(kept)

    def _read_as(self, table: _Table, said: str) -> str:
        """`said` with the forms the options' words do not use written as the ones they do
        (ui.yaml `read_as`): a relative's "não consegue andar" is "não consigo andar", "she
        has diabetes" is "i have diabetes", "tou grávida" is "estou grávida". A form that is
        itself a word of this question's options is left as typed ("ela" names the sex), but
        not a mere spelling of one word (ui.yaml `spelled_as`: "n" is "não" wherever typed)."""
        said = self._spelled_out(said)
        numbered = any(option.numbers for option in table.options)
        for form, meant in self.read_as:
            # (a form of several words is left only where the options say it as a phrase:
            # "consigo nem" is no phrase of "nem consigo andar")
            # (nor a word of the options said together, or that unsays one: "ele" and "tem" in
            # "ele não tem mexido", "bebe" in "o bebe quase não mexe" are the baby's, user test
            # pt-BR 19: it was also read as a hip that cannot move)
            if form in table.phrases.whole if " " in form else (form in table.phrases.vocabulary
                                                                  or form in table.own_words):
                continue
            # (nor, where numbers pick the options, a word that ties a number to another
            # question: "dói faz 3 semanas" is how long, not "faço 3 semanas" of a pregnancy;
            # user test pt-BR 19, a runner's 3 weeks of pain were read as the first trimester)
            if numbered and form in self.others_leads[table.question.id] - table.leads:
                continue
            said = re.sub(rf"(?<![\w-]){re.escape(form)}(?![\w-])", meant, said)
        return said

    def _in_this_language(self, said: str) -> bool:
        """Every word of `said` is a word of this language's content (numbers aside)."""
        return all(word in self.vocabulary or not word.isalpha() for word in tokens(said)
                   if word not in CLAUSE_PUNCTUATION)

    def submit_selection(self, question_id: str, indices: list[int]) -> Parsed:
        """The value of a multi-select made of these option indices (exclusive ones alone)."""
        table = self.tables[question_id]
        chosen = [table.options[i] for i in dict.fromkeys(indices)]
        if not chosen:
            return Parsed(False, error="nothing_selected")
        exclusive = [option for option in chosen if option.exclusive]
        if exclusive and len(chosen) > 1:
            label = self.content.text(exclusive[0].label, self.language_code)
            return Parsed(False, error="exclusive_alone", values={"label": label})
        if exclusive:
            return Parsed(True, value=exclusive[0].value)
        return Parsed(True, value=[option.value for option in chosen])  # checklist: the ticked items

    def choose_by_words(self, text: str, names: list[str]) -> int | None:
        """Which of `names` (the answers listed by /change: "Walking", "MRI") the words pick:
        "walking", "the mri one", "a da febre". Words that name nothing on their own ("the",
        "one": ui.yaml `function_words`) are left out; a slip in a longer word is allowed."""
        phrases: dict[str, tuple[int, ...]] = {}
        for index, name in enumerate(names):
            key = _plain_words(name)
            for phrase in [key, *(w for w in tokens(key) if w not in CLAUSE_PUNCTUATION)]:
                if phrase and phrase not in self.function_words and index not in phrases.get(phrase, ()):
                    phrases[phrase] = (*phrases.get(phrase, ()), index)
        phrase_index = PhraseIndex(phrases, self.language, typos=self.typos, known_words=self.vocabulary)
        said = " ".join(w for w in tokens(_plain_words(text)) if w not in self.function_words)
        found = phrase_index.find_with_typos(said) or phrase_index.fuzzy(said)
        chosen = {m.options[0] for m in found if not m.negated and len(m.options) == 1}
        return chosen.pop() if len(chosen) == 1 else None

    def asks_why(self, text: str) -> bool:
        """A question about the question: "why do you need my age?", "para quê?": one of the
        language's `why_openers`, then a question mark or two words more."""
        said = _plain_words(text)
        opens = any(said.startswith(opener + " ") or said.startswith(opener + "?") for opener in self.why_openers)
        return opens and (text.strip().endswith("?") or len(said.split()) >= 3)

    def without_third_person(self, question_id: str, text: str) -> str:
        """`text` without the pronouns that say the sex at `question_id` (Answer.third_person:
        "she", "his"): in a sentence about something else ("she can walk but shes limping")
        they speak of the person, and are no answer typed again (user test en 27: "I have that
        already (Sex at birth: Female)" at how the pain started)."""
        pronouns = self.tables[question_id].third_person
        if not pronouns:
            return text
        return " ".join(word for word in tokens(_plain_words(text)) if word not in pronouns)

    def answer_before_why(self, text: str) -> str | None:
        """The answer said before a question about the question ("male why is that
        important", "45, why do you need my age?", "masculino, porquê?"): the words before
        it, or None. A why (`why_openers`) after the first word, not after a word of knowing
        ("no idea why", "not sure why", "dont know why"), alone with a question mark or with a
        word that points at the question (`why_of_the_question`: "does that matter", "do you
        need"); not one of the pain's own ("sudden, why is it so sore?")."""
        plain = _plain_words(text)
        words, spans = tokens(plain), token_spans(plain)
        not_after = self.language.knowing_words
        for at in range(1, len(words)):
            opener = next((tuple(tokens(o)) for o in self.why_openers
                           if tuple(words[at:at + len(tokens(o))]) == tuple(tokens(o))), None)
            if opener is None or words[at - 1] in not_after:
                continue
            rest = [w for w in words[at + len(opener):] if w not in CLAUSE_PUNCTUATION]
            if (rest and not self.why_of_the_question.intersection(rest)) or (
                    not rest and not plain.rstrip().endswith("?")):
                continue
            answer = plain[:spans[at][0]].strip(" ,;:.-")
            return answer if any(w not in CLAUSE_PUNCTUATION for w in tokens(answer)) else None
        return None

    def asks_for_now(self, text: str, content: Content, locale: str) -> bool:
        """"now", "what to do now", or the button's words typed: never an answer to a question.
        A question mark or a stop after them changes nothing ("e agora?", user test en 19)."""
        said = self._unwanted(_plain_words(text).rstrip("?!. "))
        return said in self.see_now or said == _plain_words(content.message("see_what_to_do_now", locale))

    def _unwanted(self, said: str) -> str:
        """`said` without the words of wanting that open it ("quero ver o que fazer": "ver o que
        fazer"): what is wanted is the choice."""
        opener = next((words for words in self.wanting if said.startswith(words + " ")), None)
        return said[len(opener) + 1:].strip() if opener else said

    def says_something(self, text: str) -> bool:
        """`text` has a word of the content's vocabulary beyond the language's small words
        and fillers: "gradual", "mobile, painful", "desde ontem" say something; "hmm" and
        "banana" do not."""
        return any(word in self.vocabulary and word not in self.known_words and word not in self.function_words
                   for word in tokens(_plain_words(text)) if word.isalpha())

    @staticmethod
    def only_numbers(text: str) -> bool:
        """`text` is option numbers only: "3", "1,3", "2 and 4"."""
        return bool(_OPTION_NUMBERS.match(_plain_words(text)))

    def read_offer(self, text: str, content: Content, locale: str) -> str | None:
        """After an emergency warning: "now" (see what to do now), "go" (carry on), or None.
        A yes is a yes to what to do now; a no carries on."""
        whole = _plain_words(text)
        # "continuar, a anca não está inchada...": the choice is the first clause
        first_clause = _CLAUSE_END.split(whole)[0].strip()
        for said in dict.fromkeys([whole, first_clause, self._unwanted(whole), self._unwanted(first_clause)]):
            if said in ("1", _plain_words(content.message("see_what_to_do_now", locale))) or said in self.see_now:
                return "now"
            if said in ("2", _plain_words(content.message("carry_on_answering", locale))) or said in self.carry_on:
                return "go"
            if said in self.yes:
                return "now"
            if said in self.no:
                return "go"
        return None

    # the readings --------------------------------------------------------------------

    def _whole(self, table: _Table, said: str) -> Parsed | None:
        number = whole_number(said)
        if number is not None and table.question.kind != "number" and 1 <= number <= len(table.options):
            return self._option(table, number - 1)
        if self._yes_no_then_break(said):
            return None  # "não, consigo andar" is not "não consigo andar": read it clause by clause
        options = table.phrases.whole_answer(said)
        if options is None or words_only(said) in table.named_when_denied:  # "bebo" alone: no "não bebo"
            return None
        if any(m.negated for m in self._too_short(table, said, [Match(tuple(options), 0, len(tokens(said)), False)])):
            return None  # "teetotal" names the drinking only to deny it (`denied_by`): read as a denial
        if len(options) > 1 and table.question.shared_names_tick_each:  # "hiv": each item that has the name
            return self.submit_selection(table.question.id, list(options))
        return self._option(table, options[0]) if len(options) == 1 else self._clarify(table, list(options))

    def _clarify(self, table: _Table, options: list[int]) -> Parsed:
        labels = [self.content.text(table.options[i].label, self.language_code) for i in options]
        return Parsed(False, clarify=labels)

    @staticmethod
    def _marked_unsure(said: str, phrases: list[str]) -> str:
        """`said` with each of `phrases` (ways of saying "don't know"), longest first, as a
        NUL mark between spaces: where they were, and that they were there."""
        for phrase in sorted(phrases, key=len, reverse=True):
            said = re.sub(rf"(?<![\w']){re.escape(phrase)}(?![\w'])", " \x00 ", said)
        return said

    def _without_results_not_out(self, said: str) -> str:
        """`said` without its clauses that say a result is not out yet: a result word, a
        negation and a word of not being out ("resultado ainda não saiu", "results not back
        yet"); "" when nothing else was said, `said` itself when none does."""
        if not self.result_words:
            return said
        clauses: list[list[str]] = [[]]
        for word in tokens(said):
            if word in CLAUSE_PUNCTUATION or word in self.clause_breaks:  # "fiz RM mas não tenho o resultado"
                clauses.append([])
            else:
                clauses[-1].append(word)
        kept = [clause for clause in clauses if not self._says_result_not_out(clause)]
        if len(kept) == len(clauses):
            return said
        return " , ".join(" ".join(clause) for clause in kept if clause)

    def _says_result_not_out(self, clause: list[str]) -> bool:
        """The clause says a result is not out yet: a result word, a negation and a word of
        not being out ("results not back yet"); a result word and a word of waiting ("results
        pending", "awaiting the report"); or a negation or a word of waiting and a word of
        coming back that closes the clause ("not yet back", "waiting for them to come back"),
        not one before a noun ("no back pain")."""
        negated = any(w in self.any_negation or any(w.endswith(s) for s in self.language.negation_suffixes)
                      for w in clause)
        awaited = _names_any(clause, self.result_awaited)
        if self.result_words & set(clause):
            return awaited or (negated and bool(self.result_not_out & set(clause)))
        returned = any(word in self.result_returned and all(w in self.result_pending_after for w in clause[at + 1:])
                       for at, word in enumerate(clause))
        return returned and (negated or awaited)

    def _without_unsure(self, said: str) -> str:
        """`said` without the ways of saying "don't know" of two words or more in it, and
        without a yes or no that only leads into one ("nah no idea"): "" when nothing else
        was said, `said` itself when there was none."""
        rest = self._marked_unsure(said, [phrase for phrase in self.dont_know if " " in phrase])
        if rest == said:
            return said
        # A yes or no before it only leads in ("nah no idea"); one after it answers ("not
        # sure, I think not").
        before, _, after = rest.partition("\x00")
        kept = [w for w in tokens(self._without_fillers(before)) if w not in CLAUSE_PUNCTUATION]
        if all(w in self.yes or w in self.no or w in self.known_words for w in kept):
            before = ""
        rest = f"{before} , {after}".replace("\x00", ",")
        words = [w for w in tokens(self._without_fillers(rest)) if w not in CLAUSE_PUNCTUATION]
        if not words:
            return ""
        return " ".join(tokens(rest)).strip(" ,")

    def _why_not_known(self, said: str) -> bool:
        """`said` tells why it is not known: a word of knowing or telling just after a negation
        ("she cant say", "he can't tell us", "she doesnt remember", "ela não sabe dizer"; user
        test en 27: a daughter's "dont know, she cant say" was asked again)."""
        words = [w for w in tokens(said) if w not in CLAUSE_PUNCTUATION]
        denying = self.language.negations | self.language.clause_negations
        suffixes = tuple(self.language.negation_suffixes)
        return any(word in self.language.knowing_words
                   and any(w in denying or w.endswith(suffixes) for w in words[max(0, at - 2):at])
                   for at, word in enumerate(words))

    def _unsure_in_an_answer(self, table: _Table, said: str) -> bool:
        """An option's own phrase in `said` holds a way of saying "don't know" ("not sure how
        far along", "não sei de quantas semanas")."""
        words = tokens(said)
        return any(any(table.options[i].value is not None for i in m.options)
                   and self.language.unsure_in(words[m.start:m.end]) for m in table.phrases.find(said))

    def _unsure_of_the_subject(self, table: _Table, said: str) -> bool:
        """At a question with one answer, a "don't know" said of the question's own subject
        and nothing more: "fever not sure", "fever? dunno", "not sure if i had a fever",
        "febre não sei, não tenho termómetro". Not one that leans to yes ("maybe a fever")
        nor one with more said ("had a fever, not sure how high")."""
        if table.question.kind != "choice":
            return False
        marked = self._marked_unsure(said, [phrase for phrase in self.dont_know if phrase not in self.leaning_yes])
        if marked == said:
            return False
        subject = self._subject_words(table)
        rest = [w for w in tokens(self._without_fillers(marked.replace("\x00", " , ")))
                if w not in CLAUSE_PUNCTUATION and w != "?"]
        return bool(rest) and any(w in subject for w in rest) and all(
            w in subject or w in self.unsure_whether for w in rest)

    def _unsure_of_the_result_then_other_words(self, table: _Table, said: str) -> bool:
        """At the question of a test's result, a first clause unsure of the test itself ("not
        sure about the white cells") and the rest of the message naming it nowhere ("letter
        just says bloods unremarkable"): what is said after is of the tests in general, not of
        this one, and the answer is "Don't know" (session 30: recorded as a normal count)."""
        if not table.question.heard_about:
            return False
        first, _, rest = said.partition(",")
        if not rest.strip() or not self._unsure_of_the_subject(table, first.strip()):
            return False
        subject = self._subject_words(table)
        return not any(word in subject for word in tokens(rest))

    def _subject_words(self, table: _Table) -> frozenset[str]:
        """The words that name a question's subject: its short label ("Fever", "Which hip")
        and its measure words ("temp"); not an option's words ("left" answers)."""
        question = table.question
        words = set(tokens(_plain_words(self.content.text(question.short, self.reads))))
        for phrases in question.measure_words.values():  # shared by every language
            words.update(word for phrase in phrases for word in tokens(_plain_words(phrase)))
        return frozenset(w for w in words if w not in CLAUSE_PUNCTUATION)

    def _starts_unsure(self, said: str) -> bool:
        """"not sure, it moves around": unsure. Not "idk where to start, my hip hurts" nor
        "não sei por onde começar": what is not known is said after it, and is no answer."""
        first = said.split(",")[0].strip()
        if first in self.dont_know:
            return True
        return any(said.startswith(phrase + " ") and not self._unsure_of_another_thing(said[len(phrase) + 1:])
                   for phrase in self.dont_know if len(phrase) >= 3)

    def _unsure_of_another_thing(self, said: str) -> bool:
        """`said` opens with what else is not known ("where to start", "o que fazer"; ui.yaml
        `unsure_of_another_thing`); "how long" is this question's own."""
        return any(said == phrase or said.startswith(phrase + " ") for phrase in self.unsure_of_another_thing)

    def _yes_no_then_break(self, said: str) -> bool:
        """A leading yes or no ended by punctuation ("no, walking is fine"): its scope ends there."""
        return any(said.startswith(word) and said[len(word):len(word) + 1] in CLAUSE_PUNCTUATION
                   for word in self.yes + self.no if len(said) > len(word))

    def _split_leading_yes_no(self, said: str) -> str:
        """"no i can walk" is "no" and then "i can walk": the no does not deny what follows;
        nor after a filler or a correction ("actually no i cant put any weight on it")."""
        words = said.split(" ")
        lead = next((i for i, word in enumerate(words) if word not in self.leading_words), len(words))
        if len(words) > lead + 2 and words[lead] in self.yes + self.no and words[lead + 1] in self.pronouns:
            return " ".join(words[:lead + 1]) + ", " + " ".join(words[lead + 1:])
        return said

    def _without_fillers(self, said: str, keep: AbstractSet[str] = frozenset()) -> str:
        """`said` without the language's fillers, but those in `keep` (a number's own leads)."""
        for filler in self.fillers:
            if filler not in keep:
                said = re.sub(rf"(?<![\w]){re.escape(filler)}(?![\w])", " ", said)
        befores = zip(self.fillers_before_a_number_words, self.fillers_before_a_number, strict=True)
        for filler, before_a_number in befores:
            if filler not in keep:
                said = before_a_number.sub(" ", said)
        return " ".join(said.split())

    def _option(self, table: _Table, index: int) -> Parsed:
        option = table.options[index]
        if table.question.several:
            return Parsed(True, value=option.value if option.exclusive or option.value is None else [option.value])
        return Parsed(True, value=option.value)

    def _read_number(self, table: _Table, text: str, said: str, today: date | None = None) -> Parsed:
        question = table.question
        assert question.minimum is not None and question.maximum is not None  # schema guarantees
        for phrase in self.no_number_phrases:  # "começou de um dia pro outro": no 1 day
            said = phrase.sub(" ", said)
        # "34+2" is a week of pregnancy and its days, never an age or how long (user test pt
        # 17: "a minha mulher tem 34+2" was recorded as 34 years old)
        said = _WEEKS_AND_DAYS.sub(" ", said)
        # "45, no wait 54": a number corrected in the same message is the one after it
        words, spans = tokens(said), token_spans(said)
        at = self._correction_at(words)
        if at is not None and any(w[:1].isdigit() for w in words[:at]) and any(w[:1].isdigit() for w in words[at:]):
            said = said[spans[at][0]:]
        since = self._weeks_since_a_date(table, said, today)
        counted = self._counted_beside_a_date(table, text, said) if since is not None else None
        if counted is not None:  # "since sunday so 3 days": the count said wins over the day's
            return counted
        if since is not None:  # "since March", "desde 3 de março": its numbers are the date's
            return Parsed(True, value=since) if question.minimum <= since <= question.maximum \
                else self._out_of_range(question)
        if today is not None and question.counted_from_a_date and self.dates.a_year_alone(tokens(said)):
            # "since 2025": not 2025 weeks, nor a guess at the month: a rough number is asked for
            return Parsed(False, error="vague_number", values={"example": self._example(question)})
        # "temp 39" at the age, "fever 38.5 for 2 days" at how long: another question's measure
        # ...or a weight: "lost 6kg" is no 6 weeks
        every = self._quantities(table, said)
        typed = [q for q in every if not self._anothers_measurement(table, q)
                 and not self._anothers_reading(table, q)]
        # ...and a time right after one is how much or how often, not how long: "I run 50k a
        # week", "30 miles a week", "3x a week" (user test en 26: read as 50 weeks of pain)
        typed = [q for q in typed if not self._a_rate(q)]
        anothers_amount = len(typed) < len(every)
        # "tem 78 anos, caiu ontem" ("1 dia"), "78 anos, dor há 3 dias" at the age: a number
        # with another question's unit is that question's, no unknown word, when another
        # number is left (user test pt-BR 19: the age was asked again whenever "ontem" was said)
        anothers = [q for q in typed if not q.unit and q.next_word in self.others_units[question.id]]
        if anothers and len(anothers) < len(typed):
            typed = [q for q in typed if q not in anothers]
        # "ela teve cancro da mama há 5 anos", "tomo prednisolona há 2 anos" at how long: a
        # number in a clause naming another checklist's item is that item's (user test pt
        # 20b: a fall of yesterday was recorded as 5 years of pain), unless the item is one
        # the pain is counted from (`counted_from_items`: "fell 2 weeks ago")
        if question.counted_from_items is not None:
            words = tokens(said)
            typed = [q for q in typed if not self._names_an_item_elsewhere(
                question.id, words, len(tokens(said[:q.start])), question.counted_from_items)]
        if any(q.negative for q in typed):  # "-5": no age or duration is below zero
            return self._out_of_range(question)
        if self._an_offset(table, said):  # "started 2 weeks after the birth": not how long, asked again
            # (named before the number: "2 weeks after giving birth" is a time between two events)
            event = next((q for q in typed if q.unit in table.units and q.unit
                          and self._of_another_event(table, said, q, before_only=True)), None)
            if event is not None:  # "my baby is 2 months old": the birth's time, asked
                return self._time_of_another_event(event)
            if self._an_offset(table, said, table.offsets_after):  # "2 weeks after giving birth": how long ago that was
                return Parsed(False, error="since_an_event", values={"example": self._example(question)})
            return Parsed(False, error="need_number", values={"example": self._example(question)})
        week = self._a_week_of_pregnancy(table, said)
        if week is not None:  # "since I was 28 weeks": when it began, not how long; asked again
            return Parsed(False, error="week_of_pregnancy_not_length",
                          values={"week": number_text(week, self.content, self.reads)})
        unknown = next((q.next_word for q in typed if self._with_unit(table, q) is None), None)
        if unknown is not None:  # "3 moons": not 3 weeks
            return Parsed(False, error="word_after_number", values={"word": quote(unknown),
                                                               "example": self._example(question)})
        found = [q for q in (self._with_unit(table, q) for q in typed) if q is not None and q.unit in table.units]
        fractions = question.fractions_said_alone
        if fractions is not None and any(not q.unit and not any(math.isclose(q.value % 1, f) for f in fractions)
                                         for q in found):  # "37.6": asked with its unit, not 8.7 months
            return Parsed(False, error="word_after_number", values={"word": "", "example": self._example(question)})
        # "o meu pai tem 78 anos e anda a queixar-se há 2 meses": the years after an age's lead
        # are the age, when another number says how long
        # ...and a bare number so led is that question's alone ("she's 72", "ela tem 72" at how
        # long for a new mother: an age, no 72 weeks; session 27); one with this question's
        # unit is still this question's when nothing else is ("she's had it 3 weeks")
        led = [q for q in found if self._led_as_anothers_number(table, q)]
        # ...but where a low number ends the questions (an age under 18), one so led is never
        # taken: "corticoide há 6 meses" at the age is when the steroids began, not an age of
        # half a year (user test pt-BR 29: the questions ended as for a child)
        # ("6 meses atrás", "6 months ago": followed by another's words, as well)
        led += [q for q in found if question.below_minimum is not None and q not in led
                and self._followed_as_anothers_number(table, said, q)]
        found = [q for q in found if q not in led] or (
            [q for q in led if q.unit] if question.below_minimum is None else [])
        if not found and led and question.below_minimum is not None:
            return Parsed(False, error="need_number", values={"example": self._example(question)})
        anothers_amount = anothers_amount or bool(led and not found)
        other_event = next((q for q in found if q.unit and self._of_another_event(table, said, q)), None)
        if other_event is not None:  # "gave birth 3 weeks ago", "baby is 6 weeks": the birth's time, asked
            return self._time_of_another_event(other_event)
        if not found:
            vague = any(re.search(rf"(?<![\w]){re.escape(v)}(?![\w])", said) for v in self.vague)
            # "since the birth" at how long: when that was is asked, not "I need a number"
            # (user test en 20); only where a number counts from when something began
            # (as typed too: "since she was born" is read as "since i was born" for the options)
            since = question.counted_from_a_date and any(
                re.search(rf"(?<![\w]){re.escape(v)}(?![\w])", either) for v in self.since_an_event
                for either in (said, _plain_words(text)))
            error = "vague_number" if vague else "since_an_event" if since else \
                "another_amount" if anothers_amount else "need_number"
            return Parsed(False, error=error, values={"example": self._example(question)})
        number = sum(q.value * table.units[q.unit] for q in found if q.unit) if _all_units(found) else (
            found[0].value * table.units[found[0].unit])
        if number < question.minimum and question.below_minimum is not None:
            return Parsed(True, value=int(number) if question.integer else number, goto=question.below_minimum)
        if not question.minimum <= number <= question.maximum:
            return self._out_of_range(question)
        return Parsed(True, value=int(number) if question.integer else round(number, STORED_DECIMALS))

    def _time_of_another_event(self, quantity: Quantity) -> Parsed:
        return Parsed(False, error="time_of_another_event",
                      values={"time": f"{self._number(quantity.value)} {quantity.unit}"})

    def _a_rate(self, quantity: Quantity) -> bool:
        """The number comes right after an amount of another kind ("50k a week", "30 miles
        a week", "3x a week"): a rate, how much or how often in that time."""
        lead = quantity.lead.split()
        if not lead:
            return False
        last = lead[-1]
        glued = re.fullmatch(r"\d+(?:[.,]\d+)?([^\W\d_]+)", last)
        if glued is not None:
            return glued.group(1) in self.other_measure_units
        return len(lead) >= 2 and last in self.other_measure_units and bool(_NUMBER.fullmatch(lead[-2]))

    def _of_another_event(self, table: _Table, said: str, quantity: Quantity, before_only: bool = False) -> bool:
        """The number is in a clause naming another event (`times_of_other_events`: the
        birth, the baby; `before_only`: named before it) and none of the question's own
        subject, nor since that event."""
        if not table.other_events:
            return False
        words = tokens(said)
        at = len(tokens(said[:quantity.start]))
        start, end = self._clause_around(words, at)
        # (or right after the number's unit: "5 weeks old")
        after = self._unit_end(words, at, table.named_units) if at < len(words) else at
        if at >= len(words) or not (_names_any(words[start:at] if before_only else words[start:end], table.other_events)
                                    or self._followed_by(words, after, table.other_events)):
            return False
        plain = f" {' '.join(words)} "
        since = any(f" {' '.join(tokens(v))} " in plain for v in self.since_an_event)
        return not since and not self._in_clause_with(words, at, table.clause_words)

    def _revised_number(self, table: _Table, said: str) -> str:
        """`said` from a number revised in a clause of its own ("3 weeks, well maybe 4",
        ui.yaml `number_revised`): the later figure, in the earlier one's unit when it has
        none (user test en 21: "3 weeks, well maybe 4" was taken as 3 weeks, unsaid)."""
        words, spans = tokens(said), token_spans(said)
        at = max((i for phrase in self.number_revised if phrase for i in _places(words, phrase)
                  if i > 0 and words[i - 1] in CLAUSE_PUNCTUATION), default=None)
        if at is None:
            return said
        before, after = self._quantities(table, said[:spans[at][0]]), self._quantities(table, said[spans[at][0]:])
        if not before or not after:
            return said
        later = said[spans[at][0]:]
        unit = next((q.unit for q in before if q.unit), "")
        return later if any(q.unit for q in after) or not unit else f"{later} {unit}"

    def _weeks_since_a_date(self, table: _Table, said: str, today: date | None) -> float | None:
        """Weeks from the one date `said` counts from ("since March", "desde 3 de março") to
        `today`, for a question counted so (`counted_from_a_date`); None without `today`, or
        with no such date or two."""
        if today is None or not table.question.counted_from_a_date:
            return None
        dates = self._dates_said(tokens(said), said)
        alone = self.dates.alone(tokens(said)) if not dates else None
        dates = [alone] if alone is not None else dates  # "mid november" typed as the answer
        weeks = {self.dates.weeks_since(d, today) for d in dates}
        return weeks.pop() if len(weeks) == 1 else None

    def _counted_beside_a_date(self, table: _Table, text: str, said: str) -> Parsed | None:
        """How long, as counted with this question's unit beside the date it began: "since
        sunday so 3 days", "since monday, about 10 days" (session 28: the weekday's count was
        taken, 2 days for "about 10 days"). The person's own count wins: a weekday may be last
        week's, a date a guess. None when no count with a unit is said beside it."""
        rest = self._counts_beside_a_date(table, said)
        if rest is None:
            return None
        parsed = self._read_number(table, text, rest[0])
        return parsed if parsed.ok and parsed.value is not None else None

    def _counts_beside_a_date(self, table: _Table, said: str) -> tuple[str, list[str]] | None:
        """`said` without its one date, and the clauses of the counts with this question's unit
        said beside it: not a span ("came on over 3 days, started 3 nov" says how fast, the date
        how long ago), nor a count of another thing ("since sunday, fever for 2 days", "3 days
        after my fall"). None without a date or such counts."""
        words = tokens(said)
        dates = self._dates_said(words, said)
        if len(dates) != 1:
            return None
        rest = " ".join(w for at, w in enumerate(words) if not any(d.start <= at < d.end for d in dates))
        counts = [q for q in self._quantities(table, rest) if q.unit in table.named_units]
        if not counts or any(self._a_span(q) for q in counts):
            return None
        kept, clauses = tokens(rest), []
        for count in counts:
            start, end = self._clause_around(kept, len(tokens(rest[:count.start])))
            clause = " ".join(kept[start:end])
            if any(other.phrases.find(clause) for other in self.tables.values() if other is not table):
                return None
            clauses.append(clause)
        return rest, clauses

    def _dates_said(self, words: list[str], text: str) -> list[DateSaid]:
        """The dates `words` count from, but in a clinician's note not one in numbers whose
        second is a shorthand's denominator: there "since 3/7" is 3 days, as "3/7" alone is
        (user test en 23c: "48M L hip pain since 3/7" was read as 3 July, 5 months)."""
        found = self.dates.find(words)
        if not any(self._as_shorthand(words, said) for said in found) or not self.who.by_a_clinician_in(text):
            return found
        return [said for said in found if not self._as_shorthand(words, said)]

    def _as_shorthand(self, words: list[str], said: DateSaid) -> bool:
        """The date ends in two numbers, the second a shorthand's denominator ("3/7", "2/12")."""
        last = words[said.start:said.end][-2:]
        return (said.year is None and len(last) == 2 and all(w.isdigit() for w in last)
                and int(last[1]) in self.numbers.shorthand)

    def _a_week_of_pregnancy(self, table: _Table, said: str) -> float | None:
        """The number a week of the pregnancy is said with (`said_as_a_week_of_pregnancy`
        right before it, its unit after it): "since I was 28 weeks", "desde as 28 semanas"."""
        if not table.week_leads:
            return None
        # weeks: the question's own unit (factor 1), after the number or before it ("since
        # week 28"); not months
        weeks = {unit for unit, factor in table.units.items() if unit and factor == 1.0}
        words = tokens(in_digits(said, self.numbers))
        for at, word in enumerate(words):
            if _NUMBER_WORD.fullmatch(word) and any(" ".join(words[at - size:at]) in table.week_leads
                                                    for size in (1, 2, 3, 4, 5) if at >= size):
                beside = [words[at + 1] if at + 1 < len(words) else "", words[at - 1]]
                if weeks.intersection(beside):
                    return float(word.replace(",", "."))
        return None

    def _an_offset(self, table: _Table, said: str, offsets: frozenset[str] | None = None) -> bool:
        """A number with its unit followed by a word that makes it a time from another event
        (`offset_words`, or those `offsets`: "2 weeks after the birth", "3 dias depois da queda")."""
        offsets = table.offsets if offsets is None else offsets
        if not offsets:
            return False
        words = tokens(in_digits(said, self.numbers))
        units = table.named_units
        for at, word in enumerate(words):
            if _NUMBER_WORD.fullmatch(word):
                end = self._unit_end(words, at, units)
                if end > at + 1 and self._followed_by(words, end, offsets):
                    return True
        return False

    def _counted_back(self, table: _Table, said: str, today: date | None) -> set[float]:
        """The values the numbers said as a time left count back to, for a question whose
        answer ends with an event (`counted_back`): "due in 3 weeks" and "faltam 3 semanas
        para o parto" are week 37; with `today`, so is "due on" a date three weeks ahead.
        Empty when nothing is said so."""
        counted = table.counted_back
        if counted is None:
            return set()
        words = self._number_words(said)
        values = {value for _, _, value in self._counted_back_spans(table, words)}
        if today is not None and counted.dates is not None:
            for said_date in self._due_dates(table, tokens(_plain_words(said))):
                weeks = counted.dates.weeks_until(said_date, today)
                if weeks is not None:
                    values.add(counted.when - weeks)
        return values

    @staticmethod
    def _due_dates(table: _Table, words: list[str]) -> list[DateSaid]:
        """The dates in `words` on which the event that ends what is asked falls ("due on
        20 December", "DPP dia 20/01": `counted_back.dated_after`)."""
        counted = table.counted_back
        return counted.dates.find(words) if counted is not None and counted.dates is not None else []

    def _counted_back_spans(self, table: _Table, words: list[str]) -> list[tuple[int, int, float]]:
        """Where each number said as a time left begins and ends (its lead or the words after
        its unit included), and the value it counts back to."""
        counted = table.counted_back
        if counted is None:
            return []
        return [(start, end, counted.when - value) for start, end, value in
                self._numbers_tied(table, words, counted.before, counted.after, counted.between)] + [
            (start, end, counted.when + value) for start, end, value in  # "overdue by 5 days"
            self._numbers_tied(table, words, counted.passed_before, counted.passed_after)]

    def _numbers_tied(self, table: _Table, words: list[str], before: frozenset[str], after: frozenset[str],
                      between: frozenset[str] = frozenset()) -> list[tuple[int, int, float]]:
        """Each number with its unit led by one of `before` or followed by one of `after`
        (`between` may stand between it and its unit): where its words begin and end, and
        its value in the question's unit."""
        units = table.named_units
        spans = []
        for at, word in enumerate(words):
            if not _NUMBER_WORD.fullmatch(word):
                continue
            unit_at = at + 2 if at + 1 < len(words) and words[at + 1] in between else at + 1
            end = self._unit_end(words, unit_at - 1, units)
            if end == unit_at:  # a bare number says nothing of what it counts
                continue
            lead = max((size for size in (1, 2, 3, 4, 5) if at >= size and " ".join(words[at - size:at]) in before),
                       default=0)
            follow = max((size for size in (1, 2, 3, 4, 5) if " ".join(words[end:end + size]) in after), default=0)
            if lead or follow:
                unit = " ".join(words[unit_at:end])
                factor = table.units.get(unit, table.units.get(words[unit_at], 1.0))
                spans.append((at - lead, end + follow, float(word) * factor))
        return spans

    def _told_by_number(self, table: _Table, words: list[str]) -> list[tuple[int, int, int]]:
        """The options a number tied to their words tells ("6 weeks pp", "my 4 month old",
        "bebé de 2 meses": after a birth), where said, within each option's limit."""
        told = []
        for index, (below, before, after) in table.told_by_number.items():
            told += [(start, end, index) for start, end, value in self._numbers_tied(table, words, before, after)
                     if value < below]
        return told

    def _out_of_range(self, question: Question) -> Parsed:
        assert question.minimum is not None and question.maximum is not None  # schema guarantees
        return Parsed(False, error="number_out_of_range", values={
            "minimum": self._number(question.minimum), "maximum": self._number(question.maximum),
            "unit": self._unit_name(question),
        })

    def _with_unit(self, table: _Table, quantity: Quantity) -> Quantity | None:
        """The quantity with the unit typed after it, a misspelt one too ("3 dyas", "2 mses");
        None when the word after a bare number may be a unit but is none the question knows
        ("3 moons", "3 luas"). Short words ("58 F") and the language's own words ("19 and
        pregnant") are no unit; where the question has no unit words, there is nothing to check."""
        word = quantity.next_word
        if quantity.unit or len(word) < 3 or word in self.known_words or not any(table.units):
            return quantity
        allowed = 1 if len(word) <= 7 else 2
        factors = {unit: factor for unit, factor in table.units.items()
                   if len(unit) >= 3 and unit[0] == word[0] and abs(len(unit) - len(word)) <= allowed
                   and DamerauLevenshtein.distance(word, unit) <= allowed}
        if factors and len(set(factors.values())) == 1:
            return replace(quantity, unit=min(factors, key=len))
        return None

    def _number(self, value: float) -> str:
        return number_text(value, self.content, self.language_code)

    def _unit_name(self, question: Question) -> str:
        named = self.content.ui.unit_names.get(question.unit or "")
        return self.content.text(named.name, self.language_code) if named is not None else ""

    def _example(self, question: Question) -> str:
        # Every number question has a unit, and every unit a name (flows/content.py).
        example = self.content.ui.unit_names[question.unit or ""].example
        return f"{self._number(example)} {self._unit_name(question)}"

    def _read_one(self, table: _Table, text: str, said: str, typed: str, today: date | None = None) -> Parsed:
        said = self._no_of_a_correction(table, said)
        # A negation inside another question's answer is that answer's: "she fell and cant
        # stand on her left leg" names the left leg at the side question.
        found = table.phrases.find(said, self._answers_elsewhere(table.question.id, said))
        if not found:
            found = table.phrases.find(self._without_fillers(said))
            said_as_found = self._without_fillers(said)
        else:
            said_as_found = said
        if not found:  # "I've been feeling really hot": an answer's parts with words between
            found, said_as_found = self._said_together(table, said), said
        found = self._after_exception(table, found, said_as_found)
        found = self._without_asked_about(found, said_as_found)
        found = self._not_with(table, said_as_found, found)  # "my wife made me come": not the wife's sex
        found = self._without_hints(table, found, said_as_found)
        found = self._without_others_pronouns(table, found, said_as_found, typed)
        found = self._without_relatives_of_the_writer(table, found, said_as_found, typed)
        found = self._without_others_yes_no(table, found, said_as_found)
        found = self._without_nones_of_other_phrases(table, found, said_as_found)
        found = self._without_later_verb_negations(found, said_as_found)
        found = self._after_a_correction(found, said_as_found)
        found = self._without_anothers_measure(table, found, said_as_found)
        found = self._without_shared_words_beside_another(table, found, said_as_found)
        matches = [m for m in found if not m.negated]
        negated = [m for m in found if m.negated]
        by_number = self._by_number(table, self._without_others_numbers(table, self._without_fillers(said)), today)
        if isinstance(by_number, _UnitQuestion):
            return self._which_unit(table, said, by_number)
        if by_number is not None:
            # An option that says the number is not known yields to the number said beside it:
            # "não sei de quantas semanas, acho que uns 8 meses" gives the estimate (user test
            # pt-BR 21: filed as weeks unknown, and the early-pregnancy questions were asked).
            found_words = tokens(said_as_found)
            matches = [m for m in matches if not self.language.unsure_in(found_words[m.start:m.end])]
        named = self._taken_in(table, self._named(table, matches), matches, said_as_found)
        picked = self._read_one_option(table, typed, said, matches, negated, named, by_number)
        if picked.ok and table.question.asks_when_contradicted:
            return self._unless_contradicted(table, picked, matches, by_number)
        return picked

    def named_by_a_number(self, question_id: str, text: str, given: Any) -> list[int]:
        """The option a number said with this question's unit names, where `text` takes back
        the number of the answer `given` ("sorry i mean 38 weeks not 18" typed at a later
        question, after "18 weeks"): a correction of this question, though a number said in
        passing is otherwise not its own without its lead. Without the number taken back
        ("actually 3 weeks not 2" after a week of pregnancy) it is another question's."""
        table = self.tables[question_id]
        said = _plain_words(text)
        words, denied = tokens(said), self._denied_numbers(table, said)
        if not any(self._read(question_id, " ".join(words[start + 1:end])).value == given for start, end in denied):
            return []
        return self.named_with_its_unit(question_id, text)

    def corrected_number(self, question_id: str, text: str, given: float) -> float | None:
        """The number `text` gives for a number question instead of `given`, which it takes
        back ("afinal são 6 semanas e não 3", "actually it's been 6 weeks not 3" after "3
        weeks"): None unless a number taken back reads as `given` (user test pt 20b)."""
        table = self.tables[question_id]
        said = _plain_words(text)
        words = tokens(said)

        def reading(part: str) -> float | None:
            parsed = self._read(question_id, part)
            return float(parsed.value) if parsed.ok and isinstance(parsed.value, (int, float)) else None

        taken_back = [reading(" ".join(words[start + 1:end])) for start, end in self._denied_numbers(table, said)]
        if not any(value is not None and math.isclose(value, given, rel_tol=0.02) for value in taken_back):
            return None
        instead = reading(self._without_denied_numbers(table, said))
        return instead if instead is not None and not math.isclose(instead, given, rel_tol=0.02) else None

    def named_with_its_unit(self, question_id: str, text: str) -> list[int]:
        """The option a number said with this question's own unit names ("sorry i meant 22
        weeks" for a pregnancy held as 18 weeks); none for two such numbers or none."""
        said = self.number_with_its_unit(question_id, text)
        parsed = self._read(question_id, said) if said else None
        if parsed is None or not parsed.ok or parsed.value is None:
            return []
        return [i for i, option in enumerate(self.tables[question_id].options) if option.value == parsed.value]

    def number_with_its_unit(self, question_id: str, text: str) -> str:
        """The one number of `text` said with this question's own unit ("22 weeks"), as
        words to read; "" for none or two (a number taken back, "not 18", aside)."""
        table = self.tables[question_id]
        kept = tokens(self._without_denied_numbers(table, _plain_words(text)))
        said = {f"{kept[at]} {kept[at + 1]}" for at in range(len(kept) - 1)
                if _NUMBER.fullmatch(kept[at]) and kept[at + 1] in table.named_units}
        return said.pop() if len(said) == 1 else ""

    def _denied_numbers(self, table: _Table, said: str) -> list[tuple[int, int]]:
        """Where a number is taken back in `said`: a negation right before it, with the
        number's unit if one follows (word positions, the negation's to after the number's)."""
        words = tokens(said)
        denying = self.language.negations | self.language.clause_negations
        return [(at, at + 3 if at + 2 < len(words) and words[at + 2] in table.named_units else at + 2)
                for at in range(len(words) - 1) if words[at] in denying and _NUMBER.fullmatch(words[at + 1])]

    def _without_denied_numbers(self, table: _Table, said: str) -> str:
        """`said` without a number taken back by the negation right before it, with its unit,
        when another number is left: "38 weeks not 18", "38 semanas e nao 18", "not 54, 45",
        "3 weeks not 3 days" (user test en 19: "i mean 38 weeks not 18" was not understood;
        "38 semanas e nao 18" read its "nao" as "not pregnant", and "not 54, 45" took 54)."""
        words, spans = tokens(said), token_spans(said)
        denied = self._denied_numbers(table, said)
        left = [at for at, word in enumerate(words)
                if _NUMBER.fullmatch(word) and not any(start <= at < end for start, end in denied)]
        if not denied or not left:
            return said
        for start, end in reversed(denied):
            said = said[:spans[start][0]] + " " + said[spans[end - 1][1]:]
        return " ".join(said.split())

    def _unsure_after_a_correction(self, said: str) -> bool:
        """An answer taken back by a way of saying "don't know" after a correction word at a
        clause's start, a filler or a yes or no before it ("no, actually not sure", "no not
        pregnant. well actually i might be", "não, afinal não sei"): the last word is unsure
        (user test en 27: recorded "Not pregnant", and the advice with it)."""
        words = tokens(said)
        leading = CLAUSE_PUNCTUATION | self.yes_no_words | {w for w in self.fillers if " " not in w}
        for _, end in self._corrections(words, leading):
            after = " ".join(w for w in words[end:] if w not in CLAUSE_PUNCTUATION)
            if any(re.search(rf"(?<![\w]){re.escape(unsure)}(?![\w])", after)
                   for unsure in self.dont_know if len(unsure) >= 3):
                return True
        return False

    def _yes_no_after_a_correction(self, table: _Table, said: str) -> str | None:
        """At a yes/no question, what follows the last correction word that opens a clause or
        follows a yes or no ("no, actually yes", "no... actually yes i did"), when it opens
        with a yes or a no of its own: that is the answer (user test en 27: "no, actually yes"
        at the fever question was recorded as no fever)."""
        if not any(isinstance(option.value, bool) for option in table.options):
            return None
        words = tokens(said)
        starts = list(self._corrections(words, CLAUSE_PUNCTUATION | self.yes_no_words))
        if not starts:
            return None
        at, end = max(starts)
        if any(w in self.yes for w in words[:at]) and any(w in self.no for w in words[:at]):
            return None  # "sim, não, quer dizer, não": torn before it, asked
        after = [w for w in words[end:] if w not in CLAUSE_PUNCTUATION]
        return " ".join(after) if after and after[0] in self.yes_no_words else None

    def _correction_at(self, words: list[str]) -> int | None:
        """Where the last correction in `words` begins, said where one begins: at a clause's
        start or after a plain no ("left... actually no wait", "both, no sorry", "45, no wait
        54"), not inside one ("both actually, worse on the right")."""
        return max((at for at, _ in self._corrections(words, CLAUSE_PUNCTUATION | self.yes_no_words, at_start=True)),
                   default=None)

    def _corrections(self, words: list[str], leading: AbstractSet[str],
                     at_start: bool = False) -> Iterator[tuple[int, int]]:
        """Where each correction phrase in `words` starts and ends, after a word of `leading`
        (or, `at_start`, as the first word): "no, actually yes", "45, no wait 54"."""
        for at in range(len(words)):
            if not (at_start and at == 0) and (at == 0 or words[at - 1] not in leading):
                continue
            for phrase in self.correction_words:
                if phrase and tuple(words[at:at + len(phrase)]) == phrase:
                    yield at, at + len(phrase)

    def _without_anothers_measure(self, table: _Table, found: list[Match], said: str) -> list[Match]:
        """Without a word right beside another question's measure and none of this one's:
        "wcc normal" at the CRP question is the white cell count's (user test en 15: typed
        at the CRP's unit question, it was recorded as a normal CRP)."""
        # (names of three letters or more, as `_named_beside_measure`: "o" or "t" name nothing here)
        others = {word for word in self.others_measures[table.question.id] if len(word) >= 3}
        if not others:
            return found
        words = tokens(said)
        own = set(table.measures) | table.clause_words

        def anothers(match: Match) -> bool:
            # ...or in a clause that names another's measure and none of this one's words:
            # "crp only slightly raised" at the white cell count is the CRP's, not a raised count
            # (the clause cut at punctuation too, when the narrower one names neither: "only"
            # breaks a clause, "crp only slightly raised" is still said of the CRP)
            start, end = self._clause_around(words, match.start)
            clause = words[start:max(end, match.end)]
            if not _names_any(clause, others | own):
                start = next((i + 1 for i in range(match.start - 1, -1, -1) if words[i] in CLAUSE_PUNCTUATION), 0)
                end = next((i for i in range(match.end, len(words)) if words[i] in CLAUSE_PUNCTUATION), len(words))
                clause = words[start:end]
            if _names_any(clause, others) and not _names_any(clause, own):
                return True
            return _next_to(words, match, others) and not _next_to(words, match, own)

        return [m for m in found if not anothers(m)]

    def names_another_answer(self, question_id: str, part: str) -> bool:
        """`part` of an answer to `question_id` names an answer to another question, or holds
        a number: what may have been kept for a later question ("xray fine"), not a part
        understood by none ("shes been wetting herself")."""
        said = _plain_words(part)
        return any(ch.isdigit() for ch in said) or any(
            table.phrases.find(said) for other_id, table in self.tables.items() if other_id != question_id)

    def _without_shared_words_beside_another(self, table: _Table, found: list[Match], said: str) -> list[Match]:
        """Without the words of an option with `shared_words_alone` that other questions'
        answers share ("normal", "ok"), when something else in the answer names another
        question's answer ("bloods normal": the blood tests, kept for their question)."""
        if not any(option.shared_words_alone for option in table.options):
            return found
        own = [(m.start, m.end) for m in found]
        others = [m for other in self.tables.values() if other is not table for m in other.phrases.find(said)]
        if all(any(start <= m.start and m.end <= end for start, end in own) for m in others):
            return found  # nothing but this answer's own words: "normal" alone is walking's
        shared = {(m.start, m.end) for m in others}
        return [m for m in found if not ((m.start, m.end) in shared
                                         and all(table.options[i].shared_words_alone for i in m.options))]

    def _no_of_a_correction(self, table: _Table, said: str) -> str:
        """`said` with the plain no right after a correction word set apart as a clause break,
        where no answer is a yes or a no: in "left hip. actually no its the right one" the
        "no" takes back the left, and denies nothing after it (user test en 19: the right was
        read as denied, and the left kept). At a yes/no question that "no" is the answer."""
        if any(isinstance(option.value, bool) for option in table.options):
            return said
        words = tokens(said)
        taken_back = [at + len(phrase) for at in range(len(words)) for phrase in self.correction_words
                      if phrase and tuple(words[at:at + len(phrase)]) == phrase
                      and at + len(phrase) < len(words) and words[at + len(phrase)] in self.no]
        for at in taken_back:
            words[at] = ","
        return " ".join(words) if taken_back else said

    def _after_a_correction(self, found: list[Match], said: str) -> list[Match]:
        """Only what is named after a correction ("both, no sorry just the left", "left...
        actually no wait, it was the right"), when something else was named before it: the
        answer corrected in the same message is the last (user test en 15: it was asked
        again, or the first was kept)."""
        words = tokens(said)
        at = self._correction_at(words)
        if at is None:
            return found
        before = {m.option for m in found if m.end <= at and not m.negated and len(m.options) == 1}
        after = [m for m in found if m.start > at]
        named_after = {m.option for m in after if not m.negated and len(m.options) == 1}
        return after if before and named_after and not named_after <= before else found

    def _without_later_verb_negations(self, found: list[Match], said: str) -> list[Match]:
        """After an answer that opens on a plain yes or no, a later "no" or "não" that goes on
        to a verb in its clause denies that verb, and answers nothing: "sim, às vezes, o
        paracetamol não chega" is yes (user test pt 14: it was asked "Sim ou Não?"). A
        later one standing alone in its clause ("yes... no, wait") still counts."""
        words = tokens(said)
        plain = [m for m in found if " ".join(words[m.start:m.end]) in self.yes_or_no]
        if not plain or plain[0].start != 0:
            return found

        def alone_in_its_clause(match: Match) -> bool:
            start = max((i + 1 for i in range(match.start) if words[i] in CLAUSE_PUNCTUATION), default=0)
            end = next((i for i in range(match.end, len(words)) if words[i] in CLAUSE_PUNCTUATION), len(words))
            return all(word in self.yes_no_words for word in words[start:end])
        return [m for m in found if m not in plain[1:] or alone_in_its_clause(m)]

    def _without_others_yes_no(self, table: _Table, found: list[Match], said: str) -> list[Match]:
        """Without a plain yes or no that is part of another question's answer: "no fever" or
        "não tive febre" at the pregnancy question, "nao fiz exames" at any other, answer
        the fever and the tests, not this question (user test pt: "nao fiz exames ainda"
        had been read as "not pregnant")."""
        words = tokens(said)
        plain = [m for m in found if " ".join(words[m.start:m.end]) in self.yes_or_no]
        if not plain:
            return found
        # another question's phrase of two words or more, not all of them yes or no ("nope never")
        covered = {i for other_id, other in self.tables.items() if other_id != table.question.id
                   for m in other.phrases.find(said) if m.end - m.start > 1
                   and not set(words[m.start:m.end]) <= self.yes_no_words for i in range(m.start, m.end)}
        # ...or right beside a word that names another question's answer on its own: "no
        # nsaids, co-codamol", "ibuprofen yes" at the fever question are the painkillers'
        # (en user test 18: recorded as no fever)
        named_here = {" ".join(words[m.start:m.end]) for m in table.phrases.find(said)}
        covered |= {i for other_id, other in self.tables.items() if other_id != table.question.id
                    for m in other.phrases.find(said) if " ".join(words[m.start:m.end]) in other.named_alone
                    and " ".join(words[m.start:m.end]) not in named_here
                    for i in (m.start - 1, m.end) if 0 <= i < len(words)}
        # ...or a no that another checklist reads as denying its items by name, with nothing of
        # this question's after it: "no trauma", "no PMH" at the fever question are the
        # injury's and the history's (user test en 28: recorded as no fever)
        for m in plain:
            end = self._clause_around(words, m.start)[1]
            rest = " ".join(words[m.end:end])
            if not rest or table.phrases.find(rest) or " ".join(words[m.end:m.end + 1]) in self.yes_or_no:
                continue
            denied = " ".join(words[m.start:end])
            if any(other_id != table.question.id and other.question.kind == "checklist"
                   and self.denied_by_name(other_id, denied) for other_id, other in self.tables.items()):
                covered.update(range(m.start, m.end))
        return [m for m in found if m not in plain or not covered.intersection(range(m.start, m.end))]

    def _without_a_no_to_another(self, table: _Table, found: list[Match], said: str) -> list[Match]:
        """Without a plain "no" that denies the word right after it, when that word is no
        item of this checklist but names another question's answer, even one it shares
        ("no scans" is the tests', and says nothing of bleeding or the baby's movements).
        User test en 20b: "no scans, midwife said its SPD" at the pregnancy warning signs
        was ticked "None of these"; a warning checklist is asked again instead."""
        words = tokens(said)
        plain = [m for m in found if " ".join(words[m.start:m.end]) in self.yes_or_no and m.end < len(words)]
        if not plain:
            return found
        named_here = {at for m in table.phrases.find(said) if not table.options[m.option].exclusive
                      for at in range(m.start, m.end)}
        # ...but another question's "none" or "don't know" is a no all the same: "no nothing
        # else", "no none of those" (a script of session 19: a fall at 67)
        others = {m.start for other_id, other in self.tables.items() if other_id != table.question.id
                  for m in other.phrases.find(said)
                  if not set(words[m.start:m.end]) <= self.yes_no_words and m.start not in named_here
                  and not all(other.options[i].exclusive for i in m.options)}
        # ...or two words on, a verb or "history of" between: "i dont take prednisolone" at the
        # tests (user test en 21) is the steroids' no, not "None of these yet"
        return [m for m in found if m not in plain or not any(
            at in others for at in range(m.end, min(m.end + 3, self._clause_around(words, m.start)[1])))]

    def _without_nones_of_other_phrases(self, table: _Table, found: list[Match], said: str) -> list[Match]:
        """Without a denial ("No", "None of these") read from a negation word that belongs to
        another phrase: "sem razão nenhuma", "for no reason", "nothing happened" deny nothing
        asked (user test pt 21: "começou há 3 semanas sem razão nenhuma" was recorded as no
        pregnancy warning sign); and "or anything", "nem nada" only widen the denial before
        them, so they deny this question's items only after a denial of this question ("no
        bleeding or anything"), not after another's ("n caí nem nada" at the tests)."""
        words = tokens(said)
        idioms = _spans(words, self.negation_of_another_phrase)
        widening = _spans(words, self.or_anything)
        if not idioms and not widening:
            return found

        def denial(match: Match) -> bool:
            return all(table.options[i].value is False
                       or (table.options[i].exclusive and table.options[i].value is not None) for i in match.options)

        def within(match: Match, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
            return next(((start, end) for start, end in spans if start <= match.start and match.end <= end), None)

        kept = []
        for match in found:
            if denial(match) and within(match, idioms) is not None:
                continue
            span = within(match, widening) if denial(match) else None
            if span is not None:
                clause_start = self._clause_around(words, span[0])[0] if span[0] else 0
                if not any(other is not match and clause_start <= other.start and other.end <= span[0]
                           for other in found):
                    continue  # "n caí nem nada": what it widens is no denial of this question's
            kept.append(match)
        return kept

    def _without_others_pronouns(self, table: _Table, found: list[Match], said: str, typed: str) -> list[Match]:
        """Without "he" or "she" where the writer speaks of themselves ("the doctor said he
        thinks..., my hip hurts"): the pronoun is someone else (Answer.third_person). As
        typed: a relative's "ela caiu" is read as "caí" only to match the options' words."""
        typed_words = tokens(_plain_words(typed))
        if not table.third_person or not self.first_person.intersection(typed_words) or listed_in(
                typed_words, self.written_for) or self.asks_for_someone_else(typed):  # "my wife's hip... she's 45"
            return found
        words = tokens(said)
        return [m for m in found if " ".join(words[m.start:m.end]) not in table.third_person]

    def _read_one_option(self, table: _Table, text: str, said: str, matches: list[Match], negated: list[Match],
                         named: list[int], by_number: int | None) -> Parsed:
        words_first = table.question.named_first and any(table.options[i].value is not None for i in named)
        # A word that names one option without a number stops a number from deciding ("had a
        # baby 4 months ago" is no week of pregnancy); a word several options share does not
        # ("yes, 30 weeks").
        alone = [m.option for m in matches if len(m.options) == 1]
        # Where the graver answer comes first, words naming a graver one than the number's win:
        # "37.9 with chills" (rigors) is a fever, not "No" (user test pt 13, after a curettage).
        # "yes 37.5" and "tive 37º de febre" say no more than the number: plain words and the
        # measure's own words ("fever", "febre") are no graver answer
        plain = set(self.yes + self.no) | set(table.measures)
        graver = [m.option for m in matches if len(m.options) == 1 and by_number is not None and m.option < by_number
                  and table.options[m.option].value is not None
                  and " ".join(tokens(said)[m.start:m.end]) not in plain]
        if by_number is not None and table.question.gravest_first and graver:
            return self._option(table, min(graver))
        if by_number is not None and not words_first and not any(
                table.options[i].numbers is None and not table.options[i].measures
                and table.options[i].value is not None for i in alone):
            return self._option(table, by_number)
        if not named and negated:
            named = self._negated_meaning(table, negated)
        if not named:
            fuzzy = self._without_relatives_of_the_writer(table, table.phrases.fuzzy(said), said, text)
            fuzzy = self._not_with(table, said, fuzzy)  # a slip is read in its words too: "rigt after i bent down"
            if table.question.relatives_only_when_for_them and not self.asks_for_someone_else(text):
                # "sorry to bother you", "a anca falha": no slip of "brother" or "filha"
                words = tokens(said)
                fuzzy = [m for m in fuzzy if not self.who.near_a_relative(words[m.start:m.end])]
            named = list(dict.fromkeys(i for m in fuzzy if not m.negated for i in m.options))
        if not named:
            named = self._by_ordinal(table, said)
        informative = [i for i in named if table.options[i].value is not None]
        if informative and len(informative) < len(named):  # "not sure, it's been building": it says enough
            named = informative
        if len(named) == 1:
            return self._option(table, named[0])
        if len(named) > 1:
            return self._clarify(table, named)
        return Parsed(False, error="choose_one", values={"answer": quote(text)})

    def _unless_contradicted(self, table: _Table, picked: Parsed, matches: list[Match],
                             by_number: int | None) -> Parsed:
        """`picked`, unless other words or a number in the answer point to another option:
        "no, im pregnant", "no baby yet, 34 weeks", "not pregnant anymore, had her 6 weeks
        ago" are asked about, not read as "not pregnant" (at the pregnancy question a wrong
        "no" would allow medicines that are unsafe)."""
        chosen = next(i for i, o in enumerate(table.options) if o.value == picked.value)
        taken_in = {chosen, *(i for i, o in enumerate(table.options) if o.value in table.options[chosen].includes)}
        # A word that may mean the chosen option too ("yes" in "yes, 30 weeks") points nowhere
        # else; a number points elsewhere only against an option that no number goes with
        # ("no... 34 weeks"), not against one that carries its own time ("tive um aborto na
        # semana passada").
        numbered = by_number is not None and table.options[chosen].contradicted_by_a_number
        signalled = [i for m in matches if chosen not in m.options for i in m.options] + (
            [by_number] if numbered and by_number is not None else [])
        others = [i for i in dict.fromkeys(signalled) if i not in taken_in and table.options[i].value is not None]
        return self._clarify(table, [chosen, *others]) if others else picked

    def _without_others_numbers(self, table: _Table, said: str) -> str:
        """`said` without the numbers another question's words tie to it ("about 3 weeks ago",
        "for 2 months": how long, not a week of pregnancy), for a question that reads
        numbers as its options."""
        if not any(option.numbers for option in table.options):
            return said
        leads, follows = self.numbers_others_leads[table.question.id], self.numbers_others_follows[table.question.id]
        said = self._without_times_led_by_others(table, said, leads)
        # "over a couple weeks" is "over 2 weeks"; but "came on yesterday" keeps its day, a
        # time the question may read itself (the onset: sudden), not a count tied to another's
        words = self._number_words(said, self.bare_numbers)
        tied = self._tied_numbers(words, leads, follows, table.named_units)
        # ...unless this question's own words lead to it too: "estou com 36 semanas" (an age's
        # "com 36 anos" is another question's lead, "estou com" this one's)
        # ...or counts back to it: "faltam umas 3 semanas" (`counted_back`)
        own = table.leads | (table.counted_back.before | table.counted_back.passed_before
                             if table.counted_back else frozenset()) | frozenset(
            word for _, before, _ in table.told_by_number.values() for word in before)
        # ...or is part of a date this question's words lead to: "c-section booked for 15 december"
        dated = {i for d in self._due_dates(table, words) for i in range(d.start, d.end)}
        # ...and a number with its unit in a clause of its own after another question's answer
        # that such a number follows ("anca esquerda, 5 semanas" is how long: user test pt 26,
        # read as a first trimester), where nothing of this question's own is named
        if not table.phrases.find(said):
            tied += [span for other in self.tables.values()
                     if other is not table and other.question.said_alone_after_answers_to
                     for span in self._alone_after(
                         words, other.named_units, other.leads | other.follows,
                         functools.partial(self._answers_plainly, other.question.said_alone_after_answers_to))]
        drop = {i for at, end in tied if not self._led(words, at, own) and at not in dated
                for i in range(at, end + 1)}
        return " ".join(word for i, word in enumerate(words) if i not in drop) if drop else said

    def _without_times_led_by_others(self, table: _Table, said: str, leads: frozenset[str]) -> str:
        """`said` without the times said in words ("o mês passado", "last month": a time with
        its unit, `numbers` phrases) right after another question's lead ("desde o mês
        passado", "since last month": how long, not a first trimester; user test pt 26),
        unless this question's own words lead to it."""
        times = [phrase for phrase, value in self.numbers.phrases.items() if not _NUMBER_WORD.fullmatch(value)]
        if not times:
            return said
        words = tokens(said)
        dropped: set[int] = set()
        for phrase in times:
            for at in _places(words, tuple(tokens(phrase))):
                lead = next((size for size in (3, 2, 1) if at >= size
                             and " ".join(words[at - size:at]) in leads), 0)
                if lead and not self._led(words, at, table.leads):
                    dropped.update(range(at - lead, at + len(tokens(phrase))))
        return " ".join(word for i, word in enumerate(words) if i not in dropped) if dropped else said

    def _without_hints(self, table: _Table, found: list[Match], said: str) -> list[Match]:
        """Words that only hint at an option ("i can walk", "dói") yield to plainer words
        for another ("limping"): dropped when such a word is there."""
        if not table.hints:
            return found
        words = tokens(said)
        hinted = [m for m in found if " ".join(words[m.start:m.end]) in table.hints]
        plain = {i for m in found if m not in hinted and not m.negated for i in m.options
                 if table.options[i].value is not None and not table.options[i].yields_to_hints}
        return [m for m in found if m not in hinted or not plain or plain.issuperset(m.options)]

    def _taken_in(self, table: _Table, named: list[int], matches: list[Match], said: str) -> list[int]:
        """An option named with those it takes in (`includes`) is that option: "both,
        worse on the right" is both; not when its word is asked ("both? mostly right")."""
        words = tokens(said)
        for index in named:
            taken = [i for i, o in enumerate(table.options) if o.value in table.options[index].includes
                     and o.value is not None]
            asked = any(index in m.options and m.end < len(words) and words[m.end] == "?" for m in matches)
            # ...named by more than a plain yes: "sim, aspirina 150" is asked about, for the
            # aspirin is no anti-inflammatory at that dose ("ibuprofen and paracetamol" is a yes)
            plain = all(words_only(" ".join(words[m.start:m.end])) in self.yes_or_no
                        for m in matches if index in m.options)
            if taken and not asked and not plain and set(named) - {index} <= set(taken):
                return [index]
        return named

    def _named(self, table: _Table, matches: list[Match]) -> list[int]:
        """The options the words name. A word several options share ("yes" at the pregnancy
        question, "as duas" at where the pain is) counts only where no plainer word names
        an option: "nas virilhas, as duas" is the groin, "yes, had a baby" the baby; words
        that are all shared name what they have in common ("yeah, pregnant": a trimester).
        Words naming "don't know" count only when nothing else is named."""
        sets = [m.options for m in matches]
        informative = [o for o in sets if any(table.options[i].value is not None for i in o)]
        if not informative:
            return list(dict.fromkeys(i for o in sets for i in o))
        plain = [o for o in informative if len(o) == 1]
        if plain:
            return list(dict.fromkeys(o[0] for o in plain))
        common = set(informative[0]).intersection(*informative[1:])
        return [i for i in dict.fromkeys(i for o in informative for i in o) if not common or i in common]

    def _after_exception(self, table: _Table, found: list[Match], said: str) -> list[Match]:
        """"Fine until I walk far", "can walk but it hurts": where options are named both
        before and after an exception word ("until", "unless", "but"), the ones after it are
        the answer, if they say more than a yes, a no or "don't know" ("sim, mas não
        sempre" is yes; "grávida mas não sei de quantas semanas" still pregnant)."""
        words = tokens(said)

        def says_more(match: Match) -> bool:
            return not match.negated and any(table.options[i].value is not None for i in match.options) \
                and words_only(" ".join(words[match.start:match.end])) not in self.yes_or_no

        def weak(match: Match) -> bool:  # a hint ("can walk"), or an answer that yields to one ("fine")
            return words_only(" ".join(words[match.start:match.end])) in table.hints or all(
                table.options[i].yields_to_hints for i in match.options)
        for start in range(len(words)):
            for exception, contrast in [*((e, False) for e in self.exceptions), *((c, True) for c in self.contrasts)]:
                if exception and tuple(words[start:start + len(exception)]) == exception:
                    before = [m for m in found if m.end <= start]
                    # ("mas dói" may itself be a phrase: it starts at the exception)
                    after = [m for m in found if m.start >= start + len(exception)
                             or (m.start == start and m.end > start + len(exception))]
                    if before and any(says_more(m) for m in after) and (not contrast or all(weak(m) for m in before)):
                        return after
        return found

    def _by_ordinal(self, table: _Table, said: str) -> list[int]:
        """"the first one", "the last": the option at that place in the list (a short answer
        only, the ordinal said last or before "one")."""
        if len(said.split()) > 4:
            return []
        words = re.findall(r"[\w'’]+", said)
        # "the last one", "a segunda" (not "last night", "desde segunda"... read elsewhere)
        places = {self.ordinals[w] for i, w in enumerate(words) if w in self.ordinals
                  and (i + 1 == len(words) or words[i + 1] in self.ordinal_nouns)}
        if len(places) != 1:
            return []
        place = places.pop()
        index = place - 1 if place > 0 else len(table.options) + place
        return [index] if 0 <= index < len(table.options) else []

    def _negated_meaning(self, table: _Table, negated: list[Match]) -> list[int]:
        """What a denial means: at a yes/no question a denied "yes" word is the no ("no
        fever", "not breastfeeding"); elsewhere, the option a denied one names as its
        `when_denied` ("walking doesn't make it worse" is no worse), if they all agree."""
        meant = set()
        for match in negated:
            for index in match.options:
                option = table.options[index]
                target = False if option.value is True else option.when_denied
                if target is None:
                    return []
                meant.add(target)
        if len(meant) != 1:
            return []
        value = meant.pop()
        return [i for i, o in enumerate(table.options) if o.value == value and type(o.value) is type(value)]

    def _by_number(self, table: _Table, said: str, today: date | None = None) -> int | _UnitQuestion | None:
        """The option a typed number picks: a week of pregnancy, a temperature, a CRP; or,
        when a bare number picks different options in the units its measure is reported in
        ("PCR 12,4": 12,4 mg/L is a little raised, 12,4 mg/dL very raised), which unit."""
        ranged = [(i, o) for i, o in enumerate(table.options) if o.numbers is not None or o.measures]
        if not ranged or self._an_offset(table, said):  # "a few days after the birth" says when, not how fast
            return None
        left = self._counted_back(table, said, today)
        if left:  # "due in 3 weeks": week 37, whatever else the numbers say
            holding = {i for i, o in ranged if o.numbers is not None for value in left if _holds(o.numbers, value)}
            return holding.pop() if len(holding) == 1 else None
        told = {index for _, _, index in self._told_by_number(table, self._number_words(said))}
        if told:  # "6 weeks pp", "my 4 month old": after the birth, whatever the weeks would pick
            return told.pop() if len(told) == 1 else None
        # Every quantity gives a list of readings per measure; a reading is the (measure,
        # value) it may be, and a bare lab number may be several, one per plausible unit.
        alternatives: list[list[tuple[tuple[str, float, str], ...]]] = []
        for typed in self._quantities(table, said):
            quantity = self._with_unit(table, typed)
            if quantity is None or quantity.negative:  # "tive um aborto": the "um" is no number of weeks
                continue
            if not quantity.unit and quantity.lead.split()[-1:] and quantity.lead.split()[-1] in table.age_after:
                continue  # "menopause at 40": an age, no week
            if self._anothers_measurement(table, quantity) or (
                    quantity.word_after in self.others_units[table.question.id]):
                continue  # "crp 12 wcc 8.1": the 12 is the CRP's; "crp ... last month": a time
            measure = next((table.measures[w] for w in quantity.words if w in table.measures), None)
            scale = next((w for w in quantity.words if w in table.scale_words), "")
            if measure is not None or scale or not any(o.numbers for _, o in ranged):
                measured = quantity.value if quantity.highest is None else quantity.highest  # a range's worst
                below = quantity.highest is None and self._below_a_limit(quantity)
                for units in self._readings(table, measured, measure, scale, below):
                    alternatives.append([((name, value, unit),) for name, value, unit in units])
            else:
                held = [i for i, o in ranged if quantity.unit in table.units and o.numbers is not None and _holds(
                    o.numbers, quantity.value * table.units[quantity.unit]) and (not o.span or self._a_span(quantity))]
                alternatives.append([tuple(("", float(i), "") for i in held)] if held else [])
        alternatives = [a for a in alternatives if a]
        if math.prod(len(a) for a in alternatives) > MAX_READINGS:  # a list of numbers: each in its first unit
            alternatives = [a[:1] for a in alternatives]
        outcomes: dict[tuple[tuple[str, float, str], ...], int | None] = {}
        for combination in itertools.product(*alternatives):
            readings = [reading for group in combination for reading in group]
            outcomes[tuple(readings)] = self._picked(table, ranged, readings)
        answers = {answer for answer in outcomes.values() if answer is not None}
        if len(answers) > 1:
            unclear = self._unit_question(table, outcomes)
            if unclear is not None:
                return unclear
        return next(iter(answers)) if len(answers) == 1 else None

    def _led_as_anothers_number(self, table: _Table, quantity: Quantity) -> bool:
        """A number led by another number question's `said_before_number` words and none of
        this one's ("tem 78 anos", "im 45" at how long): that question's number."""
        lead = quantity.lead.split()
        others = self.others_leads[table.question.id]
        return any(" ".join(lead[-size:]) in others for size in (1, 2, 3) if len(lead) >= size)

    def _followed_as_anothers_number(self, table: _Table, said: str, quantity: Quantity) -> bool:
        """A number with its unit that another number question's `follows` words come right
        after ("6 meses atrás", "6 months ago"): that question's number."""
        after = tokens(said[quantity.start:])[2 if quantity.unit else 1:]
        others = self.others_follows[table.question.id]
        return any(" ".join(after[:size]) in others for size in (1, 2, 3) if len(after) >= size)

    def _anothers_reading(self, table: _Table, quantity: Quantity) -> bool:
        """The number is typed with another question's measure word after it and falls in one
        of its readings: "101F", "39.2C" at how long are temperatures, not 101 weeks (user
        test en 17: "101F" at how long was 23 months). "45 F" is no temperature: 45 °F is
        no reading of a body's."""
        words = {quantity.unit, quantity.next_word} - {""}
        for other in self.tables.values():
            if other is table:
                continue
            for word in words & set(other.measures):
                measure = other.measures[word]
                if any(measure in o.measures and _holds(o.measures[measure], quantity.value) for o in other.options):
                    return True
        return False

    def _anothers_measurement(self, table: _Table, quantity: Quantity) -> bool:
        """The number measures something another question or no question asks: right after
        another's measure word ("crp 12"), after it in its clause with no number nor word of
        this question between ("a PCR deu 12", "crp came back at 12" at how long), or with a
        unit of another kind ("perdi uns 4 kg" is no white cell count of 4; user test pt 22)."""
        if (quantity.unit or quantity.next_word) in self.other_measure_units:
            return True
        return self._measures_another(table, quantity) or self._in_anothers_measure_clause(table, quantity)

    def _in_anothers_measure_clause(self, table: _Table, quantity: Quantity) -> bool:
        """A number with no unit after another question's measure word in its clause, with no
        other number nor any of this question's own words between ("a pcr deu 12")."""
        if quantity.unit:
            return False
        lead = tokens(quantity.lead)
        lead = lead[max((i + 1 for i, w in enumerate(lead) if w in CLAUSE_PUNCTUATION), default=0):]
        others, own = self.others_measures[table.question.id], table.leads | set(table.measures)
        for at, size in itertools.product(range(len(lead)), (3, 2, 1)):
            if " ".join(lead[at:at + size]) in others:
                between = lead[at + size:]
                return not any(w[:1].isdigit() for w in between) and not any(
                    " ".join(between[i:i + n]) in own for i in range(len(between)) for n in (1, 2, 3))
        return False

    def _measures_another(self, table: _Table, quantity: Quantity) -> bool:
        """The number comes right after a word naming another question's measure ("crp 12"
        at the white cell count)."""
        lead = quantity.lead.split()
        others = self.others_measures[table.question.id]
        return any(" ".join(lead[-size:]) in others for size in (1, 2, 3) if len(lead) >= size)

    def _picked(self, table: _Table, ranged: list[tuple[int, Answer]],
                readings: list[tuple[str, float, str]]) -> int | None:
        """The option these readings pick: the highest at an escalating question, else the only one."""
        picked = []
        for name, value, _ in readings:
            if not name:  # a number in the question's own unit, already matched to its option
                picked.append(int(value))
                continue
            picked.extend(i for i, o in ranged if name in o.measures and _holds(o.measures[name], value))
        picked = list(dict.fromkeys(picked))
        if not picked:
            return None
        if table.question.escalating:
            return max(picked)
        if table.question.gravest_first:
            return min(picked)
        return picked[0] if len(picked) == 1 else None

    def _unit_question(self, table: _Table,
                       outcomes: dict[tuple[tuple[str, float, str], ...], int | None]) -> _UnitQuestion | None:
        """The units a bare number may be in, each with the option it would give."""
        by_unit: dict[str, int] = {}
        number = None
        for readings, answer in outcomes.items():
            for name, value, unit in readings:
                if unit and answer is not None:
                    by_unit.setdefault(unit, answer)
                    number = value / table.measure_units[name][unit]
        if number is None or len(set(by_unit.values())) < 2:
            return None
        return _UnitQuestion(number, list(by_unit.items()))

    def _which_unit(self, table: _Table, said: str, question: _UnitQuestion) -> Parsed:
        """Ask which unit, naming what each would mean; the answer waits for it (`pending`)."""
        shown = self._number(question.number)
        symbols = self.content.ui.unit_symbols
        choices = [f"{shown} {symbols.get(unit, unit)}" for unit, _ in question.readings]
        readings = [self.content.message("unit_reading", self.language_code, amount=choice,
                                         label=self.content.text(table.options[option].label, self.language_code))
                    for choice, (_, option) in zip(choices, question.readings, strict=True)]
        slot = _after_number(said, question.number)
        return Parsed(False, error="which_unit", understood=True, pending=slot, values={
            "choices": self.content.message("or", self.language_code).join(choices),
            "readings": "; ".join(readings), "example": choices[-1]})

    def _unit_alone(self, table: _Table, said: str) -> str | None:
        """The unit a reply names when it names no number ("mg/dL", "era em mg/dl")."""
        for unit in sorted(table.scale_words, key=len, reverse=True):
            found = re.search(rf"(?<![\w/]){re.escape(unit)}(?![\w/])", said)
            if found:
                rest = said[:found.start()] + said[found.end():]
                return None if re.search(r"\d", rest) else unit
        return None

    def _a_span(self, quantity: Quantity) -> bool:
        """"over 3 weeks", "ao longo de 3 semanas": a span of time, not a time since."""
        return any(re.search(rf"(?<![\w]){re.escape(span)}$", quantity.lead) for span in self.span_words)

    def _below_a_limit(self, quantity: Quantity) -> bool:
        """The number is typed as a result under a lab's reporting limit: "CRP <5"."""
        lead = tuple(tokens(quantity.lead.replace("<", " < ")))
        return any(lead[-len(words):] == words for words in self.below_a_limit if words)

    def _readings(self, table: _Table, number: float, measure: str | None,
                  scale: str, below: bool = False) -> list[list[tuple[str, float, str]]]:
        """What a typed number can be: for each measure it may be, the (measure, value in
        the unit of its options' ranges, unit word) it is in each unit it may be in.

        A named measure ("CRP 22") is that measure; otherwise the number is tried as every
        measure. A unit typed with it ("2.2 mg/dL") is converted by the measure's factors
        (questions.yaml `measure_units`), and a measure that has no such unit is not it. A
        bare number may be in any unit of its measure that some option holds: a white cell
        count of 12000 is per microlitre (12 x10^9/L), and a CRP of 12,4 may be in mg/L or in
        mg/dL, unless the language's labs agree on one (ui.yaml `usual_units`). A number no
        option holds in any unit is read in the options' own unit (and picks nothing).
        """
        names = [measure] if measure is not None else list(dict.fromkeys(
            name for option in table.options for name in option.measures))
        readings = []
        for name in names:
            factors = table.measure_units.get(name, {"": 1.0})
            if scale:
                if scale in factors:
                    readings.append([(name, number * factors[scale], scale)])
                continue
            ranges = [option.measures[name] for option in table.options if name in option.measures]
            units = {}  # factor -> a unit word of it
            for word, factor in factors.items():
                if word and factor not in units:
                    units[factor] = word
            fitting = [(name, number * factor, word) for factor, word in units.items()
                       if any(_holds(r, number * factor) for r in ranges)]
            usual = self.usual_units.get(name)
            if usual in factors and any(_holds(r, number * factors[usual]) for r in ranges):
                fitting = [(name, number * factors[usual], usual)]
            lowest = min(ranges, key=lambda r: r.from_, default=None)
            if below and lowest is not None:
                # "CRP <5": all of it normal in mg/L, so read there, just under the limit
                under = [(name, math.nextafter(value, 0.0), word) for name, value, word in fitting
                         if lowest.from_ <= value <= lowest.below]
                fitting = under or fitting
            if len(fitting) == 1:
                fitting = [(name, fitting[0][1], "")]  # the only unit it can be in: nothing to ask
            readings.append(fitting or [(name, number * factors.get("", 1.0), "")])
        return readings

    def _read_several(self, table: _Table, text: str, said: str) -> Parsed:
        if _OPTION_NUMBERS.match(said):
            numbers = [whole_number(n) for n in re.findall(r"\d+", said)]
            if all(n is not None and 1 <= n <= len(table.options) for n in numbers):
                return self.submit_selection(table.question.id, [n - 1 for n in numbers if n is not None])
        if said in self.all_of_them and table.question.kind == "checklist":
            items = [i for i, o in enumerate(table.options) if not o.exclusive]
            return self.submit_selection(table.question.id, items)
        read_in = next((t for t in (said, self._without_fillers(said)) if table.phrases.find(t)), said)
        found = table.phrases.find_with_typos(read_in) if table.phrases.find(read_in) else table.phrases.fuzzy(said)
        together = self._said_together(table, read_in)
        found = [*_outside_together(found, together, table.sharing), *together]
        found = [*found, *(m for m in self._named_by_amount(table, read_in)
                           if not any(f.start < m.end and m.start < f.end for f in found))]
        found = self._too_short(table, read_in, found)
        found = self._without_asked_about(found, read_in)
        before_not_with = found
        found = self._not_with(table, read_in, found)
        asks = self._kind_asked(table, read_in, before_not_with, found)
        if asks is not None:  # "steroids for my asthma": tablets or an inhaler?
            return Parsed(False, error="said_partly", understood=True, pending=f"{read_in}{KIND_SLOT}",
                          values={"ask": self.content.text(asks, self.language_code)})
        found = self._after_nothing(table, read_in, found)
        found = self._without_others_yes_no(table, found, read_in)
        found = self._without_a_no_to_another(table, found, read_in)
        found = self._without_nones_of_other_phrases(table, found, read_in)
        opinions = self._opinions(table, read_in, found)
        read_all, found = found, [m for m in found if m not in opinions]
        shared = [m for m in found if not m.negated and len(m.options) > 1]
        if shared and len(found) == 1 and not table.question.shared_names_tick_each:  # "had a scan": which one?
            return self._clarify(table, list(shared[0].options))
        ticked = list(dict.fromkeys(
            i for m in found if not m.negated
            for i in (m.options if table.question.shared_names_tick_each else (m.option,))
            if not table.options[i].exclusive))
        normal = [i for i in ticked if table.options[i].value == "normal"]
        if normal and len(ticked) > 1:  # "small effusion only, otherwise normal": the findings count
            ticked = [i for i in ticked if i not in normal]
        if ticked:
            unread = self._unread(table, read_in, read_all)
            return replace(self.submit_selection(table.question.id, ticked), unread=unread)
        found = self._without_negators(table, found, read_in)
        alone = list(dict.fromkeys(m.option for m in found if table.options[m.option].exclusive))
        if len(alone) == 1:
            unread = self._not_read_beside_nothing(table, read_in, found) if alone[0] == table.nothing else []
            if unread:
                return Parsed(False, error="nothing_with_unread", understood=True, unread=unread, values={
                    "words": ", ".join(f'"{quote(part)}"' for part in unread),
                    "none": self.content.text(table.options[alone[0]].label, self.language_code)})
            return self._option(table, alone[0])
        if found and all(m.negated and not table.options[m.option].exclusive for m in found) and (
                table.nothing is not None):
            # "no trauma", "No crescent sign.": the items denied say nothing of the others
            return self._denied(table, found, table.nothing, read_in)
        if self._only_a_yes(read_in):
            # "sim", "acho q sim", "yeah, some of them": a yes to some, not which (user test
            # pt-BR 19: "sim" at the pregnancy warning signs met "sorry, I did not catch that")
            return Parsed(False, error="which_of_them", understood=True)
        return Parsed(False, error="choose_several", values={"answer": quote(text)})

    def _only_a_yes(self, said: str) -> bool:
        """`said` is nothing but a yes, or words for "some of them", and fillers ("i think so"
        is a yes of its own, made of fillers)."""
        for words in (words_only(said).split(), words_only(self._without_fillers(said)).split()):
            ends = {0}  # where a run of such phrases from the start can end
            for start in range(len(words)):
                if start in ends:
                    ends.update(start + len(phrase) for phrase in self.yes_to_some
                                if tuple(words[start:start + len(phrase)]) == phrase)
            if words and len(words) in ends:
                return True
        return False

    def _after_nothing(self, table: _Table, said: str, found: list[Match]) -> list[Match]:
        """A finding right after the words of "nothing" is denied by them: "não tinha nada
        partido" (nothing was broken) is normal, not a break."""
        if table.nothing is None or table.question.kind == "checklist":
            return found
        words = tokens(said)
        denying = self.language.negations | self.language.clause_negations
        ends = {m.end for m in found if m.options == (table.nothing,) and not m.negated
                and denying.intersection(words[m.start:m.end])}  # "nada", "nothing": not "normal"
        stops = CLAUSE_PUNCTUATION | self.language.clause_breaks
        return [replace(m, negated=True) if not m.negated and m.options != (table.nothing,) and any(
            end <= m.start <= end + 1 and not set(words[end:m.start]) & stops for end in ends)
            else m for m in found]

    def _not_with(self, table: _Table, said: str, found: list[Match]) -> list[Match]:
        """Without the options named with a word that says it is not them (`not_with`): "só
        tomo cortisona em bomba para a asma" names no steroid tablets; "better at night" is
        no night pain, unless a word of worse is in the clause too (`not_with_unless`); "right
        after" is no side (`not_before`)."""
        words = tokens(said)
        kept = []
        for match in found:
            following = words[match.end] if match.end < len(words) else ""
            if following and any(following in table.not_before.get(i, frozenset()) for i in match.options):
                continue  # "right after", "right away": when, not which
            if following and following not in CLAUSE_PUNCTUATION \
                    and words_only(" ".join(words[match.start:match.end])) in table.at_clause_end:
                continue  # "coxalgia E." is the left; "anca e joelho" is "and"
            if not match.negated and words_only(" ".join(words[match.start:match.end])) in table.named_when_denied:
                continue  # "bleeding" said is no heavy bleeding; "no bleeding" denies it
            excluded = set().union(*(table.not_with.get(i, frozenset()) for i in match.options))
            # A time or place alone ("all night", "a noite toda") means what its sentence says it
            # was spent on: "up all night with the baby", "the baby won't settle, up all night"
            # (session 27: night pain at the warning signs)
            alone = words_only(" ".join(words[match.start:match.end])) in table.asked_only

            # ...in the clause of its first word or of its last, where a joining word parts the
            # two: "uma perna mais curta desde que nasci" ("mais" also joins, as "plus")
            def said_with(about: AbstractSet[str], at: int = match.start, last: int = match.end - 1,
                          alone: bool = alone) -> bool:
                return bool(about) and (any(self._in_clause_with(words, i, about) for i in (at, last))
                                        or (alone and self._in_sentence_with(words, at, about)))
            if match.negated or not (said_with(excluded) or any(
                    said_with(unsaying) and not said_with(unless)
                    for i in match.options for unsaying, unless in table.not_with_unless.get(i, []))):
                kept.append(match)
        return kept

    def _kind_asked(self, table: _Table, said: str, found: list[Match], kept: list[Match]) -> Any:
        """What is asked of an option named with words that leave its kind unsaid and nothing
        else to settle it (NotWithUnless.asks): "steroids for my asthma", not "prednisolone for
        my asthma" (tablets) nor "steroid inhaler" (denied); None when nothing is."""
        if not table.kind_asked:
            return None
        words = tokens(said)
        settled = {i for m in kept for i in m.options}
        for match in found:
            if match.negated or match in kept:
                continue
            for i in match.options:
                for unsaying, unless, asks in table.kind_asked.get(i, []):
                    if i not in settled and self._in_clause_with(words, match.start, unsaying) \
                            and not self._in_clause_with(words, match.start, unless):
                        return asks
        return None

    @staticmethod
    def _in_sentence_with(words: list[str], at: int, about: AbstractSet[str]) -> bool:
        """One of `about` is in the sentence of the word at `at` (between full stops, not
        commas): "up all night with the baby", "the baby won't settle, up all night"."""
        start = next((i + 1 for i in range(at - 1, -1, -1) if words[i] in _SENTENCE_ENDS), 0)
        end = next((i for i in range(at + 1, len(words)) if words[i] in _SENTENCE_ENDS), len(words))
        return _names_any(words[start:end], about)

    def _too_short(self, table: _Table, said: str, found: list[Match]) -> list[Match]:
        """An item denied by what its sentence says of it: one that needs an amount
        (`at_least`: "stiff for more than 30 minutes", "more than 14 units a week") by a
        smaller amount ("stiff for 10 mins", "só 5 minutos de rigidez", "10 units a week"),
        and any by words that say it is not what the item asks (`denied_by`: "not long";
        "lost 5kg on a diet", "I've been dieting and lost weight" is no weight lost without
        trying), unless a negation reaches those words ("I haven't been dieting")."""
        language = self.reads
        if not any(table.options[m.option].at_least or table.options[m.option].denied_by.get(language)
                   for m in found if not m.negated):
            return found
        spans = token_spans(said)
        words = tokens(said)
        sentences = [match.span() for match in re.finditer(r"(?:[^.;!?]|(?<=\d)\.(?=\d))+", said)]
        kept = []
        for match in found:
            option = table.options[match.option]
            begins = spans[match.start][0] if match.start < len(spans) else 0
            start, end = next(((a, b) for a, b in sentences if a <= begins < b), (0, len(said)))
            sentence = said[start:end]
            first = next((i for i, (a, _) in enumerate(spans) if a >= start), len(words))
            last = next((i for i, (a, _) in enumerate(spans) if a >= end), len(words))
            denials = [(first + at, first + at + len(phrase)) for phrase in self._phrases(option.denied_by)
                       for at in _places(words[first:last], phrase) if not table.phrases.negated_at(words, first + at)]
            # ...not where a word of much is said too, undenied and outside those words
            short = bool(denials) and not any(
                not table.phrases.negated_at(words, first + at)
                and not any(a <= first + at < b for a, b in denials)
                for phrase in self._phrases(option.not_denied_with)
                for at in _places(words[first:last], phrase))
            if option.at_least is not None:
                short = short or any(q.value * factor <= option.at_least.from_ if option.at_least.more_than
                                     else q.value * factor < option.at_least.from_
                                     for q, factor in self._amounts(option.at_least.unit, sentence))
            kept.append(replace(match, negated=True) if short and not match.negated else match)
        return kept

    def _phrases(self, listed: dict[str, list[str]]) -> list[tuple[str, ...]]:
        """The words of a per-language list in the language read, each as its tokens."""
        return [tuple(tokens(_plain_words(phrase))) for phrase in listed.get(self.reads, [])]

    def _amounts(self, unit: str, text: str) -> list[tuple[Quantity, float]]:
        """The amounts typed in `text` in a ui.yaml `units` table, each with its factor to the
        table's unit ("4 units a day": 4, 7 to units a week). A bare number is none."""
        table_units = self.content.ui.units[unit]
        units = {in_digits(_plain_words(word), self.numbers): factor for word, factor in table_units.items() if word}
        return [(q, units[q.unit]) for q in quantities(text, self.numbers, set(units)) if q.unit]

    def _named_by_amount(self, table: _Table, said: str) -> list[Match]:
        """The items an amount in their own unit names (`at_least.names_the_item`): "drinks
        ~60u/wk", "about 40 units a week" is heavy drinking; a smaller amount is denied."""
        words, spans = tokens(said), token_spans(said)
        named = []
        for index, option in enumerate(table.options):
            if option.at_least is None or not option.at_least.names_the_item:
                continue
            for quantity, _ in self._amounts(option.at_least.unit, said):
                at = next((i for i, (a, _) in enumerate(spans) if a >= quantity.start), len(words))
                if at < len(words):
                    named.append(Match((index,), at, at + 1, False))
        return self._too_short(table, said, named)

    def _opinions(self, table: _Table, said: str, found: list[Match]) -> list[Match]:
        """The words naming a diagnosis in the conclusion of a pasted report ("IMPRESSION: ...
        consistent with transient osteoporosis; AVN less likely"): the radiologist's opinion,
        not a finding."""
        if not table.diagnoses:
            return []
        words = tokens(said)
        begins = next((start for start in range(len(words)) for heading in self.conclusion_headings
                       if heading and tuple(words[start:start + len(heading)]) == heading
                       and (start == 0 or words[start - 1] in CLAUSE_PUNCTUATION)), None)
        if begins is None:
            return []
        return [m for m in found if m.start >= begins and " ".join(words[m.start:m.end]) in table.diagnoses]

    def _unread(self, table: _Table, said: str, found: list[Match]) -> list[str]:
        """The parts of a several-answer reply that name nothing ("a tiny bleb" in "oedema and
        a tiny bleb"), to be said back rather than dropped in silence. A part is what lies
        between commas, "and", "but"...; it is left alone when it denies something (a denial
        of what is not listed changes nothing), or holds only words of the question's own
        phrases, hedges, fillers and words of up to three letters ("MRI:", "small", "idk")."""
        unread = []
        for part, end in self._parts(said, found, marked=True):
            if not part or "" in part or any(w in self.language.negations or w in self.language.clause_negations
                                             for w in part):
                continue
            if self._only_asks(part, end == "?"):  # "..., does that matter?": a question, no answer
                continue
            if any(len(w) > 3 and not w.isdigit() and w not in table.phrases.vocabulary and w not in self.known_words
                   for w in self._without_unsure_words(part).split()):
                unread.append(" ".join(part))
        return unread

    def _parts(self, said: str, found: list[Match], marked: bool) -> list[tuple[list[str], str]]:
        """The parts of an answer, between commas, "and", "but"..., each with the word that
        ended it (a question mark ends a question), holding the words no match in `found`
        covers; with `marked`, a covered word is kept as "" (the part had a match in it)."""
        covered = {i for m in found for i in range(m.start, m.end)}
        parts: list[list[str]] = [[]]
        ends: list[str] = []
        for index, word in enumerate(tokens(said)):
            if word in CLAUSE_PUNCTUATION or word in self.language.clause_breaks or word in self.joiners:
                ends.append(word)
                parts.append([])
            elif index not in covered:
                parts[-1].append(word)
            elif marked:
                parts[-1].append("")
        return list(zip(parts, [*ends, ""], strict=True))

    def _without_unsure_words(self, part: list[str]) -> str:
        """A part's words without fillers and ways of saying "don't know"."""
        rest = self._without_fillers(" ".join(part))
        for phrase in self.dont_know:
            rest = re.sub(rf"(?<![\w]){re.escape(phrase)}(?![\w])", " ", rest)
        return rest

    def _not_read_beside_nothing(self, table: _Table, said: str, found: list[Match]) -> list[str]:
        """At a checklist of warning signs (`heard_if_it_warns`), the parts of a "no" that say
        something not understood ("no but im bleeding more than usual"): a "None of these" is
        not recorded over them (user test en 21). Stricter than `_unread`: an item's own words
        outside a match ("feeling really faint"), a part with a negation in it and words of three
        letters ("i cant get out of bed") are not read either; only words that carry no answer
        of their own are (ui.yaml `understanding`: yes, no, fillers, function words...)."""
        if not table.question.heard_if_it_warns:
            return []
        unread = []
        for part, end in self._parts(said, found, marked=False):
            if not part or self._only_asks(part, end == "?"):
                continue
            # three letters are enough: "cant get out of bed" is carried by its short words
            if any(len(w) > 2 and not w.isdigit() and w not in self.known_words and w not in self.function_words
                   and w not in self.nothing_more_said for w in self._without_unsure_words(part).split()):
                unread.append(" ".join(part))
        return unread

    def _only_asks(self, part: list[str], asked: bool) -> bool:
        """A part of an answer that is a question of the person's own: it opens with a question
        word and ends with a question mark ("does that matter?", "é grave?"), or asks of what
        came before it ("is that bad", "faz mal"). It is answered as a question (flows/dialogue
        `aside`), not said back as an answer not understood (user test en 20)."""
        opens = any(" ".join(part[:size]) in self.question_openers for size in (1, 2, 3))
        return (asked and opens) or any(_places(part, phrase) for phrase in self.asked_of_what_came_before)

    def _without_negators(self, table: _Table, found: list[Match], said: str) -> list[Match]:
        """The "no" of "no trauma" or the "não" of "não bebo" denies what follows it: it is not
        the answer "None of these" ("não a todas", "não obrigado" still are). An
        exclusive answer ("none", "nothing", "never") is not turned around by a denial:
        "no, nothing" and "no injury nothing like that" still say none."""
        words = tokens(said)
        negators = {m.negator for m in found if m.negated and not table.options[m.option].exclusive}
        kept = []
        dropped: set[int] = set()  # where a dropped "none" begins
        for match in sorted(found, key=lambda m: -m.start):
            option = table.options[match.option]
            if option.exclusive and option.value is not None:
                denial = all(w in self.language.clause_negations for w in words[match.start:match.end])
                # (...nor one right before such a negator: "ainda não fiz | nenhuma | ressonância"
                # denies the MRI, no "None of these"; session 29: the X-ray said was lost)
                if any(match.start <= n < match.end for n in negators if n is not None) or (
                        denial and self._denies_what_follows(words, match.end, table)) or any(
                        0 <= at - match.end <= 2 and not any(w in CLAUSE_PUNCTUATION or w in self.language.clause_breaks
                                                             for w in words[match.end:at]) for at in dropped):
                    dropped.add(match.start)
                    continue
            kept.append(match)
        return sorted(kept, key=lambda m: found.index(m))

    def _denies_what_follows(self, words: list[str], end: int, table: _Table | None = None) -> bool:
        """Whether words follow a bare "não" in its clause that it denies (not "a todas"; nor
        the list itself, by the question's name or a word for the whole list: "denies warning
        signs", "denies any red flags" at the warning signs deny every item)."""
        clause = []
        for word in words[end:]:
            if word in CLAUSE_PUNCTUATION or word in self.language.clause_breaks:
                break
            clause.append(word)
        rest = self._without_fillers(" ".join(clause))
        if not rest:
            return False
        if table is not None:
            own = {w for option in table.options for phrase in self._phrases(option.synonyms) for w in phrase}
            whole = self.the_list_itself | (self._subject_words(table) - own)
            if all(w in whole for w in tokens(rest)):
                return False
        return not any(re.search(rf"(?<![\w]){re.escape(phrase)}(?![\w])", rest) for phrase in self.all_of_them)

    def _denied(self, table: _Table, negated: list[Match], nothing: int, said: str) -> Parsed:
        """A checklist answered only with denials: "None of these" if every item is denied,
        by name or with words for the rest ("no trauma, no other red flags"); otherwise the
        others are still unanswered, and the person is asked about them ("no trauma" says
        nothing of cancer or night pain)."""
        items = table.items
        denied = list(dict.fromkeys(i for m in negated for i in m.options if i in items))
        if set(items) <= set(denied) or self._denies_the_rest(said, negated):
            return self._option(table, nothing)
        labels = [self.content.text(table.options[i].label, self.language_code) for i in denied]
        none = self.content.text(table.options[nothing].label, self.language_code)
        return Parsed(False, error="others_unanswered", understood=True, denied=denied,
                      values={"denied": "; ".join(labels), "none": none})

    def denies_the_rest(self, text: str) -> bool:
        """`text` says "nothing else" ("no others", "mais nada"): of the items not named yet."""
        return self._denies_the_rest(_plain_words(text), [])

    def _denies_the_rest(self, said: str, named: list[Match]) -> bool:
        """Words for "the rest" outside every item named: "no other red flags", "mais nada"
        (but "no other joints" names an item, and "nenhuma outra articulação" too)."""
        words = tokens(said)
        taken = {i for m in named for i in range(m.start, m.end)}
        for phrase in self.none_of_the_rest:
            size = len(phrase.split(" "))
            for start in range(len(words) - size + 1):
                if " ".join(words[start:start + size]) == phrase and not taken.intersection(range(start, start + size)):
                    return True
        return False

    def combine_denials(self, question_id: str, earlier: list[int], parsed: Parsed) -> Parsed:
        """A denial at a checklist taken with the ones given just before at the same question
        ("no xray yet", then "no blood tests either"): "None of these" once all are denied."""
        if parsed.error != "others_unanswered" or not earlier:
            return parsed
        table = self.tables[question_id]
        nothing = table.nothing
        assert nothing is not None  # a denial is understood only where there is one (_read_several)
        denied = list(dict.fromkeys([*earlier, *parsed.denied]))
        items = table.items
        if set(items) <= set(denied):
            return self._option(table, nothing)
        labels = [self.content.text(table.options[i].label, self.language_code) for i in denied]
        return replace(parsed, denied=denied, values={**parsed.values, "denied": "; ".join(labels)})

    def _quantities(self, table: _Table, said: str) -> list[Quantity]:
        units = set(table.units) | set(table.measures) | table.scale_words
        return quantities(said, self.numbers, units)


_LANGUAGE_WORDS: dict[tuple[int, str], tuple[Content, frozenset[str]]] = {}  # both readers of a language share them


def _language_words(content: Content, language: str, understanding: Any) -> frozenset[str]:
    """The words of one language's content: its texts, the options' synonyms, its word lists."""
    cached = _LANGUAGE_WORDS.get((id(content), language))
    if cached is not None and cached[0] is content:
        return cached[1]
    words = _words_of(content, language, understanding)
    if len(_LANGUAGE_WORDS) >= 8:  # tests build many contents; a process serves one
        _LANGUAGE_WORDS.clear()
    _LANGUAGE_WORDS[(id(content), language)] = (content, words)
    return words


def _words_of(content: Content, language: str, understanding: Any) -> frozenset[str]:
    reads = content.reads_as(language)
    phrases = list(texts_of(content, language))
    if reads != language:  # a variant's readers also type the base's words
        phrases.extend(texts_of(content, reads))
    for options in content.options.values():
        for option in options:
            phrases.extend(option.synonyms.get(reads, []))
    for name in type(understanding).model_fields:
        if name == "everyday_words":  # no words of the options: a slip of one only when typed alone
            continue
        value = getattr(understanding, name)
        if isinstance(value, list):
            phrases.extend(v for v in value if isinstance(v, str))
        elif isinstance(value, dict):
            phrases.extend(str(key) for key in value)
    return frozenset(word for phrase in phrases for word in tokens(_plain_words(phrase))
                     if word not in CLAUSE_PUNCTUATION and not word.isdigit())


def _next_to(words: list[str], match: Match, names: AbstractSet[str]) -> bool:
    """One of `names` is the word right before or right after the match ("crp normal")."""
    near = words[max(0, match.start - 1):match.start] + words[match.end:match.end + 1]
    return any(word in names for word in near)


def _outside_together(found: list[Match], together: list[Match],
                      sharing: AbstractSet[int] = frozenset()) -> list[Match]:
    """`found` without another option's words inside a sign said by its parts: in "my calf
    on the left is red and swollen", "red" and "swollen" are the calf's, no hot hip's. The
    options in `sharing` (Answer.shares_words_said_together) leave them to it: in "OP on
    alendronate" the alendronate is the bone medicine as well as what tells "OP" apart."""
    spans = [(m.start, m.end, m.option) for m in together if not m.negated and m.option not in sharing]
    return [m for m in found if not any(start <= m.start and m.end <= end and option not in m.options
                                        for start, end, option in spans)]


def _a_decimal_at(words: list[str], at: int, spans: list[tuple[int, int]] | None = None) -> bool:
    """`words` hold a decimal number at `at` ("38", ".", "4"); with the words' `spans`, only
    typed unspaced ("38.4", not the sentence break of "40. 2")."""
    return at + 2 < len(words) and words[at].isdigit() and words[at + 1] in ".," and words[at + 2].isdigit() \
        and (spans is None or spans[at][1] == spans[at + 1][0] == spans[at + 1][1] - 1 == spans[at + 2][0] - 1)


_WEEKS_AND_DAYS = re.compile(r"(?<![\d.,])\d{1,2}\s*\+\s*[0-6](?![\d.,])")
# ...and as said in a message, where a comma or a full stop may end it ("36+2, R hip pain")
_WEEKS_AND_DAYS_SAID = re.compile(r"(?<![\d.,])(\d{1,2})\s*\+\s*([0-6])(?![\d]|[.,]\d)")


def _goes_on_in_digits(words: list[str], at: int) -> bool:
    """The words from `at` go on with a sign and more digits: "34+2", "38.5", "38,5"."""
    return at + 1 < len(words) and not words[at].isalnum() and words[at + 1][:1].isdigit()


def _names_any(words: list[str], about: AbstractSet[str]) -> bool:
    """One of `about` (a phrase of up to three words) is among `words`."""
    return any(" ".join(words[i:i + size]) in about for size in (1, 2, 3) for i in range(len(words) - size + 1))


def _beside(said: str, start: int, end: int, before: int, after: int) -> tuple[str, str]:
    """The text of the `before` words ahead of tokens start..end of `said` and of the `after`
    words following them, a decimal number ("38,5", "38.9") counting as one word."""
    spans = token_spans(said)
    words: list[tuple[int, int]] = []  # each word's first and last token
    for index, (left, right) in enumerate(spans):
        if words and _inside_a_decimal(said, spans[words[-1][1]], (left, right)):
            words[-1] = (words[-1][0], index)
        else:
            words.append((index, index))
    first = next((i for i, (a, b) in enumerate(words) if a <= start <= b), len(words))
    last = next((i for i, (a, b) in enumerate(words) if a <= end - 1 <= b), first)

    def text_of(run: list[tuple[int, int]]) -> str:
        return said[spans[run[0][0]][0]:spans[run[-1][1]][1]] if run else ""

    def ends_a_clause(word: tuple[int, int]) -> bool:
        return said[spans[word[0]][0]:spans[word[1]][1]] in _BETWEEN_RESULTS

    # Not past a comma or a full stop: in "CRP 12, WCC 8.1" the 12 is the CRP's.
    ahead = words[max(0, first - before):first]
    ahead = ahead[max((i + 1 for i, word in enumerate(ahead) if ends_a_clause(word)), default=0):]
    behind = words[last + 1:last + 1 + after]
    behind = behind[:next((i for i, word in enumerate(behind) if ends_a_clause(word)), len(behind))]
    return text_of(ahead), text_of(behind)


_CLAUSE_END = re.compile(r"((?<!\d)[.,]|[.,](?!\d)|[;!?:()])")  # not the point of "38.5"


def _without_permission_asked(said: str, openers: AbstractSet[str], permission: list[tuple[str, ...]],
                              asking_openers: AbstractSet[str]) -> str:
    """`said` without the clauses that ask whether something may be taken: a clause that
    ends in words of permission and asks (a question mark after it, or, without one, a
    word that only opens a question: "is ibuprofen ok", "brufen pode?"; not "can walk
    fine"), and the short clause a bare one asks about ("e ibuprofeno, pode?", "and
    naproxen, ok?"). User tests en and pt 18: what was only asked about had been recorded
    as taken, and she could not undo it."""
    pieces = _CLAUSE_END.split(said)
    kept = list(pieces)
    for i in range(0, len(pieces), 2):
        words = tuple(pieces[i].split())
        ending = max((p for p in permission if len(p) <= len(words) and words[-len(p):] == p), key=len, default=None)
        if ending is None:
            continue
        asking = words[:len(words) - len(ending)]
        opens = bool(words) and words[0] in asking_openers
        if not (opens or (i + 1 < len(pieces) and pieces[i + 1] == "?")):
            continue
        kept[i] = " "
        bare = not asking or " ".join(asking) in openers
        if bare and i >= 2 and pieces[i - 1] == "," and 0 < len(pieces[i - 2].split()) <= 3:
            kept[i - 2] = " "
    return "".join(kept)


def _clauses(words: list[str]) -> list[list[str]]:
    """`words` cut at clause punctuation."""
    clauses: list[list[str]] = [[]]
    for word in words:
        if word in CLAUSE_PUNCTUATION:
            clauses.append([])
        else:
            clauses[-1].append(word)
    return [clause for clause in clauses if clause]


def _places(words: list[str], phrase: tuple[str, ...]) -> list[int]:
    """Where `phrase` stands in `words`."""
    return [i for i in range(len(words) - len(phrase) + 1) if tuple(words[i:i + len(phrase)]) == phrase]


def _without_questions(said: str, openers: AbstractSet[str]) -> str:
    """`said` without the clauses it asks, those that open with a question word and end with
    a question mark ("...it says osteopenia. Does that mean I have osteoporosis?"): said in
    passing, a question names no answer. "hip pain 2nd trimester anyone else??" still says
    the trimester."""
    pieces = _CLAUSE_END.split(said)
    kept = []
    for i, piece in enumerate(pieces):
        words = piece.split()
        asks = i % 2 == 0 and i + 1 < len(pieces) and pieces[i + 1] == "?" and bool(words) and (
            words[0] in openers or " ".join(words[:2]) in openers)
        kept.append(" " if asks else piece)
    return "".join(kept)


def _inside_a_decimal(said: str, previous: tuple[int, int], token: tuple[int, int]) -> bool:
    """`token` continues the decimal number `previous` began: "38" then "," then "5", unspaced."""
    if previous[1] != token[0]:
        return False
    before, this = said[previous[0]:previous[1]], said[token[0]:token[1]]
    # "8.1, crp 12": the comma after the 1 ends the number; only a digit right after makes it a decimal
    separator = this in ",." and token[1] < len(said) and said[token[1]].isdigit()
    return (before.isdigit() and separator) or (before in ",." and this.isdigit())


def _after_number(said: str, number: float) -> str:
    """`said` with UNIT_SLOT after the typed number that is `number` (or at the end)."""
    for match in re.finditer(r"\d+(?:[.,]\d+)?", said):
        try:
            value = float(match.group().replace(",", "."))
        except ValueError:
            continue
        if abs(value - number) < 1e-9:
            return said[:match.end()] + UNIT_SLOT + said[match.end():]
    return said + UNIT_SLOT


def _holds(numbers: NumberRange, value: float) -> bool:
    return numbers.from_ <= value < numbers.below


def _all_units(found: list[Quantity]) -> bool:
    """"3 weeks and 2 days": several numbers, each with its unit, add up."""
    return len(found) > 1 and all(q.unit for q in found)


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


def _whole_or_half(value: float, per: float) -> float | None:
    """How many of a unit `per` long `value` is, when a whole number or, failing that, a half of
    them comes to it as it was kept (`STORED_DECIMALS`): 20 days, kept as 2.9 weeks, are 20 days
    (user test pt 28: "faz uns 20 dias" was said back as "2,9 semanas"), 2.5 months 2.5 months."""
    within = 0.5 / 10 ** STORED_DECIMALS + 1e-9
    for count in (round(value / per), round(value / per * 2) / 2):
        if count > 0 and abs(count * per - value) <= within:
            return float(count)
    return None


def _number_as_said(content: Content, question: Question, value: float, locale: str) -> str:
    """A stored number in the unit a person would use: 0.4 weeks is "3 days", 26 weeks "6 months"."""
    bands = content.ui.number_display.get(question.unit or "")
    if not bands:
        named = content.ui.unit_names.get(question.unit or "")
        unit = content.text(named.name, locale) if named is not None else ""
        return f"{number_text(value, content, locale)} {unit}".strip()
    band = next(b for b in bands if (b.below is None or value < b.below)
                and (not b.when_whole or _whole_or_half(value, b.per) is not None))
    if band.said is not None:
        return content.text(band.said, locale)
    shown, decimals = round(value / band.per, band.decimals), band.decimals
    if band.when_whole:  # a whole or a half, as chosen: "2,5 meses" said back as such, not "3 meses"
        shown = _whole_or_half(value, band.per) or shown
        decimals = 0 if shown.is_integer() else 1
    name = content.text(band.one if shown == 1 else band.other, locale)
    return f"{number_text(shown, content, locale, decimals)} {name}"


def describe(content: Content, question_id: str, value: Any, locale: str = "en", someone_else: bool = False,
             case: Case | None = None) -> str:
    """An answer as the person would say it: the option's label (as said of them, when
    someone answers for them), or the number with its unit; with the measurement it was
    read from, kept in `case` (Question.measured_kept_in: "No (37.9 °C, just under 38.0)")."""
    question = content.questions[question_id]
    options = content.options[question_id]
    measured = getattr(case, question.measured_kept_in) if case is not None and question.measured_kept_in else None
    if measured is not None and value is not None:
        answer = describe(content, question_id, value, locale, someone_else)
        said = next((s.text for s in question.said_with_measured if _holds(s.numbers, measured)), None)
        if said is not None:
            return content.text(said, locale).format(answer=answer, measured=number_text(measured, content, locale))
    if question.kind == "number" and value is not None:
        return _number_as_said(content, question, value, locale)
    if isinstance(value, list):
        return ", ".join(describe(content, question_id, item, locale, someone_else) for item in value)
    for option in options:
        if option.value == value:
            return content.text(option.label_for(someone_else), locale)
    return content.message("dont_know_label", locale) if value is None else str(value)
