"""The OpenAPI schema is the contract: every operation answers as it says, for the public
and for the newsroom, on the demo content (schemathesis, in-process over WSGI)."""

import pytest
import schemathesis
from django.core import signals
from django.core.management import call_command
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import response_schema_conformance

from demo import DOSSIER_SLUG, REFERENCE_SLUG
from newsroom import response_cache
from newsroom.wsgi import application

EXAMPLES_PER_OPERATION = 25


@pytest.fixture
def demo(db, settings):
    """The demo content, served in-process: the test's transaction must outlive each request
    (as Django's test client arranges), and schemathesis calls the host ``localhost``."""
    settings.ALLOWED_HOSTS = ["localhost"]
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    call_command("load_demo", verbosity=0)
    yield
    response_cache.cache.stop_listening()  # started by the first request
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def answers_as_documented(operation, headers: dict, answered: set):
    """A hypothesis test of one operation: the schema's examples first (they reach the
    demo's content), then generated requests."""
    strategy = operation.as_strategy()
    if from_examples := operation.get_strategies_from_examples():
        strategy = st.one_of(*from_examples, strategy)

    @given(case=strategy)
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
    )
    def check(case):
        response = case.call_and_validate(
            headers=headers, checks=[not_a_server_error, response_schema_conformance]
        )
        answered.add((case.method, case.formatted_path, response.status_code))

    return check


def conformance_failures(schema, reader, answered: set) -> list[str]:
    """Each operation's first failure, named by the operation; ``answered`` collects the
    method, path and status of every response. The newsroom's token is made anew for each
    operation, since the token endpoints revoke and rotate it."""
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        headers = {}
        if reader is not None:
            token, _ = Token.objects.get_or_create(user=reader)
            headers["Authorization"] = f"Token {token.key}"
        try:
            answers_as_documented(operation, headers, answered)()
        except (Exception, FailureGroup) as failure:
            found = getattr(failure, "exceptions", [failure])
            failures.append(f"{operation.method.upper()} {operation.path}: {found[0]}")
    return failures


@pytest.mark.parametrize("reader", ["anonymous", "newsroom"])
def test_every_operation_answers_as_the_schema_says(demo, make_user, reader):
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
    user = make_user("editor", "contrat") if reader == "newsroom" else None
    answered = set()
    failures = conformance_failures(schema, user, answered)
    assert not failures, "\n\n".join(failures)
    # The schema's examples lead schemathesis to the demo's content, not only to 404s.
    assert ("GET", f"/api/v1/articles/{REFERENCE_SLUG}/", 200) in answered
    assert ("GET", f"/api/v1/dossiers/{DOSSIER_SLUG}/articles/", 200) in answered
    assert ("GET", "/api/v1/people/vedant-patel/", 200) in answered
    suggested = ("POST", "/api/v1/quotes/suggestions/", 200 if user else 403)
    assert suggested in answered  # the reference paragraph, the request's example
