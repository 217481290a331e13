from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from partners.blocks import PartnerCardBlock

# Links, emphasis and lists only: no embeds, no headings inside paragraphs, no raw HTML.
PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
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


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        required=False,
        help_text=_("Describe the image for people who cannot see it. Leave empty if it is decoration."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"
        description = _("An image with alternative text and an optional caption")


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=PARAGRAPH_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Call-out")
        template = "blocks/callout_block.html"
        description = _("A highlighted box for something readers must not miss")
        preview_value = {
            "title": "You do not have to report to the police",
            "text": "<p>You can come just to talk and get support.</p>",
        }


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=PARAGRAPH_FEATURES,
        template="blocks/paragraph_block.html",
        description=_("Text with bold, italic, links and lists"),
        preview_value="<p>Sessions are confidential and free.</p>",
    )
    image = ImageBlock()
    callout = CalloutBlock()
    partner = PartnerCardBlock()
