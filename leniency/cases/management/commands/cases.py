"""`leniency cases import|template`: intake data on the command line.

    leniency cases import FILE --org ORG [--user USERNAME]
    leniency cases template DIR

`import` reads a JSON Lines or XLSX export (see docs/templates/ and the page /cases/import/template/) into the
intake of the procuratorate ORG (its name or id), as its case-management officer USERNAME (by default the
only active one it has). Every row passes the intake's validation and services; rows left out are printed
with their row number and column, and the command exits non-zero when there are any. Importing a file again
updates the cases it registered and never registers them twice.

`template` writes the sample files case_import_sample.jsonl and case_import_sample.xlsx into DIR.
"""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from leniency.accounts.capabilities import roles_with
from leniency.accounts.models import Organisation, User
from leniency.cases.import_format import SAMPLE_ROWS, jsonl_bytes, xlsx_bytes
from leniency.cases.imports import do_import_cases
from leniency.errors import DomainError, Forbidden


class Command(BaseCommand):
    help = "Intake data: import a JSON Lines or XLSX export, write the import template's samples."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="import intake data (one row per defendant)")
        imp.add_argument("file")
        imp.add_argument("--org", required=True, help="the receiving procuratorate: its name or id")
        imp.add_argument("--user", help="the case-management officer importing (default: the only one)")
        tpl = sub.add_parser("template", help="write the sample files of the import template")
        tpl.add_argument("dir")

    def handle(self, *args, action, **options):
        return getattr(self, f"run_{action}")(**options)

    def run_template(self, *, dir, **_):
        out = Path(dir)
        out.mkdir(parents=True, exist_ok=True)
        (out / "case_import_sample.jsonl").write_bytes(jsonl_bytes(SAMPLE_ROWS))
        (out / "case_import_sample.xlsx").write_bytes(xlsx_bytes(SAMPLE_ROWS))
        self.stdout.write(f"wrote {out}/case_import_sample.jsonl and .xlsx")

    def _organisation(self, org: str) -> Organisation:
        found = (
            Organisation.objects.filter(pk=int(org))
            if org.isdigit()
            else Organisation.objects.filter(name=org)
        )
        procuratorate = found.filter(kind=Organisation.Kind.PROCURATORATE).first()
        if procuratorate is None:
            raise CommandError(f"没有名为“{org}”的人民检察院 (no procuratorate named or numbered {org!r})")
        return procuratorate

    def _user(self, procuratorate: Organisation, username: str | None) -> User:
        officers = User.objects.filter(
            organisation=procuratorate, role__in=roles_with("register_cases"), is_active=True
        )
        if username:
            user = User.objects.filter(username=username, is_active=True).first()
            if user is None:
                raise CommandError(f"no active user {username!r}")
            return user
        if officers.count() != 1:
            raise CommandError(
                f"{procuratorate.name} has {officers.count()} case-management officers: name one with --user"
            )
        return officers.get()

    def run_import(self, *, file, org, user, **_):
        procuratorate = self._organisation(org)
        acting_user = self._user(procuratorate, user)
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(f"{file}: {error}") from None
        started = time.perf_counter()
        try:
            result = do_import_cases(
                procuratorate, data=data, file_name=Path(file).name, acting_user=acting_user
            )
        except (DomainError, Forbidden) as error:
            raise CommandError(str(error.message)) from None
        took = time.perf_counter() - started
        for e in result.errors:
            self.stdout.write(f"第 {e.row} 行 {e.column or '—'}（{e.field or 'row'}）：{e.message}")
        s = result.summary()
        self.stdout.write(
            f"{file}: {s['rows']} 行 (rows {s['rows']}), imported {s['rows_imported']}, "
            f"with errors {s['rows_with_errors']}; cases created {s['cases_created']}, updated "
            f"{s['cases_updated']}; defendants created {s['defendants_created']}, updated "
            f"{s['defendants_updated']}, unchanged {s['defendants_unchanged']} ({took:.1f} s, as {acting_user.username})"
        )
        if result.errors:
            raise CommandError(f"{s['rows_with_errors']} rows not imported")
