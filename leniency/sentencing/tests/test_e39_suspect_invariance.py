"""The same facts whoever writes them (task E39): a judgment's 被告人 and a prosecutor's 犯罪嫌疑人 or 嫌疑人 name the
same person (刑事诉讼法: 犯罪嫌疑人 until a public prosecution is brought, 被告人 after it), so a text read with one word
must give the same facts as with the other.

The judgment-style passages were written for this test; none is taken from any data set.
"""

import re

import pytest

from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.charge_inference import ngrams
from leniency.sentencing.extraction.parties import DEFENDANT_WORD_RE, bare_defendant_names, names_defendant

JUDGMENT_TEXTS = {
    "theft-with-seizure-and-return": (
        "经审理查明：2022年8月3日凌晨，被告人孟某在某某小区，采用撬锁方式盗窃被害人杜某停放的电动自行车一辆，经鉴定"
        "价值人民币2900元。2022年8月5日，民警从被告人孟某处扣押螺丝刀一把。被告人孟某到案后如实供述了上述事实，"
        "并已退还被盗电动车。"
    ),
    "fraud-three-victims-compensated": (
        "经审理查明：2021年4月至7月，被告人严某以介绍工作为由，先后骗取被害人葛某、范某、彭某人民币共计3.8万元。"
        "案发后，被告人严某的家属代为退赔了被害人全部经济损失，取得被害人谅解。被告人严某自愿认罪认罚，签署了具结书。"
    ),
    "injury-surrender-minor": (
        "被告人鲁某，男，2005年9月9日出生。2022年11月2日晚，被告人鲁某因琐事与被害人韦某发生争执，持砖块击打韦某"
        "头部，致韦某轻伤一级。案发后，被告人鲁某在其父亲陪同下到某某派出所投案，如实供述了犯罪事实。"
    ),
    "robbery-two-offenders-principal": (
        "2020年12月1日夜，被告人马某伙同汤某（另案处理）持刀拦截被害人殷某，劫取现金人民币2000元。在共同犯罪中，"
        "被告人马某起主要作用，系主犯。被告人马某曾因犯盗窃罪于2017年3月被判处有期徒刑一年六个月，2018年9月刑满释放。"
    ),
    "drunk-driving-confessed": (
        "2023年1月20日23时许，被告人罗某酒后驾驶小型轿车行驶至某某路口时被民警查获。经鉴定，被告人罗某血液中乙醇"
        "含量为182.5mg/100ml。被告人罗某到案后如实供述了上述事实。"
    ),
    "thefts-numbered-counts": (
        "经审理查明：2022年5月至6月间，被告人毕某先后实施盗窃三起：1、2022年5月2日，被告人毕某在某某超市窃得香烟"
        "两条，价值人民币460元；2、2022年5月20日，被告人毕某在某某小区窃得自行车一辆，价值人民币800元；3、2022年6月"
        "3日，被告人毕某在某某市场窃得手机一部，价值人民币1500元。被告人毕某到案后如实供述。"
    ),
}
SUSPECT_WORDS = ["犯罪嫌疑人", "嫌疑人"]


def facts_of(text: str) -> dict:
    facts = extract(text)
    return {
        "charges": facts.charges,
        "amount": facts.amount_yuan,
        "circumstances": sorted(str(f.code) for f in facts.circumstances),
        "age": facts.age,
        "victims": facts.victims,
        "counts": facts.counts,
        "injury": facts.injury,
        "blood_alcohol": facts.blood_alcohol,
    }


@pytest.mark.parametrize("word", SUSPECT_WORDS)
@pytest.mark.parametrize("name", sorted(JUDGMENT_TEXTS))
def test_suspect_word_reads_as_the_defendant(name, word):
    text = JUDGMENT_TEXTS[name]
    as_prosecutor_writes = text.replace("被告人", word)
    assert as_prosecutor_writes != text
    assert facts_of(as_prosecutor_writes) == facts_of(text)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("犯罪嫌疑人张某盗窃电动车一辆", True),
        ("嫌疑人张某到案后如实供述", True),
        ("上诉人张某对原判认定的事实无异议", True),
        ("被告人张某到案后如实供述", True),
        # just outside: the victim and a witness are not the person tried, nor is 嫌疑 alone (a suspicion)
        ("被害人张某报警称其电动车被盗", False),
        ("证人王某证实其有盗窃嫌疑", False),
    ],
)
def test_names_defendant(text, named):
    assert names_defendant(text) is named


def test_one_definition_holds_every_word():
    found = [
        m.group()
        for m in DEFENDANT_WORD_RE.finditer("被告人甲、原审被告人乙、上诉人丙、犯罪嫌疑人丁、嫌疑人戊")
    ]
    assert found == ["被告人", "原审被告人", "上诉人", "犯罪嫌疑人", "嫌疑人"]
    assert re.fullmatch(DEFENDANT_WORD_RE, "嫌疑") is None


def test_the_suspect_word_is_no_conduct_of_a_charge():
    # 刑法第247条、第400条 name the one questioned or let go 犯罪嫌疑人: in a fact the word names the defendant of every case
    grams = ngrams("犯罪嫌疑人张某盗窃电动车一辆")
    assert "盗窃" in grams
    assert not {"嫌疑", "疑人", "罪嫌"} & set(grams)


def test_a_suspicion_without_the_person_stays_conduct():
    assert "嫌疑" in ngrams("证人王某证实其有盗窃嫌疑")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("张某于2023年1月5日在某某超市盗窃白酒两瓶，张某到案后如实供述。", {"张某"}),
        ("同年2月3日，民警在吴某的住处将吴某抓获。", {"吴某"}),
        ("民警于次日抓获李某某，起获被盗手机一部。", {"李某某"}),
        ("孔某（1992年4月5日出生）到案后如实供述。", {"孔某"}),
        # just outside: one caught by his help is another offender (刑法第68条), and where a word names the person
        # tried, the word decides
        ("赵某到案后如实供述，并协助民警抓获钱某。", {"赵某"}),
        ("被告人张某到案后如实供述，被害人李某的手机已发还。", set()),
        ("被害人李某的电动车停放在楼下，价值2000元。", set()),
    ],
)
def test_bare_defendant_names(text, names):
    assert bare_defendant_names(text) == names
