from typing import Any

import recurrence
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from recurrence.fields import RecurrenceField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.models import SynchronisedPage

from ..admin_forms import EventPageForm
from ..blocks import EventBodyBlock
from ..schedule import normalise_recurrence
from ..widgets import RepeatWidget
from .venue import Venue

PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    SynchronizedField("slug", overridable=False),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
]

# Editors in the admin choose rules of these frequencies; sessions never repeat within a day.
REPEAT_FREQUENCIES = (recurrence.YEARLY, recurrence.MONTHLY, recurrence.WEEKLY, recurrence.DAILY)


class EventIndexPage(SynchronisedPage, RoutablePageMixin, Page):
    """Lists upcoming sessions of every event, with filters and a past view.

    Its language's feeds are routes below it (feed/, feed/atom/, calendar/, also reached as
    calendar.ics), so they take the listing's filters and follow the page into every language.
    """

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences under the page title.")
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index page")
        verbose_name_plural = _("event index pages")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from ..queries import event_listing, note_event_index

        note_event_index(request, self)
        context = super().get_context(request, *args, **kwargs)
        context.update(event_listing(request))
        return context

    @path("feed/", name="rss")
    def rss_feed(self, request: HttpRequest) -> HttpResponse:
        from ..feeds import EventsFeed

        return EventsFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request: HttpRequest) -> HttpResponse:
        from ..feeds import EventsAtomFeed

        return EventsAtomFeed(self)(request)

    @path("calendar/", name="calendar")
    def calendar(self, request: HttpRequest) -> HttpResponse:
        from ..ical import sessions_calendar

        return sessions_calendar(self, request)


