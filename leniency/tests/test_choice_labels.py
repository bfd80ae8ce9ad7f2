"""`display` gives what get_FOO_display gives, in each language, without translating every label of the field
(leniency/choice_labels.py and its template filter, issue 21 item 5)."""

import pytest
from django.template import Context, Template
from django.utils import translation

from leniency.cases.models import Defendant
from leniency.cases.stages import Stage
from leniency.choice_labels import display, member_label

FIELDS = ("stage", "procedure", "gender", "education", "detention")


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_display_is_get_foo_display_for_every_choice_and_an_unknown_value(language):
    with translation.override(language):
        for name in FIELDS:
            field = Defendant._meta.get_field(name)
            for value in [value for value, _ in field.flatchoices] + ["", "no-such-value"]:
                defendant = Defendant(**{name: value})
                expected = getattr(defendant, f"get_{name}_display")()
                assert display(defendant, name) == expected, (name, value)
    with translation.override("en"):
        # Labels are translated when shown, not when first read: the English page is not the Chinese one.
        english = display(Defendant(stage=Stage.INVESTIGATION), "stage")
    with translation.override("zh-hans"):
        chinese = display(Defendant(stage=Stage.INVESTIGATION), "stage")
    assert english != chinese and chinese == "侦查"


def test_the_filter_escapes_like_the_method():
    rendered = Template('{% load choice_labels %}{{ d|display:"education" }}').render(
        Context({"d": Defendant(education="<b>")})
    )
    assert rendered == "&lt;b&gt;"


def test_member_label_of_a_value_outside_the_enum_is_the_default():
    with translation.override("zh-hans"):
        assert member_label(Stage, Stage.INVESTIGATION.value) == "侦查"
    assert member_label(Stage, "no-such-stage", default="no-such-stage") == "no-such-stage"
    assert member_label(Stage, None) == ""


def test_the_filter_reads_the_signed_in_user_through_its_lazy_wrapper():
    """base.html shows `user|display:"role"`: request.user is a SimpleLazyObject."""
    from django.utils.functional import SimpleLazyObject

    from leniency.accounts.models import Role, User

    user = User(role=Role.JUDGE)
    rendered = Template('{% load choice_labels %}{{ u|display:"role" }}').render(
        Context({"u": SimpleLazyObject(lambda: user)})
    )
    assert rendered == user.get_role_display() and rendered
