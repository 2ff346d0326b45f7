"""Public filters: an allow-list. A value that cannot be understood is a 400 naming it."""

import datetime as dt

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from articles import search
from articles.models import Article, Person, Quote, Section, Tag


class DateOrDateTimeField(forms.Field):
    """Accept «2024-11-13» (midnight, Paris time) or a full ISO 8601 datetime."""

    default_error_messages = {
        "invalid": _(
            "Give a date (2024-11-13) or an ISO 8601 datetime (2024-11-13T09:07:00+01:00)."
        ),
        "offset": _("Give a UTC offset between -15:59 and +15:59."),
    }
    # What PostgreSQL takes; Python takes up to ±23:59.
    MAX_OFFSET = dt.timedelta(hours=15, minutes=59)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = value.strip()
        try:
            parsed = parse_datetime(value)
            if parsed is None and (day := parse_date(value)) is not None:
                parsed = dt.datetime.combine(day, dt.time.min)
        except ValueError:
            parsed = None
        if parsed is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if timezone.is_naive(parsed):
            parsed = timezone.make_aware(parsed)
        elif abs(parsed.utcoffset()) > self.MAX_OFFSET:
            raise forms.ValidationError(self.error_messages["offset"], code="offset")
        return parsed


@extend_schema_field(
    {
        "type": "string",
        "anyOf": [{"format": "date"}, {"format": "date-time"}],
        "example": "2024-11-13",
    }
)
class DateOrDateTimeFilter(django_filters.Filter):
    field_class = DateOrDateTimeField


@extend_schema_field(OpenApiTypes.BOOL)
class StrictBooleanFilter(django_filters.TypedChoiceFilter):
    """``true`` or ``false``; anything else is an error, not silently ignored."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", [("true", "true"), ("false", "false")])
        kwargs.setdefault("coerce", lambda value: value == "true")
        super().__init__(*args, **kwargs)


@extend_schema_field(OpenApiTypes.STR)
class SlugFilter(django_filters.ModelChoiceFilter):
    """One object by its slug, among those its queryset (a callable: the public rule, per
    request) allows; another slug is a 400."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)


class SearchFilter(django_filters.CharFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("method", "filter_search")
        super().__init__(*args, **kwargs)


class GivenFiltersOnly(django_filters.FilterSet):
    """Builds only the filters a request gives a value for: the form of every filter, with
    the querysets of its choices (the public rule, nested ``Exists``), costs more to build
    than the page query itself."""

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        if data is not None:
            self.filters = {name: f for name, f in self.filters.items() if name in data}


def public_dossiers(request):
    """Dossiers sit above articles: their model is reached through the relation it puts on
    Article, and which dossiers are public is their rule."""
    return Article._meta.get_field("dossiers").related_model.objects.public()


class ArticleFilter(GivenFiltersOnly):
    """Querysets of choices are callables: the public rule is evaluated per request."""

    section = SlugFilter(
        queryset=Section.objects.with_subsections(),
        method="filter_section",
        help_text=_("Section slug; a parent section includes its subsections."),
    )
    dossier = SlugFilter(
        queryset=public_dossiers,
        field_name="dossier_entries__dossier",
        help_text=_("Dossier slug."),
    )
    tag = SlugFilter(
        queryset=lambda request: Tag.objects.public(),
        field_name="tags",
        help_text=_("Tag slug."),
    )
    author = SlugFilter(
        queryset=lambda request: Person.objects.public(),
        method="filter_author",
        help_text=_("Slug of a person who signs the article."),
    )
    person = SlugFilter(
        queryset=lambda request: Person.objects.public(),
        method="filter_person_quoted",
        help_text=_("Slug of a person quoted in the article."),
    )
    published_from = DateOrDateTimeFilter(
        field_name="published_at",
        lookup_expr="gte",
        help_text=_("Published at or after: a date (midnight, Paris time) or a datetime."),
    )
    published_to = DateOrDateTimeFilter(
        field_name="published_at",
        lookup_expr="lte",
        help_text=_("Published at or before: a date (midnight, Paris time) or a datetime."),
    )
    premium = StrictBooleanFilter(
        field_name="is_premium", help_text=_("Subscribers' articles only (true) or free ones.")
    )
    q = SearchFilter(
        method="applied_by_the_view",
        help_text=_('French full-text search: words, "a phrase", -exclusion.'),
    )
    ordering = django_filters.ChoiceFilter(
        choices=[("relevance", _("relevance")), ("newest", _("newest first"))],
        method="applied_by_the_view",
        help_text=_(
            "With q: relevance (the default; the 200 most recent matches, ranked by "
            "relevance halved with each year of age; each result's rank is its relevance) "
            "or newest (every match, newest first). Without q: newest only."
        ),
    )

    def filter_section(self, queryset, name, section):
        return queryset.in_section(section)

    def filter_author(self, queryset, name, person):
        return queryset.by_author(person)

    def filter_person_quoted(self, queryset, name, person):
        return queryset.quoting(person)

    def applied_by_the_view(self, queryset, name, value):
        """``q`` and ``ordering`` are validated here and run by the views
        (``articles.responses.public_list``), which order, rank and cut snippets from the
        same prepared query."""
        return queryset


class QuoteFilter(GivenFiltersOnly):
    person = SlugFilter(
        queryset=lambda request: Person.objects.public(),
        field_name="person",
        help_text=_("Slug of the person who said it."),
    )
    article = SlugFilter(
        queryset=lambda request: Article.objects.public(),
        field_name="articles",
        help_text=_("Slug of a published article that carries the quote."),
    )
    dossier = SlugFilter(
        queryset=public_dossiers,
        method="filter_dossier",
        help_text=_("Slug of a dossier: quotes carried by its published articles."),
    )
    kind = django_filters.ChoiceFilter(choices=Quote.Kind.choices)
    said_from = django_filters.DateFilter(
        field_name="said_on", lookup_expr="gte", help_text=_("Said on or after (2024-11-01).")
    )
    said_to = django_filters.DateFilter(
        field_name="said_on", lookup_expr="lte", help_text=_("Said on or before (2024-11-30).")
    )
    q = SearchFilter(help_text=_("French full-text search in the words, accents ignored."))

    def filter_dossier(self, queryset, name, dossier):
        carriers = Article.objects.public().filter(dossier_entries__dossier=dossier)
        return queryset.filter(Exists(carriers.filter(quotes=OuterRef("pk"))))

    def filter_search(self, queryset, name, value):
        return search.search_quotes(queryset, value) if value.strip() else queryset


class TagFilter(GivenFiltersOnly):
    kind = django_filters.ChoiceFilter(choices=Tag.Kind.choices)
