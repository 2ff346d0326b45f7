"""/api/docs/ renders in a browser that may reach no other host: Swagger UI is ours."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_api_docs_render_with_every_other_host_blocked(live_server, page):
    elsewhere = []

    def only_ours(route):
        if route.request.url.startswith(live_server.url):
            return route.continue_()
        elsewhere.append(route.request.url)
        return route.abort()

    page.route("**/*", only_ours)
    page.goto(f"{live_server.url}/api/docs/")
    page.locator(".swagger-ui .info .title").wait_for()

    assert "Newsroom API" in page.locator(".swagger-ui .info .title").inner_text()
    assert page.locator(".opblock").count() > 10  # the operations, read from our schema
    assert elsewhere == []
