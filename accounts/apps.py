from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        # Models are loaded only now: the one import Django places inside a function.
        from accounts import receivers

        receivers.connect()
