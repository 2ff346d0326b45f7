"""Editors and archivists file articles in dossiers in bulk, pin and reorder them."""

from dossiers.models import DossierEntry
from tests.factories import ArticleFactory, DossierEntryFactory, DossierFactory


def test_dossier_page_shows_only_pinned_entries_and_links_the_timeline(admin_client, db):
    dossier = DossierFactory(slug="guerre")
    DossierEntryFactory(dossier=dossier, article__headline="Épinglé", pin_position=1)
    DossierEntryFactory(dossier=dossier, article__headline="Ordinaire")
    page = admin_client.get(f"/admin/dossiers/dossier/{dossier.pk}/change/").content.decode()
    assert "Épinglé" in page
    assert "Ordinaire" not in page
    assert "/dossiers/guerre/" in page


def test_entries_list_unpins_in_bulk(admin_client, db):
    entry = DossierEntryFactory(pin_position=2)
    response = admin_client.post(
        "/admin/dossiers/dossierentry/",
        {"action": "unpin", "_selected_action": [entry.pk]},
        follow=True,
    )
    assert response.status_code == 200
    entry.refresh_from_db()
    assert entry.pin_position is None


def test_entries_list_takes_articles_out_in_bulk(admin_client, db):
    dossier = DossierFactory()
    entries = [DossierEntryFactory(dossier=dossier, article=ArticleFactory()) for _ in range(3)]
    admin_client.post(
        "/admin/dossiers/dossierentry/",
        {
            "action": "delete_selected",
            "_selected_action": [e.pk for e in entries[:2]],
            "post": "yes",
        },
    )
    assert list(DossierEntry.objects.filter(dossier=dossier)) == [entries[2]]


def test_articles_are_filed_in_a_dossier_in_bulk_from_the_article_list(admin_client, db):
    dossier = DossierFactory(title="Guerre")
    articles = [ArticleFactory() for _ in range(3)]
    admin_client.post(
        "/admin/articles/article/",
        {
            "action": "file_in_dossier",
            "dossier": dossier.pk,
            "_selected_action": [a.pk for a in articles[:2]],
        },
    )
    assert set(dossier.articles.all()) == set(articles[:2])
    admin_client.post(
        "/admin/articles/article/",
        {
            "action": "take_out_of_dossier",
            "dossier": dossier.pk,
            "_selected_action": [articles[0].pk],
        },
    )
    assert list(dossier.articles.all()) == [articles[1]]
