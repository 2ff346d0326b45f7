"""``manage.py load_articles FILE``: the articles Newsroom's generator made, exported as JSON
lines by ``bench/peer_export.py``, as NewsPages under the site's home page.

Bulk, not through ``add_child``: one ``add_child`` per page (a tree lock, a save, a
revision) would take hours at 1,000,000 pages. Each batch inserts its ``wagtailcore_page``
rows with the tree paths treebeard would give them (``Page._get_path``, the same
encoding), then the ``news_newspage`` rows for those ids, then the tag links; the home
page's ``numchild`` is set once at the end. No revisions, no search index (the benchmark
reads the API, which needs neither), as for Newsroom's generated articles.

The same file again is a no-op (same count, same first and last slug); a different one
replaces every NewsPage.
"""

import json
import uuid
import zlib
from itertools import islice
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Page

from news.models import NewsPage, NewsPageTag

BATCH = 1000
TITLE_MAX = Page._meta.get_field("title").max_length


class Command(BaseCommand):
    help = "Load NewsPages from the JSON lines of bench/peer_export.py."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, path, **options):
        first, last, count = _summary(path)
        pages = NewsPage.objects.order_by("path")
        if (
            pages.count() == count
            and count
            and pages.first().slug == first
            and pages.last().slug == last
        ):
            self.stdout.write(f"{count} NewsPages already loaded")
            return
        home = Page.objects.get(depth=2)  # the site's root page, made by Wagtail's migrations
        _delete_news_pages(home)
        home.refresh_from_db()
        tags = dict(Tag.objects.values_list("name", "pk"))
        content_type = ContentType.objects.get_for_model(NewsPage)
        loaded = 0
        with path.open() as lines:
            while batch := [json.loads(line) for line in islice(lines, BATCH)]:
                _insert(batch, home, home.numchild + loaded, content_type, tags)
                loaded += len(batch)
        Page.objects.filter(pk=home.pk).update(numchild=home.numchild + loaded)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(f"{loaded} NewsPages loaded")


def _summary(path: Path) -> tuple[str, str, int]:
    first = last = ""
    count = 0
    with path.open() as lines:
        for line in lines:
            slug = json.loads(line)["slug"]
            first = first or slug
            last = slug
            count += 1
    return first, last, count


@transaction.atomic
def _delete_news_pages(home: Page) -> None:
    ids = list(NewsPage.objects.values_list("pk", flat=True))
    NewsPageTag.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM news_newspage")
        cursor.execute("DELETE FROM wagtailcore_page WHERE id = ANY(%s)", [ids])
    home.numchild = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).count()
    Page.objects.filter(pk=home.pk).update(numchild=home.numchild)


@transaction.atomic
def _insert(batch, home, before, content_type, tags) -> None:
    pages = [
        Page(
            title=item["title"][:TITLE_MAX],
            draft_title=item["title"][:TITLE_MAX],
            slug=item["slug"],
            content_type=content_type,
            path=Page._get_path(home.path, home.depth + 1, before + number),
            depth=home.depth + 1,
            numchild=0,
            url_path=f"{home.url_path}{item['slug']}/",
            live=item["live"],
            has_unpublished_changes=not item["live"],
            first_published_at=item["first_published_at"],
            last_published_at=item["last_published_at"],
            locale_id=home.locale_id,
            translation_key=uuid.uuid4(),
        )
        for number, item in enumerate(batch, 1)
    ]
    Page.objects.bulk_create(pages)
    news = [
        NewsPage(
            page_ptr_id=page.pk,
            kicker=item["kicker"],
            standfirst=item["standfirst"],
            body=[{**block, "id": str(uuid.uuid4())} for block in item["body"]],
            lead_photo_caption=item["lead_photo_caption"],
            lead_photo_credit=item["lead_photo_credit"],
            section=item["section"],
            bylines=item["bylines"],
            signature=item["signature"],
        )
        for page, item in zip(pages, batch, strict=True)
    ]
    # Django's bulk_create refuses a child of multi-table inheritance; this is the insert
    # it runs for the child's own table when saving one page, here with many rows.
    NewsPage._base_manager._insert(news, fields=NewsPage._meta.local_concrete_fields)
    missing = {name for item in batch for name in item["tags"]} - tags.keys()
    if missing:
        Tag.objects.bulk_create([Tag(name=name, slug=_tag_slug(name)) for name in missing])
        tags.update(Tag.objects.filter(name__in=missing).values_list("name", "pk"))
    NewsPageTag.objects.bulk_create(
        [
            NewsPageTag(content_object_id=page.pk, tag_id=tags[name])
            for page, item in zip(pages, batch, strict=True)
            for name in item["tags"]
        ]
    )


def _tag_slug(name: str) -> str:
    """Unique as taggit wants, also for names that differ only by accents or case."""
    return f"{slugify(name)[:80]}-{zlib.crc32(name.encode()):08x}"
