"""Load content/ once, validate it, and compile its predicates.

Who calls it: every entry point (CLI, terminal, Telegram, tests) at start-up through
`get_content()`, which caches the result for the process. A broken file fails here,
at start, with the file, the path inside it and the reason — never mid-conversation.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from flows.adaptations import AdaptationError, read_adaptations, words_not_said
from flows.case import CASE_FIELDS, Case, field_values
from flows.content_models import (
    REQUIRED_CONDITIONS,
    TRIAGE_ORDER,
    Answer,
    Condition,
    ConditionsFile,
    Evidence,
    Finding,
    FlowFile,
    FlowState,
    GuidanceFile,
    GuidanceItem,
    Language,
    LevelForPerson,
    NotRuledOutFile,
    NotRuledOutRule,
    PriorGroup,
    ProbabilityRule,
    Question,
    QuestionsFile,
    QuickAnswer,
    RedFlag,
    Reference,
    ReferencesFile,
    SafetyRule,
    SettlingTest,
    TestWording,
    Text,
    TriageFile,
    UiFile,
)
from flows.predicates import CaseTest
from flows.yaml_loader import load_yaml

FileModel = TypeVar("FileModel", bound=BaseModel)


class ContentError(ValueError):
    """A content file is missing, malformed or inconsistent. The message names file and path."""


@dataclass(frozen=True)
class Content:
    """Everything in content/, validated, with predicates compiled to functions."""

    root: Path
    references: dict[str, Reference]
    questions: dict[str, Question]
    options: dict[str, list[Answer]]  # question id -> its answers (sets resolved)
    flow: FlowFile
    guards: dict[str, CaseTest]
    conditions: dict[str, Condition]
    possible_for: dict[str, CaseTest | None]  # condition -> its compiled `only_when` (None: everyone)
    confirmed_for: dict[str, CaseTest]  # condition -> its compiled `confirmed_when`, where it has one
    # condition -> [(when, its `about` for those people)], compiled (conditions.yaml `about_for`)
    about_for: dict[str, list[tuple[CaseTest, Text]]]
    dangerous: tuple[str, ...]  # conditions whose miss costs most (scored and guarded apart)
    guarded: tuple[str, ...]  # the dangerous ones and `guarded_too`: what "not ruled out yet" rules keep open
    evidence: Evidence
    prior_groups: list[tuple[PriorGroup, CaseTest | None]]
    findings: list[tuple[Finding, CaseTest]]
    triage: TriageFile
    red_flags: list[tuple[RedFlag, CaseTest]]
    probability_rules: list[tuple[ProbabilityRule, CaseTest | None]]
    level_for_person: dict[str, list[tuple[LevelForPerson, CaseTest]]]  # level id -> its words for some people
    not_ruled_out: list[tuple[NotRuledOutRule, CaseTest | None]]
    settling_tests: dict[str, SettlingTest]
    # test id -> (done_when, [(when, wording)]): compiled, for the person's own test words
    settling_checks: dict[str, tuple[CaseTest | None, list[tuple[CaseTest, TestWording]]]]
    guidance: GuidanceFile
    guidance_items: list[tuple[GuidanceItem, CaseTest | None, CaseTest | None]]  # item, when, not_when.case
    safety_rules: list[tuple[SafetyRule, CaseTest | None]]  # rule, when (the assessment parts: flows/guidance.py)
    quick_answers: list[tuple[QuickAnswer, CaseTest]]  # answer, when
    ui: UiFile
    version: str  # a stable hash of the content files: which knowledge produced an output
    # a regional variant -> its base text -> its own (flows/adaptations.py); empty: none offered
    adaptations: dict[str, dict[str, str]] = field(default_factory=dict)

    def message(self, key: str, locale: str = "en", **values: Any) -> str:
        """A UI message by id, formatted with `values`."""
        text = self.text(self.ui.messages[key], locale)
        return text.format(**values) if values else text

    def about(self, condition: str, case: Case, locale: str = "en") -> str:
        """What `condition` is, in the words that fit this person (conditions.yaml `about_for`,
        else `about`)."""
        chosen = next((text for fits, text in self.about_for[condition] if fits(case)),
                      self.conditions[condition].about)
        return self.text(chosen, locale)

    def early_end(self, case: Case) -> FlowState | None:
        """The end before the summary that what is known of the person leads to (a child, a
        replaced hip), if any: the end of the first guarded transition into an end whose
        guard holds. The report for the doctor says it in place of the differential (user
        test en 19: a replaced hip's report listed a natural hip's causes)."""
        for transition in self.flow.transitions:
            state = self.flow_states[transition.dest]
            if state.final and transition.guard is not None and self.guards[transition.guard](case):
                return state
        return None

    @cached_property
    def flow_states(self) -> dict[str, FlowState]:
        return {state.id: state for state in self.flow.states}

    def text(self, text: Text, locale: str = "en") -> str:
        """The display string of a Text in `locale` (the loader made sure it has every
        language offered; English for a language that is not). A regional variant shows
        its adaptation of the base language's text, or that text where it needs none."""
        adapted = self.adaptations.get(locale)
        if adapted is not None:
            base = self.text(text, self.reads_as(locale))
            return adapted.get(base, base)
        translated: str | None = getattr(text, locale, None)
        return translated or text.en

    def reads_as(self, language: str) -> str:
        """The language whose word lists read this one's answers: a variant's base, else itself."""
        chosen = self.languages.get(language)
        return chosen.variant_of if chosen is not None and chosen.variant_of else language

    @cached_property
    def languages(self) -> dict[str, Language]:
        """The languages offered, by id, the default first (built once: every text shown in a
        regional variant asks which language it reads as)."""
        return {language.id: language for language in self.ui.languages}

    @property
    def default_language(self) -> str:
        return self.ui.languages[0].id


