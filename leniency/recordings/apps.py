from django.apps import AppConfig


class RecordingsConfig(AppConfig):
    name = "leniency.recordings"
    label = "recordings"
