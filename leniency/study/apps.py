from django.apps import AppConfig


class StudyConfig(AppConfig):
    name = "leniency.study"
    label = "study"
