"""`leniency restore FILE.tar.gz [--replace]`: restore a backup and prove it (hashes, counts, audit chain)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from leniency.ops.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore a backup made by `leniency backup` into a migrated, empty database (or --replace)."

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path)
        parser.add_argument("--replace", action="store_true", help="delete the current data first")

    def handle(self, *args, source, replace, **options):
        try:
            report = restore_backup(source, replace=replace)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if report.problems:
            raise CommandError("restored, but the checks failed:\n" + "\n".join(report.problems))
        self.stdout.write(
            self.style.SUCCESS(
                f"restored {report.rows} rows and {report.files} files; audit chain verified ({report.audit_events} events)"
            )
        )
