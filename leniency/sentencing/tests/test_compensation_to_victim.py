"""Compensation (2021量刑指导意见 三(11): 积极赔偿被害人经济损失) is money the victim or the injured party receives, or a
loss made good; not money a count tells as spent on someone else, nor a compensation demanded of the victim, nor the
heads a civil claim lists. Fact texts written for these tests."""

from leniency.sentencing.extraction.circumstances import find_circumstances

INJURY = "2021年3月5日，被告人甲在某饭店门口与被害人张某发生争执，持木棍将张某打致轻伤二级。"
EMBEZZLED = "2020年5月，被告人甲利用其担任某村会计的职务便利，将村集体的扶贫款挪用，"


def _compensated(text: str) -> bool:
    return any(f.code == "compensation" for f in find_circumstances(text)[0])


def test_a_loss_of_the_victim_made_good_is_compensation():
    assert _compensated(INJURY + "案发后，被告人甲赔偿被害人张某经济损失人民币20000元。")


def test_a_payment_to_the_victims_family_is_compensation():
    assert _compensated(INJURY + "案发后，被告人甲向被害人家属赔偿人民币30000元。")


def test_a_loss_made_good_without_naming_the_victim_is_compensation():
    assert _compensated(INJURY + "案发后，被告人甲已赔偿全部损失。")


def test_a_payment_to_the_victim_by_the_name_the_text_gives_is_compensation():
    assert _compensated(INJURY + "案发后，被告人甲赔偿张某人民币20000元。")


def test_a_payment_to_someone_the_text_does_not_name_as_victim_is_not():
    # just outside the name: 赵某 is no victim of this text, and the payment makes good no loss of the victim's
    assert not _compensated(INJURY + "案发后，被告人甲赔偿其朋友赵某人民币2000元。")


def test_money_spent_on_someone_elses_compensation_in_a_misappropriation_is_not():
    text = EMBEZZLED + "用于支付其亲戚丙的借款10000元、支付他人丁某赔偿款20000元，共计挪用人民币30000元。"
    assert not _compensated(text)


def test_the_same_payment_to_the_victim_named_as_such_is_compensation():
    # just inside: the payee of the same words is the victim
    text = EMBEZZLED + "至今未归还。案发后，被告人甲支付被害单位某村村委会赔偿款30000元。"
    assert _compensated(text)


def test_a_compensation_demanded_of_the_victim_is_not():
    text = "被告人甲将乙扣押在某出租屋内，并向乙强行索要人民币50000元赔偿，乙答应筹钱后被释放。"
    assert not _compensated(text)


def test_the_heads_a_civil_claim_lists_are_not_paid():
    text = (
        INJURY + "附带民事诉讼原告人张某请求判令被告人甲赔偿医疗费5000元，误工费3000元，残疾赔偿金20000元。"
    )
    assert not _compensated(text)


def test_a_payment_after_the_claim_in_its_own_sentence_is_compensation():
    # just outside the claim: the payment is told in a sentence of its own
    text = (
        INJURY
        + "附带民事诉讼原告人张某请求判令被告人甲赔偿医疗费5000元，误工费3000元。"
        + "庭审中，被告人甲赔偿张某人民币8000元。"
    )
    assert _compensated(text)


def test_a_payment_to_a_third_person_is_not_compensation_though_its_sentence_names_the_victim():
    # the sentence names the injured unit, but the compensation's payee is someone else
    text = "2020年5月，被告人甲将被害单位某公司的货款人民币30000元挪用，用于支付他人丁某赔偿款。"
    assert not _compensated(text)
