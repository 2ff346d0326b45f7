"""The admin speaks as the newsroom's tool: its own name, working links to the archive,
the photo report and the API documentation, which loads without internet."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_admin_is_named_for_the_publication_not_django(editor, admin_user, settings):
    page = client_for(admin_user).get("/admin/").content.decode()
    for english in ("Administration de Django", "Task Results", "Tasks Database Backend"):
        assert english not in page
    assert "Tâches de fond" in page
    page = client_for(editor).get("/admin/").content.decode()
    assert f"{settings.PUBLICATION_NAME} : la rédaction" in page
    assert f'href="{settings.SITE_URL}/"' in page  # «Voir le site»


def test_admin_links_lead_to_working_newsroom_pages(archivist):
    client = client_for(archivist)
    page = client.get("/admin/").content.decode()
    links = re.findall(r'href="(/(?:dossiers|photos|api)/[^"]*)"', page)
    assert {"/dossiers/", "/photos/report/", "/api/docs/"} <= set(links)
    for link in set(links):
        assert client.get(link).status_code == 200, link


def test_journalist_sees_no_link_to_pages_they_may_not_open(journalist):
    page = client_for(journalist).get("/admin/").content.decode()
    assert 'href="/dossiers/"' not in page
    assert 'href="/photos/report/"' in page  # journalists may view photos


def test_view_site_leads_to_the_archive_or_the_public_api(client, archivist, journalist):
    assert client_for(archivist).get("/").url == "/dossiers/"
    assert client_for(journalist).get("/").url == "/api/v1/"
    assert client.get("/").url == "/api/v1/"


def test_api_docs_load_swagger_ui_from_our_own_static_files(client, db):
    page = client.get("/api/docs/").content.decode()
    scripts = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
    assert scripts
    assert not [url for url in scripts if url.startswith(("http:", "https:", "//"))]
    assert any("swagger-ui" in url for url in scripts)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/articles/article/?status=%00",
        "/admin/articles/quote/?kind=%00",
        "/admin/articles/article/?q=%00",
        "/admin/autocomplete/?term=%00&app_label=articles&model_name=quote&field_name=person",
    ],
)
def test_a_nul_in_an_admin_query_parameter_is_a_400_not_a_500(editor, url):
    response = client_for(editor).get(url)
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_browsers_get_the_papers_mark_as_favicon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")


def test_a_roles_permissions_are_named_in_french_for_every_app(admin_client):
    editors = Group.objects.get(name="Éditeurs")
    page = admin_client.get(f"/admin/auth/group/{editors.pk}/change/").content.decode()

    assert "Administration | entrée d’historique | peut voir" in page  # Django's own app
    assert "Articles | article | peut ajouter" in page
    assert "Can add" not in page
