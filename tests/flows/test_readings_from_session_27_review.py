"""Session 27, review of the merged helpers: "bf" is breastfeeding alone ("bf yes", after a
birth) and a boyfriend only as one's own ("my bf has hip pain"), as other relatives are."""

from __future__ import annotations

import pytest

from tests.support.conversation import talk


@pytest.mark.parametrize("opening", ["my bf has hip pain", "my bf hurt his hip", "asking for my bf"])
def test_my_bf_is_someone_else(opening: str) -> None:
    assert talk(opening).session.for_someone_else


@pytest.mark.parametrize("opening", ["bf yes", "im bf my baby"])
def test_bf_alone_is_not_someone_else(opening: str) -> None:
    assert not talk(opening).session.for_someone_else
