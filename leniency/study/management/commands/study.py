"""`leniency study withdrawals --org ORG --from DATE --to DATE --out DIR`: the withdrawal study as HTML and PDF."""

import time
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from leniency.accounts.models import Organisation
from leniency.study.analysis import run_study
from leniency.study.readiness import require_migrated, study_load_hint
from leniency.study.report import write_report
from leniency.study.risk import artifact_path, train_and_save


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
        r = sub.add_parser("train", help="fit the withdrawal-risk model on a procuratorate and save it")
        r.add_argument("--org", required=True)
        r.add_argument("--from", dest="date_from", type=date.fromisoformat)
        r.add_argument("--to", dest="date_to", type=date.fromisoformat)

    def handle(self, *args, **options):
        translation.activate(options.get("language") or settings.LANGUAGE_CODE)
        require_migrated(load_hint=study_load_hint())
        org = _org(options["org"])
        if options["study"] == "train":
            try:
                model = train_and_save(org, options.get("date_from"), options.get("date_to"))
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
            self.stdout.write(
                f"{artifact_path()}: n={model['n']} withdrawals={model['positives']} "
                f"AUC(cv)={model['auc_cv']:.3f}"
            )
            return

        if options["date_from"] > options["date_to"]:
            raise CommandError("--from is after --to")
        started = time.perf_counter()
        study = run_study(org, options["date_from"], options["date_to"], with_model=not options["no_model"])
        html, pdf = write_report(study, options["out"])
        f = study.figures
        self.stdout.write(
            f"{org.name}: {f['persons']} persons, {f['pleaded']} pleaded, {f['withdrawn']} withdrew; "
            f"wrote {html} and {pdf} in {time.perf_counter() - started:.1f} s"
        )


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
