import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..schedule import LONDON
from .pages import EventDateChange, EventPage
from .venue import Venue


class Occurrence(models.Model):
    """One session of an event, stored so that listings and feeds read one indexed table.

    Rebuilt from the authoritative schedule whenever an event or a translation of it is
    published, unpublished, moved or deleted, and rolled forward daily. Rows in the past are
    kept as they were, for the archive.
    """

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")
        RESCHEDULED = "rescheduled", _("Moved or retimed")

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="occurrences")
    # The date in the event's schedule that this session comes from (a moved session starts elsewhere).
    date = models.DateField()
    start = models.DateTimeField(db_index=True)
    end = models.DateTimeField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SCHEDULED, db_index=True)
    change = models.ForeignKey(EventDateChange, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    venue = models.ForeignKey(Venue, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["start"]
        indexes = [models.Index(fields=["status", "start"], name="events_occ_status_start")]
        constraints = [models.UniqueConstraint(fields=["event", "date"], name="events_occ_one_per_date")]
        verbose_name = _("occurrence")
        verbose_name_plural = _("occurrences")

    def __str__(self) -> str:
        return f"{self.event_id} {self.start:%Y-%m-%d %H:%M} {self.status}"

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def moved_from(self) -> datetime.date | None:
        """The scheduled date when a move put the session on another day."""
        return self.date if self.start.astimezone(LONDON).date() != self.date else None
