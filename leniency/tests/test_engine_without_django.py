"""The engine is a pure library: importing it, and its command line, loads no Django (the import-linter
contract in pyproject.toml says the same of the source). `sentencing train` without --corpus reads the judgment
database through the trainer the `leniency` command hands the engine."""

import io
import json
import os
import subprocess
import sys

from leniency import cli
from leniency.sentencing import cli as engine_cli


def test_the_engine_and_its_command_line_load_without_django():
    code = (
        "import sys\n"
        "import leniency.sentencing, leniency.sentencing.cli, leniency.sentencing.calculator\n"
        "import leniency.sentencing.extract, leniency.sentencing.model\n"
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip() == "[]"


def test_train_without_a_corpus_is_refused_by_the_engine_alone():
    err = io.StringIO()
    assert engine_cli.main(["train"], out=io.StringIO(), err=err) == 2
    assert "leniency sentencing train" in err.getvalue()


def test_the_leniency_command_hands_the_engine_the_database_trainer(monkeypatch):
    seen = {}

    def fake_main(argv, **kwargs):
        seen.update(argv=argv, **kwargs)
        return 0

    monkeypatch.setattr(engine_cli, "main", fake_main)
    assert cli.main(["leniency", "sentencing", "train", "--limit", "10"]) == 0
    assert seen["argv"] == ["train", "--limit", "10"]
    assert seen["train_from_database"] is cli._train_from_database


def test_corpus_synth_runs_from_the_leniency_command(tmp_path, capsys):
    out = tmp_path / "c.jsonl"
    assert cli.main(["leniency", "corpus", "synth", "--n", "3", "--seed", "2", "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and all(json.loads(line)["meta"]["synthetic"] for line in lines)
    assert "3 synthetic judgments written" in capsys.readouterr().out
