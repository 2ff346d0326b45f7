"""Feeds and sitemaps, at the top of the URL space (/feeds/…, /sitemap.xml, /sitemaps/…)."""

from django.urls import path, re_path

from syndication import sitemaps
from syndication.feeds import DossierFeed, LatestFeed, MediaAtom, MediaRss, SectionFeed

app_name = "syndication"


def both_formats(route: str, feed_class, name: str):
    return [
        path(f"{route}.rss", feed_class(MediaRss), name=f"{name}-rss"),
        path(f"{route}.atom", feed_class(MediaAtom), name=f"{name}-atom"),
    ]


urlpatterns = [
    *both_formats("feeds/latest", LatestFeed, "latest"),
    *both_formats("feeds/sections/<slug:slug>", SectionFeed, "section"),
    *both_formats("feeds/dossiers/<slug:slug>", DossierFeed, "dossier"),
    path("sitemap.xml", sitemaps.index, name="sitemap-index"),
    path("sitemap-news.xml", sitemaps.news, name="sitemap-news"),
    re_path(
        r"^sitemaps/articles-(?P<year>[0-9]{4})-(?P<month>[0-9]{2})\.xml$",
        sitemaps.month,
        name="sitemap-month",
    ),
]
