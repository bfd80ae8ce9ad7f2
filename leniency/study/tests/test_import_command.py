"""`leniency study import FILE --org ORG` and `withdrawals --source imported` on the command line."""

import pytest
from django.core.management import CommandError, call_command

from leniency.study.import_format import csv_bytes
from leniency.study.models import ImportedPerson
from leniency.study.tests.test_import import ROWS


def test_the_command_imports_reports_bad_rows_and_the_study_runs_on_the_import(world, tmp_path, capsys):
    rows = [dict(r) for r in ROWS[:60]]
    rows[9]["认罪认罚阶段"] = "起诉后"  # row 11
    path = tmp_path / "history.csv"
    path.write_bytes(csv_bytes(rows))
    with pytest.raises(CommandError, match="1 rows not imported"):
        call_command("study", "import", str(path), "--org", world.procuratorate.name)
    out = capsys.readouterr().out
    assert "第 11 行 认罪认罚阶段（plea_stage）：应为以下之一" in out and "created 59" in out
    assert ImportedPerson.objects.count() == 59

    call_command(
        "study",
        "withdrawals",
        "--org",
        world.procuratorate.name,
        "--from",
        "2024-01-01",
        "--to",
        "2024-12-31",
        "--source",
        "imported",
        "--no-model",
        "--out",
        str(tmp_path / "report"),
    )
    assert "(imported): 59 persons" in capsys.readouterr().out
    html = (tmp_path / "report" / "report.html").read_text(encoding="utf-8")
    assert 'data-source="imported"' in html and "本院导入的历史记录" in html
    assert "未与案卷、录音录像核对" in html  # the limits of imported data
