"""The reference article of the seed, its dossier, photo and quotes, built for a test.

Text comes from the committed copy of the seed page (``demo.reference``), never
retyped; the articles are published through the real workflow.
"""

import datetime as dt
import re

from django.db import connection

from articles import workflow
from articles.models import Quote, Section, Tag
from demo import DOSSIER_SLUG, REFERENCE_SLUG, reference
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    DossierEntryFactory,
    DossierFactory,
    PersonFactory,
    PhotoFactory,
)

PATEL_ROLE = "porte-parole du département d’Etat américain"


def build_reference():
    """The dossier «Guerre entre l'Ukraine et la Russie» with the reference article in it."""
    ref = reference.read()
    europe = Section.objects.create(name="Europe", slug="europe")
    photo = PhotoFactory(caption=ref.caption, credit=ref.credit)
    dossier = DossierFactory(
        title=ref.dossier_title,
        slug=DOSSIER_SLUG,
        introduction="Tous nos articles sur la guerre en Ukraine.",
    )
    patel = PersonFactory(name="Vedant Patel", slug="vedant-patel")
    austin = PersonFactory(name="Lloyd Austin", slug="lloyd-austin")
    article = ArticleFactory(
        slug=REFERENCE_SLUG,
        section=europe,
        kicker=ref.kicker,
        headline=ref.headline,
        standfirst=ref.standfirst,
        body=ref.blocks,
        lead_photo=photo,
    )
    workflow.publish(article, by=None, at=ref.published_at)
    BylineFactory(article=article, person=PersonFactory(name="Armand Lebrun", slug="armand-lebrun"))
    DossierEntryFactory(dossier=dossier, article=article)
    for opening in ("Je peux confirmer", "Nous sommes incroyablement"):
        quote = Quote.objects.create(
            text=ref.quote(opening), person=patel, role=PATEL_ROLE, said_on=dt.date(2024, 11, 12)
        )
        quote.articles.add(article)
    Quote.objects.create(
        text=ref.quote("retirer ses troupes"), person=austin, role="ministre américain"
    ).articles.add(article)
    article.tags.add(
        Tag.objects.create(name="Vedant Patel", slug="vedant-patel", kind="person", person=patel)
    )
    article.refresh_from_db()
    return dossier, article


def publish_in(dossier, *, at, **fields):
    """Another public article of ``dossier``, published at ``at``."""
    article = ArticleFactory(**fields)
    workflow.publish(article, by=None, at=at)
    DossierEntryFactory(dossier=dossier, article=article)
    return article


def text_of(response) -> str:
    """An archive page's HTML with its whitespace folded (200 asserted)."""
    assert response.status_code == 200, response.content[:500]
    return re.sub(r"\s+", " ", response.content.decode())


def headlines(response) -> list[str]:
    """The headlines of a timeline page, in order."""
    timeline_part = text_of(response).split('<section class="timeline">')[1]
    return re.findall(r"<h3><a [^>]*>(.*?)</a></h3>", timeline_part)


def index_plan(sql: str) -> str:
    """``EXPLAIN sql`` with sequential scans and sorts discouraged: a tiny table would be
    scanned or sorted, whatever its statistics say at the time."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute(f"EXPLAIN {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())
