"""A sum told once for each of several victims or acts (各N元), as amounts.find_money reads it (task E67).

"分别骗取被害人王某、李某各5000元" took 5000 yuan from each: 10000 yuan in all, not 5000. 刑法第264条、第266条
measure the money taken, and several takings of one kind are summed (多次…累计计算: 法释〔2013〕8号第十三条 for theft,
法释〔2011〕7号第五条 for fraud; both recalled, unconfirmed). The figure is multiplied only where the text tells how many
took it: the persons named in a list just before 各 (王某、李某各 / 周某、吴某每人各), the acts counted in its clause
(先后两次…各2000元), the things counted just before an 各价值 (电动自行车两辆，经鉴定各价值1800元), or the persons named
or counted before a 每人 (向王某、李某每人收取 / 向五名学员每人收取; 按每人50元 alone, or 每人每月, is a rate). Where nothing tells
the number, the figure stays as told. Shares of the loot (二人各分得3000元) are no taking: amount_exclusions leaves them
out already, and this module never multiplies a figure after a share word.
"""

from __future__ import annotations

import re

from leniency.sentencing.extraction.numbers import parse_number

# a masked person (王某, 李某某, 张某1) or a stem or branch (乙), as judgments name victims
PERSON = r"(?:[\u4e00-\u9fa5]某{1,2}[甲乙丙丁]?\d{0,2}|[甲乙丙丁戊己庚辛壬癸])"
# 各 as a distributive word, not in 各自 / 各种 / 各类 / 各地 / 各项 / 各个 / 各方 / 各级 / 各处
EACH = r"各(?![自种类地项个方级处位样式界部])"
# 每人 / 每户 after the persons it spreads over ("向王某、李某每人收取"); told alone ("按每人50元") it is a rate
EVERY_PERSON = r"每(?:人|户|名|位)"
DISTRIBUTIVE = re.compile(rf"(?:{EVERY_PERSON})?{EACH}|{EVERY_PERSON}")
# "王某、李某各" / "赵某、钱某和孙某每人各" / "周某、吴某二人各" / "韩某某及其妻子杨某某各": the list closes just before
# the distributive word; a kinship word may stand between the names
JOINED = r"(?:[、和及与]|及其|和其)(?:妻子|丈夫|父亲|母亲|儿子|女儿|妻|夫|子|女)?"
COUNT = r"(?P<n>[一二两三四五六七八九十]{1,3}|\d{1,3})"
NAMED_LIST = re.compile(rf"(?P<list>{PERSON}(?:{JOINED}{PERSON})+)(?:{COUNT}(?:人|名))?$")
# "向五名学员每人收取3000元": the persons counted just before 每人
PERSONS_COUNTED = re.compile(rf"{COUNT}(?:名|位|个|户)[\u4e00-\u9fa5]{{0,6}}$")
# "先后两次向乙索要现金各2000元": the acts counted in the figure's clause
ACTS_COUNTED = re.compile(rf"{COUNT}(?:次|笔|回)")
# "窃取电动自行车两辆，经鉴定各价值1800元": the things counted before an 各价值
THINGS_COUNTED = re.compile(rf"{COUNT}(?:辆|部|台|件|只|头|块|个|把|枚|条|箱|袋)[^，,。；;]{{0,4}}$")
EACH_VALUED = re.compile(rf"{EACH}(?:价值|值|计)(?:人民币)?$")
EACH_BEFORE_FIGURE = re.compile(rf"{EACH}(?:人民币|现金|计)?$")
SHARE = re.compile(r"分得|分赃|分给|分配|平分|得到|获得|罚款|罚金|赔偿|退赔")
# a rate between the distributive word and the figure (每人每月 / 每人每次): a price per unit, not a sum each
RATE_AFTER = re.compile(r"每")


def times_told(sentence_before: str, clause_before: str) -> int:
    """How many times the figure after `clause_before` was taken, by the words before it (1 where none tell it).

    `sentence_before`: the figure's sentence up to it; `clause_before`: its clause up to it (a tail of the sentence).
    """
    found = list(DISTRIBUTIVE.finditer(clause_before))
    if not found:
        return 1
    word = found[-1]
    tail = clause_before[word.end() :]
    if SHARE.search(tail) or RATE_AFTER.search(tail):
        return 1
    at = len(sentence_before) - len(clause_before) + word.start()
    if named := NAMED_LIST.search(sentence_before[:at]):
        return len(re.findall(PERSON, named.group("list")))
    if word.group().startswith("每") and (persons := PERSONS_COUNTED.search(sentence_before[:at])):
        return _count(persons.group("n"))
    if EACH_BEFORE_FIGURE.search(clause_before) and (acts := list(ACTS_COUNTED.finditer(clause_before))):
        return _count(acts[-1].group("n"))
    if EACH_VALUED.search(clause_before):
        things = THINGS_COUNTED.search(
            sentence_before[: len(sentence_before) - len(clause_before)].rstrip("，,")
        )
        if things:
            return _count(things.group("n"))
    return 1


def _count(raw: str) -> int:
    value = parse_number(raw)
    return int(value) if value is not None and value >= 1 and value == int(value) else 1
