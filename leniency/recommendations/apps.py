from django.apps import AppConfig


class RecommendationsConfig(AppConfig):
    name = "leniency.recommendations"
    label = "recommendations"
