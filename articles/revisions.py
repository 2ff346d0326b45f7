"""Revisions: the full content of an article at each save, compared and restored.

Why not django-reversion: a restore must bring back the text and classification but never
the status or publication times (only workflow.py changes those), and must pass the same
lock and permission checks as any edit; the compare view needs a readable diff of the
body's blocks. A snapshot of our own fields, in one JSON column, does all three simply.
"""

import difflib
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles import body, references
from articles.models import Revision
from newsroom.markup import strip_html

# Restorable fields, in the order the compare view shows them.
CONTENT_FIELDS = (
    "kicker",
    "headline",
    "slug",
    "standfirst",
    "body",
    "section",
    "lead_photo",
    "lead_photo_caption",
    "signature",
    "language",
    "is_premium",
    "embargo_until",
    "seo_title",
    "seo_description",
    "tags",
    "authors",
)
INFO_FIELDS = ("status", "published_at", "updated_at")
LABELS = {
    "kicker": _("kicker"),
    "headline": _("headline"),
    "slug": _("slug"),
    "standfirst": _("standfirst"),
    "body": _("body"),
    "section": _("section"),
    "lead_photo": _("lead photo"),
    "lead_photo_caption": _("caption for this article"),
    "signature": _("signature"),
    "language": _("language"),
    "is_premium": _("subscribers only"),
    "embargo_until": _("embargo until"),
    "seo_title": _("SEO title"),
    "seo_description": _("SEO description"),
    "tags": _("tags"),
    "authors": _("authors"),
    "status": _("status"),
    "published_at": _("publication time"),
    "updated_at": _("updated time shown to readers"),
}
FOREIGN_KEYS = {"section", "lead_photo"}
RELATIONS = ("tags", "authors")  # many-to-many and bylines, not columns
TIMES = {"embargo_until", "published_at", "updated_at"}


def snapshot(article, *, tags=None, authors=None) -> dict:
    """The article's content as a revision keeps it; ``tags`` and ``authors`` (objects or
    ids) stand for its saved ones when given."""
    content = {}
    for name in CONTENT_FIELDS + INFO_FIELDS:
        if name == "tags":
            tags = article.tags.all() if tags is None else tags
            content[name] = sorted(getattr(tag, "pk", tag) for tag in tags)
        elif name == "authors":
            if authors is None:
                authors = [byline.person_id for byline in article.bylines.all()]
            content[name] = [getattr(person, "pk", person) for person in authors]
        elif name in FOREIGN_KEYS:
            content[name] = getattr(article, f"{name}_id")
        elif name in TIMES:
            value = getattr(article, name)
            content[name] = value.isoformat() if value else None
        else:
            content[name] = getattr(article, name)
    return content


def record(article, *, by, at=None, note="", content=None):
    """Keep the article's current content (or ``content``, a snapshot) as revision
    ``article.version``."""
    return Revision.objects.create(
        article=article,
        version=article.version,
        created_at=at or timezone.now(),
        created_by=by,
        note=note,
        content=snapshot(article) if content is None else content,
    )


def record_many(articles, *, by, at=None, notes=None, contents=None) -> None:
    """``record`` for many articles in one statement; ``notes`` and ``contents`` (snapshots)
    go with the articles, in order."""
    at = at or timezone.now()
    articles = list(articles)
    notes = notes or [""] * len(articles)
    contents = contents or [snapshot(article) for article in articles]
    Revision.objects.bulk_create(
        Revision(
            article=article,
            version=article.version,
            created_at=at,
            created_by=by,
            note=note,
            content=content,
        )
        for article, note, content in zip(articles, notes, contents, strict=True)
    )


def apply(article, revision) -> None:
    """Put a revision's content back on the article, relations included; the caller saves."""
    apply_content(article, revision.content)


def same_content(one: dict, other: dict) -> bool:
    return all(one.get(name) == other.get(name) for name in CONTENT_FIELDS)


def apply_content(article, content: dict, *, relations: bool = True) -> None:
    """Put ``content`` (a snapshot) on the article; its tags and authors too unless
    ``relations`` is False (to show pending changes without saving them)."""
    for name in CONTENT_FIELDS:
        if name not in content or name in RELATIONS:
            continue
        value = content[name]
        if name in FOREIGN_KEYS:
            setattr(article, f"{name}_id", value)
        elif name in TIMES:
            setattr(article, name, datetime.fromisoformat(value) if value else None)
        else:
            setattr(article, name, value)
    if relations:
        article.tags.set(content.get("tags", []))
        article.set_authors(content.get("authors", []))


def compare(old, new) -> list[dict]:
    """Field-by-field differences between two revisions; the body as a line diff of its
    text, where a quote, a photo or a related article reads as what it shows."""
    rows = []
    for name in CONTENT_FIELDS + INFO_FIELDS:
        before, after = old.content.get(name), new.content.get(name)
        if before == after:
            continue
        row = {"field": name, "label": LABELS[name], "before": before, "after": after}
        if name == "body":
            found = references.cards(
                {
                    kind: body.referenced_ids(before or [], kind)
                    | body.referenced_ids(after or [], kind)
                    for kind in ("quote", "photo", "related")
                }
            )
            row["diff"] = list(
                difflib.unified_diff(
                    body_lines(before, found),
                    body_lines(after, found),
                    f"v{old.version}",
                    f"v{new.version}",
                    lineterm="",
                    n=1,
                )
            )
        rows.append(row)
    return rows


def readable_body(blocks) -> list[str]:
    """The body as lines a person reads, its quotes, photos and articles looked up."""
    found = references.cards(
        {kind: body.referenced_ids(blocks or [], kind) for kind in ("quote", "photo", "related")}
    )
    return body_lines(blocks, found)


def body_lines(blocks, found) -> list[str]:
    """The body as lines of text: an intertitle after «## », a list's items after «• », a
    block quote's paragraphs after «> », other blocks described (``references.describe``)."""
    lines = []
    for block in blocks or []:
        kind = block["type"]
        if kind == "paragraph":
            lines.append(body.plain_text([block]))
        elif kind == "intertitle":
            lines.append(f"## {block['text']}")
        elif kind == "list":
            lines.extend(f"• {strip_html(item)}" for item in block["items"])
        elif kind == "blockquote":
            lines.extend(f"> {strip_html(text)}" for text in block["paragraphs"])
        else:
            lines.append(references.describe(block, found))
    return lines
