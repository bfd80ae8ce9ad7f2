from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "leniency.accounts"
    label = "accounts"
