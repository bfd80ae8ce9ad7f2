"""Import of historical records for the study: a template file of 300 persons whose answers are known by
construction, the study's tables on it checked against figures counted by hand, bad rows reported by row and
column while the good rows import, and a second import that updates instead of adding."""

from datetime import date, timedelta

import pytest

from leniency.audit.models import AuditEvent
from leniency.documents.tabular import ImportFormatError
from leniency.errors import Forbidden
from leniency.study.analysis import run_study
from leniency.study.import_format import SAMPLE_ROWS, csv_bytes, xlsx_bytes
from leniency.study.imports import do_import_study_records
from leniency.study.models import ImportedPerson

START = date(2024, 1, 1)


def person(i: int) -> dict[str, str]:
    """Person i of 300. Pleaded unless i % 10 == 0 (270); plea stage by i % 3 (90 each), an agreement for the
    two pre-trial stages (180); a meeting before signing for even i (120 of the pleaded); a fixed recommendation
    for even i (120), a range of 6–8 months for i % 4 == 1 (75), 6–12 months (too wide) for i % 4 == 3 (75);
    adopted for i % 3 == 0, not adopted for i % 3 == 1, undecided otherwise (90 of 180 decided adopted);
    withdrawn for i % 5 == 1 (60): i % 10 == 1 before prosecution, as too heavy (30); i % 10 == 6 after
    judgment, a technical appeal and no effective help from the lawyer (30). Two persons a case (150 cases)."""
    received = START + timedelta(days=i)
    row = {
        "人员编号": f"P{i:04d}",
        "案件编号": f"C{i // 2:04d}",
        "受理日期": received.isoformat(),
        "罪名": ["危险驾驶", "盗窃", "诈骗"][i % 3],
        "是否羁押": "是" if i % 7 == 0 else "否",
        "是否认罪认罚": "否" if i % 10 == 0 else "是",
        "律师类型": "值班律师" if i % 2 else "委托辩护人",
    }
    if i % 10 == 0:
        return row
    stage = ["侦查阶段", "审查起诉阶段", "审判阶段"][i % 3]
    row["认罪认罚阶段"] = stage
    if stage != "审判阶段":
        row["具结书签署日期"] = (received + timedelta(days=10)).isoformat()
    row["签署前会见次数"] = "1" if i % 2 == 0 else "0"
    if i % 2 == 0:
        row.update({"量刑建议方式": "确定刑", "建议刑期（月）": "6"})
    else:
        row.update(
            {"量刑建议方式": "幅度刑", "幅度下限（月）": "6", "幅度上限（月）": "8" if i % 4 == 1 else "12"}
        )
    row["法院是否采纳"] = ["采纳", "未采纳", ""][i % 3]
    if i % 10 == 1:
        row.update({"反悔阶段": "审查起诉阶段（提起公诉前）", "反悔原因": "认为量刑建议过重"})
    if i % 10 == 6:
        row.update(
            {
                "反悔阶段": "after_judgment",
                "反悔原因": "技术性上诉（如为留所服刑）；law_no_effective_help",
                "是否上诉": "是",
            }
        )
    return row


ROWS = [person(i) for i in range(300)]


def _rows(table):
    return {str(r[0]) or str(r[1]): r[1:] for r in table.rows}


@pytest.mark.parametrize("encode", [xlsx_bytes, csv_bytes], ids=["xlsx", "csv"])
def test_a_template_file_of_300_persons_gives_the_hand_counted_tables(world, encode):
    org = world.procuratorate
    result = do_import_study_records(org, data=encode(ROWS), file_name="h.x", acting_user=world.supervisor)
    assert (result.rows, result.created, result.updated, result.errors) == (300, 300, 0, [])

    study = run_study(org, START, date(2024, 12, 31), with_charts=False, with_model=False, source="imported")
    f = study.figures
    assert study.source == "imported" and "导入" in study.source_label
    assert (f["persons"], f["cases"], f["crimes"]) == (300, 150, 3)
    assert (f["pleaded"], f["pleaded_pct"], f["agreements"]) == (270, "90.0%", 180)
    assert (f["withdrawn"], f["withdrawn_pct"], f["withdrawals"]) == (60, "22.2%", 60)
    assert (f["adopted"], f["adopted_pct"]) == (90, "50.0%")
    assert [r[1:] for r in study.table("crimes").rows] == [[100, "33.3%"]] * 3
    assert [r[1] for r in study.table("plea_stage").rows] == [90, 90, 90]
    # 表3: fixed 120 (decided 80: i even, i % 3 in {0, 1}; adopted 40), range within limit 75, too wide 75
    kinds = study.table("rec_kinds").rows
    assert [r[1] for r in kinds] == [120, 75, 75]
    assert kinds[0][3:] == [80, 40, "50.0%"]
    # 表4: 30 before prosecution, 30 after judgment
    stages = {r[0]: r[1] for r in study.table("w_stage").rows}
    assert stages == {
        "审查起诉阶段（提起公诉前）": 30,
        "不起诉决定后": 0,
        "一审审理阶段": 0,
        "一审判决后（上诉）": 30,
    }
    # 表5: each side's persons and each reason's mentions
    reasons = {(r[0] or r[1]): r[2:] for r in study.table("reasons").rows}
    assert reasons["检察机关方面"] == [30, "50.0%"]
    assert reasons["认为量刑建议过重"] == [30, "50.0%"]
    assert reasons["律师方面"] == [30, "50.0%"]
    assert reasons["技术性上诉（如为留所服刑）"] == [30, "50.0%"]
    assert reasons["改变主意"] == [0, "0.0%"]
    # 表7: a meeting before signing: 120 persons, 30 withdrew (i % 10 == 6); none: 150, 30 (i % 10 == 1)
    assert study.table("w_meeting").rows == [["是", 120, 30, "25.0%"], ["否", 150, 30, "20.0%"]]
    assert study.table("w_meeting").test.method == "chi2"
    # 表11: fixed 120 with 30 withdrawn; i ≡ 1 (mod 20) within the limit, i ≡ 11 (mod 20) too wide: 15 each
    assert [r[1:] for r in study.table("w_kind").rows] == [
        [120, 30, "25.0%"],
        [75, 15, "20.0%"],
        [75, 15, "20.0%"],
    ]
    # the platform's own records of the same procuratorate are another source
    platform = run_study(org, START, date(2024, 12, 31), with_charts=False, with_model=False)
    assert platform.source == "platform" and platform.figures["persons"] == 0


