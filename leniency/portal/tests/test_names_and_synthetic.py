"""Public figures name regions (never their codes) and say when they come from the synthetic corpus; the
periodic report PDF has no nearly blank page and a fully withheld table says so instead of empty axes."""

import io
import random
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from leniency.corpus.models import Judgment
from leniency.portal.corpus_figures import court_place, disparity_figure, sentence_distribution
from leniency.portal.disclosure import protect
from leniency.portal.figures import Figure
from leniency.portal.periods import parse_period
from leniency.portal.present import present

# 990102 is in the region table (测试市西区); the others only in the judgments, named by their courts
COURTS = {
    "990102": "测试市西区人民法院",
    "990203": "中原市东城区人民法院",
    "990108": "滨海市江北区人民法院",
    "990301": "西岭市中级人民法院",
}
NAMES = {"990102": "测试市西区", "990203": "中原市东城区", "990108": "滨海市江北区", "990301": "西岭市"}
CODE = re.compile(r"99\d{4}")
HEX_RUN = re.compile(r"[0-9a-f]{32,}")


def region_codes(text: str) -> list[str]:
    """Region codes (99xxxx) in a text, not counting six digits inside a printed hash: the report prints the
    audit head's seal, 64 hex digits that may hold "99…" anywhere."""
    return CODE.findall(HEX_RUN.sub(" ", text))


def judgments(n: int = 240, *, synthetic: bool = True, seed: int = 1) -> None:
    rng = random.Random(seed)
    Judgment.objects.bulk_create(
        Judgment(
            content_hash=f"{seed}-{i}",
            fact="经审理查明……",
            main_charge=rng.choice(["盗窃", "诈骗", "故意伤害"]),
            term_months=rng.randint(2, 60),
            region_code=code,
            court=COURTS[code],
            year=2026,
            synthetic=synthetic,
            calc_months=12,
        )
        for i, code in ((i, rng.choice(sorted(COURTS))) for i in range(n))
    )


def pdf_pages(data: bytes) -> list[str]:
    return [re.sub(r"\s+", "", page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages]


def test_court_place_is_the_court_name_without_its_suffix():
    assert court_place("中原市东城区人民法院") == "中原市东城区"
    assert court_place("西岭市中级人民法院") == "西岭市"
    assert court_place("人民法院") == "" and court_place("") == "" and court_place("某某仲裁委员会") == ""


def test_corpus_figures_name_every_region_by_its_name(world):
    judgments()
    period = parse_period("2026")
    dist = sentence_distribution(period, "region")
    assert sorted(dist.table.rows) == sorted(NAMES.values())
    disparity = disparity_figure(period)
    for d in disparity.extra["disparity"]:
        assert set(d.effects) <= set(NAMES.values()) and len(d.effects) >= 2


def test_a_code_without_any_name_is_labelled_unknown(world):
    Judgment.objects.create(
        content_hash="x", fact="…", main_charge="盗窃", term_months=6, region_code="990999", year=2026
    )
    fig = sentence_distribution(parse_period("2026"), "region")
    assert fig.table.rows == ["未知地区（代码990999）"]


def test_the_public_page_shows_names_not_codes_and_says_the_corpus_is_synthetic(client, world):
    judgments()
    html = client.get(reverse("portal:index"), {"period": "all", "by": "region"}).content.decode()
    for name in ("中原市东城区", "滨海市江北区"):
        assert name in html
    visible = re.sub(r"<[^>]+>", " ", html)
    assert not region_codes(visible)
    assert 'data-synthetic="1"' in html and "合成（模拟生成）的裁判文书" in html
    assert "全部由合成" in html  # every judgment is synthetic: the figures say so


def test_the_public_api_names_regions_and_says_the_corpus_is_synthetic(client, world):
    judgments()
    data = client.get("/api/public/figures", {"period": "all", "by": "region"}).json()
    sentences = next(f for f in data["figures"] if f["key"] == "sentence_distribution")
    assert "全部由合成" in sentences["synthetic_note"] and data["synthetic_note"]
    assert {r["group"] for r in sentences["rows"]} == set(NAMES.values())


def test_real_judgments_carry_no_synthetic_note(client, world):
    judgments(synthetic=False)
    html = client.get(reverse("portal:index"), {"period": "all"}).content.decode()
    assert 'data-synthetic="1"' not in html and "合成" not in html


def test_a_mixed_corpus_says_how_many_judgments_are_synthetic(world):
    judgments(100, synthetic=False, seed=1)
    judgments(60, synthetic=True, seed=2)
    fig = sentence_distribution(parse_period("2026"), "crime")
    assert fig.extra["synthetic"] == {"synthetic": 60, "of": 160, "all": False}
    assert "160份裁判文书中有60份为合成" in fig.extra["synthetic_note"]


def test_a_fully_withheld_table_says_so_instead_of_an_empty_chart():
    fig = Figure("f", "适用率", "定义", "排除", "来源", cols=["是", "否"], rate_cols=[0], rate_label="率")
    fig.table = protect([[3, 2], [4, 0]], rows=["甲", "乙"], cols=fig.cols, threshold=10)
    out = present(fig)
    assert out["withheld"] and out["withheld_text"] == "数据不足（N<10），不予公布" and out["chart"] == ""
    fig.table = protect([[30, 20], [40, 10]], rows=["甲", "乙"], cols=fig.cols, threshold=10)
    out = present(fig)
    assert not out["withheld"] and out["chart"].startswith("<svg")


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_report_pdf_has_no_nearly_blank_page_names_regions_and_says_what_is_withheld(
    small_world, tmp_path, language
):
    judgments()
    out = tmp_path / "out"
    with translation.override(language):
        call_command("report", period="2026-Q3", out=str(out))
    pages = pdf_pages((out / "report.pdf").read_bytes())
    assert len(pages) >= 2
    for number, text in enumerate(pages[:-1], start=1):
        assert len(text) >= 150, f"page {number} of {len(pages)} is nearly blank: {text!r}"
    text = "".join(pages)
    withheld = "数据不足（N<10），不予公布" if language == "zh-hans" else "suppressed(N<10)"
    assert withheld in text
    assert "中原市东城区" in text and "滨海市江北区" in text
    assert not region_codes(text)
    assert ("合成" if language == "zh-hans" else "synthetic") in text
    html = (out / "report.html").read_text(encoding="utf-8")
    assert not region_codes(re.sub(r"<[^>]+>", " ", html))
