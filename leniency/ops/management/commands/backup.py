"""`leniency backup --out FILE.tar.gz [--portable]`: database (pg_dump -Fc on PostgreSQL), files and a manifest of
their hashes (leniency/ops/backup.py)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from leniency import clock
from leniency.ops.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database, MEDIA_ROOT and the object store (recordings, agreements, documents) into one .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument(
            "--out", type=Path, default=None, help="default: var/backups/leniency-<time>.tar.gz"
        )
        parser.add_argument(
            "--portable",
            action="store_true",
            help="on PostgreSQL too, the database as JSON fixtures (to restore on SQLite); slower",
        )

    def handle(self, *args, out, portable, **options):
        if out is None:
            out = Path(settings.VAR_DIR) / "backups" / f"leniency-{clock.now():%Y%m%dT%H%M%S}.tar.gz"
        out.parent.mkdir(parents=True, exist_ok=True)
        try:
            manifest = create_backup(out, portable=portable)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["counts"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"{out}: {rows} rows ({manifest['database_format']}), {len(manifest['files'])} files, "
                f"{len(manifest['objects'])} objects from the object store, "
                f"audit chain up to #{manifest['audit']['last_seq']}"
            )
        )
