import datetime as dt

from articles import workflow
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    CorrectionFactory,
    DossierEntryFactory,
    PhotoFactory,
    QuoteFactory,
    SectionFactory,
)

HEADLINE = "Guerre avec l’Ukraine\u00a0: des Nord-Coréens «engagés» […]"


def test_detail_carries_every_field_with_text_unchanged(api, make_published, settings):
    europe = SectionFactory(
        name="Europe", slug="europe", parent=SectionFactory(slug="international")
    )
    photo = PhotoFactory(caption="Des soldats à l'entraînement.", credit="AFP", alt_text="Soldats")
    article = make_published(
        headline=HEADLINE,
        kicker="Conflit",
        standfirst="Le 12\u00a0novembre, «plus de 10\u00a0000 soldats».",
        section=europe,
        lead_photo=photo,
        at=dt.datetime(2024, 11, 13, 8, 7, tzinfo=dt.UTC),
        body=[
            {"type": "paragraph", "html": "Un <em>premier</em> paragraphe, 10 000 soldats."},
            {"type": "intertitle", "text": "«Intégration» à l’armée russe"},
        ],
    )
    BylineFactory(article=article, person__name="Anne Autrice", position=1)
    BylineFactory(article=article, person__name="Bruno Auteur", position=0)
    QuoteFactory(
        text="«Je peux confirmer»", person__name="Vedant Patel", role="porte-parole"
    ).articles.add(article)
    DossierEntryFactory(article=article, dossier__title="Guerre entre l'Ukraine et la Russie")
    CorrectionFactory(article=article, text="Une date corrigée.")

    data = api.get(f"/api/v1/articles/{article.slug}/").json()

    assert data["headline"] == HEADLINE
    assert data["standfirst"] == "Le 12\u00a0novembre, «plus de 10\u00a0000 soldats»."
    assert data["kicker"] == "Conflit"
    assert data["id"] == str(article.public_id)
    assert data["published_at"] == "2024-11-13T09:07:00+01:00"
    assert data["first_published_at"] == "2024-11-13T09:07:00+01:00"
    assert data["section"] == {
        "slug": "europe",
        "name": "Europe",
        "parent": "international",
        "position": 0,
    }
    assert [a["name"] for a in data["authors"]] == ["Bruno Auteur", "Anne Autrice"]
    assert data["body"] == [
        {"type": "paragraph", "html": "Un <em>premier</em> paragraphe, 10 000 soldats."},
        {"type": "intertitle", "text": "«Intégration» à l’armée russe"},
    ]
    assert data["lead_photo"]["caption"] == "Des soldats à l'entraînement."
    assert data["lead_photo"]["credit"] == "AFP"
    assert data["lead_photo"]["alt_text"] == "Soldats"
    assert data["lead_photo"]["url"] is None  # no rendition yet, and the original is not public
    assert data["quotes"][0]["person"]["name"] == "Vedant Patel"
    assert data["quotes"][0]["role"] == "porte-parole"
    assert data["dossiers"][0]["title"] == "Guerre entre l'Ukraine et la Russie"
    assert data["corrections"][0]["text"] == "Une date corrigée."


def test_article_caption_overrides_the_photo_caption_but_never_the_credit(api, make_published):
    photo = PhotoFactory(caption="Légende de la photothèque.", credit="Reuters")
    article = make_published(lead_photo=photo, lead_photo_caption="Légende propre à l’article.")
    lead = api.get(f"/api/v1/articles/{article.slug}/").json()["lead_photo"]
    assert (lead["caption"], lead["credit"]) == ("Légende propre à l’article.", "Reuters")


def test_photo_whose_rights_expired_is_no_longer_served(api, make_published, now):
    photo = PhotoFactory(rights_expire_at=now - dt.timedelta(minutes=1))
    article = make_published(lead_photo=photo)
    assert api.get(f"/api/v1/articles/{article.slug}/").json()["lead_photo"] is None
    assert api.get(f"/api/v1/photos/{photo.pk}/").status_code == 404


def test_related_block_pointing_at_a_draft_is_left_out(api, make_published):
    draft = ArticleFactory(headline="Brouillon secret")
    public = make_published(headline="Article public")
    article = make_published(
        body=[
            {"type": "paragraph", "html": "Texte."},
            {"type": "related", "article": draft.pk},
            {"type": "related", "article": public.pk},
        ]
    )
    body = api.get(f"/api/v1/articles/{article.slug}/").json()["body"]
    assert [block["type"] for block in body] == ["paragraph", "related"]
    assert body[1]["article"]["headline"] == "Article public"


def test_list_is_newest_first_with_cursor_links(api, make_published, now):
    for hours in (3, 1, 2):
        make_published(slug=f"il-y-a-{hours}h", at=now - dt.timedelta(hours=hours))
    first = api.get("/api/v1/articles/?page_size=2").json()
    assert [a["slug"] for a in first["results"]] == ["il-y-a-1h", "il-y-a-2h"]
    second = api.get(first["next"]).json()
    assert [a["slug"] for a in second["results"]] == ["il-y-a-3h"]
    assert second["next"] is None


def test_scheduled_article_appears_at_its_second(api, db, now):
    article = ArticleFactory()
    workflow.publish(article, by=None, at=now, when=now + dt.timedelta(hours=2))
    assert api.get(f"/api/v1/articles/{article.slug}/").status_code == 404
    article.refresh_from_db()
    from articles.models import Article

    assert Article.objects.public(at=article.published_at - dt.timedelta(seconds=1)).count() == 0
    assert list(Article.objects.public(at=article.published_at)) == [article]
