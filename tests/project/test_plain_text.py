"""Plain text refuses markup by one rule (``newsroom.markup.reject_markup``), on every text
field people write, so the admin and the API both refuse it."""

import pytest
from django.apps import apps
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models

from newsroom.markup import reject_markup

# Text no one types in a form or an API body, or that a validator already holds to a shape.
NOT_PLAIN_TEXT = {
    "articles.Revision.note": "written by the verbs",
    "articles.RejectedSuggestion.text": "words the quote finder found in the body text",
    "articles.PublicCopy.detail": "stored JSON",
    "articles.PublicCopy.summary": "stored JSON",
    "articles.PublicCopy.etag": "a hash",
    "articles.PublicCopy.surrogate_keys": "spelt by newsroom.surrogate_keys",
    "articles.Person.wikidata_id": "Q and digits (WIKIDATA_ID)",
    "media.Rendition.box": "four numbers, computed",
}


def text_fields():
    for app in ("articles", "media", "dossiers"):
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.concrete_fields:
                base = field.base_field if isinstance(field, ArrayField) else field
                if (
                    isinstance(base, models.CharField | models.TextField)
                    and not isinstance(base, models.SlugField)
                    and field.editable
                    and not base.choices
                ):
                    yield f"{model._meta.label}.{field.name}", base


@pytest.mark.parametrize(("name", "field"), list(text_fields()), ids=lambda v: str(v))
def test_every_text_field_people_write_refuses_markup(name, field):
    if name in NOT_PLAIN_TEXT:
        assert reject_markup not in field.validators
    else:
        assert reject_markup in field.validators, f"{name} takes markup"


def test_the_fields_the_issue_names_are_walked():
    walked = {name for name, _ in text_fields()}
    assert {
        "articles.Person.name",
        "articles.Person.description",
        "articles.Person.aliases",
        "articles.Article.seo_title",
        "articles.Article.seo_description",
        "media.Photo.creator",
        "media.Photo.copyright_notice",
        "media.Photo.source",
        "media.Photo.place",
        "media.Photo.usage_terms",
        "media.Photo.caption",
        "media.Photo.credit",
        "media.Photo.alt_text",
        "articles.Quote.role",
        "articles.Quote.context",
        "articles.Quote.organisation",
        "articles.Quote.document",
        "articles.Tag.name",
        "dossiers.Dossier.title",
        "dossiers.Dossier.introduction",
        "articles.Section.name",
    } <= walked
    assert set(NOT_PLAIN_TEXT) <= walked  # no stale exemption


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("x <img src=x onerror=alert(1) ", "<img src=x onerror=alert(1)"),
        ("<b>gras</b>", "<b>"),
        ("fin </p", "</p"),
        ("<!-- commentaire", "<!-- commentaire"),
        ("<!DOCTYPE html>", "<!DOCTYPE html>"),
        ("<?php echo 1 ?>", "<?php echo 1 ?>"),
        ("<svg/onload=alert(1)>", "<svg/onload=alert(1)>"),
        ("a<script", "<script"),
    ],
)
def test_a_tag_start_closed_or_not_is_refused(text, tag):
    with pytest.raises(ValidationError) as refused:
        reject_markup(text)
    assert refused.value.code == "markup"
    assert refused.value.params == {"tag": tag}


@pytest.mark.parametrize(
    "text",
    [
        "3 < 5",
        "<3",
        "je t’aime <3 !",
        "a <= b, c<>d, x < y > z",
        "« < » et « > »",
        "<",
        "les températures < 0 °C",
        "flèche <- gauche",
        "<< ceci >>",
        "",
    ],
)
def test_ordinary_text_with_a_less_than_sign_is_taken(text):
    assert reject_markup(text) is None
