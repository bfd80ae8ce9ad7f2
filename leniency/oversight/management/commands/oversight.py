from django.core.management.base import BaseCommand

from leniency import clock
from leniency.oversight.committee import overdue_corrections
from leniency.oversight.reports import escalate_overdue


class Command(BaseCommand):
    help = (
        "Oversight tools. `oversight escalate` hands every public report not answered in time to the review "
        "committee; `oversight overdue` lists ordered corrections past their due date."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["escalate", "overdue"])

    def handle(self, *args, action, **options):
        if action == "escalate":
            petitions = escalate_overdue()
            for p in petitions:
                self.stdout.write(
                    f"escalated report #{p.report_id} (due {p.report.due_on}) -> petition #{p.pk}, "
                    f"{p.committee}"
                )
            self.stdout.write(self.style.SUCCESS(f"{len(petitions)} overdue reports escalated"))
            return
        rows = list(overdue_corrections(clock.today()))
        for c in rows:
            self.stdout.write(
                f"correction #{c.pk} due {c.due_on} · {c.responsible} · petition "
                f"#{c.decision.petition_id}: {c.description[:60]}"
            )
        self.stdout.write(f"{len(rows)} overdue corrections")
