"""The withdrawal-risk model is an artefact in the file storage (issue 21 item 3), as the similar-case index and
the sentencing model are: training publishes a version, and every app server scores with the current version
from its own copy, whichever machine trained it."""

import io
import json

import pytest
from django.core.management import call_command

from leniency.accounts.models import Organisation
from leniency.corpus import artefacts
from leniency.corpus.artefacts import current
from leniency.corpus.models import Artefact
from leniency.study import risk
from leniency.study.risk import PROCURATORATE_NAME, artifact_path, load_model, train_and_save


def _another_server(settings, tmp_path, name):
    """A second machine: the same database and storage, its own empty var/ and artefact cache."""
    settings.VAR_DIR = tmp_path / name / "var"
    settings.ARTEFACT_CACHE_DIR = tmp_path / name / "cache"


def _fake_fit(intercept):
    def fit(rows, **kwargs):
        return {
            "version": 1,
            "features": ["detained"],
            "intercept": intercept,
            "coef": {"detained": 1.0},
            "n": 1,
            "positives": 0,
            "auc_cv": 0.5,
        }

    return fit


def test_training_publishes_a_version_a_second_server_serves(world, settings, tmp_path, monkeypatch):
    """The artefact's path from the trainer to a second server (the fit itself, on the study district, is
    test_risk.py's: it reads the same published file back)."""
    monkeypatch.setattr(risk, "fit", _fake_fit(-0.5))
    model = train_and_save(world.prosecutor.organisation)
    published = current(Artefact.Kind.WITHDRAWAL_RISK)
    assert published.version == model["artefact"]
    assert [f["name"] for f in published.files] == ["withdrawal_risk.json"]
    assert published.files[0]["path"] == f"artefacts/withdrawal_risk/{published.version}/withdrawal_risk.json"
    assert not artifact_path().exists()  # nothing on this machine's var/

    _another_server(settings, tmp_path, "b")
    served = load_model()
    assert served["artefact"] == published.version and served["coef"] == model["coef"]
    copy = tmp_path / "b" / "cache" / "withdrawal_risk" / published.version / "withdrawal_risk.json"
    assert json.loads(copy.read_text(encoding="utf-8"))["auc_cv"] == model["auc_cv"]


def test_a_new_version_serves_at_the_next_call_on_every_server(world, settings, tmp_path, monkeypatch):
    monkeypatch.setattr(risk, "fit", _fake_fit(-1.0))
    first = train_and_save(world.prosecutor.organisation)
    _another_server(settings, tmp_path, "b")
    assert load_model()["artefact"] == first["artefact"] and load_model()["intercept"] == -1.0

    _another_server(settings, tmp_path, "worker")
    monkeypatch.setattr(risk, "fit", _fake_fit(-2.0))
    second = train_and_save(world.prosecutor.organisation)
    assert second["artefact"] != first["artefact"]

    _another_server(settings, tmp_path, "b")
    assert load_model()["artefact"] == second["artefact"] and load_model()["intercept"] == -2.0


def test_only_the_newest_versions_are_kept(world, monkeypatch):
    published = []
    for n in range(artefacts.KEEP + 1):
        monkeypatch.setattr(risk, "fit", _fake_fit(-float(n)))
        published.append(train_and_save(world.prosecutor.organisation)["artefact"])
    kept = Artefact.objects.filter(kind=Artefact.Kind.WITHDRAWAL_RISK).values_list("version", flat=True)
    assert sorted(kept) == sorted(published[1:])


def test_a_local_file_serves_only_while_no_version_is_published(world, settings, monkeypatch):
    """A checkout that trained before the artefact existed keeps its var/models/withdrawal_risk.json, as the
    index's and the sentencing model's local directories serve while none of theirs is published."""
    assert load_model() is None  # no model and no study district to refit on
    artifact_path().parent.mkdir(parents=True)
    artifact_path().write_text(json.dumps(_fake_fit(-3.0)([])), encoding="utf-8")
    served = load_model()
    assert served["intercept"] == -3.0 and "artefact" not in served

    monkeypatch.setattr(risk, "fit", _fake_fit(-4.0))
    published = train_and_save(world.prosecutor.organisation)
    served = load_model()
    assert served["intercept"] == -4.0 and served["artefact"] == published["artefact"]


def test_the_case_pages_panel_neither_refits_nor_looks_for_the_district(
    world, monkeypatch, django_assert_num_queries
):
    """The case page's study panel asks only for the current version (one query); the study pages still refit
    on the demo district where no model was ever trained."""
    region = world.prosecutor.organisation.region
    Organisation.objects.create(name=PROCURATORATE_NAME, kind=Organisation.Kind.PROCURATORATE, region=region)
    monkeypatch.setattr(risk, "fit", _fake_fit(-6.0))
    with django_assert_num_queries(1):
        assert load_model(refit=False) is None
    assert load_model()["intercept"] == -6.0
    assert load_model(refit=False)["intercept"] == -6.0


def test_the_train_command_publishes_and_names_the_version(world, monkeypatch):
    monkeypatch.setattr(risk, "fit", _fake_fit(-5.0))
    out = io.StringIO()
    call_command("study", "train", "--org", str(world.prosecutor.organisation_id), stdout=out)
    published = current(Artefact.Kind.WITHDRAWAL_RISK)
    assert f"withdrawal_risk {published.version} published" in out.getvalue()
    assert load_model()["intercept"] == -5.0 and not artifact_path().exists()


@pytest.fixture(autouse=True)
def _no_cached_model():
    risk._cache.clear()
    yield
    risk._cache.clear()
