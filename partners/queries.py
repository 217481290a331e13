"""Which partner agencies a reader sees, in which language.

A partner is shown in the reader's language when its translation is live, and otherwise in
English (the default language), so an untranslated partner is never missing from a list. Every
function here runs a fixed number of queries, however many partners there are.
"""

from collections.abc import Iterable

from django.apps import apps
from django.conf import settings
from django.db.models import Case, Exists, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.http import HttpRequest
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.query import PageQuerySet

from .caching import remember
from .models import PartnerAgency

# The rendition the partner card shows (templates/partners/includes/partner_card.html); prefetched
# so that logos cost no query per partner.
LOGO_FILTER_SPEC = "max-240x120"


def with_card_data(queryset: QuerySet[PartnerAgency]) -> QuerySet[PartnerAgency]:
    """Everything the partner card reads, fetched up front."""
    images = get_image_model().objects.prefetch_renditions(LOGO_FILTER_SPEC)
    return queryset.select_related("locale").prefetch_related(Prefetch("logo", queryset=images))


def restricted_paths(request: HttpRequest | None = None) -> list[str]:
    """Paths of the pages under a view restriction, read once per content version (every list asks)."""
    return remember(
        request, "restricted-paths", lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True))
    )


def public(pages: PageQuerySet, request: HttpRequest | None) -> PageQuerySet:
    """`pages.public()`, with the view restrictions read once rather than once per list."""
    hidden = Q()
    for path in restricted_paths(request):
        hidden |= Q(path__startswith=path)
    return pages.exclude(hidden) if hidden else pages


def not_only_on_private_pages() -> Q:
    """Partners shown anywhere at all: those on no page, or on at least one live public page.

    A partner agency added for a private (view-restricted) event or programme only would tell
    the public who meets there and where; it stays out of every list until a public page has it.
    Pages link partners through `events.EventPartner` and `home.ProgrammePartner` (by string,
    as this app sits below both); any translation of the partner counts.
    """
    public_pages = Page.objects.live().public()
    shown = Q()
    only_private = Q()
    for label in ("events.EventPartner", "home.ProgrammePartner"):
        links = apps.get_model(label).objects.filter(
            partner__translation_key=OuterRef("translation_key"), page__live=True
        )
        shown |= Exists(links.filter(page__in=public_pages))
        only_private &= ~Exists(links)
    return shown | only_private


def shown_in(locale: Locale) -> QuerySet[PartnerAgency]:
    """Live partners as readers of `locale` see them: its own translations, else the English ones."""
    live = PartnerAgency.objects.live().filter(not_only_on_private_pages())
    if locale.language_code == settings.LANGUAGE_CODE:
        return live.filter(locale=locale)
    translated = PartnerAgency.objects.live().filter(locale=locale, translation_key=OuterRef("translation_key"))
    return live.filter(Q(locale=locale) | (Q(locale__language_code=settings.LANGUAGE_CODE) & ~Exists(translated)))


def partners_for_locale(
    locale: Locale, *, service: str | None = None, language: str | None = None
) -> list[PartnerAgency]:
    """The directory's list, optionally narrowed to one service and one spoken language."""
    queryset = shown_in(locale)
    if service:
        queryset = queryset.filter(services__has=service)
    if language:
        queryset = queryset.filter(languages__has=language)
    return list(with_card_data(queryset).order_by("name", "pk"))


def filter_options(locale: Locale) -> tuple[set[str], set[str]]:
    """The services and languages that at least one partner shown in `locale` offers."""
    services: set[str] = set()
    languages: set[str] = set()
    for partner_services, partner_languages in shown_in(locale).values_list("services", "languages"):
        services.update(partner_services or [])
        languages.update(partner_languages or [])
    return services, languages


def partner_for_locale(slug: str, locale: Locale) -> PartnerAgency | None:
    """The partner behind /<language>/<directory>/<slug>/, in the reader's language if translated."""
    preference = Case(When(locale=locale, then=Value(0)), default=Value(1))
    return with_card_data(shown_in(locale).filter(slug=slug)).order_by(preference).first()


def localize_partner_ids(partner_ids: Iterable[int], locale: Locale) -> dict[int, PartnerAgency]:
    """Map each partner id to the partner readers of `locale` see for it, in one query.

    For lists that point at one language's partners (a programme's partners, the people at an
    event): each maps to its live translation into `locale`, else to itself if it is live. A
    partner with no live version is left out, never shown as an empty slot.
    """
    ids = list(partner_ids)
    if not ids:
        return {}
    keys = PartnerAgency.objects.filter(pk__in=ids).values("translation_key")
    found = list(
        with_card_data(
            PartnerAgency.objects.filter(Q(pk__in=ids) | Q(locale=locale, live=True, translation_key__in=keys))
        )
    )
    by_pk = {partner.pk: partner for partner in found}
    translations = {partner.translation_key: partner for partner in found if partner.locale_id == locale.pk}
    shown = {}
    for pk in ids:
        source = by_pk.get(pk)
        if source is None:
            continue
        partner = translations.get(source.translation_key)
        if partner is not None and partner.live:
            shown[pk] = partner
        elif source.live:
            shown[pk] = source
    return shown


def localized_partners(partner_ids: Iterable[int], locale: Locale) -> list[PartnerAgency]:
    """The partners shown for `partner_ids` in `locale`, in the same order, without repeats."""
    ids = list(partner_ids)
    shown = localize_partner_ids(ids, locale)
    result: list[PartnerAgency] = []
    for pk in ids:
        partner = shown.get(pk)
        if partner is not None and partner not in result:
            result.append(partner)
    return result


def partners_shown_by_locale(request: HttpRequest | None) -> dict[int, list[PartnerAgency]]:
    """{locale id: the partners shown in that locale}, as `shown_in` chooses them, for every locale at once.

    The sitemap lists every directory's partner pages: one query for all seven languages rather
    than one per language. Read once per request. Only what a sitemap entry needs is fetched.
    """
    if request is not None and hasattr(request, "_partners_by_locale"):
        return request._partners_by_locale
    partners = list(
        PartnerAgency.objects.live()
        .select_related("locale")
        .only("pk", "slug", "name", "translation_key", "locale", "last_published_at")
        .order_by("name", "pk")
    )
    default = [partner for partner in partners if partner.locale.language_code == settings.LANGUAGE_CODE]
    by_locale: dict[int, list[PartnerAgency]] = {}
    for locale in Locale.objects.all():
        own = [partner for partner in partners if partner.locale_id == locale.pk]
        translated = {partner.translation_key for partner in own}
        fallback = [partner for partner in default if partner.translation_key not in translated]
        shown = own if locale.language_code == settings.LANGUAGE_CODE else own + fallback
        by_locale[locale.pk] = sorted(shown, key=lambda partner: (partner.name, partner.pk))
    if request is not None:
        request._partners_by_locale = by_locale
    return by_locale
