"""Volume content for scale tests: ``generate(count)`` bulk-inserts realistic articles.

This is a bulk loader, not an editor, so it bypasses two rules on purpose: rows go in with
``bulk_create``, so ``Article.save()`` and signals do not run (the blocks are built clean
from markup-free vocabulary, with paragraphs and intertitles only, so ``body_refs`` stays
empty and ``body_text`` is computed here with ``body.plain_text``); and ``status``,
``published_at`` and ``first_published_at`` are written directly rather than through
``workflow.publish``, because they describe twenty years of past history.

Generated articles have no revisions (their history starts at their first edit) and no
stored public copy (rendered on first read). Their slugs start with ``PREFIX`` and a
number after the highest existing one, so running again adds new articles; the rows they
are attached to are shared (``cast.py``). ``Article.objects.filter(slug__startswith=PREFIX)
.delete()`` removes them, slowly at this scale: every deleted row sends its signals.
"""

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection, reset_queries, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from articles import body
from articles.models import Article, Byline, Quote, SnippetSource
from demo.cast import PREFIX, Cast, ensure_cast
from demo.prose import Prose
from dossiers.models import DossierEntry

NUMBER_DIGITS = 7
HISTORY = dt.timedelta(days=20 * 365)
PUBLISHED_SHARE = 0.95
# The archive's growth after which its statistics are read again, as autovacuum's
# ``autovacuum_analyze_scale_factor`` (0.1) would.
ANALYZE_GROWTH = 0.1


@dataclass
class Planned:
    """An article before insertion, with the rows that will point at it."""

    article: Article
    authors: list[int]
    tags: list[int]
    dossiers: list[int]
    quotes: list[Quote] = field(default_factory=list)


