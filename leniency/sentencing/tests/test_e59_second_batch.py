"""E59's second batch: new phrasings for drugs, appeals and retrials, and life or death (issue 16 failure classes
5, 6 and 7), written here after the first batch's fixes and scored before anything it showed was fixed; none taken
from any data set. The law each passage is scored by is the first batch's (test_e59_first_batch)."""

from __future__ import annotations

import pytest

from leniency.sentencing.tests.test_e59_first_batch import (
    HOLD,
    SALE,
    SHELTER,
    _bound_step,
    _drug,
    _fixed,
    _original,
    _run,
)
from leniency.sentencing.tests.written_texts import written_case


def _unknown(facts, named):
    return facts.drugs == [] and any(u.named == named for u in facts.unknown_drugs)


DRUGS = [
    (
        "carfentanil-is-not-fentanyl",
        "经审理查明，2021年7月，被告人欧阳某通过境外网站购入卡芬太尼0.5克，欲转手出售时被民警抓获。",
        [SALE],
        lambda f, c: _unknown(f, "卡芬太尼") and _fixed(c, 0, 84) and c.confidence == "low",
    ),
    (
        "mephedrone-is-not-methcathinone",
        "经审理查明，被告人季某在某夜店内以每克人民币500元的价格向他人出售4-甲基甲卡西酮，共计净重6克。",
        [SALE],
        lambda f, c: _unknown(f, "4-甲基甲卡西酮") and _fixed(c, 0, 84),
    ),
    (
        "ketamine-in-milligrams",
        "经审理查明，2020年11月，被告人施某在某酒店房间内向他人出售氯胺酮粉末一小包，经称量，净重850毫克。",
        [SALE],
        lambda f, c: _drug(f, "氯胺酮", "0.85") and _fixed(c, 0, 36),
    ),
    (
        "morphine-relatively-large",
        "公诉机关指控，被告人柳某系某医院药房工作人员，2019年间多次盗出吗啡注射液并出售，民警在其住处查获吗啡净重25克。",
        [SALE],
        lambda f, c: _drug(f, "吗啡", 25) and _fixed(c, 84),
    ),
    (
        "sheltering-a-sixteen-year-old",
        "经审理查明，2021年1月，被告人殷某在其租住的房屋内，容留年仅十六岁的刘某吸食甲基苯丙胺。",
        [SHELTER],
        lambda f, c: _fixed(c, 1, 36) and not any(x.code == "minor" for x in f.circumstances),
    ),
    (
        "magu-pills-large-not-death",
        "经审理查明，2020年6月，被告人岳某从边境将甲基苯丙胺片剂（俗称“麻古”）1200粒藏于汽车油箱内运往内地，"
        "途中被查获，经称量，净重108克。",
        [SALE],
        lambda f, c: (
            _drug(f, "甲基苯丙胺", 108) and not c.death_penalty and (c.life_imprisonment or _fixed(c, 180))
        ),
    ),
    (
        "cannabis-cigarettes-held",
        "经审理查明，民警在被告人阿力某的行李中查获自制大麻烟200支，经称量，净重共计32千克。",
        [HOLD],
        lambda f, c: _drug(f, "大麻叶及大麻烟", 32000) and _fixed(c, 0, 36),
    ),
]

