"""Public responses made of articles' stored copies (``articles.rendering``).

A list, a timeline or a feed is assembled from stored entries read by one query, tagged
with the lists' keys and each article's, and kept until it goes stale by itself: the next
article going live, or a shown photo's rights expiring.
"""

import datetime as dt
from typing import NamedTuple

import orjson
from django.db.models import F
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import exceptions

from articles import rendering, search
from articles.models import Article
from newsroom import surrogate_keys
from newsroom.api import RelevanceCursorPagination
from newsroom.caching import content_etag, last_modified, mark_public
from newsroom.sqljson import as_text

NEWEST, RELEVANCE = "newest", "relevance"


class PublicArticlesExpiry:
    """For a cached view whose responses change when an article becomes public or stops
    being so (people, quotes, tags, dossiers): kept no longer than the next such moment,
    which a view may have read with its page (``next_visibility_change``)."""

    def expires_at(self):
        if hasattr(self, "next_visibility_change"):
            return self.next_visibility_change
        return Article.objects.next_visibility_change()


COPY_FIELDS = (
    "id",
    "public_id",
    "published_at",
    "public_copy__detail",
    "public_copy__summary",
    "public_copy__etag",
    "public_copy__surrogate_keys",
    "public_copy__rendered_at",
    "public_copy__valid_until",
)


def stored(articles):
    """Only what serving stored entries needs."""
    return articles.select_related("public_copy").only(*COPY_FIELDS)


def with_copies(articles):
    """Stored entries and the next visibility change, in one query."""
    return stored(articles).with_next_visibility_change()


class Entry(NamedTuple):
    """An article's stored list entry and how long it holds (as in its ``PublicCopy``)."""

    summary: str
    valid_until: dt.datetime | None


def entry_rows(articles, ordering, at=None, *, also=()):
    """Per article, as plain rows (no model instances): what cursor pagination orders by,
    the public id (its surrogate key), the stored entry and its freshness, and the next
    visibility change after ``at``; ``also`` the annotations named (a search's rank and
    snippet)."""
    names = dict.fromkeys(["id", *(name.lstrip("-") for name in ordering), "public_id", *also])
    return articles.with_next_visibility_change(at).values(
        *names,
        "next_visibility_change",
        summary=F("public_copy__summary"),
        entry_valid_until=F("public_copy__valid_until"),
    )


def stored_entries(rows) -> list[Entry]:
    """The stored entries of ``rows`` (``entry_rows``), in order; any missing or stale is
    rendered now, as ``rendering.copies_for`` does for articles."""
    at = timezone.now()
    entries = {row["id"]: Entry(row["summary"], row["entry_valid_until"]) for row in rows}
    stale = [
        pk
        for pk, entry in entries.items()
        if entry.summary is None or rendering.outlived(entry.valid_until, at)
    ]
    for pk, copy in (rendering.render(stale) if stale else {}).items():
        entries[pk] = Entry(copy.summary, copy.valid_until)
    return [entries[row["id"]] for row in rows]


def public_list(view, articles, *, keys, search_text="") -> HttpResponse:
    """A page of public articles as stored list entries, read by one query however rich
    they are (a search: see ``found_page`` and ``ranked_page``)."""
    articles = view.filter_queryset(articles)
    paginator, request = view.paginator, view.request
    if ordering(request, search_text) == RELEVANCE:
        paginator = RelevanceCursorPagination()
        page, entries, copies = ranked_page(paginator, request, articles, search_text)
    elif search_text:
        page, entries, copies = found_page(paginator, request, articles, search_text)
    else:
        page = paginator.paginate_queryset(entry_rows(articles, paginator.ordering), request)
        copies = stored_entries(page)
        entries = [copy.summary for copy in copies]
    content = list_content(paginator.get_next_link(), paginator.get_previous_link(), entries)
    return stored_entries_response(content, page, copies, keys)


def list_content(next_link, previous_link, entries: list[str] | list[bytes]) -> bytes:
    """A page of a list: its links and its stored entries (JSON objects), as one object."""
    return b"".join(
        [
            b'{"next":',
            orjson.dumps(next_link),
            b',"previous":',
            orjson.dumps(previous_link),
            b',"results":',
            json_array(entries),
            b"}",
        ]
    )


def entries_page(paginator, request, items, *, view=None):
    """A page of ``items`` (quotes, people, tags), each as its queryset's ``list_entry``
    writes it in JSON, and the next visibility change: one query, no model instance, no
    serializer per item."""
    rows = written_rows(items, paginator.ordering, items.list_entry())
    page = paginator.paginate_queryset(rows, request, view=view)
    if not page:
        return [], Article.objects.next_visibility_change()
    return [row["entry"] for row in page], page[0]["next_visibility_change"]


def written_rows(items, ordering, entry, at=None):
    """Per item, as plain rows: what cursor pagination orders by, the ``entry`` PostgreSQL
    writes in JSON, and the next visibility change after ``at``."""
    names = dict.fromkeys(["id", *(name.lstrip("-") for name in ordering)])
    return items.values(
        *names,
        entry=as_text(entry),
        next_visibility_change=Article.objects.next_visibility_change_sql(at),
    )


def entries_list(view, items) -> HttpResponse:
    """The list ``view`` answers: a page of ``items`` as ``entries_page`` writes them, kept
    until the next visibility change (``PublicArticlesExpiry``)."""
    paginator = view.paginator
    entries, view.next_visibility_change = entries_page(
        paginator, view.request, view.filter_queryset(items), view=view
    )
    content = list_content(paginator.get_next_link(), paginator.get_previous_link(), entries)
    response = HttpResponse(content, content_type="application/json")
    response["ETag"] = content_etag(content)
    return response


