"""`make bench`: production's stack (DEBUG off, cached templates, whitenoise) on a throwaway SQLite file.

Never the project's db.sqlite3: the benchmark builds a thousand events and would bury the demo.
"""

import os
import tempfile

import dj_database_url

from .base import *  # noqa: F403

DEBUG = False
# A fixed key for a database that lives in /tmp and guards nothing.
SECRET_KEY = os.environ.get("SECRET_KEY") or "bench-only-not-secret"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

BENCH_DATABASE = os.environ.get("BENCH_DATABASE", os.path.join(tempfile.gettempdir(), "safe-spaces-bench.sqlite3"))
DATABASES = {"default": dj_database_url.parse(os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{BENCH_DATABASE}"))}

# Static files straight from the source folders (no collectstatic before a run), still through
# whitenoise, so the static reference request goes through the same server as the pages.
WHITENOISE_USE_FINDERS = True
# bench/run.py writes each large response here, to be served beside it as a static file of the same bytes.
BENCH_COPIES = os.path.join(tempfile.gettempdir(), "safe-spaces-bench-copies")
STATICFILES_DIRS = [*STATICFILES_DIRS, ("bench-copies", BENCH_COPIES)]  # noqa: F405

LOGGING["root"]["level"] = "ERROR"  # noqa: F405

# Persistent connections, as production has them (cms/settings/production.py).
DATABASES["default"]["CONN_MAX_AGE"] = 60
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
