"""The register of conflicts of interest: who registers a tie, its audit event, and the rota and the centre's
override honouring it."""

import json

import pytest

from leniency.accounts.models import ApiToken
from leniency.audit.models import AuditEvent
from leniency.counsel.conflicts import do_register_conflict, do_withdraw_conflict
from leniency.counsel.models import ConflictOfInterest, CounselRequest
from leniency.counsel.rota import do_override_allocation, do_request_counsel
from leniency.errors import DomainError, Forbidden

from .conftest import AS_OF

WHO = "只有律师本人、本案检察院、法院或本辖区法律援助中心可以登记利益冲突"


def _register(cw, lawyer, acting_user, **extra):
    extra.setdefault("kind", ConflictOfInterest.Kind.VICTIM)
    return do_register_conflict(cw.case, lawyer=lawyer, acting_user=acting_user, as_of=AS_OF, **extra)


def _request(cw):
    return do_request_counsel(
        cw.co_defendant, source=CounselRequest.Source.PROCURATORATE, acting_user=cw.prosecutor, as_of=AS_OF
    )


def test_registering_writes_the_row_and_the_event(cw):
    conflict = _register(cw, cw.lawyers[0], cw.officer, note="被害人张某的诉讼代理人")
    assert ConflictOfInterest.objects.get() == conflict
    assert (conflict.case, conflict.lawyer, conflict.recorded_by) == (cw.case, cw.lawyers[0], cw.officer)
    event = AuditEvent.objects.get(action="counsel.conflict.registered")
    assert event.case_id == cw.case.pk and event.data["lawyer"] == cw.lawyers[0].pk
    assert event.data["kind"] == "victim" and event.actor == cw.officer


def test_the_prosecutor_and_the_lawyer_themselves_may_register(cw):
    _register(cw, cw.lawyers[1], cw.prosecutor)
    _register(cw, cw.lawyers[2], cw.lawyers[2], kind=ConflictOfInterest.Kind.OTHER, note="同案犯李某的亲属")
    assert ConflictOfInterest.objects.count() == 2


def test_a_tie_of_another_kind_needs_a_note_and_none_is_registered_twice(cw):
    with pytest.raises(DomainError) as error:
        _register(cw, cw.lawyers[1], cw.officer, kind=ConflictOfInterest.Kind.OTHER)
    assert error.value.field == "note"
    _register(cw, cw.lawyers[1], cw.officer)
    with pytest.raises(DomainError) as error:
        _register(cw, cw.lawyers[1], cw.prosecutor)
    assert error.value.field == "lawyer"
    with pytest.raises(DomainError):
        _register(cw, cw.prosecutor, cw.officer)  # not a lawyer


def test_a_conflicted_lawyer_is_not_allocated(cw):
    # without the tie the rota's first lawyer gets the co-defendant (test_rota); with it, the next one does
    _register(cw, cw.lawyers[0], cw.officer)
    request = _request(cw)
    assert request.status == CounselRequest.Status.ASSIGNED
    assert request.allocations.get().lawyer == cw.lawyers[1]


def test_every_lawyer_conflicted_leaves_the_request_unfilled(cw):
    for lawyer in cw.lawyers:
        _register(cw, lawyer, cw.officer)
    request = _request(cw)
    assert request.status == CounselRequest.Status.UNFILLED
    assert AuditEvent.objects.get(action="counsel.request.unfilled").data["reason"] == "all_conflicted"


def test_an_override_to_a_conflicted_lawyer_is_refused_with_the_reason(cw):
    request = _request(cw)
    _register(cw, cw.lawyers[2], cw.lawyers[2])
    with pytest.raises(DomainError, match="与本案存在利益冲突") as error:
        do_override_allocation(request, lawyer=cw.lawyers[2], reason="当事人要求", acting_user=cw.officer)
    assert error.value.field == "lawyer"


def test_outsiders_are_refused(cw):
    with pytest.raises(Forbidden, match=WHO):
        _register(cw, cw.lawyers[0], cw.outsider_officer)  # another district's centre
    with pytest.raises(Forbidden, match=WHO):
        _register(cw, cw.lawyers[0], cw.outsider_prosecutor)
    with pytest.raises(Forbidden, match=WHO):
        _register(cw, cw.lawyers[0], cw.lawyers[1])  # a lawyer registers only their own tie
    assert not ConflictOfInterest.objects.exists()


