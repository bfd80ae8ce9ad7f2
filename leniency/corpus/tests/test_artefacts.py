"""The similar-case index and the learned model are artefacts in the file storage (issue 21 item 3): published
under a versioned name with their hashes, copied by each server into its own cache, and changed at the next
request after a new version is committed, whichever machine built it."""

import logging
import shutil

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from leniency.corpus import artefacts
from leniency.corpus.artefacts import ArtefactError, current, local_copy
from leniency.corpus.index_build import build_index
from leniency.corpus.models import Artefact, Judgment
from leniency.corpus.recommend import recommend, serving_model
from leniency.corpus.similar import clear_cache, find_similar, index_dir, serving_index_dir
from leniency.corpus.training import publish_model
from leniency.sentencing.extract import extract
from leniency.sentencing.model import save_model, train
from leniency.sentencing.model.tests.test_model import synthetic

THEFT = "被告人张某在超市窃得被害人李某的手机一部，价值人民币5000元。到案后如实供述，系坦白。"


def _theft(i, months):
    return Judgment.objects.create(
        content_hash=f"artefact-{i}",
        fact=f"被告人王某{i}在商场窃得手机一部，价值人民币{5000 + i}元，到案后如实供述。",
        charges=["盗窃"],
        main_charge="盗窃",
        term_months=months,
        amount_yuan=5000 + i,
        region_code="990102",
        year=2024,
    )


def _another_server(settings, tmp_path, name):
    """What a second machine sees: the same database and storage, its own empty cache and no local build."""
    settings.ARTEFACT_CACHE_DIR = tmp_path / name / "cache"
    settings.CORPUS_INDEX_DIR = tmp_path / name / "corpus-index"
    settings.SENTENCING_MODEL_DIR = tmp_path / name / "models"
    clear_cache()


def _similar_ids():
    return [c.judgment_id for c in find_similar(extract(THEFT, ["盗窃"]), k=20).cases]


@pytest.mark.django_db
def test_a_built_index_is_published_and_a_server_without_it_answers_from_the_storage(settings, tmp_path):
    for i in range(8):
        _theft(i, 4 + i)
    manifest = build_index(index_dir())
    artefact = current(Artefact.Kind.CORPUS_INDEX)
    assert artefact.version == manifest["artefact"]
    names = {f["name"] for f in artefact.files}
    assert {"manifest.json", "idf.npz"} <= names
    assert all(default_storage.exists(f["path"]) for f in artefact.files)
    assert all(f["path"].startswith(f"artefacts/corpus_index/{artefact.version}/") for f in artefact.files)
    here = _similar_ids()

    _another_server(settings, tmp_path, "b")
    assert not index_dir().exists()
    assert serving_index_dir() == tmp_path / "b" / "cache" / "corpus_index" / artefact.version
    assert _similar_ids() == here and len(here) == 8
    assert (serving_index_dir() / "manifest.json").read_bytes() == (
        default_storage.open(next(f["path"] for f in artefact.files if f["name"] == "manifest.json")).read()
    )


@pytest.mark.django_db
def test_a_new_index_version_serves_at_the_next_request_on_every_server(settings, tmp_path):
    for i in range(6):
        _theft(i, 6)
    build_index(index_dir())
    _another_server(settings, tmp_path, "b")
    first = current(Artefact.Kind.CORPUS_INDEX)
    assert len(_similar_ids()) == 6

    _another_server(settings, tmp_path, "worker")  # the worker builds the next version on its own disk
    for i in range(6, 10):
        _theft(i, 7)
    build_index(index_dir())
    second = current(Artefact.Kind.CORPUS_INDEX)
    assert second.version != first.version

    settings.ARTEFACT_CACHE_DIR = tmp_path / "b" / "cache"  # back on server b, its cache holding the first
    settings.CORPUS_INDEX_DIR = tmp_path / "b" / "corpus-index"
    assert serving_index_dir().name == second.version
    assert len(_similar_ids()) == 10


