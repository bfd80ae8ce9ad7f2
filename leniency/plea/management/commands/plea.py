from django.core.management.base import BaseCommand, CommandError

from leniency.audit.ledger import registered_hashes
from leniency.plea.agreements import verify_agreement
from leniency.plea.models import PleaAgreement


class Command(BaseCommand):
    help = (
        "Plea tools. `plea verify` re-hashes every stored plea agreement (具结书), every version, and names "
        "those whose file changed or went missing, and the signatures this invalidates."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args, action, **options):
        registered = registered_hashes("plea.agreement.generated", PleaAgreement._meta.label_lower)
        checked, bad = 0, 0
        for agreement in (
            PleaAgreement.objects.select_related("defendant").order_by("pk").iterator(chunk_size=200)
        ):
            checked += 1
            result = verify_agreement(agreement)
            where = (
                f"agreement #{agreement.pk} (defendant #{agreement.defendant_id}, version {agreement.version}, "
                f"{agreement.file_name})"
            )
            if registered.get(str(agreement.pk)) != agreement.sha256:
                bad += 1
                self.stderr.write(
                    f"ALTERED   {where}: stored hash {agreement.sha256} differs from the audit "
                    f"trail's {registered.get(str(agreement.pk)) or 'none'}"
                )
                continue
            if result.matches:
                continue
            bad += 1
            signers = (
                ", ".join(c.signature.role for c in result.checks if c.signature.status == "valid") or "none"
            )
            if result.missing:
                self.stderr.write(f"MISSING   {where}: file not found; valid signatures affected: {signers}")
            else:
                self.stderr.write(
                    f"TAMPERED  {where}: expected {agreement.sha256}, found {result.stored_sha256}; "
                    f"valid signatures affected: {signers}"
                )
        if bad:
            raise CommandError(f"{bad} of {checked} plea agreements failed verification")
        self.stdout.write(self.style.SUCCESS(f"plea agreements intact: {checked} documents verified"))
