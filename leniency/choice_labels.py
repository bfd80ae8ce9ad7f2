"""A choice's label without translating every label of its field.

Django's `instance.get_FOO_display()` builds `dict(make_hashable(field.flatchoices))` on every call, and hashing
a lazy label translates it: a defendant's stage (17 choices) cost about 25 µs a call, where its own label costs 3.
The case page showed about a hundred labels so (issue 21 item 5). `display` gives the same text (the label in
the active language, or the value itself when it is not among the choices), reading each field's choices once.

    display(d, "stage")                                   for d.get_stage_display()
    member_label(Signature.Role, value, default="")       one value of a choices enum, `default` when it is none

Templates use `display` as a filter: {% load choice_labels %}{{ d|display:"stage" }}.
"""

from django.utils.encoding import force_str
from django.utils.hashable import make_hashable

_LABELS: dict = {}  # field -> {value: label (lazy)}, built once per field: a model's choices are fixed in code


def _labels(field) -> dict:
    labels = _LABELS.get(field)
    if labels is None:
        # The values are hashed, not the labels: translated when shown, in the language of the request.
        labels = _LABELS[field] = {make_hashable(value): label for value, label in field.flatchoices}
    return labels


def display(instance, field_name: str) -> str:
    """`instance.get_<field_name>_display()`, the same text at a tenth of the cost."""
    field = instance._meta.get_field(field_name)
    value = getattr(instance, field.attname)
    return force_str(_labels(field).get(make_hashable(value), value), strings_only=True)


def member_label(choices, value, default: str = "") -> str:
    """The label of `value` in the choices enum `choices` (`Model.Kind`), or `default` when it is not one of them,
    without building the list of the enum's values (`choices.values`) or a dict of its labels."""
    try:
        return str(choices(value).label)
    except ValueError:
        return default
