"""Signals the events app sends for others to hear (the site's response cache listens)."""

from django.dispatch import Signal

# Sent with `translation_key` after an event's stored occurrences were rewritten in bulk
# (bulk writes send no post_save), e.g. by the daily `roll_occurrences`.
occurrences_rebuilt = Signal()
