"""Demo partner agencies: the organisations present at every Safe2Talk drop-in (seed article 000).

Only numbers we are certain of are given: 999, and the National Domestic Abuse Helpline that
Refuge runs (0808 2000 247, free, 24 hours a day). Every other number is left empty on purpose:
never invent one. Websites are given only where the exact address is certain. The languages
listed are demo values to confirm with each agency before any real use.
"""

from typing import Any

from wagtail.models import Locale

from partners.models import PartnerAgency

DIRECTORY = {
    "slug": "support-services",
    "title": "Support services",
    "introduction": (
        "Organisations that support women and girls in East London. "
        "You can contact them directly, without going through the police."
    ),
}

# Keyed by a stable name, which is also the slug of each partner's page.
PARTNERS: dict[str, dict[str, Any]] = {
    "metropolitan-police": {
        "name": "Metropolitan Police",
        "kind": PartnerAgency.Kind.POLICE,
        "short_description": (
            "Female police engagement officers come to every drop-in. You can talk to them in confidence, "
            "ask questions, or report a crime if you decide to."
        ),
        "about": (
            "<p>The Metropolitan Police is London's police service. Its engagement officers run the Safe2Talk "
            "drop-ins and the MetGirlz programme together with local support services.</p>"
            "<p>Talking to an officer at a drop-in does not mean you have to make a report. You decide what "
            "happens next.</p>"
        ),
        "services": [PartnerAgency.Service.REPORTING, PartnerAgency.Service.YOUTH_WORK],
        "who_it_helps": "Anyone in London. At the drop-ins, you can speak to a female officer.",
        "languages": ["en"],
        "helpline_name": "Emergency number",
        "helpline_number": "999",
        "helpline_hours": "At any time, when someone is in danger or a crime is happening now.",
        "helpline_free": True,
        "helpline_open_24_7": True,
        "website": "https://www.met.police.uk/",
        "referral": PartnerAgency.Referral.SELF,
        "referral_details": (
            "You can also talk to an engagement officer at any Safe2Talk drop-in, without an appointment."
        ),
        "safety_note": (
            "If you call 999 from a mobile and cannot speak, listen to the questions and press 55 when asked, "
            "so that the operator knows you need help."
        ),
    },
    "redbridge-vawg": {
        "name": "Redbridge Violence Against Women and Girls Service",
        "kind": PartnerAgency.Kind.COUNCIL,
        "short_description": (
            "The council's specialist service for women and girls in Redbridge affected by domestic abuse, "
            "sexual violence and other kinds of violence."
        ),
        "about": (
            "<p>A specialist from this service comes to every Safe2Talk drop-in. They can listen, help you "
            "understand your options and put you in touch with other support.</p>"
        ),
        "services": [
            PartnerAgency.Service.DOMESTIC_ABUSE,
            PartnerAgency.Service.SEXUAL_VIOLENCE,
            PartnerAgency.Service.HARASSMENT,
        ],
        "who_it_helps": "Women and girls in the London Borough of Redbridge affected by any kind of violence or abuse.",
        "languages": ["en"],
        "referral": PartnerAgency.Referral.EITHER,
        "referral_details": "The easiest way to start is to talk to someone from the service at a drop-in.",
    },
    "refuge": {
        "name": "Refuge",
        "kind": PartnerAgency.Kind.CHARITY,
        "women_led": True,
        "short_description": (
            "A national charity for women and children experiencing domestic abuse. Its Eastern European "
            "Service supports women from Eastern Europe."
        ),
        "about": (
            "<p>Refuge runs the National Domestic Abuse Helpline, which is free and open day and night. "
            "Someone from Refuge's Eastern European Service comes to every Safe2Talk drop-in.</p>"
        ),
        "services": [PartnerAgency.Service.DOMESTIC_ABUSE, PartnerAgency.Service.HOUSING],
        "who_it_helps": "Women and children experiencing domestic abuse, including women from Eastern Europe.",
        "languages": ["en", "pl", "ro", "lt", "ru"],
        "helpline_name": "National Domestic Abuse Helpline",
        "helpline_number": "0808 2000 247",
        "helpline_hours": "Day and night, every day of the year.",
        "helpline_free": True,
        "helpline_open_24_7": True,
        "website": "https://refuge.org.uk/",
        "referral": PartnerAgency.Referral.SELF,
        "referral_details": "At a drop-in, ask for the worker from the Eastern European Service.",
        "safety_note": "If someone may check your phone, delete the call from your call history afterwards.",
    },
    "ashiana-network": {
        "name": "Ashiana Network",
        "kind": PartnerAgency.Kind.CHARITY,
        "women_led": True,
        "short_description": (
            "A charity supporting Black and minoritised women affected by violence and abuse. An immigration "
            "solicitor from Ashiana comes to every drop-in."
        ),
        "about": (
            "<p>Worries about immigration status can stop women from asking for help. At Safe2Talk drop-ins, "
            "an immigration solicitor from Ashiana Network gives confidential advice about your situation.</p>"
        ),
        "services": [
            PartnerAgency.Service.DOMESTIC_ABUSE,
            PartnerAgency.Service.IMMIGRATION,
            PartnerAgency.Service.LEGAL,
        ],
        "who_it_helps": (
            "Black and minoritised women, including South Asian, Turkish and Middle Eastern women, "
            "affected by violence and abuse."
        ),
        "languages": ["en", "ar", "bn", "hi", "pa", "tr", "ur"],
        "referral": PartnerAgency.Referral.EITHER,
        "referral_details": "Ask for the immigration solicitor at a Safe2Talk drop-in.",
        "safety_note": "You can get immigration advice without reporting anything to the police.",
    },
}


def ensure_partners(locale: Locale) -> dict[str, PartnerAgency]:
    """The demo partners in `locale`, created and published if they do not exist, keyed by stable name."""
    partners = {}
    for key, fields in PARTNERS.items():
        partner = PartnerAgency.objects.filter(locale=locale, slug=key).first()
        if partner is None:
            partner = PartnerAgency(locale=locale, slug=key, **fields)
            partner.save()
            partner.save_revision().publish()
        partners[key] = partner
    return partners


def demo_partners() -> dict[str, PartnerAgency]:
    """The English demo partners keyed by stable name, for other demo modules (e.g. Safe2Talk's partners)."""
    return ensure_partners(Locale.get_default())
