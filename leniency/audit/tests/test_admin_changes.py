"""Saves in the admin are audited (a user's role, the fee schedule, the access criteria), and what services
record is read-only there."""

from decimal import Decimal

import pytest
from django.apps import apps as django_apps
from django.urls import reverse

from leniency.accounts.models import Role
from leniency.audit.models import AuditEvent
from leniency.counsel.defaults import install_defaults
from leniency.counsel.models import AccessCriterion, FeeSchedule, LawyerProfile, Station


@pytest.fixture
def admin_client(client, world):
    install_defaults(django_apps)
    client.force_login(world.admin)
    return client


def _form(client, url, **changes):
    """What the admin's change page would post back, with `changes`."""
    form = client.get(url).context["adminform"].form
    values = {}
    for name, field in form.fields.items():
        value = form[name].value()
        widgets = getattr(field.widget, "widgets", None)
        if widgets:  # a date and a time
            parts = field.widget.decompress(value)
            for n, (widget, part) in enumerate(zip(widgets, parts, strict=True)):
                values[f"{name}_{n}"] = widget.format_value(part) or ""
        elif isinstance(value, list):
            values[name] = [str(v) for v in value]
        elif isinstance(value, bool):
            if value:
                values[name] = "on"
        elif value is not None:
            values[name] = value
    values.update(changes)
    return values


def test_a_role_changed_in_the_admin_is_recorded_with_before_and_after(admin_client, world):
    user = world.prosecutor
    url = reverse("admin:accounts_user_change", args=[user.pk])
    response = admin_client.post(url, _form(admin_client, url, role=Role.JUDGE, organisation=world.court.pk))
    assert response.status_code == 302, response.content.decode()[:2000]
    user.refresh_from_db()
    assert user.role == Role.JUDGE
    event = AuditEvent.objects.get(action="admin.accounts.user.changed")
    assert event.actor == world.admin and event.object_id == str(user.pk)
    assert event.data["changes"]["role"] == [Role.PROSECUTOR, Role.JUDGE]
    assert event.data["changes"]["organisation"] == [world.procuratorate.pk, world.court.pk]
    assert "password" not in event.data["changes"]


def test_a_save_without_changes_records_nothing(admin_client, world):
    user = world.prosecutor
    url = reverse("admin:accounts_user_change", args=[user.pk])
    admin_client.post(url, _form(admin_client, url))  # the first save drops date_joined's microseconds
    before = AuditEvent.objects.count()
    response = admin_client.post(url, _form(admin_client, url))
    assert response.status_code == 302
    assert AuditEvent.objects.count() == before, AuditEvent.objects.last().data


def test_fee_schedule_and_access_criterion_changes_are_recorded(admin_client, world):
    fee = FeeSchedule.objects.get()
    url = reverse("admin:counsel_feeschedule_change", args=[fee.pk])
    response = admin_client.post(url, _form(admin_client, url, per_case="999.00"))
    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.get(action="admin.counsel.feeschedule.changed")
    assert event.data["changes"]["per_case"][1] == "999.00"
    assert Decimal(event.data["changes"]["per_case"][0]) != Decimal("999.00")

    criterion = AccessCriterion.objects.filter(min_years=3).get()
    response = admin_client.post(
        reverse("admin:counsel_accesscriterion_delete", args=[criterion.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    deleted = AuditEvent.objects.get(action="admin.counsel.accesscriterion.deleted")
    assert deleted.object_id == str(criterion.pk) and deleted.data["changes"]["min_years"] == [3, None]


def test_records_of_services_are_read_only_in_the_admin(admin_client, world):
    profile = world.lawyer.lawyer_profile  # registered by the centre (counsel.registry.do_register_lawyer)
    url = reverse("admin:counsel_lawyerprofile_change", args=[profile.pk])
    assert admin_client.get(url).status_code == 200  # shown
    assert admin_client.post(url, {"licence_no": "x"}).status_code == 403
    assert LawyerProfile.objects.get(pk=profile.pk).licence_no == profile.licence_no != "x"
    assert admin_client.get(reverse("admin:counsel_lawyerprofile_add")).status_code == 403
    assert admin_client.get(reverse("admin:counsel_station_add")).status_code == 403
    event = AuditEvent.objects.order_by("-seq").first()
    assert (
        admin_client.post(
            reverse("admin:audit_auditevent_delete", args=[event.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    assert AuditEvent.objects.filter(pk=event.pk).exists()
    assert list(Station.objects.all()) == [
        world.station
    ]  # the world's (do_create_station); the admin added none
