"""Changing tags (topics, people, places, organisations). Tags classify: an archivist may
change those of published articles, as an editor may."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.carriers import Reach
from articles.models import Tag
from newsroom import surrogate_keys
from newsroom.errors import require

REFUSED = gettext_lazy("Your role may not change tags.")


def _reach(tag: Tag) -> Reach:
    return Reach.of(Q(tags=tag.pk)) if tag.pk else Reach([])


def check_change(tag: Tag, *, by) -> Reach:
    reach = _reach(tag)
    reach.check(by, classification=True)
    return reach


def _keys(tag: Tag) -> list[str]:
    return [surrogate_keys.TAGS, surrogate_keys.tag(tag.pk)]


@transaction.atomic
def save_tag(tag: Tag, *, by, at=None) -> Tag:
    at = at or timezone.now()
    creating = tag.pk is None
    require(by, "articles.add_tag" if creating else "articles.change_tag", REFUSED)
    reach = check_change(tag, by=by)
    tag.full_clean()
    tag.save()
    reach.done(by=by, at=at, note=_("tag %(name)s changed") % {"name": tag.name}, keys=_keys(tag))
    return tag


@transaction.atomic
def delete_tag(tag: Tag, *, by, at=None) -> None:
    require(by, "articles.delete_tag", REFUSED)
    reach = check_change(tag, by=by)
    keys, note = _keys(tag), _("tag %(name)s deleted") % {"name": tag.name}
    tag.delete()
    reach.done(by=by, at=at, note=note, keys=keys)
