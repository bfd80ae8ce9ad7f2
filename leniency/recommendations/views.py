"""Pages of the recommendation workflow. Thin: look up (404 if not visible), check the role (403), call a service."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from leniency.accounts.capabilities import has_capability
from leniency.cases.access import visible_defendants
from leniency.errors import DomainError
from leniency.forms_flow import add_domain_error, form_post, post_action

from . import access, confirmed, court, safeguards, services
from .confirmed import fact_rows, given
from .engine import defendant_charges, defendant_facts, deviation_share, deviations, run_engine
from .forms import CourtDecisionForm, FactsForm, FinaliseForm, OpinionForm, RecommendationForm, ReviewForm
from .history import defendant_history
from .letter import letter_context
from .models import SentencingRecommendation


def _defendant(request, defendant_id):
    return get_object_or_404(
        visible_defendants(request.user).select_related("case__procuratorate", "case__court"), pk=defendant_id
    )


def _rec(request, pk):
    rec = access.recommendation_for(request.user, pk)
    if rec is None:
        raise Http404
    return rec


def _refuse(message):
    return HttpResponseForbidden(message)


@login_required
def defendant_page(request, defendant_id):
    defendant = _defendant(request, defendant_id)
    rounds = defendant_history(request.user, defendant)
    user = request.user
    for view in rounds:
        rec = view.rec
        view.can = {
            "edit": access.can_edit(user, rec),
            "submit": access.can_submit(user, rec),
            "review": access.can_review(user, rec),
            "opinion": access.can_give_opinion(user, rec),
            "finalise": access.can_finalise(user, rec),
            "court": access.can_decide(user, rec),
            "letter": rec.finalised_at is not None,
        }
    context = {
        "defendant": defendant,
        "case": defendant.case,
        "rounds": rounds,
        "final": services.final_recommendation(defendant) if rounds else None,
        "open": services.open_recommendation(defendant)
        if access.sees_internal_rounds(request.user, defendant)
        else None,
        "can_draft": access.can_draft(request.user, defendant),
    }
    return render(request, "recommendations/defendant.html", context)


def _panel_context(*, calculation, similar, engine_months, engine_low, engine_high, model_version, found):
    engine = (calculation or {}).get("engine", {})
    confidence = {"high": _("高"), "medium": _("中"), "low": _("低")}.get(
        (calculation or {}).get("confidence"), ""
    )
    return {
        "calc": calculation or {},
        "confidence": confidence,
        "similar": similar or {},
        "engine_months": engine_months,
        "engine_low": engine_low,
        "engine_high": engine_high,
        "model_version": model_version,
        "interval": engine.get("interval"),
        "engine_warnings": engine.get("engine_warnings") or [],
        "deviations": found,
        "share_pct": round(_share() * 100),
    }


def _share():
    return deviation_share()


def _fresh_panel(defendant, facts_text, form_values=None, rows=None):
    """Run the engine on the text with the confirmed facts given, and build the side-by-side panel (and the
    draft's starting values). `rows`: the facts form's rows (`confirmed.fact_rows`); None: read afresh."""
    charges = defendant_charges(defendant)
    rows = fact_rows(defendant, facts_text, charges) if rows is None else rows
    result = run_engine(facts_text, charges, given=given(rows))
    extra = result.to_dict()
    calculation = {**extra.pop("calculation"), "engine": {k: v for k, v in extra.items() if k != "similar"}}
    values = services.engine_values(result)
    probe = form_values or values
    found = (
        deviations(
            engine_months=result.months,
            similar=result.similar,
            months=probe.get("months"),
            low=probe.get("low_months"),
            high=probe.get("high_months"),
        )
        if probe.get("kind") == "range"
        else deviations(engine_months=result.months, similar=result.similar, months=probe.get("months"))
    )
    panel = _panel_context(
        calculation=calculation,
        similar=result.similar,
        engine_months=result.months,
        engine_low=result.low,
        engine_high=result.high,
        model_version=result.model_version,
        found=found,
    )
    panel["facts"] = rows
    return panel, values


def _rec_panel(rec, form_values=None):
    probe = form_values or {
        "months": rec.months,
        "low_months": rec.low_months,
        "high_months": rec.high_months,
        "kind": rec.kind,
    }
    found = deviations(
        engine_months=rec.engine_months,
        similar=rec.similar,
        months=probe.get("months"),
        low=probe.get("low_months") if probe.get("kind") == "range" else None,
        high=probe.get("high_months") if probe.get("kind") == "range" else None,
    )
    panel = _panel_context(
        calculation=rec.calculation,
        similar=rec.similar,
        engine_months=rec.engine_months,
        engine_low=rec.engine_low,
        engine_high=rec.engine_high,
        model_version=rec.model_version,
        found=found,
    )
    panel["facts"] = confirmed.rows_of(rec)  # the facts this round was calculated on, with their source
    return panel


def _last_round(defendant):
    return SentencingRecommendation.objects.filter(defendant=defendant).order_by("-round").first()


def _posted_facts(request, defendant, charges, reviewed):
    """The posted facts form (bound) and the rows it gives: the posted text's facts with the prosecutor's
    corrections (a value changed from the one its row was shown with). Rows are None when the form is invalid."""
    text = request.POST.get("facts_text", "")
    listed = fact_rows(defendant, text, charges, also=FactsForm.posted_keys(request.POST))
    posted = FactsForm(request.POST, rows=listed, text=text, reviewed=reviewed)
    if not posted.is_valid():
        return posted, None
    return posted, fact_rows(defendant, text, charges, posted.corrections())


def _draft_post(request, defendant, rec):
    """Save a new round (`rec` None) or a change of `rec` from the draft page, on the facts the prosecutor
    confirmed. "Read the facts" (`read` in the POST), a text changed since its facts were shown, a refusal:
    the page again with everything typed kept."""
    form = RecommendationForm(request.POST)
    text = request.POST.get("facts_text", "")
    charges = (rec.charges if rec is not None else None) or defendant_charges(defendant)
    reviewed = confirmed.reviewed(rec if rec is not None else _last_round(defendant))
    posted, rows = _posted_facts(request, defendant, charges, reviewed)
    form_ok = form.is_valid()
    facts_form, status = posted, 400
    if rows is not None:
        fresh = FactsForm(
            rows=rows,
            text=text,
            reviewed=reviewed,
            initial={"facts_reason": request.POST.get("facts_reason", "")},
        )
        # the posted values on the rows they give (a corrected row marked as such), for a page shown again
        facts_form = FactsForm(request.POST, rows=rows, text=text, reviewed=reviewed)
        facts_form.is_valid()
        if "read" in request.POST:
            facts_form, status = fresh, 200
        elif posted.stale(text):
            facts_form = fresh
            form.add_error(None, _("事实文本已修改：系统已重新读取其中的量刑事实，请逐项核对后再保存"))
        elif form_ok:
            outcome = _call_draft_service(request, defendant, rec, form, posted, facts_form)
            if outcome is not None:
                return outcome
    typed = form.cleaned_data if hasattr(form, "cleaned_data") else None
    panel, _values = _fresh_panel(defendant, text, typed, rows)
    context = {"form": form, "facts_form": facts_form, "defendant": defendant, "case": defendant.case}
    return render(
        request, "recommendations/form.html", {**context, "panel": panel, "rec": rec}, status=status
    )


def _call_draft_service(request, defendant, rec, form, posted, shown):
    """Call the service with `posted`'s corrections; on success redirect, on a refusal put it on its field (a
    fact's on the facts form `shown`)."""
    data = form.cleaned_data
    common = {
        "acting_user": request.user,
        "facts_text": data["facts_text"],
        "values": form.values(),
        "deviation_reason": data["deviation_reason"],
        "note": data["note"],
        "facts": posted.corrections(),
        "facts_reason": posted.cleaned_data.get("facts_reason", ""),
    }
    try:
        if rec is None:
            made = services.do_create_draft(defendant, change_basis=data["change_basis"], **common)
            messages.success(request, _("已保存第%(round)s轮量刑建议草稿") % {"round": made.round})
        else:
            services.do_update_draft(rec, version=data["version"], **common)
            messages.success(request, _("已保存修改"))
    except DomainError as error:
        add_domain_error(shown if (error.field or "").startswith("fact") else form, error)
        return None
    return redirect("recommendations:defendant", defendant_id=defendant.pk)


@login_required
def new_draft(request, defendant_id):
    defendant = _defendant(request, defendant_id)
    access.check_draft(request.user, defendant)
    if request.method == "POST":
        return _draft_post(request, defendant, None)
    facts = defendant_facts(defendant)
    last = _last_round(defendant)
    rows = fact_rows(
        defendant, facts, defendant_charges(defendant), confirmed.corrections_of(last) if last else None
    )
    panel, values = _fresh_panel(defendant, facts, rows=rows)
    initial = {**values, "facts_text": facts}
    if values.get("kind") == "fixed":
        initial["low_months"] = initial["high_months"] = None
    form = RecommendationForm(initial=initial)
    if not services.change_needs_basis(defendant):
        form.fields["change_basis"].widget = forms.HiddenInput()
    return render(
        request,
        "recommendations/form.html",
        {
            "form": form,
            "facts_form": FactsForm(rows=rows, text=facts, reviewed=confirmed.reviewed(last)),
            "defendant": defendant,
            "case": defendant.case,
            "panel": panel,
            "rec": None,
            "open": services.open_recommendation(defendant),
        },
    )


@login_required
@require_POST
def preview(request, defendant_id):
    """htmx: re-run the engine on the typed facts and corrections, and check the typed term against the
    deviation rule."""
    defendant = _defendant(request, defendant_id)
    access.check_draft(request.user, defendant)
    form = RecommendationForm(request.POST)
    form.is_valid()
    typed = (
        {k: form.cleaned_data.get(k) for k in ("months", "low_months", "high_months", "kind")}
        if hasattr(form, "cleaned_data")
        else None
    )
    text = request.POST.get("facts_text", "")
    posted, rows = _posted_facts(request, defendant, defendant_charges(defendant), reviewed=False)
    panel, _values = _fresh_panel(defendant, text, typed, rows)
    panel["stale"] = rows is not None and posted.stale(text)
    return render(request, "recommendations/_engine_panel.html", {"panel": panel})


@login_required
def edit(request, pk):
    rec = _rec(request, pk)
    defendant = rec.defendant
    access.check_update_draft(request.user, rec)
    if request.method == "POST":
        return _draft_post(request, defendant, rec)
    form = RecommendationForm(initial=RecommendationForm.initial_from(rec))
    form.fields["change_basis"].widget = forms.HiddenInput()
    charges = rec.charges or defendant_charges(defendant)
    rows = fact_rows(defendant, rec.facts_text, charges, confirmed.corrections_of(rec))
    return render(
        request,
        "recommendations/form.html",
        {
            "form": form,
            "facts_form": FactsForm(rows=rows, text=rec.facts_text, reviewed=confirmed.reviewed(rec)),
            "defendant": defendant,
            "case": defendant.case,
            "rec": rec,
            "panel": _rec_panel(rec),
        },
    )


@login_required
@require_POST
def submit(request, pk):
    rec = _rec(request, pk)
    version = request.POST.get("version", "")
    return post_action(
        request,
        lambda: services.do_submit(
            rec, acting_user=request.user, version=int(version) if version.isdigit() else None
        ),
        done=_("已提交主管检察官审核"),
        then=reverse("recommendations:defendant", kwargs={"defendant_id": rec.defendant_id}),
    )


def _action(request, rec, *, check, form_class, title, template_help, call, done, initial=None, extra=None):
    """A form page about one round: `check` (the action's own `check_*`) refuses with a 403, GET shows the
    form, POST calls the service, a refusal keeps the input (400). `extra(form)` adds to the page's context
    (and may narrow the form to what the service will accept)."""
    check(request.user, rec)
    if request.method == "POST":
        return form_post(
            request,
            form_class(request.POST),
            call,
            done=done,
            then=reverse("recommendations:defendant", kwargs={"defendant_id": rec.defendant_id}),
            invalid=lambda form: _action_page(
                request, rec, form, title, template_help, status=400, extra=extra
            ),
        )
    form = form_class(initial={"version": rec.version, **(initial or {})})
    return _action_page(request, rec, form, title, template_help, status=200, extra=extra)


def _action_page(request, rec, form, title, template_help, *, status, extra=None):
    context = {
        "form": form,
        "rec": rec,
        "defendant": rec.defendant,
        "case": rec.defendant.case,
        "title": title,
        "help": template_help,
        "panel": _rec_panel(rec),
        "opinions": rec.opinions.select_related("lawyer").order_by("created_at", "id"),
        "reviews": rec.reviews.select_related("reviewer").order_by("created_at", "id")
        if access.sees_internal_rounds(request.user, rec.defendant)
        else [],
        **(extra(form) if extra else {}),
    }
    return render(request, "recommendations/action.html", context, status=status)


@login_required
def review(request, pk):
    rec = _rec(request, pk)
    return _action(
        request,
        rec,
        check=access.check_review,
        extra=lambda form: _open_or_closed(access.can_review(request.user, rec), rec),
        form_class=ReviewForm,
        title=_("审核量刑建议"),
        template_help=_(
            "每一份由系统辅助生成的量刑建议，均须经主管检察官审核（量刑建议工作指导意见：部门负责人、检察官联席会议、"
            "检察长和检察委员会对量刑建议进行审核把关）。"
        ),
        call=lambda data: services.do_review(
            rec,
            acting_user=request.user,
            decision=data["decision"],
            comments=data["comments"],
            version=data["version"],
        ),
        done=_("已记录审核意见"),
    )


@login_required
def opinion(request, pk):
    rec = _rec(request, pk)
    return _action(
        request,
        rec,
        check=access.check_give_opinion,
        extra=lambda form: _open_or_closed(access.can_give_opinion(request.user, rec), rec),
        form_class=OpinionForm,
        title=_("律师意见"),
        template_help=_("您的书面意见将附卷，并随案移送法院（刑事诉讼法第173条、第176条）。"),
        call=lambda data: services.do_give_opinion(
            rec,
            acting_user=request.user,
            position=data["position"],
            reasons=data["reasons"],
            proposed_months=data["proposed_months"],
        ),
        done=_("已提交律师意见"),
    )


@login_required
def finalise(request, pk):
    rec = _rec(request, pk)
    return _action(
        request,
        rec,
        check=access.check_finalise,
        extra=lambda form: _open_or_closed(access.can_finalise(request.user, rec), rec),
        form_class=FinaliseForm,
        title=_("确定量刑建议"),
        template_help=_(
            "确定后，本建议即为对此人提出的量刑建议，写明主刑、刑期或幅度、是否适用缓刑和罚金"
            "（刑事诉讼法第176条第2款；量刑建议工作指导意见第1条），并生成释法说理书。"
        ),
        call=lambda data: services.do_finalise(
            rec, acting_user=request.user, version=data["version"], lawyer_reply=data["lawyer_reply"]
        ),
        done=_("量刑建议已确定"),
    )


@login_required
def court_decision(request, pk):
    rec = _rec(request, pk)
    return _action(
        request,
        rec,
        check=access.check_court_decision,
        form_class=CourtDecisionForm,
        title=_("法院对量刑建议的决定"),
        template_help=_("采纳前，系统将核对认罪认罚自愿性审查和具结书等是否已完成。"),
        call=lambda data: services.do_court_decision(
            rec,
            acting_user=request.user,
            decision=data["decision"],
            grounds=data["grounds"],
            reasons=data["reasons"],
            principal_penalty=data["principal_penalty"],
            months=data["months"],
            probation=data["probation"],
            version=data["version"],
        ),
        done=_("已记录法院决定"),
        extra=lambda form: _court_context(request.user, rec, form),
    )


def _open_or_closed(allowed: bool, rec) -> dict:
    """An action the round's status does not allow (the service would refuse it) shows no form, only why."""
    if allowed:
        return {}
    return {
        "hide_form": True,
        "closed": [
            _("此量刑建议当前状态为“%(status)s”，不能进行此项操作") % {"status": rec.get_status_display()}
        ],
    }


def _court_context(user, rec, form) -> dict:
    """The court's page offers only the decisions `court.check_decision_open` will accept (none: it says why
    instead of showing the form), and puts the defence's objection beside the reasons box."""
    rec.refresh_from_db()
    open_now = court.decisions_open(user, rec)
    form.fields["decision"].choices = [c for c in form.fields["decision"].choices if c[0] in open_now]
    return {
        "closed": court.why_closed(user, rec),
        "hide_form": not open_now,
        "objection": court.objection_on_file(rec),
        "reasons_required": court.reasons_required(rec),
        "reasons_min": court.REASONS_MIN_CHARS,
        "earlier_decisions": rec.court_decisions.select_related("judge").order_by("created_at", "id"),
    }


def _letter_rec(request, pk):
    rec = _rec(request, pk)
    if rec.finalised_at is None:
        raise Http404
    return rec


@login_required
def letter(request, pk):
    rec = _letter_rec(request, pk)
    return render(request, "recommendations/letter.html", {"letter": letter_context(rec), "rec": rec})


@login_required
def queue(request):
    if not has_capability(request.user, "supervise"):
        return _refuse(_("审核队列仅供主管检察官使用"))
    page = Paginator(access.review_queue(request.user), 50).get_page(request.GET.get("page"))
    pressure = safeguards.supervisor_warnings(request.user)[:100]  # registered by the oversight app
    return render(request, "recommendations/queue.html", {"items": page, "page": page, "pressure": pressure})
