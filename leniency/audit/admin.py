"""The trail's page, and the admin pages of people, organisations and regions.

Those live here rather than in leniency/accounts/admin.py because every save of them writes an audit event
(a user's role, organisation and flags decide what they may see and do), and accounts sits below audit.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from leniency.accounts.models import ApiToken, Organisation, Region, User

from .admin_changes import AuditedAdmin
from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the audit trail is append-only."""

    list_display = ["seq", "occurred_at", "actor_label", "action", "object_type", "object_id"]
    list_filter = ["action"]
    search_fields = ["action", "actor_label", "object_id"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Region)
class RegionAdmin(AuditedAdmin):
    list_display = ["code", "name", "level", "zone", "parent"]
    list_filter = ["level", "zone"]
    search_fields = ["name", "code"]


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    list_display = ["name", "kind", "region"]
    list_filter = ["kind"]
    search_fields = ["name"]


@admin.register(User)
class UserAdmin(AuditedAdmin, BaseUserAdmin):
    """A change of role, organisation or flags is recorded as admin.accounts.user.changed, before and after."""

    list_display = ["username", "display_name", "role", "organisation", "is_active"]
    list_filter = ["role", "is_active"]
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("角色与机构"), {"fields": ["display_name", "role", "organisation"]}),
    )


@admin.register(ApiToken)
class ApiTokenAdmin(AuditedAdmin):
    """Tokens are issued where their key can be shown once: the user's page (/audit/api-tokens/) or
    `leniency tokens issue`; an admin form would save a token with no key."""

    list_display = ["user", "name", "created_at", "expires_at", "last_used_at", "revoked_at"]
    readonly_fields = ["key_hash"]

    def has_add_permission(self, request):
        return False
