import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
django_application = get_wsgi_application()

from articles.hotpath import PublicReadsApp  # noqa: E402 - needs Django set up first
from newsroom.logs import RequestIds  # noqa: E402
from newsroom.response_cache import CachedPublicResponses  # noqa: E402

application = RequestIds(CachedPublicResponses(PublicReadsApp(django_application)))
