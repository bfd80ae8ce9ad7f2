from django.urls import path

from . import views

urlpatterns = [
    path("recommend/", views.recommend_page, name="corpus_recommend"),
]
