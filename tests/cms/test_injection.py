"""Whatever an editor types stays text: on public pages, in feeds, in calendars, in JSON-LD and in the admin.

Every editor field that reaches the public (page titles, summaries, StreamField blocks, rich text,
partner names and descriptions, venue name and address, date-change notices, roles) is filled
with script, attribute-breaking, `javascript:` and `</script>` payloads, control characters and a
right-to-left override. Each output is then read with a real parser (HTML, XML, feedparser,
icalendar, JSON) to check that nothing the editor wrote became markup, a property or code.

Right-to-left overrides (U+202E) are kept in HTML, where every piece of editor text sits in an
element with its own `dir` (which isolates it, so it cannot reverse the text around it), and taken
out where text has no such container: the browser tab's <title>, feeds and calendars.
"""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.models import Page

from events.factories import EventPageFactory, VenueFactory
from events.models import EventDateChange, EventIndexPage, EventPage, EventPartner
from home.blocks import PARAGRAPH_FEATURES
from home.models import ProgrammeIndexPage, ProgrammePage, StandardPage
from partners.factories import PartnerAgencyFactory
from partners.models import PartnerAgency
from tests.events.conftest import publish

pytestmark = pytest.mark.django_db

RTL_OVERRIDE = "\u202e"
PAYLOAD = (
    '<script>alert(1)</script> "><img src=x onerror=alert(1)> '
    "</script><script>alert(1)</script> <!-- \x01\x07\x1b\x7f "
    f"{RTL_OVERRIDE}gnp.exe"
)
# A newline followed by what would be a property, if calendars wrote titles unescaped.
LINE_BREAKER = "\r\nATTENDEE:mailto:evil@example.com\nX-INJECTED:1"


def as_saved_by_the_editor(text: str, links: dict[str, str]) -> str:
    """Rich text as Wagtail's editor stores it from what the browser sends (Draftail's contentstate).

    A hostile editor controls that JSON entirely: any text, any link URL. Wagtail converts it to
    its stored HTML with a whitelist, and the site renders that stored HTML as it is.
    """
    entities, ranges = {}, []
    for number, (word, url) in enumerate(links.items()):
        entities[str(number)] = {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}
        ranges.append({"offset": text.index(word), "length": len(word), "key": number})
    block = {"key": "a", "text": text, "type": "unstyled", "depth": 0, "inlineStyleRanges": [], "data": {}}
    state = {"blocks": [{**block, "entityRanges": ranges}], "entityMap": entities}
    return ContentstateConverter(PARAGRAPH_FEATURES).to_database_format(json.dumps(state))


RICH_TEXT = as_saved_by_the_editor(
    f"Read this, that and more. {PAYLOAD}",
    {"this": "javascript:alert(1)", "that": " JaVaScRiPt:alert(2)", "more": 'https://example.org/" onclick="alert(3)'},
)


@pytest.fixture
def poisoned() -> dict[str, object]:
    """An event, a plain page, a programme and a partner, every editor field carrying a payload."""
    venue = VenueFactory(name=f"Hall {PAYLOAD}", address=f"1 Road {PAYLOAD}{LINE_BREAKER}\nIlford")
    partner = PartnerAgencyFactory(
        name=f"Agency {PAYLOAD}"[:200],
        slug="poisoned-agency",
        short_description=f"Helps {PAYLOAD}",
        about=RICH_TEXT,
        who_it_helps=PAYLOAD,
        safety_note=PAYLOAD,
    )
    index = EventIndexPage.objects.get(locale__language_code="en")
    event = EventPageFactory(
        parent=index,
        title=f"Poisoned {PAYLOAD}{LINE_BREAKER}",
        slug="poisoned",
        summary=f"Summary {PAYLOAD}{LINE_BREAKER}",
        booking_details=PAYLOAD,
        confidentiality_note=PAYLOAD,
        first_date=datetime.date.today() + datetime.timedelta(days=2),
        venue=venue,
        body=[
            {"type": "heading", "value": {"text": PAYLOAD[:120], "level": "h2"}},
            {"type": "paragraph", "value": RICH_TEXT},
        ],
    )
    event.partners = [EventPartner(partner=partner, role=f"Role {PAYLOAD}"[:200])]
    event.date_changes = [
        EventDateChange(
            date=event.first_date + datetime.timedelta(days=0),
            action=EventDateChange.Action.NOTE,
            notice=f"Notice {PAYLOAD}{LINE_BREAKER}",
        )
    ]
    publish(event)
    home = Page.objects.get(depth=2, locale__language_code="en")
    standard = StandardPage(
        title=f"Plain {PAYLOAD}",
        slug="poisoned-page",
        introduction=PAYLOAD,
        body=[
            {"type": "heading", "value": {"text": PAYLOAD[:120], "level": "h2"}},
            {"type": "paragraph", "value": RICH_TEXT},
            {"type": "callout", "value": {"title": PAYLOAD[:120], "text": RICH_TEXT}},
            {"type": "partner", "value": {"partner": partner.pk}},
        ],
    )
    home.add_child(instance=standard)
    publish(standard)
    programme = ProgrammePage(
        title=f"Programme {PAYLOAD}",
        slug="poisoned-programme",
        summary=PAYLOAD,
        who_it_is_for=PAYLOAD,
        aims=RICH_TEXT,
        activities=RICH_TEXT,
        how_to_join=RICH_TEXT,
    )
    ProgrammeIndexPage.objects.get(locale__language_code="en").add_child(instance=programme)
    publish(programme)
    return {"event": event, "partner": partner, "page": standard, "programme": programme}


