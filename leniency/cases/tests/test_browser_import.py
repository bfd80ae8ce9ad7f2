"""Through the pages: the case management uploads an export with one bad row, reads which row and column is
wrong, sees the good rows' cases registered and opens one; a second upload of the same file changes nothing."""

import pytest
from playwright.sync_api import expect

from leniency.cases.import_format import SAMPLE_ROWS, xlsx_bytes
from leniency.cases.models import Case
from leniency.conftest import log_in
from leniency.testing.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_case_manager_uploads_a_file_with_one_bad_row(page, live_server, world, tmp_path):
    bad = {**SAMPLE_ROWS[0], "移送文书号": "东公刑诉字〔2026〕103号", "身份证号": "110101199005010021"}
    upload = tmp_path / "transfers.xlsx"
    upload.write_bytes(xlsx_bytes([SAMPLE_ROWS[0], SAMPLE_ROWS[1], bad]))

    log_in(page, live_server, world.case_manager.username, PASSWORD)
    page.get_by_role("link", name="批量导入").click()
    expect(page.get_by_role("heading", name="批量导入受理信息")).to_be_visible()
    page.set_input_files("input[name=file]", str(upload))
    page.get_by_role("button", name="导入", exact=True).click()

    errors = page.locator("#import-errors tbody tr")
    expect(errors).to_have_count(1)
    expect(errors.first).to_have_attribute("data-row", "4")
    expect(errors.first).to_contain_text("身份证号")
    expect(errors.first).to_contain_text("校验码错误")
    expect(page.locator("#import-summary")).to_contain_text("导入 2 行，1 行有错误未导入；新登记 1 件")
    case = Case.objects.get(transfer_document_number="东公刑诉字〔2026〕101号")
    assert case.defendants.count() == 2
    assert not Case.objects.filter(transfer_document_number="东公刑诉字〔2026〕103号").exists()

    # The same file again: nothing new, the case is not registered twice.
    page.set_input_files("input[name=file]", str(upload))
    page.get_by_role("button", name="导入", exact=True).click()
    expect(page.locator("#import-summary")).to_contain_text("新登记 0 件，更新 0 件")
    assert Case.objects.filter(transfer_document_number="东公刑诉字〔2026〕101号").count() == 1

    # The first upload's case opens from the menu's case list, with both suspects.
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    expect(page.get_by_role("heading", name=case.title)).to_be_visible()
    expect(page.locator("article.defendant")).to_have_count(2)
