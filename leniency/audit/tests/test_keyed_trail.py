"""The keyed, anchored trail (issue 20): forgeries that an unkeyed SHA-256 chain let through are caught."""

import hashlib
import json

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from leniency.audit import checkpoints
from leniency.audit.models import AuditEvent, canonical_payload
from leniency.audit.trail import record, verify_chain
from leniency.audit.verification import verify_trail

OLD_KEY = "k2026:" + "o" * 40
NEW_KEY = "k2027:" + "n" * 40


def _events(n, start=0):
    return [
        record(f"test.event.{i}", actor=None, object_type="test", object_id=i, data={"i": i})
        for i in range(start, start + n)
    ]


def _sha256(event) -> str:
    return hashlib.sha256(canonical_payload(event).encode()).hexdigest()


def _append_forged(*, key_id="", hash_with=_sha256, action="recommendation.reviewed"):
    """What someone with write access to the database, and no key, can append."""
    last = AuditEvent.objects.order_by("-seq").first()
    forged = AuditEvent(
        seq=last.seq + 1,
        actor_label="intruder",
        action=action,
        object_type="recommendations.recommendation",
        object_id="1",
        data={"decision": "approved"},
        occurred_at=last.occurred_at,
        prev_hash=last.hash,
        key_id=key_id,
    )
    forged.hash = hash_with(forged)
    forged.save(force_insert=True)
    return forged


def _verify_command():
    call_command("audit", "verify")


@pytest.mark.django_db
def test_events_are_sealed_with_the_current_key_id():
    events = _events(2)
    assert {e.key_id for e in events} == {"dev"}
    assert events[0].hash != _sha256(events[0])  # an HMAC, not the plain hash of the payload
    assert verify_chain() == (2, None)


@pytest.mark.django_db
def test_appended_event_with_recomputed_unkeyed_hash_is_caught():
    _events(3)
    _append_forged(key_id="")
    with pytest.raises(CommandError, match=r"event #4 \(recommendation.reviewed\): not sealed with a key"):
        _verify_command()


@pytest.mark.django_db
def test_appended_event_claiming_the_key_id_without_the_key_is_caught():
    _events(3)
    _append_forged(key_id="dev")
    checked, problem = verify_chain()
    assert (checked, problem.seq, problem.kind) == (3, 4, "altered")


@pytest.mark.django_db
def test_event_sealed_with_a_key_not_held_is_named():
    _events(2)
    _append_forged(key_id="elsewhere")
    with pytest.raises(
        CommandError, match=r"#3 .*key id 'elsewhere', which LENIENCY_AUDIT_KEYS does not hold"
    ):
        _verify_command()


@pytest.mark.django_db
def test_rewritten_and_rehashed_tail_is_caught():
    _events(5)
    prev = AuditEvent.objects.get(seq=2).hash
    for event in AuditEvent.objects.filter(seq__gte=3).order_by("seq"):
        event.data = {"i": "rewritten"}
        event.prev_hash = prev
        event.key_id = ""  # the only seal one can compute without the key
        event.hash = _sha256(event)
        AuditEvent.objects.filter(pk=event.pk).update(
            data=event.data, prev_hash=prev, key_id="", hash=event.hash
        )
        prev = event.hash
    _, problem = verify_chain()
    assert (problem.seq, problem.kind) == (3, "unkeyed")


@pytest.mark.django_db
def test_tail_rewritten_with_a_guessed_key_is_caught():
    _events(4)
    event = AuditEvent.objects.get(seq=4)
    event.data = {"i": "rewritten"}
    with override_settings(AUDIT_KEYS="dev:" + "g" * 40):
        forged = event.compute_hash()
    AuditEvent.objects.filter(pk=event.pk).update(data=event.data, hash=forged)
    _, problem = verify_chain()
    assert (problem.seq, problem.kind) == (4, "altered")


@pytest.mark.django_db
def test_deleting_the_newest_events_is_caught_against_the_checkpoint(tmp_path):
    checkpoint = tmp_path / "checkpoint.json"
    with override_settings(AUDIT_CHECKPOINT_FILE=checkpoint):
        _events(5)
        call_command("audit", "checkpoint")
        assert json.loads(checkpoint.read_text())["seq"] == 5
        _verify_command()  # intact against its checkpoint
        AuditEvent.objects.filter(seq__gte=4).delete()
        assert verify_chain() == (3, None)  # the chain that is left is whole: only the checkpoint shows it
        with pytest.raises(CommandError, match=r"newest events were deleted.*#4–#5 are gone"):
            _verify_command()


