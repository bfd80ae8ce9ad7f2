"""The one field template (templates/_field.html, issue 22): help and errors beside their field, under the ids the
widget's aria-describedby names; required fields marked; an error summary linking to the fields."""

import re

import pytest
from django import forms
from django.template.loader import render_to_string
from django.utils import translation


class ReportForm(forms.Form):
    kind = forms.ChoiceField(label="举报类型", choices=[("", "—"), ("coercion", "强迫认罪")])
    description = forms.CharField(
        label="举报内容", widget=forms.Textarea, help_text="请说明时间、地点、经过。"
    )
    contact = forms.CharField(label="联系方式", required=False)
    channel = forms.ChoiceField(
        label="答复方式", choices=[("mail", "邮寄"), ("phone", "电话")], widget=forms.RadioSelect
    )

    def clean(self):
        raise forms.ValidationError("整体有误")


def render(form) -> str:
    with translation.override("zh-hans"):
        return render_to_string("_form.html", {"form": form})


def ids(html: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', html))


def fields(html: str) -> dict[str, str]:
    """The markup of each field, by name."""
    parts = html.split('<div class="field')[1:]
    return {re.search(r'id="field-([^"]+)"', part).group(1): part for part in parts}


def test_help_text_sits_beside_its_field_under_the_id_the_widget_names():
    html = render(ReportForm())
    assert 'aria-describedby="id_description_helptext"' in html
    assert '<p class="helptext" id="id_description_helptext">请说明时间、地点、经过。</p>' in html
    # beside its field: after the textarea, before the next field
    assert (
        html.index('id="id_description"') < html.index('id_description_helptext">') < html.index("id_contact")
    )
    assert "data-error-summary" not in html


def test_required_fields_are_marked_and_the_mark_is_explained():
    html = render(ReportForm())
    assert "标 * 的为必填项。" in html
    assert html.count("标 * 的为必填项。") == 1
    kind, contact, channel = (fields(html)[name] for name in ("kind", "contact", "channel"))
    assert 'class="required-mark" aria-hidden="true">*' in kind and " required" in kind
    assert "required-mark" not in contact and " required" not in contact
    # the * is not part of the label, so the field is named by its label alone
    assert '<label for="id_kind">举报类型</label>' in kind
    # a group of radios is a fieldset named by its legend, described as a whole
    assert "<fieldset" in channel and "<legend>答复方式" in channel


@pytest.mark.parametrize("data", [{}, {"kind": "coercion"}])
def test_errors_are_beside_their_field_and_summarised_with_links(data):
    form = ReportForm(data={"contact": "x", **data})
    html = render(form)
    found = ids(html)
    for name in form.errors:
        if name == "__all__":
            continue
        # every id an aria-describedby names exists
        widget_ids = re.findall(rf'id="id_{name}(?:_0)?"', html)
        assert widget_ids, name
        assert f"id_{name}_error" in found
        assert f'href="#{form[name].id_for_label}"' in html
    for described in re.findall(r'aria-describedby="([^"]+)"', html):
        assert set(described.split()) <= found, described
    summary = html[html.index("data-error-summary") : html.index("</ul>")]
    assert (
        'tabindex="-1"' in html[html.index('<div class="error-summary"') : html.index("data-error-summary")]
    )
    assert "提交未成功" in summary and "整体有误" in summary
    assert "description" not in data and 'href="#id_description"' in summary
