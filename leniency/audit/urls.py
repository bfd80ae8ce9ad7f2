from django.urls import path

from . import views

urlpatterns = [
    path("personal-data/", views.personal_data_reads, name="personal_data_reads"),
]