class EventPage(SynchronisedPage, RoutablePageMixin, Page):
    """A drop-in, engagement event, workshop or programme session: once, or on repeat.

    The schedule (first date, times, repeat rule, per-date changes) of the page in the default
    language is authoritative for every language: occurrences are built from it alone, so a
    change published in English reaches every language at once, without "Sync translated pages".
    """

    class Kind(models.TextChoices):
        DROP_IN = "drop-in", _("Drop-in")
        ENGAGEMENT = "engagement", _("Engagement event")
        WORKSHOP = "workshop", _("Workshop")
        PROGRAMME_SESSION = "programme-session", _("Programme session")

    class Audience(models.TextChoices):
        WOMEN_AND_GIRLS = "women-and-girls", _("Women and girls only")
        WOMEN = "women", _("Women only")
        GIRLS = "girls", _("Girls and young women only")
        EVERYONE = "everyone", _("Everyone welcome")

    class Booking(models.TextChoices):
        DROP_IN = "drop-in", _("Just drop in, no need to book")
        BOOK = "book", _("Please book a place")

    summary = models.TextField(_("summary"), help_text=_("What happens, in one or two plain sentences."))
    body = StreamField(
        EventBodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("More about what happens at the session, e.g. what to bring or what a first visit is like."),
    )
    kind = models.CharField(
        _("kind of event"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.DROP_IN,
        help_text=_("Used by the filter on the events page."),
    )
    audience = models.CharField(
        _("who may come"),
        max_length=20,
        choices=Audience.choices,
        default=Audience.WOMEN_AND_GIRLS,
        help_text=_("Who the session is open to."),
    )
    staffed_by_women = models.BooleanField(
        _("staffed by women"), default=True, help_text=_("Tick if everyone working at the session is a woman.")
    )
    minimum_age = models.PositiveSmallIntegerField(
        _("minimum age"), null=True, blank=True, help_text=_("Leave empty if there is no lower age limit.")
    )
    maximum_age = models.PositiveSmallIntegerField(
        _("maximum age"), null=True, blank=True, help_text=_("Leave empty if there is no upper age limit.")
    )
    is_free = models.BooleanField(_("free"), default=True, help_text=_("Untick only if people must pay to come."))
    cost = models.CharField(
        _("cost"),
        max_length=200,
        blank=True,
        help_text=_("Only if it is not free: what it costs and who can get help with it."),
    )
    booking = models.CharField(
        _("booking"),
        max_length=10,
        choices=Booking.choices,
        default=Booking.DROP_IN,
        help_text=_("Whether people can just turn up."),
    )
    booking_details = models.TextField(
        _("how to book"),
        blank=True,
        help_text=_("If booking is needed: how, and by when. Never ask for more than needed."),
    )
    confidentiality_note = models.TextField(
        _("confidentiality note"),
        blank=True,
        help_text=_(
            "What stays private, and when staff might have to share something (for example, if someone is in danger)."
        ),
    )
    programme = models.ForeignKey(
        "home.ProgrammePage",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("The programme these sessions belong to, if any."),
    )
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Where the sessions happen. A single date can move elsewhere under 'Changes to single dates'."),
    )
    first_date = models.DateField(
        _("date"),
        help_text=_("The date of a one-off event, or the first session of a repeating one."),
    )
    start_time = models.TimeField(_("start time"), help_text=_("London time, e.g. 14:00."))
    end_time = models.TimeField(_("end time"), help_text=_("London time. An end before the start means the next day."))
    repeat = RecurrenceField(
        verbose_name=_("repeat"),
        include_dtstart=False,
        null=True,
        blank=True,
        help_text=_(
            "Leave empty for a one-off event. Dates only: every session uses the start and end time above. "
            "The rule adds sessions after the first date; exclude a date here to drop it from the schedule."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("first_date"),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("repeat", widget=RepeatWidget),
            ],
            heading=_("When"),
        ),
        InlinePanel("date_changes", heading=_("Changes to single dates"), label=_("change")),
        FieldPanel("venue"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("audience"),
                FieldPanel("staffed_by_women"),
                FieldRowPanel([FieldPanel("minimum_age"), FieldPanel("maximum_age")]),
            ],
            heading=_("Who may come"),
        ),
        InlinePanel("partners", heading=_("Who will be there"), label=_("partner agency")),
        MultiFieldPanel(
            [
                FieldPanel("is_free"),
                FieldPanel("cost"),
                FieldPanel("booking"),
                FieldPanel("booking_details"),
                FieldPanel("confidentiality_note"),
            ],
            heading=_("Cost, booking and privacy"),
        ),
        FieldPanel("programme"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("audience", overridable=False),
        SynchronizedField("staffed_by_women", overridable=False),
        SynchronizedField("minimum_age", overridable=False),
        SynchronizedField("maximum_age", overridable=False),
        SynchronizedField("is_free", overridable=False),
        TranslatableField("cost"),
        SynchronizedField("booking", overridable=False),
        TranslatableField("booking_details"),
        TranslatableField("confidentiality_note"),
        SynchronizedField("programme", overridable=False),
        SynchronizedField("venue", overridable=False),
        SynchronizedField("first_date", overridable=False),
        SynchronizedField("start_time", overridable=False),
        SynchronizedField("end_time", overridable=False),
        SynchronizedField("repeat", overridable=False),
        TranslatableField("date_changes"),
        TranslatableField("partners"),
    ]

    base_form_class = EventPageForm
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event page")
        verbose_name_plural = _("event pages")

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.start_time and self.end_time and self.start_time == self.end_time:
            errors["end_time"] = _("The end time must differ from the start time.")
        if self.minimum_age and self.maximum_age and self.minimum_age > self.maximum_age:
            errors["maximum_age"] = _("The maximum age must not be below the minimum age.")
        if self.repeat and any(
            rule.freq not in REPEAT_FREQUENCIES for rule in [*self.repeat.rrules, *self.repeat.exrules]
        ):
            errors["repeat"] = _("Sessions can repeat daily, weekly, monthly or yearly, not several times a day.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.repeat = normalise_recurrence(self.repeat)
        super().save(*args, **kwargs)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from ..queries import event_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_page_context(self, request))
        return context

    @path("calendar/", name="calendar")
    def calendar(self, request: HttpRequest) -> HttpResponse:
        """The whole series, past sessions included, for "Add to calendar"."""
        from ..ical import event_calendar

        return event_calendar(self, request)


