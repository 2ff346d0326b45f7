"""Articles' public JSON, rendered after each change and served as stored bytes.

Every verb whose change can alter an article's public representation deletes its stored
copy in the same transaction (``forget``, called by the verb itself: no signal decides it),
so no reader ever sees a stale copy after the commit;
copies are re-rendered right after the commit for small changes, or on first read.
Whether an article is public is never stored here: the query that reads a copy decides.
The keys of what changed are handed to the purge backend after the commit.
"""

import hashlib
from itertools import chain

import orjson
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, Q
from django.utils import timezone

from articles import body, pending, references
from articles.api.serializers import ArticleDetailSerializer, ArticleListSerializer
from articles.models import Article, PublicCopy
from newsroom import purge
from newsroom import surrogate_keys as surrogate

# Above this many articles, copies are re-rendered on first read rather than at commit.
EAGER_RENDER_LIMIT = 50


class SiteRequest:
    """Stands in for a request when rendering: absolute URLs from SITE_URL, never the Host."""

    versioning_scheme = None

    def build_absolute_uri(self, location):
        return site_url(location)


def site_url(location: str) -> str:
    """``location`` made absolute on SITE_URL, unless it already is (a bucket's URL)."""
    return (
        location if location.startswith(("http://", "https://")) else settings.SITE_URL + location
    )


def etag_of(content: bytes) -> str:
    return '"' + hashlib.blake2b(content, digest_size=16).hexdigest() + '"'


def surrogate_keys(article) -> list[str]:
    """Keys naming everything this article's public JSON shows."""
    keys = {surrogate.article(article.public_id)}
    if article.section_id:
        keys.add(surrogate.section(article.section.slug))
        if article.section.parent_id:
            keys.add(surrogate.section(article.section.parent.slug))
    keys.update(surrogate.dossier(dossier.slug) for dossier in article.dossiers.all())
    keys.update(surrogate.person(b.person.slug) for b in article.bylines.all())
    keys.update(surrogate.person(q.person.slug) for q in article.quotes.all() if q.person_id)
    keys.update(surrogate.tag(tag.pk) for tag in article.tags.all())
    photos = {article.lead_photo_id, *body.referenced_ids(article.body, "photo")} - {None}
    keys.update(surrogate.photo(pk) for pk in photos)
    return sorted(keys)


def list_keys(article) -> list[str]:
    """Keys of the lists this article appears in: front lists, its sections, its dossiers."""
    keys = list(surrogate.LISTINGS)
    if article.section_id:
        keys.append(surrogate.section_list(article.section.slug))
        if article.section.parent_id:
            keys.append(surrogate.section_list(article.section.parent.slug))
    keys.extend(surrogate.dossier_list(dossier.slug) for dossier in article.dossiers.all())
    return keys


def _valid_until(article, at, going_live):
    """When this copy goes stale by itself: a photo's rights expire, a related article goes live.

    ``going_live`` maps the id of each related article to when it changes by itself.
    """
    photos = [article.lead_photo, *article.body_references["photo"].values()]
    moments = [p.rights_expire_at for p in photos if p and p.rights_expire_at]
    moments += [article.pending_at] if article.pending_at else []
    moments += [
        going_live[pk] for pk in body.referenced_ids(article.body, "related") if pk in going_live
    ]
    return min((m for m in moments if m > at), default=None)


def _going_live(articles, at) -> dict:
    """When each related article changes by itself: it becomes public, or (already public)
    its scheduled pending changes go live."""
    related = set().union(*(body.referenced_ids(a.body, "related") for a in articles))
    if not related:
        return {}
    rows = (
        Article.objects.filter(pk__in=related, status=Article.Status.PUBLISHED)
        .filter(~Article.objects.public_q(at) | Q(pending_at__gt=at))
        .values_list("pk", "published_at", "embargo_until", "pending_at")
    )
    moments = {}
    for pk, published, embargo, pending_at in rows:
        public_from = max(filter(None, [published, embargo]))
        moments[pk] = public_from if public_from > at else pending_at
    return moments


def render(article_ids) -> dict[int, PublicCopy]:
    """Render and store the public copies of these articles; return them by article id."""
    at = timezone.now()
    context = {"request": SiteRequest()}
    copies = {}
    article_ids = list(article_ids)
    # Is any pending change due, whichever article it is? Asked in the same query.
    due = Exists(Article.objects.filter(pending_at__lte=at))
    articles = list(Article.objects.filter(pk__in=article_ids).for_detail().annotate(due=due))
    if articles and articles[0].due:
        for promoted in pending.apply_due(at):
            forget_article(promoted)
        articles = list(Article.objects.filter(pk__in=article_ids).for_detail())
    references.attach(articles, at=at)
    going_live = _going_live(articles, at)
    for article in articles:
        detail = orjson.dumps(ArticleDetailSerializer(article, context=context).data)
        summary = orjson.dumps(ArticleListSerializer(article, context=context).data)
        copies[article.pk] = PublicCopy(
            article=article,
            detail=detail.decode(),
            summary=summary.decode(),
            etag=etag_of(detail),
            surrogate_keys=surrogate_keys(article),
            rendered_at=at,
            valid_until=_valid_until(article, at, going_live),
        )
    PublicCopy.objects.bulk_create(
        copies.values(),
        update_conflicts=True,
        unique_fields=["article"],
        update_fields=["detail", "summary", "etag", "surrogate_keys", "rendered_at", "valid_until"],
    )
    return copies


def outlived(valid_until, at) -> bool:
    """Whether a copy valid until ``valid_until`` has gone stale by itself at ``at``."""
    return valid_until is not None and valid_until <= at


def copies_for(articles, at=None) -> list[PublicCopy]:
    """The stored copies of ``articles`` (loaded with ``select_related("public_copy")``),
    in order; any missing or expired is rendered now."""
    at = at or timezone.now()
    found, missing = {}, []
    for article in articles:
        copy = getattr(article, "public_copy", None)
        if copy is None or outlived(copy.valid_until, at):
            missing.append(article.pk)
        else:
            found[article.pk] = copy
    if missing:
        found.update(render(missing))
    return [found[article.pk] for article in articles]


def forget(articles, *, keys=()) -> None:
    """The public copies of ``articles`` (ids or a queryset) are stale: delete them now,
    purge what showed them and re-render after the commit."""
    if isinstance(articles, list | set | tuple):
        articles = Article.objects.filter(pk__in=articles)
    small = list(articles.values_list("pk", flat=True)[: EAGER_RENDER_LIMIT + 1])
    stale = PublicCopy.objects.filter(article__in=articles)
    keys = set(keys) | set(chain.from_iterable(stale.values_list("surrogate_keys", flat=True)))
    if len(small) <= EAGER_RENDER_LIMIT:
        for article in (
            Article.objects.filter(pk__in=small)
            .select_related("section__parent")
            .prefetch_related("dossiers")
        ):
            keys.update(list_keys(article))
            keys.add(surrogate.article(article.public_id))
    else:
        keys.update(surrogate.LISTINGS)
    stale.delete()
    purge.after_commit(keys)
    if len(small) <= EAGER_RENDER_LIMIT:
        transaction.on_commit(  # a copy not rendered now is rendered on first read
            lambda: render(
                Article.objects.public().filter(pk__in=small).values_list("pk", flat=True)
            ),
            robust=True,
        )


def forget_article(article) -> None:
    """The article changed: forget its copy, and those of the articles whose related
    blocks show its headline (or hide it while it is not public)."""
    forget([article.pk], keys=[surrogate.article(article.public_id)])
    forget(Article.objects.filter(body_refs__contains=[f"related:{article.pk}"]))
