"""Old and new charge names (罪名补充规定): a charge renamed by the SPC and SPP is one crime under both names."""

import pytest
import yaml

from leniency.sentencing.calculator import calculate
from leniency.sentencing.catalogue import RENAMES_FILE, current_name, find_charge, renames
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
        # art. 229: the SPC's 1997 name, replaced by the 2002 provision (not by the 2021 one, as this file had it)
        ("中介组织人员提供虚假证明文件罪", "提供虚假证明文件", "法释〔2002〕7号"),
        ("中介组织人员出具证明文件重大失实罪", "出具证明文件重大失实", "法释〔2002〕7号"),
        # renames found missing when the list was checked against the provisions' texts
        ("奸淫幼女罪", "强奸", "法释〔2002〕7号"),  # art. 236: 强奸罪（取消奸淫幼女罪罪名）
        ("过失投毒罪", "过失投放危险物质", "法释〔2002〕7号"),  # art. 115 para. 2
        ("枉法追诉、裁判罪", "徇私枉法", "法释〔2002〕7号"),  # art. 399 para. 1
        ("操纵证券、期货交易价格罪", "操纵证券、期货市场", "法释〔2007〕16号"),  # art. 182
        ("用账外客户资金非法拆借、发放贷款罪", "吸收客户资金不入帐", "法释〔2007〕16号"),  # art. 187
        (
            "非法生产、买卖军用标志罪",
            "非法生产、买卖武装部队制式服装",
            "法释〔2009〕13号",
        ),  # art. 375 para. 2
        ("资助恐怖活动罪", "帮助恐怖活动", "法释〔2015〕20号"),  # art. 120-1
        ("战时拒绝军事征用罪", "战时拒绝军事征收、征用", "法释〔2015〕20号"),  # art. 381
        (
            "徇私舞弊低价折股、出售国有资产罪",
            "徇私舞弊低价折股、出售公司、企业资产",
            "法释〔2024〕3号",
        ),  # art. 169
    ],
)
def test_an_old_name_is_the_charge_of_today(old, today, provision):
    assert current_name(old) == today
    assert find_charge(old).name == today
    assert any(r.provision == provision and r.current == today for r in renames())


def test_every_rename_quotes_the_provision_it_was_read_in():
    """Each row was checked against the provision's table: `read` quotes the row, naming today's charge."""
    data = yaml.safe_load(RENAMES_FILE.read_text(encoding="utf-8"))
    for name, provision in data["provisions"].items():
        assert provision["source"].startswith("司法解释/") and provision["source"].endswith(".md"), name
    for row in data["renames"]:
        assert row["confidence"] == "high", row
        read = row["read"]
        assert read == "as above" or row["current"].replace("帐", "账") in read.replace("帐", "账"), row


def test_a_name_cancelled_without_a_single_successor_is_no_rename():
    """2002: 徇私舞弊造成破产、亏损 became two charges of art. 168; 2015: 嫖宿幼女 was cancelled with no new name."""
    assert current_name("徇私舞弊造成破产、亏损罪") == "徇私舞弊造成破产、亏损"
    assert current_name("国家机关工作人员徇私舞弊罪") == "国家机关工作人员徇私舞弊"
    assert current_name("嫖宿幼女罪") == "嫖宿幼女"


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
