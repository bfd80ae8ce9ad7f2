"""The demo's open cases come in as real ones do: through the cases services, role by role.

A case none of whose defendants has left the procedure before judgment (all under investigation, under review
for prosecution or at first instance: the work users find on Monday) is registered by its procuratorate's case
management (`do_open_case`, `do_add_defendant`), given to its prosecutor (`do_assign_prosecutor`), moved into
review and back for supplementary investigation by the prosecutor (`do_change_stage`), prosecuted to the court
the law names (`do_prosecute`, cases/jurisdiction.py), filed by that court's clerk with its judge
(`do_file_case`) and given its procedure by the judge (`do_set_procedure`). Each service checks its permission
and guards and writes its own audit event; the steps of all open cases are replayed in time order, each at the
moment it happened (`clock.running_at`). The closed history (judged, final, not prosecuted, withdrawn) stays a bulk
insert with back-dated events (events.py).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, timedelta

from leniency import clock
from leniency.cases.services import (
    do_add_defendant,
    do_assign_prosecutor,
    do_change_stage,
    do_file_case,
    do_open_case,
    do_prosecute,
    do_set_procedure,
)
from leniency.cases.stages import Stage

from .events import at

LIVE_STAGES = {Stage.INVESTIGATION, Stage.PROSECUTION_REVIEW, Stage.FIRST_INSTANCE}
PERSON_FIELDS = (
    "name",
    "id_number",
    "phone",
    "birth_date",
    "gender",
    "ethnicity",
    "education",
    "occupation",
    "detention",
    "detained_on",
    "released_on",
)


def is_live(case) -> bool:
    """Whether a planned case is still open for everyone in it (and so enters through the services)."""
    return all(d.path.stage in LIVE_STAGES for d in case.defendants)


def transfer_number(case, police_short: str, serial: int) -> str:
    """The 起诉意见书's number, in the police's style: 海公（刑）诉字〔2026〕12号."""
    return f"{police_short}公（刑）诉字〔{case.row.received_on.year}〕{serial}号"


def replay(steps: list[tuple[datetime, int, int, Callable[[], None]]]) -> None:
    """Run the steps of every open case in time order (a case's own steps are in order by construction)."""
    for moment, _case, _step, run in sorted(steps, key=lambda s: s[:3]):
        with clock.running_at(moment):
            run()


def case_steps(
    index: int, case, team, police, *, serial: int, rng: random.Random, cutoff: date
) -> list[tuple[datetime, int, int, Callable[[], None]]]:
    """The steps that register, assign, move, prosecute and file one planned case, each at its moment; once run,
    the case's rows are the services' rows."""
    row = case.row
    manager, prosecutor = team.case_manager, row.prosecutor
    transferred = any(d.path.reached(Stage.PROSECUTION_REVIEW) for d in case.defendants)
    steps: list[tuple[datetime, int, int, Callable[[], None]]] = []

    def add(moment: datetime, run: Callable[[], None]) -> None:
        if steps:
            moment = max(moment, steps[-1][0] + timedelta(minutes=rng.randint(1, 3)))
        steps.append((moment, index, len(steps), run))

    def register():
        opened = do_open_case(
            title=row.title,
            region=row.region,
            procuratorate=row.procuratorate,
            received_on=row.received_on,
            acting_user=manager,
            number=row.number,
            facts=row.facts,
            transferring_agency=police.name,
            transfer_document_number=transfer_number(case, row.region.name[:1], serial)
            if transferred
            else "",
        )
        for d in case.defendants:
            person = {name: getattr(d.row, name) for name in PERSON_FIELDS}
            d.row = do_add_defendant(
                opened,
                charges=d.charges,
                acting_user=manager,
                stage=Stage.INVESTIGATION,
                stage_since=row.received_on,
                **person,
            )
        case.row = opened

    def move_to(d, move):
        return lambda: do_change_stage(
            d.row, to=move.to, acting_user=prosecutor, as_of=move.on, reason=move.reason
        )

    add(at(row.received_on, rng, start_hour=9, end_hour=11), register)
    add(
        at(row.received_on, rng, start_hour=9, end_hour=17),
        lambda: do_assign_prosecutor(case.row, prosecutor=prosecutor, acting_user=manager),
    )
    trial_on = None
    before_trial = []  # co-defendants move together: each day's moves, defendant by defendant
    for n, d in enumerate(case.defendants):
        for move in d.path.moves:
            if move.to == Stage.FIRST_INSTANCE:
                trial_on = move.on
                break
            before_trial.append((move.on, n, d, move))
    for on, _n, d, move in sorted(before_trial, key=lambda m: m[:2]):
        add(at(on, rng), move_to(d, move))
    if trial_on is None:
        return steps
    filed_on = min(trial_on + timedelta(days=rng.randint(0, 2)), cutoff)

    def file():
        do_file_case(case.row, judge=case.judge, acting_user=team.court_clerk, filed_on=filed_on)
        for d in case.defendants:
            d.row.refresh_from_db(fields=["stage", "stage_since"])  # moved by do_prosecute
            do_set_procedure(d.row, procedure=d.path.procedure, acting_user=case.judge)

    add(at(trial_on, rng), lambda: do_prosecute(case.row, acting_user=prosecutor, as_of=trial_on))
    add(at(filed_on, rng), file)
    return steps
