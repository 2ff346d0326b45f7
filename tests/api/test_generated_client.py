"""A client generated from the OpenAPI schema, as a front-end team would make one, reads
the reference article exactly as the API serves it."""

import importlib
import json
import subprocess
import sys

import httpx
import pytest
from django.core.management import call_command

from demo import REFERENCE_SLUG
from newsroom import response_cache

# The live server reads the demo from another connection; the data migrations' rows (the
# roles) are put back afterwards.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def generated_client(client, tmp_path):
    """The ``newsroom_client`` package openapi-python-client writes from /api/schema/."""
    schema = client.get("/api/schema/", {"format": "json"}).json()
    (tmp_path / "schema.json").write_text(json.dumps(schema), encoding="utf-8")
    (tmp_path / "config.yaml").write_text("post_hooks: []\n", encoding="utf-8")
    subprocess.run(  # noqa: S603 - our own interpreter and files
        [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            "--path",
            tmp_path / "schema.json",
            "--config",
            tmp_path / "config.yaml",
            "--meta",
            "none",
            "--output-path",
            tmp_path / "newsroom_client",
        ],
        check=True,
        capture_output=True,
    )
    sys.path.insert(0, str(tmp_path))
    yield importlib.import_module("newsroom_client")
    response_cache.cache.stop_listening()  # the live server's first API request started it
    sys.path.remove(str(tmp_path))
    for name in [name for name in sys.modules if name.startswith("newsroom_client")]:
        del sys.modules[name]


def test_generated_client_reads_the_reference_article_byte_for_byte(generated_client, live_server):
    call_command("load_demo", verbosity=0)
    retrieve = importlib.import_module("newsroom_client.api.v1.v1_articles_retrieve")
    models = importlib.import_module("newsroom_client.models")

    article = retrieve.sync(
        client=generated_client.Client(base_url=live_server.url), slug=REFERENCE_SLUG
    )
    served = httpx.get(f"{live_server.url}/api/v1/articles/{REFERENCE_SLUG}/").json()

    assert isinstance(article, models.ArticleDetail)
    assert article.headline == served["headline"]
    assert article.standfirst == served["standfirst"]
    assert [block.to_dict() for block in article.body] == served["body"]
    assert [type(block).__name__ for block in article.body] == [
        f"{block['type'].capitalize()}Block" for block in served["body"]
    ]
    assert article.to_dict() == served
