"""Test settings: the real settings with a fast password hasher (tests create many users) and files kept
out of var/ (each test run writes uploads and documents under its own temporary folder)."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("LENIENCY_DEBUG", "1")  # development keys; settings are production unless asked

from leniency.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="leniency-test-media-"))
# Tests share one process over many rolled-back databases: no checkpoint file unless a test points at one.
AUDIT_CHECKPOINT_FILE = None
# The test client's login() authenticates without a request, which django-axes refuses; the throttling
# tests switch it back on (leniency/accounts/tests/test_login_throttling.py).
AXES_ENABLED = False
# One process runs the tests: an in-memory cache, which tests can clear without a database.
CACHES = {
    alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
    for alias in ("default", "pages")
}
# Each server's copies of the published index and model (leniency/corpus/artefacts.py): not the checkout's var/.
ARTEFACT_CACHE_DIR = Path(tempfile.mkdtemp(prefix="leniency-test-artefacts-"))
# Both folders are this process's own: gone when it ends, so that test runs leave no files behind in /tmp.
for _folder in (MEDIA_ROOT, ARTEFACT_CACHE_DIR):
    atexit.register(shutil.rmtree, _folder, ignore_errors=True)
# The read replica as a mirror of the test database (leniency/database_routers.py): reads go to it only where a
# test names it in READ_REPLICA (leniency/portal/tests/test_replica_reads.py).
DATABASES = {**DATABASES, "replica": {**DATABASES["default"], "TEST": {"MIRROR": "default"}}}  # noqa: F405
READ_REPLICA = None
