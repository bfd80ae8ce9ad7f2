"""`leniency check --deploy` asks the object store for its bucket when the archive lives there."""

import copy

from leniency.ops.checks import check_object_store


def test_the_deploy_check_passes_on_the_local_disk_and_on_a_bucket_that_answers(s3_archive, settings):
    assert check_object_store(None) == []
    settings.STORAGES = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    assert check_object_store(None) == []


def test_a_missing_bucket_is_named_with_the_variables_that_fix_it(s3_store, settings):
    storages = copy.deepcopy(s3_store.storages)
    storages["default"]["OPTIONS"]["bucket_name"] = "no-such-bucket"
    settings.STORAGES = storages
    [error] = check_object_store(None)
    assert error.id == "leniency.E007" and "'no-such-bucket'" in error.msg
    assert "LENIENCY_S3_BUCKET" in error.hint
