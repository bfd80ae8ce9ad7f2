from django.urls import path

from . import views

app_name = "recommendations"

urlpatterns = [
    path("queue/", views.queue, name="queue"),
    path("defendants/<int:defendant_id>/", views.defendant_page, name="defendant"),
    path("defendants/<int:defendant_id>/new/", views.new_draft, name="new"),
    path("defendants/<int:defendant_id>/preview/", views.preview, name="preview"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/review/", views.review, name="review"),
    path("<int:pk>/opinion/", views.opinion, name="opinion"),
    path("<int:pk>/finalise/", views.finalise, name="finalise"),
    path("<int:pk>/court/", views.court_decision, name="court"),
    path("<int:pk>/letter/", views.letter, name="letter"),
    path("<int:pk>/letter.pdf", views.letter_pdf, name="letter_pdf"),
]
