"""Fact texts written for the tests, as parametrised cases: a text the engine still gets wrong is a strict xfail whose
reason names its failure class, so that a fix shows as a failure until the miss is struck from its list."""

from collections.abc import Mapping

import pytest


def written_case(case_id: str, *values, misses: Mapping[str, str]):
    """`values` as one pytest case named `case_id`, a strict xfail where `misses` names it."""
    marks = [pytest.mark.xfail(strict=True, reason=misses[case_id])] if case_id in misses else []
    return pytest.param(*values, id=case_id, marks=marks)
