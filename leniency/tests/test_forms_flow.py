"""The one form-POST -> service -> DomainError -> message/redirect flow (leniency/forms_flow.py)."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.http import HttpResponse
from django.test import RequestFactory

from leniency.errors import DomainError, Forbidden
from leniency.forms_flow import form_post, post_action, run_form


class NoteForm(forms.Form):
    text = forms.CharField()
    days = forms.IntegerField()


def _request(data=None):
    request = RequestFactory().post("/x", data or {})
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def _refuse(field):
    def call(data):
        raise DomainError("不予受理", field=field)

    return call


def test_a_refusal_lands_on_its_field_and_keeps_what_was_typed():
    form = NoteForm({"text": "会见记录", "days": "3"})
    outcome = run_form(form, _refuse("days"))
    assert not outcome.ok
    assert form.errors["days"] == ["不予受理"]
    assert form["text"].value() == "会见记录" and form["days"].value() == "3"


def test_a_refusal_naming_no_field_of_the_form_goes_on_the_form():
    form = NoteForm({"text": "x", "days": "1"})
    run_form(form, _refuse("status"))
    assert form.non_field_errors() == ["不予受理"]


def test_an_invalid_form_never_calls_the_service():
    calls = []
    outcome = run_form(NoteForm({"text": "x", "days": "many"}), calls.append)
    assert not outcome.ok and calls == []


def test_form_post_redirects_with_the_message_of_the_result():
    request = _request()
    response = form_post(
        request,
        NoteForm({"text": "x", "days": "2"}),
        lambda data: data["days"] * 10,
        done=lambda value: f"已记录 {value}",
        then=lambda value: f"/done/{value}",
        invalid=lambda form: HttpResponse(status=400),
    )
    assert response.status_code == 302 and response["Location"] == "/done/20"
    assert [str(m) for m in get_messages(request)] == ["已记录 20"]


def test_form_post_renders_the_page_again_on_a_refusal():
    seen = []
    response = form_post(
        _request(),
        NoteForm({"text": "保留", "days": "2"}),
        _refuse("text"),
        done="-",
        then="/",
        invalid=lambda form: seen.append(form) or HttpResponse(status=400),
    )
    assert response.status_code == 400
    assert seen[0]["text"].value() == "保留" and seen[0].errors["text"] == ["不予受理"]


def test_post_action_turns_a_refusal_into_an_error_message_and_redirects():
    request = _request()
    response = post_action(request, lambda: _refuse(None)({}), done="-", then="/back")
    assert response.status_code == 302 and response["Location"] == "/back"
    assert [str(m) for m in get_messages(request)] == ["不予受理"]


def test_forbidden_is_not_a_form_error():
    def forbid(data):
        raise Forbidden("只有本案检察院可以")

    with pytest.raises(Forbidden, match="只有本案检察院可以"):
        run_form(NoteForm({"text": "x", "days": "1"}), forbid)
