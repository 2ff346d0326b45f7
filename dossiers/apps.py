from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DossiersConfig(AppConfig):
    name = "dossiers"
    verbose_name = _("Dossiers")

    def ready(self):
        # Models are loaded only now: the one import Django places inside a function.
        from dossiers.filing import CoverReach, covers_shown
        from media import carriers

        carriers.register(CoverReach)
        carriers.register_public_use(covers_shown)
