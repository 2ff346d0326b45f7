"""Which articles, people, quotes and tags the public may see.

The public rule exists once, as ``ArticleQuerySet.public_q``; every other public listing
filters through ``Exists(Article.objects.public()...)``.
"""

from django.contrib.postgres.search import SearchQuery
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

SEARCH_CONFIG = "french_unaccent"


class ArticleQuerySet(models.QuerySet):
    @staticmethod
    def public_q(at=None) -> Q:
        """Published, publication time reached, embargo (if any) lifted, at ``at``."""
        at = at or timezone.now()
        return (
            Q(status="published", published_at__lte=at)
            & (Q(embargo_until__isnull=True) | Q(embargo_until__lte=at))
        )

    def public(self, at=None):
        return self.filter(self.public_q(at))

    def not_public(self, at=None):
        return self.exclude(self.public_q(at))

    def visible_to(self, user, at=None):
        """Everything for the newsroom (who may view articles), public articles for the rest."""
        if user is not None and user.is_active and user.has_perm("articles.view_article"):
            return self.all()
        return self.public(at)

    def search(self, text: str):
        """French full-text search, accent-insensitive, with quotes and -exclusions."""
        query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
        return self.filter(search_vector=query)

    def for_list(self):
        from articles.models import Byline

        return self.select_related("section", "lead_photo").prefetch_related(
            Prefetch("bylines", queryset=Byline.objects.select_related("person"))
        )

    def for_detail(self, at=None):
        from articles.models import Byline, Quote, Tag

        return self.for_list().prefetch_related(
            Prefetch("tags", queryset=Tag.objects.order_by("kind", "name")),
            Prefetch("quotes", queryset=Quote.objects.select_related("person")),
            "corrections",
            "dossiers",
        ).select_related("section__parent")


class PersonQuerySet(models.QuerySet):
    def public(self, at=None):
        """People who are quoted in, tagged on, or bylines of a public article."""
        from articles.models import Article

        public_articles = Article.objects.public(at)
        return self.filter(
            Exists(public_articles.filter(quotes__person=OuterRef("pk")))
            | Exists(public_articles.filter(tags__person=OuterRef("pk")))
            | Exists(public_articles.filter(bylines__person=OuterRef("pk")))
        )


class QuoteQuerySet(models.QuerySet):
    def public(self, at=None):
        """Quotes carried by at least one public article."""
        from articles.models import Article

        return self.filter(Exists(Article.objects.public(at).filter(quotes=OuterRef("pk"))))

    def for_public_listing(self, at=None):
        """With the speaker, and only the public articles that carry each quote."""
        from articles.models import Article

        public_articles = Article.objects.public(at).order_by("-published_at")
        return self.select_related("person").prefetch_related(
            Prefetch("articles", queryset=public_articles, to_attr="public_articles")
        )


class TagQuerySet(models.QuerySet):
    def public(self, at=None):
        """Tags used by at least one public article."""
        from articles.models import Article

        return self.filter(Exists(Article.objects.public(at).filter(tags=OuterRef("pk"))))