@pytest.mark.django_db
def test_a_stored_file_that_does_not_match_its_hash_is_refused_and_the_server_answers_without_it(
    settings, tmp_path, caplog
):
    for i in range(5):
        _theft(i, 6)
    build_index(index_dir())
    artefact = current(Artefact.Kind.CORPUS_INDEX)
    stored = next(f["path"] for f in artefact.files if f["name"] == "idf.npz")
    default_storage.delete(stored)
    default_storage.save(stored, ContentFile(b"not the index"))
    _another_server(settings, tmp_path, "b")
    with pytest.raises(ArtefactError, match="does not match its recorded SHA-256"):
        local_copy(artefact)
    assert not (tmp_path / "b" / "cache" / "corpus_index" / artefact.version).exists()  # no half copy
    with caplog.at_level(logging.ERROR, logger="leniency.corpus.artefacts"):
        assert serving_index_dir() == index_dir()  # the local directory (none here): from the database
        assert len(_similar_ids()) == 5
    assert "cannot copy corpus_index" in caplog.text


@pytest.mark.django_db
def test_a_published_model_serves_on_a_server_that_never_held_it_and_a_newer_one_replaces_it(
    settings, tmp_path
):
    records, months = synthetic(120, 3)
    old = train(records, months, seed=0)
    old.version = "20260101T000000-aaaaaaaa"
    save_model(old, settings.SENTENCING_MODEL_DIR)  # a local model: serves only while none is published
    assert serving_model().version == old.version

    model = train(records, months, seed=1)
    model.version = "20260301T000000-bbbbbbbb"
    artefact = publish_model(model)
    assert [f["name"] for f in artefact.files] == [
        "sentencing-20260301T000000-bbbbbbbb.joblib",
        "sentencing-20260301T000000-bbbbbbbb.json",
    ]
    _another_server(settings, tmp_path, "b")
    assert serving_model().version == "20260301T000000-bbbbbbbb"
    assert recommend(extract(THEFT, ["盗窃"])).model_version == "20260301T000000-bbbbbbbb"

    newer = train(records, months, seed=2)
    newer.version = "20260401T000000-cccccccc"
    publish_model(newer)
    assert recommend(extract(THEFT, ["盗窃"])).model_version == "20260401T000000-cccccccc"
    assert publish_model(newer).pk == current(Artefact.Kind.SENTENCING_MODEL).pk  # published once


@pytest.mark.django_db
def test_two_processes_copying_the_same_version_leave_one_whole_copy(settings, tmp_path, monkeypatch):
    """The first rename wins; the second process's finished copy is dropped, not merged into the first."""
    records, months = synthetic(60, 4)
    model = train(records, months, seed=0)
    model.version = "20260501T000000-dddddddd"
    artefact = publish_model(model)
    _another_server(settings, tmp_path, "b")
    real_rename = artefacts.os.rename

    def other_process_first(source, target):
        shutil.copytree(source, target)  # the other process's whole copy lands just before this one's rename
        (target / "other").write_text("the other process's copy")
        return real_rename(source, target)

    monkeypatch.setattr(artefacts.os, "rename", other_process_first)
    target = local_copy(artefact)
    assert (target / "other").exists()  # the other copy stayed, not overwritten nor merged
    assert sorted(p.name for p in target.iterdir()) == sorted([*(f["name"] for f in artefact.files), "other"])
    assert [p.name for p in target.parent.iterdir()] == [model.version]  # no temporary copy left


@pytest.mark.django_db
def test_only_the_newest_versions_are_kept_in_the_storage_and_in_each_servers_cache(settings, tmp_path):
    settings.ARTEFACT_CACHE_DIR = tmp_path / "cache"
    records, months = synthetic(60, 5)
    model = train(records, months, seed=0)
    published = []
    for n in range(artefacts.KEEP + 2):
        model.version = f"2026060{n}T000000-0000000{n}"
        published.append(publish_model(model))
        local_copy(published[-1])  # this server copied each as it came
    kept = published[-artefacts.KEEP :]
    assert list(Artefact.objects.order_by("id").values_list("version", flat=True)) == [
        a.version for a in kept
    ]
    gone = [f["path"] for a in published[: -artefacts.KEEP] for f in a.files]
    assert gone and not any(default_storage.exists(path) for path in gone)
    assert all(default_storage.exists(f["path"]) for a in kept for f in a.files)
    copies = tmp_path / "cache" / "sentencing_model"
    assert sorted(p.name for p in copies.iterdir()) == [a.version for a in kept]
