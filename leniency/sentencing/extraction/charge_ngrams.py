"""What of a fact text the charge profiles read, and the profiles built from decided cases (issue 16, class 8).

A fact is read as character 2- and 3-grams of its Chinese runs, less what is no conduct of the defendant's in this
case: masked names, the titles of laws, the words for the person tried, the court's sentencing formulas, earlier
convictions and the acts of persons tried apart (`ngrams`, `defendants_conduct`). `build_profiles` learns each charge's
case profile from (fact, charges) pairs: its mean less the mean of all cases (Rocchio), shrunk by the cases it rests
on. The model that scores a fact against these profiles and the statutes is charge_inference.ChargeModel.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from leniency.sentencing.catalogue import current_name, find_charge
from leniency.sentencing.extraction.conduct_words import JOINT_OR_DEFENDANT, TRIED_APART_MARK
from leniency.sentencing.extraction.earlier_convictions import without_earlier_convictions
from leniency.sentencing.extraction.parties import DEFENDANT_WORDS

KEEP = 120  # n-grams kept per charge profile
# A case profile learned on n cases has the length n / (n + PRIOR_CASES), as if PRIOR_CASES cases that differ from
# the average judgment in nothing were among them. A profile of one to three cases holds their places, names and
# objects (开设赌场's 万家, 县万, 二楼设 from one casino; 手机一部 as forgery of financial instruments) as much as the
# conduct, and ranked them above the conduct a statute names (扒窃, art. 264): until a profile rests on more cases than
# PRIOR_CASES it weighs no more than the statute (STATUTE_WEIGHT); one learned on many keeps nearly all its weight
PRIOR_CASES = 3
NON_WORD = re.compile(r"[^\u4e00-\u9fff]+")
MASKED = re.compile(r"某|×")
# the title of a law (《中华人民共和国刑法》) and the state's name say nothing of the conduct: a fact that
# cites a law or a 中华人民共和国居民身份证 must not read as 背叛国家 ("危害中华人民共和国的主权"); nor does 被告人,
# which in a fact names the defendant of every case and in a statute the one held or questioned (脱逃 art. 316:
# "罪犯、被告人、犯罪嫌疑人脱逃的"; 刑讯逼供 art. 247), so that every fact had read a little as an escape; nor do a
# prosecutor's words for him (犯罪嫌疑人, 嫌疑人: parties.py), which had read every 起诉意见书 as 私放在押人员 or 刑讯逼供
# Nor do the court's sentencing formulas (E53; E51's examiner: 应当从轻或者减轻处罚 had read a minor's theft as 绑架,
# whose statute's brackets say 或者 and 处罚 too): what a circumstance does to the punishment (刑法第17条第3款, 第23条
# 第2款, 第27条第2款, 第67条, 第68条: 可以从轻或者减轻处罚, 应当从轻、减轻处罚或者免除处罚), the statute's 对于自首的
# 犯罪分子, the defendant's age when he acted (刑法第17条: a circumstance; a victim's age is conduct, 拐骗儿童, and stays)
# and a minor's guardian in the proceedings (法定代理人, 刑事诉讼法第281条), who had read as art. 306's 诉讼代理人
SENTENCING_WORDS = (
    r"(?:依法|应当|应|可以|可|予以|酌情|酌定|均|对其)*(?:比照既遂犯)?"
    r"(?:(?:从轻|减轻|从重|免除)(?:(?:处罚|刑罚)?(?:、|，|或者|或|和)+(?:从轻|减轻|免除))*(?:处罚|刑罚)|从轻|减轻|从重)"
    r"|对于[^，。；]{0,6}犯罪分子"
    r"|(?:犯罪|作案|行为)时(?:已满|年满|未满|不满|系)?[^，。；]{0,16}周岁"
    r"|" + DEFENDANT_WORDS + r"[\u4e00-\u9fff\d]{1,4}[（(](?:时年|作案时|犯罪时)[^）)]{0,10}[）)]"
    r"|法定代理人"
)
NOT_CONDUCT = re.compile(r"《[^》]{0,40}》|中华人民共和国|" + SENTENCING_WORDS + "|" + DEFENDANT_WORDS)
# a masked name (张某, 王1某, 李某某甲, 王X): the surname would make "告人张" a feature of one case
MASKED_NAME = re.compile(r"[\u4e00-\u9fff][\d０-９]*(?:某+|[X×Ｘ]+)[甲乙丙丁戊\d]*")
# An earlier conviction is a circumstance of this case (刑法第65条, 累犯; a prior record), not its conduct: 曾因犯盗窃罪被判处…
# had made an injury case a theft. What tells one, and how far, is earlier_convictions' (one reading for every extractor)
SENTENCE_END = re.compile(r"[。；;]")
# Nor is what someone tried apart (另案处理) does alone the defendant's conduct: the receiver's purchase told beside a
# theft (同案人乙（另案处理）明知是盗窃所得仍予以收购) had made the thief a receiver. A sentence whose subject is such a
# person (conduct_words.TRIED_APART_MARK: 另案处理, 已判 …; one already tried is no defendant here either) and that names
# neither the defendant nor a joint act (伙同, 共同 …) is left out
OTHER_CASE_SUBJECT = re.compile(
    r"(?:^|[，,：:])\s*(?:同案人|同伙|其同伙|犯罪嫌疑人|案外人)?"
    # a name, not a clause about one (在明知黄某（已判刑）系未成年人… is the defendant's act)
    r"(?![\u4e00-\u9fff\d]{0,4}(?:明知|在|将|对|向|与|把|让|被|由|从|给|和|及))[\u4e00-\u9fff\d]{1,5}"
    + TRIED_APART_MARK
)


def ngrams(text: str) -> Counter:
    """Character 2- and 3-grams of the Chinese runs of `text`, masked names (张某, ××) left out."""
    counts: Counter = Counter()
    for run in NON_WORD.split(MASKED_NAME.sub(" ", NOT_CONDUCT.sub(" ", text))):
        for n in (2, 3):
            for i in range(len(run) - n + 1):
                gram = run[i : i + n]
                if not MASKED.search(gram):
                    counts[gram] += 1
    return counts


def defendants_conduct(text: str) -> str:
    """The text less what is not the defendant's conduct in this case: earlier convictions and the acts of persons
    tried apart (OTHER_CASE_SUBJECT), blanked out so that positions stay."""
    out = list(without_prior_convictions(text))
    at = 0
    for sentence in SENTENCE_END.split(text):
        if OTHER_CASE_SUBJECT.search(sentence) and not JOINT_OR_DEFENDANT.search(sentence):
            out[at : at + len(sentence)] = " " * len(sentence)
        at += len(sentence) + 1
    return "".join(out)


def without_prior_convictions(text: str) -> str:
    """The text with what it tells of earlier convictions blanked out (earlier_convictions); same length."""
    return without_earlier_convictions(text)


def weights(counts: Counter, idf: dict[str, float], default_idf: float) -> dict[str, float]:
    vector = {g: (1 + math.log(c)) * idf.get(g, default_idf) for g, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {g: v / norm for g, v in vector.items()}


def _top(vector: dict[str, float], keep: int, length: float = 1.0) -> dict[str, float]:
    """The `keep` largest entries, scaled to the given length."""
    best = sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:keep]
    norm = math.sqrt(sum(v * v for _, v in best)) or 1.0
    return {g: round(length * v / norm, 5) for g, v in best}


def shrunk(cases: int) -> float:
    """The length of a case profile learned on `cases` cases (PRIOR_CASES)."""
    return cases / (cases + PRIOR_CASES)


def build_profiles(cases: Iterable[tuple[str, Sequence[str]]]) -> dict:
    """Case profiles and IDF from (fact, charges) pairs: the content of charge_profiles.json."""
    cases = list(cases)
    documents = [ngrams(fact) for fact, _ in cases]
    frequency: Counter = Counter()
    for counts in documents:
        frequency.update(counts.keys())
    n = len(documents)
    idf = {g: math.log((1 + n) / (1 + df)) + 1 for g, df in frequency.items() if df >= 2}
    default_idf = math.log(1 + n) + 1
    sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    overall: dict[str, float] = defaultdict(float)
    sizes: Counter = Counter()
    for counts, (_, charges) in zip(documents, cases, strict=True):
        # an n-gram of one case only (a place, a name) says nothing about its charge
        vector = weights(Counter({g: c for g, c in counts.items() if g in idf}), idf, default_idf)
        for g, v in vector.items():
            overall[g] += v / n
        # a case labelled with a charge's old name is a case of that charge today (罪名补充规定), and one labelled
        # with a name the catalogue reads as a charge (CAIL's merged labels) a case of that charge
        for charge in sorted({profile_name(c) for c in charges}):
            sizes[charge] += 1
            for g, v in vector.items():
                sums[charge][g] += v
    # Rocchio: a charge's mean less the mean of all cases, so that what every judgment says (被害人, 价值)
    # does not outweigh the conduct that sets a charge apart (抢劫, 禁渔)
    profiles = {
        c: _top(
            {g: v / sizes[c] - overall[g] for g, v in s.items() if v / sizes[c] > overall[g]},
            KEEP,
            shrunk(sizes[c]),
        )
        for c, s in sorted(sums.items())
    }
    vocabulary = {g for p in profiles.values() for g in p}
    return {
        "n_cases": n,
        "cases_per_charge": dict(sorted(sizes.items())),
        "default_idf": round(default_idf, 5),
        "idf": {g: round(idf[g], 5) for g in sorted(vocabulary) if g in idf},
        "profiles": profiles,
    }


def profile_name(label: str) -> str:
    """The catalogue charge a case's label teaches: its name today (罪名补充规定), else the charge the catalogue reads
    the label as (CAIL's merged labels: 组织、强迫、引诱、容留、介绍卖淫 is art. 359's 引诱、容留、介绍卖淫 in
    charge_names.txt), else the label itself. A profile under a name that is no charge of the catalogue is never
    scored (ChargeModel scores the catalogue's charges), so its cases would teach nothing."""
    today = current_name(label)
    known = find_charge(today)
    return known.name if known else today
