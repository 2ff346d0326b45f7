"""The rows generated articles are attached to: sections, dossiers, tags, people, photos.

They are created once, with slugs starting with ``PREFIX``, and shared by every run of
``generate_articles``: their names come from a fixed seed, not from ``--seed``.
"""

import itertools
import random
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils.text import slugify

from articles.models import Person, Section, Tag
from demo import photo
from demo import vocabulary as words
from dossiers.models import Dossier
from media.models import Photo

PREFIX = "gen-"
PEOPLE = 5000
JOURNALISTS = 300
TAGS = 2000
PERSON_TAGS = 500
TOPIC_TAGS = TAGS - PERSON_TAGS - len(words.PLACES) - len(words.ORGANISATIONS)
DOSSIERS = 200
PHOTOS = 50


@dataclass
class Cast:
    """Ids of the rows articles are attached to."""

    sections: list[int]
    dossiers: list[int]
    tags: list[int]
    journalists: list[int]
    speakers: list[tuple[int, str]]
    photos: list[int]


def ensure_cast() -> Cast:
    """Create the sections, dossiers, tags, people and photos once; return their ids."""
    names = random.Random(0)  # noqa: S311 - reproducible test data, not secrets
    sections = _sections()
    people = _people(names)
    journalists = [pk for pk, _name in people[:JOURNALISTS]]
    speakers = people[JOURNALISTS:]
    return Cast(
        sections=sections,
        dossiers=_dossiers(names),
        tags=_tags(names, speakers[:PERSON_TAGS]),
        journalists=journalists,
        speakers=speakers,
        photos=_photos(),
    )


def _sections() -> list[int]:
    ids = []
    for position, (name, children) in enumerate(words.SECTIONS.items()):
        parent, _ = Section.objects.get_or_create(
            slug=f"{PREFIX}{slugify(name)}", defaults={"name": name, "position": position}
        )
        ids.append(parent.pk)
        for child_position, child in enumerate(children):
            section, _ = Section.objects.get_or_create(
                slug=f"{PREFIX}{slugify(child)}",
                defaults={"name": child, "parent": parent, "position": child_position},
            )
            ids.append(section.pk)
    return ids


def _people(names: random.Random) -> list[tuple[int, str]]:
    pairs = names.sample(
        [
            (first, last)
            for first, last in itertools.product(words.FIRST_NAMES, words.LAST_NAMES)
            if first != last
        ],
        PEOPLE,
    )
    Person.objects.bulk_create(
        [
            Person(
                slug=f"{PREFIX}person-{index:04d}",
                name=f"{first} {last}",
                description="Journaliste" if index < JOURNALISTS else "",
            )
            for index, (first, last) in enumerate(pairs)
        ],
        ignore_conflicts=True,
    )
    return list(
        Person.objects.filter(slug__startswith=f"{PREFIX}person-")
        .order_by("slug")
        .values_list("pk", "name")
    )


def _dossiers(names: random.Random) -> list[int]:
    topics = [f"{head} {rest}" for head, rest in _topic_pairs(names, DOSSIERS)]
    titles = list(words.DOSSIER_THEMES) + topics[: DOSSIERS - len(words.DOSSIER_THEMES)]
    Dossier.objects.bulk_create(
        [Dossier(slug=f"{PREFIX}{slugify(title)}", title=title) for title in titles],
        ignore_conflicts=True,
    )
    return list(Dossier.objects.filter(slug__startswith=PREFIX).values_list("pk", flat=True))


def _tags(names: random.Random, people: list[tuple[int, str]]) -> list[int]:
    named = [
        *[(Tag.Kind.PLACE, name) for name in words.PLACES],
        *[(Tag.Kind.ORGANISATION, name) for name in words.ORGANISATIONS],
        *[(Tag.Kind.TOPIC, f"{head} {rest}") for head, rest in _topic_pairs(names, TOPIC_TAGS)],
    ]
    Tag.objects.bulk_create(
        [Tag(kind=kind, slug=f"{PREFIX}{slugify(name)}", name=name) for kind, name in named]
        + [
            Tag(kind=Tag.Kind.PERSON, slug=f"{PREFIX}person-{pk}", name=name, person_id=pk)
            for pk, name in people
        ],
        ignore_conflicts=True,
    )
    return list(Tag.objects.filter(slug__startswith=PREFIX).values_list("pk", flat=True))


def _topic_pairs(names: random.Random, count: int) -> list[tuple[str, str]]:
    return names.sample(list(itertools.product(words.TOPIC_HEADS, words.TOPIC_COMPLEMENTS)), count)


def _photos() -> list[int]:
    drawn = {}
    for index in range(PHOTOS):
        data = photo.swatch_jpeg(index)
        drawn[photo.content_hash(data)] = (index, data)
    existing = set(
        Photo.objects.filter(content_hash__in=drawn).values_list("content_hash", flat=True)
    )
    for digest, (index, data) in drawn.items():
        if digest not in existing:
            Photo.objects.create(
                image=ContentFile(data, name=f"{PREFIX}photo-{index:02d}.jpg"),
                content_hash=digest,
                format=Photo.Format.JPEG,
                caption=f"Photo d’illustration n°\u00a0{index + 1}.",
                credit="Libération",
                alt_text="Motif géométrique coloré (image générée).",
            )
    return list(Photo.objects.filter(content_hash__in=drawn).values_list("pk", flat=True))
