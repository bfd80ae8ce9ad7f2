"""Whether a compensation (赔偿, 2021量刑指导意见 三(11)) or a return of what the crime took (退赃, 三(10)) the text tells
was made: by the defendant (or the family for them), not recovered by the police; to the victim; paid, not only
claimed, ordered or agreed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from leniency.sentencing.extraction.circumstance_denials import SENTENCE_BREAKS, clause_bounds
from leniency.sentencing.extraction.circumstance_negation import NEGATORS
from leniency.sentencing.extraction.conduct_actor import defendant_names
from leniency.sentencing.extraction.numbers import NUMBER, bounds, parse_number
from leniency.sentencing.extraction.parties import DEFENDANT_WORDS

# who acts in a sentence that tells of a return: the defendant (or the family for them), or the police and recovery
RETURNER = re.compile(DEFENDANT_WORDS + r"|家属|亲属")
RECOVERER = re.compile(
    r"民警|警方|公安(?:机关|局|分局|人员)?(?:已)?(?:将|把|依法|予以)|侦查机关|扣押|追回|追缴|缴获|起获|查获|发还|抓获"
)
RECOVERED = re.compile(r"追缴|追回|扣押|起获|查获|缴获|发还")
CONTINUED = re.compile(
    r"并|且|后|已|均已|现已"
)  # a clause without its own subject, going on from the one before
# Who receives a compensation (三(11)): the victim, the injured unit, their family, or a loss made good (`to_victim`)
TO_VICTIM = re.compile(r"被害|受害|失主|死者|家属|亲属|权利人|损失|民事赔偿|谅解")
# the name a victim is given ("被害人张某", "被害人王1某", "被害单位某公司")
VICTIM_NAME = re.compile(
    r"(?:被害人|受害人|被害单位)([\u4e00-\u9fff]\d?某{1,2}\d?|[\u4e00-\u9fff]{2,12}(?:公司|厂|店|银行|医院))"
)
# money paid to someone the clause names, as a use of the money ("用于支付信徒崔某赔偿款"): paid to that payee
THIRD_PARTY_PAYMENT = re.compile(
    r"(?:用于|支付|偿还|垫付)(?:给)?(?P<payee>[^，,。；;、了并和及与]{1,10}?)(?:赔偿款|赔偿金)"
)
# a civil claim's sentence lists the heads claimed ("原告人刘某请求判令被告人赔偿医疗费…，伤残赔偿金…"): none is paid
CIVIL_CLAIM = re.compile(r"原告人?[^。；;，,]{0,20}?(?:请求|诉请|要求)|诉讼请求")
# "提起附带民事诉讼" claims; "在提起公诉前已全额退赔" dates a payment made
CLAIM = re.compile(r"要求|请求|诉请|判令|应当|应予|愿意|同意|承诺|约定|提起(?!公诉)")
# an agreement to pay ("签订了赔偿协议") the rest of its sentence tells was never performed ("但至今分文未付")
AGREED = re.compile(r"约定|承诺|答应|达成|签订|签署|筹集|筹措|准备|愿意|表示")
UNPAID_LATER = re.compile(
    r"分文未付|至今未(?:支付|履行|赔偿|兑现|给付|付款|交付)|未实际(?:支付|履行|赔偿|给付|交付)"
    r"|(?:但|却)[^，,。；;]{0,8}?(?:未|没有)(?:能)?(?:支付|履行|给付|兑现|付款|交付|转交|交给)"
)
# a payment told as not made after it in its clause ("赔偿被害人损失的承诺至今未兑现")
# ("就赔偿事宜未能达成一致": the amount never agreed, so nothing paid)
UNPAID_AFTER = re.compile(
    r"未(?:能)?(?:兑现|履行|支付|给付|到位|达成|谈妥|协商一致)|尚未(?:支付|履行|赔付|给付)"
)

# the sum in dispute named ("因赔偿数额差距较大", "双方对赔偿金额分歧较大") where the sentence tells no agreement reached
# or no payment made ("未能与被害人达成赔偿协议", "未能赔偿被害人损失"): a negotiation that failed, nothing paid
DISPUTED_TERM = re.compile(r"数额|金额|标准|事宜|问题")
NOT_SETTLED = re.compile(r"(?:未能|未|没有|没能|无法|不能)[^，,。；;]{0,12}?(?:达成|谈妥|协商一致|赔偿|赔付)")


def only_claimed(text: str, start: int) -> bool:
    """A claim or an order to pay ("要求被告人赔偿", "判令…赔偿") is not a payment made, nor an agreement to pay its
    sentence tells was not performed ("签订了赔偿协议，…但至今分文未付"), nor the sum a failed negotiation disputed."""
    lo, hi = clause_bounds(text, start, start)
    if CLAIM.search(text, lo, start) or UNPAID_AFTER.search(text, start, hi):
        return True
    s_lo, s_hi = bounds(text, start, start, SENTENCE_BREAKS)
    if DISPUTED_TERM.match(text, start + 2) and NOT_SETTLED.search(text, s_lo, s_hi):
        return True
    # the offer anywhere in the clause ("就赔偿问题达成口头约定", "筹集了赔偿款"), its failure later in the sentence
    agreement = AGREED.search(text, lo, hi) or text.startswith("协议", start + 2)
    return bool(
        agreement and UNPAID_LATER.search(text, start, bounds(text, start, start, SENTENCE_BREAKS)[1])
    )


def to_victim(text: str, start: int) -> bool:
    """A compensation (2021量刑指导意见 三(11): 积极赔偿被害人经济损失) is paid to the victim or the injured party: its
    sentence names the victim, the injured unit, their family (被害人, 被害单位, 受害人, 家属, 死者), a victim by the
    name the text gives them (被害人张某 … 赔偿张某), the right holder of an infringed right (权利人), or tells it as a
    loss made good (赔偿…损失), the civil part of the case settled (民事赔偿) or the forgiveness it bought (谅解); 家属
    is also the defendant's family paying for them (被告人家属代为赔偿), a payment as well. Not the heads a civil claim
    lists (原告人…请求判令…伤残赔偿金: claimed, not paid), nor money the count tells as spent on someone else
    ("用于…支付信徒崔某赔偿款20000元", a misappropriation's use), nor a compensation demanded of the victim ("索要10万元
    赔偿"), nor a land-acquisition agreement (征地赔偿协议)."""
    lo, hi = bounds(text, start, start, SENTENCE_BREAKS)
    clause_lo, _ = clause_bounds(text, start, start)
    if CIVIL_CLAIM.search(text, lo, start):
        return False
    payee = THIRD_PARTY_PAYMENT.search(text, clause_lo, hi)
    if (
        payee is not None
        and payee.start() <= start < payee.end()
        and not _names_victim(text, payee.group("payee"))
    ):
        return False
    return _names_victim(text, text[lo:hi])


def _names_victim(text: str, told: str) -> bool:
    if TO_VICTIM.search(told):
        return True
    return any(name in told for name in VICTIM_NAME.findall(text))


def recovered_by_others(text: str, start: int) -> bool:
    """Goods the police seized or recovered and handed back ("赃物被追缴，并已退还被害单位", "该车被缴获退还被害人") are not
    the defendant's 退赃 (2021量刑指导意见 三(10) weighs the defendant's own return; 刑法第64条 追缴 is the state's). Read in
    the clause of the return, and the clause before where it goes on from it without a subject of its own."""
    lo, _ = clause_bounds(text, start, start)
    if (
        CONTINUED.match(text, lo) and lo > 0
    ):  # "赃物被追缴，并已退还被害单位": the clause before is its subject
        lo, _ = clause_bounds(text, lo - 1, lo - 1)
    return bool(RECOVERED.search(text, lo, start))


def returned_by_defendant(text: str, start: int) -> bool:
    """A return told by what was taken counts where its sentence names the defendant (or the family), by the word or by
    the name the text gives him ("2022年8月，江某某主动到公安机关投案，…并退还全部侵占款项"), before it and
    neither the police nor a recovery ("被告人…退还了被盗电动车"; not "公安机关将赃款全部归还被害人", "公安机关从被告人处扣押
    …，该车现已归还被害人", nor "该车已返还失主" with no actor), and not as an exception to what the crime took
    ("除少量资金以兑冲的形式返还被害人外": a scheme's payouts)."""
    lo, _ = bounds(text, start, start, SENTENCE_BREAKS)
    clause_lo, _ = clause_bounds(text, start, start)
    told = text[lo:start]
    return (
        bool(RETURNER.search(text, lo, start) or any(name in told for name in defendant_names(text)))
        and not any(_recovery_done(text, m.end()) for m in RECOVERER.finditer(text, lo, start))
        and "除" not in text[clause_lo:start]
    )


# the police named, their own predicate negated right after ("民警尚未找到其本人时"): no recovery; a negation of
# another verb later in the clause ("扣押…（未随案移送）") leaves the recovery told
AGENT_NEGATED = re.compile(rf"(?:已)?[^，,。；;]{{0,2}}?(?:{NEGATORS})")


def _recovery_done(text: str, end: int) -> bool:
    return not AGENT_NEGATED.match(text, end)


@dataclass(frozen=True)
class PartPaid:
    """How much of the harm a return or a payment made good, as its clause tells it (2021量刑指导意见 三(10): 退赃、退赔
    行为对损害结果所能弥补的程度，退赃、退赔的数额): the whole (全部退赔, 全额赔偿), a part without a figure (退还部分赃款,
    赔偿了部分损失), the sum paid (退赔…经济损失2000元) or the sum left unpaid (尚有20000元未退赔). The share it earns is
    chosen where every share is (calculator_adjust), against the crime's amount."""

    whole: bool = False
    part: bool = False
    paid: Decimal | None = None
    left: Decimal | None = None


# 部分 of what is given back or paid (退还部分赃款, 赔偿了部分损失, 部分退赔, 退赔了部分), not of the persons paid
# (向部分权利人支付…), nor the civil part of the case (附带民事部分)
PART_WORD = re.compile(
    r"(?<![大民事])(?:一)?部分(?:的)?(?=赃|款|钱|损失|经济损失|财物|物品|货款|侵占|挪用|诈骗|骗|被盗|盗|所得|违法所得"
    r"|非法所得|费用|医疗费|退|赔|返还|归还|[，,。；;]|$)"
)
# 大部分 (most) told: weighed as the whole, as before
WHOLE_WORD = re.compile(r"全部|全额|足额|如数|悉数|全数|(?:绝)?大部分")
SUM = re.compile(rf"(?P<total>共计|合计|总计|共)?(?:人民币|现金|赃款)?(?P<num>{NUMBER})元")
# the sum named before the verb, as the part given back ("将其中2000元退还给谢某某")
SUM_BEFORE = re.compile(
    rf"(?:将|把)(?:其中|其)?(?:的)?(?:人民币|现金|赃款)?(?P<num>{NUMBER})元[^，,。；;]{{0,4}}$"
)
# the sum still owed after the return ("尚有20000元未退赔", "尚欠5000元"): what was returned is the rest of the amount
LEFT = re.compile(
    rf"(?:尚欠|仍欠|下欠)(?:人民币|赃款|款项|经济损失)?(?P<num>{NUMBER})元"
    rf"|(?:尚有|仍有|还有|余下|剩余)(?:人民币|赃款|款项|经济损失)?(?P<rest>{NUMBER})元[^，,。；;\d]{{0,6}}?(?:未|没有)"
    r"(?:退|归还|返还|偿还|赔)"
)

# the sum a part is taken from ("退还了所骗20000元中的8000元"): not itself given back
WHOLE_OF_PART = re.compile(r"(?:之)?中(?:的)?")
LEFT_BEFORE = re.compile(r"(?:尚有|仍有|还有|尚欠|仍欠|下欠|余下|剩余)(?:人民币|赃款|款项|经济损失)?$")


def part_paid(text: str, start: int, end: int) -> PartPaid | None:
    """What a return or a payment told at text[start:end] made good, read in its clause (and a sum left unpaid in the
    rest of its sentence); None where the text tells no extent (weighed as the whole, as before)."""
    lo, hi = clause_bounds(text, start, end)
    _, s_hi = bounds(text, start, end, SENTENCE_BREAKS)
    whole = bool(WHOLE_WORD.search(text, lo, hi))
    part = bool(PART_WORD.search(text, lo, hi))
    paid = _sum_after(text, start, hi) or _sum_before(text, lo, start)
    left_match = LEFT.search(text, end, s_hi)
    left = _yuan(left_match) if left_match else None
    if not (whole or part or paid is not None or left is not None):
        return None
    return PartPaid(whole=whole and not part, part=part, paid=paid, left=left)


def _sum_after(text: str, start: int, hi: int) -> Decimal | None:
    sums = [
        m
        for m in SUM.finditer(text, start, hi)
        if not _left_before(text, m.start()) and not WHOLE_OF_PART.match(text, m.end())
    ]
    totals = [m for m in sums if m.group("total")]
    chosen = totals[-1:] or sums
    values = [v for v in (_yuan(m) for m in chosen) if v is not None]
    return sum(values, Decimal(0)) if values else None


def _sum_before(text: str, lo: int, start: int) -> Decimal | None:
    match = SUM_BEFORE.search(text[lo:start])
    return _yuan(match) if match else None


def _left_before(text: str, at: int) -> bool:
    """A sum named as what is left unpaid ("尚有20000元"), not as paid."""
    return LEFT_BEFORE.search(text[max(0, at - 6) : at]) is not None


def _yuan(match: re.Match) -> Decimal | None:
    """The figure a match names, in yuan (parse_number reads 万: "1.2万" is 12000)."""
    return parse_number(match.group("num") or match.group("rest"))
