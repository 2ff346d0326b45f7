"""The Wagtail peer's side of the benchmark, without Wagtail: the generated articles are
exported whole, under the names the peer's NewsPage and its loader use; the side by side
table reads Newsroom ÷ Wagtail. One test needs var/wagtail-venv (made by the benchmark)
and is skipped without it."""

import json
import re
import subprocess

import pytest
from django.utils import timezone

from articles.models import Article, Person, Quote
from bench import peer_export, report, side_by_side, wagtail
from bench.wrk import Load
from demo import volume

PAGE_FIELDS = {"slug", "title", "first_published_at", "last_published_at", "live"}


@pytest.fixture
def exported(db, tmp_path):
    volume.generate(60, seed=3, batch_size=25)
    path = tmp_path / "articles.jsonl"
    count = peer_export.export(path)
    return count, [json.loads(line) for line in path.read_text().splitlines()]


def test_every_generated_article_is_exported_with_what_a_reader_sees(exported):
    count, lines = exported
    articles = peer_export.generated().order_by("pk")
    public = set(Article.objects.public().values_list("slug", flat=True))

    assert count == len(lines) == articles.count() == 60
    for line, article in zip(lines, articles, strict=True):
        assert tuple(line) == peer_export.FIELDS
        assert line["slug"] == article.slug
        assert line["title"] == article.headline
        assert (line["kicker"], line["standfirst"]) == (article.kicker, article.standfirst)
        assert line["section"] == article.section.name
        assert line["tags"] == sorted(article.tags.values_list("name", flat=True))
        assert line["bylines"] == ", ".join(
            article.bylines.order_by("position").values_list("person__name", flat=True)
        )
        assert line["live"] is (article.slug in public)
        if article.published_at:
            assert line["last_published_at"] == article.published_at.isoformat()
        if article.lead_photo:
            assert line["lead_photo_credit"] == article.lead_photo.credit
            assert line["lead_photo_caption"] == article.lead_photo.caption
        assert [(b["type"], b["value"]) for b in line["body"]] == [
            ("paragraph", f"<p>{b['html']}</p>")
            if b["type"] == "paragraph"
            else (b["type"], b["text"])
            for b in article.body
        ]


def test_the_summary_matches_what_the_peer_would_hold_after_loading_the_export(exported):
    _count, lines = exported

    assert peer_export.summary() == (
        len(lines),
        sum(line["live"] for line in lines),
        lines[0]["slug"],
        lines[-1]["slug"],
    )


def test_drafts_and_scheduled_articles_are_exported_but_not_live(exported):
    _count, lines = exported
    hidden = peer_export.generated().not_public()

    assert hidden.exists()
    assert {line["slug"] for line in lines if not line["live"]} == set(
        hidden.values_list("slug", flat=True)
    )
    scheduled = hidden.filter(published_at__gt=timezone.now())
    assert all(
        not line["live"]
        for line in lines
        if line["slug"] in set(scheduled.values_list("slug", flat=True))
    )


def test_the_export_the_newspage_and_its_loader_name_the_same_fields():
    loader = (wagtail.PEER_DIR / "news/management/commands/load_articles.py").read_text()

    assert (
        set(peer_export.FIELDS) - PAGE_FIELDS
        == wagtail.fields_of_peer()
        == {
            "kicker",
            "standfirst",
            "body",
            "lead_photo_caption",
            "lead_photo_credit",
            "section",
            "tags",
            "bylines",
            "signature",
        }
    )
    assert set(re.findall(r'item\["(\w+)"\]', loader)) == set(peer_export.FIELDS)


def test_body_cards_become_the_peers_stream_blocks_or_are_left_out():
    quote = Quote(pk=5, text="Nous tiendrons.", person=Person(name="Ana Roy"), role="maire")

    blocks = [
        {"type": "quote", "quote": 5},
        {"type": "list", "items": ["un", "<em>deux</em>"]},
        {"type": "blockquote", "paragraphs": ["Dit."]},
        {"type": "photo", "photo": 3},
        {"type": "related", "article": 9},
    ]

    assert [peer_export._block(b, {5: quote}) for b in blocks] == [
        {
            "type": "quote",
            "value": {"text": "Nous tiendrons.", "speaker": "Ana Roy", "role": "maire"},
        },
        {"type": "paragraph", "value": "<ul><li>un</li><li><em>deux</em></li></ul>"},
        {"type": "paragraph", "value": "<blockquote><p>Dit.</p></blockquote>"},
        None,
        None,
    ]