def test_the_page_lists_and_adds_ties(client, cw):
    url = f"/counsel/cases/{cw.case.pk}/conflicts/"
    client.force_login(cw.officer)
    assert client.get(url).status_code == 200
    assert client.post(url, {"lawyer": cw.lawyers[1].pk, "kind": "other"}).status_code == 400  # no note
    response = client.post(url, {"lawyer": cw.lawyers[1].pk, "kind": "victim", "note": "被害人代理人"})
    assert response.status_code == 302
    assert "被害人代理人" in client.get(url).content.decode()
    client.force_login(cw.lawyer)  # bob sees the case, declares his own tie and sees only his own
    assert client.post(url, {"kind": "other", "note": "被害人的表兄"}).status_code == 302
    page = client.get(url).content.decode()
    assert "被害人的表兄" in page and "被害人代理人" not in page
    assert set(ConflictOfInterest.objects.values_list("lawyer", flat=True)) == {
        cw.lawyers[1].pk,
        cw.lawyer.pk,
    }


def test_the_api_registers_and_lists(client, cw):
    _, key = ApiToken.issue(cw.prosecutor, "test")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    url = f"/api/counsel/cases/{cw.case.pk}/conflicts"
    body = {"lawyer": cw.lawyers[3].pk, "kind": "victim"}
    response = client.post(url, json.dumps(body), content_type="application/json", **auth)
    assert response.status_code == 201 and response.json()["lawyer_id"] == cw.lawyers[3].pk
    assert [c["lawyer_id"] for c in client.get(url, **auth).json()] == [cw.lawyers[3].pk]
    _, key = ApiToken.issue(cw.outsider_officer, "test")
    outsider = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    assert client.post(url, json.dumps(body), content_type="application/json", **outsider).status_code == 404


def test_the_centre_and_the_assigned_lawyer_find_the_register(client, cw):
    request = _request(cw)
    url = f"/counsel/cases/{cw.case.pk}/conflicts/"
    client.force_login(cw.officer)
    assert url in client.get(f"/counsel/requests/{request.pk}/").content.decode()
    assignment = request.allocations.get().assignment
    client.force_login(assignment.lawyer)
    assert url in client.get(f"/counsel/assignments/{assignment.pk}/").content.decode()


def test_a_withdrawn_tie_no_longer_binds_and_only_the_authorities_withdraw(cw):
    conflict = _register(cw, cw.lawyers[1], cw.lawyers[1])
    with pytest.raises(Forbidden, match="只有本案检察院、法院或本辖区法律援助中心可以撤销利益冲突登记"):
        do_withdraw_conflict(conflict, reason="代理已结束", acting_user=cw.lawyers[1], as_of=AS_OF)
    with pytest.raises(DomainError) as error:
        do_withdraw_conflict(conflict, reason=" ", acting_user=cw.officer, as_of=AS_OF)
    assert error.value.field == "reason"
    do_withdraw_conflict(conflict, reason="被害人已解除委托", acting_user=cw.officer, as_of=AS_OF)
    conflict.refresh_from_db()
    assert conflict.withdrawn_by == cw.officer and conflict.withdrawal_reason == "被害人已解除委托"
    assert AuditEvent.objects.get(action="counsel.conflict.withdrawn").data["lawyer"] == cw.lawyers[1].pk
    with pytest.raises(DomainError):
        do_withdraw_conflict(conflict, reason="再次", acting_user=cw.officer, as_of=AS_OF)
    assert (
        _request(cw).allocations.get().lawyer == cw.lawyers[1]
    )  # next in the rota's turn again (bob's September allocation puts him last)


def test_the_page_withdraws_a_tie(client, cw):
    conflict = _register(cw, cw.lawyers[1], cw.officer)
    url = f"/counsel/cases/{cw.case.pk}/conflicts/"
    client.force_login(cw.lawyer)
    assert client.post(url, {"withdraw": "1", "conflict": conflict.pk, "reason": "x"}).status_code == 403
    client.force_login(cw.prosecutor)
    assert client.post(url, {"withdraw": "1", "conflict": conflict.pk, "reason": ""}).status_code == 400
    response = client.post(url, {"withdraw": "1", "conflict": conflict.pk, "reason": "被害人已解除委托"})
    assert response.status_code == 302
    conflict.refresh_from_db()
    assert conflict.withdrawn_at is not None
    assert "被害人已解除委托" in client.get(url).content.decode()


def test_the_api_withdraws_a_tie(client, cw):
    conflict = _register(cw, cw.lawyers[1], cw.officer)
    url = f"/api/counsel/cases/{cw.case.pk}/conflicts/withdrawal"

    def post(user, body):
        _, key = ApiToken.issue(user, "test")
        return client.post(
            url, json.dumps(body), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}"
        )

    assert post(cw.lawyer, {"conflict": conflict.pk, "reason": "x"}).status_code == 403
    assert post(cw.officer, {"conflict": 0, "reason": "x"}).status_code == 400
    response = post(cw.officer, {"conflict": conflict.pk, "reason": "被害人已解除委托"})
    assert response.status_code == 200 and response.json()["withdrawal_reason"] == "被害人已解除委托"
