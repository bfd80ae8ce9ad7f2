"""Bulk import of intake data: good rows in, bad rows reported by row and column, re-import updates and never
duplicates, a wrong file refused as a whole, and only the case management may import."""

import json
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from leniency.accounts.models import Organisation
from leniency.audit.models import AuditEvent
from leniency.audit.trail import verify_chain
from leniency.cases import services
from leniency.cases.identity import check_character
from leniency.cases.import_format import SAMPLE_ROWS, ImportFormatError, jsonl_bytes, xlsx_bytes
from leniency.cases.imports import do_import_cases
from leniency.cases.models import Case, Charge, Defendant
from leniency.cases.stages import Stage
from leniency.errors import Forbidden
from leniency.testing.concurrency import at_once

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(world):
    services.sync_charge_catalogue()
    return world


def _bad_rows():
    """Three rows with one mistake each, of cases of their own."""
    base = {**SAMPLE_ROWS[2], "移送文书号": "东公刑诉字〔2026〕200号"}
    wrong_region = "990102198511230" + "03"
    return [
        {**base, "身份证号": "410522198511230035"},  # wrong check character
        {**base, "移送文书号": "东公刑诉字〔2026〕201号", "罪名": "偷窥"},  # not in the catalogue
        {
            **base,
            "移送文书号": "东公刑诉字〔2026〕202号",
            "身份证号": wrong_region + check_character(wrong_region),  # no such region
        },
    ]


def _import(world, rows, *, as_xlsx=True, user=None):
    data = xlsx_bytes(rows) if as_xlsx else jsonl_bytes(rows)
    return do_import_cases(
        world.procuratorate, data=data, file_name="transfer.xlsx", acting_user=user or world.case_manager
    )


def test_good_rows_import_and_bad_rows_are_reported_by_row_and_column(catalogue):
    world = catalogue
    before = Case.objects.count()
    result = _import(world, [*SAMPLE_ROWS, *_bad_rows()])
    # The header is row 1: the sample's rows are 2-4, the bad ones 5-7.
    assert [(e.row, e.field, e.column) for e in result.errors] == [
        (5, "id_number", "身份证号"),
        (6, "charges", "罪名"),
        (7, "id_number", "身份证号"),
    ]
    assert "校验码错误" in result.errors[0].message
    assert "偷窥" in result.errors[1].message
    assert "地区码未知" in result.errors[2].message
    assert (len(result.cases_created), result.defendants_created) == (2, 3)
    assert Case.objects.count() == before + 2
    theft = Case.objects.get(transfer_document_number="东公刑诉字〔2026〕101号")
    assert theft.procuratorate == world.procuratorate and theft.number.startswith("东区检刑受〔2026〕")
    wang, li = theft.defendants.order_by("pk")
    assert (wang.name, wang.gender, wang.detention, wang.detained_on) == (
        "王某",
        "M",
        "arrested",
        date(2026, 9, 4),
    )
    assert (li.id_number, li.gender, li.detention) == ("350203199208150026", "F", "bail")
    assert (wang.stage, wang.stage_since) == (Stage.PROSECUTION_REVIEW, date(2026, 10, 8))
    assert [c.name for c in wang.charges.all()] == ["盗窃"]
    assert not Case.objects.filter(transfer_document_number__startswith="东公刑诉字〔2026〕20").exists()
    event = AuditEvent.objects.filter(action="case.import.completed").latest("seq")
    assert event.data["rows_with_errors"] == 3 and event.data["cases_created"] == 2
    assert AuditEvent.objects.filter(action="case.opened", case_id=theft.pk).exists()


