"""Agency items become draft articles here, and only here: the command, the watcher and the
API call ``import_items``.

An item is recognised again by its guid. A newer version updates the draft it made, through
``workflow.save_article``, while nobody in the newsroom has touched the article since our
last import; once someone has (an edit, a submission, a publication), every later version
waits as the article's pending changes (``workflow.propose``), so their work is never
replaced. Nothing here publishes. Each item is its own savepoint: a refused item is
reported with its reason, leaves nothing behind, and the batch goes on.
"""

import hashlib
from contextlib import nullcontext
from dataclasses import dataclass, field
from itertools import islice

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
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
CHUNK = 100
UNPUBLISHED = (Article.Status.DRAFT, Article.Status.READY)
KEPT_FIELDS = [
    "version",
    "version_created",
    "agency",
    "urgency",
    "format",
    "article",
    "article_version",
    "held",
    "updated_at",
]


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


def import_items(entries, *, by, at=None, chunk=CHUNK) -> list[Result]:
    """Import ``entries`` (pairs of a source label and an ``Item`` or the ``Malformed`` its
    reading raised) as ``by``, ``chunk`` at a time: one transaction, and one bulk write of
    the new and untouched drafts (``workflow.save_drafts``), for each chunk."""
    importer = Importer(by=by, at=at)
    results = []
    entries = iter(entries)
    while batch := list(islice(entries, chunk)):
        with transaction.atomic():
            results += importer.run(batch)
    return results


@dataclass
class Plan:
    """An item ready to be written: its result so far, its agency row and its draft."""

    result: Result
    item: Item
    row: WireItem
    draft: workflow.Draft
    held: bool = False
    new: bool = True


