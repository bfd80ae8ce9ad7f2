"""How the recordings app's audit events read on a case timeline."""

from django.utils.translation import gettext as _

from .models import Recording


def describe_added(data) -> str:
    session = data.get("session")
    label = str(Recording.Session(session).label) if session in Recording.Session.values else str(session)
    return _("%(session)s · %(kind)s · %(kb)s KB") % {
        "session": label,
        "kind": data.get("kind", ""),
        "kb": max(1, int(data.get("size", 0)) // 1024),
    }


def describe_access(data) -> str:
    mode = data.get("mode", "")
    return _("在线查看") if mode == "view" else _("下载") if mode == "download" else mode
