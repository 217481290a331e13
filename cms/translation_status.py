"""Which pages and snippets a language still lacks, and which translations lag behind their source.

wagtail-localize's own "Translations" report lists translations that exist. Translators and
editors also need what does *not* exist yet (a page that is only an alias of the English one, a
partner agency nobody has translated) and what went stale: an English page published again after
its translations were last synced. This module answers both with a fixed number of queries,
whatever the number of pages, snippets and languages.

"Changed since the last sync" compares, field by field, what a sync would send now with what it
sent last time (the TranslationSource's content): the live revision of a page, the row of a
snippet. Re-publishing a page without a change therefore does not mark it stale.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modelcluster.models import get_serializable_data_for_fields
from wagtail.models import Locale, Page, Revision, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import Translation

MISSING = "missing"
OUTDATED = "outdated"

STATUS_LABELS = {
    MISSING: _("Not translated yet"),
    OUTDATED: _("Source changed since the last sync"),
}

PAGES = "pages"


@dataclass
class StatusRow:
    """One thing a language lacks: a page or snippet to translate, or a translation to sync."""

    title: str
    kind: str
    locale: Locale
    status: str
    source_edit_url: str
    translate_url: str = ""
    sync_url: str = ""
    translation_edit_url: str = ""
    last_synced_at: datetime | None = None

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])


@dataclass
class _Source:
    """An object in the default language, as the report needs it."""

    title: str
    kind: str
    translation_key: Any
    edit_url: str
    submit_url: str
    fields: list[str]
    current: dict[str, Any] | None


def translatable_snippet_models() -> list[type[models.Model]]:
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def kind_choices() -> list[tuple[str, str]]:
    """Values of the report's "Content" filter: pages, then each translatable snippet model."""
    return [(PAGES, _("Pages"))] + [
        (model._meta.label_lower, model._meta.verbose_name_plural.capitalize())
        for model in translatable_snippet_models()
    ]


def _field_names(model: type[models.Model]) -> list[str]:
    return [field.field_name for field in get_translatable_fields(model)]


# Keys of a child object (a date change, a partner at an event) that say where it is stored, not what
# it says: a revision saved before its children were first written holds them without either.
CHILD_STORAGE_KEYS = {"pk", "locale"}


