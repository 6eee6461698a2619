"""A small predicate language over the Case, written in content files.

One mechanism serves every place content needs a condition: flow guards, red flags,
findings that carry likelihood ratios, prior groups and guidance applicability. Keeping
thresholds (an age, a trimester) in content rather than in Python means clinicians can
review every number beside its source.

    {field: fever, equals: true}
    {field: age, lt: 16}
    {field: pregnancy, in: [trimester_2, trimester_3]}
    {field: mri, contains: bone_marrow_oedema}
    {field: xray, known: true}
    {all: [...]}, {any: [...]}, {not: {...}}

A comparison on a field that is not known is false (and `not` of it is true), so write
`{field: fever, equals: false}` for "no fever", never `{not: {field: fever, equals: true}}`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from flows.case import CASE_FIELDS, Case, field_values, is_list_field

CaseTest = Callable[[Case], bool]

_COMPARISONS = ("equals", "in_", "lt", "lte", "gt", "gte", "contains", "known")


class Predicate(BaseModel):
    """One condition over a Case: a field comparison, or all/any/not of others."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    field: str | None = None
    equals: Any = None
    in_: list[Any] | None = Field(default=None, alias="in")
    lt: float | None = None
    lte: float | None = None
    gt: float | None = None
    gte: float | None = None
    contains: str | None = None
    known: bool | None = None
    all: list[Predicate] | None = None
    any: list[Predicate] | None = None
    not_: Predicate | None = Field(default=None, alias="not")

    @model_validator(mode="after")
    def _one_shape(self) -> Predicate:
        combinators = [name for name in ("all", "any", "not_") if getattr(self, name) is not None]
        comparisons = [
            name
            for name in _COMPARISONS
            if getattr(self, name) is not None or (name == "equals" and "equals" in self.model_fields_set)
        ]
        if self.field is None:
            if len(combinators) != 1 or comparisons:
                raise ValueError("a predicate needs a `field` with one comparison, or one of all/any/not")
            return self
        if combinators or len(comparisons) != 1:
            raise ValueError(
                f"field `{self.field}` needs exactly one of: equals, in, lt, lte, gt, gte, contains, known"
            )
        if self.field not in CASE_FIELDS:
            raise ValueError(f"unknown case field `{self.field}`")
        self._check_values(comparisons[0])
        return self

    def _check_values(self, comparison: str) -> None:
        assert self.field is not None
        allowed = field_values(self.field)
        if comparison == "contains":
            if not is_list_field(self.field):
                raise ValueError(f"`contains` needs a list field; `{self.field}` is not one")
            wanted = [self.contains]
        elif comparison == "equals":
            wanted = [self.equals]
        elif comparison == "in_":
            wanted = list(self.in_ or [])
        else:
            return
        if allowed is not None:
            bad = [value for value in wanted if value not in allowed]
            if bad:
                raise ValueError(f"`{self.field}` can never be {bad!r}; allowed: {list(allowed)!r}")

    def compile(self) -> CaseTest:
        """Turn the predicate into a plain function, once, at content load."""
        if self.all is not None:
            parts = [p.compile() for p in self.all]
            return lambda case: all(part(case) for part in parts)
        if self.any is not None:
            parts = [p.compile() for p in self.any]
            return lambda case: any(part(case) for part in parts)
        if self.not_ is not None:
            inner = self.not_.compile()
            return lambda case: not inner(case)
        return _compile_comparison(self)

    def fields(self) -> set[str]:
        """Every Case field this predicate reads."""
        if self.field is not None:
            return {self.field}
        children = self.all or self.any or ([self.not_] if self.not_ else [])
        return set().union(*(child.fields() for child in children))


def _compile_comparison(p: Predicate) -> CaseTest:
    name = p.field
    assert name is not None
    if p.known is not None:
        wanted_known = p.known
        return lambda case: (getattr(case, name) is not None) == wanted_known
    if p.contains is not None:
        finding = p.contains
        return lambda case: isinstance(getattr(case, name), list) and finding in getattr(case, name)
    if p.in_ is not None:
        options = tuple(p.in_)
        return lambda case: getattr(case, name) is not None and getattr(case, name) in options
    for op, test in (
        ("lt", lambda a, b: a < b),
        ("lte", lambda a, b: a <= b),
        ("gt", lambda a, b: a > b),
        ("gte", lambda a, b: a >= b),
    ):
        bound = getattr(p, op)
        if bound is not None:
            return _numeric(name, bound, test)
    expected = p.equals
    return lambda case: getattr(case, name) is not None and getattr(case, name) == expected


def _numeric(name: str, bound: float, test: Callable[[float, float], bool]) -> CaseTest:
    def check(case: Case) -> bool:
        value = getattr(case, name)
        return isinstance(value, int | float) and not isinstance(value, bool) and test(value, bound)

    return check