def article_list_keys(params) -> list[str]:
    """What a page of the article list shows, by its query ``params``: the articles, and
    the lists of the section, dossier and people it is filtered on."""
    keys = [surrogate_keys.ARTICLES]
    if section := params.get("section"):
        keys.append(surrogate_keys.section_list(section))
    if dossier := params.get("dossier"):
        keys.append(surrogate_keys.dossier_list(dossier))
    keys.extend(
        surrogate_keys.person(params[name]) for name in ("author", "person") if name in params
    )
    return keys


def ordering(request, search_text: str) -> str:
    """``ordering``: by relevance (what a search box expects: the default with ``q``) or
    newest first (the only order without ``q``); the filters checked the value."""
    chosen = request.query_params.get("ordering") or (RELEVANCE if search_text else NEWEST)
    if chosen == RELEVANCE and not search_text:
        raise exceptions.ValidationError(
            {"ordering": [_("Ordering by relevance needs words to search for (q).")]}
        )
    return chosen


def found_page(paginator, request, articles, text):
    """A page of search results, newest first, each stored entry with the article's
    ``rank`` and highlighted ``snippet``: after ``Search.prepare`` (the people a name may
    be; the planner's estimate, kept a while), one query cuts the page's articles from the
    matches and a second reads their entries, ranks and snippets. In one query, PostgreSQL,
    unable to tell how many articles a rare word's match returns, would join and rank every
    match before sorting them."""
    prepared = search.Search.prepare(text)
    matches = prepared.filter(articles).only("id", "public_id", "published_at")
    matches = matches.with_next_visibility_change()
    page = paginator.paginate_queryset(matches, request)
    found = stored(prepared.annotate(Article.objects.filter(pk__in=[a.pk for a in page])))
    found = {article.pk: article for article in found}
    page = [article for article in page if article.pk in found]  # unless deleted meanwhile
    return page, *searched_entries([found[article.pk] for article in page])


def ranked_page(paginator, request, articles, text):
    """A page of search results by relevance, in one query: the ``search.CANDIDATES``
    newest matches are ranked, so the work is bounded whatever the word's frequency."""
    prepared = search.Search.prepare(text, wanted=search.CANDIDATES)
    ranked = stored(search.ranked(articles, prepared))
    page = paginator.paginate_queryset(ranked.with_next_visibility_change(), request)
    return page, *searched_entries(page)


def searched_entries(articles):
    """The stored entries of ``articles`` (annotated by ``Search.annotate``) with their rank
    and snippet, and their copies."""
    copies = rendering.copies_for(articles)
    entries = [
        with_search_fields(copy.summary, article.search_rank, article.search_snippet)
        for copy, article in zip(copies, articles, strict=True)
    ]
    return entries, copies


def public_array(articles, *, keys) -> HttpResponse:
    """All of ``articles`` (a short list: a dossier's pinned articles) as a JSON array."""
    articles = list(with_copies(articles))
    copies = rendering.copies_for(articles)
    content = json_array([copy.summary for copy in copies])
    return stored_entries_response(content, articles, copies, keys)


def json_array(entries: list[str] | list[bytes]) -> bytes:
    """Entries (JSON objects) as one array; bytes as the fast path reads them."""
    if entries and isinstance(entries[0], bytes):
        return b"[" + b",".join(entries) + b"]"
    return b"[" + ",".join(entries).encode() + b"]"


def stored_entries_response(content: bytes, articles, copies, keys) -> HttpResponse:
    """Public, tagged with the lists' keys and each article's, kept until the next
    article goes live by itself or an entry goes stale (a photo's rights expire)."""
    response = HttpResponse(content, content_type="application/json")
    response["ETag"] = content_etag(content)
    response.found = len(articles)
    item_keys, expires_at = entries_freshness(articles, copies)
    return mark_public(response, [*keys, *item_keys], expires_at=expires_at)


def entries_freshness(articles, copies):
    """The articles' surrogate keys (a list names the articles it shows, not what they
    show), and when a list of their stored entries goes stale by itself: the next article
    going live, or an entry's photo rights expiring. ``articles`` come from ``with_copies``
    or ``entry_rows``."""
    if not articles:
        item_keys, next_change = [], Article.objects.next_visibility_change()
    elif isinstance(articles[0], dict):  # from ``entry_rows``
        item_keys = [surrogate_keys.article(row["public_id"]) for row in articles]
        next_change = articles[0]["next_visibility_change"]
    else:
        item_keys = [surrogate_keys.article(article.public_id) for article in articles]
        next_change = articles[0].next_visibility_change
    moments = [next_change, *(copy.valid_until for copy in copies)]
    return item_keys, min((moment for moment in moments if moment is not None), default=None)


def public_copy_or_404(slug):
    """The stored public copy of the public article ``slug``: one query."""
    article = get_object_or_404(
        Article.objects.public().select_related("public_copy").only(*COPY_FIELDS), slug=slug
    )
    return rendering.copies_for([article])[0]


def stored_copy_response(copy, content, etag) -> HttpResponse:
    """``content`` made from ``copy``, validated by ``etag``, as public as the copy."""
    response = HttpResponse(content, content_type="application/json")
    response["ETag"] = etag
    response["Last-Modified"] = last_modified(copy.rendered_at.timestamp())
    return mark_public(response, copy.surrogate_keys, expires_at=copy.valid_until)


def with_search_fields(entry: str | bytes, rank: float, snippet: str) -> str | bytes:
    """The stored entry (a JSON object) with a search's rank and snippet added; bytes as
    the fast path reads them."""
    added = orjson.dumps({"rank": rank, "snippet": snippet})
    if isinstance(entry, bytes):
        return entry[:-1] + b"," + added[1:]
    return entry[:-1] + "," + added[1:].decode()
