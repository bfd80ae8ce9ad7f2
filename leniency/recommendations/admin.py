from django.contrib import admin

from .models import CourtDecision, LawyerOpinion, Review, SentencingRecommendation


class ReadOnly(admin.ModelAdmin):
    """State changes go through the services (audited); the admin only shows the rows."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SentencingRecommendation)
class RecommendationAdmin(ReadOnly):
    list_display = (
        "defendant",
        "round",
        "status",
        "principal_penalty",
        "months",
        "engine_months",
        "created_at",
    )
    list_filter = ("status", "principal_penalty", "machine_assisted")
    search_fields = ("defendant__name", "defendant__case__number")
    raw_id_fields = ("defendant",)


admin.site.register(Review, ReadOnly)
admin.site.register(LawyerOpinion, ReadOnly)
admin.site.register(CourtDecision, ReadOnly)
