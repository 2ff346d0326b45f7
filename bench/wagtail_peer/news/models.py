"""The peer's article: a Wagtail page with the fields of a Newsroom article.

Newsroom → here: headline → ``title``; kicker, standfirst; body blocks → ``body`` (paragraph
→ rich text, intertitle → text, quote → its words and speaker); the lead photo's caption and
credit as text (no image: the peer serves no files); the section's name; tags as taggit
tags; authors' names as ``bylines``; signature; first publication → ``first_published_at``,
last → ``last_published_at`` (Wagtail's own). ``bench/peer_export.py`` writes one JSON line
per article with exactly these names.
"""

from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    speaker = blocks.CharBlock(required=False)
    role = blocks.CharBlock(required=False)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="tagged")


class NewsPage(Page):
    kicker = models.CharField(max_length=100, blank=True)
    standfirst = models.TextField(blank=True)
    body = StreamField(
        [
            ("paragraph", blocks.RichTextBlock()),
            ("intertitle", blocks.CharBlock()),
            ("quote", QuoteBlock()),
        ],
        blank=True,
    )
    lead_photo_caption = models.TextField(blank=True)
    lead_photo_credit = models.CharField(max_length=200, blank=True)
    section = models.CharField(max_length=100, blank=True)
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True)
    bylines = models.CharField(max_length=500, blank=True)
    signature = models.CharField(max_length=200, blank=True)

    api_fields = [
        APIField("kicker"),
        APIField("standfirst"),
        APIField("body"),
        APIField("lead_photo_caption"),
        APIField("lead_photo_credit"),
        APIField("section"),
        APIField("tags"),
        APIField("bylines"),
        APIField("signature"),
        APIField("last_published_at"),
    ]
