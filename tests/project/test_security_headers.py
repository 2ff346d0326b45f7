"""Pages carry a strict Content-Security-Policy and a Permissions-Policy; the public data
(JSON, feeds), which the hot path and the workers' cache serve alike, carries neither."""

import pytest


def policy_of(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict(part.strip().partition(" ")[::2] for part in header.split(";"))


@pytest.mark.parametrize("path", ["/admin/login/", "/api/docs/"])
def test_a_page_allows_only_its_own_and_its_nonced_scripts(client, db, path):
    response = client.get(path)
    policy = policy_of(response)
    assert policy["script-src"].startswith("'self'")
    assert "unsafe" not in response["Content-Security-Policy"]
    assert (policy["object-src"], policy["base-uri"], policy["frame-ancestors"]) == (
        "'none'",
        "'none'",
        "'none'",
    )
    assert "camera=()" in response["Permissions-Policy"]


def test_an_inline_script_s_nonce_is_the_one_the_policy_names(client, db):
    page = client.get("/api/docs/")
    nonce = page.content.decode().split('<style nonce="')[1].split('"')[0]
    assert f"'nonce-{nonce}'" in policy_of(page)["style-src"]


def test_the_api_docs_script_is_served_apart(client, db):
    page = client.get("/api/docs/").content.decode()
    assert "<script>" not in page
    script = client.get("/api/docs/", {"script": ""})
    assert script["Content-Type"].startswith("application/javascript")


def test_public_data_carries_no_page_policy(client, db):
    response = client.get("/api/v1/articles/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert "Permissions-Policy" not in response
