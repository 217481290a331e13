import factory
import wagtail_factories
from wagtail.models import Locale

from . import models


class PartnerAgencyFactory(factory.django.DjangoModelFactory):
    """A live partner agency in the default language; pass `live=False` for a draft."""

    name = factory.Sequence(lambda n: f"Support service {n}")
    slug = factory.Sequence(lambda n: f"support-service-{n}")
    kind = models.PartnerAgency.Kind.CHARITY
    short_description = "Listens, advises and helps you plan what to do next."
    services = factory.LazyFunction(lambda: [models.PartnerAgency.Service.DOMESTIC_ABUSE])
    languages = factory.LazyFunction(lambda: ["en"])
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = models.PartnerAgency


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Support services"
    introduction = "Organisations you can contact directly."

    class Meta:
        model = models.PartnerIndexPage
