"""LENIENCY_LOG_FORMAT=json: every log line is one JSON object a log collector can read (issue 21 item 4)."""

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
LOG = (
    "import django; django.setup(); import logging; "
    "logging.getLogger('leniency.jobs').warning('queued periodic job %s #%s', 'counsel_escalate', 7, "
    "extra={'job': 7})"
)


def _stderr(log_format: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "leniency.settings", "LENIENCY_DEBUG": "1"}
    env["LENIENCY_LOG_FORMAT"] = log_format
    return subprocess.run([sys.executable, "-c", LOG], cwd=REPO, env=env, capture_output=True, text=True)


def test_json_logs_are_one_object_a_line_with_time_level_logger_and_extra_fields():
    done = _stderr("json")
    assert done.returncode == 0, done.stderr
    (line,) = done.stderr.strip().splitlines()
    record = json.loads(line)
    assert record["message"] == "queued periodic job counsel_escalate #7"
    assert (record["level"], record["logger"], record["job"]) == ("WARNING", "leniency.jobs", 7)
    assert record["time"] and isinstance(record["process"], int)


def test_text_logs_stay_the_message_and_an_unknown_format_is_named():
    assert _stderr("text").stderr.strip() == "queued periodic job counsel_escalate #7"
    refused = _stderr("xml")
    assert refused.returncode != 0 and "LENIENCY_LOG_FORMAT must be text or json, not 'xml'" in refused.stderr
