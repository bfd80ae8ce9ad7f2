"""The API's contract beyond what the fuzzer checks: schema names are unique (django-ninja keys components by
class name, so two modules with a `ReviewIn` each would silently share one description), and text with a NUL
character is refused naming the field."""

import importlib
import inspect
import pkgutil
from collections import defaultdict

from django.apps import apps
from ninja import Schema


def test_schema_class_names_are_unique_across_the_api_modules():
    owners = defaultdict(set)
    for config in apps.get_app_configs():
        if not config.name.startswith("leniency."):
            continue
        # every API module of the app: api.py and the routers beside it (api_import.py, victims_api.py)
        for info in pkgutil.iter_modules(importlib.import_module(config.name).__path__):
            if "api" not in info.name:
                continue
            module = importlib.import_module(f"{config.name}.{info.name}")
            for name, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, Schema) and cls.__module__ == module.__name__:
                    owners[name].add(module.__name__)
    assert owners, "no API schemas found"
    assert "leniency.cases.api_import" in {m for mods in owners.values() for m in mods}
    clashes = {name: sorted(mods) for name, mods in owners.items() if len(mods) > 1}
    assert clashes == {}


def test_text_with_a_nul_character_is_refused_naming_the_field(client, world):
    """PostgreSQL refuses NUL in text (the fuzzer found a 500 on /api/counsel/claims); the API answers 422."""
    from leniency.accounts.models import ApiToken

    _, key = ApiToken.issue(world.prosecutor, "nul test")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    body = client.post(
        "/api/sentencing/recommend",
        {"fact": "盗窃\x00手机", "charges": ["盗窃"]},
        content_type="application/json",
        **auth,
    )
    assert body.status_code == 422
    assert body.json()["errors"] == [{"field": "fact", "message": "不得包含空字符（NUL）"}]
    query = client.get("/api/cases", {"q": "a\x00b"}, **auth)
    assert query.status_code == 422 and query.json()["errors"][0]["field"] == "q"
    assert (
        client.post(
            "/api/sentencing/recommend", "{not json", content_type="application/json", **auth
        ).status_code
        == 400
    )


def test_a_page_query_with_a_nul_character_is_refused_naming_the_parameter(client, db):
    response = client.get("/public/cases/", {"q": "盗窃\x00"})
    assert response.status_code == 400 and "参数 q 含有空字符" in response.content.decode()
    assert client.get("/public/cases/", {"q": "盗窃"}).status_code == 200
    assert client.get("/public/cases/%00/").status_code == 400
