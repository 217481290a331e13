import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

from . import models


class VenueFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Community centre {n}")
    address = "1 High Street\nIlford"
    postcode = "IG1 1AA"
    borough = models.Borough.REDBRIDGE
    accessibility = "Step-free entrance."
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = models.Venue


class EventPageFactory(wagtail_factories.PageFactory):
    """An event saved as a child of `parent`; publish a revision to store its occurrences."""

    title = factory.Sequence(lambda n: f"Drop-in {n}")
    summary = "A confidential drop-in."
    first_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=7))
    start_time = datetime.time(14)
    end_time = datetime.time(18)
    venue = factory.SubFactory(VenueFactory)

    class Meta:
        model = models.EventPage
