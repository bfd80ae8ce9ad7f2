"""One definition per figure: the measures the portal and the study share (leniency.study.measures) give the same
numbers for the same period and procuratorate, on the portal's figures, its periodic report and the study."""

from datetime import date

import pytest

from leniency.accounts.models import Organisation
from leniency.cases.models import Defendant
from leniency.plea.models import PleaAgreement
from leniency.portal.figures import compute
from leniency.portal.periods import Period
from leniency.study.analysis import run_study
from leniency.study.measures import MEASURES
from leniency.testing.shared_db import kept_for_the_module

START, END = date(2019, 9, 1), date(2020, 8, 31)


@pytest.fixture(scope="module")
def shared_district(django_db_setup, django_db_blocker):
    """L区 with 160 persons under the personas' province, built once for the module, whose tests only read it
    (what a test writes is rolled back after it: leniency/testing/shared_db.py)."""
    from leniency.demo.district import PROCURATORATE_NAME, build_district
    from leniency.testing.personas import build_world

    with kept_for_the_module(django_db_blocker):
        world = build_world()
        build_district(seed=11, persons=160, province=world.region.parent.parent)
        yield Organisation.objects.get(name=PROCURATORATE_NAME)


@pytest.fixture
def district(shared_district, db):
    return shared_district


def _row(fig, label):
    k = fig.table.rows.index(label)
    return [c.shown for c in fig.table.cells[k]], fig.table.row_totals[k].shown


def test_the_portal_and_the_study_give_the_same_numbers_for_the_same_district_and_period(district):
    study = run_study(district, START, END, with_charts=False, with_model=False)
    figs = {f.key: f for f in compute(Period("custom", START, END), "region", threshold=1)}
    region = district.region.name
    f = study.figures

    cells, total = _row(figs["plea_rate"], region)
    assert (cells[0], total) == (f["plea_rate_num"], f["plea_rate_den"])
    cells, total = _row(figs["withdrawal_stage"], region)
    assert (total - cells[0], total) == (f["withdrawal_rate_num"], f["withdrawal_rate_den"])
    cells, total = _row(figs["adoption_rate"], region)
    assert (cells[0], total) == (f["adoption_rate_num"], f["adoption_rate_den"])
    # each shared figure prints the registry's definition, on the portal and in the study
    for key, measure in (("plea_rate", "plea_rate"), ("withdrawal_stage", "withdrawal_rate")):
        assert figs[key].definition == str(MEASURES[measure].definition)
    assert {m.key for m, *_ in study.measures} == set(MEASURES)
    assert f["pleaded_pct"] == f"{100 * f['plea_rate_num'] / f['plea_rate_den']:.1f}%"


def _plea_counts(district):
    study = run_study(district, START, END, with_charts=False, with_model=False)
    figs = {f.key: f for f in compute(Period("custom", START, END), "region", threshold=1)}
    cells, total = _row(figs["plea_rate"], district.region.name)
    return (study.figures["plea_rate_num"], study.figures["plea_rate_den"]), (cells[0], total), study


def test_a_finalised_recommendation_nobody_signed_is_not_a_plea_anywhere(district):
    """The bug the registry mends: the study counted every finalised recommendation as a plea (63.4 %) while the
    portal counted signed agreements only (0.0 %). A plea is a signed agreement, or a plea at trial; a
    recommendation the person never signed is the prosecutor's proposal. Here one person's agreement is made
    unsigned: both lose that person from the numerator, and neither counts the finalised recommendation left."""
    (num, den), portal, study = _plea_counts(district)
    assert portal == (num, den) and 0 < num < den
    person = next(r for r in study.rows if r.has_agreement and r.plea_stage != "trial" and r.review_concluded)
    assert Defendant.objects.get(pk=person.defendant_id).recommendations.filter(finalised_at__isnull=False)
    PleaAgreement.objects.filter(defendant_id=person.defendant_id).update(
        signed_at=None
    )  # generated, unsigned
    (num2, den2), portal2, study2 = _plea_counts(district)
    assert (num2, den2) == (num - 1, den) and portal2 == (num2, den2)
    assert person.defendant_id not in {r.defendant_id for r in study2.rows if r.pleaded}


def test_the_counsel_dashboard_gives_the_studys_duty_lawyer_meeting_rate(client, district):
    """The dashboard sits below the study in the import layers; the study hands it the registry's measure
    (counsel.shared_measures), so the district's legal-aid centre sees the study's number for the same period."""
    from leniency.accounts.models import User
    from leniency.counsel.dashboard import centre_figures

    study = run_study(district, START, END, with_charts=False, with_model=False)
    num, den = study.figures["duty_meeting_rate_num"], study.figures["duty_meeting_rate_den"]
    assert 0 < num < den
    officer = User.objects.get(username__startswith="lqu_legal_aid")
    meeting = centre_figures(officer, date_from=START, date_to=END)["meeting"]
    assert (meeting["num"], meeting["den"]) == (num, den)
    assert meeting["measure"].definition == MEASURES["duty_meeting_rate"].definition
    client.force_login(officer)
    page = client.get(f"/counsel/centre/?date_from={START}&date_to={END}").content.decode()
    stat = page[page.index('id="duty-meeting-rate"') :]
    assert f"（{num}/{den}）" in stat[: stat.index("</div>")]
    assert str(MEASURES["duty_meeting_rate"].definition) in page
