from django.urls import path

from . import views, views_import

urlpatterns = [
    path("withdrawals/", views.withdrawals, name="study_withdrawals"),
    path("withdrawals/report.pdf", views.withdrawals_pdf, name="study_withdrawals_pdf"),
    path("import/", views_import.study_import, name="study_import"),
    path("import/template/", views_import.study_import_template, name="study_import_template"),
    path("import/sample.<str:fmt>", views_import.study_import_sample, name="study_import_sample"),
    path("risk/", views.risk_list, name="study_risk"),
    path("defendants/<int:pk>/letter/", views.record_letter, name="study_record_letter"),
]
