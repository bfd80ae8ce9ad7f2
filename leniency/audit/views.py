"""The auditor's view of who saw whose personal data."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from leniency.accounts.capabilities import has_capability

from .models import PersonalDataAccess

PAGE_SIZE = 50


class AccessFilterForm(forms.Form):
    user = forms.CharField(label=_("查看人（用户名）"), required=False)
    defendant = forms.CharField(label=_("被查看人（姓名）"), required=False)
    since = forms.DateField(
        label=_("起始日期"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    until = forms.DateField(
        label=_("截止日期"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def apply(self, rows):
        data = self.cleaned_data
        if data.get("user"):
            rows = rows.filter(user__username=data["user"])
        if data.get("defendant"):
            rows = rows.filter(defendant__name__contains=data["defendant"])
        if data.get("since"):
            rows = rows.filter(at__date__gte=data["since"])
        if data.get("until"):
            rows = rows.filter(at__date__lte=data["until"])
        return rows


@login_required
def personal_data_reads(request):
    if not has_capability(request.user, "read_all"):
        raise PermissionDenied
    rows = PersonalDataAccess.objects.select_related("user", "defendant__case")
    form = AccessFilterForm(request.GET or None)
    if form.is_bound and form.is_valid():
        rows = form.apply(rows)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "audit/personal_data_reads.html", {"form": form, "page": page, "query": query.urlencode()}
    )
