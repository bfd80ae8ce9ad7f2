"""The page where a user issues, names, sees once, lists and revokes their own API tokens."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from leniency import clock
from leniency.accounts.models import ApiToken
from leniency.errors import DomainError

from .tokens import MAX_DAYS, do_issue_token, do_revoke_token

SESSION_KEY = "api_token_new_key"


class IssueForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("用途"), max_length=100)
    days = forms.IntegerField(
        label=gettext_lazy("有效天数"),
        min_value=1,
        max_value=MAX_DAYS,
        initial=90,
        required=False,
        help_text=gettext_lazy("留空则长期有效，直至撤销"),
    )


@login_required
def api_tokens(request):
    form = IssueForm()
    status = 200
    if request.method == "POST" and "revoke" in request.POST:
        token = get_object_or_404(ApiToken, pk=request.POST["revoke"], user=request.user)
        try:
            do_revoke_token(token, acting_user=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("令牌“%(name)s”已撤销") % {"name": token.name})
        return redirect("api_tokens")
    if request.method == "POST":
        form = IssueForm(request.POST)
        if form.is_valid():
            try:
                _token, key = do_issue_token(
                    request.user,
                    name=form.cleaned_data["name"],
                    days=form.cleaned_data["days"],
                    acting_user=request.user,
                )
            except DomainError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                request.session[SESSION_KEY] = key  # shown once, on the next page, then gone
                return redirect("api_tokens")
        status = 400
    tokens = request.user.api_tokens.order_by("-created_at")
    context = {
        "form": form,
        "tokens": tokens,
        "now": clock.now(),
        "new_key": request.session.pop(SESSION_KEY, None),
    }
    response = render(request, "audit/api_tokens.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response
