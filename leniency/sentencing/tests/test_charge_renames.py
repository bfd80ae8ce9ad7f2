"""Old and new charge names (罪名补充规定): a charge renamed by the SPC and SPP is one crime under both names."""

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.catalogue import current_name, find_charge, renames
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.charge_inference import build_profiles
from leniency.sentencing.metrics import charge_micro_f1


def test_every_rename_names_its_provision_and_ends_at_a_charge_of_the_catalogue():
    assert len(renames()) >= 30
    for rename in renames():
        assert rename.provision.startswith("法释〔"), rename
        assert "确定罪名的补充规定" in rename.title, rename
        assert rename.confidence in ("high", "medium", "low"), rename
        today = find_charge(current_name(rename.old))
        assert today is not None and today.name == current_name(rename.old), rename
        assert find_charge(rename.old) == today, rename  # the engine reads the old name as that charge


@pytest.mark.parametrize(
    ("old", "today", "provision"),
    [
        ("非法获取公民个人信息罪", "侵犯公民个人信息", "法释〔2015〕20号"),  # 刑法修正案（九）, art. 253-1
        ("窝藏、转移、收购、销售赃物", "掩饰、隐瞒犯罪所得、犯罪所得收益", "法释〔2007〕16号"),  # art. 312
        ("生产、销售假药罪", "生产、销售、提供假药", "法释〔2021〕2号"),  # 刑法修正案（十一）, art. 141
    ],
)
def test_an_old_name_is_the_charge_of_today(old, today, provision):
    assert current_name(old) == today
    assert find_charge(old).name == today
    assert any(r.provision == provision and r.current == today for r in renames())


def test_a_chain_of_renames_is_followed_to_its_end():
    """珍贵树木 (1997) → 国家重点保护植物 (法释〔2003〕12号) → 危害国家重点保护植物 (法释〔2021〕2号)."""
    assert current_name("非法采伐、毁坏珍贵树木罪") == "危害国家重点保护植物"
    assert current_name("非法采伐、毁坏国家重点保护植物") == "危害国家重点保护植物"


def test_a_name_no_provision_replaced_is_left_as_it_is():
    assert current_name("盗窃罪") == "盗窃"
    # CAIL's merged label is no rename: it stays what it says, for the metric as for the engine
    assert current_name("组织、强迫、引诱、容留、介绍卖淫") == "组织、强迫、引诱、容留、介绍卖淫"
    assert current_name("飞天遁地") == "飞天遁地"


def test_a_judgment_charging_by_the_old_name_is_read_as_the_charge_of_today():
    text = (
        "经审理查明，2005年3月，被告人甲窃取摩托车一辆，被告人乙明知是甲盗窃所得仍以500元收购。"
        "本院认为，被告人甲的行为已构成盗窃罪；被告人乙的行为已构成窝藏、转移、收购、销售赃物罪。"
    )
    assert extract(text).charges == ["盗窃", "掩饰、隐瞒犯罪所得、犯罪所得收益"]


def test_an_old_name_given_by_a_user_is_calculated_as_the_charge_of_today():
    facts = extract(
        "被告人甲明知是他人盗窃所得的电动车而予以收购，价值3000元。", charges=["窝藏、转移、收购、销售赃物罪"]
    )
    (charge,) = calculate(facts).charges
    assert (charge.charge, charge.article) == ("掩饰、隐瞒犯罪所得、犯罪所得收益", 312)


def test_the_metric_counts_old_and_new_names_as_one_charge():
    gold = [{"非法获取公民个人信息"}, {"盗窃"}]
    assert charge_micro_f1([(gold[0], {"侵犯公民个人信息"}), (gold[1], {"盗窃"})]) == 1.0
    # and a different charge is still a miss: tp 1, fp 1, fn 1
    assert charge_micro_f1([(gold[0], {"诈骗"}), (gold[1], {"盗窃"})]) == pytest.approx(0.5)
    assert charge_micro_f1([]) is None


def test_case_profiles_learn_an_old_label_as_the_charge_of_today():
    data = build_profiles(
        [
            ("被告人甲非法获取公民个人信息三万条出售给他人", ["非法获取公民个人信息"]),
            ("被告人乙出售公民个人信息五千条获利", ["侵犯公民个人信息"]),
            ("被告人丙窃取他人手机一部", ["盗窃"]),
        ]
    )
    assert data["cases_per_charge"] == {"侵犯公民个人信息": 2, "盗窃": 1}
