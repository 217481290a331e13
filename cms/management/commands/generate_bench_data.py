from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bench.data import generate


class Command(BaseCommand):
    help = (
        "Build benchmark content (the demo site plus N events in seven languages, 10 venues, 20 partners, "
        "3 programmes) in the configured database. Meant for cms.settings.bench, never a real site."
    )

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, default=1000, help="How many events to add (default 1000).")

    def handle(self, *args, events: int = 1000, **options):
        if events < 0:
            raise CommandError("--events must be zero or more.")
        if not settings.SETTINGS_MODULE.endswith(("bench", "test")):
            raise CommandError("Run with DJANGO_SETTINGS_MODULE=cms.settings.bench: it fills the database.")
        site = generate(events, log=lambda message: self.stdout.write(message))
        self.stdout.write(f"{len(site.events)} events and {site.occurrences} occurrences stored.")
