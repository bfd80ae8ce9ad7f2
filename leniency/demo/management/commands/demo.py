"""`leniency demo`: build the demo province (once) and print who can log in."""

import unicodedata
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from leniency.cases.models import Defendant
from leniency.cases.stages import Procedure, Stage
from leniency.demo.extensions import build_extensions
from leniency.demo.generator import DEFAULT_SEED, DemoError, DemoSummary, build_demo
from leniency.demo.personas import DEMO_PASSWORD

URL = "http://127.0.0.1:8000/"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows
    )


class Command(BaseCommand):
    help = "Build the demo data (a province, personas for every role, ~2,000 defendants with history)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
        parser.add_argument("--defendants", type=int, default=2000)
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            default=None,
            help="the day the demo's history ends (YYYY-MM-DD); default: today",
        )

    def handle(self, *args, seed, defendants, today, **options):
        if defendants < 1:
            raise CommandError("--defendants must be at least 1")
        try:
            summary = build_demo(seed=seed, defendants=defendants, today=today, stdout=self.stdout)
        except DemoError as error:
            raise CommandError(str(error)) from error
        if summary.created:
            self._report(summary)
        else:
            self.stdout.write(_("演示省份已存在，未作更改。"))
        for line in build_extensions(seed=seed, today=summary.today, stdout=self.stdout):
            self.stdout.write(self.style.SUCCESS(line))
        self.stdout.write("")
        self.stdout.write(_("登录账号（密码均为 %(password)s）：") % {"password": DEMO_PASSWORD})
        header = (_("用户名"), _("角色"), _("所属机构"), _("说明"), _("从这里开始"))
        self.stdout.write(table([header, *summary.logins]))
        self.stdout.write("")
        self.stdout.write(_("启动：leniency runserver，然后打开 %(url)s") % {"url": URL})

    def _report(self, s: DemoSummary) -> None:
        self.stdout.write(
            self.style.SUCCESS(
                f"demo built in {s.seconds:.1f} s (seed {s.seed}, history up to {s.today}): {s.organisations} organisations, "
                f"{s.users} users, {s.cases} cases, "
                f"{s.defendants} defendants, {s.assignments} counsel assignments, {s.events} audit events"
            )
        )
        self.stdout.write(_("按主罪名（人）："))
        self.stdout.write(table([(name, str(n)) for name, n in s.by_charge.most_common()]))
        self.stdout.write(_("按诉讼阶段（人）："))
        self.stdout.write(table([(str(Stage(k).label), str(n)) for k, n in s.by_stage.most_common()]))
        self.stdout.write(_("按审理程序（人）："))
        self.stdout.write(
            table(
                [
                    (str(Procedure(k).label) if k in Procedure.values else _("未定"), str(n))
                    for k, n in s.by_procedure.most_common()
                ]
            )
        )
        self.stdout.write(_("按羁押状态（人）："))
        self.stdout.write(
            table([(str(Defendant.Detention(k).label), str(n)) for k, n in s.by_detention.most_common()])
        )
