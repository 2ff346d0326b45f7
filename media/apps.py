from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "media"
    verbose_name = _("Photos")

    def ready(self):
        from pillow_heif import register_heif_opener

        register_heif_opener()  # HEIC, as iPhones and many cameras write it
