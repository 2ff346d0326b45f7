"""An archivist, in a real browser, finds the reference article and exports the search.

Drives Debian's Chromium (/usr/bin/chromium) with Playwright against pytest-django's live
server; skipped, with the reason, where either is missing. No browser is downloaded.
"""

import csv
import datetime as dt
import io
import json
import os
import shutil
from pathlib import Path

import pytest

from articles import workflow
from articles.models import Person, Quote
from tests.browser import CHROMIUM, PASSWORD
from tests.dossiers.reference import build_reference, publish_in
from tests.factories import ArticleFactory, PhotoFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_archivist_searches_filters_and_exports_the_reference_dossier(
    live_server, page, make_user, tmp_path
):
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
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert [row["headline"] for row in rows] == [reference.headline]
    assert rows[0]["photo_credit"] == reference.lead_photo.credit
    assert "Vedant Patel, porte-parole du département d’Etat américain" in rows[0]["quotes"]


def log_in(page, live_server, path, user):
    page.goto(f"{live_server.url}{path}")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"**{path}")


def test_an_archivist_searches_the_whole_archive_by_part_of_a_name_and_exports_it(
    live_server, page, make_user, tmp_path
):
    dossier, reference = build_reference()
    elsewhere = ArticleFactory(headline="Hors de tout dossier", lead_photo=PhotoFactory())
    workflow.publish(elsewhere, by=None, at=dt.datetime(2025, 1, 6, 8, tzinfo=dt.UTC))
    Quote.objects.create(
        text="Les Etats-Unis restent vigilants.", person=Person.objects.get(slug="vedant-patel")
    ).articles.add(elsewhere)
    publish_in(dossier, at=dt.datetime(2024, 12, 1, tzinfo=dt.UTC), headline="Un autre front")
    archivist = make_user("archivist", "armelle")

    log_in(page, live_server, "/dossiers/", archivist)
    page.click("text=Rechercher dans toutes les archives")
    page.wait_for_url("**/dossiers/recherche/")
    box = page.locator("input[name=personne]")
    box.press_sequentially("pate")
    page.locator("#people-suggestions option").first.wait_for(state="attached")
    options = page.locator("#people-suggestions option")
    assert [options.nth(i).get_attribute("value") for i in range(options.count())] == [
        "Vedant Patel"
    ]
    page.click("button[type=submit]")
    page.wait_for_url("**personne=pate**")
    main = page.locator("main").inner_text()
    assert "2 articles trouvés" in main
    assert "Personne citée\u00a0: Vedant Patel" in main
    headlines = page.locator("article.entry h3").all_inner_texts()
    assert headlines == ["Hors de tout dossier", reference.headline]
    months = page.locator("nav.months li li").all_inner_texts()
    assert months == ["janvier (1)", "novembre (1)"]
    if folder := os.environ.get("SCREENSHOTS"):
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / "archive-search.png"), full_page=True)

    with page.expect_download() as info:
        page.click("text=CSV")
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    assert info.value.suggested_filename.startswith("archives-")
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid;slug;")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert [row["headline"] for row in rows] == ["Hors de tout dossier", reference.headline]
    assert rows[1]["text"].startswith("De quoi corroborer les accusations ukrainiennes.")

    with page.expect_download() as info:
        page.click("text=JSON")
    data = json.loads(Path(info.value.path()).read_text())
    assert data["search"] == {"personne": "pate", "tri": "date"}
    assert [row["slug"] for row in data["articles"]] == [elsewhere.slug, reference.slug]

    page.click(f"text={reference.headline}")
    page.wait_for_url(f"**/admin/articles/article/{reference.pk}/preview/")


def test_chromium_is_debians_not_a_downloaded_one():
    """The browser test must not depend on Playwright's own browser downloads."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium")
    assert shutil.which("chromium") == str(CHROMIUM)
