"""The one Django settings module: every value comes from ``misconduct.app.config`` (environment)."""

from __future__ import annotations

from misconduct.app import config, logs, security

_values = config.load()

DATA_DIR = _values["MISCONDUCT_DATA_DIR"]
SECRET_KEY = _values["MISCONDUCT_SECRET_KEY"]
DEBUG = _values["MISCONDUCT_DEBUG"]
ALLOWED_HOSTS = _values["MISCONDUCT_ALLOWED_HOSTS"]
DATABASES = {"default": _values["DATABASE_URL"]}
if _values["MISCONDUCT_READ_REPLICA_URL"] is not None:  # issue 10: public reads from a replica
    DATABASES["replica"] = _values["MISCONDUCT_READ_REPLICA_URL"]
    DATABASE_ROUTERS = ["misconduct.app.routers.PublicReadsToReplica"]
TIME_ZONE = _values["MISCONDUCT_TIME_ZONE"]
PUBLICATION_DAYS = _values["MISCONDUCT_PUBLICATION_DAYS"]  # issue 13: retention (docs/retention.md)
PUBLICATION_WARNING_DAYS = _values["MISCONDUCT_PUBLICATION_WARNING_DAYS"]
RETENTION_CLOSED_CASE_YEARS = _values["MISCONDUCT_RETENTION_CLOSED_CASE_YEARS"]
USE_TZ = True
USE_I18N = True
LANGUAGE_CODE = "en-gb"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "misconduct.app.apps.CasesConfig",
    "misconduct.app.web.apps.WebConfig",  # issue 5: staff and public pages, memberships
    "misconduct.app.api.apps.ApiConfig",  # issue 5: JSON API, API tokens
    "ninja",  # its own Swagger UI files, so /api/docs works offline (no CDN)
    "misconduct.app.register.apps.RegisterConfig",  # issue 15: national register of outcomes
    "axes",  # issue 13: login throttling and lockout
    "csp",  # issue 13: Content Security Policy
]
MIDDLEWARE = [
    "misconduct.app.logs.AccessLog",  # issue 13: an access line without query strings or names
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # issue 5: static files under gunicorn
    "misconduct.app.api.public.ListCache",  # issue 10: the public API list, kept per event
    "misconduct.app.security.IdleSession",  # issue 13: idle expiry, a write a minute (issue 10)
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "misconduct.app.web.sessions.Authentication",  # issue 10: user and roles with the session
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",  # issue 13
    "misconduct.app.security.NoStore",  # issue 13: no cache keeps staff pages or documents
    "axes.middleware.AxesMiddleware",  # issue 13: must be last
]
ROOT_URLCONF = "misconduct.app.urls"
SESSION_ENGINE = (
    "misconduct.app.web.sessions"  # issue 10: the session, its user and roles in one query
)
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "misconduct.app.web.context.links",  # issue 10: the header's links, reversed once
            ]
        },
    }
]
WSGI_APPLICATION = "misconduct.app.wsgi.application"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
STATIC_URL = "static/"
WHITENOISE_USE_FINDERS = True  # issue 5: whitenoise serves app static files, no collectstatic
LOGIN_URL = "web:login"  # issue 5
LOGIN_REDIRECT_URL = "web:dashboard"  # issue 5
# Issue 9: evidence files, kept by SHA-256 in their own storage (local folder unless configured).
EVIDENCE_MAX_BYTES = _values["MISCONDUCT_EVIDENCE_MAX_MB"] * 1024 * 1024
_evidence_backend = _values["MISCONDUCT_EVIDENCE_STORAGE"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "evidence": {
        "BACKEND": _evidence_backend,
        "OPTIONS": {"location": str(_values["MISCONDUCT_EVIDENCE_DIR"])}
        if _evidence_backend.endswith("FileSystemStorage")
        else {
            "bucket_name": _values["MISCONDUCT_EVIDENCE_S3_BUCKET"],
            "endpoint_url": _values["MISCONDUCT_EVIDENCE_S3_ENDPOINT"] or None,
            "file_overwrite": False,
        },
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = EVIDENCE_MAX_BYTES + 1024 * 1024  # issue 9: the evidence limit
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"  # issue 9: reminders
DEFAULT_FROM_EMAIL = "misconduct@localhost"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LOGGING = logs.config(_values["MISCONDUCT_LOG_LEVEL"])  # issue 13: JSON lines, tracebacks kept
# issue 13: web hardening (misconduct.app.security, docs/security.md)
globals().update(
    security.settings_for(
        https=_values["MISCONDUCT_HTTPS"],
        idle_minutes=_values["MISCONDUCT_SESSION_IDLE_MINUTES"],
        failure_limit=_values["MISCONDUCT_LOGIN_FAILURE_LIMIT"],
        lockout_minutes=_values["MISCONDUCT_LOCKOUT_MINUTES"],
    )
)
