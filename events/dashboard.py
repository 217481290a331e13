"""The sessions dashboard on the admin home, and its one-step changes to a single date.

The commonest task of a busy engagement officer is "next Monday's session is off" or "this month
it moves to the 19th". The panel lists the next fortnight's sessions from the stored occurrences;
each session offers "Cancel this date" and "Move or retime", which record an `EventDateChange` on
the event, save a revision, and publish it, submit it to moderation or keep it as a draft,
according to the editor's rights. Publishing the English schedule rebuilds the occurrences that
every language, the listing, the feeds and the calendars read, and updates the synchronised
(alias) copies: translations need no "Sync translated pages" to show the change (their notice
is shown in English, marked `lang="en"`, until a translator translates it).
"""

import datetime
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.formats import date_format
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Page, PagePermissionTester, Revision

from .models import EventDateChange, EventPage, Occurrence, Venue
from .schedule import HORIZON_DAYS, LONDON, london_datetime, session_bounds

DASHBOARD_DAYS = 14


# --- The panel ----------------------------------------------------------------------------------


@dataclass
class LiveLanguage:
    """A language the event is live in: its own translation, or the English copy (an alias)."""

    code: str
    name: str
    translated: bool


@dataclass
class DashboardSession:
    occurrence: Occurrence
    languages: list[LiveLanguage] = field(default_factory=list)
    can_change: bool = False

    @property
    def day(self) -> str:
        return self.occurrence.date.isoformat()

    # London wall-clock times, whatever time zone the editor's admin profile uses.
    @property
    def start(self) -> datetime.datetime:
        return self.occurrence.start.astimezone(LONDON)

    @property
    def end(self) -> datetime.datetime:
        return self.occurrence.end.astimezone(LONDON)


def user_can_change(user: Any, page: Page) -> bool:
    """Whether `user` may edit `page`, from the permissions Wagtail caches on the user.

    The panel asks this for every session without a query each; the action views ask Wagtail's
    full `can_edit()`, which also lets a moderator in a workflow task edit.
    """
    tester = PagePermissionTester(user, page)
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return "change" in tester.permissions or ("add" in tester.permissions and page.owner_id == user.pk)


def live_languages(translation_keys: set) -> dict[Any, list[LiveLanguage]]:
    """The languages each event is live in, in the site's language order, with one query."""
    order = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    found: dict[Any, list[LiveLanguage]] = defaultdict(list)
    rows = Page.objects.filter(translation_key__in=translation_keys, live=True).values_list(
        "translation_key", "locale__language_code", "alias_of_id"
    )
    for key, code, alias_of_id in rows:
        info = get_language_info(code)
        found[key].append(LiveLanguage(code, info["name_translated"], alias_of_id is None))
    for languages in found.values():
        languages.sort(key=lambda language: order.index(language.code) if language.code in order else len(order))
    return found


def dashboard_sessions(user: Any, now: datetime.datetime | None = None) -> list[DashboardSession]:
    """The sessions from now to the end of the fourteenth day ahead (London), of every event.

    Three queries however many events: the sessions (with event, venue and change), the live
    translations and aliases, and the user's page permissions (cached by Wagtail on the user).
    View-restricted events are included: editors manage them too.
    """
    now = now or timezone.now()
    last_day = now.astimezone(LONDON).date() + datetime.timedelta(days=DASHBOARD_DAYS + 1)
    occurrences = list(
        Occurrence.objects.filter(end__gte=now, start__lt=london_datetime(last_day, datetime.time()))
        .select_related("event", "event__locale", "venue", "change")
        .order_by("start", "event__title")
    )
    languages = live_languages({occurrence.event.translation_key for occurrence in occurrences})
    return [
        DashboardSession(
            occurrence,
            languages.get(occurrence.event.translation_key, []),
            user_can_change(user, occurrence.event),
        )
        for occurrence in occurrences
    ]


class SessionsPanel(Component):
    """The admin home's "Sessions in the next 14 days" panel."""

    name = "sessions_dashboard"
    template_name = "events/admin/sessions_panel.html"
    order = 50

    def get_context_data(self, parent_context: Mapping[str, Any]) -> Mapping[str, Any]:
        request = parent_context["request"]
        return {"sessions": dashboard_sessions(request.user), "days": DASHBOARD_DAYS, "request": request}


# --- The forms --------------------------------------------------------------------------------


class CancelDateForm(forms.Form):
    notice = forms.CharField(
        label=_("Public notice"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Shown beside the struck-through date in every language and feed: why the session is off "
            "and what people can do instead, e.g. 'The library is closed. Next session 27 March.'"
        ),
    )

    def clean_notice(self) -> str:
        notice = self.cleaned_data["notice"].strip()
        if not notice:
            raise forms.ValidationError(_("Say why the session is cancelled and what people can do instead."))
        return notice


