"""The newsroom reads the agency items (urgency, agency, version) in the admin; they are
the agency's record, which nobody edits by hand."""

import pytest
from django.test import Client

from tests.wire.conftest import SAMPLES
from wire.models import WireItem


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("role", "status"), [("journalist", 200), ("editor", 200), ("archivist", 403)]
)
def test_journalists_and_editors_read_the_agency_items(import_wire, make_user, role, status):
    import_wire(SAMPLES / "afp-newsml-g2.xml")

    response = logged_in(make_user(role)).get("/admin/wire/wireitem/")

    assert response.status_code == status
    if status == 200:
        assert "Guerre en Ukraine" in response.content.decode()  # the draft it became


def test_an_agency_item_is_read_only_even_for_an_editor(import_wire, make_user):
    import_wire(SAMPLES / "afp-newsml-g2.xml")
    item = WireItem.objects.get()

    page = logged_in(make_user("editor")).get(f"/admin/wire/wireitem/{item.pk}/change/")

    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
