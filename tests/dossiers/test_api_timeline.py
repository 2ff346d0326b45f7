"""/api/v1/dossiers/{slug}/: articles in time order, pinned articles, counts by month."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.dossiers.reference import index_plan, publish_in
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    DossierEntryFactory,
    PhotoFactory,
    QuoteFactory,
)

PARIS_NOON = dt.datetime(2024, 11, 13, 11, tzinfo=dt.UTC)


def slugs(response):
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


def test_articles_come_newest_first_with_a_cursor(api, dossier):
    for day in range(3):
        publish_in(dossier, at=PARIS_NOON + dt.timedelta(days=day + 1), slug=f"jour-{day}")
    first = api.get(f"/api/v1/dossiers/{dossier.slug}/articles/", {"page_size": 2})
    assert slugs(first) == ["jour-2", "jour-1"]
    second = api.get(first.json()["next"])
    assert slugs(second) == [
        "jour-0",
        "guerre-ukraine-nord-coreens-engages-dans-des-operations-de-combat",
    ]


def test_articles_filter_by_dates_section_and_person_quoted(api, dossier):
    other = publish_in(dossier, at=PARIS_NOON + dt.timedelta(days=40), slug="decembre")
    url = f"/api/v1/dossiers/{dossier.slug}/articles/"
    assert slugs(api.get(url, {"published_from": "2024-12-01"})) == [other.slug]
    assert slugs(api.get(url, {"published_to": "2024-11-30"})) != [other.slug]
    assert slugs(api.get(url, {"section": other.section.slug})) == [other.slug]
    assert slugs(api.get(url, {"person": "vedant-patel"})) == [
        "guerre-ukraine-nord-coreens-engages-dans-des-operations-de-combat"
    ]


def test_a_search_in_the_dossier_carries_rank_and_snippet(api, dossier):
    response = api.get(f"/api/v1/dossiers/{dossier.slug}/articles/", {"q": "coreens"})
    [result] = response.json()["results"]
    assert "nord-<mark>coréens</mark>" in result["snippet"]
    assert 0 < result["rank"] < 1


def test_a_search_in_the_dossier_comes_best_first_unless_newest_is_asked(api, dossier):
    body = [{"type": "paragraph", "html": "La banquise recule."}]
    in_body = publish_in(dossier, at=PARIS_NOON + dt.timedelta(days=2), headline="Météo", body=body)
    in_headline = publish_in(dossier, at=PARIS_NOON + dt.timedelta(days=1), headline="La banquise")
    url = f"/api/v1/dossiers/{dossier.slug}/articles/"
    by_relevance = api.get(url, {"q": "banquise"}).json()["results"]
    newest = api.get(url, {"q": "banquise", "ordering": "newest"}).json()["results"]
    assert [r["slug"] for r in by_relevance] == [in_headline.slug, in_body.slug]
    assert [r["slug"] for r in newest] == [in_body.slug, in_headline.slug]


def test_articles_without_a_search_keep_the_list_shape(api, dossier):
    [result] = api.get(f"/api/v1/dossiers/{dossier.slug}/articles/").json()["results"]
    assert "snippet" not in result
    assert "rank" not in result


def test_pinned_articles_come_in_the_editors_order(api, dossier):
    second = publish_in(dossier, at=PARIS_NOON, slug="epingle-2")
    first = publish_in(dossier, at=PARIS_NOON - dt.timedelta(days=300), slug="epingle-1")
    publish_in(dossier, at=PARIS_NOON, slug="pas-epingle")
    dossier.entries.filter(article=first).update(pin_position=1)
    dossier.entries.filter(article=second).update(pin_position=2)
    response = api.get(f"/api/v1/dossiers/{dossier.slug}/pinned/")
    assert [item["slug"] for item in response.json()] == ["epingle-1", "epingle-2"]


def test_a_pinned_draft_is_not_shown(api, dossier):
    DossierEntryFactory(dossier=dossier, article=ArticleFactory(slug="brouillon"), pin_position=1)
    assert api.get(f"/api/v1/dossiers/{dossier.slug}/pinned/").json() == []


def test_months_count_the_articles_of_each_month_in_paris_time(api, dossier):
    # 23:30 UTC on 30 November is 00:30 on 1 December in Paris.
    publish_in(dossier, at=dt.datetime(2024, 11, 30, 23, 30, tzinfo=dt.UTC), slug="minuit")
    publish_in(dossier, at=dt.datetime(2025, 1, 5, tzinfo=dt.UTC), slug="janvier")
    ArticleFactory(slug="brouillon").dossier_entries.create(dossier=dossier)
    response = api.get(f"/api/v1/dossiers/{dossier.slug}/months/")
    assert response.json() == [
        {"month": "2025-01", "count": 1},
        {"month": "2024-12", "count": 1},
        {"month": "2024-11", "count": 1},
    ]


def test_a_search_longer_than_200_characters_is_a_400(api, dossier):
    response = api.get(f"/api/v1/dossiers/{dossier.slug}/articles/", {"q": "x" * 201})
    assert response.status_code == 400
    assert list(response.json()) == ["q"]


def test_months_take_the_filters_but_not_a_search(api, dossier):
    url = f"/api/v1/dossiers/{dossier.slug}/months/"
    assert api.get(url, {"person": "vedant-patel"}).json() == [{"month": "2024-11", "count": 1}]
    response = api.get(url, {"q": "coreens"})
    assert response.status_code == 400
    assert "q" in response.json()


def test_public_responses_carry_the_keys_a_purge_names(api, dossier):
    response = api.get(f"/api/v1/dossiers/{dossier.slug}/articles/")
    keys = response["Surrogate-Key"].split()
    assert {f"dossier-{dossier.slug}", f"dossier-list-{dossier.slug}", "dossiers"} < set(keys)
    shown = [article["id"] for article in response.json()["results"]]
    assert sorted(k for k in keys if k.startswith("article-")) == sorted(
        f"article-{public_id}" for public_id in shown
    )
    assert response["Cache-Control"].startswith("public, ")


def test_the_dossier_links_its_timeline_pins_and_months_on_the_site_url(api, dossier, settings):
    data = api.get(f"/api/v1/dossiers/{dossier.slug}/").json()
    base = f"{settings.SITE_URL}/api/v1/dossiers/{dossier.slug}/"
    assert (data["articles"], data["pinned"], data["months"]) == (
        base + "articles/",
        base + "pinned/",
        base + "months/",
    )


def rich(dossier, index, *, pinned=False):
    article = publish_in(
        dossier,
        at=PARIS_NOON - dt.timedelta(days=index),
        slug=f"riche-{index}",
        lead_photo=PhotoFactory(),
    )
    for position in range(3):
        BylineFactory(article=article, position=position)
        QuoteFactory().articles.add(article)
    if pinned:
        dossier.entries.filter(article=article).update(pin_position=index)
    return article


# The page of stored entries, with the next second an article goes live by itself (for the
# cache headers), is one query; the dossier is looked up only when nothing is found (or for
# the pinned list). A person or a section given by slug is one more look-up; a search by
# relevance is one query too (the planner's estimate of the matches is kept), newest first
# two: the page's articles cut from the matches, then their entries.
QUERY_COUNTS = {
    "articles/": 1,
    "articles/?page_size=100": 1,
    "articles/?q=titre": 1,
    "articles/?q=titre&ordering=newest": 2,
    "articles/?person=vedant-patel&section=europe&published_from=2024-01-01": 3,
    "pinned/": 2,
    "months/": 2,
    "months/?person=vedant-patel": 3,
}


@pytest.mark.parametrize(("path", "expected"), QUERY_COUNTS.items())
@pytest.mark.parametrize("articles", [1, 8])
def test_query_counts_do_not_grow_with_the_articles(
    api, dossier, django_assert_num_queries, path, expected, articles
):
    for index in range(articles):
        rich(dossier, index, pinned=index % 2 == 0)
    url = f"/api/v1/dossiers/{dossier.slug}/{path}"
    api.get(url)  # the first reader renders the copies a publish left to render after commit
    with django_assert_num_queries(expected):
        response = api.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/dossiers/{slug}/articles/",
        "/feeds/dossiers/{slug}.rss",
        "/dossiers/{slug}/",
    ],
)
def test_timelines_are_read_from_the_dossiers_own_entries_newest_first(
    api, admin_client, dossier, url
):
    """Sorted by the time the entries keep, PostgreSQL walks the dossier's entries index
    newest first; sorted by the article's time, it walked the whole archive's index looking
    for them (0.8 s for a small dossier among a million articles). Test data is too small
    for the planner to show it, so this checks the order the query asks for."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = admin_client if url.startswith("/dossiers/") else api
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url.format(slug=dossier.slug)).status_code == 200
    (timeline, *_) = [q["sql"] for q in captured if 'AS "entry_published_at"' in q["sql"]]
    order = timeline.rsplit("ORDER BY", 1)[1].strip()
    # By the entry's time: named, or by its position in the select list.
    assert re.match(r'("dossiers_dossierentry"\."published_at"|\d+) DESC', order), order


def test_the_timeline_walks_the_dossiers_entries_in_order_not_a_sort_of_them_all(api, dossier):
    """The page query names the dossier by its id (a subquery on the slug), so PostgreSQL
    reads its entries in index order and stops after the page; joined on the slug, it read
    and sorted every entry (18 ms for a dossier of 2,900 at 1,000,000 articles)."""
    for day in range(3):
        publish_in(dossier, at=PARIS_NOON + dt.timedelta(days=day + 1))
    with CaptureQueriesContext(connection) as queries:
        assert api.get(f"/api/v1/dossiers/{dossier.slug}/articles/").status_code == 200
    [page_query] = [q["sql"] for q in queries if "LIMIT 21" in q["sql"]]
    plan = index_plan(page_query)
    assert "dossier_entry_newest_idx" in plan
    assert "Sort" not in plan, plan
