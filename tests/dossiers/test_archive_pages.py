"""The archivists' pages: every dossier, a dossier's timeline, search and filters in it."""

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import workflow
from dossiers import timeline, views
from tests.dossiers.reference import headlines, index_plan, publish_in, text_of
from tests.factories import ArticleFactory, DossierEntryFactory, DossierFactory, PhotoFactory

REFERENCE = "guerre-ukraine-nord-coreens-engages-dans-des-operations-de-combat"


def test_the_list_shows_open_and_closed_dossiers_with_counts_and_spans(archivist_client, dossier):
    publish_in(dossier, at=dt.datetime(2025, 2, 24, 10, tzinfo=dt.UTC), headline="Trois ans")
    ArticleFactory().dossier_entries.create(dossier=dossier)  # a draft counts for nothing
    DossierFactory(title="Brexit", is_open=False)
    page = text_of(archivist_client.get("/dossiers/"))
    assert re.search(r"Brexit</a></td> <td><span class=\"badge\">clos</span></td> <td>0</td>", page)
    assert re.search(
        r"Guerre entre l&#x27;Ukraine et la Russie</a></td> <td><span class=\"badge open\">ouvert"
        r"</span></td> <td>2</td> <td>du 13 novembre 2024 au 24 février 2025</td>",
        page,
    )


def test_the_pages_speak_english_to_a_browser_that_asks_for_it(archivist_client, dossier):
    english = {"HTTP_ACCEPT_LANGUAGE": "en"}
    listing = text_of(archivist_client.get("/dossiers/", **english))
    page = text_of(archivist_client.get(f"/dossiers/{dossier.slug}/", **english))

    assert '<html lang="en">' in listing
    assert "<td>from Nov. 13, 2024 to Nov. 13, 2024</td>" in listing
    assert "<h1>All dossiers</h1>" in listing
    assert "Search the dossier" in page
    assert 'placeholder="words, &quot;a phrase&quot;, -exclusion"' in page
    assert 'November 2024 <span class="muted">(1 article)</span>' in page
    assert ">Nov. 13, 2024, 9:07 a.m.</time> · Europe · by Armand Lebrun </div>" in page


def test_the_list_costs_one_query_per_page_whatever_the_dossiers(
    archivist_client, dossier, django_assert_num_queries
):
    for index in range(5):
        publish_in(DossierFactory(), at=dt.datetime(2024, 1, 1 + index, tzinfo=dt.UTC))
    # The session, the user, its permissions and its groups' permissions, then the
    # dossiers with their coverage.
    with django_assert_num_queries(5):
        archivist_client.get("/dossiers/")


def test_an_entry_shows_date_in_french_section_byline_and_photo_with_credit(
    archivist_client, dossier
):
    page = text_of(archivist_client.get(f"/dossiers/{dossier.slug}/"))
    assert "<p>Tous nos articles sur la guerre en Ukraine.</p>" in page
    assert 'Novembre 2024 <span class="muted">(1 article)</span>' in page
    assert ">13 novembre 2024 à 9h07</time> · Europe · par Armand Lebrun </div>" in page
    assert "le 2 octobre 2024. (AFP)</figcaption>" in page
    original = r'<img src="/photos/files/originals/[^"]+\.jpg" alt="Photo de test" width="128"'
    assert re.search(original, page)  # the newsroom's URL of the original


def test_the_timeline_is_grouped_by_month_newest_first(archivist_client, dossier):
    publish_in(dossier, at=dt.datetime(2024, 12, 2, tzinfo=dt.UTC), headline="En décembre")
    publish_in(dossier, at=dt.datetime(2024, 11, 20, tzinfo=dt.UTC), headline="Fin novembre")
    page = text_of(archivist_client.get(f"/dossiers/{dossier.slug}/"))
    months = re.findall(r'<h2 class="month">(\w+ \d{4}) <span class="muted">\((\d+)', page)
    assert months == [("Décembre 2024", "1"), ("Novembre 2024", "2")]


