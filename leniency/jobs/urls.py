from django.urls import path

from . import views

app_name = "jobs"

urlpatterns = [
    path("", views.history, name="history"),
    path("import/", views.corpus_import, name="import"),
    path("start/<str:kind>/", views.start, name="start"),
    path("operations/", views.operations, name="operations"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/progress/", views.progress, name="progress"),
    path("<int:pk>/cancel/", views.cancel, name="cancel"),
    path("<int:pk>/files/<str:name>", views.output_file, name="output_file"),
]
