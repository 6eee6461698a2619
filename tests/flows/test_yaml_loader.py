"""The strict-bool YAML loader: libyaml when there, the same data and errors as pure Python."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from flows.yaml_loader import PureStrictBoolLoader, StrictBoolLoader, load_yaml

REPO = Path(__file__).parents[2]
FILES = sorted([*REPO.glob("content/*.yaml"), *REPO.glob("tests/scripts/*.yaml")])


def test_libyaml_is_used_when_pyyaml_has_it() -> None:
    if not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML without libyaml: the pure-Python loader is the only one")  # pragma: no cover
    assert issubclass(StrictBoolLoader, yaml.CSafeLoader)
    assert not issubclass(PureStrictBoolLoader, yaml.CSafeLoader)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_shipped_file_reads_the_same_as_with_pure_python(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    # repr: equal values of different types (1 == 1.0 == True) must not pass.
    assert repr(load_yaml(text)) == repr(yaml.load(text, Loader=PureStrictBoolLoader))


def test_only_true_and_false_are_booleans() -> None:
    assert load_yaml("a: [yes, no, on, off, y, n, True, false, TRUE]\n") == {
        "a": ["yes", "no", "on", "off", "y", "n", True, False, True]
    }


@pytest.mark.parametrize("text", ["a: [unclosed\n", "x: 1\n  bad: [unclosed\n", "k: 'oops\n", "x: *nope\n"])
def test_a_broken_file_fails_with_the_pure_python_message(text: str) -> None:
    with pytest.raises(yaml.YAMLError) as reference:
        yaml.load(text, Loader=PureStrictBoolLoader)
    with pytest.raises(yaml.YAMLError) as caught:
        load_yaml(text)
    assert str(caught.value) == str(reference.value)
    assert "line " in str(caught.value) and "^" in str(caught.value)  # where, and the line quoted


def test_a_key_written_twice_in_content_is_refused_with_its_line() -> None:
    # Two merged changes each added `spelled_as` to ui.yaml and YAML silently kept one.
    with pytest.raises(yaml.YAMLError, match=r"`c` appears twice(.|\n)*line 4"):
        load_yaml("a: 1\nb:\n  c: 2\n  c: 3\n")


def test_aliases_and_merge_keys_in_content_are_still_read() -> None:
    assert load_yaml("x: &a {p: 1}\ny:\n  <<: *a\n  q: 2\nz: *a\n") == {
        "x": {"p": 1}, "y": {"p": 1, "q": 2}, "z": {"p": 1}}
