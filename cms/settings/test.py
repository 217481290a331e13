"""Settings for `make test`: the same stack as production, with fast password hashing."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}
CACHES = {"default": local_memory_cache}  # noqa: F405 (never Redis, even where REDIS_URL is set)

# Serve static files straight from the source folders, without collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Uploaded files from tests go to a throwaway folder, never into the project.
MEDIA_ROOT = Path(tempfile.gettempdir()) / "safe-spaces-test-media"
