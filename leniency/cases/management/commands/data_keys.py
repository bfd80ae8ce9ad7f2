"""`leniency data_keys new|rotate|check`: manage the keys that encrypt personal data at rest.

Rotation reads every encrypted value (any key in LENIENCY_DATA_KEYS decrypts it) and saves it again,
which encrypts it with the first key. See leniency/encryption.py for the whole procedure.
"""

from cryptography.fernet import Fernet
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from leniency.encryption import EncryptedCharField


def encrypted_fields():
    for model in apps.get_models():
        names = [f.name for f in model._meta.get_fields() if isinstance(f, EncryptedCharField)]
        if names:
            yield model, names


class Command(BaseCommand):
    help = "new: print a fresh key; rotate: re-encrypt every value with the first key; check: decrypt every value."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["new", "rotate", "check"])

    def handle(self, *args, action, **options):
        if action == "new":
            self.stdout.write(Fernet.generate_key().decode())
            return
        total = 0
        try:
            for model, names in encrypted_fields():
                with transaction.atomic():
                    for obj in model.objects.only("pk", *names).iterator():
                        filled = [n for n in names if getattr(obj, n)]
                        if filled and action == "rotate":
                            obj.save(update_fields=filled)
                        total += len(filled)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"{total} values {'re-encrypted' if action == 'rotate' else 'decrypted'}")
        )
