"""ID and phone numbers are stored encrypted; the keys can be rotated (leniency/encryption.py)."""

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import override_settings

from leniency.cases.models import Defendant
from leniency.encryption import _keys

pytestmark = pytest.mark.django_db


def _stored(defendant):
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number, phone FROM cases_defendant WHERE id = %s", [defendant.pk])
        return cursor.fetchone()


@pytest.fixture
def defendant(world):
    world.defendant.phone = "13912345678"
    world.defendant.save(update_fields=["phone"])
    return world.defendant


def test_the_database_holds_ciphertext_and_the_model_reads_plain_text(defendant):
    id_stored, phone_stored = _stored(defendant)
    assert id_stored.startswith("enc1:") and "110101199005010012" not in id_stored
    assert phone_stored.startswith("enc1:") and "13912345678" not in phone_stored
    fresh = Defendant.objects.get(pk=defendant.pk)
    assert (fresh.id_number, fresh.phone) == ("110101199005010012", "13912345678")


def test_rotation_re_encrypts_with_the_new_key_and_the_old_key_can_then_go(defendant, settings):
    old_key = settings.DATA_KEYS
    new_key = Fernet.generate_key().decode()
    before = _stored(defendant)
    _keys.cache_clear()
    with override_settings(DATA_KEYS=f"{new_key},{old_key}"):
        call_command("data_keys", "rotate")
        after = _stored(defendant)
    assert after[0] != before[0]
    _keys.cache_clear()
    with override_settings(DATA_KEYS=new_key):  # the old key is gone; everything still reads
        assert Defendant.objects.get(pk=defendant.pk).phone == "13912345678"
        call_command("data_keys", "check")
    _keys.cache_clear()


def test_a_wrong_key_is_a_clear_error_not_garbage(defendant):
    _keys.cache_clear()
    try:
        with override_settings(DATA_KEYS=Fernet.generate_key().decode()):
            with pytest.raises(CommandError, match="cannot be decrypted"):
                call_command("data_keys", "check")
    finally:
        _keys.cache_clear()
