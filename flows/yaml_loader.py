"""YAML loading that refuses YAML 1.1's surprise booleans and repeated keys (and, for case files, aliases).

In YAML 1.1 `yes`, `no`, `on`, `off` become booleans, so an answer synonym list such as
`[yes, no]` would silently turn into `[true, false]`. Only `true`/`false` are booleans here.

Parsing uses libyaml (`yaml.CSafeLoader`) when PyYAML was built with it: the same data
as the pure-Python `SafeLoader`, about ten times faster (most of the bot's start-up was
reading content/). Booleans are decided by the resolver, which is Python in both, so the
strict rule is the same. A file that does not parse is read again with the pure-Python
loader, whose error names the same line and column and also quotes the offending line.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_BOOL = "tag:yaml.org,2002:bool"


def _strict(base: type[yaml.SafeLoader]) -> Any:
    # valid-type, misc: mypy cannot check a class built on a base passed in (C or pure-Python loader).
    class Strict(base):  # type: ignore[valid-type,misc]
        """`base` in which only true/false (any case) resolve to booleans."""

    Strict.yaml_implicit_resolvers = {
        key: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
    }
    Strict.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    return Strict


PureStrictBoolLoader = _strict(yaml.SafeLoader)
"""The pure-Python loader: the reference, and the one whose errors quote the line."""

StrictBoolLoader = _strict(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
"""libyaml when available, else the pure-Python one: strict booleans."""


class _NoRepeatedKeys:
    """Refuses a key written twice in one mapping, with its line.

    YAML keeps the last of two equal keys without a word: two merged changes that each
    added `spelled_as` to ui.yaml silently dropped one table. Aliases and merge keys
    (`<<`), which content/ uses, are still allowed; only keys written out are compared.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[str] = set()
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                continue
            if key_node.value in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"`{shorten(key_node.value)}` appears twice", key_node.start_mark)
            seen.add(key_node.value)
        return super().construct_mapping(node, deep=deep)  # type: ignore[misc,no-any-return]  # a mixin: the loader's, in the MRO


# misc, valid-type: the loaders are built at run time (see _strict).
class ContentLoader(_NoRepeatedKeys, StrictBoolLoader):  # type: ignore[misc,valid-type]
    """The loader `load_yaml` uses: strict booleans, no repeated keys."""


class PureContentLoader(_NoRepeatedKeys, PureStrictBoolLoader):  # type: ignore[misc,valid-type]
    """The same in pure Python, whose errors also quote the offending line."""


def load_yaml(text: str) -> Any:
    """Parse YAML text with strict booleans and no repeated keys."""
    try:
        return yaml.load(text, Loader=ContentLoader)
    except yaml.YAMLError:
        if StrictBoolLoader is PureStrictBoolLoader:
            raise
        # Rare (a broken file, at start-up): the pure-Python loader's error says the
        # same line and column in its own words and shows the line.
        return yaml.load(text, Loader=PureContentLoader)


class _PlainDataConstructor:
    """Construction for files written by hand about one patient: no aliases, no repeated keys.

    An alias makes a tree of references: nine lines of nine aliases each stand for 9⁹
    values, which validation then walks (a 420-byte file ran to 3 GB). A repeated key
    would silently keep only the last answer. A case file needs neither, so both are
    refused, with the line. An anchor alone is harmless and allowed.
    """

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects:  # type: ignore[attr-defined]  # reached twice: by an alias
            raise yaml.constructor.ConstructorError(
                None, None, "aliases (*name) are not allowed in a case file", node.start_mark)
        return super().construct_object(node, deep=deep)  # type: ignore[misc]  # a mixin: the loader's, in the MRO

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise yaml.constructor.ConstructorError(
                    None, None, "merge keys (<<) are not allowed in a case file", key_node.start_mark)
            key = self.construct_object(key_node, deep=deep)
            try:
                repeated = key in mapping
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be a plain value", key_node.start_mark) from None
            if repeated:
                raise yaml.constructor.ConstructorError(
                    None, None, f"`{shorten(str(key))}` appears twice", key_node.start_mark)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


# misc, valid-type: StrictBoolLoader is built at run time (see _strict).
class CaseFileLoader(_PlainDataConstructor, StrictBoolLoader):  # type: ignore[misc,valid-type]
    """The loader for case and vignette files: strict booleans, no aliases, no repeated keys."""

MAX_QUOTED = 60  # characters of a value quoted back in an error


def shorten(text: str, limit: int = MAX_QUOTED) -> str:
    """`text` cut to `limit` characters, with an ellipsis if it was longer."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def load_case_yaml(text: str) -> Any:
    """Parse a case or vignette file (see CaseFileLoader); errors are one line with the place."""
    try:
        return yaml.load(text, Loader=CaseFileLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        problem = " ".join((exc.problem or exc.context or "not YAML").split())
        raise ValueError(shorten(problem, 200) + where) from None
