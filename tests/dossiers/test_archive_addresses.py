"""The archive's own pages (the search, the people suggestions) sit beside the dossiers'
timelines under /dossiers/: no dossier may take their address."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import resolve

from dossiers.models import ARCHIVE_PAGES, Dossier


@pytest.mark.parametrize("slug", sorted(ARCHIVE_PAGES))
def test_each_archive_page_is_served_before_a_dossier_of_that_slug(slug):
    assert resolve(f"/dossiers/{slug}/").url_name != "timeline"


@pytest.mark.parametrize("slug", sorted(ARCHIVE_PAGES))
def test_a_dossier_cannot_take_the_address_of_an_archive_page(slug):
    with pytest.raises(ValidationError) as refusal:
        Dossier(title="Recherche", slug=slug).full_clean()
    assert refusal.value.message_dict == {
        "slug": [f"«{slug}» est l’adresse d’une page des archives\u00a0: choisissez un autre slug."]
    }


def test_any_other_slug_is_taken(db):
    Dossier(title="Recherches spatiales", slug="recherches-spatiales").full_clean()
