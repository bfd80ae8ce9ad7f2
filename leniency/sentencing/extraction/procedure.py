"""Appeal and retrial texts, the sentence they talk about, and a prior sentence left unserved.

Issue 16, failure class 7: a second-instance or retrial text ("原判认定…", "事实与原判相同") tells the
facts through the judgment below, and a defendant who reoffends before serving a sentence out
("前罪未执行的刑罚…并罚", 余刑) is punished for both together (刑法第69–71条). Extraction does not
combine punishments; it gives the facts the calculator needs, each with the sentence it was read from:

- the stage: first instance, appeal (二审) or retrial (再审), and the words that say so;
- the original sentence (原判 / 一审判决 … 判处 …; with several charges the one executed, 决定执行 …), in months, or masked (CAIL writes ×× for it), and its fine
  where the same sentence states one in figures (并处罚金人民币三千元); a fine alone (判处罚金人民币三千元, 刑法第52条)
  or an exemption (免予刑事处罚, 刑法第37条) is an original sentence of 0 months of its own kind;
- the prior sentence still to be served (前罪尚未执行的刑期 / 余刑 / 剩余刑期), in months;
- a suspended sentence whose probation period the new crime fell in (缓刑考验期内, art. 77): the whole
  suspended term, to be combined under art. 69 (`probation_revoked`);
- a new crime within a parole period (假释考验期内, art. 86 para. 1) whose remainder the text does not state
  (`parole_revoked`): the combination under art. 71 is due, but no term is guessed;
- an earlier judgment being served when a crime committed before it is found (漏罪, art. 70;
  `undiscovered`): its sentence and the part served. Arts. 70 and 71 exclude each other (a crime before
  or after the earlier judgment), so with art. 70 read no unserved remainder is kept.
"""

from __future__ import annotations

import re

from leniency.sentencing.extraction.earlier_convictions import earlier_convictions, told_within
from leniency.sentencing.extraction.numbers import (
    NUMBER,
    PENALTY,
    PENALTY_CODES,
    TERM,
    bounds,
    parse_number,
    span,
    term_months,
)
from leniency.sentencing.extraction.undiscovered import find_undiscovered
from leniency.sentencing.extraction.unserved_remainder import (
    PAROLE_DATES_RE,
    PROBATION_DATES_RE,
    crime_within,
    parole_remainder,
    serving_remainder,
)
from leniency.sentencing.facts import Procedure, SentenceMention, Span

