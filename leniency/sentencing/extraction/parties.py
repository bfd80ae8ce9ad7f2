"""The person tried, in the words of each stage of the procedure: one definition for every reader.

刑事诉讼法 calls the person 犯罪嫌疑人 during investigation (侦查) and review for prosecution (审查起诉), and 被告人 once
a public prosecution is brought (DESIGN.md's glossary); on appeal 上诉人 or 原审被告人. A prosecutor's own text (起诉意见书,
审查报告, the calculator's paste box) says 犯罪嫌疑人 or its short form 嫌疑人 where a judgment says 被告人 (task E39). A reader
that looks for "the defendant" looks for any of these.

A co-offender is also 犯罪嫌疑人 in a prosecutor's text ("伙同犯罪嫌疑人李某（另案处理）"); readers that must tell him from
the defendant do so by his own marks (同案, 另案处理), not by the word.
"""

import re

# 原审被告人 holds 被告人, 犯罪嫌疑人 holds 嫌疑人: listed for the reader, the alternation needs only the shorter
DEFENDANT_WORDS = r"(?:原审被告人|被告人|上诉人|犯罪嫌疑人|嫌疑人)"
DEFENDANT_WORD_RE = re.compile(DEFENDANT_WORDS)


def names_defendant(text: str) -> bool:
    """Whether `text` calls someone by a word for the person tried (被告人, 犯罪嫌疑人, 嫌疑人, 上诉人)."""
    return DEFENDANT_WORD_RE.search(text) is not None


# A masked name, in every masking CAIL gives one (王某, 王某某, 王某甲, 刘X, and an index where two share a surname: 王1某,
# 王某1, 李某某3, 刘X1): one character before 某 or X, so that the word before is not taken in
MASKED_NAME = r"[\u4e00-\u9fff]\d*(?:某(?:某|[甲乙丙丁戊己]|\d)*|[X×]{1,3}\d*)"
PARTICULARS = r"(?:[（(][^（）()。；;]{0,40}[）)])?"
# A text that names the person tried by no word for him (the calculator's paste: "张某于2023年1月5日在某超市盗窃…，张某
# 到案后如实供述") names him by what only the person tried does in the facts: he is caught, comes to the case, confesses
# (到案, 归案, 投案, 如实供述, 抓获张某, 将张某抓获). One caught by his help (协助民警抓获钱某: 刑法第68条) is another.
BARE_DEFENDANT_RE = re.compile(
    rf"(?<=[将把])(?P<caught>{MASKED_NAME})(?=[^，,。；;]{{0,6}}(?:抓获|抓捕|刑事拘留))"
    rf"|(?<=抓获)(?P<caught_after>{MASKED_NAME})"
    rf"|(?P<acts>{MASKED_NAME}){PARTICULARS}(?:于[^，,。；;]{{0,14}})?(?:主动|经[^，,。；;]{{0,10}})?"
    r"(?:到案|归案|投案|如实供述|如实交代|供认不讳|自愿认罪)"
)
HELPED_CATCH = re.compile(r"协助|配合|带领|指认")


def names_listed(told: str) -> list[str]:
    """The masked names in `told` (a list of persons), their bracketed particulars (王某（女，1998年出生）) left out."""
    return re.findall(MASKED_NAME, re.sub(r"[（(][^）)]*[）)]", "", told))


def may_be_same_person(known: str, name: str) -> bool:
    """Whether `name` may be the person known as `known`: his, or one his extends or that extends his (刘某 told later as
    刘某甲, 王某某 as 王某: a judgment's masking is not always the same for one person, so no other person is read from it)."""
    return name.startswith(known) or known.startswith(name)


def bare_defendant_names(text: str) -> set[str]:
    """The masked names the person tried goes by where `text` has no word for him; none where it has one (the word
    decides, and a name beside it is the defendant's only when the word names it)."""
    if names_defendant(text):
        return set()
    names = set()
    for match in BARE_DEFENDANT_RE.finditer(text):
        clause = text[max(0, match.start() - 12) : match.start()]
        if (match.group("caught") or match.group("caught_after")) and HELPED_CATCH.search(clause):
            continue
        names.add(match.group("caught") or match.group("caught_after") or match.group("acts"))
    return names
