"""`leniency counsel escalate` and `leniency counsel warnings`: the periodic jobs of the rota and of quality
evaluation (run them from cron, e.g. escalate every 15 minutes, warnings nightly)."""

from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from leniency import clock
from leniency.counsel.quality import do_detect_warnings
from leniency.counsel.rota import do_escalate_overdue


class Command(BaseCommand):
    help = "Escalate allocations past their response target; raise quality early warnings."

    def add_arguments(self, parser):
        parser.add_argument("job", choices=["escalate", "warnings"])
        parser.add_argument("--as-of", default=None, help="ISO date-time to run as (default: now)")

    def handle(self, *args, job, as_of, **options):
        if as_of:
            try:
                moment = datetime.fromisoformat(as_of)
            except ValueError as error:
                raise CommandError(f"--as-of: {error}") from error
            as_of = moment if timezone.is_aware(moment) else timezone.make_aware(moment)
        else:
            as_of = clock.now()
        if job == "escalate":
            escalated = do_escalate_overdue(as_of=as_of)
            self.stdout.write(f"{len(escalated)} allocations missed their target and were escalated")
        else:
            raised = do_detect_warnings(as_of=as_of)
            self.stdout.write(f"{len(raised)} warnings raised")
            for warning in raised:
                self.stdout.write(
                    f"  {warning.lawyer}: {warning.get_kind_display()} {warning.evidence.get('hits')}"
                )
