from articles.models import Article


def test_published_article_is_public(published_article):
    assert list(Article.objects.public()) == [published_article]


def test_draft_is_not_public(db):
    from tests.factories import ArticleFactory

    ArticleFactory()
    assert Article.objects.public().count() == 0
