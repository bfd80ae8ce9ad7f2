"""The project's own deployment checks, run by `leniency check --deploy` beside Django's.

Each names the environment variable that fixes it (see README, Production).
"""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, register

LOCAL_HOSTS = {"127.0.0.1", "localhost", "testserver", "[::1]"}


@register(Tags.security, deploy=True)
def check_production_settings(app_configs, **kwargs):
    errors = []
    if settings.DEBUG:
        errors.append(
            Error(
                "DEBUG is on: tracebacks reach the browser", hint="unset LENIENCY_DEBUG", id="leniency.E001"
            )
        )
    if settings.SECRET_KEY == settings.DEVELOPMENT_SECRET_KEY:
        errors.append(
            Error(
                "SECRET_KEY is the public development key",
                hint="set LENIENCY_SECRET_KEY to a long random secret",
                id="leniency.E002",
            )
        )
    for name in getattr(settings, "DERIVED_KEYS", []):
        errors.append(
            Error(
                f"{name} is not set: its key is derived from the secret key (development only)",
                hint=f"set {name} (README, Production, says how to generate it)",
                id="leniency.E003",
            )
        )
    if not settings.TLS:
        errors.append(
            Error(
                "LENIENCY_TLS is not 1: cookies are sent without TLS and there is no HSTS",
                hint="serve over HTTPS behind the proxy and set LENIENCY_TLS=1",
                id="leniency.E004",
            )
        )
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not settings.DEBUG and not manifest.exists():
        errors.append(
            Error(
                f"static files are not collected ({manifest} is missing): pages would fail to name them",
                hint="run `leniency collectstatic --no-input` after each upgrade",
                id="leniency.E006",
            )
        )
    hosts = set(settings.ALLOWED_HOSTS)
    if not hosts or "*" in hosts or hosts <= LOCAL_HOSTS:
        errors.append(
            Error(
                f"ALLOWED_HOSTS is {sorted(hosts)}: name the host names this site is served under",
                hint="set LENIENCY_ALLOWED_HOSTS, e.g. leniency.example.cn",
                id="leniency.E005",
            )
        )
    return errors


@register(Tags.compatibility, deploy=True)
def check_object_store(app_configs, **kwargs):
    """With the archive in an object store (LENIENCY_S3_BUCKET), the bucket must answer: otherwise the first
    upload would be the first to find out."""
    from leniency.documents import archive

    if archive.is_local():
        return []
    storage = archive.archive_storage()
    try:
        storage.connection.meta.client.head_bucket(Bucket=storage.bucket_name)
    except Exception as error:  # any failure to reach it: wrong address, keys, bucket, network
        return [
            Error(
                f"the object store does not answer for bucket {storage.bucket_name!r}: {error}",
                hint="check LENIENCY_S3_ENDPOINT_URL, LENIENCY_S3_BUCKET (it must exist), LENIENCY_S3_ACCESS_KEY "
                "and LENIENCY_S3_SECRET_KEY",
                id="leniency.E007",
            )
        ]
    return []
