"""The WSGI fast path for list pages (the article list, a dossier's timeline) answers
exactly what Django would, page after page, and leaves Django anything else."""

import datetime as dt
from base64 import b64decode
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.http import parse_http_date

from articles import hotpath, workflow
from articles.hotpath import PublicReadsApp
from tests.api.test_hotpath import Fallback, call
from tests.factories import (
    ArticleFactory,
    DossierEntryFactory,
    DossierFactory,
    PersonFactory,
    QuoteFactory,
    SectionFactory,
    TagFactory,
)
from tests.visibility import make_hidden

# Last-Modified is the second each list is written: compared apart, within a second.
COMPARED_APART = {"Last-Modified"}


@pytest.fixture
def hot(settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    return PublicReadsApp(Fallback())


@pytest.fixture
def archive(make_published, now):
    """Nine public articles in a parent section and its subsection, four of them published
    the same second (a cursor must then count its way past them), three in a dossier; and
    a draft, a scheduled and an embargoed article in the same places, never shown."""
    parent = SectionFactory(slug="international")
    child = SectionFactory(slug="europe", parent=parent)
    dossier = DossierFactory(slug="ukraine")
    same_second = now - dt.timedelta(days=3)
    for number in range(9):
        at = same_second if number in (2, 3, 4, 5) else now - dt.timedelta(days=number + 1)
        article = make_published(
            at=at, slug=f"public-{number}", section=child if number % 2 else parent
        )
        if number % 3 == 0:
            DossierEntryFactory(dossier=dossier, article=article)
    hidden = [
        ArticleFactory(slug="brouillon", section=child),
        workflow.publish(
            ArticleFactory(slug="programme", section=child), by=None, at=now + dt.timedelta(days=1)
        ),
        workflow.publish(
            ArticleFactory(
                slug="sous-embargo", section=parent, embargo_until=now + dt.timedelta(hours=2)
            ),
            by=None,
            at=now - dt.timedelta(hours=2),
        ),
    ]
    for article in hidden:
        DossierEntryFactory(dossier=dossier, article=article)
    return dossier


def both(api, hot, target):
    """Django's answer, then the fast path's, to the same request."""
    path, _, query = target.partition("?")
    django = api.get(target)
    status, headers, body = call(hot, path, QUERY_STRING=query)
    return django, status, headers, body


def walk(api, hot, start, field="slug"):
    """Follow next links from ``start`` to the last page, then previous links back to the
    first, comparing the two answers at each page; the entries' ``field`` seen going
    forward."""
    seen, target, direction, answered = [], start, "next", 0
    while target:
        django, status, headers, body = both(api, hot, target)
        page = django.json()
        if body == b"django":  # only a cursor counting past one second's articles
            assert "o=" in b64decode(parse_qs(urlsplit(target).query)["cursor"][0]).decode()
        else:
            answered += 1
            assert (status, body) == ("200 OK", django.content), target
            assert without_time(headers) == without_time(django.headers), target
            written = [parse_http_date(h["Last-Modified"]) for h in (headers, django.headers)]
            assert abs(written[0] - written[1]) <= 1
        if direction == "next":
            seen += [entry[field] for entry in page["results"]]
        target = follow(page, direction)
        direction = "previous" if page[direction] is None else direction
    assert answered, "the fast path answered no page"
    return seen


def without_time(headers):
    return {name: value for name, value in headers.items() if name not in COMPARED_APART}


def follow(page, direction):
    """The next page to ask for: the next, then back through the previous ones."""
    link = page[direction] or (page["previous"] if direction == "next" else None)
    return link and urlsplit(link)._replace(scheme="", netloc="").geturl()


@pytest.mark.parametrize(
    "start",
    [
        "/api/v1/articles/",
        "/api/v1/articles/?page_size=2",
        "/api/v1/articles/?page_size=3&section=international",
        "/api/v1/articles/?section=europe&page_size=1",
        "/api/v1/articles/?page_size=2&published_to=2100-01-01&published_from=2000-01-01T00:00:00%2B02:00",
        "/api/v1/dossiers/ukraine/articles/?page_size=1",
    ],
)
def test_every_page_and_its_links_are_the_ones_django_writes(api, archive, hot, start):
    seen = walk(api, hot, start)
    assert seen
    assert not {"brouillon", "programme", "sous-embargo"} & set(seen)
    assert len(seen) == len(set(seen))


def test_a_subsection_list_and_a_timeline_hold_what_the_filters_say(api, archive, hot):
    """Newest first; the same second's articles, the latest added first."""
    section = walk(api, hot, "/api/v1/articles/?section=europe&page_size=2")
    assert section == ["public-1", "public-5", "public-3", "public-7"]
    timeline = walk(api, hot, "/api/v1/dossiers/ukraine/articles/")
    assert timeline == ["public-0", "public-3", "public-6"]


@pytest.mark.parametrize(
    "query",
    [
        "q=guerre&cursor=bm9wZQ",  # a search's next page
        "tag=sujet",
        "format=json",
        "page_size=0",
        "page_size=101",
        "cursor=bm9wZQ",
        "section=inconnue",  # a 400 naming it
        "published_to=hier",
        "section=europe&section=international",
    ],
)
def test_what_the_fast_path_does_not_take_goes_to_django(api, archive, hot, query):
    api.get("/api/v1/articles/")
    assert call(hot, "/api/v1/articles/", QUERY_STRING=query)[2] == b"django"


@pytest.mark.parametrize(
    "extra",
    [
        {"HTTP_IF_NONE_MATCH": '"abc"'},
        {"HTTP_IF_MODIFIED_SINCE": "Sun, 06 Dec 2026 10:00:00 GMT"},
        {"HTTP_AUTHORIZATION": "Token abc"},
        {"HTTP_ORIGIN": "https://ailleurs.example"},
        {"HTTP_ACCEPT": "text/html"},  # a 406
        {"REQUEST_METHOD": "POST"},
    ],
)
def test_conditional_logged_in_or_cross_origin_lists_go_to_django(api, archive, hot, extra):
    api.get("/api/v1/articles/")
    assert call(hot, "/api/v1/articles/", **extra)[2] == b"django"


def test_an_unknown_dossier_or_an_unrendered_entry_goes_to_django(
    api, archive, hot, make_published
):
    api.get("/api/v1/articles/")
    assert call(hot, "/api/v1/dossiers/inconnu/articles/")[2] == b"django"  # a 404
    make_published(slug="tout-frais")  # its list entry is not rendered yet
    assert call(hot, "/api/v1/articles/")[2] == b"django"
    api.get("/api/v1/articles/")  # Django renders it
    assert b"tout-frais" in call(hot, "/api/v1/articles/")[2]


def test_a_withdrawal_leaves_the_next_page_at_once(api, archive, hot):
    api.get("/api/v1/articles/")
    assert b'"public-0"' in call(hot, "/api/v1/articles/")[2]
    workflow.withdraw(archive.entries.get(article__slug="public-0").article, by=None)
    status, _, body = call(hot, "/api/v1/articles/")
    assert status == "200 OK"
    assert b'"public-0"' not in body
    assert b'"public-1"' in body


def test_a_page_is_one_query_whatever_its_size(api, archive, hot):
    for size in (1, 9):
        target = f"/api/v1/articles/?page_size={size}"
        api.get(target)
        call(hot, "/api/v1/articles/", QUERY_STRING=f"page_size={size}")  # prepared
        with CaptureQueriesContext(connection) as captured:
            status, _, body = call(hot, "/api/v1/articles/", QUERY_STRING=f"page_size={size}")
        assert status == "200 OK"
        assert body.count(b'"slug"') >= size
        assert [q["sql"].split()[0] for q in captured] == ["EXECUTE"]


def test_a_worker_prepares_a_bounded_number_of_page_shapes(api, archive, hot, monkeypatch):
    """Every page size is a statement of its own: past the bound, new ones go to Django."""
    monkeypatch.setattr(hotpath, "MOST_STATEMENTS", 2)
    for size in (1, 2, 3):
        api.get(f"/api/v1/articles/?page_size={size}")
    answers = [call(hot, "/api/v1/articles/", QUERY_STRING=f"page_size={n}")[2] for n in (1, 2, 3)]
    assert [answer == b"django" for answer in answers] == [False, False, True]
    assert call(hot, "/api/v1/articles/", QUERY_STRING="page_size=1")[0] == "200 OK"


@pytest.mark.parametrize(
    "accept", ["application/json", "text/html,application/xhtml+xml,*/*;q=0.8"]
)
def test_a_browser_or_a_json_client_gets_the_fast_answer(api, archive, hot, accept):
    api.get("/api/v1/articles/")
    status, headers, _ = call(hot, "/api/v1/articles/", HTTP_ACCEPT=accept)
    assert (status, headers["Content-Type"]) == ("200 OK", "application/json")
    assert hot.django_app.calls == 0


# The quotes: entries PostgreSQL writes, in the same statement as the page.


@pytest.mark.parametrize("page_size", [1, 3, 20])
def test_every_page_of_quotes_is_the_one_django_writes(api, quotes, hot, page_size):
    """Quotes said the same day make offset cursors (Django's); the others are answered
    here, with the same bytes and headers, and only public quotes, each once."""
    seen = walk(api, hot, f"/api/v1/quotes/?page_size={page_size}", field="id")
    assert seen == [quote.pk for quote in quotes]


@pytest.mark.parametrize(
    "query", ["person=vedant-patel", "kind=full", "said_from=2024-11-01", "q=mots", "format=json"]
)
def test_a_filtered_list_of_quotes_goes_to_django(api, quotes, hot, query):
    api.get("/api/v1/quotes/")
    assert call(hot, "/api/v1/quotes/", QUERY_STRING=query)[2] == b"django"


@pytest.mark.parametrize(
    ("path", "field"), [("quotes", "speaker"), ("people", "name"), ("tags", "kind")]
)
def test_a_page_of_quotes_people_or_tags_is_one_query(api, quotes, tags, hot, path, field):
    """Every public one on one page (two people, three tags), in one statement."""
    expected = {"quotes": len(quotes), "people": 2, "tags": 3}[path]
    call(hot, f"/api/v1/{path}/", QUERY_STRING="page_size=100")  # prepared
    with CaptureQueriesContext(connection) as captured:
        status, _, body = call(hot, f"/api/v1/{path}/", QUERY_STRING="page_size=100")
    assert status == "200 OK"
    assert body.count(f'"{field}"'.encode()) == expected
    assert [q["sql"].split()[0] for q in captured] == ["EXECUTE"]


def test_no_public_quote_leaves_the_fast_path_to_django(api, hot, make_published):
    assert call(hot, "/api/v1/quotes/")[2] == b"django"  # an empty page: Django's to say


@pytest.fixture
def tags(quotes, now):
    """Tags on the quotes' public article; a tag and a person seen only on a scheduled
    article."""
    public = quotes[0].articles.get(slug="public")
    for name in ("Diplomatie", "Budget", "Élysée"):
        public.tags.add(TagFactory(name=name))
    scheduled = make_hidden(ArticleFactory(), "scheduled", now)
    scheduled.tags.add(TagFactory(name="Pas encore", slug="pas-encore"))
    QuoteFactory(person=PersonFactory(slug="pas-encore")).articles.add(scheduled)


@pytest.mark.parametrize("target", ["/api/v1/people/?page_size=1", "/api/v1/tags/?page_size=2"])
def test_every_page_of_people_and_tags_is_the_one_django_writes(api, tags, hot, target):
    seen = walk(api, hot, target)
    assert seen == sorted(seen)
    assert "pas-encore" not in seen
    assert len(seen) == (2 if "people" in target else 3)
