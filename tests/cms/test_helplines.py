import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.fields import SynchronizedField

from cms.models import Helpline
from cms.templatetags.safety_tags import helpline_links
from tests.public_pages import PUBLIC_URLS, PublicURL

pytestmark = pytest.mark.django_db


def helplines_section(response) -> str:
    return re.search(r'<section class="helplines".*?</section>', response.content.decode(), re.S).group(0)


def english_helpline() -> Helpline:
    return Helpline.objects.get(locale__language_code="en", number="0808 2000 247")


@pytest.mark.parametrize("url", PUBLIC_URLS, ids=lambda url: url.id)
def test_every_page_lists_999_and_the_helplines_in_its_footer(client, url: PublicURL):
    section = helplines_section(client.get(url.path))
    assert '<a class="helplines__number" href="tel:999"><bdi>999</bdi></a>' in section
    assert '<a class="helplines__number" href="tel:08082000247"><bdi>0808 2000 247</bdi></a>' in section
    assert f'href="/{url.language}/staying-safe-online/"' in section


def test_helpline_names_are_translated(client):
    section = helplines_section(client.get("/ur/"))
    assert "گھریلو تشدد کی قومی ہیلپ لائن" in section
    assert "National Domestic Abuse Helpline" not in section


def test_a_translation_cannot_show_a_different_number(client):
    """Even a translation left with an old number (before anyone syncs) shows the English number."""
    urdu = english_helpline().get_translation(Locale.objects.get(language_code="ur"))
    Helpline.objects.filter(pk=urdu.pk).update(number="0800 000 000")
    section = helplines_section(client.get("/ur/"))
    assert "0808 2000 247" in section
    assert "0800 000 000" not in section


def test_translators_cannot_override_the_number():
    fields = {field.field_name: field for field in Helpline.translatable_fields}
    assert isinstance(fields["number"], SynchronizedField)
    assert not fields["number"].overridable


def test_an_untranslated_helpline_appears_in_english_marked_as_english(client):
    Helpline.objects.create(
        locale=Locale.get_default(), name="Example Line", number="0800 123 456", availability="Weekdays", sort_order=9
    )
    section = helplines_section(client.get("/ar/"))
    assert '<span class="helplines__name" dir="auto" lang="en">Example Line</span>' in section
    assert "tel:0800123456" in section


def test_helplines_follow_the_english_order_in_every_language(client):
    first = Helpline.objects.create(locale=Locale.get_default(), name="First", number="0800 111 111", sort_order=-1)
    first.copy_for_translation(Locale.objects.get(language_code="ur")).save()
    section = helplines_section(client.get("/ur/"))
    assert section.index("0800 111 111") < section.index("0808 2000 247")


def test_the_helplines_cost_one_query_however_many_there_are(django_assert_num_queries):
    for number in range(5):
        Helpline.objects.create(locale=Locale.get_default(), name=f"Line {number}", number=f"0800 {number}")
    with translation.override("ur"), django_assert_num_queries(1):
        assert len(helpline_links("ur")) == 6


@pytest.mark.parametrize("number", ["call us", "0808-2000-247", "0808  2000", "+", "javascript:alert(1)"])
def test_a_helpline_number_must_be_digits_in_groups(number):
    helpline = Helpline(locale=Locale.get_default(), name="A line", number=number)
    with pytest.raises(ValidationError) as error:
        helpline.full_clean()
    assert "number" in error.value.message_dict
