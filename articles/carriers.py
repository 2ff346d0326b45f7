"""What a change to something articles carry must do to those articles.

A quote, a person, a tag, a photo, a section or a dossier entry is shown by the articles
that carry it. Whichever verb changes it (``articles.quotes``, ``media.photos``, …) finds
the articles it reaches with ``Reach.of``, then, in this order: ``check`` (changing what a
published article carries needs the editor's role, as changing the article does),
``record`` (a revision on each article: who, when, what changed), ``forget`` (their stored
public copies, and the surrogate keys to purge once the transaction commits).
"""

from django.contrib.postgres.fields import ArrayField
from django.db.models import CharField, Exists, F, Func, OuterRef, Q, TextField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.translation import gettext as _

from articles import rendering, revisions
from articles.models import Article
from newsroom.errors import NotAllowed

ONCE_PUBLISHED = (Article.Status.PUBLISHED, Article.Status.WITHDRAWN)


def refers_to(kind: str, ids) -> Q:
    """Articles whose body points to any of ``ids`` (quotes, photos, related articles)."""
    return Q(body_refs__overlap=[f"{kind}:{pk}" for pk in ids])


class Reach:
    """The articles one change reaches, as they stand before it."""

    def __init__(self, article_ids):
        self.ids = sorted(set(article_ids))

    @classmethod
    def of(cls, condition: Q) -> "Reach":
        return cls(Article.objects.filter(condition).values_list("pk", flat=True).distinct())

    def __or__(self, other: "Reach") -> "Reach":
        return Reach([*self.ids, *other.ids])

    def published(self):
        """The articles reached that the public sees, will see (scheduled) or saw."""
        return Article.objects.filter(pk__in=self.ids, status__in=ONCE_PUBLISHED)

    def check(self, by, *, classification: bool = False) -> None:
        """Refuse the change when it reaches a published article and ``by`` is no editor.

        Classification (tags, dossier entries) is also the archivist's to change."""
        if by is None or by.has_perm("articles.publish_article"):
            return
        if classification and by.has_perm("articles.edit_article_metadata"):
            return
        if headline := self.published().values_list("headline", flat=True).first():
            raise NotAllowed(
                _(
                    "Only an editor may change this: it is carried by the published article "
                    "“%(headline)s”."
                )
                % {"headline": headline},
                code="forbidden",
            )

    def record(self, *, by, at=None, note: str) -> None:
        """A new version and revision of every article reached, noting what changed."""
        if not self.ids:
            return
        at = at or timezone.now()
        rows = Article.objects.filter(pk__in=self.ids)
        rows.update(version=F("version") + 1, modified_by=by, modified_at=at)
        articles = list(rows.prefetch_related("tags", "bylines").order_by("pk"))
        revisions.record_many(articles, by=by, at=at, notes=[note[:200]] * len(articles))

    def forget(self, *, keys=()) -> None:
        """Their stored public copies are stale; purge ``keys`` and theirs after the commit."""
        rendering.forget(self.ids, keys=keys)

    def done(self, *, by, at=None, note: str, keys=()) -> None:
        """Once the change is made: ``record`` it, then ``forget``."""
        self.record(by=by, at=at, note=note)
        self.forget(keys=keys)


def reach_of_photos(photo_ids) -> Reach:
    """The articles showing any of these photos, as lead photo or in their body
    (registered with ``media.carriers``)."""
    return Reach.of(Q(lead_photo__in=photo_ids) | refers_to("photo", photo_ids))


def photos_shown(at=None) -> Q:
    """Photos a public article shows, as lead photo or in its body (registered with
    ``media.carriers.register_public_use``)."""
    public = Article.objects.public(at)
    ref = Concat(Value("photo:"), Cast(OuterRef("pk"), TextField()), output_field=CharField())
    refs = Func(ref, template="ARRAY[%(expressions)s]", output_field=ArrayField(CharField()))
    in_body = public.filter(body_refs__contains=refs)  # the GIN index on body_refs
    return Q(Exists(public.filter(lead_photo=OuterRef("pk")))) | Q(Exists(in_body))
