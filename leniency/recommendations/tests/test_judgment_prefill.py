"""The judgment page starts from what the court decided on the recommendation (CPL art. 201): the adopted
recommendation's sentence, or the penalty the court imposed otherwise; the judge still records the judgment."""

from django.urls import reverse

from leniency import clock
from leniency.cases.models import Sentence
from leniency.recommendations import services


def judgment_page(client, world):
    client.force_login(world.judge)
    response = client.get(reverse("case_judgment", args=[world.case.pk]))
    assert response.status_code == 200
    return response.context["sentence_forms"], response.content.decode()


def test_the_adopted_recommendations_sentence_is_the_judgments_first_values(client, world, flow):
    rec = flow.final()
    flow.ready_for_adoption()
    rec.refresh_from_db()
    services.do_court_decision(rec, acting_user=world.judge, decision="adopt")
    forms, html = judgment_page(client, world)
    form = next(f for f in forms if f.defendant == world.defendant)
    assert rec.months and form.initial == {
        "penalty": rec.principal_penalty,
        "months": rec.months,
        "probation_months": rec.probation_months if rec.probation else None,
        "fine_yuan": rec.fine_yuan,
        "confiscation": rec.confiscation,  # 并处没收财产 (刑法第59条): False for this theft
    }
    assert f"法院已采纳第1轮量刑建议（{rec.term_text()}），据此预填" in html

    # The judge records it as offered (the co-defendant's sentence typed in): the sentence is the recommendation's.
    data = {"judged_on": clock.today().isoformat()}
    for f in forms:
        values = form.initial if f is form else {"penalty": "criminal_detention", "months": 4}
        data.update({f"{f.prefix}-{key}": "" if value is None else value for key, value in values.items()})
    response = client.post(reverse("case_judgment", args=[world.case.pk]), data)
    assert response.status_code == 302
    sentence = Sentence.objects.get(defendant=world.defendant)
    assert (sentence.penalty, sentence.months) == (rec.principal_penalty, rec.months)


def test_without_a_decision_on_the_recommendation_nothing_is_offered(client, world, flow):
    flow.final()
    flow.ready_for_adoption()
    forms, html = judgment_page(client, world)
    assert all(f.proposal is None and not f.initial for f in forms)
    assert "据此预填" not in html


def test_a_penalty_decided_otherwise_is_offered_not_the_recommendations(client, world, flow):
    rec = flow.final()
    flow.ready_for_adoption()
    rec.refresh_from_db()
    services.do_court_decision(
        rec,
        acting_user=world.judge,
        decision="decide_otherwise",
        grounds=["clearly_improper"],
        reasons="被告人系从犯，且已全额退赔并取得谅解，量刑建议明显偏重，依法判处拘役",
        principal_penalty="criminal_detention",
        months=5,
    )
    forms, html = judgment_page(client, world)
    form = next(f for f in forms if f.defendant == world.defendant)
    assert (form.initial["penalty"], form.initial["months"]) == ("criminal_detention", 5)
    assert "法院未采纳量刑建议，依法判处拘役" in html
