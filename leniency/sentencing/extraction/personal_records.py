"""The records of citizens' personal information sold, provided or obtained (公民个人信息, in 条): what 侵犯公民个人信息
(刑法第253条之一) is graded by, read by charge_amounts.measured_amount for the crime file's `measure_at_least` tier
condition (personal_information.yaml).

两高《关于办理侵犯公民个人信息刑事案件适用法律若干问题的解释》(法释〔2017〕10号) 第五条第一款: 情节严重 is (三) 行踪轨迹
信息、通信内容、征信信息、财产信息五十条以上, (四) 住宿信息、通信记录、健康生理信息、交易信息等其他可能影响人身、财产
安全的公民个人信息五百条以上, (五) other personal information 五千条以上; 第二款第（三）项: 数量或者数额达到前款第三项至第
八项规定标准十倍以上 is 情节特别严重. So each kind is read at its own scale, as the general kind's equivalent (a record of
the first kind for a hundred, of the second for ten): 5000 and 50000 then mark the two tiers for all. Counted: a number of
records (条) told in a sentence naming the information; the kind is the one its clause or sentence names before it. Lots
are added, a total restating them is not (told_sums.py).
"""

from __future__ import annotations

import re
from decimal import Decimal

from leniency.sentencing.extraction.numbers import NUMBER, parse_number
from leniency.sentencing.extraction.told_sums import summed_once, told_figures

RECORDS_RE = re.compile(rf"(?P<num>{NUMBER})(?:余|多)?条(?!规定|之)")
INFORMATION = re.compile(r"个人信息|信息")
# 第五条第一款第（三）项 and 第（四）项, as texts name the kinds; the rest is the general kind (第（五）项)
EACH_A_HUNDRED = re.compile(r"行踪轨迹|通信内容|征信|财产信息|银行(?:卡|账户)信息|存款信息")
EACH_TEN = re.compile(r"住宿|开房|通话记录|通信记录|健康|生理|交易信息|交易记录")


def personal_records(text: str) -> Decimal | None:
    """The records told, as the general kind's equivalent (None where the text tells none)."""
    text = text or ""
    if not INFORMATION.search(text):
        return None
    return summed_once(told_figures(text, RECORDS_RE, _records))


def _records(text: str, records: re.Match, start: int, end: int) -> Decimal | None:
    sentence = text[start:end]
    if not INFORMATION.search(sentence):
        return None
    number = parse_number(records.group("num"))
    if not number:
        return None
    kind = text[start : records.start()]
    if EACH_A_HUNDRED.search(kind):
        return number * 100
    if EACH_TEN.search(kind):
        return number * 10
    return number
