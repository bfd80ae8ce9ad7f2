"""追加起诉: a co-defendant prosecuted after the others (his review ended later, or he was caught later) goes to the
court that already has the case through `do_prosecute` (SPP Rules 2019 art. 423), never through a bare stage
change; he joins the case as the court filed it."""

from datetime import date

import pytest
from django.urls import reverse

from leniency.accounts.models import Organisation
from leniency.audit.models import AuditEvent
from leniency.audit.timeline import case_timeline
from leniency.cases import judgments, services
from leniency.cases.access import is_case_judge
from leniency.cases.court_panels import current_panel
from leniency.cases.deadlines import deadline_for
from leniency.cases.models import Defendant
from leniency.cases.stages import Stage
from leniency.errors import DomainError

from .conftest import TWO_YEARS

PROSECUTED, FILED, ADDED = date(2026, 10, 9), date(2026, 10, 12), date(2026, 10, 20)


@pytest.fixture
def first_prosecuted(world):
    """The lawyer's client prosecuted and filed alone, his co-defendant back from 退回补充侦查 afterwards."""
    co = world.co_defendant
    services.do_change_stage(
        co,
        to=Stage.INVESTIGATION,
        as_of=date(2026, 9, 20),
        reason="退回补充侦查",
        acting_user=world.prosecutor,
    )
    services.do_prosecute(world.case, court=world.court, as_of=PROSECUTED, acting_user=world.prosecutor)
    services.do_file_case(world.case, judge=world.judge, filed_on=FILED, acting_user=world.clerk)
    services.do_change_stage(
        co,
        to=Stage.PROSECUTION_REVIEW,
        as_of=date(2026, 10, 15),
        reason="补充侦查完毕移送",
        acting_user=world.prosecutor,
    )
    world.case.refresh_from_db()
    return world.case


def test_a_co_defendant_reviewed_later_joins_the_filed_case_at_the_same_court(world, first_prosecuted):
    case = first_prosecuted
    panel = [(m.judge_id, m.presiding) for m in current_panel(case)]
    services.do_prosecute(case, as_of=ADDED, acting_user=world.prosecutor)
    case.refresh_from_db()
    co = world.co_defendant
    co.refresh_from_db()
    assert (co.stage, co.stage_since) == (Stage.FIRST_INSTANCE, ADDED)
    # The case keeps its prosecution, its court, its filing and its panel.
    assert (case.prosecuted_on, case.court, case.court_filed_on) == (PROSECUTED, world.court, FILED)
    assert [(m.judge_id, m.presiding) for m in current_panel(case)] == panel
    # His trial period runs from the added prosecution, not from the filing a week before it (CPL 208).
    assert deadline_for(co).start == ADDED

    event = AuditEvent.objects.get(action="case.prosecution.added", case_id=case.pk)
    assert event.data["defendants"] == [co.pk] and event.data["court"] == world.court.name
    assert event.data["prosecuted_on"] == PROSECUTED.isoformat()
    moved = AuditEvent.objects.filter(action="defendant.stage.changed", case_id=case.pk).latest("seq")
    assert (moved.data["defendant"], moved.data["reason"]) == (co.pk, "追加起诉")
    names = {d.pk: d.name for d in case.defendants.all()}
    labels = [(e.label, e.detail) for e in case_timeline(case, defendant_names=names)]
    assert ("追加起诉", world.court.name) in labels and ("提起公诉", world.court.name) in labels

    # The assigned judge acts on him: the judgment of first instance takes him.
    assert is_case_judge(world.judge, case)
    judgments.do_record_judgment(
        case,
        sentences={co.pk: TWO_YEARS, world.defendant.pk: TWO_YEARS},
        judged_on=date(2026, 11, 20),
        acting_user=world.judge,
    )
    co.refresh_from_db()
    assert co.stage == Stage.JUDGMENT and co.sentences.get().court == world.court


