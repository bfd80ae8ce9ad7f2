"""Figures written out in Chinese that the examiner E58 found misread (issue 16, written texts of the lead's): a decimal
point written 点 (三十六点五克 read as 五克 before) and a blood alcohol told with the volume first, as the national
standard GB 19522 words it (每百毫升血液中乙醇含量为…毫克, not read at all before). Each with a text just outside."""

from decimal import Decimal

import pytest

from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.drug_quantities import find_drugs
from leniency.sentencing.extraction.numbers import parse_number
from leniency.sentencing.extraction.quantities import find_blood_alcohol


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("三十六点五", Decimal("36.5")),
        ("零点五", Decimal("0.5")),
        ("一点五万", Decimal(15000)),
        ("十二点二五", Decimal("12.25")),
        ("三十六", Decimal(36)),
    ],
)
def test_a_decimal_point_written_in_chinese(raw, value):
    assert parse_number(raw) == value


def test_a_drug_weight_with_a_chinese_decimal_is_one_weight():
    drugs = find_drugs("民警当场从其随身挎包内查获甲基苯丙胺三十六点五克。")
    assert [(d.kind, d.grams) for d in drugs] == [("甲基苯丙胺", Decimal("36.5"))]


def test_money_with_a_chinese_decimal_and_wan():
    assert extract("被告人甲虚构投资项目，骗取被害人乙人民币一点五万元。", ["诈骗"]).amount_yuan == Decimal(
        15000
    )


@pytest.mark.parametrize(
    "text",
    ["当晚十点五十分，被告人甲进入乙家中。", "当晚八点，被告人甲进入乙家中。"],
    ids=["clock-with-minutes", "clock"],
)
def test_a_clock_time_is_no_decimal(text):
    assert extract(text + "窃得现金人民币3000元。", ["盗窃"]).amount_yuan == Decimal(3000)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("经抽血鉴定，其每百毫升血液中乙醇含量为二百一十二毫克。", Decimal(212)),
        ("经抽血鉴定，其每100ml血液中含乙醇186毫克。", Decimal(186)),
        ("经鉴定，其血液中乙醇含量为212mg/100ml。", Decimal(212)),
    ],
    ids=["volume-first-chinese", "volume-first-arabic", "volume-after"],
)
def test_blood_alcohol_with_the_volume_told_first(text, value):
    assert find_blood_alcohol(text)[0] == value


def test_another_substance_per_hundred_millilitres_is_no_blood_alcohol():
    assert find_blood_alcohol("经检测，该饮料每百毫升中含糖12毫克。")[0] is None
