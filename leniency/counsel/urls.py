from django.urls import path

from . import document_views, views, views_centre

app_name = "counsel"

urlpatterns = [
    path("", views.home, name="home"),
    path("availability/", views.availability, name="availability"),
    path("requests/", views.request_list, name="requests"),
    path("requests/new/<int:defendant_id>/", views.request_new, name="request_new"),
    path("requests/<int:pk>/", views.request_detail, name="request_detail"),
    path("requests/<int:pk>/override/", views.request_override, name="request_override"),
    path("requests/<int:pk>/notice.<str:fmt>", document_views.request_letter_download, name="request_letter"),
    path("assignments/<int:pk>/", views.assignment_detail, name="assignment_detail"),
    path(
        "assignments/<int:pk>/notice.<str:fmt>",
        document_views.assignment_notice_download,
        name="assignment_notice",
    ),
    path("assignments/<int:pk>/log/", views.assignment_log, name="assignment_log"),
    path("assignments/<int:pk>/rate/", views.assignment_rate, name="assignment_rate"),
    path("assignments/<int:pk>/claim/", views.assignment_claim, name="assignment_claim"),
    path("cases/<int:pk>/conflicts/", views.conflicts, name="conflicts"),
    path("centre/", views_centre.dashboard, name="dashboard"),
    path("lawyers/", views_centre.registry, name="registry"),
    path("experts/", views_centre.registry, {"experts": True}, name="experts"),
    path("lawyers/<int:pk>/", views_centre.lawyer_detail, name="lawyer_detail"),
    path("rota/", views_centre.rota_list, name="rota"),
    path("rota/new/", views_centre.rota_new, name="rota_new"),
    path("rota/<int:pk>/", views_centre.rota_detail, name="rota_detail"),
    path("rota/<int:pk>/publish/", views_centre.rota_publish, name="rota_publish"),
    path("rota/members/<int:member_id>/correction/", views_centre.rota_correction, name="rota_correction"),
    path(
        "rota/corrections/<int:pk>/decide/",
        views_centre.rota_correction_decide,
        name="rota_correction_decide",
    ),
    path("warnings/", views_centre.warning_list, name="warnings"),
    path("warnings/<int:pk>/", views_centre.warning_detail, name="warning_detail"),
    path("warnings/<int:pk>/<str:action>/", views_centre.warning_action, name="warning_action"),
    path("claims/", views_centre.claim_list, name="claims"),
    path("claims/<int:pk>/decide/", views_centre.claim_decide, name="claim_decide"),
    path("claims/export.<str:fmt>", views_centre.claim_export, name="claim_export"),
    path("rubric/", views_centre.rubric, name="rubric"),
]
