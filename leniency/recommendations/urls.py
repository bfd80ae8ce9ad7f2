from django.urls import path

from . import document_views, views

app_name = "recommendations"

urlpatterns = [
    path("queue/", views.queue, name="queue"),
    path("defendants/<int:defendant_id>/", views.defendant_page, name="defendant"),
    path("defendants/<int:defendant_id>/new/", views.new_draft, name="new"),
    path("defendants/<int:defendant_id>/preview/", views.preview, name="preview"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/review/", views.review, name="review"),
    path("<int:pk>/opinion/", views.opinion, name="opinion"),
    path("<int:pk>/finalise/", views.finalise, name="finalise"),
    path("<int:pk>/court/", views.court_decision, name="court"),
    path("<int:pk>/letter/", views.letter, name="letter"),
    path("<int:pk>/letter.pdf", document_views.letter_download, {"fmt": "pdf"}, name="letter_pdf"),
    path("<int:pk>/letter.docx", document_views.letter_download, {"fmt": "docx"}, name="letter_docx"),
    # documents printed for download (PDF and Word), audited and read-logged
    path(
        "<int:pk>/recommendation.pdf",
        document_views.recommendation_download,
        {"fmt": "pdf"},
        name="document_pdf",
    ),
    path(
        "<int:pk>/recommendation.docx",
        document_views.recommendation_download,
        {"fmt": "docx"},
        name="document_docx",
    ),
    path(
        "opinions/<int:pk>/opinion.pdf", document_views.opinion_download, {"fmt": "pdf"}, name="opinion_pdf"
    ),
    path(
        "opinions/<int:pk>/opinion.docx",
        document_views.opinion_download,
        {"fmt": "docx"},
        name="opinion_docx",
    ),
]
