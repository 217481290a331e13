from django.conf import settings
from django.core.management.base import BaseCommand

from cms.demo.build import build
from cms.demo.translate import missing_strings, update_catalogue


class Command(BaseCommand):
    help = "Build the demo site in every language. Running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--update-catalogues",
            action="store_true",
            help="Add untranslated English strings to cms/demo/locale/<language>.po for translators.",
        )

    def handle(self, *args, update_catalogues: bool = False, **options):
        sources = build(log=lambda message: self.stdout.write(message))
        if update_catalogues:
            for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
                if code != settings.LANGUAGE_CODE:
                    added = update_catalogue(code, missing_strings(sources, code))
                    self.stdout.write(f"{code}: {added} new strings to translate")
