"""The draft runs on confirmed facts: the record's, the text's (with its sentence) and the prosecutor's."""

import pytest

from leniency.audit.models import AuditEvent
from leniency.errors import DomainError
from leniency.recommendations import engine, record_facts, services
from leniency.recommendations.confirmed import current_facts
from leniency.recommendations.record_facts import RecordFact

TEXT = (
    "2026年8月3日，被告人张某某在东区某商场窃取手机一部，价值人民币6000元。"
    "案发后，张某某主动退赔被害人全部损失，取得被害人谅解。"
)


@pytest.fixture
def paid(world):
    """The victims record says the compensation was paid (as the victims app will register it)."""

    def source(defendant):
        return [RecordFact("compensation", True, "赔偿", "已赔偿", "被害人赔偿记录", world.case.received_on)]

    record_facts.register_fact_source(source)
    yield
    record_facts.unregister_fact_source(source)


@pytest.fixture
def read_texts(monkeypatch):
    """Every text the engine hands to the extractor."""
    seen = []
    real = engine.extract

    def spy(text, *args, **kwargs):
        seen.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(engine, "extract", spy)
    return seen


def facts_of(rec):
    return {f.key: f for f in current_facts(rec)}


def test_the_record_fact_wins_over_the_text_and_the_plea_is_passed_not_written(world, flow, paid, read_texts):
    rec = flow.draft(facts_text=TEXT)
    facts = facts_of(rec)
    # 主动退赔 + the record's payment: compensation and forgiveness, not "谅解（未赔偿）"
    assert facts["compensation"].value is True and facts["compensation"].source == "record"
    assert facts["compensation"].note == f"被害人赔偿记录 {world.case.received_on.isoformat()}"
    assert facts["forgiveness"].source == "text"
    assert facts["forgiveness"].sentence == "案发后，张某某主动退赔被害人全部损失，取得被害人谅解。"
    steps = " ".join(s["description_zh"] for s in rec.calculation["steps"])
    assert "积极赔偿被害人经济损失并取得谅解" in steps and "取得被害人谅解（未赔偿）" not in steps
    # the plea reaches the engine as a record fact; the text the extractor reads is the prosecutor's own
    assert facts["plea"].value == "prosecution_review" and facts["plea"].source == "record"
    assert "认罪认罚（审查起诉阶段" in steps
    assert read_texts and set(read_texts) == {TEXT}
    assert rec.facts_text == TEXT


def test_the_defendants_text_gets_no_plea_sentence(world):
    assert "认罪认罚" not in engine.defendant_facts(world.defendant)


def test_the_prosecutors_correction_overrides_the_text(world, flow):
    plain = flow.draft(facts_text=TEXT)
    rec = flow.draft(facts_text=TEXT, facts={"forgiveness": (False, "谅解书系伪造")})
    fact = facts_of(rec)["forgiveness"]
    assert (fact.value, fact.source, fact.note) == (False, "prosecutor", "谅解书系伪造")
    assert (fact.read_value, fact.read_source) == (True, "text")
    steps = " ".join(s["description_zh"] for s in rec.calculation["steps"])
    assert "谅解" not in steps and "退赃、退赔" in steps
    assert "谅解" in " ".join(s["description_zh"] for s in plain.calculation["steps"])


def test_a_correction_equal_to_the_text_stays_the_texts(world, flow):
    rec = flow.draft(facts_text=TEXT, facts={"forgiveness": (True, "")})
    assert facts_of(rec)["forgiveness"].source == "text"


def test_changing_a_fact_after_review_needs_a_reason(world, flow):
    rec = flow.draft(facts_text=TEXT)
    rec = services.do_submit(rec, acting_user=world.prosecutor)
    services.do_review(rec, acting_user=world.supervisor, decision="return", comments="核实谅解书")
    rec.refresh_from_db()
    with pytest.raises(
        DomainError, match="已经审核，变更已确认的量刑事实须写明理由：取得被害人谅解由“有”改为“无”"
    ) as refused:
        services.do_update_draft(
            rec,
            acting_user=world.prosecutor,
            version=rec.version,
            values={},
            facts={"forgiveness": (False, "")},
        )
    assert refused.value.field == "facts_reason"
    rec = services.do_update_draft(
        rec,
        acting_user=world.prosecutor,
        version=rec.version,
        values={},
        facts={"forgiveness": (False, "")},
        facts_reason="被害人撤回谅解",
    )
    fact = facts_of(rec)["forgiveness"]
    assert fact.source == "prosecutor" and fact.change_reason == "被害人撤回谅解"
    event = AuditEvent.objects.get(action="recommendations.facts.changed")
    assert event.data["reason"] == "被害人撤回谅解"
    assert event.data["changed"] == [
        {"key": "forgiveness", "label": "取得被害人谅解", "from": "有", "to": "无", "source": "prosecutor"}
    ]


