from django.core.management.base import BaseCommand
from django.db import transaction

from cms.groups import setup_groups


class Command(BaseCommand):
    help = (
        "Create the admin's groups (Editors, Moderators, and a translators' group per language, limited to "
        "its own language) and the Moderation workflow on every page tree. Running it again changes nothing."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        groups = setup_groups()
        self.stdout.write(f"Groups ready: {', '.join(group.name for group in groups) or 'none'}.")
