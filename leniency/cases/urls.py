from django.urls import path

from . import (
    deadlines_views,
    nonprosecution_views,
    views,
    views_home,
    views_intake,
    views_judgments,
    views_victims,
)

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
    path(
        "cases/<int:pk>/defendants/<int:defendant_id>/deadline/",
        deadlines_views.defendant_deadline,
        name="defendant_deadline",
    ),
    path(
        "cases/<int:pk>/defendants/<int:defendant_id>/non-prosecution/",
        nonprosecution_views.non_prosecution,
        name="non_prosecution",
    ),
    path(
        "cases/<int:pk>/non-prosecution/<int:decision_id>/<str:fmt>/",
        nonprosecution_views.non_prosecution_document,
        name="non_prosecution_document",
    ),
    path("cases/<int:pk>/judgment/", views_judgments.case_judgment, name="case_judgment"),
    path(
        "cases/<int:pk>/second-instance/", views_judgments.case_second_instance, name="case_second_instance"
    ),
    path("cases/<int:pk>/retrial/", views_judgments.case_retrial, name="case_retrial"),
    path("retrials/<int:retrial_id>/judge/", views_judgments.retrial_assign, name="retrial_assign"),
    path("retrials/<int:retrial_id>/decision/", views_judgments.retrial_decide, name="retrial_decide"),
    path("court/cases/<int:pk>/file/", views_intake.court_file, name="court_file"),
    path("court/cases/<int:pk>/panel/", views_intake.court_panel, name="court_panel"),
    path("cases/<int:pk>/defendants/<int:defendant_id>/stage/", views.change_stage, name="change_stage"),
    path("cases/<int:pk>/victims/", views_victims.case_victims, name="case_victims"),
    path("cases/<int:pk>/victims/add/", views_victims.victim_add, name="victim_add"),
    path(
        "cases/<int:pk>/victims/<int:victim_id>/opinion/", views_victims.victim_opinion, name="victim_opinion"
    ),
    path(
        "cases/<int:pk>/victims/<int:victim_id>/settlement/",
        views_victims.victim_settlement,
        name="victim_settlement",
    ),
    path(
        "cases/<int:pk>/victims/<int:victim_id>/contact/", views_victims.victim_contact, name="victim_contact"
    ),
    path(
        "cases/<int:pk>/settlements/<int:settlement_id>/file/",
        views_victims.settlement_document,
        name="settlement_document",
    ),
    path(
        "cases/<int:pk>/defendants/<int:defendant_id>/identity/",
        views.defendant_identity,
        name="defendant_identity",
    ),
]
