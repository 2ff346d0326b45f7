"""The article body's editor, as django-prose-editor configures it: which extensions, and
the options of our own («BodyBlock», articles/static/articles/body_blocks.js): the addresses
of its pickers (articles/admin/blocks.py) and every label it shows, in French, including
django-prose-editor's own menu items, which it names in English («Heading 2», «Paragraph»).
"""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy
from django_prose_editor.config import DEFAULT_MENU_GROUPS

from articles.body import URL_SCHEMES


def editor_options() -> dict:
    """The «BodyBlock» extension's options: its two addresses and every label it shows, and
    the French names of django-prose-editor's own menu items (lazy: read at render time)."""
    return {
        "searchUrl": reverse_lazy("admin:articles_article_block_search"),
        "cardsUrl": reverse_lazy("admin:articles_article_block_cards"),
        "labels": LABELS,
    }


# The menu's groups, with the cards' buttons after the block types and the marks.
MENU_GROUPS = [
    *DEFAULT_MENU_GROUPS[:4],
    {"group": "bodyBlocks"},
    *DEFAULT_MENU_GROUPS[4:],
]

LABELS = {
    "quote": gettext_lazy("Quote"),
    "photo": gettext_lazy("Photo"),
    "related": gettext_lazy("Related article"),
    "embed": gettext_lazy("Embed"),
    "insertTitles": {
        "quote": gettext_lazy("Insert a quote"),
        "photo": gettext_lazy("Insert a photo"),
        "related": gettext_lazy("Insert a related article"),
        "embed": gettext_lazy("Insert an embed (video, post)"),
    },
    "pickerTitles": {
        "quote": gettext_lazy("Insert a quote"),
        "photo": gettext_lazy("Insert a photo"),
        "related": gettext_lazy("Insert a related article"),
        "embed": gettext_lazy("Insert an embed (video, post)"),
    },
    "placeholders": {
        "quote": gettext_lazy("Words said or name of the speaker…"),
        "photo": gettext_lazy("Caption, credit or photographer…"),
        "related": gettext_lazy("Words of the headline…"),
        "embed": gettext_lazy("Address, https://…"),
    },
    "missing": gettext_lazy("no. %(id)s, which no longer exists"),
    "unattributed": gettext_lazy("unattributed"),
    "noCaption": gettext_lazy("(no caption)"),
    "noCredit": gettext_lazy("(no credit)"),
    "credit": gettext_lazy("Credit:"),
    "cancel": gettext_lazy("Cancel"),
    "insert": gettext_lazy("Insert"),
    "badUrl": gettext_lazy("Enter an address beginning with http:// or https://."),
    "nothingFound": gettext_lazy("Nothing found."),
    "cardHelp": gettext_lazy("Drag to move; select and press Delete to remove."),
    "editCaption": gettext_lazy("Caption…"),
    "editCaptionHelp": gettext_lazy("This article's caption for the photo"),
    "captionPrompt": gettext_lazy(
        "Caption for this article (leave empty to use the photo's own caption):"
    ),
    "remove": gettext_lazy("Remove from the body"),
    # django-prose-editor's own strings, by its English msgid (articles/static/articles/
    # editor_i18n.js gives them to it).
    "catalog": {
        "Edit Link": gettext_lazy("Link"),
        "URL": gettext_lazy("Address (https://…)"),
        "Title": gettext_lazy("Title shown on hover (optional)"),
        "Update": gettext_lazy("Apply"),
        "Insert": gettext_lazy("Insert"),
        "Cancel": gettext_lazy("Cancel"),
    },
    "menu": {
        "paragraph": gettext_lazy("Paragraph"),
        "heading2": gettext_lazy("Intertitle"),
        "bulletList": gettext_lazy("Bulleted list"),
        "blockquote": gettext_lazy("Block quote"),
        "bold": gettext_lazy("Bold"),
        "italic": gettext_lazy("Italic"),
        "link": gettext_lazy("Insert a link"),
        "unlink": gettext_lazy("Remove the link"),
        "history:undo": gettext_lazy("Undo"),
        "history:redo": gettext_lazy("Redo"),
    },
}


EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Link": {"enableTarget": False, "protocols": sorted(URL_SCHEMES)},
    "Heading": {"levels": [2]},
    "BulletList": True,
    "ListItem": True,
    "Blockquote": True,
    "NoSpellCheck": False,  # the browser's spellcheck, in the page's language (French)
    "Menu": {"groups": MENU_GROUPS},
    # Last, so that it names in French the items the others defined.
    "BodyBlock": editor_options(),
}
