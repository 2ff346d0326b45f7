"""Which dossiers, and which of their articles, a surface shows.

Articles of a dossier are ``dossier.articles.public(at)``: the public rule of
``ArticleQuerySet`` applies to every dossier surface, the archivists' pages included.
Counts and spans read the same rule from the entries (``DossierEntry.public_from``, kept
by PostgreSQL), so that they never read the articles themselves.

dossiers/models.py builds its managers from this module, so a queryset here reaches the
other dossier model through ``self.model``'s relations rather than by importing it.
"""

import operator
from functools import reduce

from django.db import models
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    Max,
    Min,
    OuterRef,
    Q,
    Subquery,
)
from django.utils import timezone

from articles.models import Byline, Quote


class DossierQuerySet(models.QuerySet):
    def public(self, at=None):
        """Dossiers holding at least one public article."""
        entries = self.model._meta.get_field("entries").related_model.objects
        return self.filter(Exists(entries.public(at).filter(dossier=OuterRef("pk"))))

    def with_coverage(self, at=None):
        """Each dossier's number of public articles and the times of its first and last.

        One grouped query over the entries' copied times, whatever the number of dossiers.
        """
        public = Q(entries__public_from__lte=at or timezone.now())
        return self.annotate(
            article_count=Count("entries", filter=public),
            first_published_at=Min("entries__published_at", filter=public),
            last_published_at=Max("entries__published_at", filter=public),
        )


class DossierEntryQuerySet(models.QuerySet):
    def public(self, at=None):
        """Entries whose article is public at ``at``: the rule of ``Article.objects.public``,
        read from the times PostgreSQL copies onto each entry (``public_from``)."""
        return self.filter(public_from__lte=at or timezone.now())


def incomplete(articles):
    """Articles missing a photo credit, a caption, an author or a quote attribution.

    Each gap is annotated as a boolean (``lacks_credit``, ``lacks_caption``,
    ``lacks_author``, ``lacks_attribution``); a quote is attributed when it names the
    speaker's role at the time (the speaker is always set); ``unattributed_quote`` is the
    id of the first quote missing it, where an editor fixes it.
    """
    has_photo = Q(lead_photo__isnull=False)
    gaps = {
        "lacks_credit": has_photo & Q(lead_photo__credit=""),
        "lacks_caption": has_photo & Q(lead_photo_caption="", lead_photo__caption=""),
        "lacks_author": ~Exists(Byline.objects.filter(article=OuterRef("pk"))) & Q(signature=""),
        "lacks_attribution": Exists(Quote.objects.filter(articles=OuterRef("pk"), role="")),
    }
    unattributed = Quote.objects.filter(articles=OuterRef("pk"), role="").order_by("id")
    flagged = articles.annotate(
        **{name: ExpressionWrapper(gap, output_field=BooleanField()) for name, gap in gaps.items()},
        unattributed_quote=Subquery(unattributed.values("id")[:1]),
    )
    return flagged.filter(reduce(operator.or_, (Q(**{name: True}) for name in gaps)))
