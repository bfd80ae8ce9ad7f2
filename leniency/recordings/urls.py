from django.urls import path

from . import views

urlpatterns = [
    path("defendants/<int:defendant_id>/", views.recording_list, name="recordings_list"),
    path("defendants/<int:defendant_id>/upload/", views.recording_upload, name="recording_upload"),
    path("<int:pk>/", views.recording_detail, name="recording_detail"),
    path("<int:pk>/file/", views.recording_file, name="recording_file"),
]
