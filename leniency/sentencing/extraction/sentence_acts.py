"""Acts told sentence by sentence, without a number of their own (E71).

A judgment often tells a second act after the first without numbering it: "经审理查明：2020年3月…甲盗窃…。另查明，2020年
5月…甲驾驶机动车…", "…此外，被告人甲还于…", "…2021年12月，甲又在某商场…". Such a sentence opens an act of its own (刑法第69条:
each crime on its own facts), where

- 另查明 / 此外 / 另外 is followed, near its start, by a time the act was done at (另查明，施某于2022年为他人伪造…);
- 此外 / 另外 is followed by the defendant's further act (还 / 又 / 再次: 此外，甲某还在其住处多次容留…);
- the sentence opens with its own month or year and says the act was done again (`tells_again`: 同年7月，戊某又以…为由
  骗取…), referring to nothing of the act before (再次将这两块林地… / 之前安放的猎套: the narrative goes on).

A 另查明 / 此外 that tells a record (earlier_convictions), a circumstance (到案, 投案, 赔偿, 谅解, 退赔), the defendant's
profile (系某村村民, 户籍) or the evidence (…的供述、证言等证据证实) opens no act: that is why 另查明 closes a count
(document.CLOSING_RE). What follows an act (次日，甲又将手机销赃), the police's or a court's doing, and an act done the
same day at the same place (法发〔2005〕8号第三条: one act) open none either; nor, outside a numbered count, an act
told the same day or the next (当日下午，丙某又持铁锹…: one episode).
"""

from __future__ import annotations

import re

from leniency.sentencing.extraction.earlier_convictions import told_within

# a time an act is told with: a date (2019年, 3月, 5日, 10时许) or one told without a date (同日, 当晚, 同年)
EVENT_RE = re.compile(r"\d{4}年|\d{1,2}月|[一二三四五六七八九十]{1,3}月|\d{1,2}日|\d时|许")
RELATIVE_TIME_RE = re.compile(
    r"同日|当日|次日|当天|同天|当晚|次晚|同年|同月|凌晨|上午|下午|中午|傍晚|晚上|夜间|深夜"
)
# Another act told in a sentence of its own that opens with its time and says it was done again ("2018年3月5日，甲在某
# 超市窃得手机一部。当晚，甲又窃得钱包一个…"). What follows an act is not one (次日，甲又将手机销赃 / 后又逃离现场 /
# 又因犯盗窃罪被判处…: disposal, flight, a record), read in the clause of 又 (…再次盗窃电线，得手后将电线卖掉: the theft
# is done again, the sale follows it).
AGAIN_OPENING = 12  # characters of the sentence where its time stands
AGAIN_WITHIN = 30  # characters of the sentence where 又 / 再次 stands
AGAIN_RE = re.compile(r"又|再次|再度")
# the same day at the same place is one act done on (法发〔2005〕8号第三条: 在同一地点连续…抢劫的，一般应认定为一次犯罪):
# 当晚，甲又在该处抢走丙的钱包 tells no act of its own; 同日10时许，又在该院一楼… (another spot) still does
SAME_DAY_RE = re.compile(r"同日|当日|当天|同天|当晚")
SAME_PLACE_RE = re.compile(r"该处|原处|原地|同一地点|现场")
# A record is an earlier conviction told in the clause (earlier_convictions: 又因犯盗窃罪被判处…, 2019年又有前科…).
# 判处 / 释放 / 处罚 / 拘留 stay here as what a court or the police did to the defendant, record or not (又被某区人民法院
# 判处…, 次日又被刑事拘留, 又被释放): no act of the defendant's either.
NOT_AN_ACT_RE = re.compile(
    r"销赃|变卖|出售|卖给|卖掉|典当|挥霍|藏匿|丢弃|逃离|逃跑|抓获|投案|归案|报警|赔偿|退还|退赔|判处|释放|处罚|拘留"
)