RETRIAL_RE = re.compile(r"再审|审判监督")
# the sentence below named without its court: 原判以盗窃罪判处… / 原审以… / 一审以… / 上诉人…一审被判处…
BELOW_WITHOUT_COURT = r"原判(?:以|对)|(?:原审|一审)(?:以|被判处|判处)"
APPEAL_RE = re.compile(
    r"二审|上诉人|原审被告人|原判认定|原审判决|一审判决|(?:原审|一审)(?:人民)?法院(?:认定|以|判处|判决)|(?:事实|证据)[^。；]{0,20}[与和同](?:原判|原审|一审)"
    + "|"
    + BELOW_WITHOUT_COURT
)
# a case the court above sent back (发回重审): 刑事诉讼法第237条第1款 binds the court below as it binds the second instance
# ("第二审人民法院发回原审人民法院重新审判的案件，除有新的犯罪事实，人民检察院补充起诉的以外，原审人民法院也不得加重被告人
# 的刑罚"), so it is read as an appeal; its original is told as the court's own judgment (本院…作出…判决，以…判处…)
REMAND_RE = re.compile(r"发回(?:本院|原审(?:人民)?法院)?重(?:新审判|审)")
SAME_FACTS_RE = re.compile(
    r"(?:事实|证据)[^。；]{0,24}[与和同](?:原判|原审|一审)[^。；]{0,12}(?:相同|一致)|原判决?认定的?(?:事实|全案事实)[^。；]{0,8}(?:清楚|正确)"
)
# the articles applied may stand between the court and its sentence (原审人民法院依照《中华人民共和国刑法》第二百三十四条
# 第一款、第二十五条第一款……之规定，以故意伤害罪判处…): a 依照…规定 clause is read past, however long
ORIGINAL_RE = re.compile(
    r"(?:原判|原审判决|一审判决|(?:原审|一审)(?:人民)?法院|(?:原审|一审)(?=以|被判处|判处))"
    r"(?:[^。；]{0,80}?|[^。；]{0,40}?依照[^。；]{0,240}?规定[^。；]{0,40}?)(?:判处|决定执行|(?=单处罚金|免予刑事处罚))"
)
# 一审被判处… (上诉人张某因犯诈骗罪，一审被判处有期徒刑三年): passive, yet the sentence below, not a prior conviction
BELOW_PASSIVE_RE = re.compile(r"(?:原审|一审)被判处$")
# an appeal may name the judgment below by its court too, in the sentence that names the case below (某区人民法院审理…
# 指控原审被告人…一案，于…作出（2020）…刑初88号刑事判决，以盗窃罪判处…): 刑初 (a first-instance case number) or 一案
CASE_BELOW_RE = re.compile(r"刑初|一案")
# an appeal may tell the sentence below as the appellant's own, through the court that gave it (上诉人甲因犯盗窃罪，经某区
# 人民法院判处有期徒刑八个月): read as an earlier conviction's words, yet the judgment appealed against where nothing in its
# sentence tells a conviction of the past (曾, a release, a sentence served or suspended: PAST_SENTENCE_RE)
APPELLANT_BELOW_RE = re.compile(
    r"上诉人(?:[（(]原审被告人[）)])?[^，,。；;（(]{1,6}?因犯?[^。；，,]{0,20}?罪[，,]?经[^。；]{0,40}?(?:人民法院|本院)"
    r"(?:一审)?(?:以[^。；]{0,20}?罪)?判处"
)
PAST_SENTENCE_RE = re.compile(r"曾|释放|执行完毕|服刑|假释|缓刑考验|前科")
# a retrial names the judgment it reopens by its court: "某区人民法院于2018年5月10日作出（2018）…号刑事判决，以盗窃罪判处…"
RETRIAL_ORIGINAL_RE = re.compile(
    r"(?:人民法院|本院)[^。；]{0,40}?作出[^。；]{0,40}?判决[^。；]{0,40}?(?:判处|决定执行|(?=单处罚金|免予刑事处罚))"
)
# a fine as the whole sentence (判处罚金人民币三千元; 单处罚金, 刑法第52条) or no penalty at all (免予刑事处罚, 刑法第37条)
# a prior conviction told among the facts below ("原判认定，被告人甲曾因犯盗窃罪于2016年被判处有期徒刑六个月"): an earlier
# conviction (earlier_convictions) opened inside the head, or a sentence someone received (被判处); not the sentence under
# appeal
ORIGINAL_TERM_RE = re.compile(
    rf"{PENALTY}\s*(?:{TERM})?|(?P<mask>[×X]{{2,}})|(?P<fine_only>(?:单处)?罚金)|(?P<exempt>免予刑事处罚)"
)
ORIGINAL_TAIL = re.compile(r"[^。；，,]{0,30}")
# several charges below: the sentence executed (决定执行 …) is the original sentence, not the first charge's term
# (刑法第69条; 上诉不加刑 bounds the sentence executed: 最高人民法院关于适用《刑事诉讼法》的解释第401条)
EXECUTED_RE = re.compile(r"决定执行")
# the original's fine, in the sentence that states its term: "判处拘役五个月，并处罚金人民币三千元"
ORIGINAL_FINE_RE = re.compile(rf"(?:并处|单处)?罚金(?:人民币)?\s*(?P<yuan>{NUMBER})\s*元")
# the kind where the words name it (尚未执行的拘役二个月, 刑法第69条第2款: 拘役 beside 有期徒刑 is not executed); else 有期徒刑
UNSERVED_RE = re.compile(
    rf"(?:前罪|原判)?(?:尚未执行(?:完毕)?|未执行(?:完毕)?|没有执行(?:完毕)?|剩余|余)的?(?:刑期|刑罚|刑|拘役|有期徒刑)[^。；，,]{{0,8}}?{TERM}"
)
# the term first, the words after it: "尚有有期徒刑二年未执行", "还有一年六个月刑期没有执行"
UNSERVED_AFTER_RE = re.compile(
    rf"(?:尚有|还有|仍有)(?:剩余)?(?:有期徒刑|拘役|刑期)?{TERM}(?:的?刑期)?尚?(?:未执行|没有执行|未予执行)"
)
# a remainder the same sentence says was served out: 假释考验期满，就认为原判刑罚已经执行完毕 (刑法第85条; a probation's
# 考验期满 the same, 第76条), or an earlier conviction it tells as served (earlier_convictions: 刑满释放, 执行完毕);
# nothing is left to combine (a new crime after it may make a recidivist, 第65条, which is another rule)
SERVED_OUT_RE = re.compile(r"考验期(?:限)?已?届?满")
# the same words without a readable term: masked (××) or not stated ("与前罪尚未执行完毕的刑罚并罚")
UNSERVED_UNREAD_RE = re.compile(
    r"(?:前罪|原判)[^。；，,]{0,6}?(?:尚未执行(?:完毕)?|未执行(?:完毕)?|没有执行(?:完毕)?|剩余|余)的?(?:刑期|刑罚|刑)"
    r"|(?:尚未执行(?:完毕)?|未执行(?:完毕)?|剩余|余)的?(?:刑期|刑罚|刑)[^。；，,]{0,8}?[×X]{2,}"
)
MASK_RE = re.compile(r"[×X]{2,}")
MASK_AFTER_RE = re.compile(r"[^。；，,]{0,8}?[×X]{2,}")
COMBINED_RE = re.compile(r"数罪并罚|并罚|决定执行")
# 刑法第77条: a new crime within the probation period (缓刑考验期内) revokes the suspension; the suspended sentence, whole,
# is combined with the new one under art. 69. The suspended sentence: 判处有期徒刑八个月，缓刑一年.
# 缓刑期间 / 假释期间 are the same periods in shorter words (在缓刑期间又犯新罪); 考验期满后 is after them
PROBATION_PERIOD_RE = re.compile(r"缓刑(?:考验期(?:限)?)?(?:内|期间|中)|缓刑期(?:内|间)")
PAROLE_PERIOD_RE = re.compile(r"假释(?:考验期(?:限)?)?(?:内|期间|中)|假释期(?:内|间)")
SUSPENDED_RE = re.compile(rf"判处(?P<penalty>有期徒刑|拘役)\s*{TERM}[，,]?\s*(?:宣告)?缓刑")
# the suspended sentence masked (CAIL: 判处有期徒刑××，缓刑××): the combination is due, its term unknown
SUSPENDED_MASKED_RE = re.compile(r"判处(?:有期徒刑|拘役)?\s*[×X]{2,}[，,]?\s*(?:宣告)?缓刑")


