from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "leniency.audit"
    label = "audit"
