"""The archivists' pages: every dossier, a dossier's timeline, the search across the
archive, their exports, and a dossier's gaps.

Only archivists and editors (the roles holding ``dossiers.change_dossier``) may open them;
an anonymous visitor is sent to the admin login page, anyone else gets a 403.

The archive is what was published: timelines, search, exports and the completeness page
all go through ``Article.objects.public()``, the rule every public surface uses. Drafts,
scheduled, embargoed and withdrawn articles stay in the admin, so an export handed to a
partner or a library can never carry an article that was not published.
"""

import datetime as dt
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

from articles import roles, search
from articles.models import Article
from dossiers import exports, timeline
from dossiers.filters import ArchiveFilters, people_named
from dossiers.models import Dossier
from dossiers.querysets import incomplete

ARCHIVE_PERMISSION = "dossiers.change_dossier"
PAGE_SIZE = 50
# Each search result carries a snippet, which costs a millisecond or two to cut.
SEARCH_PAGE_SIZE = 20
MONTHS_CACHE_SECONDS = 60
SUGGESTED_PEOPLE = 10
INVALID_CURSOR = _("This page link is not valid: start again from the first page.")
NARROW_FIRST = _("Give words, dates or a person before exporting the archive.")


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
    articles = filters.narrow(Article.objects.public(at).in_dossier(dossier))
    page = found(filters, articles, cursor, order=timeline.DOSSIER_ORDER)
    months = months_of(dossier, filters, at)
    first_page = cursor is None and not any(filters.data.get(name) for name in filters.fields)
    context.update(
        results(filters, page, months),
        pinned=list(loaded(dossier.pinned_articles(at))) if first_page else [],
    )
    return render(request, "dossiers/dossier_timeline.html", context)


@archivists_only
def archive_search(request):
    """The same filters over every published article; the form alone until one is given
    (counting the whole archive by month is for the benchmarks, not for a page)."""
    filters = ArchiveFilters(request.GET)
    context = {"filters": filters}
    if not filters.is_valid():
        return render(request, "dossiers/archive_search.html", context, status=400)
    try:
        cursor = cursor_from(request, by_score=filters.by_relevance)
    except timeline.InvalidCursor:
        return HttpResponseBadRequest(str(INVALID_CURSOR))
    if filters.is_narrowed:
        at = timezone.now()
        articles = filters.narrow(Article.objects.public(at))
        key = f"archive-months:{filters.key('q', 'du', 'au', 'personne')}"
        searched = filters.cleaned_data["search"] is not None
        months = counted(key, filters.searched(articles), searched=searched)
        context.update(results(filters, found(filters, articles, cursor), months))
    return render(request, "dossiers/archive_search.html", context)


@archivists_only
def dossier_export(request, slug, fmt):
    dossier = get_object_or_404(Dossier, slug=slug)
    filters = ArchiveFilters(request.GET)
    if not filters.is_valid():
        return HttpResponseBadRequest(filters.errors.as_text())
    articles = filters.apply(dossier.articles.public()).order_by("-published_at", "-id")
    return exports.stream(
        articles, fmt, name=f"dossier-{dossier.slug}", head=exports.dossier_head(dossier)
    )


@archivists_only
def archive_export(request, fmt):
    filters = ArchiveFilters(request.GET)
    if not filters.is_valid():
        return HttpResponseBadRequest(filters.errors.as_text())
    if not filters.is_narrowed:
        return HttpResponseBadRequest(str(NARROW_FIRST))
    articles = filters.apply(Article.objects.public()).order_by("-published_at", "-id")
    given = {name: filters.data[name] for name in filters.fields if filters.data.get(name)}
    return exports.stream(articles, fmt, name="archives", head={"search": given})


@archivists_only
def people_suggestions(request):
    """People quoted whose name holds what was typed, for the person filter's suggestions."""
    text = request.GET.get("q", "").strip()[:200]
    people = people_named(text)[:SUGGESTED_PEOPLE] if len(text) >= 2 and "\x00" not in text else []
    return JsonResponse({"people": [{"name": p.name, "slug": p.slug} for p in people]})


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
    may_fix = roles.can_publish(request.user)
    for article in page.items:
        article.fixes = fixes(article) if may_fix else []
    context = {"dossier": dossier, "page": page, "may_fix": may_fix}
    return render(request, "dossiers/dossier_completeness.html", context)


