"""The signatures a demo 具结书 carries, shaped as the signing services (plea/signing.py) leave them.

A signed agreement has, in this order, the defendant's signature (a drawing or a scanned paper copy, kept with
its hash, naming the lawyer present), the lawyer's attestation on their own account and the prosecutor's; each
names the segment of the signing's recording or says why there is none; each signs the stored file's hash. The
plea builder and the L区 district write hundreds of them at once with bulk_create, through `signature_rows`, and
their audit events through `signature_events`, with the data `plea.signing._create` records.
"""

from __future__ import annotations

from datetime import datetime

from leniency.plea.models import PleaAgreement, Signature
from leniency.plea.signing import ATTESTATION

Role, Capture = Signature.Role, Signature.Capture


def signature_rows(
    agreement: PleaAgreement,
    *,
    defendant_name: str,
    lawyer,
    prosecutor,
    times: list[datetime],
    image,
    capture: str = Capture.DRAWN,
    recording=None,
    segment: tuple[int, int] | None = None,
    no_recording_reason: str = "",
) -> list[Signature]:
    """Defendant, lawyer, prosecutor at `times`; `image` is the stored drawing or scan (documents.archive)."""
    if (recording is None) == (not no_recording_reason):
        raise ValueError("a signature names its recording segment or the reason there is none")
    evidence = {
        "recording": recording,
        "recording_start_s": segment[0] if recording is not None else None,
        "recording_end_s": segment[1] if recording is not None else None,
        "no_recording_reason": no_recording_reason,
    }
    media = "application/pdf" if image.name.endswith(".pdf") else "image/png"
    parties = (
        (Role.DEFENDANT, None, defendant_name, prosecutor, str(lawyer), capture, ""),
        (Role.LAWYER, lawyer, str(lawyer), lawyer, "", Capture.ACCOUNT, ATTESTATION),
        (Role.PROSECUTOR, prosecutor, str(prosecutor), prosecutor, "", Capture.ACCOUNT, ""),
    )
    return [
        Signature(
            agreement=agreement,
            role=role,
            signer=signer,
            signer_name=name[:50],
            signed_at=when,
            document_sha256=agreement.sha256,
            lawyer_present=present[:50],
            recorded_by=actor,
            capture=how,
            attestation=attestation,
            **(
                {
                    "image_file": image.name,
                    "image_type": media,
                    "image_sha256": image.sha256,
                    "image_size": image.size,
                }
                if role == Role.DEFENDANT
                else {}
            ),
            **evidence,
        )
        for (role, signer, name, actor, present, how, attestation), when in zip(parties, times, strict=True)
    ]


def signature_events(agreement: PleaAgreement, signatures: list[Signature]) -> list[tuple]:
    """(when, action, actor, data) of each signature and of the completion, as the services record them."""
    events = [
        (
            s.signed_at,
            "plea.agreement.signed",
            s.recorded_by,
            {
                "defendant": agreement.defendant_id,
                "version": agreement.version,
                "role": s.role,
                "sha256": agreement.sha256,
                "capture": s.capture,
                "image_sha256": s.image_sha256,
                "attestation": bool(s.attestation),
                "recording": s.recording_id,
                "segment": [s.recording_start_s, s.recording_end_s],
                "no_recording_reason": s.no_recording_reason,
            },
        )
        for s in signatures
    ]
    last = signatures[-1]
    events.append(
        (
            last.signed_at,
            "plea.agreement.completed",
            last.recorded_by,
            {"defendant": agreement.defendant_id, "version": agreement.version, "sha256": agreement.sha256},
        )
    )
    return events
