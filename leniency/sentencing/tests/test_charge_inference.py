"""Charges inferred from the conduct told, for every crime of the catalogue (issue 16, class 8).

Fact texts written here; the charge names are masked as CAIL masks them, so the conduct must carry it.
"""

from leniency.sentencing.extraction.charge_inference import ChargeModel, build_profiles, ngrams
from leniency.sentencing.extraction.charges import charge_candidates, charge_evidence, infer_charges

FISHING = "2019年6月10日，被告人王某在禁渔期内驾驶渔船在某水库使用电鱼工具捕捞水产品共计30千克。"
CONTRACT = "被告人刘某在与某公司签订钢材购销合同后，收取对方预付货款50万元后逃匿，其行为构成××。"
BIGAMY = "被告人张某在与李某的婚姻关系存续期间，又与王某以夫妻名义共同生活并生育一女。"


def test_a_charge_outside_the_old_eleven_is_inferred_from_its_conduct():
    assert infer_charges(FISHING) == ["非法捕捞水产品"]
    assert infer_charges(BIGAMY) == ["重婚"]


def test_contract_fraud_is_among_the_candidates_a_person_confirms():
    # 收受对方当事人给付的货款后逃匿 (art. 224 (四)); a dev case of 高利转贷 also tells of 购销合同
    assert "合同诈骗" in [c.charge for c in charge_candidates(CONTRACT, limit=3)]


def test_candidates_carry_their_article_and_the_words_that_matched():
    best = charge_candidates(FISHING)[0]
    assert best.charge == "非法捕捞水产品" and best.article == 340
    assert "禁渔" in best.evidence and "捕捞" in best.evidence
    assert len(charge_candidates(FISHING, limit=5)) == 5


def test_the_statute_alone_infers_a_charge_no_case_was_seen_for():
    statute_only = ChargeModel(None)  # no decided case at all: the 罪状 of the catalogue
    assert statute_only.charges(FISHING) == ["非法捕捞水产品"]


def test_evidence_points_into_the_text():
    ((charge, where),) = charge_evidence(FISHING)
    assert charge == "非法捕捞水产品" and FISHING[where.start : where.end] == where.quote


def test_a_charge_named_as_denied_or_as_an_earlier_conviction_is_not_taken():
    text = (
        "被告人曾因盗窃罪被判处有期徒刑一年。辩护人提出被告人不构成故意伤害罪。"
        "2019年5月1日，被告人醉酒驾驶机动车，经检测血液酒精含量为150mg/100ml。"
    )
    assert infer_charges(text) == ["危险驾驶"]


def test_a_charge_the_text_charges_by_name_comes_first():
    assert infer_charges("公诉机关以合同诈骗罪提起公诉。被告人骗取他人财物。") == ["合同诈骗"]


def test_masked_names_are_not_features():
    grams = ngrams("被告人张某在某超市窃取王1某的手机，交给李X")
    assert "窃取" in grams and not any(name in g for g in grams for name in "张王李")


def test_case_profiles_are_built_deterministically_from_cases():
    cases = [(FISHING, ["非法捕捞水产品"]), (BIGAMY, ["重婚"]), (CONTRACT, ["合同诈骗"])] * 2
    assert build_profiles(cases) == build_profiles(list(cases))
    model = ChargeModel(build_profiles(cases))
    assert model.charges(BIGAMY) == ["重婚"]


def test_extract_gives_the_candidates_and_names_them_in_its_note_when_no_charge_is_given():
    from leniency.sentencing.extract import extract

    facts = extract(FISHING)
    assert facts.charges == ["非法捕捞水产品"]
    assert facts.charge_candidates[0].charge == "非法捕捞水产品" and facts.charge_candidates[0].article == 340
    assert "候选：非法捕捞水产品（第340条" in facts.notes[0]
    assert extract(FISHING, ["盗窃"]).charge_candidates == []


def test_the_neutral_alphabet_of_the_robustness_test_makes_no_known_ngram():
    from leniency.sentencing.extraction.charge_inference import default_model
    from leniency.sentencing.tests.test_extract_robustness import NEUTRAL

    vocabulary = default_model().vocabulary
    assert not [a + b for a in NEUTRAL for b in NEUTRAL if a + b in vocabulary]


def test_the_defendants_role_word_is_not_conduct():
    """被告人 names the defendant of every fact, and in 脱逃's statute (art. 316) the one who escapes: a theft told
    of a 被告人 must not read as an escape."""
    assert not any("告人" in gram or gram == "被告" for gram in ngrams("被告人甲翻越围墙"))
    theft = "被告人甲在商场门口将被害人乙的电动车推走，价值1964元。公诉机关认为被告人甲的行为构成××。"
    assert "脱逃" not in [c.charge for c in ChargeModel(None).candidates(theft, limit=5)]


def test_a_case_under_a_label_the_catalogue_reads_as_a_charge_teaches_that_charge():
    """CAIL labels 组织、强迫、引诱、容留、介绍卖淫, no charge of the law; the catalogue reads it as art. 359's charge.
    Its cases had built a profile under the label, which no charge is scored by."""
    brothel = "被告人甲在其经营的足浴店内容留乙、丙卖淫，每次收取台费50元。"
    data = build_profiles(
        [(brothel, ["组织、强迫、引诱、容留、介绍卖淫"]), (FISHING, ["非法捕捞水产品"])] * 2
    )
    assert set(data["profiles"]) == {"引诱、容留、介绍卖淫", "非法捕捞水产品"}
    data = build_profiles([(brothel, ["窝藏、转移、收购、销售赃物"]), (FISHING, ["非法捕捞水产品"])] * 2)
    assert "掩饰、隐瞒犯罪所得、犯罪所得收益" in data["profiles"]  # an old name: the charge today
