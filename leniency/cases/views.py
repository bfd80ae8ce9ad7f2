from functools import lru_cache

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from leniency.audit.personal_data import IDENTITY, PARTICULARS, log_personal_data_read
from leniency.audit.timeline import case_timeline
from leniency.compiled_queries import compiled
from leniency.errors import DomainError

from . import access as access_module
from . import services
from .access import (
    CASE_RULES,
    can_appeal,
    can_change_stage,
    can_file_case,
    can_prosecute,
    can_see_identity,
    case_rule,
    check_change_stage,
    sees_every_defendant,
    visible_cases,
    visible_defendants,
    visible_defendants_of,
)
from .attachments import can_open_attachment
from .case_page import VISIBLE, grouped_query, grouped_rows
from .compiled_prefetch import compiled_prefetch
from .forms import CaseFilterForm, StageChangeForm
from .judgments import case_page_actions
from .models import Case, Charge, Defendant
from .pagecache import cached_page, case_version, trail_version
from .panels import panel_prefetch, panel_styles, panel_templates

PAGE_SIZE = 25

# The case page's case with the rows it names: its organisations, people and regions, with the court's region
# lineage (whether a procuratorate is above that court: who may protest for a retrial).
CASE_PAGE_RELATED = (
    "procuratorate",
    "judge",
    "prosecutor",
    "region__parent__parent",
    "court__region__parent__parent",
)
# Every column of the case, and of the related rows only what the page reads: names and the links between them.
# A user row is 14 columns, a region 6; the ORM compiles each column on every cold page (issue 21). A column left
# out here and read later costs a query per page (test_case_page_queries: ...come_with_the_case).
CASE_PAGE_COLUMNS = (
    *(field.name for field in Case._meta.concrete_fields),
    *(f"{org}__{name}" for org in ("procuratorate", "court") for name in ("name", "kind", "region")),
    *(f"{user}__{name}" for user in ("judge", "prosecutor") for name in ("username", "display_name")),
    *(
        f"{region}__{name}"
        for region in (
            "region",
            "region__parent",
            "region__parent__parent",
            "court__region",
            "court__region__parent",
            "court__region__parent__parent",
        )
        for name in ("name", "parent")
    ),
)

# The case page's case, read by one query compiled for each rule of who sees which cases (access.CASE_RULES).
_PAGE_CASE = {
    rule: compiled(
        lambda pk, *args, rule=rule: (
            Case.objects.filter(rule(*args), pk=pk)
            .select_related(*CASE_PAGE_RELATED)
            .only(*CASE_PAGE_COLUMNS)
            .order_by()
        )
    )
    for rule in CASE_RULES
}