PUBLIC_PATHS = [
    "",
    "events/",
    "events/poisoned/",
    "poisoned-page/",
    "programmes/",
    "programmes/poisoned-programme/",
    "support-services/",
    "support-services/poisoned-agency/",
    "search/?q=poisoned",
]


def is_script_url(value: str) -> bool:
    """What a browser would run: javascript: (or vbscript:/data:) after dropping spaces and controls."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", value).lower()
    return cleaned.startswith(("javascript:", "vbscript:", "data:text/html"))


def assert_inert_html(html: str, where: str) -> None:
    document = BeautifulSoup(html, "html.parser")
    for script in document.find_all("script"):
        if script.get("type") == "application/ld+json":
            assert "</script" not in script.string.lower(), where
            json.loads(script.string)
            continue
        assert script.get("src", "").startswith("/static/"), (where, str(script)[:200])
        assert "alert" not in (script.string or ""), where
    for element in document.find_all(True):
        for attribute, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            assert not attribute.lower().startswith("on"), (where, str(element)[:200])
            if attribute in ("href", "src", "action", "formaction", "xlink:href"):
                assert not is_script_url(value), (where, str(element)[:200])
    assert not document.find("img", src="x"), where


@pytest.mark.parametrize("language", ["en", "ar"])
def test_public_pages_show_the_payloads_as_text(client, poisoned, language):
    for path in PUBLIC_PATHS:
        response = client.get(f"/{language}/{path}")
        assert response.status_code == 200, path
        html = response.content.decode()
        assert_inert_html(html, path)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html or path in ("programmes/",), path


def test_the_event_page_json_ld_is_json_with_the_title_as_typed(client, poisoned):
    html = client.get("/en/events/poisoned/").content.decode()
    scripts = BeautifulSoup(html, "html.parser").select('script[type="application/ld+json"]')
    assert scripts
    raw = scripts[0].string
    assert "</script" not in raw.lower() and "<!--" not in raw
    data = json.loads(raw)
    item = data[0] if isinstance(data, list) else data
    assert item["name"] == poisoned["event"].title
    assert "</script><script>alert(1)</script>" in item["description"]
    assert item["location"]["name"] == f"Hall {PAYLOAD}"


def test_an_editor_cannot_give_a_partner_a_javascript_website():
    """URL fields take http(s) addresses only, so a javascript: link never reaches a card."""
    partner = PartnerAgency.objects.get(slug="refuge", locale__language_code="en")
    partner.website = "javascript:alert(1)"
    with pytest.raises(ValidationError) as error:
        partner.full_clean()
    assert "website" in error.value.message_dict


def test_a_stored_javascript_website_is_not_a_link(client):
    """Even an address that came in some other way (an import) does not become a script link."""
    partner = PartnerAgency.objects.get(slug="refuge", locale__language_code="en")
    PartnerAgency.objects.filter(pk=partner.pk).update(website=" javascript:alert(1)")
    html = client.get("/en/support-services/refuge/").content.decode()
    assert_inert_html(html, "partner page")


@pytest.mark.parametrize("path", ["feed/", "feed/atom/"])
def test_feeds_are_well_formed_and_their_html_inert(client, poisoned, path):
    body = client.get(f"/en/events/{path}").content
    root = ET.fromstring(body)  # noqa: S314 (our own answer) - well-formed XML 1.0: no control characters
    feed = feedparser.parse(body)
    assert not feed.bozo, feed.bozo_exception
    poisoned_entries = [entry for entry in feed.entries if "Poisoned" in entry.title]
    assert poisoned_entries
    for entry in poisoned_entries:
        assert RTL_OVERRIDE not in entry.title and "\x1b" not in entry.title
        assert "\n" not in entry.title
    # The description is HTML for the feed reader: what the editor typed is text in it.
    for element in root.iter():
        if element.tag.split("}")[-1] in ("description", "summary", "content") and element.text:
            assert_inert_html(element.text, path)
    assert "<script>" not in body.decode().replace("&lt;script&gt;", "")


@pytest.mark.parametrize("path", ["events/calendar.ics", "events/poisoned/calendar.ics"])
def test_calendars_keep_each_text_in_its_own_property(client, poisoned, path):
    body = client.get(f"/en/{path}").content.decode()
    calendar = icalendar.Calendar.from_ical(body)
    events = [event for event in calendar.walk("VEVENT") if "Poisoned" in str(event.get("summary"))]
    assert events
    for event in events:
        assert "ATTENDEE" not in event and "X-INJECTED" not in event
        assert RTL_OVERRIDE not in str(event["summary"]) and "\x1b" not in str(event["description"])
    for line in body.split("\r\n"):
        assert not line.startswith(("ATTENDEE", "X-INJECTED")), line
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", body)


def test_the_browser_tab_title_carries_no_direction_override(client, poisoned):
    for path in ("events/poisoned/", "poisoned-page/", "programmes/poisoned-programme/"):
        document = BeautifulSoup(client.get(f"/en/{path}").content.decode(), "html.parser")
        assert RTL_OVERRIDE not in document.title.string, path
        assert "East London Safe Spaces" in document.title.string


@pytest.mark.parametrize("path", ["events/", "search/?q=poisoned", "support-services/"])
def test_direction_overrides_in_listed_titles_are_isolated(client, poisoned, path):
    """An override cannot reverse what follows the title (dates, other items): its element isolates it."""
    document = BeautifulSoup(client.get(f"/en/{path}").content.decode(), "html.parser")
    main = document.find("main")
    texts = [text for text in main.find_all(string=True) if RTL_OVERRIDE in text]
    assert texts
    for text in texts:
        container = text.parent
        # A menu option is a line of its own: an override cannot reach the next one.
        while container is not None and not container.has_attr("dir") and container.name not in ("bdi", "option"):
            container = container.parent
        assert container is not None and container is not main and container.name not in ("html", "body"), str(
            text.parent
        )[:200]


def test_nul_characters_are_refused_by_the_editor_forms_not_stored():
    """PostgreSQL refuses NUL in text; Django's form fields reject it first, with a message for the editor."""
    from partners.models import PartnerAgency as Agency

    for model, name in ((EventPage, "title"), (EventPage, "summary"), (Agency, "name")):
        field = model._meta.get_field(name).formfield()
        with pytest.raises(ValidationError) as error:
            field.clean("Drop-in\x00")
        assert [e.code for e in error.value.error_list] == ["null_characters_not_allowed"]