def generate(
    count: int,
    *,
    seed: int = 0,
    batch_size: int = 1000,
    at: dt.datetime | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Insert ``count`` articles; return how many. Same seed, same text (new slugs)."""
    at = at or timezone.now()
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    writer = _Writer(rng, ensure_cast(), at)
    number = _last_number() + 1
    done = 0
    analyzed_at = number
    while done < count:
        size = min(batch_size, count - done)
        _insert([writer.plan(number + index) for index in range(size)])
        reset_queries()  # with DEBUG on, Django keeps every (megabyte-long) INSERT it ran
        number += size
        done += size
        if number - analyzed_at >= analyzed_at * ANALYZE_GROWTH:
            _analyze()
            analyzed_at = number
        if progress:
            progress(done)
    return done


def _analyze() -> None:
    """Fresh planner statistics for the tables a batch grows. The triggers that write each
    quote's entry are planned from them: on a PostgreSQL without autovacuum, a batch of
    1,000 articles took 20 s at 30,000 articles, against 2 s with statistics."""
    tables = [
        model._meta.db_table
        for model in (
            Article,
            Byline,
            Article.tags.through,
            DossierEntry,
            Quote,
            Quote.articles.through,
            SnippetSource,
        )
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {', '.join(map(connection.ops.quote_name, tables))}")


def _last_number() -> int:
    last = Article.objects.filter(slug__regex=rf"^{PREFIX}\d{{{NUMBER_DIGITS}}}-").aggregate(
        last=Max("slug")
    )["last"]
    return int(last[len(PREFIX) : len(PREFIX) + NUMBER_DIGITS]) if last else 0


class _Writer:
    """Draws one article at a time from the vocabulary."""

    def __init__(self, rng: random.Random, cast: Cast, at: dt.datetime):
        self.rng = rng
        self.cast = cast
        self.at = at
        self.prose = Prose(rng)
        self.speaker_names = dict(cast.speakers)

    def plan(self, number: int) -> Planned:
        rng = self.rng
        headline = self.prose.headline()
        status, published_at = self._publication()
        quotes = self._quotes(published_at) if rng.random() < 0.25 else []
        blocks = self._body(quotes)
        article = Article(
            slug=f"{PREFIX}{number:0{NUMBER_DIGITS}d}-{slugify(headline)[:80].rstrip('-')}",
            section_id=rng.choice(self.cast.sections),
            kicker=self.prose.kicker(),
            headline=headline,
            standfirst=self.prose.standfirst(),
            body=blocks,
            body_text=body.plain_text(blocks),
            lead_photo_id=rng.choice(self.cast.photos) if rng.random() < 0.7 else None,
            signature="Libération et AFP" if rng.random() < 0.1 else "",
            is_premium=rng.random() < 0.2,
            status=status,
            published_at=published_at,
            first_published_at=published_at,
            updated_at=self._updated(published_at),
        )
        dossier_count = 0 if (draw := rng.random()) >= 0.45 else 1 if draw < 0.35 else 2
        return Planned(
            article=article,
            authors=rng.sample(self.cast.journalists, 1 if rng.random() < 0.8 else 2),
            tags=rng.sample(self.cast.tags, rng.randint(2, 6)),
            dossiers=rng.sample(self.cast.dossiers, dossier_count),
            quotes=quotes,
        )

    def _publication(self) -> tuple[str, dt.datetime | None]:
        draw = self.rng.random()
        if draw < PUBLISHED_SHARE:
            age = dt.timedelta(seconds=self.rng.randrange(int(HISTORY.total_seconds())))
            return Article.Status.PUBLISHED, self.at - age
        if draw < (1 + PUBLISHED_SHARE) / 2:
            return Article.Status.DRAFT, None
        ahead = dt.timedelta(seconds=self.rng.randrange(60, 60 * 24 * 3600))
        return Article.Status.PUBLISHED, self.at + ahead

    def _updated(self, published_at: dt.datetime | None) -> dt.datetime | None:
        if published_at is None or self.rng.random() >= 0.1:
            return None
        updated = published_at + dt.timedelta(minutes=self.rng.randrange(10, 48 * 60))
        return updated if updated <= self.at else None

    def _quotes(self, published_at: dt.datetime | None) -> list[Quote]:
        said_on = timezone.localdate(min(published_at, self.at)) if published_at else None
        quotes = []
        for speaker, _name in self.rng.sample(self.cast.speakers, self.rng.randint(1, 3)):
            quotes.append(
                Quote(
                    person_id=speaker,
                    text=self.prose.quote(),
                    role=self.prose.role(),
                    said_on=said_on,
                )
            )
        return quotes

    def _body(self, quotes: list[Quote]) -> list[dict]:
        rng = self.rng
        paragraphs = [self.prose.paragraph() for _ in range(rng.randint(6, 15))]
        for position, quote in zip(
            rng.sample(range(1, len(paragraphs)), len(quotes)), quotes, strict=True
        ):
            paragraphs[position] = self.prose.quoting(
                quote.text, self.speaker_names[quote.person_id], quote.role
            )
        blocks = [{"type": "paragraph", "html": text} for text in paragraphs]
        if rng.random() < 0.4:
            blocks.insert(
                rng.randint(2, len(blocks) - 1),
                {"type": "intertitle", "text": self.prose.intertitle()},
            )
        return blocks


@transaction.atomic
def _insert(planned: list[Planned]) -> None:
    Article.objects.bulk_create([item.article for item in planned])
    Byline.objects.bulk_create(
        [
            Byline(article_id=item.article.pk, person_id=person, position=position)
            for item in planned
            for position, person in enumerate(item.authors)
        ]
    )
    tag_link = Article.tags.through
    tag_link.objects.bulk_create(
        [tag_link(article_id=item.article.pk, tag_id=tag) for item in planned for tag in item.tags]
    )
    DossierEntry.objects.bulk_create(
        [
            DossierEntry(article_id=item.article.pk, dossier_id=dossier)
            for item in planned
            for dossier in item.dossiers
        ]
    )
    Quote.objects.bulk_create([quote for item in planned for quote in item.quotes])
    quote_link = Quote.articles.through
    quote_link.objects.bulk_create(
        [
            quote_link(quote_id=quote.pk, article_id=item.article.pk)
            for item in planned
            for quote in item.quotes
        ]
    )
