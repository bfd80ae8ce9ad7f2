"""The illegal business volume of a trademark crime (extraction/business_volume.py; 法释〔2004〕19号第一条、第十二条),
told apart from the illegal gain, fines and a figure determined again. Fact texts written for these tests."""

from decimal import Decimal

from leniency.sentencing.extraction.business_volume import business_volume
from leniency.sentencing.extraction.charge_amounts import measured_amount


def test_a_figure_named_illegal_business_volume_is_taken_alone():
    text = "被告人甲以7.8万元及7万元的价格销售假冒他人注册商标的水泵各一批，非法经营数额为人民币14.8万元。"
    assert business_volume(text) == Decimal(148000)
    assert measured_amount(text, "business_volume") == Decimal(148000)


def test_a_sales_figure_determined_again_replaces_the_first_not_adds_to_it():
    text = (
        "被告人甲在其工厂内生产假冒某品牌注册商标的电动车对外销售，销售金额人民币10.47万元，"
        "后经补充侦查重新认定销售金额为人民币100210元。"
    )
    assert business_volume(text) == Decimal(100210)


def test_the_illegal_gain_and_the_fine_are_not_the_volume():
    text = "被告人甲生产假冒注册商标的白酒，非法经营数额共计32万元，获利6万元。法院判处罚金10万元。"
    assert business_volume(text) == Decimal(320000)
    assert business_volume("被告人甲假冒他人注册商标，违法所得4万元。") is None


def test_the_value_of_infringing_goods_seized_unsold_is_part_of_the_volume():
    """第十二条: the goods made and stored count at their value beside those sold."""
    text = (
        "被告人甲在豆浆机上使用他人注册商标，后将产品销售给乙等人，非法经营数额达人民币34940元。"
        "公安机关在其仓库查获假冒该注册商标的豆浆机产品、包装箱等一批，共价值人民币760912.4元。"
    )
    assert business_volume(text) == Decimal("795852.4")


def test_goods_valued_without_being_seized_or_unsold_are_not_added():
    text = "被告人甲假冒他人注册商标的皮包，非法经营数额共计20万元。被害公司称其品牌价值人民币500万元。"
    assert business_volume(text) == Decimal(200000)