class MoveDateForm(CancelDateForm):
    new_date = forms.DateField(
        label=_("New date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The day the session now happens."),
    )
    new_start_time = forms.TimeField(
        label=_("New start time"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("London time, e.g. 14:00."),
    )
    new_end_time = forms.TimeField(
        label=_("New end time"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("London time. An end before the start means the next day."),
    )
    new_venue = forms.ModelChoiceField(
        label=_("New venue"),
        queryset=Venue.objects.none(),
        required=False,
        help_text=_("Leave empty to keep the usual venue."),
    )

    field_order = ["new_date", "new_start_time", "new_end_time", "new_venue", "notice"]

    def __init__(self, *args: Any, occurrence: Occurrence, **kwargs: Any) -> None:
        self.occurrence = occurrence
        event = occurrence.event
        start, end = occurrence.start.astimezone(LONDON), occurrence.end.astimezone(LONDON)
        kwargs["initial"] = {
            "new_date": start.date(),
            "new_start_time": start.time(),
            "new_end_time": end.time(),
            **kwargs.get("initial", {}),
        }
        super().__init__(*args, **kwargs)
        self.fields["notice"].help_text = _(
            "Shown beside the date in every language and feed, e.g. 'This month only: on the 19th, not Boxing Day.'"
        )
        self.fields["new_venue"].queryset = Venue.objects.filter(locale_id=event.locale_id).order_by("name")

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        day, start, end = (cleaned_data.get(name) for name in ("new_date", "new_start_time", "new_end_time"))
        if day is None or start is None or end is None:
            return cleaned_data
        today = timezone.now().astimezone(LONDON).date()
        if day < today:
            self.add_error("new_date", _("Choose today or a later date."))
        elif day > today + datetime.timedelta(days=HORIZON_DAYS):
            self.add_error("new_date", _("Choose a date within the next year."))
        elif start == end:
            self.add_error("new_end_time", _("The end time must differ from the start time."))
        elif session_bounds(day, start, end)[1] <= timezone.now():
            self.add_error("new_end_time", _("The new time is already over."))
        else:
            venue = cleaned_data.get("new_venue")
            same_place = venue is None or venue.pk == self.occurrence.venue_id
            if (session_bounds(day, start, end) == (self.occurrence.start, self.occurrence.end)) and same_place:
                raise forms.ValidationError(_("Give a new date, time or venue: this is when and where it is already."))
        return cleaned_data


# --- Recording the change ---------------------------------------------------------------------


class Outcome:
    PUBLISHED = "published"
    SUBMITTED = "submitted"
    IN_MODERATION = "in-moderation"
    DRAFT = "draft"


def with_change(page: EventPage, change: EventDateChange) -> EventPage:
    """`page` with `change` replacing any earlier change to the same date (in memory only).

    The earlier row goes, rather than being edited, so that its translated notice (e.g. a note
    about that day) is never shown beside the new cancellation.
    """
    kept = [row for row in page.date_changes.all() if row.date != change.date]
    copy = EventDateChange(
        page=page,
        locale_id=page.locale_id,
        date=change.date,
        action=change.action,
        new_date=change.new_date,
        new_start_time=change.new_start_time,
        new_end_time=change.new_end_time,
        new_venue=change.new_venue,
        notice=change.notice,
    )
    page.date_changes = [*kept, copy]
    return page


def save_with_change(page: EventPage, change: EventDateChange, user: Any) -> Revision:
    revision = with_change(page, change).save_revision(user=user, log_action=True)
    log(
        instance=page,
        action=f"events.{change.action}_date",
        user=user,
        revision=revision,
        data={"date": change.date.isoformat(), "notice": change.notice},
    )
    return revision


@transaction.atomic
def record_date_change(source: EventPage, change: EventDateChange, user: Any) -> str:
    """Save `change` on the event as a new revision, then publish, submit or keep it as a draft.

    A user who may publish publishes the live page plus the change, so that someone else's
    unfinished draft is not published with it; that draft then gets the change too, as a new
    revision on top. Anyone else saves the latest draft plus the change and submits it to the
    page's workflow, if there is one.
    """
    permissions = source.permissions_for_user(user)
    if permissions.can_publish():
        had_draft = source.has_unpublished_changes and source.live
        draft = source.get_latest_revision_as_object() if had_draft else None
        live = EventPage.objects.get(pk=source.pk)
        save_with_change(live, change, user).publish(user=user)
        if draft is not None:
            save_with_change(draft, change, user)
        return Outcome.PUBLISHED
    source = EventPage.objects.get(pk=source.pk)
    save_with_change(source.get_latest_revision_as_object(), change, user)
    source.refresh_from_db()
    if source.workflow_in_progress:
        return Outcome.IN_MODERATION
    workflow = source.get_workflow()
    if workflow is not None and workflow.active:
        workflow.start(source, user)
        return Outcome.SUBMITTED
    return Outcome.DRAFT


OUTCOME_MESSAGES = {
    Outcome.PUBLISHED: _("Published: '%(event)s' on %(date)s is changed on the site, in every language and feed."),
    Outcome.SUBMITTED: _(
        "Submitted for moderation: the change to '%(event)s' on %(date)s goes live once a moderator approves it."
    ),
    Outcome.IN_MODERATION: _(
        "Saved: '%(event)s' is already waiting for moderation; the change to %(date)s is in its latest draft."
    ),
    Outcome.DRAFT: _(
        "Saved as a draft only: the change to '%(event)s' on %(date)s is not on the site yet. "
        "Ask someone who can publish this page."
    ),
}


class DateChangeLogFormatter(LogFormatter):
    def format_message(self, log_entry: Any) -> str:
        day = parse_date(str(log_entry.data.get("date", "")))
        return self.message % {"date": date_format(day, "DATE_FORMAT") if day else "?"}


class CancelDateLogFormatter(DateChangeLogFormatter):
    label = _("Cancel a single date")
    message = _("Cancelled the session of %(date)s from the sessions dashboard")


class MoveDateLogFormatter(DateChangeLogFormatter):
    label = _("Move or retime a single date")
    message = _("Moved or retimed the session of %(date)s from the sessions dashboard")


# --- The views --------------------------------------------------------------------------------


class DateChangeView(WagtailAdminTemplateMixin, FormView):
    """Cancel, move or retime one upcoming session, named by its event and its scheduled date."""

    template_name = "events/admin/change_date.html"
    action: str = ""
    header_icon = "date"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        day = parse_date_or_none(kwargs["day"])
        if day is None:
            raise Http404
        self.event = get_object_or_404(EventPage, pk=kwargs["page_id"])
        self.occurrence = get_object_or_404(
            Occurrence.objects.select_related("event", "venue", "change"),
            event=self.event,
            date=day,
            end__gte=timezone.now(),
        )
        permissions = self.event.permissions_for_user(request.user)
        if not permissions.can_edit():
            # A plain 403, not Wagtail's redirect to the dashboard: nothing happened, and the editor
            # should see so rather than land back on the panel.
            return TemplateResponse(request, "events/admin/forbidden.html", {"event": self.event}, status=403)
        if permissions.page_locked():
            messages.error(request, _("'%(event)s' is locked: unlock it first.") % {"event": self.event.title})
            return HttpResponseRedirect(reverse("wagtailadmin_home"))
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self) -> str:
        return self.event.get_admin_display_title()

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [{"url": reverse("wagtailadmin_home"), "label": _("Dashboard")}, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            occurrence=self.occurrence,
            start=self.occurrence.start.astimezone(LONDON),
            end=self.occurrence.end.astimezone(LONDON),
            event=self.event,
            action_url=self.request.path,
            submit_button_label=self.submit_button_label,
            can_publish=self.event.permissions_for_user(self.request.user).can_publish(),
        )
        return context

    def build_change(self, form: forms.Form) -> EventDateChange:
        raise NotImplementedError

    def form_valid(self, form: forms.Form) -> HttpResponse:
        change = self.build_change(form)
        outcome = record_date_change(self.event, change, self.request.user)
        text = OUTCOME_MESSAGES[outcome] % {
            "event": self.event.title,
            "date": date_format(self.occurrence.start.astimezone(LONDON), "DATE_FORMAT"),
        }
        (messages.success if outcome in {Outcome.PUBLISHED, Outcome.SUBMITTED} else messages.warning)(
            self.request, text
        )
        return HttpResponseRedirect(reverse("wagtailadmin_home"))


class CancelDateView(DateChangeView):
    form_class = CancelDateForm
    page_title = _("Cancel this date")
    submit_button_label = _("Cancel this date")

    def build_change(self, form: forms.Form) -> EventDateChange:
        return EventDateChange(
            date=self.occurrence.date, action=EventDateChange.Action.CANCEL, notice=form.cleaned_data["notice"]
        )


class MoveDateView(DateChangeView):
    form_class = MoveDateForm
    page_title = _("Move or retime")
    submit_button_label = _("Move or retime this date")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "occurrence": self.occurrence}

    def build_change(self, form: forms.Form) -> EventDateChange:
        data = form.cleaned_data
        schedule = self.event
        venue = data["new_venue"]
        change = EventDateChange(
            date=self.occurrence.date,
            action=EventDateChange.Action.MOVE,
            # Only what differs from the schedule, so a later change to the usual time still applies.
            new_date=data["new_date"] if data["new_date"] != self.occurrence.date else None,
            new_start_time=data["new_start_time"] if data["new_start_time"] != schedule.start_time else None,
            new_end_time=data["new_end_time"] if data["new_end_time"] != schedule.end_time else None,
            new_venue=venue if venue is not None and venue.pk != schedule.venue_id else None,
            notice=data["notice"],
        )
        if not (change.new_date or change.new_start_time or change.new_end_time or change.new_venue):
            change.new_date = data["new_date"]  # moved back to its usual slot: still a move, with its notice
        return change


def parse_date_or_none(value: str) -> datetime.date | None:
    try:
        return parse_date(value)
    except ValueError:
        return None
