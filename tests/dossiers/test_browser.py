"""An archivist, in a real browser, finds the reference article and exports the search.

Drives Debian's Chromium (/usr/bin/chromium) with Playwright against pytest-django's live
server; skipped, with the reason, where either is missing. No browser is downloaded.
"""

import csv
import io
import shutil

import pytest

from tests.browser import CHROMIUM, PASSWORD
from tests.dossiers.reference import build_reference, publish_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_archivist_searches_filters_and_exports_the_reference_dossier(
    live_server, page, make_user, tmp_path
):
    import datetime as dt

    dossier, reference = build_reference()
    publish_in(dossier, at=dt.datetime(2024, 12, 1, tzinfo=dt.UTC), headline="Un autre front")
    archivist = make_user("archivist", "armelle")

    page.goto(f"{live_server.url}/dossiers/{dossier.slug}/")
    assert "/admin/login/" in page.url
    page.fill("#id_username", archivist.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"**/dossiers/{dossier.slug}/")
    assert page.locator("h1").inner_text().startswith("Guerre entre l'Ukraine et la Russie")
    assert page.locator("article.entry h3").count() == 2

    page.fill("input[name=q]", "coreens")
    page.click("button[type=submit]")
    page.wait_for_url("**q=coreens**")
    entries = page.locator("article.entry")
    assert entries.count() == 1
    assert entries.locator("h3").inner_text() == reference.headline
    marks = entries.locator("mark").all_inner_texts()
    assert "coréens" in marks

    page.fill("input[name=q]", "")
    page.fill("input[name=personne]", "Vedant Patel")
    page.click("button[type=submit]")
    page.wait_for_url("**personne=Vedant+Patel**")
    assert page.locator("article.entry h3").all_inner_texts() == [reference.headline]
    assert "Personne citée\u00a0: Vedant Patel" in page.locator("main").inner_text()

    with page.expect_download() as info:
        page.click("text=CSV")
    download = info.value
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    assert download.suggested_filename.startswith(f"dossier-{dossier.slug}-")
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert [row["headline"] for row in rows] == [reference.headline]
    assert rows[0]["photo_credit"] == reference.lead_photo.credit
    assert "Vedant Patel, porte-parole du département d’Etat américain" in rows[0]["quotes"]


def test_chromium_is_debians_not_a_downloaded_one():
    """The browser test must not depend on Playwright's own browser downloads."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium")
    assert shutil.which("chromium") == str(CHROMIUM)
