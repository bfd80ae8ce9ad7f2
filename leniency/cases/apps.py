from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "leniency.cases"
    label = "cases"
