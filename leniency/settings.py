"""Django settings. Environment variables: DATABASE_URL (default: SQLite under var/), LENIENCY_SECRET_KEY,
LENIENCY_DATA_KEYS (Fernet keys for personal data), LENIENCY_AUDIT_KEYS (HMAC keys sealing the audit trail),
LENIENCY_ALLOWED_HOSTS (comma-separated), LENIENCY_TLS=1 when served over HTTPS, LENIENCY_TRUSTED_PROXIES (the
number of reverse proxies in front).

Production unless development is asked for: LENIENCY_DEBUG=1 (`make run`, the tests) turns DEBUG on and
derives any missing key from a public development secret. Without it, every key must come from the
environment, and a start without one stops with ImproperlyConfigured naming the variable. `leniency check
--deploy` adds the project's own checks (leniency/ops/checks.py)."""

import base64
import hashlib
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from whitenoise.compress import Compressor

from leniency.documents.storage import storages_setting

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("LENIENCY_VAR_DIR", BASE_DIR.parent / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = os.environ.get("LENIENCY_DEBUG", "0") == "1"
DEVELOPMENT_SECRET_KEY = "insecure-development-key"  # public: in this file
SECRET_KEY = os.environ.get("LENIENCY_SECRET_KEY") or (DEVELOPMENT_SECRET_KEY if DEBUG else None)
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "LENIENCY_SECRET_KEY is not set: production needs its own secret key (see README, Production), "
        "or set LENIENCY_DEBUG=1 for development"
    )
ALLOWED_HOSTS = os.environ.get("LENIENCY_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",
    "axes",
    "leniency.accounts",
    "leniency.audit",
    "leniency.cases",
    "leniency.counsel",
    "leniency.corpus",
    "leniency.recommendations",
    "leniency.plea",
    "leniency.recordings",
    "leniency.portal",
    "leniency.oversight",
    "leniency.study",
    "leniency.ops",
    "leniency.demo",
    "django_tasks",
    "django_tasks.backends.database",
    "leniency.jobs",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",  # second: every response below it gets the policy, static files included
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "leniency.middleware.ChineseUnlessChosenMiddleware",
    "leniency.middleware.RefuseNulMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "leniency.oversize.RefuseOversizedBodyMiddleware",  # 413 with words before the CSRF check reads a body
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out login into the lockout page
]

ROOT_URLCONF = "leniency.urls"
WSGI_APPLICATION = "leniency.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            "builtins": ["leniency.accounts.templatetags.capability_tags"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'leniency.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE: a transaction takes SQLite's one write lock when it begins, so concurrent writers queue for it
    # (busy timeout) instead of failing with "database is locked" when a reader's snapshot turns out stale.
    # SELECT … FOR UPDATE is ignored on SQLite; this is what serialises its read-then-write services.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
# PostgreSQL plans each statement it is sent anew unless the statement is prepared: about a third of a cold case
# page's CPU was the server parsing and planning its 25 statements. With server-side binding, psycopg prepares a
# statement on its connection once it has run PREPARE_THRESHOLD times (psycopg's own default, 5), and the server
# plans it once per connection (connections live CONN_MAX_AGE); the page's statements repeat their text from page
# to page (leniency/compiled_queries.py). A transaction-mode connection pooler that cannot keep prepared
# statements (PgBouncer before 1.21) needs LENIENCY_DATABASE_PREPARED=0: client-side binding, nothing prepared.
POSTGRES_PREPARED_OPTIONS = {"server_side_binding": True, "prepare_threshold": 5}


def _postgres_options(database: dict) -> dict:
    if (
        database["ENGINE"] != "django.db.backends.postgresql"
        or os.environ.get("LENIENCY_DATABASE_PREPARED") == "0"
    ):
        return database
    return {**database, "OPTIONS": {**database.get("OPTIONS", {}), **POSTGRES_PREPARED_OPTIONS}}


