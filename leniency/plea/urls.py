from django.urls import path

from . import document_views, signing_views, views

urlpatterns = [
    path("defendants/<int:defendant_id>/", views.dossier, name="plea_dossier"),
    path("defendants/<int:defendant_id>/notices/new/", views.notice_new, name="plea_notice_new"),
    path("notices/<int:pk>/", document_views.notice_detail, name="plea_notice"),
    path("notices/<int:pk>/pdf/", document_views.notice_download, {"fmt": "pdf"}, name="plea_notice_pdf"),
    path("notices/<int:pk>/docx/", document_views.notice_download, {"fmt": "docx"}, name="plea_notice_docx"),
    path("defendants/<int:defendant_id>/agreements/new/", views.agreement_new, name="plea_agreement_new"),
    path("agreements/<int:pk>/", signing_views.agreement_detail, name="plea_agreement"),
    path(
        "agreements/<int:pk>/pdf/",
        document_views.agreement_download,
        {"fmt": "pdf"},
        name="plea_agreement_pdf",
    ),
    path(
        "agreements/<int:pk>/docx/",
        document_views.agreement_download,
        {"fmt": "docx"},
        name="plea_agreement_docx",
    ),
    path("agreements/<int:pk>/sign/", signing_views.agreement_sign, name="plea_agreement_sign"),
    path(
        "agreements/<int:pk>/signatures/<int:signature_id>/image/",
        signing_views.signature_image,
        name="plea_signature_image",
    ),
    path("defendants/<int:defendant_id>/reviews/new/", views.review_new, name="plea_review_new"),
    path("reviews/<int:pk>/", views.review_detail, name="plea_review"),
    path("reviews/<int:pk>/items/<int:item_id>/resolve/", views.review_resolve, name="plea_review_resolve"),
    path("defendants/<int:defendant_id>/withdrawals/new/", views.withdrawal_new, name="plea_withdrawal_new"),
    path("withdrawals/<int:pk>/", views.withdrawal_detail, name="plea_withdrawal"),
]
