"""The generated articles as the Wagtail peer loads them: one JSON object per line, named
after the fields of the peer's ``news.NewsPage`` (bench/wagtail_peer/news/models.py), read
back by its ``manage.py load_articles``. Needs Django set up.

What maps to what: headline → ``title``; body blocks → Wagtail StreamField blocks
(paragraph → rich text, the same HTML in a ``<p>``; intertitle → text; quote → its words,
speaker and role; a list or block quote → rich text; photo, embed and related cards have
nothing to point at in the peer and are left out); the lead photo's caption (the article's
own, else the photo's) and credit as text; the section's name; tag names; the authors'
names in byline order as one string; ``live`` is whether the article is public now
(Wagtail's API serves live pages only).
"""

import json
from collections.abc import Iterator
from pathlib import Path

from django.db.models import Prefetch

from articles.models import Article, Byline, Quote
from demo.cast import PREFIX

BATCH = 1000
FIELDS = (
    "slug",
    "title",
    "kicker",
    "standfirst",
    "body",
    "lead_photo_caption",
    "lead_photo_credit",
    "section",
    "tags",
    "bylines",
    "signature",
    "first_published_at",
    "last_published_at",
    "live",
)


def generated():
    return Article.objects.filter(slug__startswith=PREFIX)


def summary() -> tuple[int, int, str | None, str | None]:
    """How many generated articles, how many public, the first and last slug: when the
    peer holds the same, it need not be loaded again."""
    articles = generated().order_by("pk")
    first, last = articles.values_list("slug", flat=True).first(), None
    if first is not None:
        last = articles.values_list("slug", flat=True).last()
    return articles.count(), articles.public().count(), first, last


def export(path: Path, articles=None) -> int:
    """Write ``articles`` (every generated one by default), oldest id first; how many."""
    count = 0
    with path.open("w") as out:
        for line in lines(generated() if articles is None else articles):
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
            count += 1
    return count


def lines(articles) -> Iterator[dict]:
    ids = list(articles.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        public = set(Article.objects.public().filter(pk__in=batch).values_list("pk", flat=True))
        chunk = (
            Article.objects.filter(pk__in=batch)
            .order_by("pk")
            .select_related("section", "lead_photo")
            .prefetch_related(
                Prefetch("bylines", Byline.objects.select_related("person").order_by("position")),
                "tags",
            )
        )
        chunk = list(chunk)
        quotes = _quotes(chunk)
        for article in chunk:
            yield line(article, article.pk in public, quotes)


def line(article: Article, live: bool, quotes: dict[int, Quote]) -> dict:
    photo = article.lead_photo
    return {
        "slug": article.slug,
        "title": article.headline,
        "kicker": article.kicker,
        "standfirst": article.standfirst,
        "body": [block for b in article.body if (block := _block(b, quotes)) is not None],
        "lead_photo_caption": (article.lead_photo_caption or photo.caption) if photo else "",
        "lead_photo_credit": photo.credit if photo else "",
        "section": article.section.name if article.section else "",
        "tags": sorted({tag.name for tag in article.tags.all()}),
        "bylines": ", ".join(byline.person.name for byline in article.bylines.all()),
        "signature": article.signature,
        "first_published_at": _iso(article.first_published_at or article.published_at),
        "last_published_at": _iso(article.published_at),
        "live": live,
    }


def _block(block: dict, quotes: dict[int, Quote]) -> dict | None:
    kind = block["type"]
    if kind == "paragraph":
        return {"type": "paragraph", "value": f"<p>{block['html']}</p>"}
    if kind == "intertitle":
        return {"type": "intertitle", "value": block["text"]}
    if kind == "quote" and (quote := quotes.get(block["quote"])):
        speaker = quote.person.name if quote.person else quote.organisation
        return {
            "type": "quote",
            "value": {"text": quote.text, "speaker": speaker, "role": quote.role},
        }
    if kind == "list":
        items = "".join(f"<li>{item}</li>" for item in block["items"])
        return {"type": "paragraph", "value": f"<ul>{items}</ul>"}
    if kind == "blockquote":
        paragraphs = "".join(f"<p>{p}</p>" for p in block["paragraphs"])
        return {"type": "paragraph", "value": f"<blockquote>{paragraphs}</blockquote>"}
    return None


def _quotes(articles: list[Article]) -> dict[int, Quote]:
    ids = {b["quote"] for a in articles for b in a.body if b.get("type") == "quote"}
    return Quote.objects.select_related("person").in_bulk(ids) if ids else {}


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None