DATABASES["default"] = _postgres_options(DATABASES["default"])
# A PostgreSQL streaming replica for the public portal's reads (leniency/database_routers.py): with the variable
# set, the portal's public pages read from it when the visitor is not logged in; without it, nothing changes.
# Tests mirror it onto the default database (settings_test.py).
READ_REPLICA = None
if os.environ.get("LENIENCY_DATABASE_REPLICA_URL"):
    DATABASES["replica"] = {
        **_postgres_options(
            dj_database_url.parse(
                os.environ["LENIENCY_DATABASE_REPLICA_URL"], conn_max_age=60, conn_health_checks=True
            )
        ),
        "TEST": {"MIRROR": "default"},
    }
    READ_REPLICA = "replica"
DATABASE_ROUTERS = ["leniency.database_routers.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SESSION_COOKIE_AGE = 8 * 60 * 60  # a working day; the session also ends when the browser closes
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie, but forms need the cookie

# One cache for every worker process (rate limits of the public reporting channel, login throttling);
# `migrate` is followed by `createcachetable` (Makefile), and the test database creates it itself.
# "pages" holds rendered case pages (leniency/cases/pagecache.py): a table of its own, so that culling it
# never drops a rate-limit counter; each cold page is written with one statement, and the table counted and
# culled on one write in CULL_EVERY (leniency/cases/pagecache_backend.py).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "leniency_cache"},
    "pages": {
        "BACKEND": "leniency.cases.pagecache_backend.PageDatabaseCache",
        "LOCATION": "leniency_page_cache",
        "OPTIONS": {"MAX_ENTRIES": 5000, "CULL_EVERY": 100},
    },
}
SENTENCING_DEVIATION_SHARE = 0.25  # a proposed term this far from the calculation needs a written reason

# Login throttling (django-axes): 5 failures for one username from one address lock it for 15 minutes.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "leniency.accounts.backends.ModelBackend"]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Behind reverse proxies: how many (LENIENCY_TRUSTED_PROXIES); the client's address is then the one the first
# of them saw, for axes and the public channel's rate limits alike (leniency/client_address.py).
TRUSTED_PROXIES = int(os.environ.get("LENIENCY_TRUSTED_PROXIES", "0"))
AXES_CLIENT_IP_CALLABLE = "leniency.client_address.client_address"
# Password spraying: this many failures from one address within the cool-off, any usernames, lock the address.
AXES_HANDLER = "leniency.accounts.axes_handler.AddressAwareAxesHandler"
LOGIN_ADDRESS_FAILURE_LIMIT = 20

