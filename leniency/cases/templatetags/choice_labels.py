"""`{{ instance|display:"field" }}`: a choice's label, as `get_FOO_display()` gives it (leniency/choice_labels.py)."""

from django import template

from leniency.choice_labels import display

register = template.Library()
register.filter("display", display)
