"""What article bodies point to (quotes, photos, related articles), looked up in the
database: checked when a body is written, loaded before one is shown.

The blocks themselves, and the ids they hold, are ``articles.body``'s.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from articles.body import referenced_ids
from articles.models import Article, Quote
from media.models import Photo


def check(blocks: list[dict]) -> None:
    """Raise ValidationError naming any quote, photo or article the body points to in vain."""
    models = {
        "quote": (Quote, _("quote")),
        "photo": (Photo, _("photo")),
        "related": (Article, _("article")),
    }
    for kind, (model, label) in models.items():
        wanted = referenced_ids(blocks, kind)
        if missing := wanted - set(
            model.objects.filter(pk__in=wanted).values_list("pk", flat=True)
        ):
            raise ValidationError(
                _("The body refers to a %(label)s that does not exist: %(ids)s."),
                params={"label": label, "ids": ", ".join(map(str, sorted(missing)))},
                code="missing_reference",
            )


def attach(articles, at=None) -> None:
    """Load what the bodies' quote, photo and related blocks point to, for one article or
    many, as ``article.body_references``: one query per kind used, however many articles.

    Related articles are looked up among public articles only, so a block pointing at a
    draft simply disappears from public output.
    """
    articles = [articles] if isinstance(articles, Article) else list(articles)
    loaders = {
        "quote": lambda ids: Quote.objects.select_related("person").in_bulk(ids),
        "photo": lambda ids: Photo.objects.prefetch_related("renditions").in_bulk(ids),
        "related": lambda ids: Article.objects.public(at).in_bulk(ids),
    }
    found = {}
    for kind, load in loaders.items():
        ids = set().union(*(referenced_ids(a.body, kind) for a in articles))
        found[kind] = load(ids) if ids else {}
    for article in articles:
        article.body_references = {
            kind: {
                pk: found[kind][pk]
                for pk in referenced_ids(article.body, kind)
                if pk in found[kind]
            }
            for kind in loaders
        }