def test_searching_highlights_the_matched_words(archivist_client, dossier):
    publish_in(dossier, at=dt.datetime(2024, 12, 2, tzinfo=dt.UTC), headline="Sans rapport")
    response = archivist_client.get(f"/dossiers/{dossier.slug}/", {"q": "coreens"})
    assert headlines(response) == [
        "Guerre avec l’Ukraine : des Nord-Coréens «engagés dans des opérations de combat» en "
        "Russie, confirment les Etats-Unis"
    ]
    assert "soldats nord-<mark>coréens</mark> envoyés" in text_of(response)


def test_filters_by_person_quoted_and_dates(archivist_client, dossier):
    publish_in(dossier, at=dt.datetime(2024, 12, 2, tzinfo=dt.UTC), headline="En décembre")
    url = f"/dossiers/{dossier.slug}/"
    assert len(headlines(archivist_client.get(url, {"personne": "Vedant Patel"}))) == 1
    assert headlines(archivist_client.get(url, {"personne": "vedant patell"}))[0].startswith(
        "Guerre"
    )
    assert headlines(archivist_client.get(url, {"du": "2024-12-01"})) == ["En décembre"]
    assert headlines(archivist_client.get(url, {"au": "2024-11-13"}))[0].startswith("Guerre")
    assert headlines(archivist_client.get(url, {"au": "2024-11-12"})) == []


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (
            {"du": "2024-12-01", "au": "2024-11-01"},
            "La date de début est postérieure à la date de fin.",
        ),
        ({"du": "hier"}, "Saisissez une date valide."),
    ],
)
def test_bad_filters_are_a_400_that_says_why(archivist_client, dossier, params, message):
    response = archivist_client.get(f"/dossiers/{dossier.slug}/", params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_pinned_articles_open_the_first_page_only(archivist_client, dossier):
    pinned = publish_in(dossier, at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC), headline="Épinglé")
    dossier.entries.filter(article=pinned).update(pin_position=1)
    page = text_of(archivist_client.get(f"/dossiers/{dossier.slug}/"))
    assert (
        page.index("À la une du dossier") < page.index(">Épinglé</a></h3>") < page.index("timeline")
    )
    filtered = text_of(archivist_client.get(f"/dossiers/{dossier.slug}/", {"q": "coreens"}))
    assert "À la une du dossier" not in filtered


def test_a_deep_page_starts_in_the_dossiers_own_index_not_after_a_join(
    archivist_client, dossier, monkeypatch
):
    """The cursor is on the entry's columns, so PostgreSQL starts reading the dossier's
    index at the page, however deep; on the article's id it had to join every entry."""
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    for day in range(3):
        publish_in(dossier, at=dt.datetime(2025, 1, 1 + day, tzinfo=dt.UTC))
    first = text_of(archivist_client.get(f"/dossiers/{dossier.slug}/"))
    cursor = re.search(r'<a rel="next" href="\?apres=([^"]+)"', first).group(1)

    with CaptureQueriesContext(connection) as queries:
        archivist_client.get(f"/dossiers/{dossier.slug}/", {"apres": cursor})
    page_query = next(q["sql"] for q in queries if "LIMIT 3" in q["sql"])
    plan = index_plan(page_query)

    assert "Index Cond: ((dossier_id = " in plan
    assert "AND (ROW(published_at, article_id) < ROW(" in plan


