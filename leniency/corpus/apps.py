from django.apps import AppConfig


class CorpusConfig(AppConfig):
    name = "leniency.corpus"
    label = "corpus"