def test_importing_the_same_file_twice_updates_and_never_duplicates(catalogue):
    world = catalogue
    _import(world, SAMPLE_ROWS, as_xlsx=False)
    cases, people = Case.objects.count(), Defendant.objects.count()
    again = _import(world, SAMPLE_ROWS, as_xlsx=False)
    assert (Case.objects.count(), Defendant.objects.count()) == (cases, people)
    assert (again.cases_created, again.cases_updated, again.defendants_unchanged) == ([], [], 3)
    changed = [dict(r) for r in SAMPLE_ROWS]
    changed[1].update({"羁押状态": "逮捕", "羁押日期": "2026-10-09", "罪名": "盗窃；诈骗"})
    for row in changed[:2]:
        row["案由"] = "王某、李某盗窃、诈骗案"
    third = _import(world, changed)
    assert (Case.objects.count(), Defendant.objects.count()) == (cases, people)
    assert (third.defendants_updated, third.defendants_unchanged, len(third.cases_updated)) == (1, 2, 1)
    li = Defendant.objects.get(case__transfer_document_number="东公刑诉字〔2026〕101号", name="李某")
    assert (li.detention, li.detained_on) == ("arrested", date(2026, 10, 9))
    assert [c.name for c in li.charges.order_by("-defendantcharge__principal")] == ["盗窃", "诈骗"]
    assert li.case.title == "王某、李某盗窃、诈骗案"
    updated = AuditEvent.objects.get(action="defendant.intake.updated")
    assert sorted(updated.data["fields"]) == ["charges", "detained_on", "detention"]
    assert "350203199208150026" not in str(updated.data)  # the trail names fields, not personal values


def test_a_new_person_in_a_known_transfer_is_added_to_its_case(catalogue):
    world = catalogue
    _import(world, SAMPLE_ROWS[:1])
    case = Case.objects.get(transfer_document_number="东公刑诉字〔2026〕101号")
    result = _import(world, SAMPLE_ROWS[:2])
    assert result.defendants_created == 1 and result.cases_updated == [case]
    assert case.defendants.count() == 2


def test_rows_of_one_case_must_agree_and_not_repeat_a_person(catalogue):
    world = catalogue
    rows = [SAMPLE_ROWS[0], {**SAMPLE_ROWS[1], "受理日期": "2026-10-09"}, SAMPLE_ROWS[0]]
    result = _import(world, rows, as_xlsx=False)
    assert [(e.row, e.field) for e in result.errors] == [(2, "received_on"), (3, "id_number")]
    assert "第 1 行" in result.errors[0].message and "重复" in result.errors[1].message
    assert Defendant.objects.filter(case__transfer_document_number="东公刑诉字〔2026〕101号").count() == 1


def test_a_file_in_the_wrong_format_is_refused_and_imports_nothing(catalogue):
    world = catalogue
    before = Case.objects.count()
    for data in (b"name,id_number\n\xcd\xf5,1\n", b"%PDF-1.4 not a table", b"PK\x03\x04broken zip"):
        with pytest.raises(ImportFormatError, match="文件格式错误") as error:
            do_import_cases(world.procuratorate, data=data, file_name="x", acting_user=world.case_manager)
        assert error.value.field == "file"
    with pytest.raises(ImportFormatError, match="未知的列“籍贯”"):
        _import(world, [{**SAMPLE_ROWS[0], "籍贯": "福建"}], as_xlsx=False)
    assert Case.objects.count() == before


def test_only_the_procuratorates_case_management_imports(catalogue):
    world = catalogue
    for user in (world.prosecutor, world.judge, world.lawyer):
        with pytest.raises(Forbidden, match="刑事诉讼法第169条"):
            _import(world, SAMPLE_ROWS, user=user)
    west = Organisation.objects.get(name="西区人民检察院")
    with pytest.raises(Forbidden):
        do_import_cases(west, data=jsonl_bytes(SAMPLE_ROWS), file_name="x", acting_user=world.case_manager)
    assert not Case.objects.filter(transfer_document_number="东公刑诉字〔2026〕101号").exists()


def test_a_prosecuted_case_is_not_changed_by_a_later_import(catalogue):
    world = catalogue
    _import(world, SAMPLE_ROWS[2:])
    case = Case.objects.get(transfer_document_number="东公刑诉字〔2026〕102号")
    services.do_assign_prosecutor(case, prosecutor=world.prosecutor, acting_user=world.case_manager)
    services.do_prosecute(case, grave=False, as_of=date(2026, 10, 20), acting_user=world.prosecutor)
    result = _import(world, [{**SAMPLE_ROWS[2], "联系电话": "13800002222"}])
    assert [(e.row, e.field) for e in result.errors] == [(2, "transfer_document_number")]
    assert "已提起公诉" in result.errors[0].message
    assert case.defendants.get().phone == "13800001111"


