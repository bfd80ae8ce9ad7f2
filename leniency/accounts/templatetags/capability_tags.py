"""`{% if user|can:"calculate" %}`: templates ask for a capability, never compare role strings.

A builtin (settings.TEMPLATES), so every template and every include has it without `{% load %}`.
"""

from django import template

from leniency.accounts.capabilities import has_capability

register = template.Library()


@register.filter
def can(user, capability: str) -> bool:
    """Whether `user` holds `capability` (see `leniency.accounts.capabilities`); an unknown name raises."""
    return has_capability(user, capability)
