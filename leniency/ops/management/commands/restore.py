"""`leniency restore FILE.tar.gz [--replace]`: restore a backup and prove it (hashes, counts, audit chain)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from leniency.ops.backup import PG_DUMP, BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `leniency backup` into a freshly migrated database "
        "(or --replace to delete the data already there)."
    )

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
        if report.replaced_seeded_rows:
            self.stdout.write(
                f"a freshly migrated database: its {report.replaced_seeded_rows} seeded default rows were "
                "replaced by the backup's"
            )
        if report.checkpoint_set_aside:
            self.stdout.write(
                f"the audit checkpoint of the data replaced was moved to {report.checkpoint_set_aside} "
                "(`leniency audit verify --checkpoint` it to see which events the restore lost)"
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"restored {report.rows} rows, {report.files} files and {report.objects} objects; audit chain verified "
                f"({report.audit_events} events)"
            )
        )
        if report.database_format == PG_DUMP:
            self.stdout.write(
                "restored with pg_restore; not restored: sessions (everyone logs in again), the caches "
                "(their tables are there, empty)"
            )
        else:
            self.stdout.write(
                "not restored: sessions (everyone logs in again), the admin log, the caches; "
                "run `leniency createcachetable` if this database is new"
            )