@pytest.mark.django_db(transaction=True)
def test_the_same_file_imported_twice_at_once_registers_each_case_once(catalogue):
    world = catalogue
    data = jsonl_bytes(SAMPLE_ROWS)

    def run(i):
        return do_import_cases(
            world.procuratorate, data=data, file_name=f"{i}.jsonl", acting_user=world.case_manager
        )

    outcomes = at_once(run, n=2)  # race on PostgreSQL, take turns on SQLite
    assert [o.error for o in outcomes] == [None, None]
    assert sorted(len(o.value.cases_created) for o in outcomes) == [0, 2]
    assert Case.objects.filter(transfer_document_number__startswith="东公刑诉字〔2026〕10").count() == 2
    assert (
        Defendant.objects.filter(case__transfer_document_number__startswith="东公刑诉字〔2026〕10").count()
        == 3
    )


def test_a_broken_line_after_the_first_is_that_rows_error_and_the_others_import(catalogue):
    world = catalogue
    lines = jsonl_bytes(SAMPLE_ROWS).decode().splitlines()
    broken = "\n".join([lines[0], '{"姓名": "半行', lines[2], json.dumps({**SAMPLE_ROWS[1], "籍贯": "福建"})])
    result = do_import_cases(
        world.procuratorate, data=broken.encode(), file_name="x.jsonl", acting_user=world.case_manager
    )
    assert [(e.row, e.field) for e in result.errors] == [(2, ""), (4, "")]
    assert (
        "第 2 行不是 JSON 对象" in result.errors[0].message and "未知的列“籍贯”" in result.errors[1].message
    )
    assert (len(result.cases_created), result.defendants_created) == (2, 2)


def test_every_imported_case_and_person_is_audited_as_intake_by_hand_would_be(catalogue):
    """The import registers in bulk, but each case and person gets the event the intake services write, with
    the same data, chained like any other: the trail verifies after it."""
    world = catalogue
    by_hand = services.do_register_transfer(
        title="手工受理案",
        region=world.procuratorate.region,
        procuratorate=world.procuratorate,
        received_on=date(2026, 10, 7),
        transferring_agency="东区公安分局",
        transfer_document_number="东公刑诉字〔2026〕99号",
        facts="手工受理的事实。",
        defendants=[
            {
                "name": "钱某",
                "gender": "M",
                "id_number": "410522198511230034",
                "birth_date": date(1985, 11, 23),
                "charges": [Charge.objects.get(name="盗窃")],
            }
        ],
        acting_user=world.case_manager,
    )
    result = _import(world, SAMPLE_ROWS)
    theft = Case.objects.get(transfer_document_number="东公刑诉字〔2026〕101号")
    # The numbering goes on from the case registered by hand, and a case registered after goes on from the import.
    assert sorted(c.serial for c in result.cases_created) == [by_hand.serial + 1, by_hand.serial + 2]
    assert theft.number == f"东区检刑受〔2026〕{theft.serial}号"
    opened = AuditEvent.objects.get(action="case.opened", case_id=theft.pk)
    hand_opened = AuditEvent.objects.get(action="case.opened", case_id=by_hand.pk)
    assert (opened.object_type, opened.object_id, opened.actor) == (
        "cases.case",
        str(theft.pk),
        world.case_manager,
    )
    assert sorted(opened.data) == sorted(hand_opened.data)
    assert opened.data["number"] == theft.number and opened.data["title"] == "王某、李某盗窃案"
    added = AuditEvent.objects.filter(action="defendant.added", case_id=theft.pk).order_by("seq")
    hand_added = AuditEvent.objects.get(action="defendant.added", case_id=by_hand.pk)
    wang, li = theft.defendants.order_by("pk")
    assert [(e.object_type, e.object_id) for e in added] == [
        ("cases.defendant", str(wang.pk)),
        ("cases.defendant", str(li.pk)),
    ]
    assert sorted(added[0].data) == sorted(hand_added.data)
    assert added[0].data == {"defendant": wang.pk, "charges": ["盗窃"], "stage": Stage.PROSECUTION_REVIEW}
    assert "110101199005010020" not in str([e.data for e in added])  # the trail names people by id only
    assert (
        AuditEvent.objects.filter(
            action="defendant.added",
            object_id__in=[str(d.pk) for d in Defendant.objects.filter(case__in=result.cases_created)],
        ).count()
        == 3
    )
    later = services.do_open_case(
        title="其后受理案",
        region=world.procuratorate.region,
        procuratorate=world.procuratorate,
        received_on=date(2026, 11, 2),
        acting_user=world.case_manager,
    )
    assert later.serial == by_hand.serial + 3
    assert verify_chain()[1] is None


