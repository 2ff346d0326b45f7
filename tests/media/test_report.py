"""The archivists' report: photos whose rights expire within 30 days, and photos missing a
caption, a credit or an alternative text. Staff who may view photos only."""

import datetime as dt

from tests.factories import PhotoFactory

URL = "/photos/report/"


def listed(response, name) -> list[int]:
    return [row["photo"].pk for row in response.context[name]]


def test_anonymous_visitor_is_sent_to_the_login_page(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/photos/report/"


def test_reader_without_newsroom_role_is_refused(client, make_user):
    client.force_login(make_user(None))

    assert client.get(URL).status_code == 403


def test_archivist_sees_photos_whose_rights_expire_within_30_days(client, archivist, now):
    soon = PhotoFactory(rights_expire_at=now + dt.timedelta(days=3))
    sooner = PhotoFactory(rights_expire_at=now + dt.timedelta(hours=2))
    PhotoFactory(rights_expire_at=now + dt.timedelta(days=31))
    PhotoFactory(rights_expire_at=now - dt.timedelta(hours=1))
    PhotoFactory(rights_expire_at=None)
    client.force_login(archivist)

    response = client.get(URL)

    assert response.status_code == 200
    assert listed(response, "expiring") == [sooner.pk, soon.pk]
    assert response["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"


def test_archivist_sees_photos_missing_caption_credit_or_alt_text(client, archivist, now):
    no_caption = PhotoFactory(caption="  ")
    no_credit = PhotoFactory(credit="")
    no_alt_and_credit = PhotoFactory(alt_text="", credit="")
    PhotoFactory()  # complete
    PhotoFactory(credit="", rights_expire_at=now - dt.timedelta(days=1))  # expired: irrelevant
    client.force_login(archivist)

    response = client.get(URL)

    rows = {
        row["photo"].pk: [str(name) for name in row["missing"]]
        for row in response.context["incomplete"]
    }
    assert rows == {
        no_caption.pk: ["caption"],
        no_credit.pk: ["credit"],
        no_alt_and_credit.pk: ["credit", "alternative text"],
    }
    html = response.content.decode()
    assert f'data-photo="{no_credit.pk}"' in html
    assert f'href="/admin/media/photo/{no_credit.pk}/change/"' in html


def test_editor_sees_the_report_too(client, editor):
    client.force_login(editor)

    assert client.get(URL).status_code == 200
