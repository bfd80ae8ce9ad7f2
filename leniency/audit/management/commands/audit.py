import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from leniency.audit import checkpoints
from leniency.audit.keys import new_key
from leniency.audit.verification import verify_trail


class Command(BaseCommand):
    help = (
        "Audit trail tools. `audit verify` checks every event's seal and link, then the checkpoint outside the "
        "database (and any --head an outside party kept), names the first bad event and says what it trusted; "
        "`audit checkpoint` writes the checkpoint file now; `audit head` prints the signed head; "
        "`audit new-key ID` prints a new key for LENIENCY_AUDIT_KEYS."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify", "checkpoint", "head", "new-key"])
        parser.add_argument("key_id", nargs="?", help="new-key: the id of the new key (e.g. 2027a)")
        parser.add_argument(
            "--checkpoint",
            type=Path,
            help="verify against this checkpoint file instead of AUDIT_CHECKPOINT_FILE",
        )
        parser.add_argument(
            "--head", type=Path, action="append", default=[], help="a head kept from GET /api/audit/head"
        )

    def handle(self, *args, action, key_id=None, checkpoint=None, head=(), **options):
        if action == "new-key":
            if not key_id:
                raise CommandError("audit new-key needs a key id, e.g. `leniency audit new-key 2027a`")
            self.stdout.write(new_key(key_id))
        elif action == "head":
            signed = checkpoints.head()
            self.stdout.write(json.dumps(signed.as_dict() if signed else None))
        elif action == "checkpoint":
            self._checkpoint()
        else:
            self._verify(checkpoint, head)

    def _checkpoint(self):
        path = settings.AUDIT_CHECKPOINT_FILE
        if not path:
            raise CommandError("AUDIT_CHECKPOINT_FILE is not set")
        signed = checkpoints.head()
        if signed is None:
            self.stdout.write("the audit trail is empty: no checkpoint written")
            return
        written = checkpoints.write(signed, Path(path))
        self.stdout.write(
            f"checkpoint {path}: " + (f"#{signed.seq}" if written else "already at or past this head")
        )

    def _verify(self, checkpoint, heads):
        report = verify_trail(checkpoint_file=checkpoint, heads=list(heads))
        for line in report.trusted:
            self.stdout.write(f"trusted: {line}")
        for line in report.warnings:
            self.stdout.write(self.style.WARNING(f"warning: {line}"))
        if not report.ok:
            raise CommandError("\n".join(report.problems))
        self.stdout.write(self.style.SUCCESS(f"audit trail intact: {report.walk.checked} events verified"))