# Served over HTTPS (behind a proxy that sets X-Forwarded-Proto): secure cookies, HSTS, redirect to https.
TLS = os.environ.get("LENIENCY_TLS") == "1"
if TLS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): no inline script or style, nothing from another origin (the deployment
# is offline). Styles and scripts live in static files; charts are SVG shown as data: images; recordings
# play from this origin. leniency/tests/test_csp.py and test_xss_browser.py hold every page to it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "upgrade-insecure-requests": TLS,
    },
}

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Shanghai"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise expects it even before a collectstatic
SERIALIZATION_MODULES = {"exactjson": "leniency.ops.serializer"}  # backups (leniency backup / restore)
# An audio or video file whose first bytes are not its format stops being written to disk after its first chunk
# (leniency/recordings/uploads.py); the service then refuses it with its message.
FILE_UPLOAD_HANDLERS = [
    "leniency.recordings.uploads.HeadCheckUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# Uploaded and generated files (recordings, signed agreements, letters, reports); never served publicly.
MEDIA_ROOT = VAR_DIR / "media"
STATICFILES_DIRS = [BASE_DIR / "static"]
if DEBUG:  # development and tests: served from the source folders as they change
    WHITENOISE_USE_FINDERS = True
    _STATICFILES = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
else:  # production: `leniency collectstatic` writes hashed, compressed copies, served with far-future caching
    _STATICFILES = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    # Source maps (django-ninja's API docs bring 10 MB of them) are for a developer's tools, which fetch them rarely:
    # compressing them twice over took two thirds of collectstatic.
    WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")
# The archive (recordings, scans, signatures, agreements, letters) keeps its files in the "default" storage: the
# local disk under MEDIA_ROOT, or an S3-compatible object store when LENIENCY_S3_BUCKET is set (with
# LENIENCY_S3_ENDPOINT_URL, _ACCESS_KEY, _SECRET_KEY, _REGION; see leniency/documents/storage.py).
STORAGES = storages_setting(os.environ, staticfiles=_STATICFILES)

# Fernet keys for personal data at rest, newest first (see leniency/encryption.py for rotation).
# In development without the variable, one key derived from SECRET_KEY.
DATA_KEYS = os.environ.get("LENIENCY_DATA_KEYS") or (
    base64.urlsafe_b64encode(hashlib.sha256(f"data-key:{SECRET_KEY}".encode()).digest()).decode()
    if DEBUG
    else None
)
if not DATA_KEYS:
    raise ImproperlyConfigured(
        "LENIENCY_DATA_KEYS is not set: production needs its own keys for personal data "
        "(`leniency data_keys new`), or set LENIENCY_DEBUG=1 for development"
    )

# HMAC keys that seal the audit trail, "id:secret" pairs newest first (see leniency/audit/keys.py); the
# database never holds them. In development without the variable, one key "dev" derived from SECRET_KEY.
AUDIT_KEYS = os.environ.get("LENIENCY_AUDIT_KEYS") or (
    f"dev:{hashlib.sha256(f'audit-key:{SECRET_KEY}'.encode()).hexdigest()}" if DEBUG else None
)
if not AUDIT_KEYS:
    raise ImproperlyConfigured(
        "LENIENCY_AUDIT_KEYS is not set: production needs its own audit key "
        "(`leniency audit new-key ID`), or set LENIENCY_DEBUG=1 for development"
    )
# Keys derived from the public development secret (development only): `check --deploy` refuses them.
DERIVED_KEYS = [
    name
    for name in ("LENIENCY_SECRET_KEY", "LENIENCY_DATA_KEYS", "LENIENCY_AUDIT_KEYS")
    if not os.environ.get(name)
]
# The audit trail's checkpoint (its head sequence and seal), written outside the database after commits that
# add events; `audit verify` checks the trail against it. None: not written (the tests' default).
AUDIT_CHECKPOINT_FILE = VAR_DIR / "audit" / "checkpoint.json"
AUDIT_CHECKPOINT_INTERVAL = 1.0  # seconds: at most one write per process in this time (0: every commit)

# Background jobs (leniency/jobs): Django's tasks API through the django-tasks backport, queued in the database
# (no new server); `leniency worker` runs them. An import extracts in this many processes; /healthz calls a
# worker stale when its last heartbeat is older than JOBS_WORKER_STALE_SECONDS.
TASKS = {"default": {"BACKEND": "django_tasks.backends.database.DatabaseBackend", "QUEUES": ["default"]}}
JOBS_IMPORT_WORKERS = int(os.environ.get("LENIENCY_IMPORT_WORKERS", "2"))
JOBS_WORKER_STALE_SECONDS = 60
# Training reads at most this many judgments, a sample stratified by charge (leniency/corpus/training.py says why
# that is enough): its memory and time then stop growing with the corpus.
TRAIN_MAX_ROWS = int(os.environ.get("LENIENCY_TRAIN_MAX_ROWS", "100000"))
# Each app server's own copies of the published similar-case index and model (leniency/corpus/artefacts.py):
# the file storage holds them, this local directory is a disposable cache refilled from it.
ARTEFACT_CACHE_DIR = Path(os.environ.get("LENIENCY_ARTEFACT_CACHE_DIR", VAR_DIR / "cache" / "artefacts"))

# Public statistics suppress cells with fewer persons than this (DESIGN.md: personal data is protected).
DISCLOSURE_THRESHOLD = 10

# Logs go to stderr, for the service manager or the container runtime to collect. LENIENCY_LOG_FORMAT=json writes
# one JSON object a line (python-json-logger: time, level, logger, process, message and any `extra` fields) for a
# log collector; "text" (the default) writes the message alone.
LOG_FORMAT = os.environ.get("LENIENCY_LOG_FORMAT", "text")
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured(f"LENIENCY_LOG_FORMAT must be text or json, not {LOG_FORMAT!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(process)d %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "loggers": {"jieba": {"level": "WARNING"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
