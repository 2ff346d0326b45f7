"""A headline in the archive opens the article: its preview in the admin for the newsroom,
and its page on the website, where readers find it."""

import datetime as dt
import re

from django.urls import reverse

from tests.dossiers.reference import publish_in
from tests.factories import SectionFactory


def test_a_headline_links_to_the_articles_preview_in_the_admin(archivist_client, reference_dossier):
    dossier, article = reference_dossier
    page = archivist_client.get(f"/dossiers/{dossier.slug}/").content.decode()
    preview = reverse("admin:articles_article_preview", args=[article.pk])
    assert f'<h3><a href="{preview}">{article.headline}</a></h3>' in page


def test_the_preview_a_headline_links_to_opens_for_an_archivist(
    archivist_client, reference_dossier
):
    dossier, article = reference_dossier
    page = archivist_client.get(f"/dossiers/{dossier.slug}/").content.decode()
    preview = re.search(r'<h3><a href="([^"]+)">', page).group(1)
    response = archivist_client.get(preview)
    assert response.status_code == 200
    assert article.headline in response.content.decode()


def test_an_entry_shows_the_articles_page_on_the_website(archivist_client, reference_dossier):
    dossier, article = reference_dossier
    page = archivist_client.get(f"/dossiers/{dossier.slug}/").content.decode()
    url = f"http://127.0.0.1:8000/europe/{article.slug}/"
    assert f'Sur le site\u00a0: <a href="{url}">{url}</a>' in page


def test_the_web_page_of_an_article_in_a_subsection_names_both_sections(
    archivist_client, reference_dossier
):
    dossier, _ = reference_dossier
    world = SectionFactory(name="Monde", slug="monde")
    section = SectionFactory(name="Afrique", slug="afrique", parent=world)
    publish_in(dossier, at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC), slug="a-dakar", section=section)
    page = archivist_client.get(f"/dossiers/{dossier.slug}/").content.decode()
    assert 'href="http://127.0.0.1:8000/monde/afrique/a-dakar/"' in page
