"""`leniency report --period 2026-Q3 --out DIR`: write report.html, report.pdf and report.xlsx (its tables), and list
it on the portal."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from leniency.portal.periods import parse_period
from leniency.portal.reports import do_generate_report
from leniency.study.readiness import report_load_hint, require_migrated


class Command(BaseCommand):
    help = "Generate the periodic transparency report (HTML and PDF) for a quarter or a year."

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, help="2026-Q3 or 2026")
        parser.add_argument("--out", required=True, type=Path, help="folder for report.html and report.pdf")

    def handle(self, *args, period, out, **options):
        out = Path(out)
        try:
            code = parse_period(period).code
        except ValueError as error:
            raise CommandError(str(error)) from error
        if code == "all":
            raise CommandError("--period must be a quarter (2026-Q3) or a year (2026)")
        require_migrated(load_hint=report_load_hint())
        report = do_generate_report(code, out_dir=out)
        self.stdout.write(
            self.style.SUCCESS(
                f"report {report.period}: {out / 'report.html'}, {out / 'report.pdf'}, {out / 'report.xlsx'} "
                f"({report.pdf_size} bytes, "
                f"{report.suppressed_cells} cells suppressed)"
            )
        )
