"""Every write operation of the API, taken from its own OpenAPI document, answers bad bodies without a 500
(issue 20): a body over the limit gets 413, a date-time without a time-zone offset gets 422 naming its field.
New operations are covered as they are added."""

import json
import re

import pytest
from django.conf import settings
from django.test import Client

from leniency.accounts.models import ApiToken
from leniency.api import api

SCHEMA = api.get_openapi_schema(path_prefix="/api/")
COMPONENTS = SCHEMA["components"]["schemas"]
WRITES = [
    (method.upper(), path, operation)
    for path, operations in SCHEMA["paths"].items()
    for method, operation in operations.items()
    if method in ("post", "put", "patch")
]
NAIVE = "2026-11-02T10:30:00"  # no offset: which zone was meant?


def _resolve(schema):
    while "$ref" in schema:
        schema = COMPONENTS[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _datetime_fields(operation) -> list[str]:
    body = operation.get("requestBody", {}).get("content", {}).get("application/json")
    if body is None:
        return []
    properties = _resolve(body["schema"]).get("properties", {})
    return [
        name
        for name, prop in properties.items()
        if any(_resolve(p).get("format") == "date-time" for p in [prop, *prop.get("anyOf", [])])
    ]


def _url(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", path)


@pytest.fixture
def client(world):
    _, key = ApiToken.issue(world.prosecutor, "bad bodies")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def test_the_document_has_write_operations_and_date_times_to_check():
    assert len(WRITES) >= 20
    assert sum(len(_datetime_fields(op)) for _, _, op in WRITES) >= 3


@pytest.mark.django_db
def test_every_write_operation_answers_an_oversized_body_with_413(client):
    body = json.dumps({"text": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1024)})
    answers = {
        f"{method} {path}": client.generic(
            method, _url(path), body, content_type="application/json"
        ).status_code
        for method, path, _ in WRITES
    }
    assert set(answers.values()) == {413}, answers


@pytest.mark.django_db
def test_every_date_time_in_a_request_body_needs_its_offset(client):
    checked = []
    for method, path, operation in WRITES:
        for field in _datetime_fields(operation):
            response = client.generic(
                method, _url(path), json.dumps({field: NAIVE}), content_type="application/json"
            )
            assert response.status_code == 422, (method, path, field, response.content)
            errors = {e["field"]: e["message"] for e in response.json()["errors"]}
            assert "timezone" in errors.get(field, ""), (method, path, field, errors)
            checked.append(f"{path} {field}")
    assert len(checked) >= 3, checked
