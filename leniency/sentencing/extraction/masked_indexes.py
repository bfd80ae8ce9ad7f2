"""A masked name's digit index running into the figure after it (task E67).

Published judgments mask names and number the persons who share one (张某1, 李某2); a figure told right after such a
name runs into it: "骗取张某130000元" is 30000 yuan taken from 张某1, not 130000 yuan. The text tells which it is only
where the same person is named with the index elsewhere (张某1 followed by no digit): then the digits are an index.
Where no other mention carries it ("骗取张某15000元" alone) the figure is read whole: nothing tells otherwise, and the
reader does not guess.
"""

from __future__ import annotations

import re

MASKED_NAME_BEFORE = re.compile(r"[\u4e00-\u9fa5]某{1,2}$")
MAX_INDEX_DIGITS = 2
# what follows a name's index, not a figure's digits or unit ("退赔赵某某2万元" names no 赵某某2)
NO_FIGURE_AFTER = r"(?![\d０-９.．点十百千万亿余多元])"


def index_digits(text: str, start: int, number: str) -> int:
    """How many leading digits of `number` (a figure at `start`) are the index of the masked name before it; 0 if none.

    Only one reading may fit: where both a one- and a two-digit index are named elsewhere, the text does not tell.
    """
    name = MASKED_NAME_BEFORE.search(text, max(0, start - 3), start)
    if name is None or not number[:1].isdigit():
        return 0
    fitting = [
        k
        for k in range(1, MAX_INDEX_DIGITS + 1)
        if len(number) > k
        and number[:k].isdigit()
        and number[k] in "123456789"  # the figure's digits follow the index ("赵某某2万元" is 2万, no index)
        and _named_elsewhere(text, name.group() + number[:k], start)
    ]
    return fitting[0] if len(fitting) == 1 else 0


def _named_elsewhere(text: str, indexed_name: str, start: int) -> bool:
    """Whether `indexed_name` (张某1) is told somewhere with no figure after it, outside the figure at `start`."""
    for m in re.finditer(re.escape(indexed_name) + NO_FIGURE_AFTER, text):
        if not m.start() <= start - 1 < m.end():
            return True
    return False
