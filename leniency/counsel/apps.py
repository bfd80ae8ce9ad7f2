from django.apps import AppConfig


class CounselConfig(AppConfig):
    name = "leniency.counsel"
    label = "counsel"
