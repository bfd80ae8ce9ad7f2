import json

import pytest
from django.core.management import call_command

from leniency.corpus.importer import Options, import_file
from leniency.corpus.models import ImportLineError, ImportRun, Judgment


def cail(fact, charge="盗窃", months=10, **meta):
    data = {
        "fact": fact,
        "meta": {
            "accusation": [charge],
            "relevant_articles": [264],
            "term_of_imprisonment": {
                "imprisonment": months,
                "death_penalty": False,
                "life_imprisonment": False,
            },
            **meta,
        },
    }
    return json.dumps(data, ensure_ascii=False)


def theft(i, months=10):
    return cail(
        f"被告人张某{i}于2019年5月{i % 28 + 1}日窃得被害人李某的手机一部，价值人民币{1000 + i}元。",
        months=months,
    )


OPTIONS = Options(workers=0, batch=4, progress=False)


@pytest.mark.django_db
def test_good_file_imports_every_judgment_with_extracted_factors(tmp_path):
    path = tmp_path / "good.jsonl"
    path.write_text("\n".join(theft(i) for i in range(10)) + "\n", encoding="utf-8")
    run = import_file(path, OPTIONS)
    assert (run.lines_read, run.imported, run.duplicates, run.errors) == (10, 10, 0, 0)
    assert run.status == ImportRun.Status.DONE
    j = Judgment.objects.get(amount_yuan=1003)
    assert j.main_charge == "盗窃" and j.term_months == 10 and j.year == 2019 and not j.synthetic
    assert j.calc_months is not None and j.facts["amount_yuan"] == 1003


@pytest.mark.django_db
def test_bad_lines_are_reported_with_number_and_reason_and_the_rest_imports(tmp_path):
    lines = [
        theft(1),
        '{"fact": "被告人王某盗窃", "meta": ',  # 2: bad JSON
        theft(3, months=-3),  # 3: negative term
        json.dumps(
            {"meta": {"accusation": ["盗窃"], "term_of_imprisonment": {"imprisonment": 3}}}
        ),  # 4: no fact
        "",  # blank lines are not records
        theft(6),
        theft(7)[:40],  # 7: truncated last line (no newline)
    ]
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    run = import_file(path, OPTIONS)
    assert run.imported == 2 and run.errors == 4
    errors = dict(ImportLineError.objects.filter(run=run).values_list("line", "reason"))
    assert set(errors) == {2, 3, 4, 7}
    assert "JSON" in errors[2]
    assert "negative" in errors[3] and "-3" in errors[3]
    assert "fact" in errors[4]
    assert "截断" in errors[7]


@pytest.mark.django_db
def test_gbk_file_is_detected_and_decoded(tmp_path):
    path = tmp_path / "gbk.jsonl"
    path.write_bytes(("\n".join(theft(i) for i in range(3)) + "\n").encode("gbk"))
    run = import_file(path, OPTIONS)
    assert run.encoding == "gb18030" and run.imported == 3
    assert Judgment.objects.filter(fact__contains="被告人张某1").exists()


@pytest.mark.django_db
def test_undecodable_line_is_reported_not_guessed(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes((theft(1) + "\n").encode() + theft(2).encode("gbk") + b"\n" + (theft(3) + "\n").encode())
    run = import_file(path, OPTIONS)
    assert run.imported == 2
    assert "编码" in ImportLineError.objects.get(run=run, line=2).reason


@pytest.mark.django_db
def test_reimporting_the_same_file_adds_nothing(tmp_path):
    path = tmp_path / "good.jsonl"
    path.write_text("\n".join(theft(i) for i in range(6)) + "\n", encoding="utf-8")
    import_file(path, OPTIONS)
    again = import_file(path, OPTIONS)
    assert (again.imported, again.duplicates) == (0, 6)
    assert Judgment.objects.count() == 6


@pytest.mark.django_db
def test_duplicate_lines_within_a_file_are_counted_once(tmp_path):
    path = tmp_path / "dup.jsonl"
    path.write_text("\n".join([theft(1), theft(2), theft(1)]) + "\n", encoding="utf-8")
    run = import_file(path, OPTIONS)
    assert (run.imported, run.duplicates) == (2, 1)


@pytest.mark.django_db
def test_an_interrupted_import_resumes_where_it_stopped(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(theft(i) for i in range(12)) + "\n", encoding="utf-8")

    def kill(run):
        if run.lines_read >= 8:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_file(path, OPTIONS, on_batch=kill)
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.RUNNING and run.imported == 8 and run.line_number == 8
    resumed = import_file(path, OPTIONS)
    assert resumed.pk == run.pk
    assert (resumed.lines_read, resumed.imported, resumed.duplicates) == (12, 12, 0)
    assert Judgment.objects.count() == 12


@pytest.mark.django_db
def test_csv_format(tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text(
        "fact,accusation,relevant_articles,imprisonment,life_imprisonment,death_penalty,punish_of_money,criminals,"
        "probation,region,court,year\n"
        "被告人张某窃得手机一部，价值人民币3000元。,盗窃,264,6,0,0,2000,张某,1,990102,海港区人民法院,2021\n"
        "被告人李某酒后驾驶机动车，血液中乙醇含量为120mg/100ml。,危险驾驶,133,abc,0,0,,李某,0,,,\n",
        encoding="utf-8",
    )
    run = import_file(path, OPTIONS)
    assert run.imported == 1 and run.errors == 1
    j = Judgment.objects.get()
    assert (j.term_months, j.probation, j.region_code, j.year, j.fine_yuan) == (6, True, "990102", 2021, 2000)
    assert ImportLineError.objects.get().line == 3


@pytest.mark.django_db
def test_management_command_with_worker_processes_prints_a_summary(tmp_path, capsys):
    path = tmp_path / "good.jsonl"
    path.write_text("\n".join(theft(i) for i in range(5)) + "\n" + "not json\n", encoding="utf-8")
    call_command("corpus", "import", str(path), "--workers", "2", "--no-progress")
    out = capsys.readouterr().out
    assert "导入 5 件" in out and "错误 1 行" in out and "第 6 行" in out
    assert Judgment.objects.count() == 5


@pytest.mark.django_db
def test_the_debug_query_log_does_not_grow_with_the_batches_imported(tmp_path, settings):
    """Development settings log every query with its full text (about 3 MB for 1,000 judgments);
    the importer empties the log after each batch, so a million judgments do not keep 9,000 such queries."""
    from django.db import connection

    settings.DEBUG = True
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(theft(i) for i in range(24)) + "\n", encoding="utf-8")
    logged = []
    run = import_file(
        path,
        Options(workers=0, batch=2, progress=False),
        on_batch=lambda run: logged.append(len(connection.queries)),
    )
    assert run.imported == 24 and len(logged) == 12
    assert connection.queries, "the query log is on: the test would prove nothing otherwise"
    assert max(logged) <= 2, logged
