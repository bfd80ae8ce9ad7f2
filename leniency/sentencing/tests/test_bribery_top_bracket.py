"""刑法第383条第1款第(三)项: 贪污、受贿 数额特别巨大，并使国家和人民利益遭受特别重大损失的 -> 无期徒刑或者死刑
(法释〔2016〕9号 第四条). Reached only where the text states the loss, never from the amount alone."""

from decimal import Decimal

from leniency.sentencing.calculator import calculate
from leniency.sentencing.facts import CaseFacts

LOSS = (
    "经审理查明，2012年至2018年，被告人王某利用担任某市国土资源局局长的职务便利，为他人在土地出让等方面谋取利益，"
    "先后收受他人财物共计人民币500万元，数额特别巨大，并违规审批致使国有土地被低价出让，"
    "使国家和人民利益遭受特别重大损失。"
)


def test_bribery_with_the_stated_loss_reaches_life_imprisonment():
    calc = calculate(CaseFacts(text=LOSS, charges=["受贿"], amount_yuan=Decimal(5000000)))
    assert calc.life_imprisonment


def test_a_very_large_amount_without_the_stated_loss_stays_a_fixed_term():
    text = LOSS.replace("，使国家和人民利益遭受特别重大损失", "")
    calc = calculate(CaseFacts(text=text, charges=["受贿"], amount_yuan=Decimal(50000000)))
    assert not calc.life_imprisonment and not calc.death_penalty and 120 <= calc.months <= 180


def test_the_loss_denied_is_no_loss():
    text = LOSS.replace("使国家和人民利益遭受特别重大损失", "未使国家和人民利益遭受特别重大损失")
    assert not calculate(
        CaseFacts(text=text, charges=["受贿"], amount_yuan=Decimal(5000000))
    ).life_imprisonment


def test_the_loss_with_an_amount_below_the_very_large_figure_stays_in_its_bracket():
    text = LOSS.replace("500万元，数额特别巨大", "100万元，数额巨大")
    calc = calculate(CaseFacts(text=text, charges=["受贿"], amount_yuan=Decimal(1000000)))
    assert not calc.life_imprisonment and 36 <= calc.months <= 120
