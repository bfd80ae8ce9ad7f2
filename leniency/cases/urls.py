from django.urls import path

from . import views, views_home, views_intake

urlpatterns = [
    path("", views_home.home, name="home"),
    path("cases/", views.case_list, name="case_list"),
    path("cases/<int:pk>/", views.case_detail, name="case_detail"),
    path("cases/intake/", views_intake.case_intake, name="case_intake"),
    path("cases/assignments/", views_intake.case_assignments, name="case_assignments"),
    path("cases/<int:pk>/assign/", views_intake.case_assign, name="case_assign"),
    path("cases/<int:pk>/prosecute/", views_intake.case_prosecute, name="case_prosecute"),
    path("cases/<int:pk>/appeal/", views_intake.case_appeal, name="case_appeal"),
    path("court/incoming/", views_intake.court_incoming, name="court_incoming"),
    path("court/cases/<int:pk>/file/", views_intake.court_file, name="court_file"),
    path("cases/<int:pk>/defendants/<int:defendant_id>/stage/", views.change_stage, name="change_stage"),
    path(
        "cases/<int:pk>/defendants/<int:defendant_id>/identity/",
        views.defendant_identity,
        name="defendant_identity",
    ),
]
