"""Circumstances (量刑情节): sentences from real judgments, with and without negation."""

from leniency.sentencing.extract import extract
from leniency.sentencing.facts import Circumstance, PleaStage


def codes(text):
    return {f.code for f in extract(text).circumstances}


def test_voluntary_surrender_is_found_and_confession_is_not_added_to_it():
    text = "2017年1月17日，郑海平主动到海南省临高县红华派出所投案，归案后如实供述了自己的罪行。"
    found = codes(text)
    assert Circumstance.SURRENDER in found
    assert Circumstance.CONFESSION not in found


def test_surrender_written_as_going_to_an_authority_to_turn_oneself_in():
    """ "主动至…投案", "主动回到…向公安机关投案", "到…公安局投案" (wordings of real judgments) are 自首."""
    for text in (
        "案发后，被告人陈某甲主动至济宁市任城区安全生产监督管理局投案，后又在侦查机关如实供述了犯罪经过。",
        "2014年5月29日，郭某主动回到合肥向公安机关投案，如实供述了犯罪事实。",
        "被告人于2016年6月7日到福鼎市公安局投案，到案后如实供述。",
    ):
        assert Circumstance.SURRENDER in codes(text), text
    assert Circumstance.SURRENDER not in codes("被告人未到公安机关投案，系被抓获归案。")


def test_surrender_denied_by_the_court_is_not_reported():
    assert Circumstance.SURRENDER not in codes("被告人李某到案后虽如实供述，但不构成自首。")


def test_confession_recidivism_and_no_court_confession_beside_it_from_one_prosecution_statement():
    text = (
        "鉴于被告人系累犯，应对其从重处罚；被告人归案后如实供述其罪行，可以从轻处罚。"
        "上述事实，被告人在开庭审理过程中亦无异议。"
    )
    found = codes(text)
    assert {Circumstance.RECIDIVIST, Circumstance.CONFESSION} <= found
    # 2021量刑指导意见 三(8): 当庭自愿认罪 is not found beside a 坦白 (E63)
    assert Circumstance.COURT_CONFESSION not in found


def test_restitution_and_forgiveness_found_and_span_quotes_the_text():
    text = "案发后，被告人李XX的家属已代为退赔被害人李某1夫妇的全部损失，并获得谅解。"
    facts = extract(text)
    assert facts.has(Circumstance.RESTITUTION) and facts.has(Circumstance.FORGIVENESS)
    for finding in facts.circumstances:
        assert text[finding.span.start : finding.span.end] == finding.span.quote


def test_forgiveness_not_obtained_is_not_reported():
    assert Circumstance.FORGIVENESS not in codes("被告人未取得被害人的谅解。")


def test_no_prior_record_is_not_reported_as_prior_record():
    assert Circumstance.PRIOR_RECORD not in codes("另查明，被告人李XX无前科记录。")


def test_prior_sentence_is_a_prior_record():
    text = "还查明，2012年7月4日，被告人况XX因犯盗窃罪被桐梓县人民法院判处有期徒刑一年六个月。"
    assert Circumstance.PRIOR_RECORD in codes(text)


def test_compensation_only_claimed_by_the_civil_plaintiff_is_not_compensation():
    text = "附带民事诉讼原告人要求被告人赔偿因其行为造成的各项经济损失共计120960.6元。"
    assert Circumstance.COMPENSATION not in codes(text)


def test_no_compensation_made_is_not_reported():
    text = "被告人费某将所盗现金4300元全部挥霍，归案后没有退赔被害人的经济损失。"
    assert Circumstance.RESTITUTION not in codes(text)


def test_plea_with_stage_when_the_text_states_it():
    facts = extract("被告人王XX自审查起诉时自愿认罪认罚并签字具结，开庭时也未提出异议。")
    plea = facts.finding(Circumstance.PLEA)
    assert plea is not None and plea.value == PleaStage.PROSECUTION_REVIEW


def test_plea_without_stage_has_no_value():
    plea = extract("被告人吴XX案发后，退还全部赃款，认罪态度好，自愿认罪认罚。").finding(Circumstance.PLEA)
    assert plea is not None and plea.value is None


def test_attempt_and_accessory():
    text = "被告人陈伽X尚未逃离房屋时被现场抓获而未得逞。在共同犯罪中，被告人起次要作用，系从犯。"
    assert {Circumstance.ATTEMPT, Circumstance.ACCESSORY} <= codes(text)


def test_principal_and_accessory_together_are_flagged_in_notes():
    facts = extract("被告人李某某起主要作用，系主犯；被告人彭某某起次要作用，系从犯。")
    assert facts.has(Circumstance.PRINCIPAL) and facts.has(Circumstance.ACCESSORY)
    assert any("principal" in note for note in facts.notes)


def test_minor_defendant_is_found_but_a_minor_child_of_the_defendant_is_not():
    assert Circumstance.MINOR in codes("被告人犯罪时系未成年人，依法应当从轻或减轻处罚。")
    assert Circumstance.MINOR not in codes("被告人陶XX系初犯，家庭生活困难，下有两名未成年子女需要抚养。")


