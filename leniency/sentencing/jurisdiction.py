"""The province whose amount thresholds and increments apply, read from the fact text.

The 2013 theft, snatching and extortion interpretations and the 2011 fraud interpretation let each province
fix its figures inside a national band (盗窃: 法释〔2013〕8号第一条第二款; a theft on a vehicle crossing provinces is
judged by the figures of the province that hears the case, 第三款); `jurisdictions/*.yaml` holds the provinces
whose figures are encoded. Where the facts place the crime in one of them ("在辽宁省大连市…", "辽宁省沈阳市
某区人民检察院指控…") its figures apply; a province named only as where someone comes from or lives (河南省某县人,
户籍地, 暂住) places nothing. Two encoded provinces named as places, or none: the national default.
"""

from __future__ import annotations

import re
from functools import cache

import yaml

from leniency.sentencing.standards import STANDARDS_DIR

# A mention that tells where a person comes from or lives, not where the crime was committed or judged.
ORIGIN_BEFORE = re.compile(
    r"户籍|籍贯|出生|住址|住所|家住|户口|老家|暂住|居住|现住|原籍|返回|逃往|逃至|逃回|回到"
)
ORIGIN_AFTER = re.compile(r"^[^，,。；;（）()]{0,14}人(?:[，,。；;）)]|$)")
CLAUSE_BREAKS = "，,。；;\n（）()"


@cache
def jurisdiction_names() -> dict[str, str]:
    """Province name (name_zh of a jurisdictions/*.yaml) -> the file's id; the national default left out."""
    out = {}
    for path in sorted((STANDARDS_DIR / "jurisdictions").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        name = str(data.get("name_zh") or "")
        if data.get("id") != "national" and name.endswith(("省", "市", "自治区")):
            out[name] = str(data["id"])
    return out


def stated_jurisdiction(text: str | None) -> tuple[str, str] | None:
    """(id, province) of the one encoded province the text names as a place of the case, or None."""
    text = text or ""
    found: dict[str, str] = {}
    for name, jid in jurisdiction_names().items():
        for match in re.finditer(re.escape(name), text):
            start = max((text.rfind(b, 0, match.start()) for b in CLAUSE_BREAKS), default=-1) + 1
            if ORIGIN_BEFORE.search(text[start : match.start()]) or ORIGIN_AFTER.search(text[match.end() :]):
                continue
            found[jid] = name
            break
    if len(found) != 1:
        return None
    jid, name = next(iter(found.items()))
    return jid, name
