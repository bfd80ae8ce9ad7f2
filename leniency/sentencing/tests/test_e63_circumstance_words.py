"""Circumstance words an examiner found unread (task E63): 当庭自愿认罪 beside 坦白 or 自首 (2021量刑指导意见 三(8)),
a truthful account told only at trial (not 坦白, 刑法第67条第3款), a compensation negated or only wished for, a
restitution told by the money returned (三(10)), and ecological damages paid (三(11), nearest rule).

Every passage was written for this test in the style of a criminal judgment; none is taken from any data set.
"""

import pytest

from leniency.sentencing.extraction.circumstances import find_circumstances

IGNORED = {"fled", "fled_death", "disaster"}


def case(case_id, text, *codes):
    return pytest.param(text, frozenset(codes), id=case_id)


CASES = [
    # 三(8): 当庭自愿认罪 is not weighed beside a found 自首 or 坦白
    case("confession-and-court-confession",
         "经审理查明，被告人韩某归案后如实供述了自己的罪行，当庭自愿认罪。本院认为，被告人韩某系坦白，可以从轻处罚。",
         "confession"),
    case("surrender-then-court-admission", "被告人田某案发后投案自首，当庭自愿认罪。", "surrender"),
    case("surrender-and-court-admission",
         "被告人鲁某作案后主动到派出所投案，如实供述犯罪事实，庭审中亦表示自愿认罪。", "surrender"),
    case("court-admission-alone", "被告人邵某被民警抓获后拒不供述，庭审中表示自愿认罪。", "court_confession"),
    # 刑法第67条第3款: an account given at trial alone is 当庭认罪, not 坦白
    case("trial-full-admission-alone",
         "被告人晏某到案后一直辩称系借款，在庭审中对公诉机关指控的犯罪事实供认不讳。", "court_confession"),
    case("trial-truthful-account-alone", "被告人蒲某在侦查阶段否认犯罪，当庭如实供述了盗窃的经过。", "court_confession"),
    case("truthful-account-only-when-tried",
         "被告人蒙某在公安机关讯问时拒不交代，开庭时才如实交代了犯罪事实。", "court_confession"),
    case("retracted-then-truthful-at-trial",
         "被告人雷某归案后曾翻供，开庭审理时又如实供述了抢夺的经过。", "confession"),
    case("trial-as-sentence-header",
         "经审理查明的事实与指控一致。庭审中，被告人鲍某对指控的事实供认不讳。", "court_confession"),
    case("trial-header-after-earlier-account",
         "庭审中，被告人鲍某到案后的供述与庭审供述一致，均供认不讳。", "confession"),
    case("full-admission-before-and-at-trial", "被告人柏某到案后及庭审中对上述事实均供认不讳。", "confession"),
    case("truthful-account-after-arrest", "被告人詹某归案后如实供述了全部犯罪事实。",
         "confession"),
    case("court-calls-trial-account-confession", "被告人庞某庭审中如实供述，系坦白。", "confession"),
    # a compensation negated or only wished for is none
    case("could-not-pay", "被告人章某因家庭经济困难，未能赔偿被害人的经济损失，亦未取得被害人谅解。"),
    case("unable-to-pay", "案发后，被告人葛某表示无力赔偿被害人家属的损失。"),
    case("did-not-pay", "被告人于某至今没有赔偿被害人江某某的医疗费用。"),
    case("willing-but-no-means", "被告人甘某虽有赔偿意愿，但无赔偿能力，至今未对被害人钟某某进行赔偿。"),
    case("not-paid-to-named-unit", "被告人蔡某没有向被害单位作出赔偿。"),
    case("amount-never-agreed", "双方因赔偿数额差距较大，未能达成一致。"),
    case("paid-by-family", "被告人房某的家属代其赔偿被害人经济损失人民币三万元。", "compensation"),
    case("willing-and-paid-by-family",
         "被告人岑某表示有赔偿意愿，其家属已代为赔偿被害人损失二万元。", "compensation"),
    case("paid-to-named-victim", "被告人萧某已向被害人钟某某进行赔偿。", "compensation"),
    # 三(10) told by the money returned
    case("returned-embezzled-funds", "被告人尹某在案发后退还全部侵占款项，公诉机关建议对其从轻处罚。", "restitution"),
    case("repaid-overdraft", "被告人熊某在公安机关立案后归还了全部透支本息。", "restitution"),
    case("returned-all-money", "案发后，被告人冉某退还了全部钱款，并取得被害人谅解。", "restitution", "forgiveness"),
    case("object-first-return", "案发后，被告人卢某已将侵占的钱款全部退还被害单位。", "restitution"),
    case("extorted-money-returned", "被告人薛某归案后退还了敲诈所得钱款，并获得被害人谅解。", "restitution", "forgiveness"),
    case("object-first-but-police", "民警将被告人挪用的资金追回后退还公司。"),
    case("repaid-part-of-loan-in-scheme",
         "被告人邹某以投资为名骗取被害人钱款后，为骗取信任曾向被害人归还部分借款。"),
    case("police-returned-money", "公安机关从被告人处扣押现金二万元，已退还被害人全部钱款。"),
    # ecological damages paid (三(11), nearest rule; 法释〔2023〕7号、8号 recalled, unconfirmed)
    case("paid-ecological-damages",
         "经审理查明，被告人滕某非法捕捞水产品，案发后已缴纳生态环境损害赔偿款人民币八千元。", "compensation"),
    case("paid-restoration-costs", "被告人黎某滥伐林木后，自愿缴纳了生态修复费用一万二千元。", "compensation"),
    case("restoration-costs-claimed", "附带民事公益诉讼起诉人请求判令被告人冯某承担生态修复费用五千元。"),
    case("restoration-costs-unpaid", "被告人祝某至今未缴纳生态环境损害赔偿款。"),
    case("fine-paid-in-advance", "被告人龚某已预缴罚金人民币五千元。"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "codes"), CASES)
def test_circumstances(text, codes):
    found, _ = find_circumstances(text)
    assert {f.code for f in found} - IGNORED == codes
