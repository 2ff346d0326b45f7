"""Every change to an article goes through here: edits and state changes.

Each verb takes the article, the actor (``by``) and the clock (``at``, read once). It locks
the row, checks the actor's role and what must hold, saves, and records a revision. The
admin, the API and the management commands call the same functions; nothing else sets
``Article.status``.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from accounts import audit
from articles import body, pending, references, rendering, revisions, roles
from articles.models import Article, Byline, Correction, Person, Quote, Section, Tag
from media.models import Photo
from newsroom.errors import ChangeRefused, NotAllowed, StaleVersion, require

Status = Article.Status
WORKFLOW_FIELDS = ("status", "published_at", "first_published_at", "updated_at")
# Any refusal of a verb: a transition from the wrong status, a role, a stale version.
WorkflowError = ChangeRefused


class EditConflict(StaleVersion):
    """Someone else saved the article since the actor opened it."""

    def __init__(self, row: Article):
        who = (
            row.modified_by.get_full_name() or row.modified_by.get_username()
            if row.modified_by
            else _("someone")
        )
        when = formats.date_format(timezone.localtime(row.modified_at), "DATETIME_FORMAT")
        super().__init__(
            _(
                "%(who)s saved this article on %(when)s while you were editing it. "
                "Your text is kept below: copy what you need, reload the article, and apply "
                "your changes again."
            )
            % {"who": who, "when": when},
            code="conflict",
        )
        self.row = row


@transaction.atomic
def save_article(
    article: Article,
    *,
    by,
    at=None,
    tags=None,
    authors=None,
    expected_version=None,
    changed_fields=(),
) -> Article:
    """Create or edit an article's content (never its status) and keep a revision.

    ``tags`` and ``authors`` (people, in byline order) replace the current ones when given.
    The edit of a published article waits as its pending changes (``articles.pending``):
    the public keeps the live version until an editor publishes them.
    """
    creating = article.pk is None
    check_edit(article, by=by, expected_version=expected_version, changed_fields=changed_fields)
    if edits_wait(article):
        return pending.keep(article, by=by, at=at, tags=tags, authors=authors)
    # An unpublished article is edited as its pending changes show it (a newer agency
    # version, see ``propose``): saving it takes them in.
    article.pending, article.pending_at = None, None
    article.save()
    if tags is not None:
        article.tags.set(tags)
    if authors is not None:
        article.set_authors(authors)
    finish_save(article, by=by, creating=creating, at=at)
    return article


@transaction.atomic
def propose(article: Article, *, by, at=None, tags=None, authors=None, note=None) -> Article:
    """Keep an edit as the article's pending changes whatever its status: a newer agency
    version of an article someone in the newsroom changed waits for them, their text kept."""
    check_edit(article, by=by, changed_fields=revisions.CONTENT_FIELDS)
    return pending.keep(article, by=by, at=at, tags=tags, authors=authors, note=note)


@dataclass
class Draft:
    """One article for ``save_drafts``: new (no pk) or an unpublished one, edited in memory."""

    article: Article
    tags: list
    authors: list
    expected_version: int | None = None


@transaction.atomic
def save_drafts(drafts: list[Draft], *, by, at=None) -> list[Article]:
    """Create or edit many unpublished articles at once (agency imports): what
    ``save_article`` does for each (role, version, revision), in a few statements for all.

    A draft or an article ready for editing shows nowhere public (nor does its headline in
    another article's related block), so no public copy is forgotten and nothing is purged.
    A published or withdrawn article is refused: its edits go through ``save_article``.
    All or nothing: any refusal raises and saves none.
    """
    at = at or timezone.now()
    existing = [draft for draft in drafts if draft.article.pk is not None]
    rows = Article.objects.select_for_update().in_bulk([d.article.pk for d in existing])
    for draft in drafts:
        article = draft.article
        if by is not None and (refusal := roles.edit_refusal(by, article)):
            raise NotAllowed(refusal, code="forbidden")
        if article.pk is None:
            article.version, article.status = 1, Status.DRAFT
        else:
            row = rows[article.pk]
            if row.status not in (Status.DRAFT, Status.READY):
                raise WorkflowError(
                    _("Only unpublished articles are saved together."), code="invalid_transition"
                )
            if draft.expected_version is not None and row.version != draft.expected_version:
                raise EditConflict(row)
            for name in (*WORKFLOW_FIELDS, "pending", "pending_at"):
                setattr(article, name, getattr(row, name))
            article.version = row.version + 1
            article.pending, article.pending_at = None, None  # see save_article
        article.modified_by, article.modified_at = by, at
        article.derive_from_body()
    new = [draft.article for draft in drafts if draft.article.pk is None]
    Article.objects.bulk_create(new)
    if existing:
        # One statement for all, an upsert on the id of rows read and locked above
        # (bulk_update would compile a CASE per field and row; an UPDATE per row costs a
        # round trip each).
        names = [name for name in revisions.CONTENT_FIELDS if name not in revisions.RELATIONS]
        names += ["body_text", "body_refs", "version", "modified_by", "modified_at"]
        Article.objects.bulk_create(
            [draft.article for draft in existing],
            update_conflicts=True,
            unique_fields=["id"],
            update_fields=[*names, "pending", "pending_at"],
        )
        ids = [draft.article.pk for draft in existing]
        Article.tags.through.objects.filter(article_id__in=ids).delete()
        Byline.objects.filter(article_id__in=ids).delete()
    Article.tags.through.objects.bulk_create(
        Article.tags.through(article_id=draft.article.pk, tag_id=getattr(tag, "pk", tag))
        for draft in drafts
        for tag in dict.fromkeys(draft.tags)
    )
    Byline.objects.bulk_create(
        Byline(article=draft.article, person_id=getattr(person, "pk", person), position=position)
        for draft in drafts
        for position, person in enumerate(dict.fromkeys(draft.authors))
    )
    for draft in drafts:
        carry_body_quotes(draft.article)  # no statement when the body has no quote
    created = pgettext("revision note", "created")
    revisions.record_many(
        [draft.article for draft in drafts],
        by=by,
        at=at,
        notes=[created if draft.article.version == 1 else "" for draft in drafts],
        contents=[
            revisions.snapshot(draft.article, tags=draft.tags, authors=draft.authors)
            for draft in drafts
        ],
    )
    return [draft.article for draft in drafts]


def finish_save(article: Article, *, by, creating: bool, at=None) -> None:
    """Once the article and its relations are saved: sign a new article, keep a revision.

    A journalist who creates an article becomes its byline, so that they can edit it.
    """
    if creating and by is not None and not by.has_perm("articles.edit_any_article"):
        if not roles.is_byline(by, article):
            Byline.objects.create(
                article=article, person=roles.person_of(by), position=article.bylines.count()
            )
    carry_body_quotes(article)
    note = pgettext("revision note", "created") if creating else ""
    revisions.record(article, by=by, at=at, note=note)
    rendering.forget_article(article)


def carry_body_quotes(article: Article) -> None:
    """A quote put in the body is one the article carries (its public «quotes», the
    archive's «person quoted» filter): linked when the article is saved, never unlinked
    here, since the quotes an article carries are also chosen on their own."""
    carried = Quote.articles.through
    carried.objects.bulk_create(
        [
            carried(quote_id=pk, article_id=article.pk)
            for pk in sorted(body.referenced_ids(article.body, "quote"))
        ],
        ignore_conflicts=True,
    )


def edits_wait(article: Article) -> bool:
    """Whether an edit of ``article`` waits for an editor instead of going live."""
    return article.pk is not None and article.status == Status.PUBLISHED


def _locked(article: Article, expected_version=None) -> Article:
    """The article's row, locked; EditConflict if it is no longer ``expected_version``."""
    row = Article.objects.select_for_update().get(pk=article.pk)
    if expected_version is not None and row.version != int(expected_version):
        raise EditConflict(row)
    return row


def missing_for_publication(article: Article) -> list[str]:
    """What a published article needs and this one lacks, in the editor's words."""
    missing = []
    if not article.headline.strip():
        missing.append(_("a headline"))
    if not article.section_id:
        missing.append(_("a section"))
    if not article.body:
        missing.append(_("a body"))
    if article.lead_photo_id:
        if not article.lead_photo.credit.strip():
            missing.append(_("a credit for the lead photo"))
        if not article.lead_caption.strip():
            missing.append(_("a caption for the lead photo"))
    return missing


def check_edit(article: Article, *, by, expected_version=None, changed_fields=()) -> None:
    """Lock the row and refuse the edit if it is not allowed or would overwrite someone.

    Call inside ``transaction.atomic()``, then save the article and its relations, then
    ``revisions.record``. Prepares ``version`` and ``modified_by`` for the save.
    """
    if by is not None and (refusal := roles.edit_refusal(by, article, changed_fields)):
        raise NotAllowed(refusal, code="forbidden")
    if article.pk is None:
        article.version, article.modified_by = 1, by
        return
    row = _locked(article, expected_version)
    for name in (*WORKFLOW_FIELDS, "pending", "pending_at"):  # never from a stale copy
        setattr(article, name, getattr(row, name))
    article.version, article.modified_by = row.version + 1, by


def _change_status(article, *, by, at, allowed_from, to, note, update=None, version=None, row=None):
    """Lock, check the version and the current status, apply, save and record one state
    change.

    ``update(row, at)``, called under the lock, may refuse (raise) or return more fields.
    ``version`` is the one the actor saw, if they said: an editor publishes what they read.
    ``row`` is the article's row when the caller holds its lock already.
    """
    at = at or timezone.now()
    row = row or _locked(article, version)
    if row.status not in allowed_from:
        raise WorkflowError(
            _("The article is “%(status)s”: it cannot be %(verb)s from there.")
            % {"status": row.get_status_display(), "verb": note},
            code="invalid_transition",
        )
    fields = {"status": to, **(update(row, at) if update else {})}
    _save_change(row, by=by, at=at, note=note, fields=fields)
    article.refresh_from_db()
    return article


def _save_change(row, *, by, at, note, fields) -> None:
    """Apply ``fields`` to the locked row, bump its version, save, keep a revision and
    forget its public copy."""
    for name, value in fields.items():
        setattr(row, name, value)
    row.version += 1
    row.modified_by = by
    row.save(update_fields=[*fields, "version", "modified_by", "modified_at"])
    revisions.record(row, by=by, at=at, note=note)
    rendering.forget_article(row)


@transaction.atomic
def submit(article: Article, *, by, at=None, version=None) -> Article:
    """A journalist hands their draft to the editors."""
    if by is not None and not by.has_perm("articles.edit_any_article"):
        require(by, "articles.submit_article", _("You may not submit articles."))
        if not roles.is_byline(by, article):
            raise NotAllowed(_("You may submit only the articles you sign."), code="forbidden")
    return _change_status(
        article,
        by=by,
        at=at,
        allowed_from={Status.DRAFT},
        to=Status.READY,
        note=_("submitted"),
        version=version,
    )


@transaction.atomic
def publish(article: Article, *, by, at=None, when=None, version=None) -> Article:
    """Publish now, or at ``when``: a scheduled article becomes public at its second."""
    require(by, "articles.publish_article", _("Only an editor may publish."))
    at = at or timezone.now()
    row = _locked(article, version)
    if row.status == Status.PUBLISHED:
        publish_pending(row, by=by, at=at, when=when)
        audit.record(audit.Action.PUBLISH, by=by, at=at, subject=row, detail=_("pending changes"))
        article.refresh_from_db()
        return article

    def times(row, at):
        if missing := missing_for_publication(row):
            raise WorkflowError(
                _("This article cannot be published yet: it needs %(missing)s.")
                % {"missing": ", ".join(missing)},
                code="incomplete",
            )
        published_at = when or at
        return {
            "published_at": published_at,
            "first_published_at": row.first_published_at or published_at,
        }

    note = _("scheduled") if when and when > at else _("published")
    article = _change_status(
        article,
        by=by,
        at=at,
        allowed_from={Status.DRAFT, Status.READY},
        to=Status.PUBLISHED,
        note=note,
        update=times,
        row=row,
    )
    audit.record(audit.Action.PUBLISH, by=by, at=at, subject=article, detail=note)
    return article


def publish_pending(row: Article, *, by, at, when=None) -> None:
    """Make a published article's pending changes live now, or at ``when``. Call with the
    row locked."""
    if not row.pending:
        raise WorkflowError(
            _("This article is published and no change is waiting."), code="invalid_transition"
        )
    if when and when > at:
        note = _("changes scheduled for %(when)s") % {
            "when": formats.date_format(timezone.localtime(when), "DATETIME_FORMAT")
        }
        _save_change(row, by=by, at=at, note=note, fields={"pending_at": when})
        return
    fields = pending.apply(row)
    if missing := missing_for_publication(row):
        raise WorkflowError(
            _("These changes cannot be published: the article would need %(missing)s.")
            % {"missing": ", ".join(missing)},
            code="incomplete",
        )
    _save_change(row, by=by, at=at, note=_("pending changes published"), fields=fields)
    carry_body_quotes(row)


def schedule(article: Article, *, by, when, at=None, version=None) -> Article:
    """Publish at a future second; no job needs to run for it to appear."""
    at = at or timezone.now()
    if when <= at:
        raise WorkflowError(_("A scheduled time must be in the future."), code="past")
    return publish(article, by=by, at=at, when=when, version=version)


@transaction.atomic
def withdraw(article: Article, *, by, at=None, version=None) -> Article:
    """Take a published article off every public surface."""
    require(by, "articles.publish_article", _("Only an editor may withdraw an article."))
    article = _change_status(
        article,
        by=by,
        at=at,
        allowed_from={Status.PUBLISHED},
        to=Status.WITHDRAWN,
        note=_("withdrawn"),
        version=version,
    )
    audit.record(audit.Action.WITHDRAW, by=by, at=at, subject=article)
    return article


@transaction.atomic
def return_to_draft(article: Article, *, by, at=None, version=None) -> Article:
    """Back to draft: a journalist may take back what they submitted; an editor anything."""
    if by is not None and not by.has_perm("articles.publish_article"):
        own = by.has_perm("articles.submit_article") and roles.is_byline(by, article)
        if not own or article.status != Status.READY:
            raise NotAllowed(
                _("Only an editor may send this article back to draft."), code="forbidden"
            )
    return _change_status(
        article,
        by=by,
        at=at,
        allowed_from={Status.READY, Status.PUBLISHED, Status.WITHDRAWN},
        to=Status.DRAFT,
        note=_("returned to draft"),
        # The draft holds the changes that were waiting over the live version.
        update=lambda row, at: pending.apply(row) if row.pending else {},
        version=version,
    )


@transaction.atomic
def mark_updated(article: Article, *, by, at=None, version=None) -> Article:
    """A significant update: readers see «mis à jour le …» with this time."""
    require(by, "articles.publish_article", _("Only an editor may mark a significant update."))
    return _change_status(
        article,
        by=by,
        at=at,
        allowed_from={Status.PUBLISHED},
        to=Status.PUBLISHED,
        note=_("significantly updated"),
        update=lambda row, at: {"updated_at": at},
        version=version,
    )


@transaction.atomic
def correct(article: Article, *, by, text: str, at=None, version=None) -> Correction:
    """Add a dated public correction note to a published article."""
    require(by, "articles.publish_article", _("Only an editor may publish a correction."))
    at = at or timezone.now()
    if not text.strip():
        raise WorkflowError(_("A correction needs a text."), code="required")
    row = _locked(article, version)
    if row.status != Status.PUBLISHED:
        raise WorkflowError(
            _("Only a published article can be corrected."), code="invalid_transition"
        )
    correction = Correction.objects.create(article=row, text=text, published_at=at)
    _save_change(row, by=by, at=at, note=_("corrected"), fields={})
    article.refresh_from_db()
    return correction


@transaction.atomic
def restore(article: Article, revision, *, by, at=None, version=None) -> Article:
    """Bring back a revision's content as a new revision; status and times are untouched.
    On a published article it waits, as any edit does, for an editor to publish it."""
    row = _locked(article, version)
    check_edit(row, by=by, changed_fields=revisions.CONTENT_FIELDS)
    note = _("restored version %(version)d") % {"version": revision.version}
    content = revision.content
    _check_restorable(row, content)
    if edits_wait(row):
        revisions.apply_content(row, content, relations=False)
        tags, authors = content.get("tags", []), content.get("authors", [])
        pending.keep(row, by=by, at=at, tags=tags, authors=authors, note=note)
    else:
        revisions.apply(row, revision)
        row.save()
        revisions.record(row, by=by, at=at, note=note)
        rendering.forget_article(row)
    article.refresh_from_db()
    return article


def _check_restorable(row: Article, content: dict) -> None:
    """A version comes back only whole: its slug still free, and what it points to (section,
    lead photo, tags, authors, the body's quotes, photos and articles) still there."""
    problems = []
    slug = content.get("slug")
    if slug and Article.objects.filter(slug=slug).exclude(pk=row.pk).exists():
        problems.append(
            _("Its slug «%(slug)s» is now another article's: change one of them first.")
            % {"slug": slug}
        )
    wanted = [
        (Section, [content.get("section")], _("Its section has been deleted since.")),
        (Photo, [content.get("lead_photo")], _("Its lead photo has been deleted since.")),
        (Tag, content.get("tags", []), _("Some of its tags have been deleted since.")),
        (Person, content.get("authors", []), _("Some of its authors have been deleted since.")),
    ]
    for model, ids, gone in wanted:
        ids = {pk for pk in ids if pk}
        if ids and model.objects.filter(pk__in=ids).count() < len(ids):
            problems.append(gone)
    try:
        references.check(content.get("body", []))
    except ValidationError as error:
        problems.extend(error.messages)
    if problems:
        message = _("This version cannot be restored: %(problems)s")
        raise ChangeRefused(message % {"problems": " ".join(problems)}, code="not_restorable")


@transaction.atomic
def delete_article(article: Article, *, by, at=None, version=None) -> None:
    """Delete an article for good (editors). Its last revision is kept, noting who deleted
    it and when, and everything that showed it is purged."""
    require(by, "articles.delete_article", _("Only an editor may delete an article."))
    row = _locked(article, version)
    row.version += 1
    revisions.record(row, by=by, at=at, note=pgettext("revision note", "deleted"))
    rendering.forget_article(row)
    row.delete()