def find_procedure(text: str) -> Procedure:
    stage, stage_span = "first_instance", None
    if match := RETRIAL_RE.search(text):
        stage, stage_span = "retrial", span(text, match.start(), match.end())
    elif match := APPEAL_RE.search(text) or REMAND_RE.search(text):
        stage, stage_span = "appeal", span(text, match.start(), match.end())
    procedure = Procedure(stage, stage_span)
    procedure.same_facts_as_below = bool(SAME_FACTS_RE.search(text))
    procedure.combined = bool(COMBINED_RE.search(text))
    if stage != "first_instance" and (head := _original_head(text, stage, bool(REMAND_RE.search(text)))):
        tail = ORIGINAL_TAIL.match(text, head.end())
        if match := ORIGINAL_TERM_RE.search(text, head.end(), tail.end()):
            # the whole sentence, over 以甲罪判处…；以乙罪判处…
            whole = span(text, *bounds(text, match.start(), match.end(), "。\n"))
            if (executed := EXECUTED_RE.search(text, match.end(), whole.end)) and (
                combined := ORIGINAL_TERM_RE.search(
                    text, executed.end(), ORIGINAL_TAIL.match(text, executed.end()).end()
                )
            ):
                match = combined
            procedure.original = _sentence(text, match)
            sentence = procedure.original.span
            fine_from = match.start() if match.group("fine_only") else match.end()
            if fine := ORIGINAL_FINE_RE.search(text, fine_from, sentence.end):
                procedure.original_fine_yuan = parse_number(fine["yuan"])
    if match := _unserved(text, UNSERVED_RE) or _unserved(text, UNSERVED_AFTER_RE):
        months = term_months(match)
        penalty = "detention" if "拘役" in match.group() else "imprisonment"
        procedure.prior_unserved = SentenceMention(penalty, months, False, _sentence_span(text, match))
    elif match := _unserved(text, UNSERVED_UNREAD_RE):  # the calculator does not combine an unknown term
        masked = bool(MASK_RE.search(match.group()) or MASK_AFTER_RE.match(text, match.end()))
        procedure.prior_unserved = SentenceMention(None, None, masked, _sentence_span(text, match))
    procedure.undiscovered = find_undiscovered(text)
    if procedure.undiscovered is not None:
        procedure.prior_unserved = None
    elif procedure.prior_unserved is None and (
        PROBATION_PERIOD_RE.search(text) or crime_within(text, PROBATION_DATES_RE)
    ):
        if match := SUSPENDED_RE.search(text):  # art. 77: the suspended sentence is combined whole
            penalty = PENALTY_CODES[match.group("penalty")]
            procedure.prior_unserved = SentenceMention(
                penalty, term_months(match), False, _sentence_span(text, match)
            )
            procedure.probation_revoked = True
        elif match := SUSPENDED_MASKED_RE.search(text):
            procedure.prior_unserved = SentenceMention(None, None, True, _sentence_span(text, match))
            procedure.probation_revoked = True
    elif procedure.prior_unserved is None and (
        match := PAROLE_PERIOD_RE.search(text) or crime_within(text, PAROLE_DATES_RE)
    ):
        # art. 86 para. 1: 应当撤销假释，依照本法第七十一条的规定实行数罪并罚; the remainder is the parole period (art. 83)
        # where the text states it, else a remainder not given
        procedure.prior_unserved = parole_remainder(text) or SentenceMention(
            None, None, False, _sentence_span(text, match)
        )
        procedure.parole_revoked = True
    elif procedure.prior_unserved is None and (serving := serving_remainder(text)):
        procedure.prior_unserved = serving[0]  # art. 71: a crime while the sentence was executed
    return procedure