def test_an_added_prosecution_to_another_court_is_refused_naming_the_court_that_has_the_case(
    world, first_prosecuted
):
    other = Organisation.objects.get(name="西区人民法院")
    with pytest.raises(DomainError, match="追加起诉向已受理本案的东区人民法院提出") as error:
        services.do_prosecute(first_prosecuted, court=other, as_of=ADDED, acting_user=world.prosecutor)
    assert error.value.field == "court"
    with pytest.raises(DomainError, match="刑事诉讼法第21条") as error:
        services.do_prosecute(first_prosecuted, grave=True, as_of=ADDED, acting_user=world.prosecutor)
    assert error.value.field == "grave"
    world.co_defendant.refresh_from_db()
    assert world.co_defendant.stage == Stage.PROSECUTION_REVIEW
    assert not AuditEvent.objects.filter(action="case.prosecution.added").exists()


def test_an_added_prosecution_is_dated_after_the_case_went_to_court(world, first_prosecuted):
    late = services.do_add_defendant(
        first_prosecuted,
        name="赵某",
        charges=[world.theft],
        stage=Stage.PROSECUTION_REVIEW,
        stage_since=date(2026, 9, 1),
        acting_user=world.prosecutor,
    )
    with pytest.raises(DomainError, match="追加起诉日期不能早于本案提起公诉的日期 2026-10-09") as error:
        services.do_prosecute(first_prosecuted, as_of=date(2026, 10, 5), acting_user=world.prosecutor)
    assert error.value.field == "as_of"
    late.refresh_from_db()
    assert late.stage == Stage.PROSECUTION_REVIEW


def test_with_nobody_under_review_there_is_nothing_to_add(world, first_prosecuted):
    services.do_change_stage(
        world.co_defendant, to=Stage.INVESTIGATION, as_of=date(2026, 10, 16), acting_user=world.prosecutor
    )
    with pytest.raises(DomainError, match="本案已于 2026-10-09 提起公诉，没有处于审查起诉阶段的犯罪嫌疑人"):
        services.do_prosecute(first_prosecuted, as_of=ADDED, acting_user=world.prosecutor)


def test_no_added_prosecution_once_the_appeal_moved_the_case_to_the_court_above(
    world, upper, first_prosecuted
):
    case = first_prosecuted
    judgments.do_record_judgment(
        case, sentences={world.defendant.pk: TWO_YEARS}, judged_on=date(2026, 11, 2), acting_user=world.judge
    )
    services.do_appeal(case, kind="appeal", lodged_on=date(2026, 11, 5), acting_user=world.clerk)
    case.refresh_from_db()
    with pytest.raises(DomainError, match="刑事诉讼法第233条") as error:
        services.do_prosecute(case, as_of=date(2026, 11, 6), acting_user=world.prosecutor)
    assert error.value.field == "court"


def test_a_bare_stage_change_to_first_instance_is_refused_before_and_after_the_prosecution(
    world, first_prosecuted
):
    """Both ways: refused on the co-defendant of a prosecuted case, where `do_prosecute` takes him."""
    with pytest.raises(DomainError, match="请使用“提起公诉”") as error:
        services.do_change_stage(world.co_defendant, to=Stage.FIRST_INSTANCE, acting_user=world.prosecutor)
    assert error.value.field == "stage"
    world.co_defendant.refresh_from_db()
    assert world.co_defendant.stage == Stage.PROSECUTION_REVIEW
    services.do_prosecute(first_prosecuted, as_of=ADDED, acting_user=world.prosecutor)
    world.co_defendant.refresh_from_db()
    assert world.co_defendant.stage == Stage.FIRST_INSTANCE


def test_the_prosecution_takes_the_defendants_named_and_the_others_review_goes_on(world):
    services.do_prosecute(
        world.case, defendants=[world.defendant], as_of=PROSECUTED, acting_user=world.prosecutor
    )
    world.defendant.refresh_from_db()
    world.co_defendant.refresh_from_db()
    assert (world.defendant.stage, world.co_defendant.stage) == (
        Stage.FIRST_INSTANCE,
        Stage.PROSECUTION_REVIEW,
    )
    assert AuditEvent.objects.get(action="case.prosecuted").data["defendants"] == [world.defendant.pk]
    # One already at trial is no longer under review: naming him again is refused.
    with pytest.raises(DomainError, match="只能对本案处于审查起诉阶段的犯罪嫌疑人提起公诉") as error:
        services.do_prosecute(
            world.case,
            defendants=[world.defendant, world.co_defendant],
            as_of=ADDED,
            acting_user=world.prosecutor,
        )
    assert error.value.field == "defendants"
    services.do_prosecute(
        world.case, defendants=[world.co_defendant], as_of=ADDED, acting_user=world.prosecutor
    )
    world.co_defendant.refresh_from_db()
    assert (world.co_defendant.stage, world.co_defendant.stage_since) == (Stage.FIRST_INSTANCE, ADDED)