def fixes(article) -> list[tuple[str, str]]:
    """Where an editor fixes each gap of ``article``: the photo's page for its credit and
    caption, the article's for its signature (its authors are shown only once it is
    published; the signature waits with the other pending changes), the quote's page for
    its speaker's role."""
    links = []
    if article.lacks_credit or article.lacks_caption:
        photo = reverse("admin:media_photo_change", args=[article.lead_photo_id])
        links.append((_("the photo’s caption and credit"), photo))
    if article.lacks_author:
        change = reverse("admin:articles_article_change", args=[article.pk])
        links.append((_("the article’s signature"), f"{change}#id_signature"))
    if article.lacks_attribution:
        quote = reverse("admin:articles_quote_change", args=[article.unattributed_quote])
        links.append((_("the quote’s role"), quote))
    return links


def cursor_from(request, *, by_score=False) -> timeline.Cursor | None:
    text = request.GET.get("apres")
    return timeline.Cursor.decode(text, by_score=by_score) if text else None


def loaded(articles):
    """What a timeline entry shows: section, lead photo, authors; not the body."""
    return articles.for_list().defer("body", "body_text", "search_vector")


def found(filters, articles, cursor, *, order=timeline.NEWEST_FIRST) -> timeline.Page:
    """The page of ``articles`` (narrowed by the filters, the words not yet searched for)
    after ``cursor``: by relevance, or newest first with the matched words in a snippet
    when searching, else in ``order``. One query."""
    prepared = filters.cleaned_data["search"]
    if filters.by_relevance:
        ranked = loaded(search.ranked(articles, prepared))
        return timeline.page(ranked, cursor=cursor, size=SEARCH_PAGE_SIZE, order=timeline.BY_SCORE)
    if prepared is not None:
        matches = prepared.annotate(prepared.filter(articles))
        return timeline.page(loaded(matches), cursor=cursor, size=SEARCH_PAGE_SIZE)
    return timeline.page(loaded(articles), cursor=cursor, size=PAGE_SIZE, order=order)


def results(filters, page, months) -> dict:
    """What a page of results shows: the articles under their month, the months with their
    counts of matches, their total."""
    return {
        "page": page,
        "groups": None if filters.by_relevance else group_by_month(page.items, months),
        "months": months,
        "total": sum(row["count"] for row in months),
        "query_string": filters.query_string(),
    }


def months_of(dossier, filters, at) -> list[dict]:
    """The dossier's month counts under the filters, the search included, kept a minute.

    Without words, one grouped query over the dossier's entries, which carry their
    article's publication time (``DossierEntry.public_from``): an index-only scan, yet on
    a 100,000-article dossier still worth keeping while someone pages through the
    timeline. With words, the matches are counted. Counts only: which articles a page
    shows is always decided at query time.
    """
    key = f"dossier-months:{dossier.pk}:{filters.key('q', 'du', 'au', 'personne')}"
    if filters.cleaned_data["search"] is None:
        entries = filters.narrow(dossier.entries.public(at), article="article_id")
        return counted(key, entries, searched=False)
    return counted(key, filters.apply(dossier.articles.public(at)), searched=True)


def counted(key: str, articles, *, searched: bool) -> list[dict]:
    """``articles``' counts by month, with their links, kept a minute under ``key``;
    ``searched`` when words narrow them (``timeline.month_counts``)."""
    return cache.get_or_set(
        key,
        lambda: month_links(timeline.month_counts(articles, through_index=searched)),
        MONTHS_CACHE_SECONDS,
    )


def month_links(months: list[dict]) -> list[dict]:
    """Each month with its count and the cursor of a page starting at its last article."""
    for row in months:
        row["month"] = timezone.localtime(row["month"]).date()
        row["cursor"] = timeline.Cursor.at_month_end(row["month"]).encode()
    return months


def group_by_month(items, months) -> list[tuple[dt.date, int, list]]:
    """The page's articles under their month (Paris time), with the month's count."""
    totals = {row["month"]: row["count"] for row in months}
    groups = []
    for article in items:
        month = timezone.localtime(article.published_at).date().replace(day=1)
        if not groups or groups[-1][0] != month:
            groups.append((month, totals.get(month, 0), []))
        groups[-1][2].append(article)
    return groups
