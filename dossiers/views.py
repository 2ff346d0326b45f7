"""The archivists' pages: every dossier, a dossier's timeline, its exports and its gaps.

Only archivists and editors (the roles holding ``dossiers.change_dossier``) may open them;
an anonymous visitor is sent to the admin login page, anyone else gets a 403.

The archive is what was published: timelines, search, exports and the completeness page
all go through ``Article.objects.public()``, the rule every public surface uses. Drafts,
scheduled, embargoed and withdrawn articles stay in the admin, so an export handed to a
partner or a library can never carry an article that was not published.
"""

import datetime as dt
from functools import wraps

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from articles import search
from articles.models import Article, Person, Quote
from dossiers import exports, timeline
from dossiers.models import Dossier
from dossiers.querysets import incomplete

ARCHIVE_PERMISSION = "dossiers.change_dossier"
PAGE_SIZE = 50
# Each search result carries a snippet, which costs a millisecond or two to cut.
SEARCH_PAGE_SIZE = 20
MONTHS_CACHE_SECONDS = 60
BY_DATE, BY_RELEVANCE = "date", "pertinence"
INVALID_CURSOR = _("This page link is not valid: start again from the first page.")


def archivists_only(view):
    """Login (else the admin login page), the archive permission (else 403), never cached."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        if not request.user.has_perm(ARCHIVE_PERMISSION):
            raise PermissionDenied(_("The archives are for archivists and editors."))
        response = view(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        return response

    return checked


class ArchiveFilters(forms.Form):
    """What an archivist narrows a dossier to; shared by the timeline and the exports."""

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
        if name := data.get("personne", "").strip():
            data["people"] = people_named(name)
            if not data["people"]:
                self.add_error("personne", _("Nobody of this name is quoted in the articles."))
        data["search"] = search.Search.prepare(data["q"]) if data.get("q", "").strip() else None
        return data

    @property
    def by_relevance(self) -> bool:
        return (
            self.cleaned_data.get("search") is not None and self.cleaned_data["tri"] == BY_RELEVANCE
        )

    def narrow(self, articles, *, article="pk"):
        """Dates and person quoted, not the search: what the month counts are made of.
        ``articles`` may be dossier entries (``article="article_id"``), which carry their
        article's publication time."""
        data = self.cleaned_data
        if data.get("du"):
            articles = articles.filter(published_at__gte=start_of(data["du"]))
        if data.get("au"):
            articles = articles.filter(published_at__lt=start_of(data["au"] + dt.timedelta(1)))
        if data.get("people"):
            quoted = Quote.objects.filter(articles=OuterRef(article), person__in=data["people"])
            articles = articles.filter(Exists(quoted))
        return articles

    def apply(self, articles):
        articles = self.narrow(articles)
        if (prepared := self.cleaned_data.get("search")) is not None:
            articles = prepared.filter(articles)
        return articles

    def query_string(self) -> str:
        """The filters as given, for export links and the next page."""
        return urlencode({name: self.data[name] for name in self.fields if self.data.get(name)})


