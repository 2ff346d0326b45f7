"""Changing attributed quotes: the words, the speaker, the articles that carry them.

A quote carried by a published article is changed under the article's rules: by an editor,
with a revision on each article it reaches, and their public copies forgotten.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.carriers import Reach, refers_to
from articles.models import Person, Quote
from newsroom import surrogate_keys
from newsroom.errors import require

REFUSED = gettext_lazy("Your role may not change quotes.")


def _reach(quote: Quote) -> Reach:
    if quote.pk is None:
        return Reach([])
    return Reach.of(Q(quotes=quote.pk) | refers_to("quote", [quote.pk]))


def _keys(*speakers) -> list[str]:
    slugs = Person.objects.filter(pk__in=[pk for pk in speakers if pk]).values_list(
        "slug", flat=True
    )
    return [surrogate_keys.QUOTES, surrogate_keys.PEOPLE, *map(surrogate_keys.person, slugs)]


def check_change(quote: Quote, *, by, articles=()) -> Reach:
    """The articles carrying the quote, and those it is about to be put in; refused if one
    is published and ``by`` is no editor."""
    reach = _reach(quote) | Reach([article.pk for article in articles])
    reach.check(by)
    return reach


@transaction.atomic
def save_quote(quote: Quote, *, by, at=None, articles=None) -> Quote:
    """Create or change a quote and, when ``articles`` is given, the articles carrying it."""
    at = at or timezone.now()
    creating = quote.pk is None
    require(by, "articles.add_quote" if creating else "articles.change_quote", REFUSED)
    before = Quote.objects.filter(pk=quote.pk).values_list("person_id", flat=True).first()
    reach = check_change(quote, by=by, articles=articles or ())
    quote.full_clean(exclude=["articles"])
    quote.save()
    if articles is not None:
        quote.articles.set(articles)
    note = _("quote %(id)d added") if creating else _("quote %(id)d changed")
    reach.done(by=by, at=at, note=note % {"id": quote.pk}, keys=_keys(before, quote.person_id))
    return quote


@transaction.atomic
def delete_quote(quote: Quote, *, by, at=None) -> None:
    """Delete a quote; the articles that carried it no longer show it."""
    require(by, "articles.delete_quote", REFUSED)
    reach = check_change(quote, by=by)
    keys = _keys(quote.person_id)
    note = _("quote %(id)d deleted") % {"id": quote.pk}
    quote.delete()
    reach.done(by=by, at=at, note=note, keys=keys)
