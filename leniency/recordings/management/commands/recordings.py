from django.core.management.base import BaseCommand, CommandError

from leniency.recordings.services import verify_all


class Command(BaseCommand):
    help = "Recordings tools. `recordings verify` re-hashes every stored recording and names changed or missing files."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args, action, **options):
        checked, problems = verify_all()
        for problem in problems:
            r = problem.recording
            where = (
                f"recording #{r.pk} ({r.get_session_display()}, defendant #{r.defendant_id}, {r.file_name})"
            )
            if problem.kind == "registry":
                self.stderr.write(
                    f"ALTERED  {where}: stored hash {r.sha256} differs from the audit trail's "
                    f"{problem.actual or 'none'}"
                )
            elif problem.kind == "missing":
                self.stderr.write(f"MISSING  {where}: file not found")
            else:
                self.stderr.write(f"CHANGED  {where}: expected {r.sha256}, found {problem.actual}")
        if problems:
            raise CommandError(f"{len(problems)} of {checked} recordings failed verification")
        self.stdout.write(self.style.SUCCESS(f"recordings intact: {checked} files verified"))
