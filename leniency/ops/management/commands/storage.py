"""`leniency storage copy-to-s3 [--from DIR]`: copy the local archive into the configured object store, each object
verified by its SHA-256, skipping those already there (leniency/ops/storage_copy.py)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from leniency.ops.storage_copy import CopyError, copy_to_object_store


class Command(BaseCommand):
    help = (
        "Copy the local file archive (MEDIA_ROOT) into the configured S3-compatible object store, verified."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        copy = sub.add_parser("copy-to-s3", help="copy the local archive into the object store (idempotent)")
        copy.add_argument("--from", dest="source", type=Path, default=None, help="default: MEDIA_ROOT")

    def handle(self, *args, action, source=None, **options):
        source = source or Path(settings.MEDIA_ROOT)
        verbose = options.get("verbosity", 1) > 1
        try:
            result = copy_to_object_store(
                source,
                on_file=(lambda name, outcome: self.stdout.write(f"{outcome}: {name}")) if verbose else None,
            )
        except CopyError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{len(result.copied)} copied ({result.bytes_copied} bytes), {len(result.skipped)} already there, "
            f"{len(result.conflicts)} different in the store"
        )
        if result.conflicts:
            raise CommandError(
                "in the object store with other contents, left alone: " + ", ".join(result.conflicts[:20])
            )
