"""Is the database ready for a command that reads it? A command run on a database that was never migrated (or
only partly) says what to run first, instead of dying with "no such table"."""

from __future__ import annotations

from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import gettext as _


def unapplied_migrations(database: str = DEFAULT_DB_ALIAS) -> list[str]:
    """The migrations not yet applied to the database ("app.0001_initial"), in the order they would run."""
    connection = connections[database]
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{m.app_label}.{m.name}" for m, backwards in plan if not backwards]


def require_migrated(*, load_hint: str, database: str = DEFAULT_DB_ALIAS) -> None:
    """Raise a CommandError naming `leniency migrate` (and how to load data) when migrations are missing."""
    missing = unapplied_migrations(database)
    if not missing:
        return
    shown = "、".join(missing[:3]) + ("……" if len(missing) > 3 else "")
    raise CommandError(
        _("数据库尚未准备好：有%(n)s个迁移未执行（%(shown)s）。请先运行 `leniency migrate`，再%(load)s。")
        % {"n": len(missing), "shown": shown, "load": load_hint}
    )


def study_load_hint() -> str:
    return _("用 `leniency demo` 生成演示数据，或导入本院的历史案件记录")


def report_load_hint() -> str:
    return _("用 `leniency demo` 生成演示数据，或录入、导入案件和裁判文书（`leniency corpus import`）")
