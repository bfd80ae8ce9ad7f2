from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "leniency.portal"
    label = "portal"
