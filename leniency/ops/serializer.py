"""Django's JSON serialiser with full-precision times, for backups: the audit trail's hashes cover each
event's timestamp to the microsecond, which the stock encoder rounds to milliseconds."""

import datetime

from django.core.serializers.json import (
    Deserializer,  # noqa: F401 - the module must provide both
    DjangoJSONEncoder,
)
from django.core.serializers.json import Serializer as JSONSerializer


class ExactEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(JSONSerializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = ExactEncoder
