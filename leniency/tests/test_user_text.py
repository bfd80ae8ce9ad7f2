"""Interface text carries no developer markers: no emoji confidence marks (❌ renders as a box without an emoji
font), no reference to the project's own notes (FACTS.md), no English engineering remarks (issue 17 item 9)."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = sorted(ROOT.glob("**/locale/en/LC_MESSAGES/django.po"))
MARKERS = ("❌", "✅", "⚠️", "FACTS.md", "engineering", "记忆所得")


def test_there_are_catalogues_to_check():
    assert len(CATALOGUES) >= 5


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_message_carries_a_developer_marker(path):
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    found = [
        (str(message.id), marker)
        for message in catalogue
        if message.id
        for text in ([message.id] if isinstance(message.id, str) else message.id)
        for marker in MARKERS
        if marker in text
    ]
    assert not found


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_translation_keeps_its_placeholders(path):
    """Babel's checks (what `msgfmt -c` checks): a python-format message keeps its placeholders and a %% stays
    %%; a translation that breaks them is silently replaced by the Chinese at run time."""
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    broken = [(str(message.id), [str(e) for e in errors]) for message, errors in catalogue.check()]
    assert not broken
