from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operations: backups and restores, deployment checks (no models of its own)."""

    name = "leniency.ops"
    label = "ops"

    def ready(self):
        from . import checks  # noqa: F401  (registers the deployment checks)