APPEALS = [
    (
        "appellant-against-case-number",
        "上诉人钟某不服某县人民法院（2021）某0521刑初12号刑事判决，提出上诉。原审判决认定，2020年10月，"
        "钟某在其住处藏匿甲基苯丙胺净重15克。原审判决以非法持有毒品罪判处上诉人钟某有期徒刑一年二个月，"
        "并处罚金人民币五千元。",
        [HOLD],
        lambda f, c: _original(f, "imprisonment", 14) and _fixed(c, 0, 14),
    ),
    (
        "relatives-appeal-bound",
        "原判认定，2020年5月，原审被告人常某在某停车场窃取他人轿车一辆，价值人民币6.5万元。原审以盗窃罪判处常某"
        "有期徒刑二年，并处罚金人民币一万元。宣判后，原审被告人常某的父亲以量刑过重为由提出上诉。",
        ["盗窃"],
        lambda f, c: _original(f, "imprisonment", 24) and _fixed(c, 0, 24),
    ),
    (
        "protest-alone-not-bound",
        "原判认定，2019年10月，原审被告人葛某在某工地窃取钢材，价值人民币12万元。原审法院以盗窃罪判处葛某"
        "有期徒刑一年。宣判后，原公诉机关认为原判适用法律错误，量刑畸轻，提出抗诉。",
        ["盗窃"],
        lambda f, c: not _bound_step(c) and _fixed(c, 13),
    ),
    (
        "petition-retrial-bound",
        "原审被告人龙某诈骗一案，某区人民法院于2019年3月作出刑事判决，以诈骗罪判处龙某有期徒刑二年，并处罚金"
        "人民币一万元。判决发生法律效力后，龙某不服，向本院提出申诉，本院决定提审。经再审查明，2018年5月，"
        "龙某虚构投资项目骗取被害人人民币15万元。",
        ["诈骗"],
        lambda f, c: f.procedure.stage == "retrial" and _original(f, "imprisonment", 24) and _fixed(c, 0, 24),
    ),
    (
        "undiscovered-told-by-the-prisoner",
        "经审理查明，被告人贺某因犯抢劫罪被判处有期徒刑六年，在某监狱服刑期间，主动交代了公安机关尚未掌握的"
        "其于判决宣告以前实施的盗窃犯罪：2017年4月，贺某在某小区窃取摩托车一辆，价值人民币5000元。",
        ["盗窃"],
        lambda f, c: f.procedure.undiscovered is not None and f.procedure.prior_unserved is None,
    ),
    (
        "parole-period-dates-remainder",
        "经审理查明，被告人尹某因犯盗窃罪被判处有期徒刑三年，于2020年5月1日被裁定假释，假释考验期限自2020年5月1日"
        "起至2021年4月30日止。2020年12月5日，尹某在某商场窃取手机一部，价值人民币3000元。",
        ["盗窃"],
        lambda f, c: (
            f.procedure.parole_revoked
            and f.procedure.prior_unserved is not None
            and f.procedure.prior_unserved.months == 12
        ),
    ),
    (
        "crime-in-prison-remainder-combined",
        "经审理查明，被告人卫某因犯故意伤害罪被判处有期徒刑五年，在某监狱服刑期间，因琐事殴打同监室人员，"
        "致其鼻骨骨折，经鉴定为轻伤二级。卫某前罪尚有有期徒刑二年三个月未执行。",
        ["故意伤害"],
        lambda f, c: (
            f.procedure.prior_unserved is not None
            and f.procedure.prior_unserved.months == 27
            and any(s.rule_id == "method.art71" for s in c.steps)
        ),
    ),
]

LIFE_DEATH = [
    (
        "robbery-death-accessory-fixed-term",
        "经审理查明，2019年2月，被告人童某伙同他人预谋抢劫，童某负责望风，同伙在屋内捆绑被害人时致其窒息死亡，"
        "劫得现金人民币2万元。童某在共同犯罪中起次要作用，系从犯。",
        ["抢劫"],
        lambda f, c: _fixed(c, 60, 180),
    ),
    (
        "heroin-two-hundred-grams-surrender-not-death",
        "经审理查明，2020年3月，被告人孟某受雇将海洛因从某市运往某县，在收费站被查获，经称量，海洛因净重200克。"
        "孟某到案后如实供述，并检举他人贩毒线索经查证属实。",
        [SALE],
        lambda f, c: _drug(f, "海洛因", 200) and not c.death_penalty,
    ),
    (
        "arson-one-death-not-immediate-death",
        "经审理查明，2020年1月，被告人包某因与邻居发生纠纷，深夜泼洒汽油点燃邻居家房屋，致邻居一人被烧死。"
        "包某作案后主动投案。",
        ["放火"],
        lambda f, c: not c.death_penalty,
    ),
    (
        "embezzlement-three-million-surrender",
        "经审理查明，被告人严某利用担任某镇财政所所长的职务便利，侵吞扶贫款共计人民币300万元。"
        "严某在纪委调查前主动投案，如实供述，并退缴全部赃款。",
        ["贪污"],
        lambda f, c: _fixed(c, 36, 180),
    ),
    (
        "cruel-injury-severe-disability-not-death",
        "经审理查明，2019年8月，被告人牛某因感情纠纷，用硫酸泼洒被害人面部，致其重伤一级，面部严重毁容，"
        "构成严重残疾。",
        ["故意伤害"],
        lambda f, c: _fixed(c, 120, 240),
    ),
    (
        "kidnapping-no-harm-fixed-term",
        "经审理查明，2020年5月，被告人单某为勒索财物，将被害人劫持至郊外，向其家属索要人民币20万元，"
        "后被害人被民警解救，未受伤害。",
        ["绑架"],
        lambda f, c: _fixed(c, 60, 180),
    ),
]

CASES = [("drug-" + i, t, ch, chk) for i, t, ch, chk in DRUGS]
CASES += [("appeal-" + i, t, ch, chk) for i, t, ch, chk in APPEALS]
CASES += [("life-" + i, t, ch, chk) for i, t, ch, chk in LIFE_DEATH]

STILL_WRONG: dict[str, str] = {
    "life-cruel-injury-severe-disability-not-death": "刑法第234条第2款's 以特别残忍手段 is not stated in the text; the engine "
    "keeps the 3-10 year bracket of 致人重伤 (the same text with the words gets 10 years); whether acid thrown in a face "
    "is that means is the court's finding",
}


def _params():
    return [
        written_case(case_id, text, charges, check, misses=STILL_WRONG)
        for case_id, text, charges, check in CASES
    ]


@pytest.mark.parametrize("text, charges, check", _params())
def test_second_batch_passage(text, charges, check):
    facts, calc = _run(text, charges)
    assert check(facts, calc)
