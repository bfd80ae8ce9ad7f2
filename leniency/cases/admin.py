from django.contrib import admin

from leniency.audit.admin_changes import AuditedAdmin

from .models import Charge


@admin.register(Charge)
class ChargeAdmin(AuditedAdmin):
    """Reference data only (each save audited): cases and defendants change through the service functions,
    never the admin."""

    list_display = ["name", "article_label", "has_guideline"]
    list_filter = ["has_guideline"]
    search_fields = ["name", "article_label"]
