"""What an archivist narrows the archive to: words, dates and people quoted.

One form for a dossier's timeline, the search across the archive and their exports, so the
three read the same filters the same way.
"""

import datetime as dt
import hashlib

from django import forms
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from articles import search
from articles.models import Person, Quote

BY_DATE, BY_RELEVANCE = "date", "pertinence"
# The people a partial name finds, at most: «Mar» would find hundreds.
MAX_PEOPLE = 20
NARROWING = ("q", "du", "au", "personne")


class ArchiveFilters(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    du = forms.DateField(label=pgettext_lazy("date range", "From"), required=False)
    au = forms.DateField(label=pgettext_lazy("date range", "To"), required=False)
    personne = forms.CharField(label=_("Person quoted"), required=False, max_length=200)
    tri = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[(BY_DATE, _("chronological")), (BY_RELEVANCE, _("relevance"))],
    )

    def clean(self):
        data = super().clean()
        if data.get("du") and data.get("au") and data["du"] > data["au"]:
            raise forms.ValidationError(_("The start date is after the end date."))
        data["people"] = None  # no person asked for
        if name := data.get("personne", "").strip():
            people = people_named(name)
            data["people"] = people[:MAX_PEOPLE]
            data["more_people"] = len(people) > MAX_PEOPLE
        wanted = search.CANDIDATES if data.get("tri") == BY_RELEVANCE else search.PAGE_ROWS
        text = data.get("q", "").strip()
        data["search"] = search.Search.prepare(text, wanted=wanted) if text else None
        return data

    @property
    def is_narrowed(self) -> bool:
        """Whether words, dates or a person were given (the order alone narrows nothing)."""
        return any(self.data.get(name) for name in NARROWING)

    @property
    def nobody(self) -> bool:
        """A person was asked for and no one quoted has that name: no article matches."""
        return self.cleaned_data.get("people") == []

    @property
    def by_relevance(self) -> bool:
        return (
            self.cleaned_data.get("search") is not None and self.cleaned_data["tri"] == BY_RELEVANCE
        )

    def narrow(self, articles, *, article="pk"):
        """Dates and people quoted, not the search. ``articles`` may be dossier entries
        (``article="article_id"``), which carry their article's publication time."""
        data = self.cleaned_data
        if self.nobody:
            return articles.none()
        if data.get("du"):
            articles = articles.filter(published_at__gte=start_of(data["du"]))
        if data.get("au"):
            articles = articles.filter(published_at__lt=start_of(data["au"] + dt.timedelta(1)))
        if data.get("people"):
            quoted = Quote.objects.filter(articles=OuterRef(article), person__in=data["people"])
            articles = articles.filter(Exists(quoted))
        return articles

    def apply(self, articles):
        return self.searched(self.narrow(articles))

    def searched(self, articles):
        """The articles that match the words, if any were given."""
        if (prepared := self.cleaned_data.get("search")) is not None:
            articles = prepared.filter(articles)
        return articles

    def query_string(self) -> str:
        """The filters as given, for export links and the next page."""
        return urlencode({name: self.data[name] for name in self.fields if self.data.get(name)})

    def key(self, *names) -> str:
        """A short cache key part for the filters ``names`` as given."""
        given = urlencode({name: self.data.get(name, "") for name in names})
        return hashlib.blake2b(given.encode(), digest_size=16).hexdigest()


def start_of(day: dt.date) -> dt.datetime:
    """Midnight at the start of ``day``, Paris time."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def people_named(name: str) -> list[Person]:
    """People quoted in the articles who bear this name (or slug), else those whose name
    holds it («Patel», «vedant»; case and accents ignored), or one of whose aliases is it
    («Poutine», as ``Person.objects.named`` reads them), or whose name is close to it (a
    typo, as ``articles.search.matching_people`` finds), by name; at most ``MAX_PEOPLE`` +
    1, so the caller knows there are more. One query."""
    quoted = Person.objects.filter(Exists(Quote.objects.filter(person=OuterRef("pk"))))
    exact = Q(slug=name) | Q(name__unaccent__iexact=name)
    close = (
        Q(name__unaccent__icontains=name)
        | Q(pk__in=Person.objects.named([name]).values("pk"))
        | Q(pk__in=search.matching_people(name).values("pk"))
    )
    rows = list(
        quoted.filter(exact | close)
        .annotate(is_exact=ExpressionWrapper(exact, output_field=BooleanField()))
        .order_by("-is_exact", "name")[: MAX_PEOPLE + 1]
    )
    return [person for person in rows if person.is_exact] or rows
