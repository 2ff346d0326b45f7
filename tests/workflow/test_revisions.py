from articles import workflow
from articles.models import Article
from articles.revisions import compare


def test_every_save_keeps_a_revision_with_who_and_what(editor, as_user, db):
    client = as_user(editor)
    created = client.post(
        "/api/v1/articles/", {"slug": "rev", "headline": "Premier titre"}, format="json"
    )
    client.patch(
        "/api/v1/articles/rev/",
        {"headline": "Second titre"},
        format="json",
        HTTP_IF_MATCH=created.headers["ETag"],
    )
    article = Article.objects.get(slug="rev")
    assert [(r.version, r.created_by, r.content["headline"]) for r in article.revisions.all()] == [
        (2, editor, "Second titre"),
        (1, editor, "Premier titre"),
    ]


def test_restore_brings_back_the_body_exactly_as_a_new_revision(editor, as_user, db):
    body_v1 = [
        {"type": "paragraph", "html": "«Je peux confirmer» l’été\u00a0: <em>10 000</em> […]"},
        {"type": "intertitle", "text": "«Intégration» à l’armée russe"},
    ]
    client = as_user(editor)
    created = client.post(
        "/api/v1/articles/", {"slug": "rev", "headline": "T", "body": body_v1}, format="json"
    )
    client.patch(
        "/api/v1/articles/rev/",
        {"body": [{"type": "paragraph", "html": "Tout autre."}]},
        format="json",
        HTTP_IF_MATCH=created.headers["ETag"],
    )
    article = Article.objects.get(slug="rev")
    first = article.revisions.get(version=1)

    workflow.restore(article, first, by=editor)

    article.refresh_from_db()
    assert article.body == body_v1
    assert article.version == 3
    latest = article.revisions.first()
    assert (latest.version, latest.created_by, latest.note) == (3, editor, "version 1 restaurée")


def test_compare_shows_changed_fields_and_a_body_diff(editor, as_user, db):
    client = as_user(editor)
    created = client.post(
        "/api/v1/articles/",
        {
            "slug": "rev",
            "headline": "Avant",
            "body": [
                {"type": "paragraph", "html": "Ligne gardée."},
                {"type": "paragraph", "html": "Ligne ôtée."},
            ],
        },
        format="json",
    )
    client.patch(
        "/api/v1/articles/rev/",
        {
            "headline": "Après",
            "body": [
                {"type": "paragraph", "html": "Ligne gardée."},
                {"type": "paragraph", "html": "Ligne ajoutée."},
            ],
        },
        format="json",
        HTTP_IF_MATCH=created.headers["ETag"],
    )
    article = Article.objects.get(slug="rev")
    rows = compare(article.revisions.get(version=1), article.revisions.get(version=2))
    assert [row["field"] for row in rows] == ["headline", "body"]
    assert "-Ligne ôtée." in rows[1]["diff"]
    assert "+Ligne ajoutée." in rows[1]["diff"]
    assert " Ligne gardée." in rows[1]["diff"]
