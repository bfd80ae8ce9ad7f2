from django.apps import AppConfig
from django.utils.translation import gettext_lazy

from leniency.cases.panels import register_panel


class RecordingsConfig(AppConfig):
    name = "leniency.recordings"
    label = "recordings"
    verbose_name = gettext_lazy("录音录像")

    def ready(self):
        # Each defendant on the case page; its recordings come with the plea records the page loads once.
        register_panel("recordings/_defendant_panel.html", order=40)
        # Imported here, not at the top: these modules load models, which Django allows only once the app
        # registry is ready.
        from leniency.audit.timeline import register_action
        from leniency.plea.story import register_records

        from .describe import describe_access, describe_added
        from .models import Recording

        register_action("recordings.recording.added", gettext_lazy("上传录音录像"), describe_added)
        register_action("recordings.recording.accessed", gettext_lazy("调阅录音录像"), describe_access)
        # The plea story shows the recordings of its notices and signings.
        register_records("recordings", Recording.objects.all)
