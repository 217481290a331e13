"""Translators work in the admin on their own language only, through wagtail-localize."""

import polib
import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import GroupPagePermission, Locale, Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField
from wagtail_localize.models import Translation

from cms.groups import translator_group_name
from home.models import StandardPage
from partners.models import PartnerAgency
from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db

PROJECT_APPS = {"cms", "home", "events", "partners"}


def page_in(slug: str, code: str) -> Page:
    return Page.objects.get(slug=slug, locale__language_code=code).specific


def locale(code: str) -> Locale:
    return Locale.objects.get(language_code=code)


def edit_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def translation_of(instance, code: str) -> Translation:
    return Translation.objects.get(source__object_id=instance.translation_key, target_locale__language_code=code)


def refused(response) -> bool:
    return response.status_code in (302, 403) and (
        response.status_code == 403 or "/admin/login/" not in response.get("Location", "")
    )


def test_setup_groups_is_idempotent_and_gives_each_language_its_own_tree():
    call_command("setup_groups", verbosity=0)
    counts = (Group.objects.count(), GroupPagePermission.objects.count(), Group.permissions.through.objects.count())
    call_command("setup_groups", verbosity=0)
    assert (Group.objects.count(), GroupPagePermission.objects.count(), Group.permissions.through.objects.count()) == (
        counts
    )
    for code in LANGUAGES[1:]:
        group = Group.objects.get(name=translator_group_name(code))
        homes = {permission.page for permission in GroupPagePermission.objects.filter(group=group)}
        assert homes == {Page.objects.get(depth=2, locale__language_code=code)}
    assert not Group.objects.filter(name=translator_group_name("en")).exists()


def test_polish_translator_translates_a_polish_page_by_po_file_round_trip(
    polish_translator, django_capture_on_commit_callbacks
):
    about = page_in("about", "pl")
    assert polish_translator.get(edit_url(about)).status_code == 200
    translation = translation_of(about, "pl")

    download = polish_translator.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    entry = next(entry for entry in po if entry.msgid == "About this service")
    assert entry.msgstr == about.title
    entry.msgstr = "O nas i o tej usłudze"

    upload = polish_translator.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {
            "file": SimpleUploadedFile("about-pl.po", str(po).encode(), "text/x-gettext-translation"),
            "next": edit_url(about),
        },
    )
    assert upload.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        polish_translator.post(edit_url(about), {"action": "publish"})
    about.refresh_from_db()
    assert about.title == "O nas i o tej usłudze"
    assert page_in("about", "en").title == "About this service"
    assert "O nas i o tej usłudze" in polish_translator.get("/pl/about/").content.decode()


@pytest.mark.parametrize("code", ["en", "ur"])
def test_polish_translator_cannot_edit_english_or_urdu_pages(
    polish_translator, django_capture_on_commit_callbacks, code
):
    page = page_in("about", code)
    title, revision = page.title, page.latest_revision_id
    assert refused(polish_translator.get(edit_url(page)))
    with django_capture_on_commit_callbacks(execute=True):
        response = polish_translator.post(
            edit_url(page), {"action": "publish", "title": "Changed", "slug": page.slug, "action-publish": "1"}
        )
    assert refused(response)
    page.refresh_from_db()
    assert (page.title, page.latest_revision_id) == (title, revision)


def test_polish_translator_cannot_touch_the_urdu_translation_through_wagtail_localize(polish_translator):
    translation = translation_of(page_in("about", "ur"), "ur")
    for name, method in [
        ("download_pofile", "get"),
        ("upload_pofile", "post"),
        ("machine_translate", "post"),
        ("stop_translation", "post"),
    ]:
        response = getattr(polish_translator, method)(reverse(f"wagtail_localize:{name}", args=[translation.pk]))
        assert response.status_code == 403, name
    assert Translation.objects.get(pk=translation.pk).enabled


def test_translators_cannot_stop_a_synchronised_translation_even_in_their_language(polish_translator):
    translation = translation_of(page_in("about", "pl"), "pl")
    response = polish_translator.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]))
    assert response.status_code == 403
    assert Translation.objects.get(pk=translation.pk).enabled


