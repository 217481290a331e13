"""The demo's site structure and its English text.

Facts come from two local news reports about Safe2Talk and a women-only engagement event in
Hackney; the sentences are ours and no private individual is named.
"""

HOME = {
    "title": "East London Safe Spaces",
    "introduction": (
        "Free, confidential drop-ins and events for women and girls in East London, "
        "with female police officers and specialist support services."
    ),
    "body": [
        {
            "type": "paragraph",
            "value": (
                "<p>You can talk to someone in a safe space, in person, without an appointment. "
                "You do not have to report anything to the police to come along.</p>"
            ),
        },
        {
            "type": "callout",
            "value": {
                "title": "If you are in danger now",
                "text": "<p>Call 999. If you cannot speak, call 999 and press 55 when asked.</p>",
            },
        },
    ],
}

ABOUT = {
    "slug": "about",
    "title": "About this service",
    "introduction": "Who runs these sessions, who they are for and what to expect when you arrive.",
    "body": [
        {"type": "heading", "value": {"text": "Who we are", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<p>Police engagement officers in East London work with local support services "
                "to run drop-ins and events where women and girls can talk openly.</p>"
            ),
        },
        {
            "type": "paragraph",
            "value": (
                "<p>The monthly drop-ins began as an idea from girls taking part in a police youth "
                "programme for young women aged 16 to 19.</p>"
            ),
        },
        {"type": "heading", "value": {"text": "What to expect", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<p>The staff are women. You can speak one to one with a police officer or with a "
                "specialist in domestic abuse, sexual violence or immigration advice.</p>"
            ),
        },
        {
            "type": "paragraph",
            "value": (
                "<p>What you say is confidential. You can ask questions, get advice and leave whenever you want.</p>"
            ),
        },
        {
            "type": "callout",
            "value": {
                "title": "You do not have to report to the police",
                "text": "<p>You can come just to talk and to find other kinds of support.</p>",
            },
        },
    ],
}

STAYING_SAFE = {
    "slug": "staying-safe-online",
    "title": "Staying safe online",
    "introduction": (
        "If someone else may see your phone or computer, these steps can help you look for support more privately."
    ),
    "body": [
        {"type": "heading", "value": {"text": "Use private browsing", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<p>A private or incognito window does not keep the pages you visit in your history "
                "once you close it. Open one before you look for help.</p>"
            ),
        },
        {"type": "heading", "value": {"text": "Delete history selectively", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<p>Clearing all of your history can look suspicious. Instead, delete only the pages "
                "you want to hide from your browser history.</p>"
            ),
        },
        {"type": "heading", "value": {"text": "What the exit button cannot do", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<p>The Exit this page button quickly replaces this site with a weather page. It "
                "cannot erase your history, and someone who takes your device may still find "
                "that you visited.</p>"
            ),
        },
        {"type": "heading", "value": {"text": "Spyware and tracking apps", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<p>If someone knows things they should not, your phone may have spyware or shared "
                "location settings. Removing it suddenly can alert them, so talk to a specialist "
                "service first.</p>"
            ),
        },
        {"type": "heading", "value": {"text": "Use a safer device", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<p>If you can, use a device that the other person cannot reach, such as a "
                "computer at a library or a friend's phone.</p>"
            ),
        },
    ],
}
