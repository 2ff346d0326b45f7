"""Changing dossiers and filing articles in them.

Dossiers are classification: archivists and editors change them, published articles
included. Filing an article in a dossier, or taking it out, records a revision on the
article; renaming a dossier records one on each article it holds, whose public copy shows
the title. Every verb forgets what showed the change and names the keys to purge.
"""

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.carriers import Reach
from dossiers.models import Dossier, DossierEntry
from newsroom import purge, surrogate_keys
from newsroom.errors import require

SHOWN_ON_ARTICLES = ("title", "slug")

REFUSED = gettext_lazy("Your role may not change dossiers.")


def keys_of(*slugs) -> list[str]:
    keys = [surrogate_keys.DOSSIERS]
    for slug in filter(None, slugs):
        keys += [surrogate_keys.dossier(slug), surrogate_keys.dossier_list(slug)]
    return keys


def _articles_of(dossier: Dossier) -> Reach:
    return Reach.of(Q(dossier_entries__dossier=dossier.pk)) if dossier.pk else Reach([])


def check_change(dossier: Dossier, *, by) -> Reach:
    reach = _articles_of(dossier)
    reach.check(by, classification=True)
    return reach


@transaction.atomic
def save_dossier(dossier: Dossier, *, by, at=None) -> Dossier:
    at = at or timezone.now()
    creating = dossier.pk is None
    require(by, "dossiers.add_dossier" if creating else "dossiers.change_dossier", REFUSED)
    before = Dossier.objects.filter(pk=dossier.pk).values(*SHOWN_ON_ARTICLES).first()
    # The articles' public copies show the dossier's title and address: a rename reaches them.
    renamed = before not in (None, {name: getattr(dossier, name) for name in SHOWN_ON_ARTICLES})
    reach = check_change(dossier, by=by) if renamed else None
    dossier.full_clean()
    dossier.save()
    keys = keys_of(before and before["slug"], dossier.slug)
    if reach is None:
        purge.after_commit(keys)
    else:
        reach.done(
            by=by, at=at, note=_("dossier «%(title)s» renamed") % {"title": dossier}, keys=keys
        )
    return dossier


@transaction.atomic
def delete_dossier(dossier: Dossier, *, by, at=None) -> None:
    """Delete a dossier; its articles stay, filed nowhere else because of it."""
    require(by, "dossiers.delete_dossier", REFUSED)
    reach = _articles_of(dossier)
    reach.check(by, classification=True)
    keys = keys_of(dossier.slug)
    note = _("taken out of the dossier «%(title)s», deleted") % {"title": dossier}
    dossier.delete()
    reach.done(by=by, at=at, note=note, keys=keys)


@transaction.atomic
def file_in(dossier: Dossier, article_ids, *, by, at=None, pin_position=None) -> int:
    """File these articles in the dossier (those already in stay as they are); returns how
    many were added."""
    require(by, "dossiers.add_dossierentry", REFUSED)
    ids = set(article_ids) - set(
        DossierEntry.objects.filter(dossier=dossier, article__in=article_ids).values_list(
            "article", flat=True
        )
    )
    reach = Reach(ids)
    reach.check(by, classification=True)
    DossierEntry.objects.bulk_create(
        [DossierEntry(dossier=dossier, article_id=pk, pin_position=pin_position) for pk in ids],
        ignore_conflicts=True,
    )
    note = _("filed in the dossier «%(title)s»") % {"title": dossier}
    reach.done(by=by, at=at, note=note, keys=keys_of(dossier.slug))
    return len(ids)


@transaction.atomic
def take_out(dossier: Dossier, article_ids, *, by, at=None) -> int:
    """Take these articles out of the dossier; returns how many were in it."""
    require(by, "dossiers.delete_dossierentry", REFUSED)
    entries = DossierEntry.objects.filter(dossier=dossier, article__in=list(article_ids))
    reach = Reach(entries.values_list("article", flat=True))
    reach.check(by, classification=True)
    removed, _counts = entries.delete()
    note = _("taken out of the dossier «%(title)s»") % {"title": dossier}
    reach.done(by=by, at=at, note=note, keys=keys_of(dossier.slug))
    return removed


@transaction.atomic
def pin(entry: DossierEntry, position, *, by, at=None) -> DossierEntry:
    """Pin an entry at ``position`` (None unpins); only the dossier's pinned list changes."""
    require(by, "dossiers.change_dossierentry", REFUSED)
    Reach([entry.article_id]).check(by, classification=True)
    entry.pin_position = position
    entry.save(update_fields=["pin_position"])
    purge.after_commit(keys_of(entry.dossier.slug))
    return entry


def covers_shown(at=None) -> Q:
    """Photos that are the cover of a public dossier (``media.carriers.register_public_use``)."""
    return Q(Exists(Dossier.objects.public(at).filter(cover_photo=OuterRef("pk"))))


class CoverReach:
    """The dossiers whose cover is one of some photos: purged when a photo changes;
    nothing to check or record on them (``media.carriers``)."""

    def __init__(self, photo_ids):
        self.slugs = list(
            Dossier.objects.filter(cover_photo__in=photo_ids).values_list("slug", flat=True)
        )

    def check(self, by) -> None:
        pass

    def record(self, *, by, at, note) -> None:
        pass

    def forget(self, *, keys=()) -> None:
        if self.slugs:
            purge.after_commit([key for slug in self.slugs for key in keys_of(slug)])
