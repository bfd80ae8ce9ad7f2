"""Administrators edit the configurable rules here: policy, access criteria, fee schedules, rubrics,
specialties; each save is audited (leniency/audit/admin_changes.py). Everything that records what happened,
and the workstations and the lawyers' registry (created by audited services), is read-only."""

from django.contrib import admin

from leniency.audit.admin_changes import AuditedAdmin, ReadOnlyAdmin

from .models import (
    AccessCriterion,
    CounselPolicy,
    FeeSchedule,
    LawyerProfile,
    Rubric,
    RubricCriterion,
    Specialty,
    Station,
    TrainingRecord,
)


@admin.register(CounselPolicy)
class CounselPolicyAdmin(AuditedAdmin):
    list_display = (
        "region",
        "effective_from",
        "response_hours_detained",
        "response_hours_at_liberty",
        "workload_cap",
        "early_intervention_hours",
    )


@admin.register(AccessCriterion)
class AccessCriterionAdmin(AuditedAdmin):
    list_display = ("work", "min_severity", "min_years", "requires_duty_accreditation", "active", "citation")


@admin.register(FeeSchedule)
class FeeScheduleAdmin(AuditedAdmin):
    list_display = ("name", "region", "effective_from", "per_case", "per_hour", "max_multiplier")


class RubricCriterionInline(admin.TabularInline):
    model = RubricCriterion
    extra = 0


@admin.register(Rubric)
class RubricAdmin(AuditedAdmin):
    list_display = ("title", "version", "published_on")
    inlines = [RubricCriterionInline]


@admin.register(Specialty)
class SpecialtyAdmin(AuditedAdmin):
    search_fields = ("name",)


@admin.register(Station)
class StationAdmin(ReadOnlyAdmin):
    list_display = ("name", "kind", "host", "centre")


class TrainingInline(admin.TabularInline):
    model = TrainingRecord
    extra = 0
    can_delete = False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(LawyerProfile)
class LawyerProfileAdmin(ReadOnlyAdmin):
    """Registration goes through the service (audited); the admin shows the registry."""

    list_display = ("user", "licence_no", "firm", "region", "duty_accredited", "expert", "available")
    list_filter = ("duty_accredited", "expert", "available", "specialties")
    search_fields = ("user__display_name", "licence_no")
    inlines = [TrainingInline]
