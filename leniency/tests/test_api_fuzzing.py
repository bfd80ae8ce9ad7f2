"""API fuzzing (issue 9): schemathesis generates requests from the project's own OpenAPI document and
sends them to a live test server as a prosecutor and as a lawyer. No request may cause a server error,
and every documented response must match its schema."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from leniency.accounts.models import ApiToken
from leniency.api import api

pytestmark = pytest.mark.django_db(transaction=True)

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


# The document the API serves at /api/openapi.json, built in-process (schemathesis's lazy fixture loader does
# not run under pytest 9); the requests themselves go to the live server.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/"))


@pytest.fixture
def tokens(world):
    """A prosecutor, the assigned lawyer and a judge: each sees different objects, so each can fail differently."""
    return [ApiToken.issue(user, "fuzz")[1] for user in (world.prosecutor, world.lawyer, world.judge)]


@schema.parametrize()
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors_and_no_schema_violations(case, tokens, live_server):
    for token in tokens:
        case.call_and_validate(base_url=live_server.url, headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)
