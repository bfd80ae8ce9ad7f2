"""The app's English catalogue is complete and used."""

from pathlib import Path

from babel.messages.pofile import read_po

PO = Path(__file__).resolve().parent.parent / "locale" / "en" / "LC_MESSAGES" / "django.po"


def test_every_message_has_an_english_translation():
    catalog = read_po(PO.open("rb"))
    missing = [m.id for m in catalog if m.id and not m.string]
    fuzzy = [m.id for m in catalog if m.id and "fuzzy" in m.flags]
    assert missing == [] and fuzzy == []
    assert len(catalog) > 300


def test_pages_switch_to_english(client, cw):
    client.force_login(cw.officer)
    client.cookies["django_language"] = "en"
    page = client.get("/counsel/centre/").content.decode()
    assert "Duty-lawyer figures" in page and "Participation rate" in page
