"""Two people editing the same article: the second to save is told, and nothing is lost."""

import threading

import pytest
from django.db import connection

from articles.models import Article
from tests.factories import ArticleFactory


def test_write_without_if_match_is_refused_with_428(editor, as_user, db):
    article = ArticleFactory()
    response = as_user(editor).patch(
        f"/api/v1/articles/{article.slug}/", {"kicker": "X"}, format="json"
    )
    assert response.status_code == 428
    assert "If-Match" in response.json()["detail"]


def test_stale_writer_gets_412_and_the_first_write_survives(editor, make_user, as_user, db):
    other_editor = make_user("editor", "eve")
    article = ArticleFactory(headline="Titre d’origine")
    first, second = as_user(editor), as_user(other_editor)
    etag = first.get(f"/api/v1/articles/{article.slug}/").headers["ETag"]
    assert second.get(f"/api/v1/articles/{article.slug}/").headers["ETag"] == etag

    saved = first.patch(
        f"/api/v1/articles/{article.slug}/",
        {"headline": "Titre de la première"},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    stale = second.patch(
        f"/api/v1/articles/{article.slug}/",
        {"headline": "Titre de la seconde"},
        format="json",
        HTTP_IF_MATCH=etag,
    )

    assert saved.status_code == 200
    assert saved.headers["ETag"] != etag
    assert stale.status_code == 412
    assert "edouard" in stale.json()["detail"]
    article.refresh_from_db()
    assert article.headline == "Titre de la première"
    assert article.revisions.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps the role groups
def test_two_concurrent_writers_exactly_one_wins(editor, make_user, as_user):
    """Both send the same If-Match at the same moment: the row lock lets one through."""
    other_editor = make_user("editor", "eve")
    article = ArticleFactory(headline="Titre d’origine")
    etag = as_user(editor).get(f"/api/v1/articles/{article.slug}/").headers["ETag"]
    results = {}
    barrier = threading.Barrier(2)

    def write(user, headline):
        try:
            barrier.wait()
            results[headline] = (
                as_user(user)
                .patch(
                    f"/api/v1/articles/{article.slug}/",
                    {"headline": headline},
                    format="json",
                    HTTP_IF_MATCH=etag,
                )
                .status_code
            )
        finally:
            connection.close()

    threads = [
        threading.Thread(target=write, args=(u, h))
        for u, h in [(editor, "Version A"), (other_editor, "Version B")]
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results.values()) == [200, 412]
    winner = next(h for h, code in results.items() if code == 200)
    article = Article.objects.get(pk=article.pk)
    assert article.headline == winner
    assert article.version == 2
    assert article.revisions.get().content["headline"] == winner


def test_if_match_of_another_article_is_refused(editor, as_user, db):
    article, other = ArticleFactory(), ArticleFactory()
    etag = as_user(editor).get(f"/api/v1/articles/{other.slug}/").headers["ETag"]
    response = as_user(editor).patch(
        f"/api/v1/articles/{article.slug}/", {"kicker": "X"}, format="json", HTTP_IF_MATCH=etag
    )
    assert response.status_code == 412
