"""The archivists' pages are for archivists and editors only."""

import pytest

PAGES = [
    "/dossiers/",
    "/dossiers/{slug}/",
    "/dossiers/{slug}/completude/",
    "/dossiers/{slug}/export.csv",
    "/dossiers/{slug}/export.json",
    "/dossiers/recherche/",
    "/dossiers/recherche/export.csv",
    "/dossiers/recherche/export.json",
    "/dossiers/personnes/",
]


@pytest.mark.parametrize("page", PAGES)
def test_an_anonymous_visitor_is_sent_to_the_admin_login_page(client, reference_dossier, page):
    dossier, _ = reference_dossier
    url = page.format(slug=dossier.slug)
    response = client.get(url, {"q": "coreens"})
    assert response.status_code == 302
    assert response["Location"] == f"/admin/login/?next={url}%3Fq%3Dcoreens"


@pytest.mark.parametrize("page", PAGES)
def test_a_journalist_is_refused(login, journalist, reference_dossier, page):
    dossier, _ = reference_dossier
    response = login(journalist).get(page.format(slug=dossier.slug))
    assert response.status_code == 403


@pytest.mark.parametrize("role", ["archivist", "editor"])
@pytest.mark.parametrize("page", PAGES)
def test_archivists_and_editors_get_the_page_never_cached(
    login, make_user, reference_dossier, role, page
):
    dossier, _ = reference_dossier
    response = login(make_user(role)).get(page.format(slug=dossier.slug), {"q": "coreens"})
    assert response.status_code == 200
    assert set(response["Cache-Control"].replace(" ", "").split(",")) >= {"private", "no-store"}
