"""Write the demo content; a second run finds every row as it should be and writes nothing.

Articles go through ``workflow.save_article`` and ``workflow.publish`` as the system
(``by=None``), so they have revisions like any other. A re-run puts back demo text that was
edited, but publishes an article only if it was never published: an editor's later
withdrawal or return to draft stands.
"""

import datetime as dt

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from articles import rendering, workflow
from articles.models import Article, Person, Quote, Section, Tag
from demo import DOSSIER_SLUG, REFERENCE_SLUG, photo, reference, stories
from dossiers.models import Dossier, DossierEntry
from media.models import Photo

DOSSIER_INTRODUCTION = (
    "Depuis l’invasion russe du 24\u00a0février 2022, tous nos articles sur la guerre en "
    "Ukraine, ses fronts, ses négociations et ses répercussions dans le monde."
)
ALT_TEXT = (
    "Image de démonstration : silhouettes de soldats alignés sur un terrain "
    "d’entraînement, sous un ciel de fin de journée."
)
# Who said the words that open with each key, in their role at that time. Roles are
# checked against the body, the words themselves are read from it.
PATEL = {
    "person": "vedant-patel",
    "role": "porte-parole du département d’Etat américain",
    "said_on": dt.date(2024, 11, 12),
    "context": "Point presse du département d’Etat, à Washington, mardi 12\u00a0novembre 2024.",
}
QUOTES = {
    "Je peux confirmer": PATEL,
    "Nous sommes incroyablement": PATEL,
    "Le succès de la Russie": PATEL,
    "retirer ses troupes": {
        "person": "lloyd-austin",
        "kind": Quote.Kind.FRAGMENT,
        "role": "ministre américain de la Défense",
        "said_on": None,
        "context": "fin octobre 2024",
    },
    "forcément en sacs": {
        "person": None,  # the article does not name him
        "kind": Quote.Kind.FRAGMENT,
        "role": "ambassadeur américain adjoint à l’ONU",
        "said_on": None,
        "context": "Mise en garde adressée à la Corée du Nord, avant le 12\u00a0novembre 2024.",
    },
}
REFERENCE_TAGS = (
    "vedant-patel",
    "lloyd-austin",
    "vladimir-poutine",
    "koursk",
    "pyongyang",
    "kyiv",
    "kcna",
    "onu",
)


class Rows:
    """Creates or updates rows, and counts what it wrote."""

    def __init__(self):
        self.created = 0
        self.updated = 0

    def sync(self, model, lookup: dict, values: dict, *, on_create: dict | None = None):
        """Like ``update_or_create``, but saves only when a value differs."""
        row = model.objects.filter(**lookup).first()
        if row is None:
            self.created += 1
            return model.objects.create(**lookup, **values, **(on_create or {}))
        changed = [name for name, value in values.items() if getattr(row, name) != value]
        if changed:
            for name in changed:
                setattr(row, name, values[name])
            row.save()
            self.updated += 1
        return row

    def article(self, slug: str, values: dict, *, tags: list, authors: list, at) -> Article:
        """Create or update an article through the workflow, so that it keeps revisions."""
        article = Article.objects.filter(slug=slug).first()
        if article is None:
            article = Article(slug=slug)
            self.created += 1
        elif (
            all(getattr(article, name) == value for name, value in values.items())
            and set(article.tags.all()) == set(tags)
            and [byline.person for byline in article.bylines.all()] == authors
        ):
            return article
        else:
            self.updated += 1
        for name, value in values.items():
            setattr(article, name, value)
        article = workflow.save_article(article, by=None, at=at, tags=tags, authors=authors)
        if article.pending:  # a published demo article is restored at once
            workflow.publish(article, by=None, at=at)
        return article

    def publish(self, article: Article, *, published_at: dt.datetime, at: dt.datetime):
        """Publish (or schedule) a demo article once; later editorial decisions are kept."""
        if article.first_published_at is None:
            workflow.publish(article, by=None, at=at, when=published_at)
            self.updated += 1


