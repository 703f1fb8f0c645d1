"""Django settings, read from the environment with defaults that work offline on one server.

Environment variables (all optional):

- ``JIXIAO_DATA_DIR``: folder for the SQLite file, the secret key, uploads
  (default: the user's data folder, via platformdirs);
- ``JIXIAO_DATABASE_URL`` (e.g. ``postgres://user:pw@127.0.0.1:5432/jixiao``), or
  ``JIXIAO_DB=postgres`` with ``JIXIAO_DB_HOST/PORT/NAME/USER/PASSWORD``; default SQLite;
- ``JIXIAO_SECRET_KEY`` (default: generated once and stored in the data folder);
- ``JIXIAO_DEBUG=1``; ``JIXIAO_ALLOWED_HOSTS`` (comma-separated);
- ``JIXIAO_MAX_UPLOAD_MB`` (one file, default 20), ``JIXIAO_MAX_FILES`` (one upload, default 500).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from platformdirs import user_data_dir

PACKAGE_DIR = Path(__file__).resolve().parent


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def _data_dir() -> Path:
    """The data folder, created private (0700); one left open to others is closed again
    (database, secret key and evidence files are inside)."""
    folder = Path(os.environ.get("JIXIAO_DATA_DIR") or user_data_dir("jixiao", appauthor=False))
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix" and folder.stat().st_mode & 0o077:
        try:
            folder.chmod(0o700)
        except PermissionError as error:
            raise ImproperlyConfigured(
                f"[E130] 数据目录 {folder} 其他用户可以访问，且无法改为仅本用户可访问（0700）："
                f"{error.strerror}。请由该目录的所有者运行，或换一个数据目录。"
            ) from error
    return folder


def _secret_key(folder: Path) -> str:
    given = os.environ.get("JIXIAO_SECRET_KEY")
    if given:
        return given
    path = folder / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


# PostgreSQL connections stay open for the life of a server thread (checked before each
# request): a new one costs a sign-in and a backend's cold caches, some 10-20 ms a request
PERSISTENT = {"CONN_MAX_AGE": None, "CONN_HEALTH_CHECKS": True}


def _database(folder: Path) -> dict[str, Any]:
    url = os.environ.get("JIXIAO_DATABASE_URL")
    if url:
        return dict(dj_database_url.parse(url)) | PERSISTENT
    if os.environ.get("JIXIAO_DB", "").lower() in ("postgres", "postgresql"):
        return {
            "ENGINE": "django.db.backends.postgresql",
            "HOST": os.environ.get("JIXIAO_DB_HOST", "127.0.0.1"),
            "PORT": os.environ.get("JIXIAO_DB_PORT", "5432"),
            "NAME": os.environ.get("JIXIAO_DB_NAME", "jixiao"),
            "USER": os.environ.get("JIXIAO_DB_USER", "jixiao"),
            "PASSWORD": os.environ.get("JIXIAO_DB_PASSWORD", ""),
        } | PERSISTENT
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": folder / "jixiao.sqlite3",
        "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


DATA_DIR = _data_dir()
SECRET_KEY = _secret_key(DATA_DIR)
DEBUG = _flag("JIXIAO_DEBUG")
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("JIXIAO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "jixiao.web.apps.WebConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "jixiao.web.security.ContentSecurityPolicy",
]

ROOT_URLCONF = "jixiao.web.urls"
WSGI_APPLICATION = "jixiao.web.wsgi.application"

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
                "jixiao.web.scoping.actor_context",
            ],
            "builtins": ["jixiao.web.templatetags.jixiao_tags"],
        },
    },
]

DATABASES = {"default": _database(DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Shared by every process and machine (sign-in counters): a table in the one database.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "jixiao_cache",
    }
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "evaluation_list"
LOGOUT_REDIRECT_URL = "login"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600
CSRF_COOKIE_HTTPONLY = False  # the editor's script reads the token from the form instead
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
WHITENOISE_USE_FINDERS = True  # serve straight from the installed packages: no collectstatic
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = DATA_DIR / "media"

MAX_UPLOAD_BYTES = int(os.environ.get("JIXIAO_MAX_UPLOAD_MB", "20")) * 1024 * 1024
MAX_UPLOAD_FILES = int(os.environ.get("JIXIAO_MAX_FILES", "500"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20_000
DATA_UPLOAD_MAX_NUMBER_FILES = MAX_UPLOAD_FILES
# Imports with more files than this run in the background worker (db_worker).
IMPORT_INLINE_FILES = 10

LOGIN_FAILURE_LIMIT = 5
LOGIN_LOCKOUT_SECONDS = 15 * 60

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