def test_the_peers_database_sits_beside_newsrooms_unless_named(monkeypatch):
    monkeypatch.delenv("BENCH_PEER_DATABASE_URL", raising=False)
    assert (
        wagtail.database_url("postgres://u@db:5432/news?sslmode=require")
        == "postgres://u@db:5432/news_wagtail_peer?sslmode=require"
    )
    monkeypatch.setenv("BENCH_PEER_DATABASE_URL", "postgres://u@other/peer")
    assert wagtail.database_url("postgres://u@db:5432/news") == "postgres://u@other/peer"


def test_the_side_by_side_table_shows_newsroom_over_wagtail_with_and_without_cache():
    request = side_by_side.Request("list, first page", ("/a/",), ("/b/",), target=100)
    loads = {
        "list, first page": {
            side_by_side.NEWSROOM_OFF: Load(2_000, 10.0, 5.0, 30.0, 0),
            side_by_side.NEWSROOM_ON: Load(40_000, 10.0, 1.0, 4.0, 0),
            side_by_side.WAGTAIL_OFF: Load(100, 10.0, 90.0, 400.0, 3),
            side_by_side.WAGTAIL_ON: Load(20_000, 10.0, 2.0, 9.0, 0),
            side_by_side.FLOOR: Load(50_000, 10.0, 0.5, 3.0, 0),
        }
    }

    assert side_by_side.table([request], loads).splitlines()[2] == (
        "| list, first page | 200 req/s, p99 30 ms | 4,000 req/s, p99 4 ms "
        "| 10 req/s, p99 400 ms, **3 errors** | 2,000 req/s, p99 9 ms "
        "| 5,000 req/s, p99 3 ms | 20.0× (≥ 100×: **miss**) | 2.0× |"
    )


def test_a_peer_that_answered_nothing_is_beaten_by_at_least_newsrooms_requests_in_its_time():
    # At 1,000,000 articles the peer's list pages outlast gunicorn's 30 s timeout.
    newsroom, silent = Load(2_115, 15.0, 50.0, 400.0, 0), Load(0, 15.0, 0.0, 0.0, 32)

    assert side_by_side.ratio(newsroom, silent, 100) == "> 2,115× (none answered) (≥ 100×: pass)"
    assert side_by_side.ratio(Load(10, 15.0, 5, 9, 0), silent, 100) == (
        "> 10× (none answered) (≥ 100×: **miss**)"
    )


@pytest.mark.skipif(not wagtail.PYTHON.exists(), reason="no var/wagtail-venv (made by make bench)")
def test_the_peer_passes_its_checks_and_its_migrations_match_its_models():
    env = wagtail.environment("postgres://postgres@127.0.0.1:1/nowhere", cached=False)
    env["SECRET_KEY"] = "x" * 50

    for command in (["check"], ["makemigrations", "--check", "--dry-run", "news"]):
        done = subprocess.run(  # noqa: S603
            [str(wagtail.PYTHON), "manage.py", *command],
            cwd=wagtail.PEER_DIR,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_side_by_side_block_has_its_own_section_and_leaves_the_api_loads(tmp_path):
    docs = tmp_path / "benchmarks.md"
    report.write_block(docs, "100000", "api figures")

    for figures in ("first", "second"):
        report.write_block(
            docs, "100000", figures, heading=side_by_side.HEADING, marker=side_by_side.MARKER
        )

    assert docs.read_text() == (
        "# Benchmarks\n\n## API load\n\n"
        "<!-- api-load 100000 start -->\napi figures\n<!-- api-load 100000 end -->\n\n"
        "## Side by side with Wagtail\n\n"
        "<!-- side-by-side 100000 start -->\nsecond\n<!-- side-by-side 100000 end -->\n"
    )
