"""RSS 2.0 and Atom feeds of the latest public articles: the paper, a section, a dossier.

Django's syndication framework writes the XML. Each item is an article's stored list
entry (``articles.rendering``), so a feed costs the queries of an API list page and shows
what the API shows: the same headline, standfirst, byline, and the lead photo with its
caption and credit (Media RSS ``media:content``, in both formats).
"""

import datetime as dt
from dataclasses import dataclass

import orjson
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import feedgenerator
from django.utils.http import http_date

from articles import rendering
from articles.models import Article, Section
from articles.ninjs import by_line
from articles.responses import entries_freshness, with_copies
from dossiers.models import Dossier
from newsroom import surrogate_keys
from newsroom.caching import mark_public
from syndication.params import unknown_parameters

FEED_SIZE = 50
MEDIA_NS = "http://search.yahoo.com/mrss/"
LARGEST_PICTURE = 1280  # pixels wide: the largest rendition a feed reader needs


@dataclass
class Listing:
    """What one feed shows, and what a cache must know about it."""

    title: str
    description: str
    link: str
    feed_url: str
    entries: list[dict]
    keys: list[str]
    expires_at: dt.datetime | None


def latest(request, articles, *, title, description, keys, order=("-published_at", "-id")):
    """The newest ``FEED_SIZE`` public ``articles``, as their stored list entries."""
    rows = list(with_copies(articles.order_by(*order))[:FEED_SIZE])
    copies = rendering.copies_for(rows)
    item_keys, expires_at = entries_freshness(rows, copies)
    return Listing(
        title=title,
        description=description,
        link=rendering.site_url("/"),
        feed_url=rendering.site_url(request.path),  # never from the Host header
        entries=[orjson.loads(copy.summary) for copy in copies],
        keys=[*keys, *item_keys],
        expires_at=expires_at,
    )


def picture(photo: dict) -> dict | None:
    """The largest JPEG rendition of the whole picture a reader needs, else the largest
    there is; None before the renditions are made (the original is never public)."""
    fitting = [
        r
        for r in photo["renditions"]
        if r["ratio"] == "original" and r["format"] == "JPEG" and r["width"] <= LARGEST_PICTURE
    ]
    if fitting:
        best = max(fitting, key=lambda r: r["width"])
        return {"url": best["url"], "type": best["mime_type"], **_size(best)}
    if photo["url"] is None:
        return None
    return {"url": photo["url"], "type": f"image/{photo['format'].lower()}", **_size(photo)}


def _size(image: dict) -> dict:
    return {"width": str(image["width"]), "height": str(image["height"])}


def add_media(handler, photo: dict | None) -> None:
    if photo is None or (chosen := picture(photo)) is None:
        return
    handler.startElement("media:content", {"medium": "image", **chosen})
    handler.addQuickElement("media:description", photo["caption"], {"type": "plain"})
    handler.addQuickElement("media:credit", photo["credit"])
    handler.endElement("media:content")


class MediaRss(feedgenerator.Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        add_media(handler, item["photo"])


class MediaAtom(feedgenerator.Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        add_media(handler, item["photo"])


class ArticleFeed(Feed):
    """A feed of stored list entries; subclasses say which articles (``get_object``)."""

    @property
    def language(self):  # read when the feed is written, not frozen at import
        return settings.LANGUAGE_CODE

    def __init__(self, feed_type):
        self.feed_type = feed_type

    def __call__(self, request, *args, **kwargs):
        if refused := unknown_parameters(request):
            return refused
        listing = self.get_object(request, *args, **kwargs)
        feed = self.get_feed(listing, request)
        response = HttpResponse(content_type=feed.content_type)
        response["Last-Modified"] = http_date(feed.latest_post_date().timestamp())
        feed.write(response, "utf-8")
        return mark_public(response, listing.keys, expires_at=listing.expires_at)

    def title(self, listing):
        return listing.title

    def description(self, listing):
        return listing.description

    def link(self, listing):
        return listing.link

    def feed_url(self, listing):
        return listing.feed_url

    def author_name(self):
        return settings.PUBLICATION_NAME

    def items(self, listing):
        return listing.entries

    def item_title(self, entry):
        return entry["headline"]

    def item_description(self, entry):
        return entry["standfirst"]

    def item_link(self, entry):
        return entry["page_url"]

    def item_guid(self, entry):
        return f"urn:uuid:{entry['id']}"

    item_guid_is_permalink = False

    def item_pubdate(self, entry):
        return dt.datetime.fromisoformat(entry["published_at"])

    def item_updateddate(self, entry):
        return dt.datetime.fromisoformat(entry["updated_at"] or entry["published_at"])

    def item_author_name(self, entry):
        return by_line(entry) or None

    def item_categories(self, entry):
        return [entry["section"]["name"]] if entry["section"] else []

    def item_extra_kwargs(self, entry):
        return {"photo": entry["lead_photo"]}


class LatestFeed(ArticleFeed):
    def get_object(self, request):
        name = settings.PUBLICATION_NAME
        return latest(
            request,
            Article.objects.public(),
            title=f"{name} : les derniers articles",
            description=f"Les derniers articles publiés par {name}.",
            keys=[surrogate_keys.ARTICLES],
        )


class SectionFeed(ArticleFeed):
    def get_object(self, request, slug):
        section = get_object_or_404(Section.objects.with_subsections(), slug=slug)
        return latest(
            request,
            Article.objects.public().in_section(section),
            title=f"{settings.PUBLICATION_NAME} : {section.name}",
            description=f"Les derniers articles de la rubrique {section.name}.",
            keys=[
                surrogate_keys.ARTICLES,
                surrogate_keys.section(slug),
                surrogate_keys.section_list(slug),
            ],
        )


class DossierFeed(ArticleFeed):
    def get_object(self, request, slug):
        dossier = get_object_or_404(Dossier.objects.public(), slug=slug)
        return latest(
            request,
            Article.objects.public().in_dossier(dossier),
            order=("-entry_published_at", "-entry_article"),
            title=f"{settings.PUBLICATION_NAME} : {dossier.title}",
            description=f"Les derniers articles du dossier «{dossier.title}».",
            keys=[
                surrogate_keys.ARTICLES,
                surrogate_keys.dossier(slug),
                surrogate_keys.dossier_list(slug),
            ],
        )
