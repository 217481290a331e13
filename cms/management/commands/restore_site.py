from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models.signals import post_save
from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save


class Command(BaseCommand):
    help = (
        "Replace everything in the (migrated) database with a backup written by backup_site, "
        "then rebuild the search and reference indexes. All or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="A file written by backup_site")

    def handle(self, *args, path: str, **options):
        # wagtail-localize re-synchronises page trees whenever a LocaleSynchronization is saved,
        # even from a fixture (it ignores `raw`), before the pages it needs are loaded.
        post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
        try:
            with transaction.atomic():
                # The migrations' own rows (root page, default locale, site, groups) give way
                # to those in the backup. Content types and permissions come back with their
                # original ids, which generic relations (revisions, logs) refer to.
                call_command("flush", interactive=False, verbosity=0)
                ContentType.objects.all().delete()
                ContentType.objects.clear_cache()
                call_command("loaddata", path, verbosity=0)
        finally:
            post_save.connect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
            ContentType.objects.clear_cache()
        call_command("rebuild_references_index", verbosity=0)
        call_command("update_index", verbosity=0)
        self.stdout.write(f"Restored from {path}")
