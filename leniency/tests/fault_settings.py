"""Settings for the processes that the fault tests kill (leniency/tests/test_faults.py): the test settings,
pointed at the test run's database and archive, which the test passes in the environment."""

import json
import os
from pathlib import Path

from leniency.settings_test import *  # noqa: F403
from leniency.settings_test import MEDIA_ROOT as _UNUSED_MEDIA_ROOT

DATABASES = {"default": json.loads(os.environ["LENIENCY_FAULT_DB"])}
MEDIA_ROOT = Path(os.environ["LENIENCY_FAULT_MEDIA"])

try:  # settings_test made an empty folder of its own for this process
    _UNUSED_MEDIA_ROOT.rmdir()
except OSError:
    pass
