"""API fuzzing (issue 9): schemathesis generates requests from the project's own OpenAPI document and
sends them to the WSGI application, as a prosecutor, as a lawyer and as a judge. No request may cause a server
error, and every documented response must match its schema.

The requests go through the whole WSGI stack (every middleware, the API's authentication and error handlers)
in this thread, inside the test's transaction, which is rolled back afterwards: no live server and no flush of
every table after each operation, which cost the PostgreSQL pass minutes. Each request's commit callbacks run
when it returns, as they would after a committed request.

LENIENCY_FUZZ_EXAMPLES sets the examples per operation (6 in the suite); with LENIENCY_FUZZ_LOG=FILE every
example appends a JSON line (operation, status codes) to FILE, which bench/api_fuzzing.py counts."""

import json
import os

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from leniency.accounts.models import ApiToken
from leniency.api import api
from leniency.testing.shared_db import kept_for_the_module

pytestmark = pytest.mark.django_db

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
EXAMPLES = int(os.environ.get("LENIENCY_FUZZ_EXAMPLES", "6"))
LOG = os.environ.get("LENIENCY_FUZZ_LOG")


# The document the API serves at /api/openapi.json, built in-process (schemathesis's lazy fixture loader does
# not run under pytest 9).
schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/"))


@pytest.fixture(scope="module")
def module_tokens(django_db_setup, django_db_blocker):
    """The personas' world, built once for the module's 79 operations (leniency/testing/shared_db.py): each test
    runs in its own savepoint, so every operation starts from this same world, whatever the one before wrote."""
    from leniency.testing.personas import build_world

    with kept_for_the_module(django_db_blocker):
        world = build_world()
        yield [ApiToken.issue(user, "fuzz")[1] for user in (world.prosecutor, world.lawyer, world.judge)]


@pytest.fixture
def tokens(module_tokens, db):
    """A prosecutor, the assigned lawyer and a judge: each sees different objects, so each can fail differently."""
    return module_tokens


@pytest.fixture
def app():
    """Django's WSGI application, what leniency/wsgi.py serves (built here without importing that module, which
    would set Django up a second time, logging included). Django closes a connection that is not in autocommit
    when a request starts or finishes, which would end the test's transaction: as Django's test client does, the
    requests here leave the connection open."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield WSGIHandler()
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


# The same examples on every run (derandomize), so CI answers for the code, not for the draw; set
# LENIENCY_FUZZ_RANDOM=1 to explore new inputs (that is how the NUL-character 500 on PostgreSQL was found).
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=os.environ.get("LENIENCY_FUZZ_RANDOM") != "1",
)
def test_no_server_errors_and_no_schema_violations(case, tokens, app, django_capture_on_commit_callbacks):
    statuses = []
    try:
        for token in tokens:
            headers = {"Authorization": f"Bearer {token}"}
            with django_capture_on_commit_callbacks(execute=True):
                response = case.call(app=app, headers=headers)
            statuses.append(response.status_code)
            case.validate_response(response, checks=CHECKS, headers=headers)
    finally:
        if LOG:
            with open(LOG, "a") as log:
                log.write(json.dumps({"operation": case.operation.label, "statuses": statuses}) + "\n")
