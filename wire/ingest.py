"""Agency items become draft articles here, and only here: the command, the watcher and the
API call ``import_items``.

An item is recognised again by its guid. A newer version updates the draft it made, through
``workflow.save_article``, while nobody in the newsroom has touched the article since our
last import; once someone has (an edit, a submission, a publication), every later version
waits as the article's pending changes (``workflow.propose``), so their work is never
replaced. Nothing here publishes. Each item is its own transaction: a refused item is
reported with its reason and the batch goes on.
"""

import hashlib
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from articles import people, tags, workflow
from articles.models import Article, Person, Tag
from wire import items, photos
from wire.items import Item, Malformed
from wire.models import WireItem

CREATED, UPDATED, PENDING = "created", "updated", "pending"
UNCHANGED, OLDER, REFUSED = "unchanged", "older", "refused"
OUTCOMES = (CREATED, UPDATED, PENDING, UNCHANGED, OLDER, REFUSED)
# The article's fields an item fills; the others (section, kicker, SEO…) are the newsroom's.
ITEM_FIELDS = (
    "headline",
    "standfirst",
    "body",
    "signature",
    "language",
    "embargo_until",
    "lead_photo",
)


@dataclass
class Result:
    """What became of one item, for the command's summary and the API's answer."""

    source: str
    outcome: str
    guid: str = ""
    version: int | None = None
    article: Article | None = None
    reason: str = ""
    warnings: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "source": self.source,
            "outcome": self.outcome,
            "guid": self.guid,
            "version": self.version,
            "article": self.article.slug if self.article else None,
            "reason": self.reason,
            "warnings": self.warnings,
        }


def import_items(entries, *, by, at=None) -> list[Result]:
    """Import ``entries`` (pairs of a source label and an ``Item`` or the ``Malformed`` its
    reading raised), each in its own transaction, as ``by``."""
    importer = Importer(by=by, at=at)
    return [importer.run(source, entry) for source, entry in entries]


class Importer:
    """One batch: the tags and people it finds or creates are looked up once."""

    def __init__(self, *, by, at=None):
        self.by = by
        self.at = at
        self.tags: dict[tuple[str, str], Tag] = {}
        self.people: dict[str, Person] = {}

    def run(self, source: str, entry) -> Result:
        if isinstance(entry, Malformed):
            return Result(source, REFUSED, reason=" ".join(entry.messages))
        try:
            with transaction.atomic():
                return self.import_item(source, entry)
        except (ValidationError, PermissionDenied) as error:
            self.tags.clear()  # some may have been created in the transaction rolled back
            self.people.clear()
            reason = " ".join(getattr(error, "messages", None) or [str(error)])
            return Result(source, REFUSED, guid=entry.guid, version=entry.version, reason=reason)

    def import_item(self, source: str, item: Item) -> Result:
        at = self.at or timezone.now()
        row = WireItem.objects.select_for_update().filter(guid=item.guid).first()
        result = Result(source, CREATED, guid=item.guid, version=item.version)
        if row is not None:
            if row.article_id is None:
                result.outcome, result.reason = (
                    REFUSED,
                    _("The article made from this item has been deleted: it is not made again."),
                )
                return result
            if (order := compare(item, row)) <= 0:
                result.article = row.article
                result.outcome = UNCHANGED if order == 0 else OLDER
                return result
        if item.withdrawn:
            raise Malformed(_("The agency has withdrawn this item."), code="withdrawn")
        fields = self.fields(item, result)
        tag_list = [self.tag(kind, name) for kind, name in dict.fromkeys(item.subjects)]
        authors = list(dict.fromkeys(self.person(name) for name in items.authors(item)))
        if row is None:
            article = Article(slug=slug_for(item), **fields)
            article.clean_fields(exclude=["section", "lead_photo", "slug"])
            article = workflow.save_article(
                article, by=self.by, at=at, tags=tag_list, authors=authors
            )
            row = WireItem(guid=item.guid, received_at=at)
        else:
            article = Article.objects.select_for_update().get(pk=row.article_id)
            row.held = row.held or article.version != row.article_version
            for name, value in fields.items():
                setattr(article, name, value)
            article.clean_fields(exclude=["section", "lead_photo", "slug"])
            if row.held:
                workflow.propose(
                    article,
                    by=self.by,
                    at=at,
                    tags=tag_list,
                    authors=authors,
                    note=_("agency version %(version)d waiting") % {"version": item.version},
                )
            else:
                workflow.save_article(
                    article,
                    by=self.by,
                    at=at,
                    tags=tag_list,
                    authors=authors,
                    expected_version=row.article_version,
                )
            result.outcome = PENDING if article.pending else UPDATED
        row.version, row.version_created = item.version, item.version_created
        row.agency, row.urgency, row.format = item.agency[:200], item.urgency, item.format
        row.article, row.article_version, row.updated_at = article, article.version, at
        row.save()
        result.article = article
        return result

    def fields(self, item: Item, result: Result) -> dict:
        """The article's fields from the item; its pictures taken in (or refused, noted)."""
        found = []
        for ref in item.photos:
            try:
                found.append(photos.photo_for(ref, base=item.base, by=self.by, source=item.agency))
            except photos.PhotoRefused as refused:
                result.warnings.extend(refused.messages)
        blocks = list(item.blocks) + [
            {"type": "photo", "photo": photo.pk} for photo in dict.fromkeys(found[1:])
        ]
        return {
            "headline": item.headline,
            "standfirst": item.standfirst,
            "body": blocks,
            "signature": item.agency[:200],
            "language": item.language or "fr",
            "embargo_until": item.embargo_until,
            "lead_photo": found[0] if found else None,
        }

    def tag(self, kind: str, name: str) -> Tag:
        key = (kind, slugify(name)[:200] or name_hash(name))
        if key not in self.tags:
            found = Tag.objects.filter(kind=kind, slug=key[1]).first()
            self.tags[key] = found or tags.save_tag(
                Tag(kind=kind, slug=key[1], name=name[:200]), by=self.by, at=self.at
            )
        return self.tags[key]

    def person(self, name: str) -> Person:
        name = name[:200]
        if name not in self.people:
            found = Person.objects.filter(name=name).order_by("pk").first()
            if found is None:
                slug = slugify(name)[:180] or "auteur"
                if Person.objects.filter(slug=slug).exists():
                    slug = f"{slug}-{name_hash(name)}"
                found = people.save_person(Person(name=name, slug=slug), by=self.by, at=self.at)
            self.people[name] = found
        return self.people[name]


def name_hash(value: str) -> str:
    return hashlib.blake2b(value.encode(), digest_size=4).hexdigest()


def slug_for(item: Item) -> str:
    """The headline's slug, made unique by the guid's hash (an agency reuses headlines)."""
    return f"{slugify(item.headline)[:150].rstrip('-') or 'depeche'}-{name_hash(item.guid)}"


def compare(item: Item, row: WireItem) -> int:
    """1 if ``item`` is newer than the version imported, 0 if the same, -1 if older: by
    version number, then by the time the version was made when both are known."""
    if item.version != row.version:
        return 1 if item.version > row.version else -1
    if item.version_created and row.version_created:
        return (item.version_created > row.version_created) - (
            item.version_created < row.version_created
        )
    return 0
