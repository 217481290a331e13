"""What every public page reads (the menu, the helplines, the routing), computed once per content version.

`cms.cache.PublicResponseCacheMiddleware` reads the content version, which any change to what
the public site shows increases, and keeps it on an anonymous visitor's request as
`content_version`. A value remembered under that version is therefore current until the next
change, in every language and on every app server (they share the version through the database),
and the old entries are never read again. Keys must say everything the value depends on besides
the content: the site, the language, the path.

Across requests only for anonymous visitors: an editor's request has no `content_version`, so
everything is computed afresh for her (once per request), as are previews.
PUBLIC_DATA_CACHE_SECONDS (0 turns it off) bounds how long an entry lives, since "upcoming" moves
with the clock.

It lives here, at the bottom of the dependency order (cms → home → events → partners), so that
every app can use it.
"""

import hashlib
from collections.abc import Callable, Hashable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
MISSING = object()


def cache_key(request: HttpRequest | None, name: str) -> str | None:
    """Where `name` is kept for the request's content version, or None when nothing is kept across requests."""
    version = getattr(request, "content_version", None)
    if version is None or not settings.PUBLIC_DATA_CACHE_SECONDS:
        return None
    # Hashed: a path may be long or hold any letter, and cache backends limit keys.
    return f"public-data:{version}:{hashlib.sha256(name.encode()).hexdigest()}"


def remember(request: HttpRequest | None, name: str, compute: Callable[[], T]) -> T:
    """`compute()`, kept for the rest of the request and, for this content version, in Django's cache."""
    if request is None:
        return compute()
    seen = request.__dict__.setdefault("_remembered", {})
    if name not in seen:
        key = cache_key(request, name)
        value = MISSING if key is None else cache.get(key, MISSING)
        if value is MISSING:
            value = compute()
            if key is not None:
                cache.set(key, value, settings.PUBLIC_DATA_CACHE_SECONDS)
        seen[name] = value
    return seen[name]


def remember_each(
    request: HttpRequest | None, name: str, keys: list[K], compute: Callable[[list[K]], dict[K, T]]
) -> dict[K, T]:
    """A value for each of `keys` (primary keys), from `compute(those not remembered)`, each kept like `remember`'s.

    For parts of a long list (a calendar's sessions) that many responses share: a filter, another
    page or the next hour's window reads the parts already made, in one round trip to the cache.
    """
    prefix = cache_key(request, name)
    if prefix is None:
        return compute(keys)
    where = {key: f"{prefix}:{key}" for key in keys}
    found = cache.get_many(where.values())
    values = {key: found[where[key]] for key in keys if where[key] in found}
    missing = [key for key in keys if key not in values]
    if missing:
        made = compute(missing)
        cache.set_many({where[key]: value for key, value in made.items()}, settings.PUBLIC_DATA_CACHE_SECONDS)
        values.update(made)
    return values


def note(request: HttpRequest, name: str, value: object) -> None:
    """`value` is already at hand (the served page's locale): `remember` gives it for the rest of the request."""
    request.__dict__.setdefault("_remembered", {})[name] = value