@pytest.mark.django_db
def test_replacing_the_newest_events_is_caught_against_the_checkpoint(tmp_path):
    """Deleted, then as many new events appended by the application: the numbers match, the seals do not."""
    checkpoint = tmp_path / "checkpoint.json"
    _events(4)
    checkpoints.write(checkpoints.head(), checkpoint)
    AuditEvent.objects.filter(seq__gte=3).delete()
    _events(2, start=10)
    report = verify_trail(checkpoint_file=checkpoint)
    assert not report.ok
    assert "event #4 is not the one the checkpoint" in report.problems[0]


@pytest.mark.django_db
def test_checkpoint_file_follows_each_commit(tmp_path, django_capture_on_commit_callbacks):
    checkpoint = tmp_path / "audit" / "checkpoint.json"
    with override_settings(AUDIT_CHECKPOINT_FILE=checkpoint, AUDIT_CHECKPOINT_INTERVAL=0):
        with django_capture_on_commit_callbacks(execute=True):
            _events(3)
        assert checkpoints.read(checkpoint).seq == 3
        with (
            override_settings(AUDIT_CHECKPOINT_INTERVAL=3600),
            django_capture_on_commit_callbacks(execute=True),
        ):
            _events(1)  # within the interval of the last write: not written now
        assert checkpoints.read(checkpoint).seq == 3
        older = checkpoints.take(1, AuditEvent.objects.get(seq=1).hash)
        assert checkpoints.write(older, checkpoint) is False  # never moves backwards
        assert checkpoints.read(checkpoint).seq == 3


@pytest.mark.django_db
def test_forged_checkpoint_is_refused(tmp_path):
    _events(2)
    checkpoint = tmp_path / "checkpoint.json"
    signed = checkpoints.head().as_dict()
    checkpoint.write_text(json.dumps({**signed, "seq": 1, "hash": AuditEvent.objects.get(seq=1).hash}))
    report = verify_trail(checkpoint_file=checkpoint)
    assert report.problems == [
        f"checkpoint {checkpoint} (#1, {signed['at']}) is not sealed by a key held (key id 'dev'): forged or damaged"
    ]


@pytest.mark.django_db
def test_head_kept_by_an_outside_party_catches_deletion(tmp_path):
    _events(3)
    kept = tmp_path / "head.json"
    kept.write_text(json.dumps(checkpoints.head().as_dict()))
    call_command("audit", "verify", "--head", str(kept))
    AuditEvent.objects.filter(seq=3).delete()
    with pytest.raises(CommandError, match=r"head kept .* holds event #3, the trail ends at #2"):
        call_command("audit", "verify", "--head", str(kept))


@pytest.mark.django_db
def test_verify_names_what_it_trusted(tmp_path, capsys):
    _events(2)
    checkpoint = tmp_path / "checkpoint.json"
    checkpoints.write(checkpoints.head(), checkpoint)
    call_command("audit", "verify", "--checkpoint", str(checkpoint))
    out = capsys.readouterr().out
    assert "keys held (LENIENCY_AUDIT_KEYS): dev; seals checked with: dev (2 events)" in out
    assert f"checkpoint {checkpoint} of " in out and "event #2 matches (key id dev)" in out


@pytest.mark.django_db
def test_keys_rotate_old_events_verify_with_the_old_key():
    with override_settings(AUDIT_KEYS=OLD_KEY):
        _events(2)
    with override_settings(AUDIT_KEYS=f"{NEW_KEY},{OLD_KEY}"):
        _events(2, start=2)
        assert verify_chain() == (4, None)
        assert list(AuditEvent.objects.values_list("key_id", flat=True)) == ["k2026"] * 2 + ["k2027"] * 2
    with override_settings(AUDIT_KEYS=NEW_KEY):
        _, problem = verify_chain()
        assert (problem.seq, problem.kind) == (1, "unknown_key")


