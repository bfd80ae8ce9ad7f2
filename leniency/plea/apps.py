from django.apps import AppConfig


class PleaConfig(AppConfig):
    name = "leniency.plea"
    label = "plea"
