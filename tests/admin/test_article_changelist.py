import datetime as dt
from zoneinfo import ZoneInfo

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.admin import ArticleAdmin, EstimatedCountPaginator, PublicationDateListFilter
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    PersonFactory,
    PhotoFactory,
    SectionFactory,
)

CHANGELIST_URL = "/admin/articles/article/"


def add_articles(count, parent):
    """Articles in subsections (whose names include the parent), each with a photo, two authors."""
    for _ in range(count):
        article = ArticleFactory(section=SectionFactory(parent=parent), lead_photo=PhotoFactory())
        BylineFactory.create_batch(2, article=article)


def count_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(CHANGELIST_URL)
    assert response.status_code == 200
    return len(queries)


def test_changelist_query_count_does_not_grow_with_the_number_of_articles(admin_client):
    parent = SectionFactory(name="International")
    add_articles(3, parent)
    admin_client.get(CHANGELIST_URL)
    with_three = count_queries(admin_client)

    add_articles(7, parent)
    with_ten = count_queries(admin_client)

    # Session, user, the section filter's sections, the date filter's first and last
    # publication times, the planner's estimate, the bounded count, articles, their bylines,
    # and the dossiers offered beside the «file in dossier» action.
    assert (with_three, with_ten) == (9, 9)


def test_changelist_shows_section_authors_in_order_and_lead_photo(admin_client):
    photo = PhotoFactory()
    article = ArticleFactory(
        headline="Guerre avec l’Ukraine",
        section=SectionFactory(name="Europe", parent=SectionFactory(name="International")),
        lead_photo=photo,
    )
    BylineFactory(article=article, person=PersonFactory(name="Zoé Second"), position=1)
    BylineFactory(article=article, person=PersonFactory(name="Adam Premier"), position=0)

    content = admin_client.get(CHANGELIST_URL).content.decode()

    assert "Guerre avec l’Ukraine" in content
    assert "International › Europe" in content
    assert '<td class="field-authors">Adam Premier, Zoé Second</td>' in content
    assert f'<img src="{photo.image.url}"' in content


def test_the_admin_speaks_french(admin_client):
    response = admin_client.get("/admin/articles/article/add/")

    form = response.context["adminform"].form
    labels = [form[name].label for name in ("kicker", "headline", "standfirst", "section")]
    assert labels == ["Surtitre", "Titre", "Chapô", "Rubrique"]
    assert form["embargo_until"].label == "Sous embargo jusqu’au"
    assert "Ajouter article" in response.content.decode()


