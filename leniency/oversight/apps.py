from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "leniency.oversight"
    label = "oversight"