def test_the_admin_shows_the_payloads_as_text(client, poisoned):
    admin = get_user_model().objects.create_superuser("chief", "chief@example.org", "a-long-password-for-tests")
    client.force_login(admin)
    event, partner = poisoned["event"], poisoned["partner"]
    paths = [
        "/admin/",
        f"/admin/pages/{event.get_parent().pk}/",
        f"/admin/pages/{event.pk}/edit/",
        f"/admin/pages/{poisoned['page'].pk}/edit/",
        "/admin/pages/search/?q=poisoned",
        "/admin/snippets/partners/partneragency/",
        f"/admin/snippets/partners/partneragency/edit/{partner.pk}/",
        "/admin/snippets/events/venue/",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        document = BeautifulSoup(response.content.decode(), "html.parser")
        for script in document.find_all("script"):
            if script.get("type") in ("application/json", "application/ld+json") and script.string:
                json.loads(script.string)  # data for the admin's JavaScript, still valid JSON
                assert "</script" not in script.string.lower(), path
            else:
                assert "alert(1)" not in (script.string or ""), path
        for element in document.find_all(True):
            for attribute, value in element.attrs.items():
                if attribute.lower().startswith("on"):
                    assert "alert" not in str(value), (path, str(element)[:200])
        assert not document.find("img", src="x"), path
