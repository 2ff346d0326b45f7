import pytest
from django.core.cache import cache

from newsroom.permissions import AuthThrottle, WriteThrottle


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_writes_are_throttled_per_user_but_reads_are_not(editor, as_user, monkeypatch, db):
    monkeypatch.setattr(WriteThrottle, "rate", "2/minute", raising=False)
    client = as_user(editor)
    codes = [
        client.post(
            "/api/v1/people/", {"slug": f"p-{n}", "name": f"P {n}"}, format="json"
        ).status_code
        for n in range(3)
    ]
    assert codes == [201, 201, 429]
    assert client.get("/api/v1/people/").status_code == 200


def test_token_requests_are_throttled(make_user, api, monkeypatch, db):
    monkeypatch.setattr(AuthThrottle, "rate", "2/minute", raising=False)
    make_user("journalist", "jade")
    wrong = {"username": "jade", "password": "devinette"}
    assert api.post("/api/v1/auth/token/", wrong, format="json").status_code == 400
    assert api.post("/api/v1/auth/token/", wrong, format="json").status_code == 400
    right = {"username": "jade", "password": "motdepasse-solide-42"}
    assert api.post("/api/v1/auth/token/", right, format="json").status_code == 429


def test_token_from_the_token_endpoint_authenticates(make_user, api, db):
    user = make_user("journalist", "jade")
    response = api.post(
        "/api/v1/auth/token/",
        {"username": "jade", "password": "motdepasse-solide-42"},
        format="json",
    )
    assert response.json()["token"] == user.auth_token.key
