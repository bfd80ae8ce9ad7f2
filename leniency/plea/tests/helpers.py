from datetime import timedelta
from types import SimpleNamespace

from django.utils import timezone

from leniency.cases.stages import Procedure
from leniency.plea.agreements import do_generate_agreement, do_sign_agreement
from leniency.plea.checklist import CHECKLIST
from leniency.plea.models import Signature
from leniency.plea.notices import do_record_notice


def notice(world, **extra):
    values = {
        "authority": "procuratorate",
        "notified_by_name": "艾检察官",
        "notified_at": timezone.now() - timedelta(hours=1),
        "acknowledged": True,
    }
    return do_record_notice(world.defendant, acting_user=world.prosecutor, **(values | extra))


def agreement(world, **extra):
    return do_generate_agreement(
        world.defendant,
        acting_user=world.prosecutor,
        procedure=extra.pop("procedure", Procedure.EXPEDITED),
        **extra,
    )


def sign_all(world, agreement):
    do_sign_agreement(
        agreement, role=Signature.Role.DEFENDANT, acting_user=world.prosecutor, lawyer_present=True
    )
    do_sign_agreement(agreement, role=Signature.Role.LAWYER, acting_user=world.lawyer)
    do_sign_agreement(agreement, role=Signature.Role.PROSECUTOR, acting_user=world.prosecutor)
    agreement.refresh_from_db()
    return agreement


def all_yes(**overrides):
    answers = {item.key: ("yes", "") for item in CHECKLIST}
    answers.update(overrides)
    return answers


class StandIn(SimpleNamespace):
    """A final recommendation as the recommendations app would hold it, without its database row."""

    def term_text(self):
        from leniency.plea.wording import recommendation_zh

        return recommendation_zh(SimpleNamespace(**vars(self)))


def stand_in_recommendation(pk=9001, months=18):
    return StandIn(
        pk=pk,
        principal_penalty="fixed_term",
        kind="fixed",
        months=months,
        low_months=None,
        high_months=None,
        probation=True,
        probation_months=24,
        fine_yuan=5000,
    )
