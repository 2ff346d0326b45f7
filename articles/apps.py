from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        # Models are loaded only now: the one import Django places inside a function.
        from articles.carriers import photos_shown, reach_of_photos
        from media import carriers

        carriers.register(reach_of_photos)
        carriers.register_public_use(photos_shown)
