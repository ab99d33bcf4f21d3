"""The one Django settings module: every value comes from ``misconduct.app.config`` (environment)."""

from __future__ import annotations

from misconduct.app import config

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
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # issue 5: static files under gunicorn
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "misconduct.app.urls"
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
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
