"""The archivists' pages answer input no link gives (NUL, odd offsets, forged cursors)
with a 400 that says why, never a 500."""

import base64
import datetime as dt

import pytest

from dossiers import timeline


def forged(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


@pytest.mark.parametrize("page", ["", "export.csv", "export.json"])
@pytest.mark.parametrize(
    "params",
    [
        {"q": "\x00"},
        {"personne": "\x00"},
        {"du": "\x00"},
        {"au": "2024-11-13T09:07:00+16:00"},
        {"tri": "\x00"},
    ],
)
def test_nul_or_a_datetime_in_a_filter_is_a_400(archivist_client, dossier, page, params):
    response = archivist_client.get(f"/dossiers/{dossier.slug}/{page}", params)
    assert response.status_code == 400


@pytest.mark.parametrize("page", ["", "completude/"])
@pytest.mark.parametrize(
    "cursor",
    [
        "\x00",
        forged("2024-11-13T09:07:00+16:00|1"),
        forged(f"2024-11-13T09:07:00+01:00|{2**70}"),
        forged("2024-11-13T09:07:00+01:00|\x00"),
        forged("2024-11-13T09:07:00+01:00|-1"),
    ],
)
def test_a_forged_cursor_is_a_400_not_a_500(archivist_client, dossier, page, cursor):
    response = archivist_client.get(f"/dossiers/{dossier.slug}/{page}", {"apres": cursor})
    assert response.status_code == 400
    assert response.content.decode().startswith("Ce lien de page n’est pas valide")


def test_a_cursor_as_given_is_taken(archivist_client, dossier):
    cursor = timeline.Cursor(dt.datetime(2024, 11, 13, 9, 7, tzinfo=dt.UTC), 2**31 - 1)
    response = archivist_client.get(f"/dossiers/{dossier.slug}/", {"apres": cursor.encode()})
    assert response.status_code == 200
