from django.urls import path

from . import views

urlpatterns = [
    path("withdrawals/", views.withdrawals, name="study_withdrawals"),
    path("withdrawals/report.pdf", views.withdrawals_pdf, name="study_withdrawals_pdf"),
    path("risk/", views.risk_list, name="study_risk"),
    path("defendants/<int:pk>/letter/", views.record_letter, name="study_record_letter"),
]
