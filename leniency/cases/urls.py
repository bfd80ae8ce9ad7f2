from django.urls import path

from . import views, views_home

urlpatterns = [
    path("", views_home.home, name="home"),
    path("cases/", views.case_list, name="case_list"),
    path("cases/<int:pk>/", views.case_detail, name="case_detail"),
    path("cases/<int:pk>/defendants/<int:defendant_id>/stage/", views.change_stage, name="change_stage"),
    path(
        "cases/<int:pk>/defendants/<int:defendant_id>/identity/",
        views.defendant_identity,
        name="defendant_identity",
    ),
]
