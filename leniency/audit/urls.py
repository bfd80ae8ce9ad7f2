from django.urls import path

from . import token_views, views

urlpatterns = [
    path("personal-data/", views.personal_data_reads, name="personal_data_reads"),
    path("api-tokens/", token_views.api_tokens, name="api_tokens"),
]
