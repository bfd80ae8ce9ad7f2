from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.index, name="index"),
    path("cases/", views.cases, name="cases"),
    path("cases/<str:number>/", views.case_detail, name="case"),
    path("reports/", views.reports, name="reports"),
    path("data/<slug:key>.<slug:fmt>", views.data_file, name="data"),
    path("standards/", views.standards, name="standards"),
    path("standards/calculator/", views.calculator, name="calculator"),
    path("standards/<slug:crime>/", views.standard, name="standard"),
    path("reports/<int:pk>/<str:kind>/", views.report_file, name="report_file"),
    path("manage/", views.manage, name="manage"),
    path("manage/propose/", views.propose, name="propose"),
    path("manage/cases/<int:pk>/", views.review, name="review"),
    path("manage/reports/generate/", views.generate, name="generate"),
]