@cached_page(trail_version)
@login_required
def case_list(request):
    cases = visible_cases(request.user)
    form = CaseFilterForm(
        request.GET or None,
        charges=Charge.objects.filter(defendant__in=visible_defendants(request.user)).distinct(),
    )
    if form.is_bound:
        cases = form.apply(cases)
    cases = cases.select_related("procuratorate", "court").prefetch_related("defendants__charges")
    page = Paginator(cases.order_by("-received_on", "-id"), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    template = "cases/_case_table.html" if request.headers.get("HX-Request") else "cases/case_list.html"
    return render(request, template, context)


def _log_case_page_read(request, defendants):
    """The case page shows these defendants' particulars: on every view, rendered or from the cache."""
    log_personal_data_read(request.user, defendants, fields=PARTICULARS, via="page", path=request.path)


@cached_page(case_version, on_hit=_log_case_page_read)
@login_required
def case_detail(request, pk):
    return _render_case_page(request, _page_case(request.user, pk))


def _page_case(user, pk: int) -> Case:
    # Another organisation's case is a 404, so its existence does not leak.
    found = case_rule(user)
    cases = list(_PAGE_CASE[found[0]](pk, *found[1])) if found else []
    if not cases:
        raise Http404("No case matches the given query.")
    return cases[0]


@login_required
@require_POST
def change_stage(request, pk, defendant_id):
    case = get_object_or_404(visible_cases(request.user), pk=pk)
    defendant = get_object_or_404(
        visible_defendants(request.user).select_related("case"), pk=defendant_id, case=case
    )
    check_change_stage(request.user, defendant)
    form = StageChangeForm(request.POST, defendant=defendant, prefix=f"d{defendant.pk}")
    if form.is_valid():
        try:
            services.do_change_stage(
                defendant,
                to=form.cleaned_data["to"],
                as_of=form.cleaned_data["as_of"],
                reason=form.cleaned_data["reason"],
                acting_user=request.user,
            )
        except DomainError as error:
            # The service names the defendant's "stage"; the form's field for it is "to".
            field = "to" if error.field == "stage" else error.field
            form.add_error(field if field in form.fields else None, error.message)
        else:
            messages.success(request, _("已变更 %(name)s 的诉讼阶段") % {"name": defendant.name})
            return redirect("case_detail", pk=case.pk)
    # Show the case page again with the errors and what the user typed.
    return _render_case_page(request, case, bound_form=form, status=400)


def _timeline_filter(request, names: dict[int, str]) -> int | None:
    """`?timeline=<defendant id>`: that defendant's events and the case's own; anything else shows all."""
    value = request.GET.get("timeline", "")
    return int(value) if value.isdigit() and int(value) in names else None


@lru_cache(maxsize=8)
def _compiled_prefetches(lookups: tuple) -> list[compiled_prefetch]:
    return [compiled_prefetch(Defendant, lookup) for lookup in lookups]


def _with_panels(defendants: list) -> list:
    """`defendants` with their charges and what the panels prefetch, each read by a query compiled once."""
    for prefetch in _compiled_prefetches(("charges", *panel_prefetch())):
        prefetch(defendants)
    return defendants


# A case's defendants, compiled once (leniency/compiled_queries.py).
_CASE_DEFENDANTS = grouped_query(lambda pk: Defendant.objects.filter(case=pk))


def _render_case_page(request, case, *, bound_form=None, status=200):
    # In the model's order (by id within the case), without joining the case to order by it (grouped_rows).
    # `case` was loaded through visible_cases(request.user) (case_detail, change_stage).
    if sees_every_defendant(request.user):
        defendants = _with_panels(_CASE_DEFENDANTS(case.pk))
    else:
        defendants = _with_panels(grouped_rows(visible_defendants_of(request.user, case)))
    rows = []
    for defendant in defendants:
        defendant.case = case  # the panels' access checks read it; one case, not one query per defendant
        form = None
        if bound_form is not None and bound_form.prefix == f"d{defendant.pk}":
            form = bound_form
        elif can_change_stage(request.user, defendant):
            form = StageChangeForm(defendant=defendant, prefix=f"d{defendant.pk}")
        rows.append({"defendant": defendant, "form": form})
    names = {d.pk: d.name for d in defendants}
    only = _timeline_filter(request, names)
    timeline = case_timeline(case, defendant_names=names, only=only)
    _log_case_page_read(request, defendants)
    # The defendant panels the apps above registered (panels.py) query once for all `page_defendants`
    # (leniency/cases/case_page.py).
    context = {
        "case": case,
        "rows": rows,
        "timeline": timeline,
        "timeline_only": only,
        "page_defendants": defendants,
        "panel_memo": {VISIBLE: {d.pk for d in defendants}},  # loaded through visible_defendants_of above
        "defendant_panels": panel_templates(),
        "panel_styles": panel_styles(),  # included once, not once per defendant
        "can_see_identity": can_see_identity(request.user),
        "can_prosecute": can_prosecute(request.user, case, defendants),
        "can_file": can_file_case(request.user, case),
        "can_reform_panel": access_module.can_reform_panel(request.user, case),
        # The procuratorate and the court's clerk, the only ones offered it, see all the case's defendants.
        "can_appeal": can_appeal(request.user, case, defendants),
        "can_open_scans": can_open_attachment(request.user, case, visible=True),  # loaded by visible_cases
        **case_page_actions(request.user, case, defendants),
        "can_decide_non_prosecution": access_module.can_prosecute_or_not(request.user, case),
    }
    response = render(request, "cases/case_detail.html", context, status=status)
    response.pagecache_note = [d.pk for d in defendants]  # whose particulars a cached copy shows again
    return response


@login_required
def defendant_identity(request, pk, defendant_id):
    """The full ID and phone numbers, shown on request (htmx) and logged: the case page shows them masked."""
    defendant = get_object_or_404(visible_defendants(request.user), pk=defendant_id, case_id=pk)
    if not can_see_identity(request.user):
        raise PermissionDenied
    log_personal_data_read(request.user, [defendant], fields=IDENTITY, via="page", path=request.path)
    return render(request, "cases/_identity.html", {"d": defendant})
