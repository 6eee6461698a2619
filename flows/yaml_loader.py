"""YAML loading that refuses YAML 1.1's surprise booleans.

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
"""The loader `load_yaml` uses: libyaml when available, else the pure-Python one."""


def load_yaml(text: str) -> Any:
    """Parse YAML text with strict booleans."""
    try:
        return yaml.load(text, Loader=StrictBoolLoader)
    except yaml.YAMLError:
        if StrictBoolLoader is PureStrictBoolLoader:
            raise
        # Rare (a broken file, at start-up): the pure-Python loader's error says the
        # same line and column in its own words and shows the line.
        return yaml.load(text, Loader=PureStrictBoolLoader)
