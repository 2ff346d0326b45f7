"""A dossier entry's copied times (kept by PostgreSQL triggers) say what the article's own
fields say: month counts and coverage read them instead of the articles."""

import datetime as dt

import pytest
from django.utils import timezone

from articles import workflow
from articles.models import Article
from dossiers.models import Dossier, DossierEntry
from tests.factories import ArticleFactory, DossierEntryFactory, DossierFactory

pytestmark = pytest.mark.django_db


def public_by_entries(dossier, at=None):
    return set(
        DossierEntry.objects.public(at).filter(dossier=dossier).values_list("article", flat=True)
    )


def public_by_articles(dossier, at=None):
    return set(
        Article.objects.public(at)
        .filter(dossier_entries__dossier=dossier)
        .values_list("pk", flat=True)
    )


def test_entries_follow_every_publication_state_of_their_article():
    now = timezone.now()
    dossier = DossierFactory()
    articles = [ArticleFactory() for _ in range(5)]
    for article in articles:
        DossierEntryFactory(dossier=dossier, article=article)
    draft, published, scheduled, embargoed, withdrawn = articles
    workflow.publish(published, by=None, at=now - dt.timedelta(hours=2))
    workflow.publish(scheduled, by=None, at=now, when=now + dt.timedelta(hours=1))
    embargoed.embargo_until = now + dt.timedelta(hours=3)
    embargoed.save()
    workflow.publish(embargoed, by=None, at=now - dt.timedelta(hours=1))
    workflow.publish(withdrawn, by=None, at=now - dt.timedelta(hours=1))
    workflow.withdraw(withdrawn, by=None)

    for moment in (now, now + dt.timedelta(hours=1), now + dt.timedelta(hours=3)):
        assert public_by_entries(dossier, moment) == public_by_articles(dossier, moment)
    assert public_by_entries(dossier, now) == {published.pk}
    assert public_by_entries(dossier, now + dt.timedelta(hours=3)) == {
        published.pk,
        scheduled.pk,
        embargoed.pk,
    }

    workflow.return_to_draft(Article.objects.get(pk=published.pk), by=None)
    assert public_by_entries(dossier, now) == public_by_articles(dossier, now) == set()


def test_an_entry_saved_by_django_keeps_its_articles_times(published_article):
    entry = DossierEntryFactory(article=published_article)
    stale = DossierEntry.objects.get(pk=entry.pk)
    Article.objects.filter(pk=published_article.pk).update(
        published_at=published_article.published_at - dt.timedelta(days=400)
    )
    stale.pin_position = 1
    stale.save()  # writes the old times back; the trigger recomputes them
    entry.refresh_from_db()
    assert entry.published_at == published_article.published_at - dt.timedelta(days=400)
    assert entry.public_from == entry.published_at


def test_coverage_counts_only_what_is_public_now(published_article):
    dossier = DossierFactory()
    DossierEntryFactory(dossier=dossier, article=published_article)
    DossierEntryFactory(dossier=dossier, article=ArticleFactory())  # a draft
    row = Dossier.objects.with_coverage().get(pk=dossier.pk)
    assert row.article_count == 1
    assert row.first_published_at == row.last_published_at == published_article.published_at
