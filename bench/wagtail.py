"""The Wagtail peer (bench/wagtail_peer/): its own virtualenv under var/, its own database,
loaded with the articles Newsroom's generator made, served by the same gunicorn. Needs
Django set up (Newsroom's, to export the articles and create the peer's database).

``BENCH_PEER_DATABASE_URL`` names the peer's database; by default it is Newsroom's URL with
``_wagtail_peer`` after the database's name, created on the same server if missing.
"""

import ast
import hashlib
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import dj_database_url
import psycopg2
from django.db import connection

from bench.servers import BASE_DIR, Server

PEER_DIR = BASE_DIR / "bench" / "wagtail_peer"
REQUIREMENTS = PEER_DIR / "requirements.txt"
VENV = BASE_DIR / "var" / "wagtail-venv"
PYTHON = VENV / "bin" / "python"
STAMP = VENV / ".requirements"  # the hash of the requirements it was made from
APP = "peer.wsgi:application"
# What Newsroom's list entries carry (ArticleListSerializer), asked of Wagtail by name:
# its list shows only the title and meta otherwise.
LIST_FIELDS = (
    "kicker,standfirst,section,bylines,signature,lead_photo_caption,lead_photo_credit,"
    "last_published_at"
)
LIST = f"/api/v2/pages/?type=news.NewsPage&order=-first_published_at&limit=20&fields={LIST_FIELDS}"


def ensure_venv(say: Callable[[str], None]) -> None:
    """var/wagtail-venv with bench/wagtail_peer/requirements.txt, made again when they change."""
    wanted = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    if PYTHON.exists() and STAMP.exists() and STAMP.read_text() == wanted:
        return
    say(f"Wagtail peer: installing {REQUIREMENTS.relative_to(BASE_DIR)} into {_shown(VENV)}")
    if not PYTHON.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)  # noqa: S603
    pip = [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "-r", str(REQUIREMENTS)], check=True)  # noqa: S603
    STAMP.write_text(wanted)


def database_url(newsroom_url: str) -> str:
    if url := os.environ.get("BENCH_PEER_DATABASE_URL"):
        return url
    base, _, rest = newsroom_url.rpartition("/")
    name, question, query = rest.partition("?")
    return f"{base}/{name}_wagtail_peer{question}{query}"


def ensure_database(url: str) -> None:
    """Create the peer's database on Newsroom's server if it is not there."""
    name = dj_database_url.parse(url)["NAME"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')


def environment(url: str, *, cached: bool) -> dict[str, str]:
    """The peer's whole environment: nothing of Newsroom's settings leaks into it."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "peer.settings",
        "DATABASE_URL": url,
        "SECRET_KEY": os.environ.get("SECRET_KEY", ""),
        "ALLOWED_HOSTS": "127.0.0.1",
        "PEER_CACHE": "1" if cached else "0",
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def manage(url: str, *args: str) -> None:
    subprocess.run(  # noqa: S603 - a fixed argument list, no shell
        [str(PYTHON), "manage.py", *args],
        cwd=PEER_DIR,
        env=environment(url, cached=False),
        check=True,
    )


def prepare(say: Callable[[str], None], newsroom_url: str, work_dir: Path) -> str:
    """The venv, the database, its tables, the generated articles; the peer's URL."""
    from bench import peer_export  # loads Newsroom's models: Django is set up by now

    ensure_venv(say)
    url = database_url(newsroom_url)
    ensure_database(url)
    manage(url, "migrate", "--no-input", "--verbosity=0")
    if _summary(url) == peer_export.summary():
        say("Wagtail peer: the generated articles are loaded already")
        return url
    exported = work_dir / "peer-articles.jsonl"
    say(f"Wagtail peer: {peer_export.export(exported):,} generated articles exported")
    manage(url, "load_articles", str(exported))
    return url


def _summary(url: str) -> tuple[int, int, str | None, str | None]:
    """What the peer holds, as ``peer_export.summary()`` tells Newsroom's."""
    with _connect(url) as db, db.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), count(*) FILTER (WHERE p.live), min(p.path), max(p.path)"
            " FROM wagtailcore_page p JOIN news_newspage n ON n.page_ptr_id = p.id"
        )
        count, live, first, last = cursor.fetchone()
        cursor.execute(
            "SELECT path, slug FROM wagtailcore_page WHERE path = ANY(%s)", [[first, last]]
        )
        slugs = dict(cursor.fetchall())
    db.close()
    return count, live, slugs.get(first), slugs.get(last)


def server(url: str, *, cached: bool, log: Path, workers: int) -> Server:
    env = environment(url, cached=cached)
    return Server(APP, env=env, log=log, workers=workers, python=str(PYTHON), chdir=PEER_DIR)


def page_ids(url: str, slugs: list[str]) -> list[int]:
    """The peer's page ids of these articles, in the same order."""
    with _connect(url) as db, db.cursor() as cursor:
        cursor.execute("SELECT slug, id FROM wagtailcore_page WHERE slug = ANY(%s)", [slugs])
        ids = dict(cursor.fetchall())
    db.close()
    return [ids[slug] for slug in slugs]


def live_count(url: str) -> int:
    with _connect(url) as db, db.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM wagtailcore_page p JOIN news_newspage n ON n.page_ptr_id = p.id"
            " WHERE p.live"
        )
        (count,) = cursor.fetchone()
    db.close()
    return count


def deep_list(url: str, share: float = 0.95) -> str:
    """The list page ``share`` of the way back, by offset (Wagtail's only way to page)."""
    return f"{LIST}&offset={int(live_count(url) * share)}"


def _connect(url: str):
    db = dj_database_url.parse(url)
    return psycopg2.connect(
        dbname=db["NAME"],
        user=db["USER"] or None,
        password=db["PASSWORD"] or None,
        host=db["HOST"] or None,
        port=db["PORT"] or None,
    )


def _shown(path: Path) -> str:
    return str(path.relative_to(BASE_DIR))


def fields_of_peer() -> set[str]:
    """The field names NewsPage declares, read from its source (no Wagtail needed)."""
    tree = ast.parse((PEER_DIR / "news" / "models.py").read_text())
    page = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "NewsPage")
    return {
        target.id
        for node in page.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name) and target.id != "api_fields"
    }