def test_the_prosecution_page_offers_the_added_prosecution_naming_who_goes(client, world, first_prosecuted):
    case = first_prosecuted
    client.force_login(world.prosecutor)
    url = reverse("case_prosecute", args=[case.pk])
    assert f'href="{url}">追加起诉</a>' in client.get(reverse("case_detail", args=[case.pk])).content.decode()
    page = client.get(url).content.decode()
    assert "<h1>追加起诉" in page and world.court.name in page and "第四百二十三条" in page
    assert f"{world.co_defendant.name}（审查起诉自 2026-10-15）" in page
    assert f"{world.defendant.name}（审查起诉自" not in page  # already at trial: not among those who go now
    assert 'name="grave"' not in page  # no court to choose
    response = client.post(url, {"as_of": "2026-10-08", "defendants": [world.co_defendant.pk]})
    assert (
        response.status_code == 400 and "追加起诉日期不能早于本案提起公诉的日期" in response.content.decode()
    )
    response = client.post(url, {"as_of": ADDED.isoformat(), "defendants": [world.co_defendant.pk]})
    assert response.status_code == 302
    world.co_defendant.refresh_from_db()
    assert (world.co_defendant.stage, world.co_defendant.stage_since) == (Stage.FIRST_INSTANCE, ADDED)
    # Nobody left under review: the case page no longer offers it.
    assert f'href="{url}"' not in client.get(reverse("case_detail", args=[case.pk])).content.decode()


def test_the_first_prosecution_page_lists_who_goes_and_keeps_the_others_under_review(client, world):
    client.force_login(world.prosecutor)
    url = reverse("case_prosecute", args=[world.case.pk])
    page = client.get(url).content.decode()
    assert "<h1>提起公诉" in page and 'name="grave"' in page
    assert page.count('name="defendants"') == 2 and page.count("checked") >= 2  # both offered, both ticked
    response = client.post(url, {"as_of": "2026-10-09"})
    assert response.status_code == 400 and "起诉的犯罪嫌疑人：" in response.content.decode()
    response = client.post(url, {"as_of": "2026-10-09", "defendants": [world.defendant.pk]})
    assert response.status_code == 302
    world.co_defendant.refresh_from_db()
    assert world.co_defendant.stage == Stage.PROSECUTION_REVIEW


