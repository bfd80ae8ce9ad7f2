"""A process that kills itself (SIGKILL) at one chosen point of a state change, for test_faults.py.

    python -m leniency.tests.fault_worker SCENARIO JSON

Run with DJANGO_SETTINGS_MODULE=leniency.tests.fault_settings. Each scenario patches one function *in this
process only* so that it calls `die()` at the point named; production code has no hook. Before dying it
prints KILLPOINT so the test knows the process died where it meant to, not of something else.
"""

from __future__ import annotations

import json
import os
import signal
import sys

KILLPOINT = "KILLPOINT"


def die(where: str) -> None:
    print(f"{KILLPOINT} {where}", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)


def corpus_import(args: dict) -> None:
    """`leniency corpus import` dies after the rows of batch N are inserted, before the batch commits."""
    from django.core.management import call_command

    from leniency.corpus.models import Judgment

    manager = Judgment.objects  # the one manager instance the importer uses
    original = manager.bulk_create
    calls = []

    def bulk_create(objs, *a, **kw):
        result = original(objs, *a, **kw)
        calls.append(len(result))
        if args.get("die_at_batch") and len(calls) == args["die_at_batch"]:
            die(f"batch {len(calls)}: {len(result)} rows inserted, not committed")
        return result

    manager.bulk_create = bulk_create
    call_command(
        "corpus",
        "import",
        args["path"],
        "--workers",
        str(args["workers"]),
        "--batch",
        str(args["batch"]),
        "--no-progress",
    )


class _DyingReader:
    """The upload's byte stream: dies when asked for more after `die_after` bytes were handed out (and written)."""

    def __init__(self, path: str, die_after: int | None):
        self.handle, self.given, self.die_after = open(path, "rb"), 0, die_after

    def read(self, n: int = -1) -> bytes:
        if self.die_after is not None and self.given >= self.die_after:
            die(f"upload: {self.given} bytes written to the temporary file")
        chunk = self.handle.read(n)
        self.given += len(chunk)
        return chunk


def recording_upload(args: dict) -> None:
    """`do_add_recording` dies half-way through the bytes, or inside its transaction after the row is written."""
    from datetime import date

    from leniency.accounts.models import User
    from leniency.cases.models import Defendant
    from leniency.recordings import services

    if args.get("die_in_transaction"):
        original = services.record

        def record(action, **kw):
            die(f"upload: Recording row written, before {action}")
            return original(action, **kw)

        services.record = record
    reader = _DyingReader(args["path"], args.get("die_after"))
    recording = services.do_add_recording(
        Defendant.objects.get(pk=args["defendant"]),
        acting_user=User.objects.get(pk=args["user"]),
        fileobj=reader,
        original_name="notice.wav",
        session="notice",
        recorded_on=date.fromisoformat(args["on"]),
    )
    print(f"RECORDING {recording.pk}", flush=True)


def sign(args: dict) -> None:
    """A signing service dies inside its transaction when it is about to write the audit event named."""
    from leniency.accounts.models import User
    from leniency.plea import signing
    from leniency.plea.models import PleaAgreement
    from leniency.plea.tests.helpers import sign_in_person

    original = signing.record

    def record(action, **kw):
        if action == args["die_on"]:
            die(f"sign: rows written, before {action}")
        return original(action, **kw)

    signing.record = record
    sign_in_person(
        PleaAgreement.objects.get(pk=args["agreement"]), args["role"], User.objects.get(pk=args["user"])
    )
    print("SIGNED", flush=True)


def edit(args: dict) -> None:
    """`do_update_draft` with the version the user saw. With `pause`, it stops inside its transaction (after
    reading and locking the round) until the file `go` appears, so that a second editor can race it."""
    import time
    from pathlib import Path

    from leniency.accounts.models import User
    from leniency.errors import DomainError
    from leniency.recommendations import services
    from leniency.recommendations.models import SentencingRecommendation

    folder = Path(args["folder"])
    if args.get("pause"):
        original = services.access.can_edit

        def can_edit(user, rec):
            (folder / f"inside-{args['name']}").touch()
            deadline = time.monotonic() + 30
            while not (folder / "go").exists():
                if time.monotonic() > deadline:
                    raise SystemExit("never released")
                time.sleep(0.02)
            return original(user, rec)

        services.access.can_edit = can_edit
    rec = SentencingRecommendation.objects.get(pk=args["rec"])
    (folder / f"attempt-{args['name']}").touch()
    try:
        saved = services.do_update_draft(
            rec,
            acting_user=User.objects.get(pk=args["user"]),
            version=args["version"],
            values={},
            note=args["note"],
        )
    except DomainError as error:
        print(f"CONFLICT {error.field} {error.message}", flush=True)
    else:
        print(f"SAVED {saved.version}", flush=True)


SCENARIOS = {"import": corpus_import, "upload": recording_upload, "sign": sign, "edit": edit}


def main() -> None:
    import django

    django.setup()
    scenario, args = sys.argv[1], json.loads(sys.argv[2])
    SCENARIOS[scenario](args)


if __name__ == "__main__":
    main()