def test_an_unchanged_fact_after_review_needs_no_reason(world, flow):
    rec = flow.approved(facts_text=TEXT, facts={"forgiveness": (False, "谅解书未附卷")})
    with pytest.raises(DomainError, match="取得被害人谅解由“无”改为“有”"):
        flow.draft(facts_text=TEXT, facts={})  # dropping the reviewed correction is a change
    again = flow.draft(facts_text=TEXT)  # a new round keeps the corrections in force: no reason needed
    assert facts_of(again)["forgiveness"].source == "prosecutor"
    assert (rec.round, again.round) == (1, 2)


def test_amounts_read_as_yuan():
    from leniency.recommendations.confirmed import display

    assert [display("amount_yuan", v) for v in ("6000", "12000.50", "0.5", None)] == [
        "6,000元",
        "12,000.5元",
        "0.5元",
        "未载明",
    ]


def test_a_wrong_value_is_refused_on_its_field(world, flow):
    with pytest.raises(DomainError, match="“被害人人数”的值无法识别") as refused:
        flow.draft(facts_text=TEXT, facts={"victims": ("两", "")})
    assert refused.value.field == "fact_victims"


def test_the_plea_scenarios_of_the_letter_run_on_the_confirmed_facts(world, flow):
    rec = flow.final(facts_text="2026年8月3日，被告人张某某在东区某商场窃取手机一部，价值人民币6000元。")
    scenarios = rec.calculation["plea_scenarios"]
    assert scenarios["stage"] == "prosecution_review"
    assert scenarios["without"] > scenarios["prosecution_review"]


def test_the_recommendation_document_states_the_confirmed_facts_with_their_source(world, flow, paid):
    from leniency.recommendations.documents import recommendation_document

    rec = flow.final(facts_text=TEXT, facts={"forgiveness": (False, "谅解书未附卷")})
    text = recommendation_document(rec, show_identity=False).text()
    assert "据以量刑的事实（经承办检察官确认）：" in text
    assert "审查起诉阶段认罪认罚（案件记录）" in text and "赔偿被害人损失（案件记录）" in text
    assert "退赃退赔（事实文本）" in text and "涉案金额（元）：6,000元（事实文本）" in text
    assert "取得被害人谅解" not in text.split("据以量刑的事实")[1].split("。")[0]


def test_the_api_takes_corrections_and_shows_each_fact_with_its_source(client, world):
    import json

    from leniency.accounts.models import ApiToken

    _, key = ApiToken.issue(world.prosecutor, "test")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    url = f"/api/recommendations/defendants/{world.defendant.pk}/drafts"
    body = {"facts_text": TEXT, "facts": [{"key": "forgiveness", "value": False, "reason": "谅解书未附卷"}]}
    made = client.post(url, json.dumps(body), content_type="application/json", **headers)
    assert made.status_code == 201, made.content
    facts = {f["key"]: f for f in made.json()["facts"]}
    assert (facts["forgiveness"]["source"], facts["forgiveness"]["read_value"]) == ("prosecutor", True)
    assert facts["plea"]["source"] == "record" and facts["restitution"]["source"] == "text"
    assert facts["restitution"]["sentence"] == "案发后，张某某主动退赔被害人全部损失，取得被害人谅解。"
    body["facts"] = [{"key": "bravery", "value": True}]
    refused = client.post(url, json.dumps(body), content_type="application/json", **headers)
    assert refused.status_code == 400 and refused.json()["field"] == "facts"
    assert "没有这一量刑事实：bravery" in refused.json()["detail"]