def _legacy_events(n):
    """Events as the unkeyed trail wrote them before migration 0004."""
    prev = "0" * 64
    for seq in range(1, n + 1):
        event = AuditEvent(
            seq=seq,
            actor_label="system",
            action="test.legacy",
            object_type="t",
            object_id=str(seq),
            data={"seq": seq},
            occurred_at="2026-01-01T00:00:00+00:00",
            prev_hash=prev,
        )
        event.occurred_at = AuditEvent._meta.get_field("occurred_at").to_python(event.occurred_at)
        event.hash = _sha256(event)
        event.save(force_insert=True)
        prev = event.hash


def _run_anchor_migration():
    migration = __import__("leniency.audit.migrations.0004_event_key_id", fromlist=["anchor_legacy_events"])
    migration.anchor_legacy_events(apps, None)


@pytest.mark.django_db
def test_legacy_events_are_anchored_by_the_migration_and_reported():
    _legacy_events(3)
    _run_anchor_migration()
    anchor = AuditEvent.objects.get(seq=4)
    assert (anchor.action, anchor.key_id, anchor.data["legacy_events"]) == ("audit.trail.keyed", "dev", 3)
    report = verify_trail()
    assert report.ok
    assert report.warnings[0].startswith(
        "3 legacy unkeyed events before #4: written before the trail was keyed, anchored by the keyed event #4"
    )


@pytest.mark.django_db
def test_rewriting_the_legacy_prefix_breaks_the_anchor():
    _legacy_events(3)
    _run_anchor_migration()
    prev = "0" * 64
    for event in AuditEvent.objects.filter(seq__lte=3).order_by("seq"):
        event.data, event.prev_hash = {"seq": "rewritten"}, prev
        event.hash = _sha256(event)
        AuditEvent.objects.filter(pk=event.pk).update(data=event.data, prev_hash=prev, hash=event.hash)
        prev = event.hash
    _, problem = verify_chain()
    assert (problem.seq, problem.kind) == (4, "broken_link")


@pytest.mark.django_db
def test_api_head_is_signed_and_kept_heads_verify(client, tmp_path):
    from leniency.accounts.models import Role, User

    _events(2)
    auditor = User.objects.create_user("watcher", password="x-very-long-password", role=Role.AUDITOR)
    client.force_login(auditor)
    response = client.get("/api/audit/head")
    assert response.status_code == 200
    body = response.json()
    assert (body["seq"], body["hash"], body["key_id"]) == (2, AuditEvent.objects.get(seq=2).hash, "dev")
    assert checkpoints.parse(body).seal_is_valid()
    kept = tmp_path / "head.json"
    kept.write_text(response.content.decode())
    assert verify_trail(heads=[kept]).ok


@pytest.mark.django_db
def test_a_creation_event_inserted_without_the_key_registers_no_hash():
    from leniency.audit.ledger import registered_hashes

    kind = "recordings.recording"
    record("recordings.recording.added", actor=None, object_type=kind, object_id=1, data={"sha256": "a" * 64})
    for object_id, key_id in (("2", ""), ("3", "dev")):  # unkeyed, and claiming the key without holding it
        last = AuditEvent.objects.order_by("-seq").first()
        forged = AuditEvent(
            seq=last.seq + 1,
            actor_label="intruder",
            action="recordings.recording.added",
            object_type=kind,
            object_id=object_id,
            data={"sha256": "b" * 64},
            occurred_at=last.occurred_at,
            prev_hash=last.hash,
            key_id=key_id,
        )
        forged.hash = _sha256(forged)
        forged.save(force_insert=True)
    assert registered_hashes("recordings.recording.added", kind) == {"1": "a" * 64}


@pytest.mark.django_db
def test_a_transaction_of_many_events_writes_the_checkpoint_once_at_its_newest(
    tmp_path, django_capture_on_commit_callbacks, monkeypatch
):
    checkpoint = tmp_path / "audit" / "checkpoint.json"
    writes = []
    monkeypatch.setattr(checkpoints, "write", lambda cp, path: writes.append(cp.seq))
    with override_settings(AUDIT_CHECKPOINT_FILE=checkpoint, AUDIT_CHECKPOINT_INTERVAL=0):
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            _events(50)
        assert writes == [50] and len(callbacks) == 1  # one write, of the newest event (was one per event)
        with django_capture_on_commit_callbacks(execute=True):
            _events(2, start=50)
        assert writes == [50, 52]  # the next transaction writes again
