"""Settings shared by every environment. Configuration comes from environment variables."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "home",
    "events",
    "partners",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "recurrence",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.middleware.AdminReferrerPolicyMiddleware",
    "cms.middleware.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # 304 Not Modified for a matching If-None-Match, cached responses included.
    "django.middleware.http.ConditionalGetMiddleware",
    # 400 for more than PUBLIC_QUERY_MAX_FIELDS query parameters, before any cached answer.
    "cms.middleware.QueryStringLimitMiddleware",
    # Anonymous responses from the cache; before the session middleware, which marks them Vary: Cookie.
    "cms.cache.PublicResponseCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "cms.i18n.LanguageFallbackMiddleware",
    # Wagtail's page routing for anonymous visitors, remembered per content version.
    "cms.routing.RouteCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "cms.permissions.LocalePermissionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: an SQLite file in the project unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory unless REDIS_URL is set. With room for a calendar's sessions
# (partners.caching.remember_each) beside the pages: at its default of 300 entries, local memory
# would drop a third of what it holds again and again while a calendar of a thousand is written.
local_memory_cache = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 10_000}}
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
else:
    CACHES = {"default": local_memory_cache}

# Anonymous public responses are cached this long at most (cms.cache); any publish drops them at once.
PUBLIC_RESPONSE_CACHE_SECONDS = int(os.environ.get("PUBLIC_RESPONSE_CACHE_SECONDS", "300"))
# What every public page reads (menu, helplines, routing) is kept as long, per content version (partners.caching).
PUBLIC_DATA_CACHE_SECONDS = int(os.environ.get("PUBLIC_DATA_CACHE_SECONDS", "300"))

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out user is refused before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Brute-force protection for the admin login (Wagtail's login view goes through
# django.contrib.auth.authenticate, which django-axes hooks). A login is refused after five
# failures for the same username *or* from the same address, so rotating addresses (or
# forging X-Forwarded-For) does not reset the count for a username.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "cms.security.client_ip"
# Number of reverse proxies in front of the app servers that append to X-Forwarded-For.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. English is the default; every URL carries its language.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("bn", _("Bengali")),
    ("ur", _("Urdu")),
    ("tr", _("Turkish")),
    ("pl", _("Polish")),
    ("ro", _("Romanian")),
    ("ar", _("Arabic")),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["cms.formats"]
USE_I18N = True
TIME_ZONE = "Europe/London"
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def object_storage(environ: os._Environ | dict[str, str]) -> dict | None:
    """Media on S3-compatible object storage when a bucket is configured, so that app servers
    keep no state. Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. Set
    AWS_S3_CUSTOM_DOMAIN to this site's own host and path (e.g. "safespaces.example.org/media")
    and route that path to the bucket at the load balancer: visitors then never contact
    another origin."""
    if not environ.get("AWS_STORAGE_BUCKET_NAME"):
        return None
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "url_protocol": environ.get("AWS_S3_URL_PROTOCOL", "https:"),
            "querystring_auth": not environ.get("AWS_S3_CUSTOM_DOMAIN"),
            "default_acl": None,
            "file_overwrite": False,
        },
    }


STORAGES["default"] = object_storage(os.environ) or STORAGES["default"]


def frontend_cache(environ: os._Environ | dict[str, str]) -> dict:
    """Backends of `wagtail.contrib.frontend_cache` for a CDN or Varnish in front of the site,
    purged when an event or partner changes (cms.frontend_cache). Empty when none is set.

    FRONTEND_CACHE_URL: a cache taking HTTP PURGE requests (Varnish, nginx), e.g. http://varnish:6081;
    CLOUDFLARE_ZONEID with CLOUDFLARE_BEARER_TOKEN; CLOUDFRONT_DISTRIBUTION_ID (AWS credentials from
    the usual AWS_* variables).
    """
    backends = {}
    if environ.get("FRONTEND_CACHE_URL"):
        backends["http"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": environ["FRONTEND_CACHE_URL"],
        }
    if environ.get("CLOUDFLARE_ZONEID"):
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": environ["CLOUDFLARE_ZONEID"],
            "BEARER_TOKEN": environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
        }
    if environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": environ["CLOUDFRONT_DISTRIBUTION_ID"],
        }
    return backends


# cms.frontend_cache lists every language's address itself; Wagtail's rewriting of one address
# into each language prefix would guess at the other languages' addresses.
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []

# Wagtail's page editor can exceed Django's default of 1,000 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Public URLs take no more query parameters than this (cms.middleware.QueryStringLimitMiddleware).
PUBLIC_QUERY_MAX_FIELDS = 1_000

WAGTAIL_SITE_NAME = "East London Safe Spaces"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# No SVG: an uploaded SVG can carry script.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Page and document privacy by login or group only: a shared password leaks too easily.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}

# Neither the site nor its admin may call another host.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

# Security headers (with Django's defaults: nosniff, X-Frame-Options DENY). Public pages load
# nothing from another origin and run no inline code.
SECURE_REFERRER_POLICY = "no-referrer"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Wagtail's admin uses inline scripts and styles, blob: images and previews in a frame, and
# its forms need the browser to send their origin (cms.middleware).
ADMIN_URL_PREFIXES = ["/admin/"]
ADMIN_REFERRER_POLICY = "same-origin"
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "frame-ancestors": [SELF],
    },
}
# Features no page of this site uses, denied to every page and frame.
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
}


# One JSON object per line on stderr, for the log collector.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "cms.logging.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django.security.DisallowedHost": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}
