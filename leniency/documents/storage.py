"""Where the archive keeps its files: the `STORAGES` setting, and the S3 backend's streaming reads.

The local disk (Django's FileSystemStorage under MEDIA_ROOT) is the embedded default. Setting
`LENIENCY_S3_BUCKET` puts the files in any S3-compatible object store (MinIO, Ceph, a cloud OSS) through
django-storages, configured by:

    LENIENCY_S3_BUCKET        the bucket (it must exist)
    LENIENCY_S3_ENDPOINT_URL  the store's address, e.g. http://minio:9000 (unset: Amazon S3)
    LENIENCY_S3_ACCESS_KEY    the access key id      } unset: boto3's own lookup (its environment
    LENIENCY_S3_SECRET_KEY    the secret access key  }  variables, ~/.aws, an instance role)
    LENIENCY_S3_REGION        default "us-east-1"

`storages_setting` turns them into the `STORAGES` dictionary; the settings and the test fixture
(leniency/testing/s3.py) both call it, so they cannot disagree. It imports nothing from Django: the
settings module loads it.
"""

from __future__ import annotations

from collections.abc import Mapping

LOCAL_BACKEND = "django.core.files.storage.FileSystemStorage"
S3_BACKEND = "leniency.documents.s3.StreamingS3Storage"
S3_ENV = (
    "LENIENCY_S3_BUCKET",
    "LENIENCY_S3_ENDPOINT_URL",
    "LENIENCY_S3_ACCESS_KEY",
    "LENIENCY_S3_SECRET_KEY",
    "LENIENCY_S3_REGION",
)


def default_storage_setting(env: Mapping[str, str]) -> dict:
    """The "default" entry of STORAGES: S3 when `LENIENCY_S3_BUCKET` is set in `env`, else the local disk."""
    bucket = env.get("LENIENCY_S3_BUCKET")
    if not bucket:
        return {"BACKEND": LOCAL_BACKEND}
    options = {
        "bucket_name": bucket,
        "region_name": env.get("LENIENCY_S3_REGION") or "us-east-1",
        # A name already taken gets a free variant, as on the local disk; never overwritten.
        "file_overwrite": False,
        # Never public: every read goes through the app's access check and read log.
        "default_acl": "private",
        "querystring_auth": True,
        "querystring_expire": 300,
    }
    if env.get("LENIENCY_S3_ENDPOINT_URL"):
        options["endpoint_url"] = env["LENIENCY_S3_ENDPOINT_URL"]
        options["addressing_style"] = "path"  # MinIO, Ceph and moto answer on one host name
    if env.get("LENIENCY_S3_ACCESS_KEY"):
        options["access_key"] = env["LENIENCY_S3_ACCESS_KEY"]
    if env.get("LENIENCY_S3_SECRET_KEY"):
        options["secret_key"] = env["LENIENCY_S3_SECRET_KEY"]
    return {"BACKEND": S3_BACKEND, "OPTIONS": options}


def storages_setting(env: Mapping[str, str], *, staticfiles: dict) -> dict:
    return {"default": default_storage_setting(env), "staticfiles": staticfiles}
