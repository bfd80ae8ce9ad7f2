from django.apps import AppConfig
from django.db.backends.signals import connection_created


class CasesConfig(AppConfig):
    name = "leniency.cases"
    label = "cases"

    def ready(self):
        from .pagecache import install

        connection_created.connect(install, dispatch_uid="leniency.cases.pagecache")
