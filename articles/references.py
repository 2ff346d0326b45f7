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


def card(kind: str, item) -> dict:
    """What the newsroom sees of a quote, a photo or an article the body points to: the
    editor's card, the picker's result, the revision diff's line."""
    if kind == "quote":
        return {"ref": item.pk, "text": item.text, "speaker": item.speaker, "role": item.role}
    if kind == "photo":
        return {
            "ref": item.pk,
            "caption": item.caption,
            "credit": item.credit,
            "thumbnail": item.image.url if item.image else "",
            "alt": item.alt_text,
        }
    return {"ref": item.pk, "headline": item.headline, "status": item.get_status_display()}


CARD_QUERYSETS = {
    "quote": lambda: Quote.objects.select_related("person"),
    "photo": lambda: Photo.objects.all(),
    "related": lambda: Article.objects.only("pk", "headline", "status"),
}


def cards(ids: dict[str, set[int]]) -> dict[str, dict[int, dict]]:
    """The cards of these quotes, photos and articles (``{"quote": {12, 13}, …}``), by kind
    and id: one query per kind asked for; an id that names nothing is left out."""
    return {
        kind: {
            pk: card(kind, item)
            for pk, item in CARD_QUERYSETS[kind]().in_bulk(ids.get(kind) or ()).items()
        }
        for kind in CARD_QUERYSETS
        if ids.get(kind)
    }


def describe(block: dict, found: dict[str, dict[int, dict]]) -> str:
    """A block that is not text, as a line a person reads: «Citation : « … » — Vedant
    Patel», «Photo : légende (crédit)», «Article lié : titre»."""
    kind = block["type"]
    if kind == "embed":
        return _("Embed: %(url)s") % {"url": block["url"]}
    field = {"quote": "quote", "photo": "photo", "related": "article"}[kind]
    item = found.get(kind, {}).get(block[field])
    if item is None:
        return _("%(kind)s no. %(id)d (deleted)") % {
            "kind": {"quote": _("Quote"), "photo": _("Photo"), "related": _("Related article")}[
                kind
            ],
            "id": block[field],
        }
    if kind == "quote":
        who = ", ".join(filter(None, [item["speaker"], item["role"]]))
        return _("Quote: « %(text)s » — %(who)s") % {
            "text": item["text"],
            "who": who or _("unattributed"),
        }
    if kind == "photo":
        caption = block.get("caption") or item["caption"] or _("(no caption)")
        credit = f" ({item['credit']})" if item["credit"] else ""
        return _("Photo: %(caption)s%(credit)s") % {"caption": caption, "credit": credit}
    return _("Related article: %(headline)s") % {"headline": item["headline"]}
