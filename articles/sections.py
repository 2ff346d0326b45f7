"""Changing sections (rubriques): their name and place show on every article filed under
them, in page addresses, feeds and sitemaps."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.carriers import Reach
from articles.models import Section
from newsroom import purge, surrogate_keys
from newsroom.errors import InUse, require

REFUSED = gettext_lazy("Only an editor may change sections.")


def _reach(section: Section) -> Reach:
    if section.pk is None:
        return Reach([])
    return Reach.of(Q(section=section.pk) | Q(section__parent=section.pk))


def check_change(section: Section, *, by) -> Reach:
    reach = _reach(section)
    reach.check(by)
    return reach


def _keys(*slugs) -> list[str]:
    keys = [surrogate_keys.SECTIONS, surrogate_keys.ARTICLES, surrogate_keys.SITEMAPS]
    for slug in filter(None, slugs):
        keys += [surrogate_keys.section(slug), surrogate_keys.section_list(slug)]
    return keys


@transaction.atomic
def save_section(section: Section, *, by, at=None) -> Section:
    at = at or timezone.now()
    creating = section.pk is None
    require(by, "articles.add_section" if creating else "articles.change_section", REFUSED)
    before = Section.objects.filter(pk=section.pk).values_list("slug", flat=True).first()
    reach = check_change(section, by=by)
    section.full_clean()
    section.save()
    note = _("section %(name)s changed") % {"name": section.name}
    reach.done(by=by, at=at, note=note, keys=_keys(before, section.slug))
    return section


@transaction.atomic
def delete_section(section: Section, *, by, at=None) -> None:
    """Delete a section that holds no article and no subsection."""
    require(by, "articles.delete_section", REFUSED)
    if section.articles.exists() or section.children.exists():
        raise InUse(
            _("The section %(name)s still holds articles or subsections: move them first.")
            % {"name": section.name},
            code="in_use",
        )
    keys = _keys(section.slug)
    section.delete()
    purge.after_commit(keys)