def start_of(day: dt.date) -> dt.datetime:
    """Midnight at the start of ``day``, Paris time."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def people_named(name: str) -> list[Person]:
    """The person with this exact name or slug, else the closest name (typos allowed)."""
    exact = list(Person.objects.filter(Q(slug=name) | Q(name__unaccent__iexact=name))[:5])
    return exact or list(search.matching_people(name)[:1])


@archivists_only
def dossier_list(request):
    # One grouped query over every entry of every dossier: kept a minute, like the months.
    dossiers = cache.get_or_set(
        "dossier-coverage",
        lambda: list(Dossier.objects.with_coverage().order_by("title")),
        MONTHS_CACHE_SECONDS,
    )
    return render(request, "dossiers/dossier_list.html", {"dossiers": dossiers})


@archivists_only
def dossier_timeline(request, slug):
    dossier = get_object_or_404(Dossier.objects.select_related("cover_photo"), slug=slug)
    filters = ArchiveFilters(request.GET)
    context = {"dossier": dossier, "filters": filters}
    if not filters.is_valid():
        return render(request, "dossiers/dossier_timeline.html", context, status=400)
    try:
        cursor = cursor_from(request, by_score=filters.by_relevance)
    except timeline.InvalidCursor:
        return HttpResponseBadRequest(str(INVALID_CURSOR))
    at = timezone.now()
    articles = filters.apply(Article.objects.public(at).in_dossier(dossier))
    prepared = filters.cleaned_data["search"]
    months = []
    if filters.by_relevance:
        ranked = loaded(search.ranked(articles, prepared))
        page = timeline.page(ranked, cursor=cursor, size=SEARCH_PAGE_SIZE, order=timeline.BY_SCORE)
    else:
        if prepared is not None:
            page = timeline.page(
                loaded(prepared.annotate(articles)), cursor=cursor, size=SEARCH_PAGE_SIZE
            )
        else:
            page = timeline.page(
                loaded(articles), cursor=cursor, size=PAGE_SIZE, order=timeline.DOSSIER_ORDER
            )
        months = months_of(dossier, filters, at)
    first_page = cursor is None and not any(filters.data.get(name) for name in filters.fields)
    context.update(
        page=page,
        groups=None if filters.by_relevance else group_by_month(page.items, months),
        months=months,
        pinned=list(loaded(dossier.pinned_articles(at))) if first_page else [],
        query_string=filters.query_string(),
    )
    return render(request, "dossiers/dossier_timeline.html", context)


@archivists_only
def dossier_export(request, slug, fmt):
    dossier = get_object_or_404(Dossier, slug=slug)
    filters = ArchiveFilters(request.GET)
    if not filters.is_valid():
        return HttpResponseBadRequest(filters.errors.as_text())
    articles = filters.apply(dossier.articles.public()).order_by("-published_at", "-id")
    return exports.stream(dossier, articles, fmt)


@archivists_only
def dossier_completeness(request, slug):
    dossier = get_object_or_404(Dossier, slug=slug)
    try:
        cursor = cursor_from(request)
    except timeline.InvalidCursor:
        return HttpResponseBadRequest(str(INVALID_CURSOR))
    gaps = incomplete(dossier.articles.public()).select_related("lead_photo")
    page = timeline.page(
        gaps.defer("body", "body_text", "search_vector"), cursor=cursor, size=PAGE_SIZE
    )
    return render(request, "dossiers/dossier_completeness.html", {"dossier": dossier, "page": page})


def cursor_from(request, *, by_score=False) -> timeline.Cursor | None:
    text = request.GET.get("apres")
    return timeline.Cursor.decode(text, by_score=by_score) if text else None


def loaded(articles):
    """What a timeline entry shows: section, lead photo, authors; not the body."""
    return articles.for_list().defer("body", "body_text", "search_vector")


def months_of(dossier, filters, at) -> list[dict]:
    """The dossier's month counts under the filters (not the search), kept a minute.

    One grouped query over the dossier's entries, which carry their article's publication
    time (``DossierEntry.public_from``): an index-only scan, yet on a 100,000-article
    dossier still worth keeping while someone pages through the timeline. Counts only:
    which articles a page shows is always decided at query time.
    """
    narrowing = urlencode({name: filters.data.get(name, "") for name in ("du", "au", "personne")})
    key = f"dossier-months:{dossier.pk}:{narrowing}"
    return cache.get_or_set(
        key,
        lambda: month_links(
            timeline.month_counts(filters.narrow(dossier.entries.public(at), article="article_id"))
        ),
        MONTHS_CACHE_SECONDS,
    )


def month_links(months: list[dict]) -> list[dict]:
    """Each month with its count and the cursor of a page starting at its last article."""
    for row in months:
        row["month"] = timezone.localtime(row["month"]).date()
        row["cursor"] = timeline.Cursor.at_month_end(row["month"]).encode()
    return months


def group_by_month(items, months) -> list[tuple[dt.date, int, list]]:
    """The page's articles under their month (Paris time), with the month's full count."""
    totals = {row["month"]: row["count"] for row in months}
    groups = []
    for article in items:
        month = timezone.localtime(article.published_at).date().replace(day=1)
        if not groups or groups[-1][0] != month:
            groups.append((month, totals.get(month, 0), []))
        groups[-1][2].append(article)
    return groups
