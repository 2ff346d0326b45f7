import pytest
from django.db import connection

from articles import body
from articles.models import Article, Person, Quote, Tag
from demo import cast
from dossiers.models import Dossier
from media.models import Photo

pytestmark = pytest.mark.slow


@pytest.fixture
def generated(db, run):
    output = run("generate_articles", "200", "--seed", "7", "--batch-size", "64")
    return output, Article.objects.filter(slug__startswith=cast.PREFIX)


def test_generates_the_requested_number_of_articles_in_sections(generated):
    output, articles = generated
    assert articles.count() == 200
    assert articles.filter(section__isnull=True).exists() is False
    assert "Generated 200 articles in" in output
    assert "200 / 200 articles" in output


def test_most_generated_articles_are_public_the_rest_drafts_or_scheduled(generated, now):
    _output, articles = generated
    public = articles.public().count()
    assert 180 <= public < 200
    hidden = articles.not_public()
    assert hidden.count() == 200 - public
    assert set(hidden.values_list("status", flat=True)) == {"draft", "published"}
    assert all(article.published_at > now for article in hidden.filter(status="published"))


def test_generated_bodies_are_clean_blocks_with_their_plain_text(generated):
    _output, articles = generated
    for article in articles:
        assert body.clean_blocks(article.body) == article.body
        assert article.body_text == body.plain_text(article.body)
        paragraphs = [block for block in article.body if block["type"] == "paragraph"]
        assert 6 <= len(paragraphs) <= 15
        assert 8 <= len(article.headline.split()) <= 25
        assert 25 <= len(article.standfirst.split()) <= 80


def test_generated_publication_times_span_many_years(generated):
    _output, articles = generated
    years = {article.published_at.year for article in articles.public()}
    assert max(years) - min(years) >= 15


def test_generated_articles_carry_bylines_tags_and_attributed_quotes(generated):
    _output, articles = generated
    assert articles.filter(bylines__isnull=True).exists() is False
    assert articles.filter(tags__isnull=True).exists() is False
    quotes = Quote.objects.filter(articles__in=articles).prefetch_related("articles")
    assert quotes.count() > 20
    for quote in quotes:
        (article,) = quote.articles.all()
        assert f"«{quote.text}»" in article.body_text
        assert quote.person.name in article.body_text


def test_generated_cast_has_the_announced_size(generated):
    assert Person.objects.filter(slug__startswith=cast.PREFIX).count() == cast.PEOPLE
    assert Tag.objects.filter(slug__startswith=cast.PREFIX).count() == cast.TAGS
    assert Dossier.objects.filter(slug__startswith=cast.PREFIX).count() == cast.DOSSIERS
    assert Photo.objects.count() == cast.PHOTOS


def test_running_again_adds_new_articles_and_reuses_the_cast(generated, run):
    _output, articles = generated
    before = (Person.objects.count(), Tag.objects.count(), Dossier.objects.count())

    run("generate_articles", "200", "--seed", "7")

    assert articles.count() == 400
    assert (Person.objects.count(), Tag.objects.count(), Dossier.objects.count()) == before
    assert Photo.objects.count() == cast.PHOTOS


def test_generation_keeps_the_planner_statistics_fresh_as_the_archive_grows(generated):
    # Without autovacuum, the quotes' triggers were planned for empty tables and each
    # batch took longer than the last (20 s for 1,000 articles at 30,000).
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reltuples FROM pg_class WHERE relname IN %s",
            [("articles_article", "articles_quote", "articles_snippetsource")],
        )
        counted = dict(cursor.fetchall())
    assert counted["articles_article"] >= 192  # as of the last batch that grew it by 10 %
    assert counted["articles_snippetsource"] >= 192
    assert counted["articles_quote"] > 20
