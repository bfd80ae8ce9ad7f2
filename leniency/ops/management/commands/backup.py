"""`leniency backup --out FILE.tar.gz`: database, files and a manifest of their hashes (leniency/ops/backup.py)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from leniency.ops.backup import create_backup


class Command(BaseCommand):
    help = "Back up the database and MEDIA_ROOT (recordings, agreements, documents) into one .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument(
            "--out", type=Path, default=None, help="default: var/backups/leniency-<time>.tar.gz"
        )

    def handle(self, *args, out, **options):
        if out is None:
            out = Path(settings.VAR_DIR) / "backups" / f"leniency-{timezone.now():%Y%m%dT%H%M%S}.tar.gz"
        out.parent.mkdir(parents=True, exist_ok=True)
        manifest = create_backup(out)
        rows = sum(manifest["counts"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"{out}: {rows} rows, {len(manifest['files'])} files, audit chain up to #{manifest['audit']['last_seq']}"
            )
        )
