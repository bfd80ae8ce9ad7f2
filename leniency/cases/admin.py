from django.contrib import admin

from .models import Charge


@admin.register(Charge)
class ChargeAdmin(admin.ModelAdmin):
    """Reference data only: cases and defendants change through the service functions, never the admin."""

    list_display = ["name", "article_label", "has_guideline"]
    list_filter = ["has_guideline"]
    search_fields = ["name", "article_label"]
