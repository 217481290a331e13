import factory
import wagtail_factories

from . import models


class HomePageFactory(wagtail_factories.PageFactory):
    title = "East London Safe Spaces"
    slug = "home"
    introduction = "Confidential support for women and girls in East London."

    class Meta:
        model = models.HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Information page {n}")
    introduction = "A page of information."
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>Some text.</p>"}])

    class Meta:
        model = models.StandardPage


class ProgrammeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Youth programmes"

    class Meta:
        model = models.ProgrammeIndexPage


class ProgrammePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Programme {n}")
    summary = "A programme for young women."
    age_min = 16
    age_max = 19

    class Meta:
        model = models.ProgrammePage


class ProgrammePartnerFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(ProgrammePageFactory)
    partner = factory.SubFactory("partners.factories.PartnerAgencyFactory")

    class Meta:
        model = models.ProgrammePartner
