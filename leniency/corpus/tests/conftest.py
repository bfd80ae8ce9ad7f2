import pytest


@pytest.fixture(autouse=True)
def isolated_artifacts(settings, tmp_path):
    """No test sees a model or an index from var/: each gets empty directories of its own."""
    from leniency.corpus.similar import clear_cache

    settings.SENTENCING_MODEL_DIR = tmp_path / "models"
    settings.CORPUS_INDEX_DIR = tmp_path / "corpus-index"
    clear_cache()
    yield
    clear_cache()
