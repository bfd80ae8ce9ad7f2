"""How far a driver went beyond a limit the fact text states: the speed limit, the rated passengers, the rated load.

《关于办理醉酒危险驾驶刑事案件的意见》(2023) 第十条(四) weighs 严重超员、超载、超速驾驶 as heavier, without figures. The
road traffic law draws its heavier line at these shares (道路交通安全法第92条: 超过额定乘员百分之二十, 超过核定载质量百分之
三十; 第99条第1款第(四)项: 超过规定时速百分之五十; recalled, unconfirmed), and dangerous_driving.yaml reads 严重 there.
A text tells the two figures rather than the share: "以每小时98公里的速度行驶至限速60公里的路段", "核定载客5人，实际载客9人",
"核定载质量1.5吨，实载3.2吨". `excess_share` is the share the told figure passes the limit told in the same sentence by
(0.5 = half as much again), or None where the sentence does not tell both; the crime file's condition asks for more than
its share (超过: 刑法第99条 counts the figure itself only for 以上、以下、以内).
"""

from __future__ import annotations

import re
from decimal import Decimal

from leniency.sentencing.extraction.numbers import NUMBER, SENTENCE_BREAKS, bounds, parse_number

N = rf"(?P<n>{NUMBER})"
# speeds in km/h: 时速98公里, 以每小时98公里的速度, 车速为98km/h; the limit: 限速60公里, 最高限速60km/h, 规定时速60公里
SPEED_UNIT = r"(?:公里|千米|km|KM|码)"
LIMITS = {
    "speed": (
        re.compile(rf"(?:限速|限定时速|规定时速|最高时速|限制时速)(?:为|是)?(?:每小时)?{N}\s*{SPEED_UNIT}"),
        re.compile(
            rf"(?:(?<!限定)(?<!规定)(?<!最高)(?<!限制)时速|车速|行驶速度|以每小时|速度)(?:为|达到?|约|高达)?(?:每小时)?{N}\s*{SPEED_UNIT}"
        ),
    ),
    # persons: 核定载客5人, 核载7人, 额定乘员5人 against 实际载客9人, 实载15人, 乘坐9人
    "passengers": (
        re.compile(rf"(?:核定载(?:客|人)?|核载|额定乘员|限载|准乘){N}\s*人"),
        re.compile(rf"(?:实际载(?:客|人)?|实载(?:客|人)?|实际乘坐|共载(?:有)?|载有|搭载){N}\s*(?:人|名)"),
    ),
    # mass in tonnes or kilograms: 核定载质量1.5吨 against 实际载货3.2吨, 实载3200千克
    "load": (
        re.compile(rf"(?:核定载质量|核载质量|核定载重|额定载重|核载)(?:为)?{N}\s*(?P<u>吨|千克|公斤|kg)"),
        re.compile(
            rf"(?:实际载(?:货|重|质量)?|实载(?:货物|质量)?|装载货物|载货)(?:为|达)?{N}\s*(?P<u>吨|千克|公斤|kg)"
        ),
    ),
}
KILOGRAMS = {"吨": Decimal(1000), "千克": Decimal(1), "公斤": Decimal(1), "kg": Decimal(1)}


def excess_share(text: str, what: str) -> float | None:
    """The largest share by which a figure told of `what` (speed / passengers / load) passes the limit told in its
    sentence, or None where no sentence tells both."""
    limit_re, actual_re = LIMITS[what]
    best: float | None = None
    for limit in limit_re.finditer(text):
        left, right = bounds(text, limit.start(), limit.end(), SENTENCE_BREAKS)
        allowed = _value(limit)
        if not allowed:
            continue
        for actual in actual_re.finditer(text, left, right):
            if actual.start() == limit.start():
                continue
            told = _value(actual)
            if told is not None:
                share = float((told - allowed) / allowed)
                best = share if best is None else max(best, share)
    return best


def _value(match: re.Match) -> Decimal | None:
    number = parse_number(match.group("n"))
    if number is None:
        return None
    unit = match.groupdict().get("u")
    return number * KILOGRAMS[unit] if unit else number