def test_bad_rows_are_reported_by_row_and_column_and_the_good_rows_import(world):
    rows = [dict(r) for r in ROWS[:5]]
    rows[1]["受理日期"] = "2024/01/02"  # row 3
    rows[2]["反悔原因"] = "不想认了"  # row 4: not in the taxonomy
    rows[2]["是否羁押"] = "也许"
    rows[3]["幅度上限（月）"] = "4"  # row 5: below the lower bound of 6
    rows.append(dict(rows[0]))  # row 7: the same person number as row 2
    result = do_import_study_records(
        world.procuratorate, data=xlsx_bytes(rows), file_name="bad.xlsx", acting_user=world.supervisor
    )
    found = {(e.row, e.column) for e in result.errors}
    assert found == {
        (3, "受理日期"),
        (4, "反悔原因"),
        (4, "是否羁押"),
        (5, "幅度上限（月）"),
        (7, "人员编号"),
    }
    assert next(e for e in result.errors if e.column == "反悔原因").message.startswith("应为以下之一")
    assert (result.created, result.rows_with_errors) == (2, 4)
    assert set(ImportedPerson.objects.values_list("person_ref", flat=True)) == {"P0000", "P0004"}


def test_a_second_import_updates_and_never_duplicates(world):
    org = world.procuratorate
    do_import_study_records(org, data=csv_bytes(ROWS[:20]), file_name="a.csv", acting_user=world.supervisor)
    changed = [dict(r) for r in ROWS[:20]]
    changed[3]["罪名"] = "故意伤害"
    again = do_import_study_records(
        org, data=csv_bytes(changed), file_name="a.csv", acting_user=world.supervisor
    )
    assert (again.created, again.updated) == (0, 20)
    assert ImportedPerson.objects.filter(organisation=org).count() == 20
    assert ImportedPerson.objects.get(organisation=org, person_ref="P0003").crime == "故意伤害"
    events = AuditEvent.objects.filter(action="study.import.completed").order_by("seq")
    assert [e.data["created"] for e in events] == [20, 0] and events.last().data["updated"] == 20


def test_only_the_procuratorates_supervisors_may_import(world):
    for user in (
        world.prosecutor,
        world.outsider_lawyer if hasattr(world, "outsider_lawyer") else world.judge,
    ):
        with pytest.raises(Forbidden, match="主管检察官"):
            do_import_study_records(
                world.procuratorate, data=csv_bytes(ROWS[:2]), file_name="x", acting_user=user
            )
    assert not ImportedPerson.objects.exists()


def test_a_file_that_is_not_a_template_is_refused_whole(world):
    with pytest.raises(ImportFormatError, match="未知的列“姓名”"):
        do_import_study_records(
            world.procuratorate,
            data="姓名,罪名\n王某,盗窃\n".encode(),
            file_name="x",
            acting_user=world.supervisor,
        )


def test_the_sample_in_the_repository_is_the_template_and_imports_cleanly(world):
    from pathlib import Path

    from django.conf import settings

    docs = Path(settings.BASE_DIR).parent / "docs" / "templates"
    assert (docs / "study_import_sample.csv").read_bytes() == csv_bytes(SAMPLE_ROWS)
    result = do_import_study_records(
        world.procuratorate,
        data=(docs / "study_import_sample.xlsx").read_bytes(),
        file_name="study_import_sample.xlsx",
        acting_user=world.supervisor,
    )
    assert (result.created, result.errors) == (len(SAMPLE_ROWS), [])
    withdrawn = ImportedPerson.objects.get(person_ref="R2024-0002")
    assert withdrawn.withdrawal_reasons == ["proc_too_heavy", "law_no_effective_help"]
    assert withdrawn.rec_low_months == 8 and withdrawn.adopted is True and withdrawn.lawyer_kind == "duty"
