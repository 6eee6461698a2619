"""Typed models of every file in content/.

Each model mirrors one YAML file. Anything clinical carries `source` (reference ids from
references.yaml — a seed file name or a paper id) and `basis` (literature / seed /
estimate) so no reader mistakes a guess for a measurement. Cross-file checks (sources
resolve, conditions complete, guards exist) live in flows/content.py.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from flows.predicates import Predicate

Basis = Literal["literature", "seed", "estimate"]
TriageLevel = Literal["emergency", "urgent", "consultation"]
TRIAGE_ORDER: tuple[TriageLevel, ...] = ("consultation", "urgent", "emergency")
REQUIRED_CONDITIONS = (
    "itoh",
    "avn",
    "fracture",
    "septic_arthritis",
    "malignancy",
    "inflammatory_arthritis",
    "osteoarthritis",
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Text(Strict):
    """Display text keyed by locale: English and European Portuguese (flows/content.py checks
    that every text has every language the product offers)."""

    en: str
    pt: str | None = None


class Sourced(Strict):
    """A clinical statement or number and where it comes from."""

    source: list[str] = Field(min_length=1)
    basis: Basis

    @field_validator("source", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


# references.yaml ---------------------------------------------------------------------


class Reference(Strict):
    id: str
    kind: Literal["seed", "paper", "guideline", "web"]
    citation: str
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    url: str | None = None
    note: str | None = None


class ReferencesFile(Strict):
    references: list[Reference]


# questions.yaml ----------------------------------------------------------------------


class LinearConversion(Strict):
    """A reading in one unit written in another: (reading + add) * times (°F to °C: add -32,
    times 5/9)."""

    add: float
    times: float

    def of(self, reading: float) -> float:
        return (reading + self.add) * self.times


class NumberRange(Strict):
    """The numbers (in the question's unit) that pick an option: from <= n < below."""

    from_: float = Field(alias="from")
    below: float

    @model_validator(mode="after")
    def _not_empty(self) -> NumberRange:
        if self.below <= self.from_:
            raise ValueError("`below` must be larger than `from`")
        return self


class SaidWithMeasured(Strict):
    """How an answer is said back with the measurement it was read from, for measurements in
    `numbers` (in the first measure's unit): `{answer}` and `{measured}` in `text`."""

    numbers: NumberRange
    text: Text


class AtLeast(Strict):
    """An amount in a ui.yaml `units` table: the least an item needs ("30 minutes")."""

    unit: str
    from_: float = Field(alias="from")
    # More than `from`, not `from` itself: "more than 14 units a week" (14 is within it).
    more_than: bool = False
    # An amount in this unit names the item alone ("60u/wk": units are alcohol's only);
    # not minutes, which any pain is counted in.
    names_the_item: bool = False


class ToldByNumber(Strict):
    """A number said with an option's words tells that option: "6 weeks pp", "my 4 month
    old", "bebé de 2 meses" are after a birth, whatever week of pregnancy the number would
    otherwise pick. Up to `below`, in the question's unit (a 2-year-old is no recent birth)."""

    below: float
    said_before_number: dict[str, list[str]] = Field(default_factory=dict)
    said_after_number: dict[str, list[str]] = Field(default_factory=dict)


class NotWithUnless(Strict):
    """Words that in the same clause as an option's words mean it is not that option, unless
    the clause also holds one of `unless`: "better at night" is no night pain, "worse at night
    better in the morning" is."""

    words: dict[str, list[str]] = Field(default_factory=dict)
    unless: dict[str, list[str]] = Field(default_factory=dict)
    # Asked at the option's own question when its words are said with `words` and none of
    # `unless`, and nothing else settles it: "steroids for my asthma" may be tablets or an
    # inhaler (session 28). The reply is read with the answer it completes ("tablets",
    # "inhaler"), when it names one of `unless` or the option's `denied_by`.
    asks: Text | None = None


class Answer(Strict):
    """One option. `value: null` is "don't know"; `exclusive` options end a multi-select.

    `numbers`: a number with the question's unit picks this option ("24 weeks" is the
    second trimester), for people who know the number rather than the band.
    `sets`: the case fields an option writes when it answers several at once ("I cannot
    take a few steps" is weight-bearing pain AND unable to bear weight), or, in a
    checklist, what a ticked item writes; `unticked`: what an item not ticked writes.
    `field: x` is short for a yes/no checklist item: sets {x: true}, unticked {x: false}.
    `when_denied`: the value of the option a denial of this one means.
    """

    value: Any = Field(default=..., validate_default=False)
    label: Text
    # The label as said of someone else, when a relative or a clinician answers for them
    # ("They cannot take a few steps on that leg"); None: `label` says it for anyone.
    label_for_someone_else: Text | None = None
    # A line said once, right after this answer is recorded ("Lost a pregnancy": "I am sorry
    # for your loss", before the next question; user test en 22)
    acknowledged_with: Text | None = None
    synonyms: dict[str, list[str]] = Field(default_factory=dict)
    # Synonyms that name a diagnosis rather than what a scan shows ("AVN", "transient
    # osteoporosis"): read as this option when a person says them, but not in the
    # conclusion of a pasted report, where they are the radiologist's opinion.
    diagnoses: dict[str, list[str]] = Field(default_factory=dict)
    exclusive: bool = False
    numbers: NumberRange | None = None
    field: str | None = None
    sets: dict[str, Any] | None = None
    unticked: dict[str, Any] | None = None
    measures: dict[str, NumberRange] = Field(default_factory=dict)  # "CRP 180": measure -> range
    # Its `numbers` are read only from a span of time ("over 3 weeks": ui.yaml span_words),
    # not from a time since ("3 weeks ago" says nothing of how the pain came on).
    span: bool = False
    # The option a denial of this one means, where there is only one ("not worse" is
    # "walking is no worse than resting"). A yes needs none: a denied yes is the no.
    when_denied: str | None = None
    # A checklist item that needs at least this much of something ("stiff for more than 30
    # minutes"): a smaller amount said with it denies it ("stiff for 10 mins"), and so do
    # the words of `denied_by` ("not long").
    at_least: AtLeast | None = None
    denied_by: dict[str, list[str]] = Field(default_factory=dict)
    # ...unless the sentence also holds one of these words, undenied and outside the
    # `denied_by` words: a word of much keeps the item ("a glass of wine at weekends" is no
    # heavy drinking; "a bottle of wine a night, more at weekends" is).
    not_denied_with: dict[str, list[str]] = Field(default_factory=dict)
    # Words that point to this option but yield to plainer words for another: "i can walk"
    # is fine, but "can walk but it hurts bad, limping" is weight-bearing pain.
    hints: dict[str, list[str]] = Field(default_factory=dict)
    # This option's words do not outweigh another option's hints: "walks ok but painful",
    # "fine but sore" are asked about, not read as walking no worse than resting.
    yields_to_hints: bool = False
    # This option's words that answer other questions too ("ok", "normal", "fine") name it
    # only when nothing else in the answer is about another question: "bloods normal" at the
    # walking question is the blood tests' (user test en 21b: read as walking no worse).
    shared_words_alone: bool = False
    # Per language, one-word synonyms that name this option in an answer to another question
    # as fully as two words do ("on pred for PMR", "apyrexial", "diabetic"): what is named
    # in passing otherwise needs two words (AnswerReader.mentions). They are synonyms too.
    named_alone: dict[str, list[str]] = Field(default_factory=dict)
    # Per language, one-word names of this item that a denial anywhere in their clause denies
    # ("não cheguei a fazer ressonância", "they never did an MRI"), where another one-word
    # name denied from afar is not ("cant put any weight on my leg" is no weight loss
    # denied). Named in passing, they still need what `named_alone` or two words give.
    denied_alone: dict[str, list[str]] = Field(default_factory=dict)
    # Per language, words (of its synonyms) that name this option in passing where its question
    # hears only other answers early (`heard_early_answers`): "é mais na virilha" typed before
    # "Where is the pain?" says where, though "dói-me a anca" does not (session 29).
    heard_early_by: dict[str, list[str]] = Field(default_factory=dict)
    # Per language, phrases of a checklist's "None of these" that deny every item wherever
    # they are said ("no PMH" in a GP's first line): its "None" is then taken, not asked.
    denies_every_item: dict[str, list[str]] = Field(default_factory=dict)
    # Per language, ways of naming this option with other words between its parts: each way
    # is a list of word groups, and the option is named where one clause (up to a comma or
    # an "and") holds a word of every group, close together ("my calf on the left is red
    # and swollen": calf, swollen). A group's word never denies the option ("haven't felt
    # the baby kick": the "haven't" is the sign); another negation before it does.
    said_together: dict[str, list[list[list[str]]]] = Field(default_factory=dict)
    # Per language, words that right before or right after a part said together make that part
    # say something else: "short" names a shortened leg in "her leg looks a bit short", not
    # in "a short walk on that leg" nor "short of breath"; "curta" not in "uma caminhada curta".
    not_beside_said_together: dict[str, list[str]] = Field(default_factory=dict)
    # Its words said together leave another option's words among them to that option too:
    # "OP on alendronate" is osteoporosis (told apart from an operation by the medicine)
    # and the medicine. Otherwise they are this option's alone ("my calf is red and
    # swollen" is no hot hip).
    shares_words_said_together: bool = False
    # Its ways said together may run across a comma, within one sentence: a treatment said
    # after the illness it treated ("had prostate cancer, treated with radiotherapy").
    said_together_in_a_sentence: bool = False
    # The options this one takes in: "both, worse on the right" is both (the side said is
    # where it is worse), unless the word for this one is asked ("both? mostly right").
    includes: list[Any] = Field(default_factory=list)
    # Per language, words that in the same clause as this option's words mean it is not
    # this option: "cortisona em bomba para a asma", "a steroid inhaler" are no steroid tablets.
    not_with: dict[str, list[str]] = Field(default_factory=dict)
    # Per language, words that name this option only in answer to its own question, whose
    # topic they leave unsaid ("at night", "in bed": the pain). In an answer to another
    # question they name nothing ("a glass of wine at night", "4 pints most nights"); said
    # with the topic there ("it hurts at night"), its `said_together` finds the option.
    asked_only: dict[str, list[str]] = Field(default_factory=dict)
    # ...and such words that a word of worse in the same clause overrides (NotWithUnless).
    not_with_unless: list[NotWithUnless] = Field(default_factory=list)
    # Per language, words that right after this option's word give it another meaning: "right
    # after i bent down", "right away" say when, not which hip (user test en 21), typed as
    # written or with a slip ("rigt after").
    not_before: dict[str, list[str]] = Field(default_factory=dict)
    # Per language, words that name this option only at the end of a clause: a note's one letter
    # after the complaint, "coxalgia E" (left), is the word "and" in "dor na anca e na virilha"
    # (session 30: which hip was asked again).
    at_a_clause_end: dict[str, list[str]] = Field(default_factory=dict)
    # Per language, words that name this item only when denied: "no bleeding now" denies
    # heavy bleeding after a loss (user test en 23a: not heard), but "bleeding" said is no
    # heavy bleeding, and names nothing.
    named_when_denied: dict[str, list[str]] = Field(default_factory=dict)
    # Said of the answer to this question ("an artificial joint in this hip": of `side`):
    # heard in passing only when the message names no other answer to it ("left hip
    # hurting... my right hip was replaced" is not this hip).
    of_the_answer_to: str | None = None
    # Per language, words ("she", "he") that name this option only in an answer whose writer
    # does not speak of themselves (ui.yaml `first_person`): in "the doctor said he thinks
    # it's sciatica, my hip hurts" the "he" is the doctor.
    third_person: dict[str, list[str]] = Field(default_factory=dict)
    # At a question that `asks_when_contradicted`: a number said with this option's words
    # ("no baby yet, 34 weeks") points to another option, and the answer is asked about.
    contradicted_by_a_number: bool = False
    told_by_number: ToldByNumber | None = None

    @model_validator(mode="before")
    @classmethod
    def _expand_yes_no_item(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("field") is not None:
            name = data["field"]
            data = {"value": name, "sets": {name: True}, "unticked": {name: False}, **data}
        return data

    def label_for(self, someone_else: bool) -> Text:
        return self.label_for_someone_else if someone_else and self.label_for_someone_else else self.label


class CountedBack(Sourced):
    """A number said as the time left until an event, counted back from when it falls: "due
    in 3 weeks" is week 37 of a pregnancy that is due at week 40."""

    value: float  # when the event falls, in the question's unit
    # Per language, the words just before the number ("due in", "faltam") or right after it
    # and its unit ("to go", "para o parto") that make it the time left.
    said_before_number: dict[str, list[str]] = Field(default_factory=dict)
    said_after_number: dict[str, list[str]] = Field(default_factory=dict)
    # ...and the words that may stand between the number and its unit: "2 more weeks to go"
    said_between: dict[str, list[str]] = Field(default_factory=dict)
    # Per language, the words before or after a number that make it the time since the event
    # was due: "overdue by 5 days", "due date was 1 week ago", "passei 3 dias" (`value` plus it).
    said_as_passed_before: dict[str, list[str]] = Field(default_factory=dict)
    said_as_passed_after: dict[str, list[str]] = Field(default_factory=dict)
    # Per language, the words before a date on which the event falls: "due on 20 January",
    # "EDD 20/1", "DPP dia 20/01" (counted from the day the message was sent).
    dated_after: dict[str, list[str]] = Field(default_factory=dict)


class HeardAsEither(Strict):
    """Words said in passing that name one of a few answers and not which ("I can barely walk":
    weight-bearing pain, or no weight at all): kept, and when the question comes it asks which
    of those first ("Just to be sure: ... or ...?"), then the question as usual."""

    words: dict[str, list[str]]  # per language read ("en", "pt")
    answers: list[Any] = Field(min_length=2)  # the question's values meant, in the order said


class ImpliedBy(Strict):
    """Answers of another question that imply this question's answer: a pregnancy heard
    ("G2P1 34/40") is a woman's, so the sex at birth is not asked (user test en 20)."""

    question: str  # the other question's id
    answers: list[Any] = Field(default_factory=list)  # its values that imply...
    below: float | None = None  # ...or, for a number, any below this ("2 days" of pain: it came on suddenly)
    answer: Any  # ...this value of this question

    @model_validator(mode="after")
    def _one_way(self) -> ImpliedBy:
        if bool(self.answers) == (self.below is not None):
            raise ValueError("give the other question's `answers` or, for a number, `below`: one of them")
        return self

    def holds_for(self, value: Any) -> bool:
        """The other question's answer `value` implies this one's."""
        if self.below is not None:
            return isinstance(value, int | float) and not isinstance(value, bool) and value < self.below
        return value in self.answers


class Question(Strict):
    """One question, answering one case field (`field`) or several (options with `sets`).

    `checklist`: "tick all that apply". Each non-exclusive option writes its `sets` when
    ticked and its `unticked` otherwise; "None of these" (value `none`) leaves every item
    unticked, and "Not sure" (value null) leaves every field unknown.
    """

    id: str
    field: str | None = None
    kind: Literal["choice", "multi", "number", "checklist"]
    text: Text
    short: Text
    help: Text | None = None
    # The question and its help as asked about someone else, when a relative or a clinician
    # answers for them ("How old are they?"); None: `text` and `help` suit anyone.
    text_for_someone_else: Text | None = None
    help_for_someone_else: Text | None = None
    # Asked when the answer is only a "sort of" (ui.yaml `said_partly`): what would settle it
    # ("kinda" at the fever question: measured, or felt hot or shivery?). None: not understood.
    asked_when_said_partly: Text | None = None
    # ...and the answers that are only a "sort of" at this question alone ("febre baixa",
    # "low grade fever": a fever not measured, or under 38?), by language.
    said_partly_here: dict[str, list[str]] = Field(default_factory=dict)
    # Said when the answer is only a time kept for another question ("started last thursday"
    # at "How did the pain start?": how long, not how), instead of ui.yaml `kept_for_later`.
    told_when_only_a_time: Text | None = None
    why: Text | None = None  # why the question is asked, in plain words (sources: `why_source`)
    why_source: list[str] = Field(default_factory=list)
    answers: str | list[Answer] | None = None  # an answer-set id or inline options
    minimum: float | None = None
    maximum: float | None = None
    below_minimum: str | None = None  # a number under `minimum` goes to this state (a child's age)
    # ...unless the case with what is held says otherwise (a pregnancy told of): the number is
    # doubted and asked again (ui.yaml `below_minimum_doubted`), and taken if typed again.
    below_minimum_doubted_when: Predicate | None = None
    integer: bool = False
    unit: str | None = None  # a key of units in ui.yaml: how typed numbers are read
    # Per language, the words that may stand right before this number when it is said with
    # the answer to the question before ("Im 45, male"): see AnswerReader.answered_ahead.
    said_before_number: dict[str, list[str]] = Field(default_factory=dict)
    # Per language, words that may follow this number and its unit when it is said in
    # passing: "hip pain that started 3 weeks ago".
    said_after_number: dict[str, list[str]] = Field(default_factory=dict)
    # Per language, the words of `said_before_number` after which the number may be said
    # without its unit, standing apart ("aged 62, hip pain", "I am 34 and my hip hurts");
    # a whole number only, since "tenho 38,5" is a temperature.
    said_bare_after: dict[str, list[str]] = Field(default_factory=dict)
    # ...and, per language, those after which the bare number may go on with the sentence
    # ("minha mãe de 78 caiu ontem"): bare leads too.
    said_bare_going_on_after: dict[str, list[str]] = Field(default_factory=dict)
    # Per language, unit words that tie a number to this question with no word before it:
    # "a 70 year old man", "62 y/o": "years old" is only ever an age.
    said_with_unit: dict[str, list[str]] = Field(default_factory=dict)
    # ...and unit words that do so only at the head of a message, closing its clause ("58 anos,
    # coxalgia esquerda"; "anos" elsewhere may be how long: "dói há 2 anos").
    said_with_unit_at_the_head: dict[str, list[str]] = Field(default_factory=dict)
    # Clinical shorthand that says this number in passing with no word before it: the
    # denominators of "6/52" (weeks of pain), "3/12", "5/7"; "31/40" is a week of pregnancy.
    said_as_fraction_of: list[int] = Field(default_factory=list)
    # Per language, words after a number and its unit that make it a time from another
    # event, not this answer: "started 2 weeks after the birth" is no duration of 2 weeks.
    offset_words: dict[str, list[str]] = Field(default_factory=dict)
    # ...of which these say it began that long after the event ("2 weeks after giving birth",
    # "3 dias depois da queda"): when it began is known from that event only, and how long
    # ago that was is asked (ui.yaml `since_an_event`), not "I need a number"
    offset_after_words: dict[str, list[str]] = Field(default_factory=dict)
    # Per language, words right before a number of weeks that make it a week of the
    # pregnancy, not a length of time: "since I was 28 weeks", "desde as 28 semanas".
    said_as_a_week_of_pregnancy: dict[str, list[str]] = Field(default_factory=dict)
    # A number said as the time left until the event that ends what is asked ("due in 3
    # weeks", "faltam 3 semanas para o parto"): read as `value` minus the number.
    counted_back: CountedBack | None = None
    # The answer may be a date it is counted from, up to the day the message was sent: "since
    # March", "desde o Natal" (flows/dates_said.py; a number of weeks).
    counted_from_a_date: bool = False
    # The fractions a number typed with no unit takes here: people count weeks whole or in
    # halves, so "37.6" at how long is another reading typed by mistake (a temperature), and
    # asked about, not 8.7 months (user test en 22a). None: any fraction.
    fractions_said_alone: list[float] | None = None
    # Per language, words of the clause before it that make a number said alone in its own
    # clause this question's ("pregnant, 30 wks"); without them, `said_in_clause_with`.
    said_alone_after: dict[str, list[str]] = Field(default_factory=dict)
    # Words right before a number without a unit that make it the age something happened at:
    # "early menopause at 40" is no week of pregnancy (user test en 22).
    said_as_an_age_after: dict[str, list[str]] = Field(default_factory=dict)
    # Per language, the words of what this question's answer is said of (the hip, the
    # groin): an answer named with one of them ("anca direita") is still heard inside another
    # question's sign said by its parts ("a anca direita está quente"), whose other words
    # that sign keeps to itself ("a panturrilha esquerda está inchada": the calf's side).
    said_of: dict[str, list[str]] = Field(default_factory=dict)
    # Questions whose answer, named in the same message, makes a number said alone after the
    # pain's clause ambiguous: "pregnant, hip pain, 30 weeks" may be the week of pregnancy.
    said_alone_unless_named: list[str] = Field(default_factory=list)
    # From this number up, a number with its unit in a clause of its own that opens the message
    # is this question's: "33 wks, left hip agony", "21 wks and hip pain" (a pain's length is
    # said with the pain; a small one, "3 weeks, hip pain", may still be that length).
    said_alone_opening_from: float | None = None
    # A number with its unit typed as the whole message ("about 3 weeks") at a question that
    # reads no number with a unit of its own (the tests, the warning signs): this question's
    # answer typed a question early, held for it, not "did not catch" (the person is ahead).
    said_alone_as_a_whole_message: bool = False
    # The case field that keeps the measurement an answer was read from (in the first
    # measure's unit: "temp 37.9" at the fever), so that it is said back and shown to the
    # doctor beside the answer, with the first of `said_with_measured` that holds it.
    measured_kept_in: str | None = None
    said_with_measured: list[SaidWithMeasured] = Field(default_factory=list)
    # Questions at which a number with its unit in a clause of its own, right after a clause
    # that is a plain answer to that question, is this one's: "left, about 2 months" at which
    # hip (not "left, my baby is 2 months", whose clause says more than the number).
    said_alone_after_answers_to: list[str] = Field(default_factory=list)
    # Per language, words one of which must be in the clause of a number or an answer heard
    # in passing ("hip pain for 2 months", "bloods normal"): the clause says what it is about.
    said_in_clause_with: dict[str, list[str]] = Field(default_factory=dict)
    # A number question's answer typed with a checklist's item in its clause ("tive cancro
    # há 5 anos") is the item's, not this question's, unless the item sets one of these
    # fields (the events the answer is counted from: "fell 2 weeks ago"). None: not checked.
    counted_from_items: list[str] | None = None
    # Per language, words of another event a time is often said of (the birth, the baby): a
    # number typed here in a clause naming one, and none of `said_in_clause_with` nor of the
    # ui.yaml `since_an_event` words, may be when that was ("gave birth 3 weeks ago", "baby
    # is 6 weeks"), not how long this has lasted: asked, with the number offered back.
    times_of_other_events: dict[str, list[str]] = Field(default_factory=dict)
    # Questions about other complaints (a fever): a time said in a clause naming one of their
    # answers and none of this question's `said_in_clause_with` words is that complaint's
    # ("felt feverish last night" says when the fever was, not how or when the pain began).
    times_said_of_others: list[str] = Field(default_factory=list)
    # ...and so is a time said in a clause naming a test (ui.yaml `other_tests`, a question's
    # `heard_about`) and none of the `said_in_clause_with` words: "i did have an xray last
    # month" at how long is when the X-ray was done.
    times_said_of_tests: bool = False
    # Questions whose `said_before_number` words tie a number to their own answer ("came on
    # over a few days": how fast the pain began): said beside another number this question
    # hears in passing, that one is theirs ("5 weeks of pain, came on over a few days" is 5
    # weeks, where both were heard and neither taken).
    numbers_yielded_to: list[str] = Field(default_factory=list)
    # Per language, words that end the pain's clause and point back to the clause before
    # ("had my baby 5 weeks ago and my hip has hurt ever since"): a number tied there is heard.
    said_since_then: dict[str, list[str]] = Field(default_factory=dict)
    # Per language, words that end the number's clause and say that what the next clause
    # names began then ("há umas 3 semanas comecei com dor na anca": user test pt 22).
    said_as_beginning: dict[str, list[str]] = Field(default_factory=dict)
    # Questions about the same thing, in whose answers such a number needs none of those
    # words: "foi de repente, há coisa de 1 mês" at how the pain started is the pain's.
    said_freely_at: list[str] = Field(default_factory=list)
    # Per language, the words naming the test a scan question asks about ("x-ray", "xr",
    # "rx"): the findings said of it in an answer to another question ("XR NAD", "MRI: BMO
    # femoral head, small effusion") are heard in passing (flows/said_about.py).
    heard_about: dict[str, list[str]] = Field(default_factory=dict)
    # A diagnosis said of this test in passing, unhedged ("xray last year said some
    # arthritis"), is its finding, as in answer to it (ui.yaml `diagnosis_hedges`). Not for
    # a scan whose diagnoses stand for a sign of their own ("they called it AVN" is no
    # double line sign).
    diagnoses_heard_in_passing: bool = False
    # A question whose answer, named in an answer to an earlier question ("right hip, it's
    # hot and swollen", "i have a fever"), is noted at once: a warning sign raises the level
    # without waiting. Checklist items are kept ticked; a choice's answer is asked again.
    heard_early: bool = False
    # Not asked: a checklist of warning signs only heard when said ("she's more muddled than
    # usual", "her leg looks shorter and turned out"), so the conversation does not grow for
    # everyone else. It is no state of the flow (flow.yaml); its items are recorded at once
    # when named (with `heard_if_it_warns`, only if they raise a warning).
    heard_only: bool = False
    # Guidance items (guidance.yaml ids) said at once when the answer is "Not sure", where
    # their `when` holds: unsure of a pregnancy's warning signs, when to call the maternity
    # unit is said then, not only in the summary's detail (user test pt 22).
    said_when_unsure: list[str] = Field(default_factory=list)
    # Named in passing, an item is recorded only if it raises a warning with what is known
    # or held (a man's "bleeding gums" is not a pregnancy's bleeding).
    heard_if_it_warns: bool = False
    # A checklist's items named after it was answered, while the questions go on ("oh I
    # forgot, I was on prednisolone last year" at the fever question): added to its answer and
    # said so ("Added to Medical history: ..."), the question then asked again. Only added:
    # nothing ticked is taken away, and nothing that changes which questions come.
    added_when_told_later: bool = False
    # An answer whose words or number also point to another option is asked about, not read
    # by the usual precedence: "no, im pregnant" at the pregnancy question.
    asks_when_contradicted: bool = False
    # A test's findings question: the options a plain no ("n", "none", "nenhuma dessas") may
    # mean once an earlier checklist said the test was done, asked about beside the "not
    # done" that checklist's unticked item writes, never read as it (user test pt-BR 23:
    # "fiz ressonancia", then "n" at what it showed was recorded as no MRI).
    plain_no_once_done: list[Any] = Field(default_factory=list)
    # A relative named in the answer ("my mum", "a minha mulher") names an option (the sex)
    # only when the message is about that relative (ui.yaml `relatives`): "my hip hurts, my
    # mum had the same" says nothing of the writer's sex.
    relatives_only_when_for_them: bool = False
    # A fact about the person that is typed again a question or two later ("52", "masculino",
    # "left"): met by "I have that already", not "did not catch". Not an answer about the pain
    # ("slowly" at another question is no repeat of how they walk).
    typed_again_is_noted: bool = False
    # A checklist whose items may share a name that is each of them ("HIV": a cause of AVN and
    # weakened defences against infection): the name ticks every item that has it, where
    # elsewhere a shared name is asked about ("had a scan": which one?).
    shared_names_tick_each: bool = False
    # For a choice that is heard early and still asked: the only answers noted in passing
    # (the warning signs). "no problem" or "the same" in passing is too loose to record
    # that walking is fine; the question asks. Empty: any answer. Listed gravest first: when
    # several are named, the gravest is recorded and the question still asks.
    heard_early_answers: list[Any] = Field(default_factory=list)
    # Words that, said in passing, name one of a few answers and not which (`HeardAsEither`).
    heard_as_either: HeardAsEither | None = None
    # A choice (or a number led by `said_before_number`) whose answer, heard early, is taken
    # when the question comes instead of asking it ("34 weeks pregnant and my left hip
    # hurts", "pain for 2 months": none is asked again). Held until
    # then, so it counts only if the question is on the person's path (a man is never
    # asked about pregnancy); said back as taken, and /change corrects it.
    taken_when_heard: bool = False
    # A choice heard early is recorded at once (a warning sign raises the level now) unless
    # it is `taken_when_heard`, which holds it; with both, it is recorded now and not asked.
    recorded_at_once: bool = False
    # An answer of another question, recorded or held from an earlier message, that implies
    # this one's: taken instead of asking, said back as taken from what was written.
    implied_by: list[ImpliedBy] = Field(default_factory=list)
    # False where true/false answers are not yes and no (where the pain is): "yes" reads as neither
    yes_no: bool = True
    probe_values: list[float] = Field(default_factory=list)  # numbers the look-ahead tries
    # Words that name what a typed number measures ("crp", "esr", "°f"); a bare number is
    # tried against every measure. When several results point to different options,
    # `escalating` takes the later (more abnormal) option: the higher reading decides.
    measure_words: dict[str, list[str]] = Field(default_factory=dict)
    # The units a measure may be typed in: measure -> a table of ui.yaml `units` (word ->
    # factor to the unit of the options' `measures`): "CRP 2.2 mg/dL" is 22 mg/L.
    measure_units: dict[str, str] = Field(default_factory=dict)
    escalating: bool = False
    # measure -> how a reading of it is written in the first measure's unit, to be kept and
    # said back in it (Question.measured_kept_in): "101F" is kept as 38.3 °C, not only "Yes".
    measured_in_first: dict[str, LinearConversion] = Field(default_factory=dict)
    # measure -> the readings a decimal number typed alone in passing is taken as, with no
    # measure word or unit beside it ("38.4 last night"). Only the ranges that raise care:
    # a bare "37.2" may be a week of pregnancy (37+2), and it must not lower anything.
    measured_alone_in_passing: dict[str, NumberRange] = Field(default_factory=dict)
    # measure -> the readings a decimal typed alone in passing is also taken as, recorded and
    # said back at once but the question still asked: one reading in passing under the cut-off
    # may not be the highest ("37.8 last night"), so it answers nothing on its own.
    measured_alone_still_asked: dict[str, NumberRange] = Field(default_factory=dict)
    # ... and `gravest_first` the earlier: a fever ("yes") is listed before "no", so "37.9
    # then 38.3" is a fever (user test en, session 10).
    gravest_first: bool = False
    # An option named in words wins over a typed number, which only hints ("gradually over
    # months, worse these last 2 days" is gradual). Otherwise the number decides, being the
    # more exact ("temperature 37.2" is no fever).
    named_first: bool = False

    def text_for(self, someone_else: bool) -> Text:
        return self.text_for_someone_else if someone_else and self.text_for_someone_else else self.text

    def help_for(self, someone_else: bool) -> Text | None:
        return self.help_for_someone_else if someone_else and self.help_for_someone_else else self.help

    @property
    def several(self) -> bool:
        """Answered by ticking several options (toggles and Done, or "2,3")."""
        return self.kind in ("multi", "checklist")

    @property
    def writes_several_fields(self) -> bool:
        return self.field is None

    @property
    def fields(self) -> list[str]:
        """The case fields this question answers."""
        if self.field is not None:
            return [self.field]
        names: dict[str, None] = {}
        for option in self.answers if isinstance(self.answers, list) else []:
            names.update(dict.fromkeys(option.sets or {}))
        return list(names)

    @model_validator(mode="after")
    def _shape(self) -> Question:
        if self.taken_when_heard and (not self.heard_early or self.kind == "checklist" or (
                self.kind == "number" and not (self.said_before_number or self.said_after_number
                                               or self.said_as_fraction_of))):
            raise ValueError("`taken_when_heard` needs a `heard_early` choice, or number with `said_before_number`")
        if self.kind == "number":
            if self.minimum is None or self.maximum is None or self.unit is None:
                raise ValueError("a number question needs minimum, maximum and unit")
        elif self.answers is None:
            raise ValueError(f"a {self.kind} question needs answers")
        inline = self.answers if isinstance(self.answers, list) else []  # a set id names shared options
        if self.kind == "checklist":
            self._checklist_shape(inline)
        elif self.field is None:
            self._compound_shape(inline)
        elif any(a.sets is not None or a.unticked is not None for a in inline):
            raise ValueError("options of a one-field question do not set fields")
        ranges = sorted((a.numbers.from_, a.numbers.below) for a in inline if a.numbers is not None)
        if ranges and (self.kind != "choice" or self.unit is None):
            raise ValueError("answers with `numbers` need a choice question with a `unit`")
        if any(later[0] < earlier[1] for earlier, later in pairwise(ranges)):
            raise ValueError("the answers' `numbers` ranges overlap")
        return self

    def _compound_shape(self, inline: list[Answer]) -> None:
        if self.kind != "choice" or not inline:
            raise ValueError("a question without a `field` is a checklist, or a choice whose options `set` fields")
        answering = [a for a in inline if a.value is not None]
        keys = {frozenset(a.sets or {}) for a in answering}
        if any(a.sets is None for a in answering) or len(keys) != 1:
            raise ValueError("every option of a choice without a `field` sets the same fields")

    def _checklist_shape(self, inline: list[Answer]) -> None:
        if self.field is not None or not inline:
            raise ValueError("a checklist has no `field` of its own and lists its options inline")
        items = [a for a in inline if not a.exclusive]
        if not items or any(a.sets is None or a.unticked is None for a in items):
            raise ValueError("every non-exclusive checklist option says what ticking it `sets`, or names its `field`")
        if any(set(a.sets or {}) != set(a.unticked or {}) for a in items):
            raise ValueError("a checklist item's `sets` and `unticked` name the same fields")
        names = [name for a in items for name in (a.sets or {})]
        if len(set(names)) != len(names):
            raise ValueError("a checklist names each field once")
        exclusive = sorted(repr(a.value) for a in inline if a.exclusive)
        if exclusive != ["'none'", "None"]:
            raise ValueError("a checklist ends with exactly two exclusive options: value `none` and value null")


class QuestionsFile(Strict):
    answer_sets: dict[str, list[Answer]]
    questions: list[Question]


# flow.yaml ---------------------------------------------------------------------------


class SaidWith(Strict):
    """A message said after an end's own when its guard holds for the person."""

    when: str  # a guard (flow.yaml guards)
    message: str  # a ui.yaml message


class FlowState(Strict):
    id: str
    question: str | None = None  # defaults to the state id for question states
    final: bool = False
    ask_when: str | None = None  # a guard: when it does not hold, the state is passed over
    always_ask: bool = False  # never skipped by the look-ahead (the questions the product is defined by)
    # A final state: the case fields whose answer ended the conversation here, unsaid by
    # /back so that it can go on ("a hip replacement" said in passing, of the other hip).
    back_clears: list[str] = Field(default_factory=list)
    # An end before the summary: sentences said with its message only for whom they fit
    # (user test en 19: a parent of a boy of 13 was told about pregnancy), and the message
    # (ui.yaml) that the report for the doctor gives in place of a natural hip's or an
    # adult's differential, open dangers and guidance (user test en 19).
    said_with: list[SaidWith] = Field(default_factory=list)
    report: str | None = None


class FlowTransition(Strict):
    source: str
    dest: str
    guard: str | None = None


class Guard(Sourced):
    when: Predicate
    description: str


class FlowFile(Strict):
    initial: str
    states: list[FlowState]
    transitions: list[FlowTransition]
    guards: dict[str, Guard] = Field(default_factory=dict)


# conditions.yaml ---------------------------------------------------------------------


class SaidAs(Strict):
    """From `from` up, the person's summary says `text` for this cause instead of its
    estimate in words and a number (the report for the doctor keeps the number)."""

    from_: float = Field(alias="from", gt=0, lt=1)
    text: Text


class AboutWording(Strict):
    """A condition's `about` in other words for the people `when` matches (pelvic girdle
    pain after a pregnancy loss: no word of the baby or the birth)."""

    when: Predicate
    text: Text


class Condition(Sourced):
    id: str
    name: Text  # plain words first
    clinical_term: Text
    about: Text  # one or two sentences, shown with the "most likely" section
    about_for: list[AboutWording] = Field(default_factory=list)  # the first that matches, else `about`
    said_as: SaidAs | None = None
    # The condition is possible only for people this matches (None: everyone). For anyone
    # else it is impossible: probability 0, and never listed among the causes shown.
    only_when: Predicate | None = None
    # A condition only a test can confirm (transient osteoporosis: an MRI or a bone scan):
    # until a case matches `confirmed_when`, its estimate is said with `unconfirmed_note`.
    confirmed_when: Predicate | None = None
    unconfirmed_note: Text | None = None
    # The words a person asks about it by, per language ("what's ITOH?", "o que é OTA?"):
    # its abbreviations and the names people meet it by. Asked what it is, its `about` is
    # said at once, and the questions go on (user test en 20: "what's ITOH?" met "the
    # summary at the end answers it").
    asked_as: dict[str, list[str]] = Field(default_factory=dict)


class PriorGroup(Sourced):
    id: str
    label: Text
    when: Predicate | None = None  # None: the catch-all, must be last
    probabilities: dict[str, float]
    note: str | None = None

    @field_validator("probabilities")
    @classmethod
    def _proper(cls, value: dict[str, float]) -> dict[str, float]:
        if any(p <= 0 for p in value.values()):
            raise ValueError("every prior must be above 0 (nothing is impossible before the findings)")
        total = sum(value.values())
        if abs(total - 1.0) > 0.005:
            raise ValueError(f"priors must sum to 1, they sum to {total:.3f}")
        return value


class Finding(Sourced):
    """An answer pattern and how often it is seen in each condition: P(finding | condition).

    The assessment multiplies these (naive Bayes, damped within `group`); a finding's
    likelihood ratio for one condition against the others is derived from them, so a
    reviewer changes one number and everything shown follows.
    """

    id: str
    group: str  # findings that tend to go together (one scan, one set of risk factors)
    when: Predicate
    text: Text  # shown as a reason, e.g. "MRI shows bone marrow oedema"
    probabilities: dict[str, float]
    # Conditions this finding is a known risk factor of: never shown as a point against them,
    # whatever its ratio against the other causes ("steroid tablets" is no reason against a
    # fragility fracture, though it points more to AVN; issue 13, item 7). The ranking is
    # unchanged: only what is said as a reason.
    risk_factor_of: list[str] = Field(default_factory=list)
    # The finding is that a sign, or a scan's finding, is not there ("no fever", "no worn
    # cartilage among the MRI findings"): said only as a point against the conditions it argues
    # against, never as a reason for another, which it only leaves less opposed (session 30:
    # "no worn cartilage" was listed as a reason for a break). The ranking is unchanged.
    absence: bool = False
    # Conditions this finding is never said as a reason for, though its ratio points there: it
    # goes with them, it does not bring them on (immunosuppression is mostly the treatment of an
    # inflammatory arthritis, not a cause of it). The ranking is unchanged.
    not_a_reason_for: list[str] = Field(default_factory=list)

    @field_validator("probabilities")
    @classmethod
    def _proper(cls, value: dict[str, float]) -> dict[str, float]:
        if any(not 0 < p <= 1 for p in value.values()):
            raise ValueError("each P(finding | condition) must be above 0 and at most 1")
        return value


class Band(Strict):
    at_least: float = Field(ge=0, lt=1)
    label: Text


class Evidence(Sourced):
    """How findings are combined and how much certainty is ever shown (flows/assessment.py)."""

    group_dependence: dict[str, float]  # group -> rho in [0, 1): 0 independent, near 1 one finding's worth
    prior_weight: float = Field(ge=0, lt=0.5)  # share of the prior mixed back in: model uncertainty
    # With fewer findings than this (nearly every answer "don't know"), the person's summary
    # names the common causes without estimates (ui.yaml `first_causes_title_little_known`).
    estimated_from_findings: int = Field(default=3, ge=0)
    reason_min_ratio: float = Field(gt=1)  # a finding is shown for/against at LR >= this or <= 1/this
    shown_at_most: float = Field(gt=0.5, lt=1)  # the largest probability ever shown as a number
    # A cause not ruled out yet is said to be so, not "unlikely", when its estimate is below this.
    open_said_below: float = Field(default=0.2, gt=0, lt=1)
    # A cause that only a test not yet done can confirm is said "the most likely so far", not
    # "likely" or "very likely", from this estimate up (ui.yaml `unconfirmed_band`).
    unconfirmed_said_from: float = Field(default=0.5, gt=0, lt=1)
    # ...and what alone confirms it (conditions.yaml `unconfirmed_note`) is said from this
    # estimate up: "unlikely (<1%); only tests can confirm it" reads as a reason to test.
    unconfirmed_noted_from: float = Field(default=0.2, ge=0, lt=1)
    # The leading cause leads clearly (guidance `top_lead: clear`, "fits best") when its
    # estimate is at least this many times the next one's; otherwise the lead is close.
    clear_lead_ratio: float = Field(default=2.0, gt=1)
    bands: list[Band] = Field(min_length=1)  # words for an estimate, highest first

    @field_validator("bands")
    @classmethod
    def _descending_to_zero(cls, value: list[Band]) -> list[Band]:
        limits = [band.at_least for band in value]
        if limits != sorted(limits, reverse=True) or limits[-1] != 0:
            raise ValueError("bands go from the highest `at_least` down to 0")
        return value

    @field_validator("group_dependence")
    @classmethod
    def _in_range(cls, value: dict[str, float]) -> dict[str, float]:
        if any(not 0 <= rho < 1 for rho in value.values()):
            raise ValueError("group dependence must be in [0, 1)")
        return value


class ConditionsFile(Strict):
    conditions: list[Condition]
    dangerous: list[str]  # conditions whose miss costs most: scored and guarded apart
    # ...and conditions guarded by "not ruled out yet" rules though not scored as dangerous
    # (a time-sensitive cause a scan report keeps open), after them in the summary
    guarded_too: list[str] = Field(default_factory=list)
    evidence: Evidence
    prior_groups: list[PriorGroup]
    findings: list[Finding]


# triage.yaml -------------------------------------------------------------------------


class LevelWords(Strict):
    label: Text
    now: Text  # what to do now, in one sentence: the summary's first block
    advice: Text


class LevelForPerson(LevelWords, Sourced):
    """A level's words for the people `when` holds for, where the place to be seen is not
    the level's usual one (late in pregnancy: the maternity unit, not the GP)."""

    when: Predicate


class Level(LevelWords):
    # The level's words when a warning sign at this level needs help at once ("call 999
    # now"), not within the level's usual time ("go today"): said in place of the usual ones.
    at_once: LevelWords | None = None
    # Said in place of the usual words for the people each `when` holds for (the first that
    # holds); a warning sign's `at_once` words still come first.
    for_person: list[LevelForPerson] = Field(default_factory=list)


class RedFlag(Sourced):
    id: str
    when: Predicate
    level: TriageLevel
    title: Text
    message: Text  # said at once, in the conversation
    suspect: list[str] = Field(default_factory=list)  # condition ids it points to
    # Its message says to get help now (call an ambulance, go in now), not within the
    # level's usual time: the level is then said with its `at_once` words.
    at_once: bool = False
    # Where to get help for it, when that is not the level's usual place (the maternity
    # unit, the early pregnancy unit): said as the level's one line.
    now: Text | None = None


class ProbabilityRule(Sourced):
    """Raise the level of care when a dangerous condition is this likely or more (and `when` holds)."""

    condition: str
    at_least: float = Field(gt=0, lt=1)
    level: TriageLevel
    when: Predicate | None = None


class UncheckedSign(Strict):
    """A warning sign the summary names as not checked when its answer is not known."""

    field: str
    name: Text  # "a fever"


class TriageFile(Strict):
    levels: dict[TriageLevel, Level]
    red_flags: list[RedFlag]
    probability_rules: list[ProbabilityRule]
    # Named in the summary's first block, when no warning sign was found and at least
    # `unchecked_at_least` of them are not known: "Not checked: a fever, a fall...".
    unchecked_signs: list[UncheckedSign] = Field(default_factory=list)
    unchecked_at_least: int = 2


# not_ruled_out.yaml ------------------------------------------------------------------


class TestWording(Strict):
    """The words of a settling test for the people `when` matches ("safe in pregnancy" only in pregnancy)."""

    when: Predicate
    text: Text
    short: Text | None = None  # None: the test's own short words


class SettlingTest(Sourced):
    """A test that would rule a dangerous condition in or out.

    `level`: the least level of care its words fit ("the same day" needs an emergency);
    every rule naming it has at least that level. `done_when`: the test (or its first part)
    has been done, so `then` names the next test instead ("an X-ray, then an MRI" once the
    X-ray is done is "an MRI"). `wordings`: other words for some people, the first that
    matches; otherwise `text` and `short`.
    """

    id: str
    text: Text  # "an MRI of the hip"
    short: Text  # "an MRI of the hip": the summary's first block
    level: TriageLevel = "consultation"
    done_when: Predicate | None = None
    then: str | None = None
    wordings: list[TestWording] = Field(default_factory=list)

    @model_validator(mode="after")
    def _done_then_next(self) -> SettlingTest:
        if (self.done_when is None) != (self.then is None):
            raise ValueError("`done_when` and `then` go together: what was done, and the test that comes next")
        return self


class NotRuledOutRule(Sourced):
    """When a dangerous condition cannot be excluded from what is known, and what follows.

    It applies when `when` holds about the person (None: always) and, if given, the
    condition is among the first `ranked_within` of the ranking with at least `at_least`
    probability. `when` says both why the condition stays possible and that what would
    exclude it (a scan, a blood test) has not been done; `because` says it in words.
    """

    id: str
    condition: str
    when: Predicate | None = None
    ranked_within: int | None = Field(default=None, ge=1)
    at_least: float | None = Field(default=None, gt=0, lt=1)
    level: TriageLevel  # the least level of care while the rule holds
    because: Text
    settle_with: str  # a SettlingTest id

    @model_validator(mode="after")
    def _says_when(self) -> NotRuledOutRule:
        if self.when is None and self.ranked_within is None and self.at_least is None:
            raise ValueError("a rule needs `when`, `ranked_within` or `at_least`")
        return self


class NotRuledOutFile(Strict):
    tests: list[SettlingTest]
    rules: list[NotRuledOutRule]


# guidance.yaml -----------------------------------------------------------------------


class GuidanceExclusion(Strict):
    """When an item must NOT be shown: any one part that holds hides it."""

    case: Predicate | None = None  # about the person or what was already done
    leading: list[str] | None = None  # the leading condition is one of these
    not_ruled_out: list[str] | None = None  # one of these is "not ruled out yet"


class GuidanceItem(Sourced):
    id: str
    section: str
    text: Text
    when: Predicate | None = None  # about the person; None: everyone
    top_condition_in: list[str] | None = None  # shown only when the leading condition is one of these
    # ...and only when it leads clearly ("fits best") or only when another is close behind
    # (evidence `clear_lead_ratio`); None: either
    top_lead: Literal["clear", "close"] | None = None
    triage_in: list[TriageLevel] | None = None
    open_in: list[str] | None = None  # shown only when one of these leads or is "not ruled out yet"
    not_when: GuidanceExclusion | None = None
    tags: list[str] = Field(default_factory=list)  # e.g. nsaid, bisphosphonate, gadolinium
    # Said in "What to do first" too, the short summary after an emergency warning: what
    # changes where to go or what to tell them (pregnant: "call your maternity unit").
    said_first: bool = False


class SafetyRule(Sourced):
    """Guidance tagged with any of `forbid_tags` is never shown while the rule holds.

    It holds when ALL of its parts that are given hold: `when` matches the person, the
    level of care is in `triage_in`, and one of `open_in` leads or is "not ruled out yet"
    (as for a guidance item's `open_in`). At least one part is given.
    """

    id: str
    when: Predicate | None = None
    triage_in: list[TriageLevel] | None = None
    open_in: list[str] | None = None
    forbid_tags: list[str] = Field(min_length=1)
    description: str

    @model_validator(mode="after")
    def _says_when(self) -> SafetyRule:
        if self.when is None and self.triage_in is None and self.open_in is None:
            raise ValueError("a safety rule needs `when`, `triage_in` or `open_in`")
        return self


class GuidanceSection(Strict):
    id: str
    title: Text


class SummarySection(Strict):
    """A part of the summary offered on request (a Telegram button, a number at the terminal)."""

    id: str
    title: Text
    shows: Literal["guidance", "reasons", "report"] = "guidance"
    guidance: list[str] = Field(default_factory=list)  # guidance section ids, for `shows: guidance`
    # after its items, each danger not ruled out yet, why, and the test that would settle it
    with_not_ruled_out: bool = False


class QuickAnswer(Sourced):
    """An answer given at once to a question the person asks before the summary ("is
    ibuprofen ok?" in pregnancy), instead of "the summary at the end answers it": when the
    question names one of `asked_with` (per language) and `when` holds of what is known."""

    id: str
    asked_with: dict[str, list[str]]
    # ...or when the person tells of it, not asking ("choro o dia todo"): words per language
    told_with: dict[str, list[str]] = Field(default_factory=dict)
    when: Predicate
    text: Text
    # Not given once a warning has raised the level of care: what that warning says to do
    # now answers it ("is this serious?" after a fall and not standing)
    unless_warned: bool = False
    # Followed by what the level of care says to do now, where a warning or the summary has
    # raised it ("is it broken?" after a fall: the cause waits for an X-ray, the visit does not)
    with_level_of_care: bool = False
    # After the summary, followed instead by why its level of care is what it is: the warning
    # signs and the dangers not ruled out yet that set it ("why urgent?", "who should I refer
    # her to?": user test 26, a generic line met both)
    with_reasons_for_level: bool = False
    # Given only while one of these conditions leads or is "not ruled out yet", as a guidance
    # item's `open_in`: the quick answer then says what the summary's advice says
    open_in: list[str] | None = None
    # The summary section (`summary_sections` id) that says more: after the summary, the
    # answer names it by its number and title, so the person can open it
    section: str | None = None


class GuidanceFile(Strict):
    summary_sections: list[SummarySection]
    sections: list[GuidanceSection]
    items: list[GuidanceItem]
    safety_rules: list[SafetyRule]
    quick_answers: list[QuickAnswer] = Field(default_factory=list)


# ui.yaml -----------------------------------------------------------------------------


class DisplayBand(Strict):
    """How a number below `below` (in the question's unit) is shown back: value / per, rounded."""

    below: float | None = None  # None: every larger value (the last band)
    per: float = Field(gt=0)
    decimals: int = Field(ge=0, le=3)
    one: Text  # the unit's name after exactly 1
    other: Text  # after any other number
    # Used only for a number whole (or a half) in this unit, else the next band: "2 months"
    # is said back as 2 months, "10 weeks" as 10 weeks (user tests, session 10).
    when_whole: bool = False
    # Said in words instead of a number: a duration stored as 0 weeks (under about 8 hours,
    # "2 horas") is "less than a day", not "0 days" (user test round 12).
    said: Text | None = None


class UnitName(Strict):
    """A unit as it is named back to the person, and the example number an error gives."""

    name: Text
    example: float


class DatedEvent(Strict):
    """A day named by an event ("Christmas", "Natal"): the same day every year."""

    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)
    words: list[str]


class MonthPart(Strict):
    """A part of a month said instead of its day ("mid November", "meados de novembro"):
    the day it is counted from."""

    day: int = Field(ge=1, le=28)
    words: list[str]


class Understanding(Strict):
    """How people of one language write numbers, hedge and negate (flows/answers.py)."""

    # A child named with an age in days, weeks or months is the writer's baby: "my son is 2
    # weeks old", "a minha filha tem 2 meses" are a new mother's, not someone else's answers.
    babies: list[str] = Field(default_factory=list)
    baby_age_units: list[str] = Field(default_factory=list)
    # ...and so is a "she" or "he" given such an age with one of these after it ("she's 5
    # weeks old", "ela tem 2 meses de vida"): not someone else with the hip pain.
    baby_age_after: list[str] = Field(default_factory=list)

    dont_know: list[str]
    see_now: list[str]  # after an emergency warning: "show me what to do now"
    # Words of wanting before a choice, which choose the same: "quero ver o que fazer", "i want
    # to see what to do" (user test pt-BR 22: not understood at the emergency offer).
    wanting: list[str] = Field(default_factory=list)
    # A typed answer that starts with one of these and ends with "?" (or starts with one
    # of the English ones) asks why the question is asked: "why do you need my age".
    why_openers: list[str] = Field(default_factory=list)
    # ...and after an answer ("male why is that important", "45, why do you need my age?"),
    # a why with one of these in it, or alone with a question mark, asks why the question is
    # asked, not why the hip hurts ("why is it so sore?").
    why_of_the_question: list[str] = Field(default_factory=list)
    carry_on: list[str]  # ... and "carry on answering"
    yes: list[str]  # every yes/no question understands these as yes
    no: list[str]
    # ...and at a result's question, these are its "Normal": a note's "nil", "nil of note"
    # (user test en 21: "nil" at the white cell count was not caught).
    nothing_found: list[str] = Field(default_factory=list)
    # An answer that is only a "sort of" ("kinda", "mais ou menos"): the question's
    # `asked_when_said_partly` is asked, not "did not catch" (user test en 21).
    said_partly: list[str] = Field(default_factory=list)
    # A number revised in a clause of its own ("3 weeks, well maybe 4"): the later one is
    # taken, and said back (user test en 21).
    number_revised: list[str] = Field(default_factory=list)
    ordinals: dict[str, int]  # "first" -> 1, "last" -> -1
    # Units of what no question measures ("6 kg", "3 miles"): a number with one is no age or
    # duration ("emagreceu uns 4 kg" at how long is no 4 weeks).
    other_measure_units: list[str] = Field(default_factory=list)
    # Names of what no question measures ("vit d 18", "hb 11", "ferritina 20"): a number right
    # after one, or after it in its clause, is that measure's, no week of pregnancy, age or
    # duration (session 30: "vit d was 18" at the pregnancy question was a second trimester).
    unasked_measures: list[str] = Field(default_factory=list)
    # Phrases with a number that say when or how, not how much: "de um dia para o outro"
    # (overnight) is no 1 day, "one day I woke up" no duration.
    no_number_phrases: list[str] = Field(default_factory=list)
    # What a "don't know" may be of, other than the question: "idk where to start, my hip
    # hurts" is no answer "Don't know" to the first question.
    unsure_of_another_thing: list[str] = Field(default_factory=list)
    # ...and the words that tie a "don't know" to the question's own subject: "fever not
    # sure", "not sure if i had a fever", "não sei se tive febre" are unsure of it.
    unsure_whether: list[str] = Field(default_factory=list)
    # The ways of "don't know" that lean to yes: "maybe a fever" is a fever said unsurely.
    leaning_yes: list[str] = Field(default_factory=list)
    # ...said alone or before one of these ("the last one"): "last night" picks no option
    ordinal_nouns: list[str] = Field(default_factory=list)
    ordinal_suffixes: list[str]  # "rd" of "3rd": an ordinal in digits, read with the unit after it
    thousands: list[str]  # what groups thousands in a typed number: "," in "12,000"
    pronouns: list[str]  # after a leading yes/no, a pronoun starts a new clause
    vague: list[str]  # a duration given only vaguely ("a while"): asked again for a rough number
    # ...or as since an event with no number ("since the birth"): asked when that was
    since_an_event: list[str] = Field(default_factory=list)
    negations: list[str]  # deny the words right after them: "no fever", "sem febre"
    clause_negations: list[str] = Field(default_factory=list)  # deny the verb, further: "doesn't make it worse"
    negation_suffixes: list[str] = Field(default_factory=list)  # a word ending so denies like one: "n't"
    clause_breaks: list[str]
    exceptions: list[str] = Field(default_factory=list)  # "until": at a one-answer question, what follows counts
    # "but", "mas": what follows counts only over an answer that is a hint or yields to one
    # ("can walk but it hurts", "fine but sore"); "left but sometimes right" is not "right"
    contrasts: list[str] = Field(default_factory=list)
    joiners: list[str] = Field(default_factory=list)  # "and", "with": join the parts of a several-answer reply
    # A joiner typed with a slip that is itself a word ("an" for "and"): read as that joiner
    # only right before one of `pronouns`, where the word it is cannot stand ("im 92 an my hip")
    joiner_slips: dict[str, str] = Field(default_factory=dict)
    joiner_slips_before: list[str] = Field(default_factory=list)  # the pronouns; not "it" ("an IT band")
    span_words: list[str] = Field(default_factory=list)  # "over": the duration after it is a span of time
    fillers: list[str]
    fillers_before_a_number: list[str] = Field(default_factory=list)
    all_of_them: list[str]
    # A yes at a "tick all that apply" question is a yes to some of them, said with these or
    # alone ("sim", "yes, some of them"): which ones is asked (user test pt-BR 19).
    some_of_them: list[str] = Field(default_factory=list)
    none_of_the_rest: list[str]  # after a denial at a checklist: the items not named are denied too
    # Phrases whose negation word denies nothing asked: "for no reason", "sem motivo nenhum",
    # "do nada", "nothing happened". A "no" or "none" inside one answers no question (user test
    # pt 21: "começou há 3 semanas sem razão nenhuma" was read as no pregnancy warning sign).
    negation_of_another_phrase: list[str] = Field(default_factory=list)
    # "Or anything" closing a denial ("no bleeding or anything", "n caí nem nada"): it widens
    # that denial, so it is a "none" only where the denial before it is of this question.
    or_anything: list[str] = Field(default_factory=list)
    cardinals: dict[str, int]
    articles: list[str] = Field(default_factory=list)  # cardinals that are also articles: numbers only before a unit
    # Definite articles: a number word right after one is a number only right before a unit
    # ("os dois", "as duas" typed alone are "both", no age of 2: user test 29)
    definite_articles: list[str] = Field(default_factory=list)
    halves: list[str] = Field(default_factory=list)  # "and a half" after a number: "2 and a half weeks" is 2.5
    # Between two numbers, a range: "5 or 6 weeks", "38 to 39", "5 ou 6 semanas" (its middle; a
    # reading's worst is its higher end). A dash is one in every language.
    range_words: list[str] = Field(default_factory=list)
    number_phrases: dict[str, str]
    shorthand: dict[int, str]
    # measure -> the unit (a word of its ui.yaml `units` table) a bare number of it is in,
    # where the language's laboratories agree on one; otherwise a number that means
    # different answers in different units is asked about.
    usual_units: dict[str, str] = Field(default_factory=dict)
    # The sign or words a lab result below its reporting limit is typed with ("CRP <5",
    # "PCR inferior a 5"): read as under the number, in the unit in which all of it is normal.
    below_a_limit: list[str] = Field(default_factory=list)
    # Words that name nothing on their own ("the", "one", "a da"): left out when words pick
    # an answer to change ("the mri one").
    function_words: list[str] = Field(default_factory=list)
    # Words that point at the options listed ("none of these", "nenhuma dessas"): beside a
    # plain no they add nothing to it (AnswerReader.only_denies).
    pointing_words: list[str] = Field(default_factory=list)
    # Words typed as they sound, or as voice typing hears them, read at the question asked as
    # the option's word meant: "nun of those", "rite" (user test en 21). Only where the meant
    # word is one of the question's and the typed one is not; a form that is itself a word of
    # the language ("write", "non" of "non weight bearing") only as the whole answer.
    sounds_like: dict[str, str] = Field(default_factory=dict)
    # Everyday words a letter away from an option's word, never read as its slip: "can i
    # have a hot bath?" at "Which hip?" is no "both" (user test en 21). Words of their own,
    # they say nothing to any question.
    everyday_words: list[str] = Field(default_factory=list)
    # Words beside a "no" at a warning-sign checklist that add no sign ("no, thank god",
    # "nah im fine", "not today"): a "None of these" is recorded with them, while any
    # other word stops it (flows.answers `_not_read_beside_nothing`).
    nothing_more_said: list[str] = Field(default_factory=list)
    # Forms read as the ones the options' words use: a relative's third person as the first
    # ("consegue" as "consigo", "she has" as "i have"), spoken forms ("tou" as "estou").
    read_as: dict[str, str] = Field(default_factory=dict)
    # ...and shorthand that is only another spelling of one word ("n" for "não"): read so at
    # every question, even where the options list the form itself (as a way of saying no).
    spelled_as: dict[str, str] = Field(default_factory=dict)
    # A title right before a number, the way a note opens ("Mr 58", "Mrs. 62", "Sra. 70"): read
    # as the sex it names (session 28). Only before a number: "MR hip showed oedema" is an MRI.
    titles_before_an_age: dict[str, str] = Field(default_factory=dict)
    # Words joining a list one denial reaches whole: "no fracture line or double line sign".
    alternatives: list[str] = Field(default_factory=list)
    listing_denials: list[str] = Field(default_factory=list)  # "denies A, B and C" (flows/phrases.py Language)
    # Words for a checklist as a whole: what a denial says of them (beside the question's
    # name) it says of every item ("denies warning signs", "denies any red flags").
    the_list_itself: list[str] = Field(default_factory=list)
    list_ands: list[str] = Field(default_factory=list)
    # Words of a clinician's note around a short answer ("Pt 41M", "41 yo M"): it stays alone.
    note_words: list[str] = Field(default_factory=list)
    # Hedges that deny the finding just before them: "AVN less likely", "fracture not seen".
    after_negations: list[str] = Field(default_factory=list)
    # A negation that closes a clause denies the phrase right before it: "diabetes não,
    # tenho osteoporose", "caí não", "câncer nunca tive", the Brazilian word order; "fever
    # no, trauma no" in a note. Only right after the phrase and only at the clause's end, so
    # "febre não sei" and "sangramento não para" deny nothing.
    closing_negations: list[str] = Field(default_factory=list)
    # ...also with one or two of these between: "fever: nil", "fever? no", "cauda equina sx neg"
    closing_negation_gaps: list[str] = Field(default_factory=list)
    # A negation that ends its clause, moved to the clause's start before reading: the
    # Brazilian "consigo andar não", "sinto o nenê mexer não" are "não consigo andar", "não
    # sinto o nenê mexer" (the sign, not its denial). Not after the words of
    # `kept_before_final_negation` ("acho que não", "ainda não", "ou não"), nor where the
    # clause is already denied ("não quero não").
    final_negations: list[str] = Field(default_factory=list)
    kept_before_final_negation: list[str] = Field(default_factory=list)
    # Words of a writer speaking of themselves ("i", "my", "eu", "tenho"): an answer with one
    # is not about someone called "he" or "she" (Answer.third_person).
    first_person: list[str] = Field(default_factory=list)
    # Words that open a question ("does", "será que"): a clause opening so and ending with a
    # question mark names no answer in passing ("Does that mean I have osteoporosis?").
    question_openers: list[str] = Field(default_factory=list)
    # ...unless they write for someone named without a sex ("asking for my neighbour, she's
    # in her 80s"): the "she" is that person, the one asked about.
    written_for: list[str] = Field(default_factory=list)
    # Tests no question asks about ("ultrasound", "CT"): findings said of them belong to no
    # scan question (flows/said_about.py).
    other_tests: list[str] = Field(default_factory=list)
    # Words that begin what is said of every test just named: "X-ray and bloods, both normal".
    each_of_them: list[str] = Field(default_factory=list)
    # Words that may stand before a test's name when tests are named together ("the xray and
    # the mri were normal", "a radiografia e a ressonância normais"): still one result said of both.
    before_a_test: list[str] = Field(default_factory=list)
    # Words that make a test named in passing not a result yet: booked, wanted, done to
    # rule something out ("MRI booked", "x-ray to rule out a break").
    not_a_result: list[str] = Field(default_factory=list)
    # A clause with a result word, a negation and a word of not being out yet ("resultado
    # ainda não saiu", "results not back yet"): what the test showed is not known.
    result_words: list[str] = Field(default_factory=list)
    result_not_out: list[str] = Field(default_factory=list)
    # ...or a result word and a word of waiting ("results pending"); or a negation or a word
    # of waiting and a word of coming back closing its clause ("not yet back").
    result_awaited: list[str] = Field(default_factory=list)
    result_returned: list[str] = Field(default_factory=list)
    result_pending_after: list[str] = Field(default_factory=list)
    # Words near a test's name that make it another place's or person's ("my knee MRI").
    other_places: list[str] = Field(default_factory=list)
    # Where a scan report's conclusion begins ("impression", "conclusão"): in it, words that
    # name a diagnosis (an option's `diagnoses`) are the radiologist's reading, not findings.
    conclusion_headings: list[str] = Field(default_factory=list)
    # Words that make a diagnosis said of a test in passing an opinion, not what the test
    # showed: "GP thinks it's TOH on the MRI", "MRI possibly AVN". Without them, "xray
    # said some arthritis" is the X-ray's finding, as it is in answer to the X-ray question.
    diagnosis_hedges: list[str] = Field(default_factory=list)
    # Words of a scan report that name no finding (headings, "consistent with"): not said back.
    report_words: list[str] = Field(default_factory=list)
    # Words after which, in its clause, something named in passing is asked about or advised,
    # not done or had: "should i take alendronate", "posso tomar brufen" (what comes before
    # them is still said: "35 weeks pregnant can i take ibuprofen" is pregnant).
    said_not_as_fact: list[str] = Field(default_factory=list)
    # Words that open what is asked or not known: what follows them in the clause is neither
    # said nor denied ("no idea whether he had a fall"), and a negation before them does not
    # reach past them ("he can't tell us if he fell" is no "no fall"; user test en 24).
    whether_words: list[str] = Field(default_factory=list)
    # ...and "if"/"se", which do so only right after a word of knowing or telling ("can't
    # tell us if he fell", "não sabe dizer se caiu"): "worse if I walk" is said all the same.
    if_words: list[str] = Field(default_factory=list)
    knowing_words: list[str] = Field(default_factory=list)
    # Endings that make a word plural ("s", "es"): a phrase of an answer typed with one of its
    # words singular or plural the other way ("veio aos pouco") is that answer, though each
    # word typed is a word of the language (flows/phrases.py `PhraseIndex.fuzzy`).
    plural_endings: list[str] = Field(default_factory=list)
    # ...and words that ask about what came before them in the clause: "is ibuprofen ok to
    # take?", "naproxen, is that ok?".
    asked_of_what_came_before: list[str] = Field(default_factory=list)
    # Words that ask what something is ("what's", "o que é", "never heard of"): with the words
    # a condition is asked as (conditions.yaml `asked_as`), its `about` is said at once.
    asks_what_it_is: list[str] = Field(default_factory=list)
    # ...and words that ask it only when they open the message ("q é a ota?", "que é isso de
    # OTA?"): further in, "acho que é a OTA" asks nothing.
    asks_what_it_is_opening: list[str] = Field(default_factory=list)
    # Words that, ending a clause that asks (it ends with "?" or opens with a question
    # word), ask whether what it names may be taken: "is ibuprofen ok", "brufen pode?"; a
    # clause that holds nothing else ("e ibuprofeno, pode?") asks of the short clause before.
    permission_asked: list[str] = Field(default_factory=list)
    # ...and the words that open such a question without its question mark: "is ibuprofen
    # ok" (not "can", which also opens "can walk fine").
    permission_openers: list[str] = Field(default_factory=list)
    # Words that, opening a clause, ask whether something may be taken, with or without the
    # question mark: "can i take co-codamol for hip pain, im 10 weeks pregnant", "posso
    # tomar ibuprofeno". Not "i can take paracetamol", which opens otherwise.
    asks_when_opening: list[str] = Field(default_factory=list)
    # A clause opening with these is a question, with or without the mark: what it names is
    # asked about, not done or had ("can i have an xray", "should i get an mri"). Only
    # openings no answer begins with: "can walk", "did an xray" tell, and are not here.
    unmarked_question_openings: list[str] = Field(default_factory=list)
    # ...and such a question ends where one of these goes on to tell ("can i take it im 30 weeks")
    question_ends_at: list[str] = Field(default_factory=list)
    # Words that lead to a date a duration is counted from ("since March", "desde o Natal"),
    # the days of events named as dates, the words that join a day to its month ("3 de
    # março") and the endings of a day's ordinal: flows/dates_said.py.
    since_words: list[str] = Field(default_factory=list)
    dated_events: list[DatedEvent] = Field(default_factory=list)
    date_joiners: list[str] = Field(default_factory=list)
    ordinal_endings: list[str] = Field(default_factory=list)  # "the 3rd", "dia 3º"
    last_words: list[str] = Field(default_factory=list)  # "since last tuesday", "desde a segunda passada"
    weekend_words: list[str] = Field(default_factory=list)  # "since the weekend": from the last Saturday
    month_parts: list[MonthPart] = Field(default_factory=list)  # "since mid November": from its 15th
    last_year_words: list[str] = Field(default_factory=list)  # "since november last year"
    # Words of a message that opens by telling of the pain or by greeting ("my hip hurts",
    # "hello"): before any question is answered, such a message is thanked, not refused.
    opening_words: list[str] = Field(default_factory=list)
    # What a clinician's note goes on with after its head ("F 44 c/o ..."): an age before it stands apart.
    note_goes_on: list[str] = Field(default_factory=list)
    # Words before a test a scan report compares with ("Comparison: radiograph..."): the
    # findings after it are the report's own test's (flows/said_about.py).
    comparison_words: list[str] = Field(default_factory=list)
    # Words that say an earlier answer is being corrected ("actually", "afinal"): a message
    # naming another answer to a question already answered is told how to change it.
    correction_words: list[str] = Field(default_factory=list)
    # Who the answers are about: a message with one of `for_someone_else` ("asking for my
    # mum", "a carer") is from a relative or a clinician, and so are the other signs below,
    # unless it has one of `for_the_writer` ("my hip", "my wife made me come"): the
    # questions then ask about "them". One of `for_myself` ("it's for me") turns that back.
    # flows/who_is_asked.py says how these combine.
    for_someone_else: list[str] = Field(default_factory=list)
    # A clinician's role said of the writer: after one of `role_before` ("i'm a", "sou"),
    # before one of `role_after` ("here", "aqui"), or opening the message.
    roles: list[str] = Field(default_factory=list)
    role_before: list[str] = Field(default_factory=list)
    role_after: list[str] = Field(default_factory=list)
    # ... or naming a relative as one's own: one of `possessives` a few words before one of
    # `relatives` ("my husband's hip", "my 25 yo daughter", "da minha mulher"), or one of
    # `possessives_after` right after it ("um amigo meu", "a friend of mine").
    relatives: list[str] = Field(default_factory=list)
    possessives: list[str] = Field(default_factory=list)
    possessives_after: list[str] = Field(default_factory=list)
    # A relative's word that names one only right after one of `possessives` ("my bf"): alone
    # it means something else ("bf yes": breastfeeding, after a birth).
    relatives_after_a_possessive: list[str] = Field(default_factory=list)
    # People a note or a relative opens a sentence on ("Senhora idosa", "lady at 36/40").
    persons: list[str] = Field(default_factory=list)
    # Words the message may open on: "she's 78", "Pt 41M".
    opens_for_someone_else: list[str] = Field(default_factory=list)
    # Words only a clinician writes of a patient: a message with one of `clinician_words`
    # anywhere ("my patient", "dx"), or opening on one of `clinician_opens` ("pt 41F"), is a
    # clinician's (user test en 22b: "pt dx TOH on MRI" got a relative's framing).
    clinician_words: list[str] = Field(default_factory=list)
    # A note's glued age and sex ("65F") is a clinician's only with a note's shorthand beside
    # it: one of these words ("hx", "WB"), a duration in weeks or months of a note ("3/52"),
    # or a query glued to a word ("?AVN"). "22F, marathon training, groin pain" is the
    # writer's own, as "52M" and "im 22F" are (user test en 24).
    note_shorthand: list[str] = Field(default_factory=list)
    note_durations: list[str] = Field(default_factory=list)
    note_queries: list[str] = Field(default_factory=list)
    clinician_opens: list[str] = Field(default_factory=list)
    # A person's word that is also how one answers one's own sex ("mulher", "man"): opening
    # a message right before an age ("mulher, 72 anos, dor na anca") it is the writer's.
    sex_words: list[str] = Field(default_factory=list)
    # ...nor "he" or "she" said of the baby's movements ("ele ta mexendo pouco"): the baby.
    baby_movements: list[str] = Field(default_factory=list)
    # The letters of a note's age and sex glued ("65F", "42A").
    age_letters: list[str] = Field(default_factory=list)
    glued_age_at_least: int = 0  # ...an adult's age: "10m" is a distance
    # A number after these is the writer's own age ("im 41", "tenho 45 anos").
    writer_age_leads: list[str] = Field(default_factory=list)
    # Writing for someone else, the writer's own state ("I'm pregnant myself"): not the patient's.
    writer_states: list[str] = Field(default_factory=list)
    # The writer speaking as "I": a relative named beside them is theirs, not the patient.
    writer_words: list[str] = Field(default_factory=list)
    for_the_writer: list[str] = Field(default_factory=list)
    for_myself: list[str] = Field(default_factory=list)
    # Words where a sentence may turn to another subject ("my son had a fever and my hip
    # hurts"): what is said of a relative ends there.
    subject_changes: list[str] = Field(default_factory=list)


class Language(Strict):
    """A language the product is offered in (content/ui.yaml `languages`)."""

    id: str  # the key of its texts (Text.en, Text.pt), or a variant's own id ("pt-BR")
    name: str  # its own name, on the /language buttons: "English", "Português"
    babel: str  # the locale numbers, percentages and dates are written in: "pt_PT"
    # language tags that choose it: BCP 47 primary subtags ("pt"), or whole tags ("pt-br"),
    # which win over a primary subtag
    tags: list[str] = Field(min_length=1)
    synonyms: list[str] = Field(default_factory=list)  # typed words that choose it at /language
    # ...of which those that name the whole language, not this region ("português", "pt"):
    # typed by someone already in one of its variants, they keep that variant.
    family_names: list[str] = Field(default_factory=list)
    reviewed: bool  # False: a translation awaiting review by a clinician who speaks it
    # A regional variant (flows/adaptations.py): it reads as its base language does and
    # shows the base's texts except where its catalogue (a path under content/) adapts them.
    variant_of: str | None = None
    adapted_in: str | None = None
    # Words of the base its readers would not use ("anca"): no text the variant shows may
    # contain one, so every base text that needs adapting is adapted.
    not_said: list[str] = Field(default_factory=list)
    # Command id -> the word this language's texts name it by ("/voltar") and Telegram's menu
    # lists for it; a command left out is named by its id ("/back"). Each is one of the
    # command's `commands` words, so a name shown is always understood (user test pt 20: the
    # Portuguese texts said "/back", "/more", "/report").
    command_names: dict[str, str] = Field(default_factory=dict)


class UiFile(Strict):
    """Channel-neutral wording: greetings, help, errors, section titles, disclaimers."""

    languages: list[Language] = Field(min_length=1)  # the first is the default
    messages: dict[str, Text]
    understanding: dict[str, Understanding]  # language -> its word lists
    commands: dict[str, list[str]]  # command id -> words that invoke it (without the slash)
    units: dict[str, dict[str, float]] = Field(default_factory=dict)  # unit -> word -> factor
    unit_names: dict[str, UnitName] = Field(default_factory=dict)  # unit -> its name in each language
    # A unit word -> how it is written when shown ("mg/l" -> "mg/L"): symbols, the same in every language.
    unit_symbols: dict[str, str] = Field(default_factory=dict)
    number_display: dict[str, list[DisplayBand]] = Field(default_factory=dict)  # unit -> bands, smallest first
    disclaimer_source: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _command_names_are_command_words(self) -> UiFile:
        for language in self.languages:
            for command, name in language.command_names.items():
                if command not in self.commands:
                    raise ValueError(f"languages.{language.id}.command_names: no command {command!r}")
                if name not in self.commands[command]:
                    raise ValueError(f"languages.{language.id}.command_names.{command}: {name!r} is not one of "
                                     f"commands.{command}, so it would not be understood")
                # Telegram's command names (and the part of a "/word" it makes tappable)
                if not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                    raise ValueError(f"languages.{language.id}.command_names.{command}: {name!r} must be 1 to 32 of "
                                     "a-z, 0-9 and _ (Telegram's command names)")
        return self

    @model_validator(mode="after")
    def _bands_rise_end_open_and_match_units(self) -> UiFile:
        for unit, bands in self.number_display.items():
            limits = [band.below for band in bands if not band.when_whole]
            if not bands or limits[-1] is not None:
                raise ValueError(f"number_display.{unit}: the last band must have no `below`, so every number "
                                 "has a band")
            closed = [limit for limit in limits[:-1] if limit is not None]
            if len(closed) != len(limits) - 1 or closed != sorted(set(closed)):
                raise ValueError(f"number_display.{unit}: every band but the last needs a `below`, each larger than "
                                 "the one before")
            # A number is said back with the factor it is read with: "3 days" must read back as 3 days.
            for band in bands:
                if band.when_whole and band.below is None:
                    raise ValueError(f"number_display.{unit}: a `when_whole` band needs a `below`")
                factor = self.units.get(unit, {}).get(band.other.en)
                if factor != band.per:
                    raise ValueError(f"number_display.{unit}: `per` {band.per} for {band.other.en!r} differs from "
                                     f"units.{unit}.{band.other.en} ({factor})")
        return self
