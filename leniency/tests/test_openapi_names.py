"""The OpenAPI document names each schema once: django-ninja keys components by class name, so two API
modules with a `ReviewIn` each would silently share one description (and the fuzzer would send the wrong
bodies)."""

import importlib
import inspect
from collections import defaultdict

from django.apps import apps
from ninja import Schema


def test_schema_class_names_are_unique_across_the_api_modules():
    owners = defaultdict(set)
    for config in apps.get_app_configs():
        if not config.name.startswith("leniency."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.api")
        except ModuleNotFoundError:
            continue
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Schema) and cls.__module__ == module.__name__:
                owners[name].add(module.__name__)
    assert owners, "no API schemas found"
    clashes = {name: sorted(mods) for name, mods in owners.items() if len(mods) > 1}
    assert clashes == {}
