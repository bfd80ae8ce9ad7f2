from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "leniency.demo"
    label = "demo"
