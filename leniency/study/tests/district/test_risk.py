"""The early-warning model recovers the generator's effects, is calibrated, and shows on the case page."""

import json

from django.core.files.storage import default_storage

from leniency.cases.models import Defendant
from leniency.corpus.artefacts import current
from leniency.corpus.models import Artefact
from leniency.demo import district as generator
from leniency.study.risk import artifact_path, explain, load_model, train_and_save, training_rows


def test_model_directions_auc_calibration_and_artifact(district, district_supervisor, client):
    model = train_and_save(district)
    for key in generator.KNOWN_EFFECTS:
        assert generator.TRUE_COEFFICIENTS[key] > 0
        assert model["coef"][key] > 0, key
    assert model["coef"]["no_meeting_before_signing"] > 0.5
    assert model["auc_cv"] > 0.62
    for band in model["calibration"]:
        if band["n"] >= 60:
            assert abs(band["predicted"] - band["observed"]) < 0.1, band
    published = current(Artefact.Kind.WITHDRAWAL_RISK)
    saved = json.loads(default_storage.open(published.files[0]["path"]).read())
    assert published.version == model["artefact"] and not artifact_path().exists()
    assert saved["coef"] == model["coef"] and load_model()["n"] == model["n"]

    rows = training_rows(district)
    risky = next(r for r in rows if not r.meeting_before and not r.letter_delivered)
    score = explain(model, risky)
    keys = [f.key for f in score.factors]
    assert "no_meeting_before_signing" in keys and "letter_not_delivered" in keys
    meeting = next(f for f in score.factors if f.key == "no_meeting_before_signing")
    assert "安排律师会见" in meeting.action and meeting.lowered_to < score.probability

    # The case page shows the score and the action to the district's supervisor.
    d = Defendant.objects.get(pk=risky.defendant_id)
    client.force_login(district_supervisor)
    page = client.get(f"/cases/{d.case_id}/").content.decode()
    assert f'data-risk="{score.percent}"' in page and "签署前未经律师会见——安排律师会见" in page
    risk_list = client.get("/study/risk/?scope=all")
    assert risk_list.status_code == 200 and 'data-flag="heavier"' in risk_list.content.decode()


def test_case_page_scores_every_defendant_as_score_defendant_does(
    district, district_supervisor, shared_world, client
):
    """The case page scores its defendants over the rows its panels loaded (study_tags, person_data_from); the
    score must be the one `score_defendant` computes from its own queries, for those who signed and for one who
    has only a draft round (the prospective score)."""
    from leniency.recommendations import services as rec_services
    from leniency.study.risk import score_defendant

    train_and_save(district)
    rec_services.do_create_draft(
        shared_world.defendant,
        acting_user=shared_world.prosecutor,
        charges=["盗窃"],
        facts_text="被告人窃取他人手机一部，价值人民币3000元。",
    )
    prospective = score_defendant(shared_world.defendant)
    assert prospective is not None and prospective.prospective
    client.force_login(shared_world.prosecutor)
    page = client.get(f"/cases/{shared_world.case.pk}/").content.decode()
    assert _panel(page, shared_world.defendant.pk).count(f'data-risk="{prospective.percent}"') == 1

    client.force_login(district_supervisor)
    checked = 0
    for case_id in dict.fromkeys(
        Defendant.objects.filter(case__procuratorate=district).values_list("case_id", flat=True)[:30]
    ):
        page = client.get(f"/cases/{case_id}/").content.decode()
        for d in Defendant.objects.filter(case_id=case_id):
            score = score_defendant(d)
            panel = _panel(page, d.pk)
            assert (
                (f'data-risk="{score.percent}"' in panel)
                if score is not None
                else ("data-risk=" not in panel)
            )
            checked += score is not None
    assert checked >= 10


def _panel(page: str, defendant_pk: int) -> str:
    start = page.index(f'<section class="study-panel" data-defendant="{defendant_pk}">')
    return page[start : page.index("</section>", start)]
