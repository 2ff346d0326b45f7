"""The admin answers input no form expects (markup in plain text, NUL in a filter, a
revision that cannot come back) with a form error or a message, never a 500, and saves
nothing."""

import pytest

from articles.models import Person, Section, Tag
from dossiers.models import Dossier

UNCLOSED_TAG = "x <img src=x onerror=alert(1) "


@pytest.fixture
def admin_client(client, editor):
    client.force_login(editor)
    return client


@pytest.mark.parametrize(
    ("url", "data", "field", "model"),
    [
        (
            "/admin/articles/section/add/",
            {"name": UNCLOSED_TAG, "slug": "s", "position": 0},
            "name",
            Section,
        ),
        (
            "/admin/articles/tag/add/",
            {"name": UNCLOSED_TAG, "slug": "t", "kind": "topic"},
            "name",
            Tag,
        ),
        (
            "/admin/articles/person/add/",
            {"name": "Paul", "slug": "p", "description": UNCLOSED_TAG},
            "description",
            Person,
        ),
        (
            "/admin/dossiers/dossier/add/",
            {"title": "D", "slug": "d", "introduction": UNCLOSED_TAG},
            "introduction",
            Dossier,
        ),
    ],
)
def test_markup_in_a_plain_text_field_is_a_form_error(admin_client, url, data, field, model):
    response = admin_client.post(url, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors[field] == [
        "Le HTML n’est pas permis ici\xa0: retirez les balises (<img src=x onerror=alert(1))."
    ]
    assert not model.objects.filter(slug=data["slug"]).exists()
