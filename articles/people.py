"""Changing people: their name and description show on every article that quotes, tags or
is signed by them, so a person a published article carries is changed by an editor."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.carriers import Reach, refers_to
from articles.models import Person, Quote
from newsroom import surrogate_keys
from newsroom.errors import InUse, require

REFUSED = gettext_lazy("Your role may not change people.")


def reach_of(person: Person) -> Reach:
    """The articles signed by, tagged with or quoting ``person``, in a quote block or not."""
    if person.pk is None:
        return Reach([])
    quotes = list(Quote.objects.filter(person=person.pk).values_list("pk", flat=True))
    found = Q(bylines__person=person.pk) | Q(quotes__person=person.pk) | Q(tags__person=person.pk)
    return Reach.of(found | refers_to("quote", quotes) if quotes else found)


def check_change(person: Person, *, by) -> Reach:
    reach = reach_of(person)
    reach.check(by)
    return reach


def _keys(*slugs) -> list[str]:
    return [surrogate_keys.PEOPLE, *(surrogate_keys.person(slug) for slug in slugs if slug)]


@transaction.atomic
def save_person(person: Person, *, by, at=None) -> Person:
    """Create or change a person."""
    at = at or timezone.now()
    creating = person.pk is None
    require(by, "articles.add_person" if creating else "articles.change_person", REFUSED)
    before = Person.objects.filter(pk=person.pk).values_list("slug", flat=True).first()
    reach = check_change(person, by=by)
    person.full_clean()
    person.save()
    note = _("%(name)s changed") % {"name": person.name}
    reach.done(by=by, at=at, note=note, keys=_keys(before, person.slug))
    return person


@transaction.atomic
def delete_person(person: Person, *, by, at=None) -> None:
    """Delete a person nobody quotes and who signs nothing; their person tags go too."""
    require(by, "articles.delete_person", REFUSED)
    if Quote.objects.filter(person=person.pk).exists() or person.bylines.exists():
        raise InUse(
            _("%(name)s is quoted or signs articles: change those first.") % {"name": person.name},
            code="in_use",
        )
    reach = check_change(person, by=by)
    note = _("%(name)s deleted") % {"name": person.name}
    keys = [*_keys(person.slug), surrogate_keys.TAGS]
    person.delete()
    reach.done(by=by, at=at, note=note, keys=keys)