CONTENT_DIR_VARIABLE = "ITOH_CONTENT_DIR"


def default_root() -> Path:
    """content/ as shipped inside the installed package (works from a wheel too).

    ITOH_CONTENT_DIR points at another copy, so a clinician can try edited content
    without reinstalling.
    """
    override = os.environ.get(CONTENT_DIR_VARIABLE)
    return Path(override) if override else Path(str(resources.files("content")))


@cache
def get_content() -> Content:
    """The process-wide content, loaded once."""
    return load_content(default_root())


def load_content(root: Path) -> Content:
    """Load and cross-check every content file under `root`."""
    references = _read(root, "references.yaml", ReferencesFile)
    questions_file = _read(root, "questions.yaml", QuestionsFile)
    flow = _read(root, "flow.yaml", FlowFile)
    conditions_file = _read(root, "conditions.yaml", ConditionsFile)
    triage = _read(root, "triage.yaml", TriageFile)
    not_ruled_out = _read(root, "not_ruled_out.yaml", NotRuledOutFile)
    guidance = _read(root, "guidance.yaml", GuidanceFile)
    ui = _read(root, "ui.yaml", UiFile)

    refs = _unique(root / "references.yaml", "references", references.references)
    checker = _Checker(root, set(refs))
    conditions = _unique(root / "conditions.yaml", "conditions", conditions_file.conditions)
    checker.conditions(conditions_file, conditions)
    checker.triage(triage, conditions)
    settling_tests = _unique(root / "not_ruled_out.yaml", "tests", not_ruled_out.tests)
    checker.not_ruled_out(not_ruled_out, [*conditions_file.dangerous, *conditions_file.guarded_too], settling_tests)
    questions = _unique(root / "questions.yaml", "questions", questions_file.questions)
    options = checker.questions(questions_file, questions)
    checker.units(questions, ui)
    checker.flow(flow, questions)
    checker.guidance(guidance, conditions)
    checker.said_when_unsure(questions, guidance)
    checker.sources("ui.yaml", "disclaimer_source", ui.disclaimer_source)
    checker.end_messages(flow, ui)
    files: dict[str, BaseModel] = {
        "references.yaml": references, "questions.yaml": questions_file, "flow.yaml": flow,
        "conditions.yaml": conditions_file, "triage.yaml": triage, "not_ruled_out.yaml": not_ruled_out,
        "guidance.yaml": guidance, "ui.yaml": ui}
    checker.languages(ui, files)
    adaptations = checker.variants(ui, files)

    return Content(
        root=root,
        references=refs,
        questions=questions,
        options=options,
        flow=flow,
        guards={name: guard.when.compile() for name, guard in flow.guards.items()},
        conditions=conditions,
        possible_for={c.id: c.only_when.compile() if c.only_when else None for c in conditions.values()},
        confirmed_for={c.id: c.confirmed_when.compile() for c in conditions.values() if c.confirmed_when},
        about_for={c.id: [(w.when.compile(), w.text) for w in c.about_for] for c in conditions.values()},
        dangerous=tuple(conditions_file.dangerous),
        guarded=(*conditions_file.dangerous, *conditions_file.guarded_too),
        evidence=conditions_file.evidence,
        prior_groups=[(g, g.when.compile() if g.when else None) for g in conditions_file.prior_groups],
        findings=[(f, f.when.compile()) for f in conditions_file.findings],
        triage=triage,
        red_flags=[(flag, flag.when.compile()) for flag in triage.red_flags],
        probability_rules=[(rule, rule.when.compile() if rule.when else None) for rule in triage.probability_rules],
        level_for_person={level_id: [(words, words.when.compile()) for words in level.for_person]
                          for level_id, level in triage.levels.items()},
        not_ruled_out=[(rule, rule.when.compile() if rule.when else None) for rule in not_ruled_out.rules],
        settling_tests=settling_tests,
        settling_checks={
            test.id: (test.done_when.compile() if test.done_when else None,
                      [(wording.when.compile(), wording) for wording in test.wordings])
            for test in settling_tests.values()
        },
        guidance=guidance,
        guidance_items=[
            (i, i.when.compile() if i.when else None,
             i.not_when.case.compile() if i.not_when and i.not_when.case else None)
            for i in guidance.items
        ],
        safety_rules=[(rule, rule.when.compile() if rule.when else None) for rule in guidance.safety_rules],
        quick_answers=[(answer, answer.when.compile()) for answer in guidance.quick_answers],
        ui=ui,
        version=content_version(root),
        adaptations=adaptations,
    )