# the words that set a sentence apart from the one before it; 另查明 may take a colon
APART_LEAD_RE = re.compile(r"[ \t\r\u3000]*(?:(?P<found>另查明)|此外|另外)[，,：:]?")
TIME_AFTER_FOUND = 15  # characters after 另查明 / 此外 / 另外 where the act's own time stands
# 还 as "also" before the act (此外，被告人丁还以…为由), not 归还 / 偿还 / 退还
FURTHER_RE = re.compile(r"又|再次|再度|(?<![归偿退返送交])还(?![款债钱给清])")
# an act told again without a number opens on another day of its own month or year (同年7月，戊某又…); an act told the
# same day or the next (当日下午，丙某又持铁锹…) goes on the narrative before it
OTHER_DAY_RE = re.compile(r"\d{4}年|\d{1,2}月|[一二三四五六七八九十]{1,3}月|同年|同月|次年|次月|翌年")
# a sentence told again that refers back to the act before (再次将这两块林地耙了一遍 / 发现之前安放的猎套) goes on with its
# narrative: the same thing or place acted on again is the act told before continued, not one of another kind
REFERS_BACK_RE = re.compile(r"这[两三四五几]?[块些个件处只辆名亩间笔台部条批]|上述|前述|之前|此前|原先|先前")
FURTHER_WITHIN = 25  # characters after 此外 / 另外 where 还 / 又 stands
# what a 另查明 / 此外 tells that is no act: a circumstance after the crime or the proceedings (因涉嫌…被讯问), the
# defendant's profile, the proof
NOT_APART_HEAD = 30
CIRCUMSTANCE_RE = re.compile(
    r"涉嫌|投案|到案|归案|抓获|赔偿|谅解|退赃|退赔|退还|退缴|自首|坦白|如实供述|认罪|前科|劣迹|刑满|释放|判处|处罚|拘留|逮捕"
    r"|取保|羁押|出生|户籍|身份(?!证)|文化程度|(?<![关联体派])系|证实|证明|证据|供述|证言|鉴定意见|立功|检举|揭发|案发后"
)


def tells_again(text: str, lo: int, hi: int) -> bool:
    """Whether the sentence text[lo:hi] opens with its own time and tells an act done again (not what followed an act,
    a record, or the same day's act at the same place)."""
    opening = min(hi, lo + AGAIN_OPENING)
    timed = EVENT_RE.search(text, lo, opening) or RELATIVE_TIME_RE.search(text, lo, opening)
    again = timed and AGAIN_RE.search(text, timed.end(), min(hi, lo + AGAIN_WITHIN))
    if not again:
        return False
    clause = min((i for i in (text.find(c, again.end(), hi) for c in "，,") if i >= 0), default=hi)
    if NOT_AN_ACT_RE.search(text, again.end(), clause) or told_within(text, again.end(), clause):
        return False
    return not (SAME_DAY_RE.search(text, lo, opening) and SAME_PLACE_RE.search(text, lo, clause))


def opens_apart(text: str, lo: int, hi: int) -> bool:
    """Whether the sentence text[lo:hi] opens an act of its own told after another without a number: 另查明 / 此外 / 另外
    with a time, 此外 / 另外 with 还 / 又, or its own month or year with 又 (`tells_again`) and nothing referring back to the act before; never a record, a
    circumstance, the defendant's profile or the proof."""
    lead = APART_LEAD_RE.match(text, lo, hi)
    if lead is None:
        return (
            bool(OTHER_DAY_RE.search(text, lo, min(hi, lo + AGAIN_OPENING)))
            and not REFERS_BACK_RE.search(text, lo, hi)
            and tells_again(text, lo, hi)
        )
    at = lead.end()
    further = not lead.group("found") and FURTHER_RE.search(text, at, min(hi, at + FURTHER_WITHIN))
    if not (further or _timed(text, at, min(hi, at + TIME_AFTER_FOUND))):
        return False
    return not (CIRCUMSTANCE_RE.search(text, at, min(hi, at + NOT_APART_HEAD)) or told_within(text, at, hi))


def _timed(text: str, start: int, end: int) -> bool:
    return bool(EVENT_RE.search(text, start, end) or RELATIVE_TIME_RE.search(text, start, end))
