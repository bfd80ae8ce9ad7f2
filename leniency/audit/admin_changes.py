"""Admin pages that write an audit event for every add, change and delete.

The admin is where administrators set the rules (fee schedules, access criteria, the rota policy, the
rubric, the charges) and people's roles and organisations. Those saves change what the platform lets
someone do or pays them, so each writes `admin.<app>.<model>.added|changed|deleted` to the trail, with the
fields' values before and after, in the admin's own transaction (Django runs every add, change and delete
view in one). What records what happened in a case or a lawyer's work is changed only by its services and
is read-only in the admin (ReadOnlyAdmin).
"""

from __future__ import annotations

import hashlib

from django.contrib import admin
from django.db import models

from .trail import record

# Never written to the trail: a password's hash (a change is recorded as changed, not what it became) and
# the last login (not a change anyone made).
HIDDEN = frozenset({"password"})
IGNORED = frozenset({"last_login"})


def snapshot(obj: models.Model) -> dict:
    """The fields an administrator can change, as stored (foreign keys and many-to-many as ids)."""
    values = {}
    for field in obj._meta.concrete_fields:
        if field.primary_key or field.name in IGNORED:
            continue
        value = field.value_from_object(obj)
        if field.name in HIDDEN:  # compared, never written: see _changes
            value = hashlib.sha256(str(value).encode()).hexdigest()
        values[field.name] = value
    if obj.pk is not None:
        for field in obj._meta.many_to_many:
            values[field.name] = sorted(getattr(obj, field.name).values_list("pk", flat=True))
    return values


def _changes(before: dict, after: dict) -> dict:
    changed = {}
    for name in after.keys() | before.keys():
        old, new = before.get(name), after.get(name)
        if old != new:
            changed[name] = ["…", "changed"] if name in HIDDEN else [old, new]
    return changed


def _action(obj, verb: str) -> str:
    return f"admin.{obj._meta.label_lower}.{verb}"


class AuditedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose saves and deletes each write an audit event (mix it in before another admin class,
    e.g. `class UserAdmin(AuditedAdmin, BaseUserAdmin)`)."""

    def save_model(self, request, obj, form, change):
        stored = type(obj)._default_manager.filter(pk=obj.pk).first() if change else None
        request._audit_before = snapshot(stored) if stored is not None else {}
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        # Many-to-many fields (a user's groups and permissions) and inlines are saved here, after save_model.
        super().save_related(request, form, formsets, change)
        obj = form.instance
        before = getattr(request, "_audit_before", {})
        changes = _changes(before, snapshot(obj))
        inlines = [
            formset.model._meta.label_lower
            for formset in formsets
            if formset.has_changed() or getattr(formset, "deleted_objects", None)
        ]
        if not changes and not inlines:
            return
        record(
            _action(obj, "changed" if change else "added"),
            actor=request.user,
            obj=obj,
            data={"changes": changes, "inlines": inlines, "object": str(obj)},
        )

    def delete_model(self, request, obj):
        self._record_deletion(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self._record_deletion(request, obj)
        super().delete_queryset(request, queryset)

    def _record_deletion(self, request, obj):
        record(
            _action(obj, "deleted"),
            actor=request.user,
            obj=obj,
            data={"changes": _changes(snapshot(obj), {}), "object": str(obj)},
        )


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows that services change (and audit): the admin shows them and changes nothing."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
