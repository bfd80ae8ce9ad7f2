"""The net figure a court takes as the crime amount beside the gross sum it was told from (task E43).

"先后骗得被害人共计12万元，扣除已返还的3万元后，实际骗取9万元" / "其中已退还2万元，诈骗数额为6万元" / "案发前已归还40万元，
应予扣除，其合同诈骗数额应认定为110万元": where money went back before the case came to light, the amount is what was
not returned. 最高人民法院《关于审理诈骗案件具体应用法律的若干问题的解释》（1996）: 多次进行诈骗，并以后次诈骗财物归还前次
诈骗财物的，应当将案发前已经归还的数额扣除，按实际未归还的数额认定; 《全国法院审理金融犯罪案件工作座谈会纪要》（2001）:
案发前已归还的数额扣除 (both recalled, unconfirmed). Whether a return is deducted is the court's call; this module only
reads the figure the text names as the amount after a deduction, and takes it over the gross sum.
"""

from __future__ import annotations

import re

# the figure named as what remains the amount: "实际骗取乙人民币", "诈骗数额为人民币", "数额应认定为", "数额应以被害人实际损失"
NET_BEFORE = re.compile(
    r"(?:实际(?:骗取|诈骗|骗得|侵占|占有|非法占有|勒索|窃取|获取|截留)[^，,。；;\d]{0,10}"
    r"|(?:诈骗|侵占|盗窃|勒索|犯罪|涉案)(?:的)?(?:金额|数额)(?:应当?|依法)?(?:认定)?为?(?:人民币)?"
    r"|(?:金额|数额)应当?以[^，,。；;\d]{0,12})$"
)
# "诈骗数额应扣除案发前已归还部分，认定为14万元": 认定为 in a sentence that names the amount before it
RECOGNISED = re.compile(r"(?:金额|数额)[^。；;]{0,30}[，,]\s*(?:应当?|依法)?认定为(?:人民币)?$")
# the deduction the net figure follows, told shortly before it
DEDUCTION = re.compile(r"扣除|扣减|减去|归还|退还|返还|偿还|交回|退回|冲抵")
DEDUCTION_REACH = 80


def is_net_figure(text: str, clause_start: int, start: int) -> bool:
    """Whether the figure at `start` is named as the amount after a deduction told just before it."""
    return bool(
        (NET_BEFORE.search(text, clause_start, start) or RECOGNISED.search(text, max(0, start - 40), start))
        and DEDUCTION.search(text, max(0, start - DEDUCTION_REACH), clause_start)
    )
