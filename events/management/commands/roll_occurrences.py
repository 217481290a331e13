from django.core.management.base import BaseCommand

from events.queries import roll_all


class Command(BaseCommand):
    help = "Rebuild the stored occurrences of every live event and move the horizon forward. Run daily."

    def handle(self, *args, **options) -> None:
        written = roll_all()
        self.stdout.write(f"{written} future occurrences stored.")
