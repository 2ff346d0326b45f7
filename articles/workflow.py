"""State changes of an article. Nothing else sets ``Article.status``.

Each verb takes the article, the actor (``by``) and the clock (``at``, read once), locks the
row, checks what must hold, and saves.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article


class WorkflowError(ValidationError):
    """A state change that is not allowed; the message is meant for the editor."""


def _locked(article: Article) -> Article:
    return Article.objects.select_for_update().get(pk=article.pk)


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


@transaction.atomic
def publish(article: Article, *, by=None, at=None, when=None) -> Article:
    """Publish now, or at ``when`` (a scheduled publication becomes public at its second)."""
    at = at or timezone.now()
    row = _locked(article)
    missing = missing_for_publication(row)
    if missing:
        raise WorkflowError(
            _("This article cannot be published yet: it needs %(missing)s.")
            % {"missing": ", ".join(missing)}
        )
    row.status = Article.Status.PUBLISHED
    row.published_at = when or at
    if row.first_published_at is None:
        row.first_published_at = row.published_at
    row.save(update_fields=["status", "published_at", "first_published_at", "modified_at"])
    article.refresh_from_db()
    return article


@transaction.atomic
def withdraw(article: Article, *, by=None, at=None) -> Article:
    """Take a published article off every public surface."""
    row = _locked(article)
    if row.status != Article.Status.PUBLISHED:
        raise WorkflowError(_("Only a published article can be withdrawn."))
    row.status = Article.Status.WITHDRAWN
    row.save(update_fields=["status", "modified_at"])
    article.refresh_from_db()
    return article