def test_pages_follow_each_other_by_cursor(archivist_client, dossier, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    for day in range(3):
        publish_in(dossier, at=dt.datetime(2025, 1, 1 + day, tzinfo=dt.UTC), headline=f"Jour {day}")
    url = f"/dossiers/{dossier.slug}/"
    first = archivist_client.get(url)
    assert headlines(first) == ["Jour 2", "Jour 1"]
    next_link = re.search(r'<a rel="next" href="\?apres=([^"]+)"', text_of(first)).group(1)
    second = archivist_client.get(url, {"apres": next_link})
    assert headlines(second)[:2] == [
        "Jour 0",
        headlines(archivist_client.get(url, {"q": "coreens"}))[0],
    ]
    assert 'rel="next"' not in text_of(second)


def test_a_month_link_opens_the_timeline_at_that_month(archivist_client, dossier):
    publish_in(dossier, at=dt.datetime(2025, 1, 2, tzinfo=dt.UTC), headline="Janvier")
    cursor = timeline.Cursor.at_month_end(dt.date(2024, 11, 1)).encode()
    page = text_of(archivist_client.get(f"/dossiers/{dossier.slug}/"))
    assert f'href="?apres={cursor}">novembre</a> (1)' in page
    assert headlines(archivist_client.get(f"/dossiers/{dossier.slug}/", {"apres": cursor}))[
        0
    ].startswith("Guerre")


def test_a_forged_cursor_is_a_400(archivist_client, dossier):
    response = archivist_client.get(f"/dossiers/{dossier.slug}/", {"apres": "pas-un-curseur"})
    assert response.status_code == 400


def test_relevance_order_ranks_and_pages_by_score(archivist_client, dossier, monkeypatch):
    monkeypatch.setattr(views, "SEARCH_PAGE_SIZE", 1)
    publish_in(
        dossier,
        at=dt.datetime(2024, 11, 14, tzinfo=dt.UTC),
        headline="Rien",
        standfirst="",
        body=[{"type": "paragraph", "html": "Des Coréens."}],
    )
    url = f"/dossiers/{dossier.slug}/"
    first = archivist_client.get(url, {"q": "coreens", "tri": "pertinence"})
    assert headlines(first)[0].startswith("Guerre")
    cursor = re.search(r"apres=([^\"&]+)", text_of(first).split('rel="next"')[1]).group(1)
    assert headlines(
        archivist_client.get(url, {"q": "coreens", "tri": "pertinence", "apres": cursor})
    ) == ["Rien"]


def test_drafts_and_scheduled_articles_are_not_in_the_archive(archivist_client, dossier, now):
    DossierEntryFactory(dossier=dossier, article=ArticleFactory(headline="Un brouillon"))
    scheduled = ArticleFactory(headline="Programmé")
    workflow.publish(scheduled, by=None, at=now, when=now + dt.timedelta(days=1))
    DossierEntryFactory(dossier=dossier, article=scheduled)
    page = text_of(archivist_client.get(f"/dossiers/{dossier.slug}/"))
    assert "Un brouillon" not in page
    assert "Programmé" not in page


@pytest.mark.parametrize("depth", [0, 30])
def test_a_page_deep_in_the_past_costs_what_the_first_costs(
    archivist_client, dossier, monkeypatch, django_assert_num_queries, depth
):
    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    for day in range(31):
        moment = dt.datetime(2025, 1, 1, tzinfo=dt.UTC) + dt.timedelta(days=day)
        publish_in(dossier, at=moment, lead_photo=PhotoFactory())
    url = f"/dossiers/{dossier.slug}/"
    cursor = None
    for _ in range(depth):
        page = text_of(archivist_client.get(url, {"apres": cursor} if cursor else {}))
        cursor = re.search(r'rel="next" href="\?apres=([^"]+)"', page).group(1)
    cache.clear()
    # Session, user, two for permissions, dossier, page, authors, renditions, months, and
    # the pinned articles on the first page.
    with django_assert_num_queries(10 if depth == 0 else 9):
        archivist_client.get(url, {"apres": cursor} if cursor else {})


def test_month_counts_are_counted_once_while_paging(
    archivist_client, dossier, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    publish_in(dossier, at=dt.datetime(2025, 1, 2, tzinfo=dt.UTC), headline="Janvier")
    url = f"/dossiers/{dossier.slug}/"
    page = text_of(archivist_client.get(url))
    cursor = re.search(r'rel="next" href="\?apres=([^"]+)"', page).group(1)
    # Session, user, two for permissions, dossier, page, authors, renditions: no months.
    with django_assert_num_queries(8):
        second = text_of(archivist_client.get(url, {"apres": cursor}))
    assert '">novembre</a> (1)' in second
    assert '">janvier</a> (1)' in second
