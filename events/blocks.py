from django.utils.translation import gettext_lazy as _
from wagtail import blocks

# Links, emphasis and lists only: no embeds, no raw HTML.
PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class EventHeadingBlock(blocks.StructBlock):
    """A section heading inside an event's description (events may not import home's blocks)."""

    text = blocks.CharBlock(label=_("Text"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
        help_text=_("Use section headings for main parts, sub-headings inside them."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        description = _("A heading that starts a new section of the page")
        preview_value = {"text": "What happens at a drop-in", "level": "h2"}


class EventBodyBlock(blocks.StreamBlock):
    """What happens at the event, in headings and paragraphs."""

    heading = EventHeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=PARAGRAPH_FEATURES,
        template="blocks/paragraph_block.html",
        description=_("Text with bold, italic, links and lists"),
        preview_value="<p>You can come on your own or with a friend.</p>",
    )
