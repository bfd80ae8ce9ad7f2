"""The English catalogues of the plea and recordings apps are complete and used."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.urls import reverse

APPS = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("app", ["plea", "recordings"])
def test_every_message_has_an_english_translation(app):
    catalog = read_po((APPS / app / "locale" / "en" / "LC_MESSAGES" / "django.po").open("rb"))
    assert [m.id for m in catalog if m.id and not m.string] == []
    assert len(catalog) > 40


def test_plea_pages_switch_to_english(client, world, final_round):
    from .helpers import agreement

    a = agreement(world)
    client.force_login(world.lawyer)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("plea_agreement", args=[a.pk])).content.decode()
    assert "Document check" in page and "The stored file matches the registered hash" in page
    page = client.get(reverse("plea_dossier", args=[world.defendant.pk])).content.decode()
    assert "Plea file" in page and "Agreement version 1 awaiting signatures" in page
