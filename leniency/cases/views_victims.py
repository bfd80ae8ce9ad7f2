"""The victims' pages of a case: the list (contact details masked), registering a victim, their opinion
(CPL art. 173) or why it could not be heard, an agreement with its scan, the full contact (logged)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from leniency.documents.archive import archive_storage
from leniency.forms_flow import form_post

from . import access, victims
from .forms_victims import UNREACHABLE, OpinionForm, SettlementForm, VictimForm
from .models import Settlement


def _case(request, pk):
    return get_object_or_404(access.visible_cases(request.user), pk=pk)


def _victim(request, case, victim_id):
    return get_object_or_404(victims.visible_victims(request.user).filter(case=case), pk=victim_id)


def _back(case):
    return reverse("case_victims", args=[case.pk])


@login_required
def case_victims(request, pk):
    case = _case(request, pk)
    shown = list(
        victims.visible_victims(request.user)
        .filter(case=case)
        .prefetch_related("defendants", "opinions__defendant", "settlements__defendant")
        .order_by("pk")
    )
    context = {
        "case": case,
        "victims": shown,
        "can_add": access.can_record_victims(request.user, case),
        "can_hear": access.can_record_victims(request.user, case),
        "can_settle": access.can_record_settlement(request.user, case),
        "can_see_contact": access.can_see_victim_contact(request.user, case),
    }
    return render(request, "cases/victims.html", context)


@login_required
def victim_add(request, pk):
    case = _case(request, pk)
    access.check_add_victim(request.user, case)
    defendants = access.visible_defendants(request.user).filter(case=case).order_by("pk")
    form = VictimForm(request.POST or None, defendants=defendants)

    def invalid(f):
        return render(request, "cases/victim_form.html", {"case": case, "form": f}, status=400)

    if request.method == "POST":
        return form_post(
            request,
            form,
            lambda data: victims.do_add_victim(case, acting_user=request.user, **data),
            done=lambda victim: _("已登记被害人 %(name)s") % {"name": victim.name},
            then=_back(case),
            invalid=invalid,
        )
    return render(request, "cases/victim_form.html", {"case": case, "form": form})


def _record_opinion(request, victim, data):
    if data["position"] == UNREACHABLE:
        return victims.do_record_victim_unreachable(
            victim,
            defendant=data["defendant"],
            reason=data["text"],
            as_of=data["heard_on"],
            acting_user=request.user,
        )
    return victims.do_record_victim_opinion(
        victim,
        defendant=data["defendant"],
        position=data["position"],
        method=data["method"],
        heard_on=data["heard_on"],
        text=data["text"],
        acting_user=request.user,
    )


@login_required
def victim_opinion(request, pk, victim_id):
    case = _case(request, pk)
    victim = _victim(request, case, victim_id)
    access.check_record_victim_opinion(request.user, case)
    form = OpinionForm(request.POST or None, defendants=victim.defendants.order_by("pk"))
    context = {"case": case, "victim": victim}

    def invalid(f):
        return render(request, "cases/victim_opinion.html", {**context, "form": f}, status=400)

    if request.method == "POST":
        return form_post(
            request,
            form,
            lambda data: _record_opinion(request, victim, data),
            done=_("已记录被害人 %(name)s 的意见") % {"name": victim.name},
            then=_back(case),
            invalid=invalid,
        )
    return render(request, "cases/victim_opinion.html", {**context, "form": form})


@login_required
def victim_settlement(request, pk, victim_id):
    case = _case(request, pk)
    victim = _victim(request, case, victim_id)
    access.check_record_settlement(request.user, case)
    form = SettlementForm(
        request.POST or None, request.FILES or None, defendants=victim.defendants.order_by("pk")
    )
    context = {"case": case, "victim": victim}

    def invalid(f):
        return render(request, "cases/victim_settlement.html", {**context, "form": f}, status=400)

    def record(data):
        document = data.pop("document", None)
        return victims.do_record_settlement(
            victim,
            acting_user=request.user,
            fileobj=document,
            original_name=document.name if document else "",
            **data,
        )

    if request.method == "POST":
        return form_post(
            request,
            form,
            record,
            done=lambda s: _("已记录%(kind)s") % {"kind": s.get_kind_display()},
            then=_back(case),
            invalid=invalid,
        )
    return render(request, "cases/victim_settlement.html", {**context, "form": form})


@login_required
def victim_contact(request, pk, victim_id):
    """The full ID number, phone and address, shown on request (htmx) and logged."""
    case = _case(request, pk)
    victim = _victim(request, case, victim_id)
    if not access.can_see_victim_contact(request.user, case):
        raise PermissionDenied
    victims.log_contact_read(request.user, victim, via="page", path=request.path)
    return render(request, "cases/_victim_contact.html", {"v": victim})


@login_required
def settlement_document(request, pk, settlement_id):
    case = _case(request, pk)
    settlement = get_object_or_404(
        Settlement.objects.filter(victim__in=victims.visible_victims(request.user).filter(case=case)),
        pk=settlement_id,
    )
    if not (access.can_record_settlement(request.user, case) or request.user.is_lawyer):
        raise PermissionDenied
    if not settlement.file_name or not archive_storage().exists(settlement.file_name):
        raise Http404
    handle = archive_storage().open(settlement.file_name, "rb")
    return FileResponse(handle, content_type=settlement.media_type, filename=settlement.original_name)
