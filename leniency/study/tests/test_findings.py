"""The report's second half: recommendations only where the district's own figures show the pattern, each with its
evidence, grouped as the thesis groups them; the duty-lawyer figures and a paragraph per stage."""

from datetime import date, timedelta

from leniency.study.analysis import run_study
from leniency.study.findings import duty_lawyer_figures, findings, stage_narrative
from leniency.study.import_format import csv_bytes
from leniency.study.imports import do_import_study_records
from leniency.study.report import render_html

START = date(2024, 1, 1)


def person(i: int) -> dict[str, str]:
    """200 persons, all pleaded with a duty lawyer. A meeting before signing for even i (100); withdrawn: half of
    those without a meeting (i % 4 == 1, 50: a technical appeal), one in ten of those with one (i % 20 == 0)."""
    received = START + timedelta(days=i % 300)
    row = {
        "人员编号": f"F{i:04d}",
        "案件编号": f"K{i:04d}",
        "受理日期": received.isoformat(),
        "罪名": "盗窃",
        "是否认罪认罚": "是",
        "认罪认罚阶段": "审查起诉阶段",
        "具结书签署日期": (received + timedelta(days=5)).isoformat(),
        "律师类型": "值班律师",
        "签署前会见次数": "2" if i % 2 == 0 else "0",
        "量刑建议方式": "确定刑",
        "建议刑期（月）": "8",
    }
    if i % 4 == 1 or i % 20 == 0:
        row.update(
            {"反悔阶段": "一审判决后（上诉）", "反悔原因": "技术性上诉（如为留所服刑）", "是否上诉": "是"}
        )
    return row


def test_a_significant_table_leads_to_its_recommendation_with_the_figure_test_and_n(world):
    org = world.procuratorate
    do_import_study_records(
        org, data=csv_bytes([person(i) for i in range(200)]), file_name="f.csv", acting_user=world.supervisor
    )
    study = run_study(org, START, date(2024, 12, 31), with_charts=False, with_model=False, source="imported")
    assert study.table("w_meeting").rows == [["是", 100, 10, "10.0%"], ["否", 100, 50, "50.0%"]]
    found = findings(study)
    meeting = [f for f in found if "至少会见一次" in f.recommendation]
    assert len(meeting) == 1 and meeting[0].group == "reduce" and meeting[0].group_label == "降低反悔率"
    assert "否：50/100（50.0%）" in meeting[0].evidence and "Holm" in meeting[0].evidence
    # every person got the letter's default (否) alike: no comparison, no recommendation
    assert not [f for f in found if "释法说理书" in f.recommendation]
    technical = [f for f in found if f.group == "regulate"]
    assert len(technical) == 1 and "60次" in technical[0].finding and "60人的100.0%" in technical[0].finding
    assert ("值班律师签署前会见率", "50.0%", "N=200人") in duty_lawyer_figures(study)
    assert stage_narrative(study)[3].startswith("一审判决后（上诉）：反悔60次，占反悔次数的100.0%。")
    html = render_html(study)
    assert 'id="recommendations"' in html and "保障反悔权" in html and "规范反悔权的行使" in html
    assert "本院数据在这一方面没有显示需要提出建议的差异。" in html  # guarantee: nothing to recommend here


def test_no_recommendation_where_the_rate_is_higher_on_the_other_side(world):
    """A significant table whose rate is higher where the recommendation already holds gives no recommendation."""
    rows = [person(i) for i in range(200)]
    for r in rows:  # swap the meetings: now those met before signing withdraw more
        r["签署前会见次数"] = "0" if r["签署前会见次数"] == "2" else "2"
    do_import_study_records(
        world.procuratorate, data=csv_bytes(rows), file_name="g.csv", acting_user=world.supervisor
    )
    study = run_study(
        world.procuratorate, START, date(2024, 12, 31), with_charts=False, with_model=False, source="imported"
    )
    assert study.table("w_meeting").test.significant
    assert not [f for f in findings(study) if "至少会见一次" in f.recommendation]
