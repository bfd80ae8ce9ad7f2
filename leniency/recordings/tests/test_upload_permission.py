"""Adding a recording is the procuratorate's or the trial court's, checked inside the service before any byte
is read (issue 18: one check_* per action)."""

import io
from datetime import date

import pytest

from leniency.errors import Forbidden
from leniency.recordings.media import wav_bytes
from leniency.recordings.models import Recording
from leniency.recordings.services import do_add_recording


@pytest.mark.parametrize("who", ["lawyer", "unassigned_lawyer", "outsider_prosecutor", "auditor"])
def test_only_the_procuratorate_or_the_court_adds_a_recording(world, who):
    with pytest.raises(Forbidden, match="只有本案检察院或审判法院可以上传录音录像"):
        do_add_recording(
            world.defendant,
            acting_user=getattr(world, who),
            fileobj=io.BytesIO(wav_bytes()),
            original_name="x.wav",
            session=Recording.Session.values[0],
            recorded_on=date(2026, 10, 1),
        )
    assert not Recording.objects.exists()
