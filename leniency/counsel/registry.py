"""The lawyer registry and the expert database."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from leniency.audit.trail import record
from leniency.errors import DomainError

from . import access
from .models import LawyerProfile, TrainingRecord


def do_register_lawyer(
    user,
    *,
    licence_no: str,
    region,
    criminal_practice_since: date,
    acting_user,
    firm=None,
    specialties=(),
    duty_accredited: bool = False,
    accredited_on: date | None = None,
    expert: bool = False,
    expert_note: str = "",
) -> LawyerProfile:
    access.check_register_lawyer(acting_user, region)
    if not user.is_lawyer:
        raise DomainError(_("%(user)s 不是律师") % {"user": user}, field="user")
    if LawyerProfile.objects.filter(user=user).exists():
        raise DomainError(_("该律师已登记"), field="user")
    if not licence_no.strip() or LawyerProfile.objects.filter(licence_no=licence_no.strip()).exists():
        raise DomainError(_("执业证号为空或已被登记"), field="licence_no")
    with transaction.atomic():
        profile = LawyerProfile.objects.create(
            user=user,
            licence_no=licence_no.strip(),
            region=region,
            firm=firm or user.organisation,
            criminal_practice_since=criminal_practice_since,
            duty_accredited=duty_accredited,
            accredited_on=accredited_on,
            expert=expert,
            expert_note=expert_note,
        )
        profile.specialties.set(specialties)
        record(
            "counsel.lawyer.registered",
            actor=acting_user,
            obj=profile,
            data={
                "lawyer": user.pk,
                "licence_no": profile.licence_no,
                "duty_accredited": duty_accredited,
                "expert": expert,
            },
        )
    return profile


def do_set_availability(
    profile: LawyerProfile, *, available: bool, unavailable_until: date | None, acting_user
) -> LawyerProfile:
    access.check_set_availability(acting_user, profile)
    with transaction.atomic():
        profile.available, profile.unavailable_until = available, unavailable_until
        profile.save(update_fields=["available", "unavailable_until"])
        record(
            "counsel.lawyer.availability_changed",
            actor=acting_user,
            obj=profile,
            data={"lawyer": profile.user_id, "available": available, "unavailable_until": unavailable_until},
        )
    return profile


def do_add_training(
    profile: LawyerProfile, *, title: str, hours, completed_on: date, acting_user, provider: str = ""
) -> TrainingRecord:
    access.check_add_training(acting_user, profile)
    if not title.strip():
        raise DomainError(_("请填写培训名称"), field="title")
    with transaction.atomic():
        training = TrainingRecord.objects.create(
            profile=profile, title=title.strip(), provider=provider, hours=hours, completed_on=completed_on
        )
        record(
            "counsel.lawyer.training_added",
            actor=acting_user,
            obj=training,
            data={"lawyer": profile.user_id, "title": training.title, "hours": hours},
        )
    return training


def search_registry(
    profiles: QuerySet, *, q: str = "", specialty=None, experts_only: bool = False, duty_only: bool = False
) -> QuerySet:
    if q:
        profiles = profiles.filter(
            Q(user__display_name__icontains=q)
            | Q(licence_no__icontains=q)
            | Q(firm__name__icontains=q)
            | Q(expert_note__icontains=q)
        )
    if specialty is not None:
        profiles = profiles.filter(specialties=specialty)
    if experts_only:
        profiles = profiles.filter(expert=True)
    if duty_only:
        profiles = profiles.filter(duty_accredited=True)
    return profiles.select_related("user", "firm", "region").prefetch_related("specialties").distinct()
