"""The one way a page hands a form to a `do_*` service: POST → form → service → `DomainError` → message.

- `run_form(form, call)`: validate, call the service with the cleaned data; a `DomainError` lands on the field
  it names (or on the form), so the page shows it beside what the user typed. Returns an `Outcome`.
- `form_post(request, form, call, done=…, then=…, invalid=…)`: the same, then a success message and a redirect,
  or `invalid(form)` (the page again, status 400, the input kept).
- `post_action(request, call, done=…, then=…)`: a button with no form: the service's refusal becomes an error
  message, its success a success message, and either way a redirect.

A `Forbidden` (from a `check_*`) is not caught here: it becomes the 403 page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.shortcuts import redirect

from leniency.errors import DomainError


@dataclass(frozen=True)
class Outcome:
    ok: bool
    value: Any = None


def add_domain_error(form, error: DomainError) -> None:
    """Put the refusal on the field it names, or on the whole form when the form has no such field."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


def run_form(form, call: Callable[[dict], Any]) -> Outcome:
    """Validate `form` and call `call(cleaned_data)`; a refusal is kept on the form (the input stays)."""
    if not form.is_valid():
        return Outcome(False)
    try:
        return Outcome(True, call(form.cleaned_data))
    except DomainError as error:
        add_domain_error(form, error)
        return Outcome(False)


def _resolve(value, result):
    return value(result) if callable(value) else value


def form_post(request, form, call, *, done, then, invalid):
    """Run the form; on success a message `done` and a redirect to `then` (either may be a function of the
    service's result); otherwise `invalid(form)`, which renders the page again (status 400)."""
    outcome = run_form(form, call)
    if not outcome.ok:
        return invalid(form)
    messages.success(request, _resolve(done, outcome.value))
    return redirect(_resolve(then, outcome.value))


def post_action(request, call: Callable[[], Any], *, done, then):
    """A form-less action: call the service; its refusal becomes an error message, then redirect to `then`."""
    try:
        result = call()
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(_resolve(then, None))
    messages.success(request, _resolve(done, result))
    return redirect(_resolve(then, result))
