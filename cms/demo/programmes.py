"""The demo's youth programme, MetGirlz (seed article 000): facts from the article, sentences ours."""

from typing import Any

from wagtail.models import Page

from home.models import ProgrammePage, ProgrammePartner
from partners.models import PartnerAgency

PROGRAMME_INDEX = {
    "slug": "programmes",
    "title": "Youth programmes",
    "introduction": (
        "Programmes where young women meet police officers and support workers, learn how to stay safe "
        "and find out about careers."
    ),
}


def metgirlz(partners: dict[str, PartnerAgency]) -> dict[str, Any]:
    """The MetGirlz page's fields; `partners` are the demo partners by stable name."""
    return {
        "slug": "metgirlz",
        "title": "MetGirlz",
        "summary": (
            "A Metropolitan Police programme for girls aged 16 to 19 that builds trust between young women "
            "and the police."
        ),
        "who_it_is_for": (
            "Girls aged 16 to 19, especially those most at risk of violence, exploitation, county-lines "
            "activity, bullying and drugs."
        ),
        "age_min": 16,
        "age_max": 19,
        "founded_year": 2015,
        "aims": (
            "<ul><li>Build trust between young women and the police.</li>"
            "<li>Help girls feel safe on the streets, at parties and wherever they go.</li>"
            "<li>Show that policing is a career open to young women.</li></ul>"
        ),
        "risks": (
            "<ul><li>Violence</li><li>Sexual exploitation</li>"
            "<li>County lines, where young people are used to carry drugs or money</li>"
            "<li>Bullying</li><li>Drugs</li></ul>"
        ),
        "activities": (
            "<p>Girls meet female police officers, talk openly about staying safe and find out what working "
            "in the police is really like.</p>"
        ),
        "how_to_join": (
            "<p>Ask a teacher at your school or college whether it takes part, or talk to a police engagement "
            "officer at a Safe2Talk drop-in.</p>"
        ),
        "body": [
            {"type": "heading", "value": {"text": "How Safe2Talk began", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>MetGirlz started in 2015. Girls on the programme came up with the idea for Safe2Talk: "
                    "a monthly drop-in where women and girls can talk in confidence to female officers and "
                    "support workers.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "Support if you need it now", "level": "h2"}},
            {
                "type": "paragraph",
                "value": "<p>You do not have to wait for a session. These services can help you directly.</p>",
            },
            *(
                {"type": "partner", "value": {"partner": partners[key].pk}}
                for key in ("refuge", "redbridge-vawg", "ashiana-network")
            ),
        ],
        "programme_partners": [ProgrammePartner(partner=partners["metropolitan-police"], sort_order=0)],
    }


def safe2talk_paragraph(safe2talk: Page) -> dict[str, Any]:
    return {
        "type": "paragraph",
        "value": (
            f"<p>Safe2Talk is open to everyone, not only to girls on the programme: see the "
            f'<a linktype="page" id="{safe2talk.pk}">next Safe2Talk drop-ins</a>.</p>'
        ),
    }


def link_safe2talk(metgirlz: ProgrammePage, safe2talk: Page) -> bool:
    """Link the MetGirlz page to the Safe2Talk drop-in it gave rise to, unless it links there already.

    Safe2Talk is not a MetGirlz session (it has no `programme`), so the programme's own list of
    sessions does not show it: this paragraph, after the story of how Safe2Talk began, does.
    Returns True when it published a change.
    """
    link = f'linktype="page" id="{safe2talk.pk}"'
    blocks = [dict(block) for block in metgirlz.body.raw_data]
    if any(link in str(block.get("value")) for block in blocks):
        return False
    story = next(
        (
            index
            for index, block in enumerate(blocks)
            if "Safe2Talk" in str(block.get("value")) and block["type"] == "paragraph"
        ),
        len(blocks) - 1,
    )
    blocks.insert(story + 1, safe2talk_paragraph(safe2talk))
    metgirlz.body = blocks
    metgirlz.save_revision().publish()
    return True
