"""Through the pages (issue 19 item 1): a supervising prosecutor finds the import from the study, uploads the
repository's sample of historical records with one bad row added, reads how many came in and which row and column
is wrong, uploads the same file again and sees the records updated rather than added, then opens the study on the
imported records and reads that it used them."""

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from leniency.conftest import log_in
from leniency.study.models import ImportedPerson
from leniency.testing.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAMPLE = Path(__file__).resolve().parents[3] / "docs" / "templates" / "study_import_sample.xlsx"


def _sample_with_a_bad_row(path: Path) -> None:
    """The repository's sample (three persons of two cases, rows 2-4) and a fourth person in row 5 whose meetings
    before signing are written in words."""
    book = load_workbook(io.BytesIO(SAMPLE.read_bytes()))
    sheet = book.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        "R2024-0001",
        "R2024-0002",
        "R2024-0003",
    ]
    bad = [cell.value for cell in sheet[2]]
    bad[header.index("人员编号")] = "R2024-0004"
    bad[header.index("签署前会见次数")] = "两次"
    sheet.append(bad)
    book.save(path)


def test_a_supervisor_imports_the_sample_twice_and_studies_the_imported_records(
    page, live_server, world, tmp_path
):
    upload = tmp_path / "history.xlsx"
    _sample_with_a_bad_row(upload)

    log_in(page, live_server, world.supervisor.username, PASSWORD)
    page.get_by_role("link", name="反悔分析").click()
    page.get_by_role("link", name="导入历史记录").click()
    expect(page.get_by_role("heading", name="导入研究用历史记录")).to_be_visible()
    expect(page.locator("#import-held")).to_have_count(0)  # nothing imported yet

    page.set_input_files("input[name=file]", str(upload))
    page.get_by_role("button", name="导入", exact=True).click()
    expect(page.locator("#import-summary")).to_have_text("共 4 行：新增 3 人，更新 0 人，1 行有错误未导入。")
    errors = page.locator("#import-errors tbody tr")
    expect(errors).to_have_count(1)
    expect(errors.first).to_have_attribute("data-row", "5")
    expect(errors.first).to_have_attribute("data-field", "meetings_before")
    expect(errors.first.locator("td").nth(0)).to_have_text("5")
    expect(errors.first.locator("td").nth(1)).to_have_text("签署前会见次数")
    expect(errors.first.locator("td").nth(2)).to_contain_text("应为不小于0的整数")
    expect(page.locator("#import-held")).to_contain_text(f"{world.procuratorate.name} 3人")

    # The same file again: the three persons are updated by their person number, none is added.
    page.set_input_files("input[name=file]", str(upload))
    page.get_by_role("button", name="导入", exact=True).click()
    expect(page.locator("#import-summary")).to_have_text("共 4 行：新增 0 人，更新 3 人，1 行有错误未导入。")
    expect(page.locator("#import-errors tbody tr")).to_have_count(1)
    expect(page.locator("#import-held")).to_contain_text(f"{world.procuratorate.name} 3人")
    assert ImportedPerson.objects.filter(organisation=world.procuratorate).count() == 3

    # The study on what was imported says so, and counts the sample's two cases and three persons.
    page.get_by_role("link", name="用导入的记录进行研究").click()
    expect(page.locator("[data-source]")).to_have_attribute("data-source", "imported")
    expect(page.locator("[data-source]")).to_contain_text("本院导入的历史记录（研究数据导入模板）")
    expect(page.get_by_role("combobox", name="数据来源")).to_have_value("imported")
    expect(page.locator(".study-report")).to_contain_text("共2件3人")