class EventDateChange(TranslatableMixin, Orderable):
    """A change to one date of an event: cancelled, moved or retimed, or a note for that day.

    Rows on the event rather than edits to the repeat rule, so that the public sees what changed
    and why (struck-through dates beside their notice), in every language.
    """

    class Action(models.TextChoices):
        CANCEL = "cancel", _("Cancel this date")
        MOVE = "move", _("Move or retime this date")
        NOTE = "note", _("Add a note to this date")

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="date_changes")
    date = models.DateField(_("date"), help_text=_("The date of the session as the schedule has it."))
    action = models.CharField(
        _("change"), max_length=10, choices=Action.choices, help_text=_("What happens to this date.")
    )
    new_date = models.DateField(
        _("new date"), null=True, blank=True, help_text=_("For a move: the new date. Leave empty to keep the same day.")
    )
    new_start_time = models.TimeField(
        _("new start time"),
        null=True,
        blank=True,
        help_text=_("For a move or retime. Leave empty to keep the usual time."),
    )
    new_end_time = models.TimeField(
        _("new end time"),
        null=True,
        blank=True,
        help_text=_("For a move or retime. Leave empty to keep the usual time."),
    )
    new_venue = models.ForeignKey(
        Venue,
        verbose_name=_("new venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For a move to another place. Leave empty to keep the usual venue."),
    )
    notice = models.TextField(
        _("public notice"),
        blank=True,
        help_text=_("Shown beside the date, e.g. 'Cancelled because the library is closed. Next session 27 March.'"),
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("action")]),
        FieldRowPanel([FieldPanel("new_date"), FieldPanel("new_start_time"), FieldPanel("new_end_time")]),
        FieldPanel("new_venue"),
        FieldPanel("notice"),
    ]
    translatable_fields = [
        SynchronizedField("date", overridable=False),
        SynchronizedField("action", overridable=False),
        SynchronizedField("new_date", overridable=False),
        SynchronizedField("new_start_time", overridable=False),
        SynchronizedField("new_end_time", overridable=False),
        SynchronizedField("new_venue", overridable=False),
        TranslatableField("notice"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("change to a single date")
        verbose_name_plural = _("changes to single dates")
        ordering = ["sort_order"]

    def clean(self) -> None:
        super().clean()
        if self.action == self.Action.CANCEL and not self.notice.strip():
            raise ValidationError({"notice": _("Say why the session is cancelled and what people can do instead.")})
        if self.action == self.Action.MOVE and not (
            self.new_date or self.new_start_time or self.new_end_time or self.new_venue
        ):
            raise ValidationError({"new_date": _("Give a new date, time or venue for a move.")})

    def __str__(self) -> str:
        return f"{self.date}: {self.get_action_display()}"


class EventPartner(TranslatableMixin, Orderable):
    """A partner agency whose staff will be at an event, with what they do there."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="partners")
    partner = models.ForeignKey(
        "partners.PartnerAgency",
        verbose_name=_("partner agency"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Choose the English version; each language shows its own translation."),
    )
    role = models.CharField(
        _("role"),
        max_length=200,
        blank=True,
        help_text=_("Who from this agency will be there, e.g. 'an immigration solicitor'."),
    )

    panels = [FieldPanel("partner"), FieldPanel("role")]
    # Translated as a related object: a translation of the event points at the partner's translation
    # once there is one. Until then wagtail-localize keeps the English partner (its issues 648 and
    # 710), and `events.queries.partners_at` shows the partner in English rather than an empty slot.
    translatable_fields = [TranslatableField("partner"), TranslatableField("role")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner at the event")
        verbose_name_plural = _("partners at the event")
        ordering = ["sort_order"]
