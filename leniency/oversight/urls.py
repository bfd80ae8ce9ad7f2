from django.urls import path

from .views import committee, public, reports

urlpatterns = [
    # Public, no log-in.
    path("report/", public.report_new, name="oversight_report_new"),
    path("report/submitted/", public.report_submitted, name="oversight_report_submitted"),
    path("report/status/", public.report_status, name="oversight_report_status"),
    # The supervising bodies' inbox.
    path("reports/", reports.report_inbox, name="oversight_report_inbox"),
    path("reports/<int:pk>/", reports.report_detail, name="oversight_report_detail"),
    path("reports/<int:pk>/reply/", reports.report_reply, name="oversight_report_reply"),
    path("reports/<int:pk>/escalate/", reports.report_escalate, name="oversight_report_escalate"),
    path(
        "reports/<int:pk>/attachments/<int:attachment_id>/",
        reports.report_attachment,
        name="oversight_report_attachment",
    ),
    # The review committee.
    path("petitions/", committee.petition_queue, name="oversight_petition_queue"),
    path("petitions/new/", committee.petition_new, name="oversight_petition_new"),
    path("petitions/<int:pk>/", committee.petition_detail, name="oversight_petition_detail"),
    path("petitions/<int:pk>/assign/", committee.petition_assign, name="oversight_petition_assign"),
    path("petitions/<int:pk>/notes/", committee.petition_note, name="oversight_petition_note"),
    path("petitions/<int:pk>/decide/", committee.petition_decide, name="oversight_petition_decide"),
    path("corrections/", committee.corrections, name="oversight_corrections"),
    path(
        "corrections/<int:pk>/complete/", committee.correction_complete, name="oversight_correction_complete"
    ),
    path("conflicts/", committee.conflict_declarations, name="oversight_conflicts"),
]
