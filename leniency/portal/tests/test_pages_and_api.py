"""The public pages and API answer without log-in and publish only protected counts."""

from django.urls import reverse

from leniency.portal import services


def test_portal_page_shows_figures_with_n_definition_and_suppressed_cells(client, small_world):
    page = client.get(reverse("portal:index"), {"period": "2026-Q3", "by": "region"}).content.decode()
    for title in (
        "认罪认罚适用率",
        "确定刑量刑建议占比",
        "量刑建议采纳率",
        "反悔率（按阶段）",
        "律师参与率",
        "律师早期介入",
        "上诉率",
        "刑期分布",
        "地区量刑差异指数",
    ):
        assert title in page, title
    assert "定义" in page and "排除" in page
    # every table of the small world is withheld: it says so, and no chart draws empty axes
    assert 'data-withheld="1"' in page and "数据不足（N&lt;10），不予公布" in page
    assert '<img src="data:image/svg+xml,' not in page
    assert 'data-suppressed="1"' in page and "已抑制" in page
    for name in small_world:
        assert name not in page


def test_bad_filters_fall_back_to_defaults(client, world):
    assert client.get(reverse("portal:index"), {"period": "nonsense", "by": "x"}).status_code == 200


def test_public_api_needs_no_log_in_and_hides_suppressed_values(client, small_world):
    response = client.get("/api/public/figures", {"period": "2026-Q3", "by": "region"})
    assert response.status_code == 200
    data = response.json()
    plea = next(f for f in data["figures"] if f["key"] == "plea_rate")
    assert plea["n"] is None and plea["definition"]  # 6 persons in all: the grand total is withheld too
    east = plea["rows"][0]
    assert east["cells"][0] == {"value": None, "suppressed": True} and east["rate"] is None
    assert client.get("/api/public/figures", {"period": "2026-Q9"}).status_code == 400
    assert client.get("/api/public/cases").json() == []
    assert client.get("/api/public/reports").status_code == 200


def test_public_api_lists_published_cases_only(client, world):
    world.case.facts = "被告人张某某盗窃手机一部。"
    world.case.save()
    tc = services.do_propose_typical_case(world.case, title="盗窃案", acting_user=world.prosecutor)
    tc = services.do_anonymise_typical_case(tc, acting_user=world.prosecutor)
    assert client.get("/api/public/cases").json() == []
    services.do_publish_typical_case(tc, acting_user=world.supervisor)
    rows = client.get("/api/public/cases", {"q": "手机"}).json()
    assert [r["title"] for r in rows] == ["盗窃案"] and "张某某" not in rows[0]["text"]