def content_version(root: Path) -> str:
    """The first 12 hex digits of a SHA-256 over every content file, by name: the same files
    give the same version on every machine, and any edit gives another."""
    digest = hashlib.sha256()
    for path in sorted([*root.glob("*.yaml"), *root.glob("*.po")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def _read(root: Path, name: str, model: type[FileModel]) -> FileModel:
    path = root / name
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentError(f"{path}: file is missing") from None
    except Exception as exc:  # yaml errors carry line and column
        raise ContentError(f"{path}: not valid YAML: {exc}") from None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _describe_location(raw, first["loc"])
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise ContentError(f"{path}: {where}: {first['msg']}{more}") from None


def _describe_location(raw: Any, loc: tuple[Any, ...]) -> str:
    """`findings[3](mri_oedema).likelihood_ratios.itoh` — indices with the item's id."""
    parts: list[str] = []
    node = raw
    for key in loc:
        if isinstance(key, int) and isinstance(node, list) and key < len(node):
            node = node[key]
            label = node.get("id") if isinstance(node, dict) else None
            parts[-1:] = [f"{parts[-1] if parts else ''}[{key}]" + (f"({label})" if label else "")]
            continue
        parts.append(str(key))
        node = node.get(key) if isinstance(node, dict) else None
    return ".".join(parts) or "(top level)"


def texts_of(content: Content, language: str) -> Iterator[str]:
    """Every text of the content in one language: questions, options, messages, conditions, guidance."""
    for node in (content.questions, content.options, content.ui.messages, content.conditions, content.guidance,
                 content.triage):
        for _, text in _texts(node):
            value = content.text(text, language) if language in content.adaptations else getattr(text, language, None)
            if value:
                yield value


def _texts(node: Any, where: str = "") -> Iterator[tuple[str, Text]]:
    """Every Text in a loaded file with where it is: `questions[3](sex).options[0].label`."""
    if isinstance(node, Text):
        yield where, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _texts(getattr(node, name), f"{where}.{name}" if where else name)
    elif isinstance(node, list | tuple):
        for index, item in enumerate(node):
            label = getattr(item, "id", None)
            yield from _texts(item, f"{where}[{index}]" + (f"({label})" if isinstance(label, str) else ""))
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _texts(value, f"{where}.{key}" if where else str(key))


def _unique(path: Path, what: str, items: list[Any]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for item in items:
        if item.id in seen:
            raise ContentError(f"{path}: {what}: id `{item.id}` appears twice")
        seen[item.id] = item
    return seen


class _Checker:
    """Cross-file consistency checks; each raises ContentError naming file and path."""

    def __init__(self, root: Path, reference_ids: set[str]) -> None:
        self.root = root
        self.reference_ids = reference_ids

    def fail(self, file: str, where: str, reason: str) -> None:
        raise ContentError(f"{self.root / file}: {where}: {reason}")

    def sources(self, file: str, where: str, sources: list[str]) -> None:
        for source in sources:
            if source not in self.reference_ids:
                self.fail(file, where, f"source `{source}` is not in references.yaml")

    def languages(self, ui: UiFile, files: dict[str, BaseModel]) -> None:
        """Every text in every file in every language offered: a person who chose
        Portuguese must never meet an English sentence (or an empty one)."""
        offered = {i: language for i, language in _unique(self.root / "ui.yaml", "languages", ui.languages).items()
                   if language.variant_of is None}
        for index, language in enumerate(ui.languages):
            if language.variant_of is None and language.id not in Text.model_fields:
                self.fail("ui.yaml", f"languages[{index}]({language.id})",
                          f"texts cannot hold `{language.id}` (Text has {sorted(Text.model_fields)})")
        for language_id in offered:
            if language_id not in ui.understanding:
                self.fail("ui.yaml", "understanding", f"no word lists for `{language_id}`, a language offered")
        for file, model in files.items():
            for where, text in _texts(model):
                for language_id in offered:
                    if not (getattr(text, language_id, None) or "").strip():
                        self.fail(file, where, f"missing `{language_id}` (every text needs each language offered)")

    def variants(self, ui: UiFile, files: dict[str, BaseModel]) -> dict[str, dict[str, str]]:
        """Each regional variant's adaptations, checked: its base is a language offered in its
        own right, every entry adapts a text in use, and no text it shows has a word its
        readers do not use."""
        bases = {language.id for language in ui.languages if language.variant_of is None}
        adaptations: dict[str, dict[str, str]] = {}
        for index, language in enumerate(ui.languages):
            if language.variant_of is None:
                continue
            where = f"languages[{index}]({language.id})"
            if language.variant_of not in bases:
                self.fail("ui.yaml", where,
                          f"variant_of `{language.variant_of}` is not a language offered in its own right")
            base_texts = [(file, at, getattr(text, language.variant_of) or text.en)
                          for file, model in files.items() for at, text in _texts(model)]
            try:
                adapted = read_adaptations(self.root, language, (text for _, _, text in base_texts))
            except AdaptationError as error:
                raise ContentError(str(error)) from None
            shown: dict[str, tuple[str, str]] = {}  # each text shown, where it first stands
            for file, at, text in base_texts:
                shown.setdefault(adapted.get(text, text), (file, at))
            for text, word in words_not_said(language, shown)[:1]:
                file, at = shown[text]
                self.fail(file, at, f"`{language.id}` shows {word!r}, a word its readers do not use "
                                    f"(ui.yaml not_said): adapt the text in {language.adapted_in}")
            adaptations[language.id] = adapted
        return adaptations

    def conditions(self, data: ConditionsFile, conditions: dict[str, Condition]) -> None:
        missing = [c for c in REQUIRED_CONDITIONS if c not in conditions]
        if missing:
            self.fail("conditions.yaml", "conditions", f"missing required conditions {missing}")
        for condition in data.conditions:
            self.sources("conditions.yaml", f"conditions({condition.id})", condition.source)
        for index, group in enumerate(data.prior_groups):
            where = f"prior_groups[{index}]({group.id})"
            self.sources("conditions.yaml", where, group.source)
            if set(group.probabilities) != set(conditions):
                self.fail("conditions.yaml", f"{where}.probabilities", "must give every condition once")
            is_last = index == len(data.prior_groups) - 1
            if (group.when is None) != is_last:
                self.fail("conditions.yaml", where, "exactly the last group has no `when` (catch-all)")
        unknown_dangerous = sorted(set(data.dangerous + data.guarded_too) - set(conditions))
        if unknown_dangerous:
            self.fail("conditions.yaml", "dangerous", f"unknown conditions {unknown_dangerous}")
        self.sources("conditions.yaml", "evidence", data.evidence.source)
        _unique(self.root / "conditions.yaml", "findings", data.findings)
        for finding in data.findings:
            where = f"findings({finding.id})"
            self.sources("conditions.yaml", where, finding.source)
            if set(finding.probabilities) != set(conditions):
                missing = sorted(set(conditions) - set(finding.probabilities))
                extra = sorted(set(finding.probabilities) - set(conditions))
                self.fail("conditions.yaml", f"{where}.probabilities",
                          f"must give every condition once (missing {missing}, unknown {extra})")
            if finding.group not in data.evidence.group_dependence:
                reason = f"group `{finding.group}` is not in evidence.group_dependence"
                self.fail("conditions.yaml", f"{where}.group", reason)
            for key, named_list in (("risk_factor_of", finding.risk_factor_of),
                                    ("not_a_reason_for", finding.not_a_reason_for)):
                for named in named_list:
                    if named not in conditions:
                        self.fail("conditions.yaml", f"{where}.{key}", f"unknown condition `{named}`")

    def not_ruled_out(self, data: NotRuledOutFile, dangerous: list[str], tests: dict[str, SettlingTest]) -> None:
        for test in data.tests:
            self.sources("not_ruled_out.yaml", f"tests({test.id})", test.source)
            if test.then is not None and test.then not in tests:
                self.fail("not_ruled_out.yaml", f"tests({test.id}).then", f"no test `{test.then}` under tests")
        _unique(self.root / "not_ruled_out.yaml", "rules", data.rules)
        for rule in data.rules:
            where = f"rules({rule.id})"
            self.sources("not_ruled_out.yaml", where, rule.source)
            if rule.condition not in dangerous:
                self.fail("not_ruled_out.yaml", f"{where}.condition",
                          f"`{rule.condition}` is not one of the guarded conditions {dangerous}")
            if rule.settle_with not in tests:
                self.fail("not_ruled_out.yaml", f"{where}.settle_with", f"no test `{rule.settle_with}` under tests")
            # The test named, and every test that can follow it, must fit the rule's level:
            # "fluid from the joint, the same day" under "be seen within 24 hours" would not.
            chain = [rule.settle_with]
            while tests[chain[-1]].then is not None:
                if tests[chain[-1]].then in chain:
                    self.fail("not_ruled_out.yaml", f"tests({chain[-1]}).then", f"a loop: {chain}")
                chain.append(tests[chain[-1]].then or "")
            for test_id in chain:
                if TRIAGE_ORDER.index(tests[test_id].level) > TRIAGE_ORDER.index(rule.level):
                    self.fail("not_ruled_out.yaml", f"{where}.settle_with",
                              f"test `{test_id}` needs level {tests[test_id].level}, the rule sets {rule.level}")

    def triage(self, data: TriageFile, conditions: dict[str, Condition]) -> None:
        if set(data.levels) != {"emergency", "urgent", "consultation"}:
            self.fail("triage.yaml", "levels", "must define emergency, urgent and consultation")
        _unique(self.root / "triage.yaml", "red_flags", data.red_flags)
        for flag in data.red_flags:
            self.sources("triage.yaml", f"red_flags({flag.id})", flag.source)
            for condition in flag.suspect:
                if condition not in conditions:
                    self.fail("triage.yaml", f"red_flags({flag.id}).suspect", f"unknown condition `{condition}`")
            if flag.at_once and data.levels[flag.level].at_once is None:
                self.fail("triage.yaml", f"red_flags({flag.id}).at_once",
                          f"level {flag.level} has no `at_once` words to say it with")
        for level_id, level in data.levels.items():
            for index, words in enumerate(level.for_person):
                self.sources("triage.yaml", f"levels.{level_id}.for_person[{index}]", words.source)
        for sign in data.unchecked_signs:
            if sign.field not in CASE_FIELDS:
                self.fail("triage.yaml", "unchecked_signs", f"unknown case field `{sign.field}`")
        for index, rule in enumerate(data.probability_rules):
            self.sources("triage.yaml", f"probability_rules[{index}]", rule.source)
            if rule.condition not in conditions:
                self.fail("triage.yaml", f"probability_rules[{index}]", f"unknown condition `{rule.condition}`")

    def questions(self, data: QuestionsFile, questions: dict[str, Question]) -> dict[str, list[Answer]]:
        options: dict[str, list[Answer]] = {}
        for question in data.questions:
            where = f"questions({question.id})"
            if question.why is None or not question.why_source:
                self.fail("questions.yaml", where, "every question says `why` it is asked, with its `why_source`")
            self.sources("questions.yaml", f"{where}.why_source", question.why_source)
            for name in question.fields:
                if name not in CASE_FIELDS:
                    self.fail("questions.yaml", where, f"unknown case field `{name}`")
            for option in question.answers if isinstance(question.answers, list) else []:
                if option.of_the_answer_to is not None and option.of_the_answer_to not in {
                        q.id for q in data.questions}:
                    self.fail("questions.yaml", where, f"`of_the_answer_to`: no question {option.of_the_answer_to}")
                if option.field is not None and field_values(option.field) != (True, False):
                    self.fail("questions.yaml", where, f"checklist field `{option.field}` is not a yes/no field")
                for written in (option.sets or {}, option.unticked or {}):
                    for name, value in written.items():
                        allowed_values = field_values(name)
                        if value is not None and allowed_values is not None and value not in allowed_values:
                            self.fail("questions.yaml", f"{where}.answers", f"`{value}` is not a value of `{name}`")
            answers = question.answers
            if isinstance(answers, str):
                if answers not in data.answer_sets:
                    self.fail("questions.yaml", f"{where}.answers", f"no answer set `{answers}`")
                answers = data.answer_sets[answers]
            allowed = field_values(question.field) if question.field is not None else None
            for answer in answers or []:
                if answer.value is not None and allowed is not None and answer.value not in allowed:
                    reason = f"`{answer.value}` is not a value of `{question.field}`"
                    self.fail("questions.yaml", f"{where}.answers", reason)
            values = [answer.value for answer in answers or []]
            for answer in answers or []:
                if answer.when_denied is not None and answer.when_denied not in values:
                    self.fail("questions.yaml", f"{where}.answers", f"`when_denied: {answer.when_denied}` is not "
                              "the value of another answer")
            for index, implied in enumerate(question.implied_by):
                other = questions.get(implied.question)
                if other is None:
                    self.fail("questions.yaml", f"{where}.implied_by[{index}]", f"no question `{implied.question}`")
                    continue
                theirs = [a.value for a in (data.answer_sets[other.answers] if isinstance(other.answers, str)
                                            else other.answers or [])]
                if any(value not in theirs for value in implied.answers) or implied.answer not in values:
                    self.fail("questions.yaml", f"{where}.implied_by[{index}]",
                              "`answers` must be values of the other question, `answer` a value of this one")
                if implied.below is not None and other.kind != "number":
                    self.fail("questions.yaml", f"{where}.implied_by[{index}]", "`below` needs a number question")
            if question.kind != "number" and not any(a.value is None for a in answers or []):
                self.fail("questions.yaml", f"{where}.answers", "needs a \"don't know\" answer (value: null)")
            options[question.id] = list(answers or [])
        # A field is asked once; a checklist that only records which tests were done (its
        # items say what a tick `sets` rather than naming a `field`) asks nothing itself.
        asked = [name for question in data.questions for name in _asked(question)]
        twice = sorted({name for name in asked if asked.count(name) > 1})
        if twice:
            self.fail("questions.yaml", "questions", f"case fields asked by more than one question: {twice}")
        return options

    def units(self, questions: dict[str, Question], ui: UiFile) -> None:
        for question in questions.values():
            if question.unit is not None and question.unit not in ui.units:
                self.fail("questions.yaml", f"questions({question.id}).unit", f"no unit `{question.unit}` in ui.yaml")
            if question.unit is not None and question.unit not in ui.unit_names:
                self.fail("ui.yaml", "unit_names", f"no name for `{question.unit}` (questions({question.id}).unit)")
            for measure, table in question.measure_units.items():
                where = f"questions({question.id}).measure_units.{measure}"
                if measure not in question.measure_words:
                    self.fail("questions.yaml", where, f"no measure `{measure}` in measure_words")
                if table not in ui.units:
                    self.fail("questions.yaml", where, f"no unit `{table}` in ui.yaml")
                elif ui.units[table].get("") != 1:
                    self.fail("ui.yaml", f"units.{table}", "a bare number (\"\") must be in the measure's own unit (1)")
            for index, answer in enumerate(question.answers if isinstance(question.answers, list) else []):
                if answer.at_least is not None and answer.at_least.unit not in ui.units:
                    self.fail("questions.yaml", f"questions({question.id}).answers[{index}].at_least",
                              f"no unit `{answer.at_least.unit}` in ui.yaml")
        tables = {measure: ui.units.get(table, {})
                  for q in questions.values() for measure, table in q.measure_units.items()}
        for language, understanding in ui.understanding.items():
            for measure, unit in understanding.usual_units.items():
                if unit not in tables.get(measure, {}):
                    self.fail("ui.yaml", f"understanding.{language}.usual_units.{measure}",
                              f"`{unit}` is no unit of the measure `{measure}` (questions.yaml measure_units)")

    def flow(self, flow: FlowFile, questions: dict[str, Question]) -> None:
        state_ids = {state.id for state in flow.states}
        for state in flow.states:
            question = state.question or state.id
            if not state.final and question not in questions:
                self.fail("flow.yaml", f"states({state.id})", f"no question `{question}` in questions.yaml")
            if state.ask_when is not None and state.ask_when not in flow.guards:
                reason = f"guard `{state.ask_when}` is not defined under guards"
                self.fail("flow.yaml", f"states({state.id}).ask_when", reason)
        for index, transition in enumerate(flow.transitions):
            where = f"transitions[{index}]({transition.source} -> {transition.dest})"
            for end in (transition.source, transition.dest):
                if end not in state_ids:
                    self.fail("flow.yaml", where, f"unknown state `{end}`")
            if transition.guard is not None and transition.guard not in flow.guards:
                self.fail("flow.yaml", where, f"guard `{transition.guard}` is not defined under guards")
        for name, guard in flow.guards.items():
            self.sources("flow.yaml", f"guards.{name}", guard.source)
        ended_by_a_guard = {t.dest for t in flow.transitions if t.guard is not None}
        for state in flow.states:
            where = f"states({state.id})"
            if state.final and state.id in ended_by_a_guard and state.report is None:
                self.fail("flow.yaml", where, "an end before the summary names the `report` message it gives")
            for said in state.said_with:
                if said.when not in flow.guards:
                    self.fail("flow.yaml", f"{where}.said_with", f"guard `{said.when}` is not defined under guards")
            if (state.said_with or state.report) and not state.final:
                self.fail("flow.yaml", where, "only an end has `said_with` or `report`")

    def end_messages(self, flow: FlowFile, ui: UiFile) -> None:
        """The messages an end names (said with it, or given in the report) are in ui.yaml."""
        for state in flow.states:
            named = [said.message for said in state.said_with] + ([state.report] if state.report else [])
            for key in named:
                if key not in ui.messages:
                    self.fail("flow.yaml", f"states({state.id})", f"no message `{key}` in ui.yaml")
            # where the sentences said with an end go, in each of its messages
            ends = [key for key in ui.messages if key in (state.id, f"{state.id}_after_a_warning")]
            for key in ends if state.said_with else []:
                if "{also}" not in ui.messages[key].en:
                    self.fail("ui.yaml", f"messages.{key}", "an end with `said_with` says where: `{also}`")

    def said_when_unsure(self, questions: dict[str, Question], guidance: GuidanceFile) -> None:
        items = {item.id for item in guidance.items}
        for question in questions.values():
            for name in question.said_when_unsure:
                if name not in items:
                    self.fail("questions.yaml", f"questions({question.id}).said_when_unsure",
                              f"no guidance item `{name}`")

    def guidance(self, data: GuidanceFile, conditions: dict[str, Condition]) -> None:
        sections = {section.id for section in data.sections}
        _unique(self.root / "guidance.yaml", "summary_sections", data.summary_sections)
        offered = [name for part in data.summary_sections for name in part.guidance]
        for part in data.summary_sections:
            for name in part.guidance:
                if name not in sections:
                    self.fail("guidance.yaml", f"summary_sections({part.id})", f"unknown guidance section `{name}`")
        unoffered = sorted(sections - set(offered))
        if unoffered:
            self.fail("guidance.yaml", "summary_sections", f"guidance sections no summary section shows: {unoffered}")
        _unique(self.root / "guidance.yaml", "items", data.items)
        for item in data.items:
            where = f"items({item.id})"
            self.sources("guidance.yaml", where, item.source)
            if item.section not in sections:
                self.fail("guidance.yaml", where, f"unknown section `{item.section}`")
            exclusion = item.not_when
            named = {"top_condition_in": item.top_condition_in or [], "open_in": item.open_in or [],
                     "not_when.leading": (exclusion.leading if exclusion else None) or [],
                     "not_when.not_ruled_out": (exclusion.not_ruled_out if exclusion else None) or []}
            for key, names in named.items():
                for condition in names:
                    if condition not in conditions:
                        self.fail("guidance.yaml", f"{where}.{key}", f"unknown condition `{condition}`")
        _unique(self.root / "guidance.yaml", "quick_answers", data.quick_answers)
        summary_section_ids = {part.id for part in data.summary_sections}
        for answer in data.quick_answers:
            self.sources("guidance.yaml", f"quick_answers({answer.id})", answer.source)
            if answer.section is not None and answer.section not in summary_section_ids:
                self.fail("guidance.yaml", f"quick_answers({answer.id}).section",
                          f"unknown summary section `{answer.section}`")
            for condition in answer.open_in or []:
                if condition not in conditions:
                    self.fail("guidance.yaml", f"quick_answers({answer.id}).open_in",
                              f"unknown condition `{condition}`")
        _unique(self.root / "guidance.yaml", "safety_rules", data.safety_rules)
        for rule in data.safety_rules:
            self.sources("guidance.yaml", f"safety_rules({rule.id})", rule.source)
            for condition in rule.open_in or []:
                if condition not in conditions:
                    self.fail("guidance.yaml", f"safety_rules({rule.id}).open_in", f"unknown condition `{condition}`")


def _asked(question: Question) -> list[str]:
    if question.kind != "checklist":
        return question.fields
    return [a.field for a in question.answers or [] if isinstance(a, Answer) and a.field is not None]