@transaction.atomic
def load(at: dt.datetime | None = None) -> Rows:
    at = at or timezone.now()
    rows = Rows()
    ref = reference.read()
    international = rows.sync(
        Section, {"slug": "international"}, {"name": "International", "parent": None}
    )
    sections = {
        "international": international,
        "europe": rows.sync(
            Section, {"slug": "europe"}, {"name": "Europe", "parent": international}
        ),
    }
    lead_photo = _lead_photo(rows, ref)
    dossier = rows.sync(
        Dossier,
        {"slug": DOSSIER_SLUG},
        {
            "title": ref.dossier_title,
            "introduction": DOSSIER_INTRODUCTION,
            "cover_photo": lead_photo,
            "is_open": True,
        },
    )
    people = _people(rows, ref)
    tags = _tags(rows, ref, people)

    article = rows.article(
        REFERENCE_SLUG,
        {
            "section": sections["europe"],
            "kicker": ref.kicker,
            "headline": ref.headline,
            "standfirst": ref.standfirst,
            "body": ref.blocks,
            "lead_photo": lead_photo,
            "lead_photo_caption": "",
            "signature": "",
            "language": "fr",
        },
        tags=[tags[slug] for slug in REFERENCE_TAGS],
        authors=[],
        at=at,
    )
    rows.publish(article, published_at=ref.published_at, at=at)
    rows.sync(DossierEntry, {"dossier": dossier, "article": article}, {})
    for opening, said in QUOTES.items():
        quote = rows.sync(
            Quote,
            {"text": ref.quote(opening)},
            {
                "person": people.get(said["person"]),
                "kind": said.get("kind", Quote.Kind.FULL),
                "role": ref.phrase(said["role"]),
                "said_on": said["said_on"],
                "context": said["context"],
            },
        )
        rows.sync(Quote.articles.through, {"quote": quote, "article": article}, {})

    for story in stories.PUBLISHED + stories.HIDDEN:
        _story(rows, story, sections=sections, dossier=dossier, people=people, tags=tags, at=at)
    if rows.updated:
        # Rows are synced in place, not through each noun's verb: forget every demo copy.
        slugs = [REFERENCE_SLUG, *(story.slug for story in stories.PUBLISHED + stories.HIDDEN)]
        rendering.forget(Article.objects.filter(slug__in=slugs))
    return rows


def _lead_photo(rows: Rows, ref: reference.Reference) -> Photo:
    data = photo.lead_photo_jpeg()
    lead = rows.sync(
        Photo,
        {"content_hash": photo.content_hash(data)},
        {
            "caption": ref.caption,
            "credit": ref.credit,
            "source": ref.credit,
            "alt_text": ALT_TEXT,
            "format": Photo.Format.JPEG,
            "usage_terms": "Image de démonstration dessinée par le projet, libre de droits.",
        },
        on_create={"image": ContentFile(data, name="demo-soldats-nord-coreens.jpg")},
    )
    storage = lead.image.storage
    if not storage.exists(lead.image.name):
        # The row outlived its file (the uploads folder was emptied): put the bytes back.
        storage.save(lead.image.name, ContentFile(data))
        rows.updated += 1
    return lead


def _people(rows: Rows, ref: reference.Reference) -> dict[str, Person]:
    described = {
        "vedant-patel": (
            ref.phrase("Vedant Patel"),
            "Porte-parole du département d’Etat américain.",
            ["Patel"],
            "",
        ),
        "lloyd-austin": (
            ref.phrase("Lloyd Austin"),
            "Ministre américain de la Défense de 2021 à 2025.",
            ["Austin"],
            "",
        ),
        "vladimir-poutine": (
            ref.phrase("Vladimir Poutine"),
            "Président de la Russie.",
            ["Poutine", "Vladimir Vladimirovitch Poutine"],
            "Q7747",
        ),
        "kim-jong-un": ("Kim Jong-un", "Dirigeant de la Corée du Nord.", ["Kim"], ""),
        **{
            slug: (
                name,
                "Journaliste du service International (personnage de démonstration).",
                [],
                "",
            )
            for slug, name in stories.JOURNALISTS.items()
        },
    }
    return {
        slug: rows.sync(
            Person,
            {"slug": slug},
            {"name": name, "description": description, "aliases": aliases, "wikidata_id": wikidata},
        )
        for slug, (name, description, aliases, wikidata) in described.items()
    }


def _tags(rows: Rows, ref: reference.Reference, people: dict[str, Person]) -> dict[str, Tag]:
    tags = {}
    for slug in ("vedant-patel", "lloyd-austin", "vladimir-poutine", "kim-jong-un"):
        person = people[slug]
        tags[slug] = rows.sync(
            Tag, {"kind": Tag.Kind.PERSON, "slug": slug}, {"name": person.name, "person": person}
        )
    named = {
        Tag.Kind.PLACE: (ref.phrase("Koursk"), ref.phrase("Pyongyang"), ref.phrase("Kyiv")),
        Tag.Kind.ORGANISATION: (ref.phrase("KCNA"), ref.phrase("ONU")),
        Tag.Kind.TOPIC: ("Guerre en Ukraine", "Corée du Nord"),
    }
    for kind, names in named.items():
        for name in names:
            tags[slugify(name)] = rows.sync(
                Tag, {"kind": kind, "slug": slugify(name)}, {"name": name, "person": None}
            )
    return tags


def _story(rows: Rows, story: stories.Story, *, sections, dossier, people, tags, at) -> None:
    article = rows.article(
        story.slug,
        {
            "section": sections[story.section],
            "kicker": story.kicker,
            "headline": story.headline,
            "standfirst": story.standfirst,
            "body": story.body,
        },
        tags=[tags[slug] for slug in story.tags],
        authors=[people[slug] for slug in story.authors],
        at=at,
    )
    if story.published_at is not None:
        rows.publish(article, published_at=story.published_at, at=at)
    rows.sync(DossierEntry, {"dossier": dossier, "article": article}, {})
