"""The study on the command line.

leniency study withdrawals --org ORG --from DATE --to DATE --out DIR [--source platform|imported]
leniency study import FILE --org ORG      historical records (XLSX, CSV or JSON Lines; see docs/templates/)
leniency study template DIR               the import template's sample files
"""

import time
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from leniency.accounts.models import Organisation
from leniency.errors import DomainError
from leniency.study.analysis import run_study
from leniency.study.import_format import SAMPLE_ROWS, csv_bytes, xlsx_bytes
from leniency.study.imports import do_import_study_records
from leniency.study.readiness import require_migrated, study_load_hint
from leniency.study.report import write_report
from leniency.study.risk import train_and_save


class Command(BaseCommand):
    help = "Empirical studies of a procuratorate's own data (withdrawals: HTML and PDF report)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="study", required=True)
        w = sub.add_parser("withdrawals", help="the withdrawal study")
        w.add_argument("--org", required=True, help="procuratorate: its name or id")
        w.add_argument("--from", dest="date_from", required=True, type=date.fromisoformat)
        w.add_argument("--to", dest="date_to", required=True, type=date.fromisoformat)
        w.add_argument("--out", required=True, type=Path)
        w.add_argument("--no-model", action="store_true", help="leave out the early-warning model section")
        w.add_argument("--language", default="", help="language of the report (default: the site's, Chinese)")
        w.add_argument(
            "--source",
            choices=["platform", "imported"],
            default="platform",
            help="the platform's own records (default) or the imported historical records",
        )
        i = sub.add_parser("import", help="import historical records for the study (one row per person)")
        i.add_argument("file", type=Path)
        i.add_argument("--org", required=True, help="procuratorate: its name or id")
        t = sub.add_parser("template", help="write the sample files of the study's import template")
        t.add_argument("dir", type=Path)
        r = sub.add_parser("train", help="fit the withdrawal-risk model on a procuratorate and save it")
        r.add_argument("--org", required=True)
        r.add_argument("--from", dest="date_from", type=date.fromisoformat)
        r.add_argument("--to", dest="date_to", type=date.fromisoformat)

    def handle(self, *args, **options):
        translation.activate(options.get("language") or settings.LANGUAGE_CODE)
        if options["study"] == "template":
            out = options["dir"]
            out.mkdir(parents=True, exist_ok=True)
            (out / "study_import_sample.csv").write_bytes(csv_bytes(SAMPLE_ROWS))
            (out / "study_import_sample.xlsx").write_bytes(xlsx_bytes(SAMPLE_ROWS))
            self.stdout.write(f"wrote {out}/study_import_sample.csv and .xlsx")
            return
        require_migrated(load_hint=study_load_hint())
        org = _org(options["org"])
        if options["study"] == "import":
            self.run_import(options["file"], org)
            return
        if options["study"] == "train":
            try:
                model = train_and_save(org, options.get("date_from"), options.get("date_to"))
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
            self.stdout.write(
                f"withdrawal_risk {model['artefact']} published: n={model['n']} withdrawals={model['positives']} "
                f"AUC(cv)={model['auc_cv']:.3f}"
            )
            return

        if options["date_from"] > options["date_to"]:
            raise CommandError("--from is after --to")
        started = time.perf_counter()
        study = run_study(
            org,
            options["date_from"],
            options["date_to"],
            with_model=not options["no_model"],
            source=options["source"],
        )
        html, pdf = write_report(study, options["out"])
        f = study.figures
        self.stdout.write(
            f"{org.name} ({study.source}): {f['persons']} persons, {f['pleaded']} pleaded, {f['withdrawn']} withdrew; "
            f"wrote {html} and {pdf} in {time.perf_counter() - started:.1f} s"
        )

    def run_import(self, file: Path, org: Organisation) -> None:
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"{file}: {error}") from None
        started = time.perf_counter()
        try:
            result = do_import_study_records(org, data=data, file_name=file.name, acting_user=None)
        except DomainError as error:
            raise CommandError(str(error.message)) from None
        for e in result.errors:
            self.stdout.write(f"第 {e.row} 行 {e.column or '—'}（{e.field or 'row'}）：{e.message}")
        s = result.summary()
        self.stdout.write(
            f"{file}: {s['rows']} rows; created {s['created']}, updated {s['updated']}, "
            f"with errors {s['rows_with_errors']} ({time.perf_counter() - started:.1f} s)"
        )
        if result.errors:
            raise CommandError(f"{s['rows_with_errors']} rows not imported")


def _org(value: str) -> Organisation:
    qs = Organisation.objects.filter(kind=Organisation.Kind.PROCURATORATE)
    org = qs.filter(pk=int(value)).first() if value.isdigit() else qs.filter(name=value).first()
    if org is None:
        known = list(qs.values_list("name", flat=True)[:5])
        hint = (
            f"known: {', '.join(known)}"
            if known
            else "the database has no procuratorate yet: run `leniency demo`, or import your records"
        )
        raise CommandError(f"no procuratorate {value!r} ({hint})")
    return org