def test_cases_received_in_different_years_take_the_serials_of_their_year(catalogue):
    world = catalogue
    rows = [
        SAMPLE_ROWS[2],
        {**SAMPLE_ROWS[2], "移送文书号": "东公刑诉字〔2025〕7号", "受理日期": "2025-12-30"},
    ]
    result = _import(world, rows, as_xlsx=False)
    assert not result.errors
    numbers = sorted(c.number for c in result.cases_created)
    assert numbers[0].startswith("东区检刑受〔2025〕") and numbers[1].startswith("东区检刑受〔2026〕")
    assert {c.serial_year for c in result.cases_created} == {2025, 2026}


def test_a_reimport_that_changes_nothing_writes_nothing_and_queries_nothing_per_row(catalogue):
    world = catalogue
    _import(world, SAMPLE_ROWS)
    events = AuditEvent.objects.count()
    counts = []
    for rows in (SAMPLE_ROWS[2:], SAMPLE_ROWS):  # one row of one case, then three rows of two cases
        with CaptureQueriesContext(connection) as queries:
            again = _import(world, rows)
        counts.append(len(queries))
        assert (again.defendants_unchanged, again.cases_updated, again.errors) == (len(rows), [], [])
    assert counts[0] == counts[1]
    assert AuditEvent.objects.count() == events + 2  # the imports' own events only


def test_an_unchanged_reimport_of_a_prosecuted_case_is_not_an_error(catalogue):
    """Nothing in the file is new: the rows are reported unchanged, not refused (a changed row still is, see
    test_a_prosecuted_case_is_not_changed_by_a_later_import)."""
    world = catalogue
    _import(world, SAMPLE_ROWS[2:])
    case = Case.objects.get(transfer_document_number="东公刑诉字〔2026〕102号")
    services.do_assign_prosecutor(case, prosecutor=world.prosecutor, acting_user=world.case_manager)
    services.do_prosecute(case, grave=False, as_of=date(2026, 10, 20), acting_user=world.prosecutor)
    result = _import(world, SAMPLE_ROWS[2:])
    assert (result.errors, result.defendants_unchanged) == ([], 1)


def test_a_file_spanning_several_batches_imports_as_one(catalogue, monkeypatch):
    """Each batch is its own transaction; cut into batches of one case, the file still registers every good row
    once, with consecutive serials, and reports the bad ones."""
    from leniency.cases import imports

    monkeypatch.setattr(imports, "CHUNK", 1)
    world = catalogue
    result = _import(world, [*SAMPLE_ROWS, *_bad_rows()])
    assert [e.row for e in result.errors] == [5, 6, 7]
    serials = sorted(c.serial for c in result.cases_created)
    assert len(serials) == 2 and serials[1] == serials[0] + 1
    assert (
        result.defendants_created == 3
        and Defendant.objects.filter(case__in=result.cases_created).count() == 3
    )
    again = _import(world, SAMPLE_ROWS)
    assert (again.cases_created, again.defendants_unchanged) == ([], 3)
    assert verify_chain()[1] is None