class Importer:
    """One import: the tags and people it finds or creates are looked up once, and the
    agency items already known (and their articles) are read and locked a chunk at a time."""

    def __init__(self, *, by, at=None):
        self.by = by
        self.at = at
        self.tags: dict[tuple[str, str], Tag] = {}
        self.people: dict[str, Person] = {}
        self.rows: dict[str, WireItem | None] = {}
        self.articles: dict[int, Article] = {}
        self.taken: set[str] = set()

    def run(self, batch) -> list[Result]:
        """Each entry's result, in order. Call inside a transaction."""
        at = self.at or timezone.now()
        self.lock([entry for _source, entry in batch if isinstance(entry, Item)])
        results, waiting = [], []
        for source, entry in batch:
            if isinstance(entry, Malformed):
                results.append(Result(source, REFUSED, reason=" ".join(entry.messages)))
                continue
            if any(plan.item.guid == entry.guid for plan in waiting):
                self.write_together(waiting, at)  # an earlier version comes first
                waiting = []
            result = self.guarded(source, entry, self.plan, source, entry, at, savepoint=False)
            if isinstance(result, Plan):
                if result.held or result.draft.article.status not in UNPUBLISHED:
                    result = self.guarded(source, entry, self.write_alone, result, at)
                else:
                    waiting.append(result)
                    result = result.result
            results.append(result)
        self.write_together(waiting, at)
        return results

    def guarded(self, source: str, item: Item, step, *args, savepoint=True):
        """``step(*args)``, in a savepoint unless it writes only through verbs that keep
        their own; a refusal is the item's result."""
        try:
            with transaction.atomic() if savepoint else nullcontext():
                return step(*args)
        except (ValidationError, PermissionDenied, IntegrityError) as error:
            self.forget(item.guid, rolled_back=savepoint)
            if isinstance(error, IntegrityError):
                reason = _("The same item was being imported at the same time: send it again.")
            else:
                reason = " ".join(getattr(error, "messages", None) or [str(error)])
            return Result(source, REFUSED, guid=item.guid, version=item.version, reason=reason)

    def forget(self, guid: str, *, rolled_back: bool) -> None:
        """What a refused item changed in memory, or its savepoint rolled back, is read
        again when needed."""
        if rolled_back:
            self.tags.clear()
            self.people.clear()
        if row := self.rows.pop(guid, None):
            self.articles.pop(row.article_id, None)

    def lock(self, batch: list[Item]) -> None:
        """Read and lock the known items of ``batch``, and their articles; the others are
        new (the unique guid refuses a second importer creating the same one meanwhile).
        Note the slugs the new ones would take that are taken already."""
        guids = [item.guid for item in batch]
        self.rows = dict.fromkeys(guids)
        self.rows.update(
            (row.guid, row) for row in WireItem.objects.select_for_update().filter(guid__in=guids)
        )
        ids = [row.article_id for row in self.rows.values() if row and row.article_id]
        self.articles = Article.objects.select_for_update().in_bulk(ids) if ids else {}
        slugs = [slug_for(item) for item in batch if self.rows[item.guid] is None]
        self.taken = set(Article.objects.filter(slug__in=slugs).values_list("slug", flat=True))

    def row(self, guid: str) -> WireItem | None:
        if guid not in self.rows:
            self.rows[guid] = WireItem.objects.select_for_update().filter(guid=guid).first()
        return self.rows[guid]

    def article(self, pk: int) -> Article:
        if pk not in self.articles:
            self.articles[pk] = Article.objects.select_for_update().get(pk=pk)
        return self.articles[pk]

    def plan(self, source: str, item: Item, at) -> Result | Plan:
        """The item's final result (unchanged, older, refused), or its plan: the draft it
        makes or edits, its tags, people and photos found or created."""
        row = self.row(item.guid)
        result = Result(source, CREATED, guid=item.guid, version=item.version)
        if row is not None:
            if row.article_id is None:
                result.outcome = REFUSED
                result.reason = _(
                    "The article made from this item has been deleted: it is not made again."
                )
                return result
            if (order := compare(item, row)) <= 0:
                result.article = self.article(row.article_id)
                result.outcome = UNCHANGED if order == 0 else OLDER
                return result
        if item.withdrawn:
            raise Malformed(_("The agency has withdrawn this item."), code="withdrawn")
        if row is None:
            slug = slug_for(item)
            if slug in self.taken:  # an article of the newsroom's has it
                slug = f"{slug[:180]}-{name_hash(f'{item.guid} {at}')}"
            article, held = Article(slug=slug), False
            row = WireItem(guid=item.guid, received_at=at)
        else:
            article = self.article(row.article_id)
            held = row.held or article.version != row.article_version
            result.outcome = UPDATED
        # The fields are checked before anything is written: a refused item leaves at most
        # the tags and people it named, and the photos it brought. (The body is checked
        # where it is saved: wire.text makes valid blocks, of which only a length can fail.)
        for name, value in text_fields(item).items():
            setattr(article, name, value)
        article.clean_fields(exclude=["section", "lead_photo", "slug", "modified_by", "body"])
        tag_list = [self.tag(kind, name) for kind, name in dict.fromkeys(item.subjects)]
        authors = list(dict.fromkeys(self.person(name) for name in items.authors(item)))
        self.add_photos(article, item, result)
        draft = workflow.Draft(article, tag_list, authors, row.article_version if row.pk else None)
        return Plan(result, item, row, draft, held=held, new=row.pk is None)

    def write_alone(self, plan: Plan, at) -> Result:
        """An article someone changed since (the item waits as its pending changes), or a
        published one (its edits wait anyway)."""
        article, draft = plan.draft.article, plan.draft
        article.derive_from_body()  # the pending changes are checked as a save would
        if plan.held:
            note = _("agency version %(version)d waiting") % {"version": plan.item.version}
            workflow.propose(
                article, by=self.by, at=at, tags=draft.tags, authors=draft.authors, note=note
            )
        else:
            workflow.save_article(
                article,
                by=self.by,
                at=at,
                tags=draft.tags,
                authors=draft.authors,
                expected_version=draft.expected_version,
            )
        plan.result.outcome = PENDING if article.pending else UPDATED
        plan.row.held = plan.held
        self.keep([plan], at)
        return plan.result

    def write_together(self, plans: list[Plan], at) -> None:
        """New drafts and drafts nobody touched since, in one bulk write; if it is refused,
        each on its own, so that only the items at fault are refused."""
        if not plans:
            return
        try:
            with transaction.atomic():
                workflow.save_drafts([plan.draft for plan in plans], by=self.by, at=at)
                self.keep(plans, at)
        except (ValidationError, PermissionDenied, IntegrityError):
            for plan in plans:
                for new, obj in ((plan.new, plan.row), (plan.new, plan.draft.article)):
                    if new:  # the rolled back insert may have given it an id
                        obj.pk, obj._state.adding = None, True
                source = plan.result.source
                outcome = self.guarded(source, plan.item, self.write_one, plan, at)
                if outcome.outcome == REFUSED:
                    plan.result.outcome, plan.result.reason = REFUSED, outcome.reason

    def write_one(self, plan: Plan, at) -> Result:
        workflow.save_drafts([plan.draft], by=self.by, at=at)
        self.keep([plan], at)
        return plan.result

    def keep(self, plans: list[Plan], at) -> None:
        """Note each item's version and its article's, for the next import to compare."""
        for plan in plans:
            row, item, article = plan.row, plan.item, plan.draft.article
            row.version, row.version_created = item.version, item.version_created
            row.agency, row.urgency, row.format = item.agency[:200], item.urgency, item.format
            row.article, row.article_version, row.updated_at = article, article.version, at
            plan.result.article = article
            self.articles[article.pk] = article
            self.rows[item.guid] = row
        WireItem.objects.bulk_create(
            [plan.row for plan in plans],
            update_conflicts=True,
            unique_fields=["guid"],
            update_fields=KEPT_FIELDS,
        )

    def add_photos(self, article: Article, item: Item, result: Result) -> None:
        """The item's pictures: the first as lead photo, the others after the text. A photo
        refused is noted in the result; the article goes in without it."""
        found = []
        for ref in item.photos:
            try:
                found.append(photos.photo_for(ref, base=item.base, by=self.by, source=item.agency))
            except photos.PhotoRefused as refused:
                result.warnings.extend(refused.messages)
        article.lead_photo = found[0] if found else None
        article.body += [{"type": "photo", "photo": p.pk} for p in dict.fromkeys(found[1:])]

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


def text_fields(item: Item) -> dict:
    """The article's fields an item fills, but its photos; the others (section, kicker,
    SEO…) are the newsroom's."""
    return {
        "headline": item.headline,
        "standfirst": item.standfirst,
        "body": list(item.blocks),
        "signature": item.agency[:200],
        "language": item.language or "fr",
        "embargo_until": item.embargo_until,
    }


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
