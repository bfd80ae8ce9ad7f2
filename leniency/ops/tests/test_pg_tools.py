"""Finding PostgreSQL's client tools (pg_dump, pg_restore) of the server's major version for `leniency backup` and
`leniency restore`. No database: these tests sit outside test_backup.py, whose tests all commit for real
(transaction=True), so that they do not flush every table afterwards as each of those does."""

import pytest

from leniency.ops import postgres


def test_a_missing_pg_tool_is_named_with_its_version(tmp_path, monkeypatch):
    monkeypatch.setenv("LENIENCY_PG_BIN", str(tmp_path))  # a folder without the tools
    with pytest.raises(
        postgres.ToolMissing, match=rf"pg_restore of PostgreSQL 15 .* looked at {tmp_path}/pg_restore"
    ):
        postgres.find_tool("pg_restore", 15)
    (tmp_path / "pg_restore").write_text("#!/bin/sh\n")
    (tmp_path / "pg_restore").chmod(0o755)
    assert postgres.find_tool("pg_restore", 15) == str(tmp_path / "pg_restore")


def test_without_the_debian_folder_only_a_tool_of_the_same_major_version_is_taken(monkeypatch):
    monkeypatch.delenv("LENIENCY_PG_BIN", raising=False)
    monkeypatch.setattr(postgres, "DEBIAN_BIN", "/nonexistent/{major}/bin")
    monkeypatch.setattr(postgres.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(postgres, "_version_of", lambda path: 14)
    with pytest.raises(postgres.ToolMissing, match=r"pg_dump on PATH \(it is PostgreSQL 14\)"):
        postgres.find_tool("pg_dump", 15)
    assert postgres.find_tool("pg_dump", 14) == "/usr/bin/pg_dump"
