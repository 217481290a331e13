import datetime
from collections.abc import Iterator

from django.apps import apps
from django.core import serializers
from django.core.management.base import BaseCommand
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

# Rebuilt by restore_site, or of no use after a restore.
EXCLUDED_APPS = {"sessions", "axes", "wagtailsearch"}
EXCLUDED_MODELS = {"wagtailcore.referenceindex"}
# Content types and permissions first: loading other rows can create content types as a side
# effect, which must not take the ids that the backup's rows refer to.
FIRST_APPS = ["contenttypes", "auth"]


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder cuts datetimes to milliseconds; a backup keeps the microseconds."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def models_to_back_up() -> Iterator[type[models.Model]]:
    configs = sorted(
        apps.get_app_configs(),
        key=lambda config: FIRST_APPS.index(config.label) if config.label in FIRST_APPS else len(FIRST_APPS),
    )
    for config in configs:
        if config.label in EXCLUDED_APPS:
            continue
        for model in config.get_models():
            if model._meta.proxy or not model._meta.managed or model._meta.label_lower in EXCLUDED_MODELS:
                continue
            yield model


def rows() -> Iterator[models.Model]:
    for model in models_to_back_up():
        yield from model._base_manager.order_by(model._meta.pk.name).iterator()


class Command(BaseCommand):
    help = (
        "Write all content (pages, translations, revisions, snippets, settings, users, "
        "occurrences) to a JSON file that restore_site loads into a fresh database. "
        "Media files live in MEDIA_ROOT or object storage and are backed up separately."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The file to write, e.g. backup.json")

    def handle(self, *args, path: str, **options):
        with open(path, "w", encoding="utf-8") as stream:
            serializers.serialize("json", rows(), stream=stream, cls=ExactJSONEncoder)
        self.stdout.write(f"Backed up to {path}")