def test_the_list_dates_articles_as_the_paper_writes_them(admin_client):
    ArticleFactory(
        headline="Un article du matin",
        published_at=dt.datetime(2024, 11, 13, 9, 7, tzinfo=ZoneInfo("Europe/Paris")),
    )

    page = admin_client.get(CHANGELIST_URL).content.decode()
    english = admin_client.get(CHANGELIST_URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "13 novembre 2024 à 9h07" in page
    assert "Nov. 13, 2024, 9:07 a.m." in english


def article_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, [query["sql"] for query in queries if "articles_article" in query["sql"]]


def test_the_list_never_counts_every_article(admin_client):
    ArticleFactory.create_batch(3)

    _response, queries = article_queries(
        admin_client, f"{CHANGELIST_URL}?status__exact=draft&_facets=True"
    )

    counts = [sql for sql in queries if "COUNT(" in sql]
    assert len(counts) == 1
    assert counts[0].endswith("LIMIT 10001) subquery")


def test_past_the_exact_limit_the_count_is_the_planners_estimate(admin_client, monkeypatch):
    monkeypatch.setattr(EstimatedCountPaginator, "exact_up_to", 10)
    ArticleFactory.create_batch(12)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")

    response, queries = article_queries(admin_client, CHANGELIST_URL)

    assert response.context["cl"].result_count == 12
    assert [sql for sql in queries if "COUNT(" in sql] == []
    assert "environ 12 articles" in response.content.decode()


def test_a_small_result_is_counted_exactly(admin_client):
    ArticleFactory.create_batch(3)

    response = admin_client.get(CHANGELIST_URL)

    assert response.context["cl"].result_count == 3
    assert "3 articles" in response.content.decode()
    assert "environ" not in response.content.decode()


def test_a_page_deep_in_the_list_shows_the_right_articles_in_order(admin_client, monkeypatch):
    monkeypatch.setattr(ArticleAdmin, "list_per_page", 2)
    now = timezone.now()
    articles = [ArticleFactory(published_at=now - dt.timedelta(days=age)) for age in range(5)]

    pages = [admin_client.get(CHANGELIST_URL, {"p": page}) for page in (1, 2, 3)]

    assert [list(page.context["cl"].result_list) for page in pages] == [
        articles[0:2],
        articles[2:4],
        articles[4:5],
    ]


def test_search_is_french_full_text_not_like(admin_client):
    found = ArticleFactory(
        headline="Des soldats engagés au front",
        body=[{"type": "paragraph", "html": "Un texte."}],
    )
    ArticleFactory(headline="Rien à voir", body=[{"type": "paragraph", "html": "Autre."}])

    response, queries = article_queries(admin_client, f"{CHANGELIST_URL}?q=Engager")

    assert list(response.context["cl"].result_list) == [found]
    assert [sql for sql in queries if "LIKE" in sql] == []
    assert any("search_vector" in sql for sql in queries)


def test_search_finds_words_in_the_body(admin_client):
    found = ArticleFactory(
        body=[{"type": "paragraph", "html": "Le porte-parole du département d’Etat."}]
    )
    ArticleFactory()

    response = admin_client.get(CHANGELIST_URL, {"q": "departement"})

    assert list(response.context["cl"].result_list) == [found]


def paris(*args):
    return dt.datetime(*args, tzinfo=ZoneInfo("Europe/Paris"))


def test_the_date_filter_offers_years_then_months_in_paris_time(admin_client):
    november = ArticleFactory(published_at=paris(2024, 11, 30, 23, 30))
    december = ArticleFactory(published_at=paris(2024, 12, 1, 0, 30))
    older = ArticleFactory(published_at=paris(2022, 3, 1, 12, 0))

    listed = admin_client.get(CHANGELIST_URL)
    year = admin_client.get(CHANGELIST_URL, {"published": "2024"})
    month = admin_client.get(CHANGELIST_URL, {"published": "2024-11"})

    def choices(response):
        [spec] = [
            spec
            for spec in response.context["cl"].filter_specs
            if isinstance(spec, PublicationDateListFilter)
        ]
        return [title for _value, title in spec.lookup_choices]

    assert choices(listed) == ["Programmés", "2024", "2023", "2022"]
    assert choices(year)[:4] == ["Programmés", "2024", "janvier 2024", "février 2024"]
    assert choices(year)[-2:] == ["2023", "2022"]
    assert list(year.context["cl"].result_list) == [december, november]
    assert list(month.context["cl"].result_list) == [november]
    assert (
        older
        not in admin_client.get(CHANGELIST_URL, {"published": "2023"}).context["cl"].result_list
    )


def test_the_date_filter_lists_scheduled_articles(admin_client, make_published, now):
    make_published()
    scheduled = make_published(at=now + dt.timedelta(hours=2))

    response = admin_client.get(CHANGELIST_URL, {"published": "scheduled"})

    assert list(response.context["cl"].result_list) == [scheduled]


def test_a_malformed_date_is_refused_not_an_error(admin_client):
    response = admin_client.get(CHANGELIST_URL, {"published": "2024-13"})

    assert response.status_code == 302
    assert response.url == f"{CHANGELIST_URL}?e=1"


def test_search_takes_the_last_word_as_begun(admin_client):
    found = ArticleFactory(headline="Des soldats nord-coréens en Ukraine")
    ArticleFactory(headline="Des soldats au Mali")

    response = admin_client.get(CHANGELIST_URL, {"q": "soldats coré"})

    assert list(response.context["cl"].result_list) == [found]


def test_begun_word_is_not_used_with_a_phrase_or_an_exclusion(admin_client):
    ArticleFactory(headline="Des soldats nord-coréens en Ukraine")

    for text in ('"soldats" coré', "coré -Mali"):
        response = admin_client.get(CHANGELIST_URL, {"q": text})
        assert list(response.context["cl"].result_list) == []


def test_list_tells_scheduled_and_embargoed_articles_from_published_ones(admin_client, now):
    from articles import workflow

    paris = ZoneInfo("Europe/Paris")
    live = ArticleFactory(headline="En ligne")
    workflow.publish(live, by=None, at=now - dt.timedelta(hours=1))
    scheduled = ArticleFactory(headline="Programmé")
    when = dt.datetime(2031, 11, 13, 9, 7, tzinfo=paris)
    workflow.publish(scheduled, by=None, at=now, when=when)
    ArticleFactory(headline="Brouillon")

    page = admin_client.get(CHANGELIST_URL).content.decode()

    assert "programmé pour le 13 novembre 2031 à 9h07" in page
    assert page.count(">publié<") + page.count(">publié,") >= 1
    assert ">brouillon<" in page


def test_my_articles_filter_shows_the_articles_the_journalist_signs(client, journalist):
    mine = ArticleFactory(headline="Mon papier")
    BylineFactory(article=mine, person=journalist.person)
    ArticleFactory(headline="Le papier d’un collègue")
    client.force_login(journalist)

    page = client.get(f"{CHANGELIST_URL}?mine=1").content.decode()

    assert "Mon papier" in page
    assert "Le papier d’un collègue" not in page
    assert "Mes articles" in client.get(CHANGELIST_URL).content.decode()
