from django.db import connection
from django.test.utils import CaptureQueriesContext

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

    # Session, user, count, articles, their bylines, two for the date hierarchy, and the
    # section and language filters.
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
