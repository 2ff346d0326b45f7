"""Object storage for photos that keeps the bucket private (decision 0013).

Files are written with the private ACL and the bucket allows no anonymous read. Their URL
is the project's own (``MEDIA_URL`` + name, answered by ``media.views.photo_file``, which
applies the public rule); that view redirects to a signed URL that lives
``S3_SIGNED_URL_SECONDS``. Stored public JSON thus never holds a URL that expires.
"""

from urllib.parse import quote

from django.conf import settings
from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    def __init__(self, **options):
        options = {
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": settings.S3_SIGNED_URL_SECONDS,
            "custom_domain": None,  # a custom domain would be an unsigned, public URL
            **options,
        }
        super().__init__(**options)

    def url(self, name, *args, **kwargs):
        return settings.MEDIA_URL + quote(name)

    def signed_url(self, name) -> str:
        """A URL of the bucket that works for ``S3_SIGNED_URL_SECONDS``, then never again."""
        return super().url(name)