def _unserved(text: str, pattern: re.Pattern) -> re.Match | None:
    """The first remainder `pattern` reads whose sentence does not say it was served out (SERVED_OUT_RE, or an earlier
    conviction told there as served)."""
    for match in pattern.finditer(text):
        lo, hi = bounds(text, match.start(), match.end(), "。；;\n")
        if not SERVED_OUT_RE.search(text, lo, hi) and not any(c.served for c in told_within(text, lo, hi)):
            return match
    return None


def _original_head(text: str, stage: str, remanded: bool = False) -> re.Match | None:
    """The words that introduce the sentence under appeal or retrial (原判以盗窃罪判处…), past any prior conviction
    they tell: the first in the text. A retrial and a case sent back tell it as a court's judgment (RETRIAL_ORIGINAL_RE);
    an appeal may tell it as the appellant's own, through its court (APPELLANT_BELOW_RE)."""
    heads = [head for head in ORIGINAL_RE.finditer(text) if not _tells_prior(text, head)]
    heads += [
        head
        for head in RETRIAL_ORIGINAL_RE.finditer(text)
        if not _tells_prior(text, head)
        and (
            stage == "retrial"
            or remanded
            or CASE_BELOW_RE.search(text, *bounds(text, head.start(), head.end(), "。；;\n"))
        )
    ]
    if stage == "appeal":
        heads += [
            head
            for head in APPELLANT_BELOW_RE.finditer(text)
            if not PAST_SENTENCE_RE.search(text, *bounds(text, head.start(), head.end(), "。；;\n"))
        ]
    # the court comes after the defendant in a prior conviction: "曾因犯盗窃罪被某区人民法院于2015年作出判决，判处…"
    heads = [
        head
        for head in heads
        if head.re is not RETRIAL_ORIGINAL_RE
        or not _opens_conviction(text, bounds(text, head.start(), head.end(), "。；;\n")[0], head.start())
    ]
    return min(heads, key=lambda head: head.start(), default=None)


def _tells_prior(text: str, head: re.Match) -> bool:
    verb = re.search(r"(?:判处|决定执行)$", head.group())
    at = head.start() + verb.start() if verb else head.end()
    if BELOW_PASSIVE_RE.search(head.group()):
        return False
    return _opens_conviction(text, head.start(), at) or text.startswith("被", at - 1)


def _opens_conviction(text: str, start: int, end: int) -> bool:
    """An earlier conviction (earlier_convictions) is told from within text[start:end]."""
    return any(start <= c.start < end for c in earlier_convictions(text))


def _sentence(text: str, match: re.Match) -> SentenceMention:
    if match.group("fine_only") or match.group("exempt"):
        penalty = "fine_only" if match.group("fine_only") else "exempt"
        return SentenceMention(penalty, 0, False, _sentence_span(text, match))
    penalty = PENALTY_CODES.get(match.group("penalty") or "", None)
    # 有期徒刑×× : the penalty named, its term masked
    masked = bool(match.group("mask") or term_months(match) is None and MASK_RE.match(text, match.end()))
    months = None if masked else term_months(match)
    return SentenceMention(penalty, months, masked, _sentence_span(text, match))


def _sentence_span(text: str, match: re.Match) -> Span:
    """The whole sentence the match is in: the source a reader checks."""
    return span(text, *bounds(text, match.start(), match.end(), "。；;\n"))
