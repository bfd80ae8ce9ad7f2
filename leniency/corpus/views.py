"""The recommendation page (/corpus/recommend/): paste the facts, check what was read, see the answer."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseForbidden
from django.shortcuts import render
from django.utils.translation import gettext as _

from leniency.errors import DomainError
from leniency.sentencing.catalogue import all_charges

from . import access
from .factors import CIRCUMSTANCE_ZH
from .forms import RecommendForm
from .service import Corrections, Request, clean_charges, compute, highlight


def _charge_names():
    return sorted({c.name for c in all_charges()})


@login_required
def recommend_page(request):
    if not access.can_recommend(request.user):
        return HttpResponseForbidden(_("无权使用量刑建议工具"))
    partial = bool(request.headers.get("HX-Request"))
    context = {"charge_names": _charge_names(), "circumstance_labels": CIRCUMSTANCE_ZH}
    if request.method != "POST":
        context["form"] = RecommendForm()
        return render(request, "corpus/recommend.html", context)
    form = RecommendForm(request.POST)
    context["form"] = form
    status = 200
    if form.is_valid():
        data = form.cleaned_data
        try:
            corrections = Corrections()
            if data.get("edited"):
                corrections = Corrections(
                    amount_yuan=data.get("amount_yuan"), circumstances=list(data.get("circumstances") or [])
                )
            years = None
            if data.get("year_from") or data.get("year_to"):
                years = (data.get("year_from") or 1990, data.get("year_to") or 2100)
            req = Request(
                fact=data["fact"],
                charges=clean_charges([data["charge"]] if data.get("charge") else []),
                proposed_months=data.get("proposed_months"),
                region=data.get("region") or None,
                years=years,
                corrections=corrections,
            )
            rec = compute(req)
            context.update(
                rec=rec,
                highlighted=highlight(rec.facts),
                extracted_codes={str(f.code) for f in rec.facts.circumstances},
            )
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            status = 400
    else:
        status = 400
    template = "corpus/_result.html" if partial else "corpus/recommend.html"
    return render(request, template, context, status=status)
