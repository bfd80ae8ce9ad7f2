from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class RecordingsConfig(AppConfig):
    name = "leniency.recordings"
    label = "recordings"
    verbose_name = gettext_lazy("录音录像")

    def ready(self):
        from leniency.audit.timeline import register_action

        from .describe import describe_access, describe_added

        register_action("recordings.recording.added", gettext_lazy("上传录音录像"), describe_added)
        register_action("recordings.recording.accessed", gettext_lazy("调阅录音录像"), describe_access)
