"""The sentencing standards as the public reads them: one page per crime, no log-in, from the engine's own YAML."""

from django.urls import reverse

from leniency.portal import standards_pages
from leniency.sentencing.standards import load_standard


def test_the_list_links_every_crime_the_engine_has(client, db):
    std = load_standard()
    response = client.get(reverse("portal:standards"))
    assert response.status_code == 200
    page = response.content.decode()
    for crime in std.crimes.values():
        assert reverse("portal:standard", args=[crime.id]) in page and f"{crime.charge}罪" in page


def test_a_crime_page_shows_brackets_starting_points_increments_adjustments_and_citations(client, db):
    std = load_standard()
    theft = std.crime("盗窃")
    page = client.get(reverse("portal:standard", args=[theft.id])).content.decode()
    assert "盗窃罪" in page and "第二百六十四条" in page
    assert "法发〔2021〕21号" in page  # the guideline's citation
    for tier in theft.tiers:  # every tier's wording, starting range and citation, straight from the YAML
        assert tier.zh in page
        assert standards_pages.range_text(*tier.start) in page
        assert tier.source_item in page
    assert "每2,000元增加1个月" in page  # the first tier's increment: 1 month per 2,000 yuan
    assert "数额巨大" in page and "50,000" in page  # the national threshold
    for rule in std.circumstances.values():  # the adjustments with their ranges
        assert rule.zh in page
    surrender = next(r for r in std.circumstances.values() if "自首" in r.zh)
    assert f"{round(surrender.range[0] * 100)}%–{round(surrender.range[1] * 100)}%" in page
    assert "crimes/theft.yaml" in page


def test_the_page_follows_the_yaml_the_engine_runs(db):
    std = load_standard()
    for crime in std.crimes.values():
        data = standards_pages.crime_page(crime, std)
        assert [t["label"] for t in data["tiers"]] == [t.zh for t in crime.tiers]
        assert [t["start_at"] for t in data["tiers"]] == [
            standards_pages.months_text(t.start_at) for t in crime.tiers
        ]
        assert data["brackets"], crime.id  # every crime has its statutory brackets


def test_an_unknown_crime_is_not_found(client, db):
    assert client.get(reverse("portal:standard", args=["no-such-crime"])).status_code == 404


def test_the_pages_are_in_english_too(client, db, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("portal:standard", args=["theft"])).content.decode()
    assert "Starting point" in page and "Statutory penalty brackets" in page
    assert "1 month(s) per 2,000 yuan" in page
    surrender = next(r for r in load_standard().circumstances.values() if "自首" in r.zh)
    assert surrender.en and surrender.en in page