def test_minor_accomplice_in_brackets_is_not_the_defendant():
    text = "被告人陈某某伙同廖某某（未成年人，下同）从龙X出发至永定县城。"
    assert Circumstance.MINOR not in codes(text)


def test_meritorious_and_major_meritorious_are_distinguished():
    assert Circumstance.MERITORIOUS in codes(
        "公诉机关同时认为刘2某具有自首、立功、退赃等减轻、从轻处罚量刑情节。"
    )
    found = codes("被告人检举他人重大犯罪，经查证属实，有重大立功表现。")
    assert Circumstance.MAJOR_MERITORIOUS in found and Circumstance.MERITORIOUS not in found


def test_limited_capacity_and_deaf_mute():
    assert Circumstance.LIMITED_CAPACITY in codes(
        "经鉴定，被告人作案时患有精神分裂症，具有限定刑事责任能力。"
    )
    assert Circumstance.DEAF_MUTE_BLIND in codes("被告人张某系聋哑人，")


def test_limited_capacity_with_the_other_word_in_brackets():
    """刑法第18条第3款: judgments write 限定（部分）刑事责任能力 as well; full capacity is no mitigation. Texts written here."""
    for text in (
        "经鉴定，被告人王某作案时患有精神分裂症，系限定（部分）刑事责任能力人。",
        "经鉴定，被告人王某作案时具有部分(限定)刑事责任能力。",
    ):
        assert Circumstance.LIMITED_CAPACITY in codes(text), text
    assert Circumstance.LIMITED_CAPACITY not in codes("经鉴定，被告人王某作案时具有完全刑事责任能力。")


def test_money_returned_to_the_victim_company_is_restitution_and_goods_the_police_recovered_are_not():
    """2021量刑指导意见 三(10) weighs the defendant's own 退赃、退赔: "退还公司" (an embezzling cashier paying the money
    back) is one; goods seized or recovered by the police and handed back (刑法第64条 追缴) are not. Texts written here."""
    assert Circumstance.RESTITUTION in codes("案发后，被告人沈某退还公司人民币6万元。")
    assert Circumstance.RESTITUTION in codes("案发后，被告人沈某已退还被害单位全部款项。")
    for recovered in (
        "破案后，该车被缴获退还被害人。",
        "案发后，赃物被追缴，并已退还被害单位。",
        "现被盗电动车已追回并退还被害人。",
    ):
        assert Circumstance.RESTITUTION not in codes(recovered), recovered
    both = "公安机关向被害人发还了人民币2万元，被告人甲于同日退赔了被害人人民币1500元。"
    assert Circumstance.RESTITUTION in codes(both)


def test_the_defendant_giving_back_what_was_taken_named_by_what_it_is_is_restitution():
    """2021量刑指导意见 三(10): the defendant's own 退赃、退赔 is written as well by what was taken as by 赃 ("退还了被盗
    电动车", "所骗钱款全部返还被害人", "全部归还透支款息"). Texts written here."""
    for text in (
        "案发后，被告人周某主动到公安机关投案，如实供述了自己的罪行，并退还了被盗电动车，取得了被害人谅解。",
        "被告人何某的家属已向被害人李某退还了全部违法所得。",
        "被告人王某已将所骗钱款全部返还被害人。",
        "被告人冯某将扒得的手机归还给被害人。",
        "被告人陶某在提起公诉前已全部归还透支款息。",
    ):
        assert Circumstance.RESTITUTION in codes(text), text


def test_not_giving_back_or_paying_ones_own_debts_or_a_police_return_is_not_restitution():
    """Police hand goods back in the same words ("公安机关将赃款全部归还被害人"); a return with no actor ("该车已返还失主") or
    one after a capture on the spot is not the defendant's; "返还被害人" inside a scheme is part of the crime."""
    for text in (
        "被告人陶某透支后经发卡银行两次催收超过三个月仍不归还。",
        "被告人王某借款后拒不归还，并更换手机号码逃匿。",
        "被告人王某到期无法归还借款。",
        "被告人王某将诈骗所得用于赌博挥霍，未归还被害人。",
        "被告人王某将骗得的钱款用于归还个人债务。",
        "被盗电动车已被民警追回并归还被害人。",
        "案发后，公安机关将赃款7650元全部归还被害人李某某。",
        "案发后，该车已返还失主。",
        "被告人甲被当场抓获，被盗物品已归还该超市。",
        "被告人甲以投资分红为名骗取被害人三十余人，除少量资金以兑冲的形式返还被害人外，其余用于挥霍。",
        "公安机关从被告人甲处扣押其盗窃的电动车一辆，该车现已归还被害人。",
    ):
        assert Circumstance.RESTITUTION not in codes(text), text


def test_a_payment_dated_before_prosecution_is_made_and_a_civil_claim_is_not():
    """ "在提起公诉前已赔偿" dates a payment; "提起附带民事诉讼，要求…赔偿" is a claim (before, both were claims)."""
    assert Circumstance.COMPENSATION in codes("被告人在提起公诉前已赔偿被害人经济损失。")
    assert Circumstance.COMPENSATION not in codes("被害人提起附带民事诉讼，要求被告人赔偿医疗费。")
