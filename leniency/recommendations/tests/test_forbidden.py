"""Finalising is checked once (check_finalise, inside do_finalise): the page and the API answer 403 with the
same reason, and nothing changes (issue 18: it was checked three times, each with its own message)."""

import json

from django.urls import reverse

from leniency.accounts.models import ApiToken
from leniency.recommendations.models import SentencingRecommendation

REASON = "只有本案检察院的检察官可以确定量刑建议"


def test_the_page_refuses_a_judge_with_the_checks_reason(client, world, flow):
    rec = flow.approved()
    world.to_trial()  # a judge who sees the case: the case's judge, once it is filed before the court
    client.force_login(world.judge)
    for response in (
        client.get(reverse("recommendations:finalise", args=[rec.pk])),
        client.post(reverse("recommendations:finalise", args=[rec.pk]), {"version": rec.version}),
    ):
        assert response.status_code == 403
        assert REASON in response.content.decode()
    rec.refresh_from_db()
    assert rec.status == SentencingRecommendation.Status.APPROVED


def test_the_api_refuses_a_lawyer_with_the_same_reason(client, world, flow):
    rec = flow.approved()
    _, key = ApiToken.issue(world.lawyer, "test")
    response = client.post(
        f"/api/recommendations/{rec.pk}/finalise",
        json.dumps({"version": rec.version}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 403
    assert REASON in response.json()["detail"]
    rec.refresh_from_db()
    assert rec.status == SentencingRecommendation.Status.APPROVED
