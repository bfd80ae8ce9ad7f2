"""The draft page shows the facts the engine will use as a form, each with its source and sentence."""

from django.urls import reverse

from leniency.recommendations import services
from leniency.recommendations.confirmed import current_facts
from leniency.recommendations.models import SentencingRecommendation

TEXT = (
    "2026年8月3日，被告人张某某在东区某商场窃取手机一部，价值人民币6000元。"
    "案发后，张某某主动退赔被害人全部损失，取得被害人谅解。"
)


def page_data(page) -> dict:
    form = page.context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(page.context["facts_form"].initial_data())
    return data


def test_the_form_lists_each_fact_with_its_source_and_sentence(client, world):
    client.force_login(world.prosecutor)
    page = client.get(reverse("recommendations:new", args=[world.defendant.pk]))
    html = page.content.decode()
    rows = {r.key: r for r in page.context["facts_form"].rows}
    assert rows["plea"].source == "record" and rows["charges"].shown == "盗窃罪"
    assert rows["amount_yuan"].source == "text" and "价值人民币6000元" in rows["amount_yuan"].sentence
    assert 'name="fact_forgiveness"' in html and 'id="read-facts"' in html
    assert "认罪认罚" not in page.context["form"].initial["facts_text"]


def test_reading_a_pasted_text_shows_its_facts_and_keeps_the_corrections(client, world):
    client.force_login(world.prosecutor)
    url = reverse("recommendations:new", args=[world.defendant.pk])
    data = page_data(client.get(url))
    data.update(facts_text=TEXT, fact_plea="investigation", note_plea="侦查阶段已签认罪认罚",
                read="1", note="我的意见")  # fmt: skip
    page = client.post(url, data)
    assert page.status_code == 200 and not SentencingRecommendation.objects.exists()
    rows = {r.key: r for r in page.context["facts_form"].rows}
    assert rows["forgiveness"].value is True and rows["forgiveness"].source == "text"
    assert rows["forgiveness"].sentence == "案发后，张某某主动退赔被害人全部损失，取得被害人谅解。"
    assert (rows["plea"].value, rows["plea"].source, rows["plea"].note) == (
        "investigation",
        "prosecutor",
        "侦查阶段已签认罪认罚",
    )
    html = page.content.decode()
    assert "取得被害人谅解：有" in html and "我的意见" in html
    assert "主动退赔被害人全部损失" in html


def test_saving_facts_read_from_another_text_is_refused_with_the_input_kept(client, world):
    client.force_login(world.prosecutor)
    url = reverse("recommendations:new", args=[world.defendant.pk])
    data = page_data(client.get(url))
    data.update(facts_text=TEXT, note="我的意见")
    page = client.post(url, data)
    assert page.status_code == 400 and not SentencingRecommendation.objects.exists()
    html = page.content.decode()
    assert "事实文本已修改：系统已重新读取其中的量刑事实，请逐项核对后再保存" in html
    assert "我的意见" in html and "主动退赔被害人全部损失" in html
    # the facts shown now are the new text's: saving again goes through
    page = client.post(url, data | page.context["facts_form"].initial_data() | {"fact_forgiveness": "0"})
    assert page.status_code == 302
    facts = {f.key: f for f in current_facts(SentencingRecommendation.objects.get())}
    assert facts["forgiveness"].source == "prosecutor" and facts["forgiveness"].value is False


def test_changing_a_fact_after_review_without_a_reason_is_refused_on_its_field(client, world, flow):
    rec = flow.draft(facts_text=TEXT)
    rec = services.do_submit(rec, acting_user=world.prosecutor)
    services.do_review(rec, acting_user=world.supervisor, decision="return", comments="核实谅解")
    client.force_login(world.prosecutor)
    url = reverse("recommendations:edit", args=[rec.pk])
    data = page_data(client.get(url)) | {"fact_forgiveness": "0", "note_forgiveness": "谅解书未附卷"}
    page = client.post(url, data)
    assert page.status_code == 400
    errors = page.context["facts_form"].errors
    assert (
        "须写明理由" in errors["facts_reason"][0]
        and "取得被害人谅解由“有”改为“无”" in errors["facts_reason"][0]
    )
    html = page.content.decode()
    assert "谅解书未附卷" in html
    assert (
        '<tr data-fact="forgiveness" data-source="prosecutor">' in html
    )  # the refused page marks the correction
    page = client.post(url, data | {"facts_reason": "被害人撤回谅解"})
    assert page.status_code == 302
    rec.refresh_from_db()
    assert {f.key: f.source for f in current_facts(rec)}["forgiveness"] == "prosecutor"


def test_the_court_sees_the_facts_the_round_was_calculated_on(client, world, flow):
    rec = flow.final(facts_text=TEXT, facts={"forgiveness": (False, "谅解书未附卷")})
    flow.at_trial()
    client.force_login(world.judge)
    html = client.get(reverse("recommendations:court", args=[rec.pk])).content.decode()
    assert 'id="facts-used"' in html
    assert "取得被害人谅解：无" in html and "检察官更正" in html and "谅解书未附卷" in html
    assert "认罪认罚：审查起诉阶段认罪认罚" in html and "案件记录" in html