def test_the_prosecution_operation_adds_the_later_defendant(client, world, first_prosecuted):
    client.force_login(world.prosecutor)
    url = f"/api/cases/{first_prosecuted.pk}/prosecution"
    response = client.post(url, {"as_of": ADDED.isoformat()}, content_type="application/json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["prosecuted_on"], body["court"]) == (PROSECUTED.isoformat(), world.court.name)
    world.co_defendant.refresh_from_db()
    assert (world.co_defendant.stage, world.co_defendant.stage_since) == (Stage.FIRST_INSTANCE, ADDED)
    again = client.post(url, {"defendants": [world.defendant.pk]}, content_type="application/json")
    assert again.status_code == 400 and again.json()["field"] == "defendants"


def test_the_courts_clerk_sees_the_added_defendant_on_the_filed_case_and_no_second_filing(
    client, world, first_prosecuted
):
    services.do_prosecute(first_prosecuted, as_of=ADDED, acting_user=world.prosecutor)
    client.force_login(world.clerk)
    page = client.get(reverse("case_detail", args=[first_prosecuted.pk])).content.decode()
    assert f'id="defendant-{world.co_defendant.pk}"' in page and "追加起诉" in page
    assert (
        f'id="incoming-{first_prosecuted.pk}"' not in client.get(reverse("court_incoming")).content.decode()
    )
    assert reverse("court_file", args=[first_prosecuted.pk]) not in page  # filed once, for every defendant


def test_the_judgment_cannot_predate_a_defendant_prosecuted_later(world, first_prosecuted):
    """Filed on 10-12, the co-defendant added on 10-20: a judgment dated 10-15 would sentence him before he was
    prosecuted."""
    case = first_prosecuted
    services.do_prosecute(case, as_of=ADDED, acting_user=world.prosecutor)
    with pytest.raises(DomainError, match="被提起公诉的日期") as refused:
        judgments.do_record_judgment(
            case,
            sentences={world.co_defendant.pk: TWO_YEARS, world.defendant.pk: TWO_YEARS},
            judged_on=date(2026, 10, 15),
            acting_user=world.judge,
        )
    assert refused.value.field == "judged_on"
    world.co_defendant.refresh_from_db()
    assert world.co_defendant.stage == Stage.FIRST_INSTANCE


JUDGED = date(2026, 10, 30)


@pytest.fixture
def co_defendant_judged(world, first_prosecuted):
    """The first-prosecuted defendant judged on 10-30 while his co-defendant is still under review."""
    judgments.do_record_judgment(
        first_prosecuted, sentences={world.defendant.pk: TWO_YEARS}, judged_on=JUDGED, acting_user=world.judge
    )
    return first_prosecuted


def test_no_added_prosecution_once_a_co_defendant_is_judged_the_suspect_goes_in_a_new_case(
    world, co_defendant_judged
):
    """SPP Rules 2019 art. 423: 追加起诉 only before the court pronounces its judgment, whether the judgment is
    still open to appeal or has taken effect."""
    case = co_defendant_judged
    with pytest.raises(DomainError, match="第四百二十三条.*另行起诉") as error:
        services.do_prosecute(case, as_of=date(2026, 11, 2), acting_user=world.prosecutor)
    assert error.value.field == "defendants" and "2026-10-30" in error.value.message
    judged = Defendant.objects.get(pk=world.defendant.pk)
    services.do_change_stage(judged, to=Stage.FINAL, as_of=date(2026, 11, 20), acting_user=world.judge)
    with pytest.raises(DomainError, match="宣告判决前") as error:
        services.do_prosecute(case, as_of=date(2026, 11, 21), acting_user=world.prosecutor)
    assert error.value.field == "defendants"
    world.co_defendant.refresh_from_db()
    assert world.co_defendant.stage == Stage.PROSECUTION_REVIEW
    assert not AuditEvent.objects.filter(action="case.prosecution.added").exists()


def test_a_remand_sets_the_judgment_aside_and_the_retried_case_takes_the_added_co_defendant(
    world, upper, co_defendant_judged
):
    """Where art. 423 does not bind: 发回重审 (CPL art. 236) sets the first judgment aside, and the first court
    tries the case again before pronouncing a new one (SPC Interpretation 2021 art. 403 names 补充起诉 there)."""
    court, clerk, judge, *members = upper
    case = co_defendant_judged
    services.do_appeal(case, kind="appeal", lodged_on=date(2026, 11, 5), acting_user=world.clerk)
    services.do_file_case(case, judge=judge, members=members, filed_on=date(2026, 11, 6), acting_user=clerk)
    judgments.do_decide_second_instance(
        case, decision="remand", ground="procedure", decided_on=date(2026, 12, 1), acting_user=judge
    )
    case.refresh_from_db()
    services.do_prosecute(case, as_of=date(2026, 12, 3), acting_user=world.prosecutor)
    world.co_defendant.refresh_from_db()
    assert (world.co_defendant.stage, world.co_defendant.stage_since) == (
        Stage.FIRST_INSTANCE,
        date(2026, 12, 3),
    )
    assert AuditEvent.objects.get(action="case.prosecution.added").data["court"] == world.court.name


def test_the_prosecution_page_and_operation_show_the_refusal_after_the_judgment(
    client, world, co_defendant_judged
):
    case = co_defendant_judged
    client.force_login(world.prosecutor)
    response = client.post(
        reverse("case_prosecute", args=[case.pk]),
        {"as_of": "2026-11-02", "defendants": [world.co_defendant.pk]},
    )
    page = response.content.decode()
    assert response.status_code == 400 and "第四百二十三条" in page and "另行起诉" in page
    api = client.post(
        f"/api/cases/{case.pk}/prosecution", {"as_of": "2026-11-02"}, content_type="application/json"
    )
    assert api.status_code == 400 and api.json()["field"] == "defendants"
    assert "另行起诉" in api.json()["detail"]
    world.co_defendant.refresh_from_db()
    assert world.co_defendant.stage == Stage.PROSECUTION_REVIEW
