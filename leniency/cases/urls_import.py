"""The pages of the bulk import and of the documents transferred with a case (included by leniency.urls)."""

from django.urls import path, re_path

from . import views_import

urlpatterns = [
    path("cases/import/", views_import.case_import, name="case_import"),
    path("cases/import/template/", views_import.case_import_template, name="case_import_template"),
    re_path(
        r"^cases/import/template/sample\.(?P<fmt>xlsx|jsonl)$",
        views_import.case_import_sample,
        name="case_import_sample",
    ),
    path("cases/<int:pk>/attachments/", views_import.case_attachments, name="case_attachments"),
    path("cases/attachments/<int:pk>/", views_import.case_attachment_file, name="case_attachment_file"),
]
