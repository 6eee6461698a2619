"""A broken content file fails at load with the file, the path inside it and the reason."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from flows.content import ContentError, default_root, load_content
from flows.machine import FlowMachine


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(default_root(), target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return target


def edit(root: Path, name: str, change: Callable[[str], str]) -> None:
    path = root / name
    changed = change(path.read_text(encoding="utf-8"))
    assert changed != path.read_text(encoding="utf-8"), "the edit did not apply"
    path.write_text(changed, encoding="utf-8")


def test_shipped_content_loads_and_builds_a_valid_machine() -> None:
    content = load_content(default_root())
    FlowMachine(content)
    assert set(content.conditions) >= {"itoh", "avn", "fracture", "septic_arthritis", "malignancy",
                                       "inflammatory_arthritis", "osteoarthritis"}


def test_every_clinical_item_cites_a_known_source() -> None:
    content = load_content(default_root())
    for finding, _ in content.findings:
        assert finding.source and all(s in content.references for s in finding.source)
        assert finding.basis in ("literature", "seed", "estimate")


@pytest.mark.parametrize(
    ("file", "change", "expected"),
    [
        ("flow.yaml", lambda t: t.replace("guard: could_be_pregnant}", "guard: no_such_guard}"),
         r"flow\.yaml: transitions\[\d+\]\(age -> pregnancy\): guard `no_such_guard` is not defined"),
        ("flow.yaml", lambda t: t.replace("  - {source: joint_features, dest: summary}\n", ""),
         r"flow\.yaml: state `joint_features` is a dead end"),
        ("flow.yaml", lambda t: t.replace("{source: after_birth_warning_signs, dest: side}",
                                          "{source: after_birth_warning_signs, dest: sex}"),
         r"flow\.yaml: the flow has a cycle"),
        ("flow.yaml", lambda t: t.replace("  - {source: pregnancy, dest: breastfeeding, guard: recently_gave_birth}\n",
                                          ""),
         r"flow\.yaml: states not reachable from `sex`: \['breastfeeding'\]"),
        ("flow.yaml", lambda t: t.replace("initial: sex", "initial: nowhere"),
         r"flow\.yaml: initial state `nowhere` is not a state"),
        ("flow.yaml", lambda t: t.replace("ask_when: mri_to_ask", "ask_when: mri_maybe"),
         r"flow\.yaml: states\(mri\)\.ask_when: guard `mri_maybe` is not defined"),
        ("questions.yaml", lambda t: re.sub(r"\n    why: \{en: \"Breastfeeding[^\n]*", "", t),
         r"questions\.yaml: questions\(breastfeeding\): every question says `why` it is asked"),
        ("questions.yaml", lambda t: t.replace("field: fever", "field: feverish"),
         r"questions\.yaml: questions\(fever\): unknown case field `feverish`"),
        ("questions.yaml", lambda t: t.replace("- value: left\n", "- value: lefty\n"),
         r"questions\.yaml: questions\(side\)\.answers: `lefty` is not a value of `side`"),
        ("questions.yaml", lambda t: t.replace("kind: number\n    integer: true", "kind: number\n    integer: maybe"),
         r"questions\.yaml: questions\[1\]\(age\)\.integer"),
        ("conditions.yaml", lambda t: re.sub(r"(\bid: itoh\b)", r"\1_renamed", t, count=1),
         r"conditions\.yaml: conditions: missing required conditions \['itoh'\]"),
        ("conditions.yaml", lambda t: re.sub(r"(source: )\[?[\w.]+", r"\1[nobody_2099", t, count=1),
         r"conditions\.yaml: .*source `nobody_2099` is not in references\.yaml"),
        ("triage.yaml", lambda t: t.replace("level: emergency", "level: whenever", 1),
         r"triage\.yaml: red_flags\[\d+\]\(\w+\)\.level"),
        ("ui.yaml", lambda t: t + "\n  bad: [unclosed\n", r"ui\.yaml: not valid YAML"),
        ("ui.yaml", lambda t: t.replace("- {per: 52.143,", "- {below: 520, per: 52.143,"),
         r"ui\.yaml: .*number_display\.weeks: the last band must have no `below`"),
        ("ui.yaml", lambda t: t.replace("- {below: 13, per: 1,", "- {below: 3, per: 1,"),
         r"ui\.yaml: .*number_display\.weeks: every band but the last needs a `below`, each larger"),
        ("ui.yaml", lambda t: t.replace("- {below: 104, per: 4.345,", "- {below: 104, per: 4.3,"),
         r"ui\.yaml: .*number_display\.weeks: `per` 4\.3 for 'months' differs from units\.weeks\.months \(4\.345\)"),
        ("questions.yaml", lambda t: t.replace("numbers: {from: 14, below: 28}", "numbers: {from: 13, below: 28}"),
         r"questions\.yaml: questions\[\d+\]\(pregnancy\): .*the answers' `numbers` ranges overlap"),
        ("questions.yaml", lambda t: t.replace("unit: weeks_of_pregnancy", "unit: moons"),
         r"questions\.yaml: questions\(pregnancy\)\.unit: no unit `moons` in ui\.yaml"),
        ("questions.yaml", lambda t: t.replace("    unit: weeks_of_pregnancy\n", ""),
         r"questions\.yaml: questions\[\d+\]\(pregnancy\): .*answers with `numbers` need a choice question with a `un"),
        ("questions.yaml", lambda t: t.replace("when_denied: fine", "when_denied: finest"),
         r"questions\.yaml: questions\(walking\)\.answers: `when_denied: finest` is not the value of another answer"),
        ("not_ruled_out.yaml", lambda t: t.replace("    settle_with: bloods_then_joint_fluid\n",
                                                   "    settle_with: joint_aspiration\n", 1),
         r"not_ruled_out\.yaml: rules\(\w+\)\.settle_with: test `joint_aspiration` needs level emergency, "
         r"the rule sets urgent"),
        ("not_ruled_out.yaml", lambda t: t.replace("then: mri_after_xray", "then: no_such_test"),
         r"not_ruled_out\.yaml: tests\(xray_then_mri\)\.then: no test `no_such_test`"),
    ],
    ids=["unknown-guard", "dead-end", "cycle", "unreachable", "no-initial", "unknown-ask-when", "no-why",
         "unknown-field", "bad-answer-value",
         "wrong-type", "missing-condition", "unknown-source", "bad-level", "bad-yaml", "display-band-open",
         "display-band-order", "display-factor", "number-ranges-overlap", "unknown-unit", "number-ranges-without-unit",
         "unknown-when-denied", "test-more-urgent-than-its-rule", "unknown-next-test"],
)
def test_broken_content_fails_with_file_path_and_reason(
    content_copy: Path, file: str, change: Callable[[str], str], expected: str
) -> None:
    edit(content_copy, file, change)
    with pytest.raises(ContentError) as raised:
        FlowMachine(load_content(content_copy))
    assert re.search(expected, str(raised.value)), str(raised.value)
    assert str(content_copy / file) in str(raised.value)


def test_missing_file_is_named(content_copy: Path) -> None:
    (content_copy / "guidance.yaml").unlink()
    with pytest.raises(ContentError, match=r"guidance\.yaml: file is missing"):
        load_content(content_copy)


def test_yaml_yes_and_no_stay_words(content_copy: Path) -> None:
    content = load_content(content_copy)
    words = content.ui.understanding["en"]
    assert {"yes", "y"} <= set(words.yes) and True not in words.yes
    assert {"no", "n"} <= set(words.no) and False not in words.no
    assert [content.text(o.label) for o in content.options["fever"]] == ["Yes", "No", "Don't know"]
    synonyms = content.options["pregnancy"][0].synonyms["en"]
    assert "no" in synonyms and False not in synonyms