def _child_content(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("[", "{"):
        # A StreamField, stored as JSON text: PostgreSQL's jsonb gives its keys back in another order.
        try:
            return json.loads(value)
        except ValueError:
            return value
    if isinstance(value, list) and all(isinstance(item, dict) for item in value):
        return [{key: item[key] for key in item if key not in CHILD_STORAGE_KEYS} for item in value]
    return value


def _comparable(content: dict[str, Any], fields: Iterable[str]) -> dict[str, Any]:
    # Through JSON, as wagtail-localize stores it, so dates, times and decimals compare as text.
    values = {name: _child_content(content.get(name)) for name in fields}
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def _page_sources(default: Locale) -> list[_Source]:
    pages = list(
        Page.objects.filter(locale=default, depth__gt=1)
        .order_by("path")
        .values("id", "title", "translation_key", "content_type_id", "live_revision_id")
    )
    revisions = dict(
        Revision.objects.filter(
            id__in=[page["live_revision_id"] for page in pages if page["live_revision_id"]]
        ).values_list("id", "content")
    )
    sources = []
    for page in pages:
        model = ContentType.objects.get_for_id(page["content_type_id"]).model_class() or Page
        content = revisions.get(page["live_revision_id"])
        sources.append(
            _Source(
                title=page["title"],
                kind=str(model._meta.verbose_name).capitalize(),
                translation_key=page["translation_key"],
                edit_url=reverse("wagtailadmin_pages:edit", args=[page["id"]]),
                submit_url=reverse("wagtail_localize:submit_page_translation", args=[page["id"]]),
                fields=_field_names(model),
                current=content,
            )
        )
    return sources


def _snippet_edit_url(instance: models.Model) -> str:
    return reverse(instance.snippet_viewset.get_url_name("edit"), args=[quote(instance.pk)])


def _snippet_sources(model: type[models.Model], default: Locale) -> list[_Source]:
    sources = []
    fields = _field_names(model)
    for instance in model._default_manager.filter(locale=default).order_by("pk"):
        sources.append(
            _Source(
                title=str(instance),
                kind=str(model._meta.verbose_name).capitalize(),
                translation_key=instance.translation_key,
                edit_url=_snippet_edit_url(instance),
                submit_url=reverse(
                    "wagtail_localize:submit_snippet_translation",
                    args=[model._meta.app_label, model._meta.model_name, quote(instance.pk)],
                ),
                fields=fields,
                current=get_serializable_data_for_fields(instance),
            )
        )
    return sources


def _page_targets(locales: list[Locale]) -> dict[tuple[Any, int], tuple[str, bool]]:
    """(translation key, locale id) -> (edit URL, is a real translation) for pages in `locales`."""
    rows = Page.objects.filter(locale__in=locales).values_list("translation_key", "locale_id", "id", "alias_of_id")
    return {
        (key, locale_id): (reverse("wagtailadmin_pages:edit", args=[pk]), alias_of_id is None)
        for key, locale_id, pk, alias_of_id in rows
    }


def _snippet_targets(model: type[models.Model], locales: list[Locale]) -> dict[tuple[Any, int], tuple[str, bool]]:
    return {
        (instance.translation_key, instance.locale_id): (_snippet_edit_url(instance), True)
        for instance in model._default_manager.filter(locale__in=locales).only("pk", "translation_key", "locale_id")
    }


def translation_status(
    locales: list[Locale],
    *,
    kinds: Iterable[str] | None = None,
    statuses: Iterable[str] | None = None,
    can_sync: bool = True,
    next_url: str = "",
) -> list[StatusRow]:
    """What each of `locales` is missing or has out of date, in the default language's order.

    `kinds` limits the report to pages and/or snippet models (labels as in `kind_choices`);
    `can_sync` says whether the reader may push the source's changes into every language (a
    translator may not: that acts on the English source), so whether to offer the sync link.
    """
    default = Locale.get_default()
    locales = [locale for locale in locales if locale.pk != default.pk]
    if not locales:
        return []
    kinds = set(kinds or [value for value, _label in kind_choices()])
    statuses = set(statuses or STATUS_LABELS)

    sources: list[_Source] = []
    targets: dict[tuple[Any, int], tuple[str, bool]] = {}
    if PAGES in kinds:
        sources += _page_sources(default)
        targets.update(_page_targets(locales))
    for model in translatable_snippet_models():
        if model._meta.label_lower in kinds:
            sources += _snippet_sources(model, default)
            targets.update(_snippet_targets(model, locales))

    translations = {
        (translation.source.object_id, translation.target_locale_id): translation
        for translation in Translation.objects.filter(
            enabled=True, source__locale=default, target_locale__in=locales
        ).select_related("source")
    }

    next_query = {"next": next_url} if next_url else {}
    changed: dict[int, bool] = {}  # by TranslationSource: the same answer for every language
    rows = []
    for locale in locales:
        for source in sources:
            target = targets.get((source.translation_key, locale.pk))
            if target is None or not target[1]:
                if MISSING in statuses:
                    translate_query = urlencode({"select_locale": locale.language_code, **next_query})
                    rows.append(
                        StatusRow(
                            title=source.title,
                            kind=source.kind,
                            locale=locale,
                            status=MISSING,
                            source_edit_url=source.edit_url,
                            translate_url=f"{source.submit_url}?{translate_query}",
                        )
                    )
                continue
            translation = translations.get((source.translation_key, locale.pk))
            if OUTDATED not in statuses or translation is None or source.current is None:
                continue
            if translation.source_id not in changed:
                synced = json.loads(translation.source.content_json)
                changed[translation.source_id] = _comparable(source.current, source.fields) != _comparable(
                    synced, source.fields
                )
            if not changed[translation.source_id]:
                continue
            sync_url = ""
            if can_sync:
                sync_url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
                sync_url += f"?{urlencode(next_query)}" if next_query else ""
            rows.append(
                StatusRow(
                    title=source.title,
                    kind=source.kind,
                    locale=locale,
                    status=OUTDATED,
                    source_edit_url=source.edit_url,
                    sync_url=sync_url,
                    translation_edit_url=target[0],
                    last_synced_at=translation.source.last_updated_at,
                )
            )
    return rows
