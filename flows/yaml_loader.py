"""YAML loading that refuses YAML 1.1's surprise booleans.

In YAML 1.1 `yes`, `no`, `on`, `off` become booleans, so an answer synonym list such as
`[yes, no]` would silently turn into `[true, false]`. Only `true`/`false` are booleans here.
"""

from __future__ import annotations

import re
from typing import Any

import yaml


class StrictBoolLoader(yaml.SafeLoader):
    """SafeLoader in which only true/false (any case) resolve to booleans."""


StrictBoolLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
StrictBoolLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def load_yaml(text: str) -> Any:
    """Parse YAML text with strict booleans."""
    return yaml.load(text, Loader=StrictBoolLoader)
