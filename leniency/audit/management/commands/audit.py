from django.core.management.base import BaseCommand, CommandError

from leniency.audit.trail import verify_chain


class Command(BaseCommand):
    help = "Audit trail tools. `audit verify` walks the hash chain and names the first altered, inserted or removed event."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args, action, **options):
        checked, problem = verify_chain()
        if problem is not None:
            raise CommandError(f"audit trail broken after {checked} good events: {problem.message}")
        self.stdout.write(self.style.SUCCESS(f"audit trail intact: {checked} events verified"))
