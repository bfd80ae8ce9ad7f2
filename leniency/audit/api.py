"""The signed head of the audit trail, for an outside party (the review committee, an auditor) to poll and keep.

Kept heads are checked with `leniency audit verify --head FILE`: a head the trail no longer contains, or
contains with another seal, shows that events were deleted or rewritten after it was taken.
"""

from ninja import Router, Schema
from ninja.errors import HttpError

from leniency.accounts.capabilities import has_capability

from . import checkpoints

router = Router(tags=["audit"])


class HeadOut(Schema):
    seq: int
    hash: str
    at: str
    key_id: str
    seal: str


@router.get(
    "/head",
    response={200: HeadOut, 204: None},
    summary="The signed head of the audit trail (sequence, seal, time, key id); keep it to check later",
)
def head(request):
    if not has_capability(request.user, "watch_trail"):  # the committee, auditors
        raise HttpError(403, "the trail's head is for the review committee and auditors")
    signed = checkpoints.head()
    if signed is None:
        return 204, None
    return signed.as_dict()