def test_a_translator_translates_a_new_page_by_machine_through_the_admin(
    polish_translator, django_capture_on_commit_callbacks
):
    home = Page.objects.get(depth=2, locale__language_code="en", live=True)
    english = StandardPage(title="Winter opening hours", slug="winter-opening-hours", introduction="Closes early.")
    home.add_child(instance=english)
    english.save_revision().publish()
    alias = english.get_translation(locale("pl"))
    assert alias.alias_of_id == english.pk
    assert polish_translator.get(edit_url(alias)).status_code == 200

    submit = polish_translator.post(
        reverse("wagtail_localize:submit_page_translation", args=[english.pk]), {"locales": [locale("pl").pk]}
    )
    assert submit.status_code == 302
    translation = translation_of(english, "pl")
    machine = polish_translator.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert machine.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        polish_translator.post(edit_url(alias), {"action": "publish"})
    polish = english.get_translation(locale("pl"))
    assert polish.alias_of_id is None
    assert polish.title == "hours opening Winter"  # DummyTranslator reverses the words
    assert polish.live


def test_a_translator_cannot_submit_a_page_for_translation_into_another_language(polish_translator):
    english = page_in("about", "en")
    response = polish_translator.post(
        reverse("wagtail_localize:submit_page_translation", args=[english.pk]), {"locales": [locale("ur").pk]}
    )
    assert response.status_code == 403


def make_partner(name: str) -> PartnerAgency:
    """A live, valid English partner agency: required choices take their first option."""
    partner = PartnerAgency(name=name, short_description="Support for women.", live=True, locale=locale("en"))
    for field in PartnerAgency._meta.concrete_fields:
        if field.choices and not field.blank and not getattr(partner, field.attname):
            setattr(partner, field.attname, field.choices[0][0])
    partner.full_clean()
    partner.save()
    return partner


@pytest.fixture
def partners() -> dict[str, PartnerAgency]:
    english = make_partner("Test Agency Alpha")
    copies = {"en": english}
    for code in ["pl", "ur"]:
        copy = english.copy_for_translation(locale(code))
        copy.save()
        copies[code] = copy
    return copies


def snippet_url(name: str, *args) -> str:
    return reverse(f"{PartnerAgency.snippet_viewset.url_namespace}:{name}", args=args)


def test_polish_translator_edits_polish_snippets_only(polish_translator, partners):
    assert polish_translator.get(snippet_url("edit", partners["pl"].pk)).status_code == 200
    for code in ["en", "ur"]:
        partner = partners[code]
        assert polish_translator.get(snippet_url("edit", partner.pk)).status_code == 403
        response = polish_translator.post(snippet_url("edit", partner.pk), {"name": "Changed", "short_description": ""})
        assert response.status_code == 403
        partner.refresh_from_db()
        assert partner.name == "Test Agency Alpha"
        assert polish_translator.post(snippet_url("unpublish", partner.pk)).status_code == 403
    assert polish_translator.get(snippet_url("add") + "?locale=en").status_code == 403


def test_polish_translator_saves_a_polish_snippet(polish_translator, partners):
    partner = partners["pl"]
    response = polish_translator.post(
        snippet_url("edit", partner.pk),
        {"name": "Test Agency Alpha (po polsku)", "short_description": "Wsparcie dla kobiet."},
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.latest_revision.as_object().name == "Test Agency Alpha (po polsku)"


def test_every_translatable_model_declares_its_fields_and_no_fact_is_overridable():
    models = [
        model
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS and issubclass(model, TranslatableMixin)
    ]
    assert models
    for model in models:
        assert any(
            "translatable_fields" in vars(cls) for cls in model.__mro__ if cls.__module__.split(".")[0] in PROJECT_APPS
        ), f"{model.__name__} does not declare translatable_fields"
        for field in model.translatable_fields:
            if isinstance(field, SynchronizedField) and not is_media(model, field.field_name):
                assert not field.overridable, f"{model.__name__}.{field.field_name} can be overridden per language"


def is_media(model, field_name: str) -> bool:
    """An image or document may differ per language (a poster with words on it); a fact may not."""
    field = model._meta.get_field(field_name)
    target = getattr(field, "related_model", None)
    return target is not None and issubclass(target, AbstractImage | AbstractDocument)


def test_polish_translator_translates_a_partner_agency_in_the_admin(
    polish_translator, django_capture_on_commit_callbacks
):
    english = make_partner("Test Agency Beta")
    submit = polish_translator.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[PartnerAgency._meta.app_label, PartnerAgency._meta.model_name, english.pk],
        ),
        {"locales": [locale("pl").pk]},
    )
    assert submit.status_code == 302
    translation = translation_of(english, "pl")
    polish = english.get_translation(locale("pl"))
    machine = polish_translator.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert machine.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        assert polish_translator.post(snippet_url("edit", polish.pk), {"action": "publish"}).status_code == 302
    polish.refresh_from_db()
    assert (polish.name, polish.short_description, polish.live) == ("Beta Agency Test", "women. for Support", True)
    english.refresh_from_db()
    assert english.name == "Test Agency Beta"
