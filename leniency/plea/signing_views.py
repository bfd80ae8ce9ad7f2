"""The agreement's page and its signing: each party's act on their own account (signing.py), the defendant's
signature image or scan for those who may see the agreement (a logged read)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from leniency.cases.access import visible_defendants
from leniency.documents.archive import archive_storage
from leniency.errors import DomainError
from leniency.forms_flow import add_domain_error

from . import access, state
from .agreements import verify_agreement
from .forms import SIGN_FORMS
from .models import PleaAgreement, Signature
from .signing import (
    decode_data_url,
    do_attest_as_lawyer,
    do_record_defendant_signature,
    do_sign_as_prosecutor,
    next_step,
    record_image_read,
)
from .state import missing_roles

Role = Signature.Role


def _agreement(request, pk) -> PleaAgreement:
    return get_object_or_404(
        PleaAgreement.objects.select_related("defendant", "defendant__case"),
        pk=pk,
        defendant__in=visible_defendants(request.user),
    )


def _may_sign(user, defendant, role) -> bool:
    if role == Role.LAWYER:
        return access.can_sign_as_lawyer(user, defendant)
    return access.can_manage_agreement(user, defendant)


def _sign_form(role, agreement, data=None, files=None, **kwargs):
    return SIGN_FORMS[role](data, files, defendant=agreement.defendant, agreement=agreement, **kwargs)


def _initial(agreement, role) -> dict:
    """The later signers start from the segment the defendant's signature named (usually the same session)."""
    initial = {"role": role}
    first = state.valid_signatures(agreement).get(Role.DEFENDANT)
    if first is not None and first.recording_id:
        initial |= {
            "recording": first.recording_id,
            "recording_start_s": first.recording_start_s,
            "recording_end_s": first.recording_end_s,
        }
    return initial


@login_required
def agreement_detail(request, pk, *, sign_form=None, status=200):
    agreement = _agreement(request, pk)
    defendant = agreement.defendant
    missing = missing_roles(agreement) if agreement.is_current else []
    forms_by_role = {
        role: (
            sign_form
            if sign_form is not None and sign_form.data.get("role") == role
            else _sign_form(role, agreement, initial=_initial(agreement, role))
        )
        for role in missing
        if _may_sign(request.user, defendant, role)
    }
    return render(
        request,
        "plea/agreement_detail.html",
        {
            "agreement": agreement,
            "defendant": defendant,
            "case": defendant.case,
            "verification": verify_agreement(agreement),
            "missing": [Role(r).label for r in missing],
            "sign_forms": forms_by_role,
            "next_step": next_step(agreement),
            "recordings": agreement.recordings.all(),
            "versions": PleaAgreement.objects.filter(defendant=defendant).order_by("version"),
        },
        status=status,
    )


def _act(form, agreement, role, user):
    """The service for the form's role; each checks who may act (the prosecutor never attests for the lawyer)."""
    data, evidence = form.cleaned_data, form.evidence()
    if role == Role.DEFENDANT:
        capture, content = form.capture()
        if capture == Signature.Capture.DRAWN:
            content = decode_data_url(content) if content else b""
        return do_record_defendant_signature(
            agreement, acting_user=user, capture=capture, content=content, **evidence
        )
    if role == Role.LAWYER:
        return do_attest_as_lawyer(
            agreement,
            acting_user=user,
            present=data["present"],
            advised=data["advised"],
            voluntary=data["voluntary"],
            **evidence,
        )
    return do_sign_as_prosecutor(agreement, acting_user=user, **evidence)


@login_required
@require_POST
def agreement_sign(request, pk):
    agreement = _agreement(request, pk)
    role = request.POST.get("role", "")
    if role not in SIGN_FORMS:
        return HttpResponseBadRequest(_("未知的签署身份"))
    form = _sign_form(role, agreement, request.POST, request.FILES)
    if not form.is_valid():
        return agreement_detail(request, pk, sign_form=form, status=400)
    try:
        signature = _act(form, agreement, role, request.user)
    except DomainError as error:
        add_domain_error(form, error)
        return agreement_detail(request, pk, sign_form=form, status=400)
    agreement.refresh_from_db()
    done = (
        _("律师已确认在场并签名")
        if role == Role.LAWYER
        else _("已记录%(role)s签名") % {"role": signature.get_role_display()}
    )
    messages.success(request, f"{done}。{next_step(agreement)}")
    return redirect("plea_agreement", pk=pk)


@login_required
def signature_image(request, pk, signature_id):
    """The defendant's handwriting or signed paper copy, to whoever may see the agreement; a logged read."""
    agreement = _agreement(request, pk)
    signature = get_object_or_404(Signature, pk=signature_id, agreement=agreement)
    if not signature.image_file:
        raise Http404
    record_image_read(signature, user=request.user, path=request.path)
    ext = signature.image_file.rsplit(".", 1)[-1]
    return FileResponse(
        archive_storage().open(signature.image_file, "rb"),
        content_type=signature.image_type,
        filename=f"signature-{agreement.defendant_id}-v{agreement.version}-{signature.role}.{ext}",
    )
