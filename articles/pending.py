"""Changes to a published article that wait for an editor (a draft over the live version).

An edit of a published article is kept in ``Article.pending`` (a revision's content); the
public keeps the live fields until an editor publishes the changes, now or at a time
(``pending_at``). Changes scheduled for later go live at their second without a job: the
live copy expires then (``rendering``), and the first read after it applies them here.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles import revisions
from articles.models import Article, Byline, Person, Revision, Tag


def keep(article: Article, *, by, at=None, tags=None, authors=None, note=None) -> Article:
    """Keep the edited ``article`` (unsaved values on a published row, its version already
    prepared by ``workflow.check_edit``, under its lock) as its pending changes."""
    at = at or timezone.now()
    live = Article.objects.get(pk=article.pk)
    live_content = revisions.snapshot(live)
    base = live.pending or live_content
    content = revisions.snapshot(
        article,
        tags=base["tags"] if tags is None else tags,
        authors=base["authors"] if authors is None else authors,
    )
    changed = not revisions.same_content(content, live_content)
    article.pending = content if changed else None
    article.pending_at = live.pending_at if changed else None
    Article.objects.filter(pk=article.pk).update(
        pending=article.pending,
        pending_at=article.pending_at,
        version=article.version,
        modified_by=by,
        modified_at=at,
    )
    if note is None:
        note = _("changes waiting for publication") if changed else _("pending changes dropped")
    revisions.record(article, by=by, at=at, note=note, content=content)
    return article


def shown(article: Article) -> Article:
    """``article`` showing its pending changes, in memory only (tags and authors too), for
    the newsroom's own views; unchanged when nothing waits."""
    if article.pending:
        revisions.apply_content(article, article.pending, relations=False)
        tags = Tag.objects.filter(pk__in=article.pending["tags"]).select_related("person")
        people = Person.objects.in_bulk(article.pending["authors"])
        article._prefetched_objects_cache = {
            **getattr(article, "_prefetched_objects_cache", {}),
            "tags": list(tags),
            "bylines": [
                Byline(article=article, person=people[pk], position=position)
                for position, pk in enumerate(article.pending["authors"])
                if pk in people
            ],
        }
    return article


def changes(article: Article) -> list[dict] | None:
    """The pending changes, field by field, as the public sees each and as it will be; None
    when nothing waits. Call before ``shown``, on the article's live relations."""
    if not article.pending:
        return None
    live = Revision(version=0, content=revisions.snapshot(article))
    waiting = Revision(version=article.version, content=article.pending)
    return [
        {"field": row["field"], "live": row["before"], "pending": row["after"]}
        for row in revisions.compare(live, waiting)
        if row["field"] in revisions.CONTENT_FIELDS
    ]


def apply(row: Article) -> dict:
    """Make the locked ``row``'s pending changes live: its tags and authors now, its fields
    for the caller to save (returned, by name), with its revision and the forgotten copy."""
    revisions.apply_content(row, row.pending)
    row.pending, row.pending_at = None, None
    names = [name for name in revisions.CONTENT_FIELDS if name not in revisions.RELATIONS]
    return {name: getattr(row, name) for name in (*names, "pending", "pending_at")}


def apply_due(at=None) -> list[Article]:
    """Publish, as the system, every pending change scheduled at or before ``at``; returns
    the articles changed, for the caller to forget."""
    at = at or timezone.now()
    due = Article.objects.filter(pending_at__lte=at).select_for_update(skip_locked=True)
    with transaction.atomic():
        rows = list(due)
        for row in rows:
            apply(row)
            row.version += 1
            row.save()  # every field: the content changed as a whole
            revisions.record(row, by=None, at=at, note=_("scheduled changes published"))
    return rows
