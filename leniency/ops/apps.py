from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operations: backups and restores (no models of its own)."""

    name = "leniency.ops"
    label = "ops"
