from datetime import timedelta

import pytest
from django.utils import timezone

from leniency.audit.models import AuditEvent
from leniency.cases.services import do_add_defendant
from leniency.cases.stages import Stage
from leniency.errors import DomainError, Forbidden
from leniency.plea.models import ReviewItem
from leniency.plea.next_step import next_step
from leniency.plea.review import adoption_blockers
from leniency.plea.story import load_records, open_failure_count, story
from leniency.plea.voluntariness import do_record_review, do_resolve_item

from .helpers import agreement, all_yes, notice, sign_all


def test_notice_records_rights_method_and_acknowledgement(world):
    n = notice(world, language="维吾尔语", interpreter="阿某某", method="written")
    assert n.stage == Stage.PROSECUTION_REVIEW and n.acknowledged and "理解" in n.acknowledgement
    assert "第一百七十三条" in n.legal_basis and len(n.rights()) == 4
    event = AuditEvent.objects.get(action="plea.notice.recorded")
    assert event.data == {
        "defendant": world.defendant.pk,
        "stage": "prosecution_review",
        "authority": "procuratorate",
        "rights": ["right_procedural", "right_plea_rules", "right_duty_lawyer", "right_withdraw"],
        "method": "written",
        "language": "维吾尔语",
        "interpreter": True,
        "acknowledged": True,
    }


def test_notice_guards(world):
    with pytest.raises(DomainError) as error:
        notice(world, language="英语")
    assert error.value.field == "interpreter"
    with pytest.raises(DomainError) as error:
        notice(world, rights={"right_withdraw": False})
    assert error.value.field == "right_withdraw"
    with pytest.raises(DomainError) as error:
        notice(world, notified_at=timezone.now() + timedelta(days=1))
    assert error.value.field == "notified_at"


def _at_trial(world):
    sign_all(world, agreement(world))
    world.to_trial()


def _assert_story_counts(world, *, open_failures, detail, next_words):
    """The case page's plea records count a review's open failures in the review's own query (load_records), and
    the story and the next step read that count as the review's items would give it."""
    records = load_records([world.defendant.pk])[world.defendant.pk]
    assert [open_failure_count(r) for r in records.reviews] == [open_failures]
    assert [e.detail for e in story(world.defendant, records) if e.kind == "review"] == [detail]
    assert next_words in next_step(world.defendant, records)


def test_failed_item_blocks_adoption_until_resolved(world, final_round):
    _at_trial(world)
    review = do_record_review(
        world.defendant,
        acting_user=world.judge,
        answers=all_yes(no_coercion=("no", "被告人当庭称侦查阶段受到威胁")),
    )
    assert not review.passed
    assert any("没有暴力、威胁、引诱" in b and "受到威胁" in b for b in adoption_blockers(world.defendant))
    _assert_story_counts(
        world, open_failures=1, detail="1 项不符合，未解决", next_words="法院审查认罪认罚的自愿性"
    )
    item = review.items.get(key="no_coercion")
    with pytest.raises(DomainError):
        do_resolve_item(item, acting_user=world.judge, resolution="")
    with pytest.raises(Forbidden, match="只有审理本案的法官可以处理审查事项"):
        do_resolve_item(item, acting_user=world.prosecutor, resolution="x")
    do_resolve_item(
        item, acting_user=world.judge, resolution="调看同步录音录像，未见威胁；被告人当庭确认自愿认罪"
    )
    review.refresh_from_db()
    assert review.passed and adoption_blockers(world.defendant) == []
    _assert_story_counts(world, open_failures=0, detail="通过", next_words="法院对量刑建议作出采纳或不予采纳")
    assert AuditEvent.objects.filter(action="plea.review.item.resolved").count() == 1
    recorded = AuditEvent.objects.get(action="plea.review.recorded")
    assert recorded.data["failed"] == ["no_coercion"] and recorded.data["passed"] is False


def test_review_guards(world, final_round):
    # Before 提起公诉 the case has no court, so the judge is not its judge.
    with pytest.raises(Forbidden, match="只有审理本案的法官可以进行自愿性审查"):
        do_record_review(world.defendant, acting_user=world.judge, answers=all_yes())
    _at_trial(world)
    # A suspect added after the prosecution is still under review: not yet the court's to review.
    late = do_add_defendant(
        world.case,
        name="王某",
        charges=[world.theft],
        stage=Stage.PROSECUTION_REVIEW,
        stage_since=timezone.localdate(),
        acting_user=world.prosecutor,
    )
    with pytest.raises(Forbidden, match="尚未进入审判阶段"):
        do_record_review(late, acting_user=world.judge, answers=all_yes())
    for user in (world.outsider_judge, world.prosecutor, world.lawyer):
        with pytest.raises(Forbidden, match="只有审理本案的法官可以进行自愿性审查"):
            do_record_review(world.defendant, acting_user=user, answers=all_yes())
    with pytest.raises(DomainError) as error:
        do_record_review(world.defendant, acting_user=world.judge, answers=all_yes(mental_state=("no", "")))
    assert error.value.field == "mental_state"
    with pytest.raises(DomainError):
        do_record_review(world.defendant, acting_user=world.judge, answers=all_yes(no_coercion=("na", "")))
    answers = all_yes()
    del answers["understands"]
    with pytest.raises(DomainError):
        do_record_review(world.defendant, acting_user=world.judge, answers=answers)
    review = do_record_review(
        world.defendant, acting_user=world.judge, answers=all_yes(settlement_on_file=("na", "无被害人"))
    )
    assert review.items.get(key="settlement_on_file").answer == ReviewItem.Answer.NOT_APPLICABLE


def test_agreement_on_file_cannot_be_affirmed_without_an_agreement(world):
    world.to_trial()
    with pytest.raises(DomainError) as error:
        do_record_review(world.defendant, acting_user=world.judge, answers=all_yes())
    assert error.value.field == "agreement_on_file"
