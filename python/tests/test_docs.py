"""The examples in the package's docstrings run."""

from __future__ import annotations

import doctest

import lienthong


def test_docstrings() -> None:
    result = doctest.testmod(lienthong, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
