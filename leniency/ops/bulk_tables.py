"""Large tables travel in backups as gzip JSON Lines, not as Django fixtures: the judgment corpus can hold a
million rows, and `loaddata` builds and saves them one object at a time with the whole fixture in memory.
Rows are written in primary-key order in chunks and loaded with bulk_create in batches, in the restore's
transaction; primary-key sequences are reset afterwards (PostgreSQL). Only tables without encrypted fields
belong here: their values are written as the database holds them.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

from django.apps import apps
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection

STREAMED = ["corpus.judgment"]
TABLES_DIR = "tables"
BATCH = 2000


def _model(label: str):
    return apps.get_model(label)


def _columns(model) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields]


def dump(into: Path) -> dict[str, str]:
    """Write each streamed table to into/<label>.jsonl.gz; return {file name: SHA-256}."""
    into.mkdir(parents=True, exist_ok=True)
    written = {}
    for label in STREAMED:
        model = _model(label)
        columns = _columns(model)
        path = into / f"{label}.jsonl.gz"
        digest = hashlib.sha256()
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=5) as out:
            rows = model._default_manager.order_by("pk").values_list(*columns).iterator(chunk_size=BATCH)
            for row in rows:
                out.write(
                    json.dumps(
                        dict(zip(columns, row, strict=True)), cls=DjangoJSONEncoder, ensure_ascii=False
                    )
                )
                out.write("\n")
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
        written[path.name] = digest.hexdigest()
    return written


def load(directory: Path, files: dict[str, str]) -> int:
    """Load the streamed tables a backup holds (in the caller's transaction); return the rows loaded."""
    loaded, models = 0, []
    for name in files:
        model = _model(name.removesuffix(".jsonl.gz"))
        models.append(model)
        batch = []
        with gzip.open(directory / name, "rt", encoding="utf-8") as rows:
            for line in rows:
                batch.append(model(**json.loads(line)))
                if len(batch) >= BATCH:
                    model._default_manager.bulk_create(batch)
                    loaded, batch = loaded + len(batch), []
        if batch:
            model._default_manager.bulk_create(batch)
            loaded += len(batch)
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    return loaded
