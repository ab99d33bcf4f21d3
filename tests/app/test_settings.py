"""Settings come from the environment, work with none, fail loudly, and are documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from misconduct.app import config
from misconduct.errors import InvalidInput

DOCS = Path(__file__).resolve().parents[2] / "docs" / "settings.md"


def test_with_no_configuration_the_database_is_sqlite_in_the_data_folder() -> None:
    values = config.load({"HOME": "/home/pat", "XDG_DATA_HOME": "/data"})
    db = values["DATABASE_URL"]
    assert db["ENGINE"].endswith("sqlite3")
    assert db["NAME"] == "/data/misconduct/misconduct.sqlite3"
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"] and db["OPTIONS"]["timeout"] == 5


def test_the_data_folder_can_be_overridden() -> None:
    values = config.load({"MISCONDUCT_DATA_DIR": "/srv/misconduct"})
    assert values["DATABASE_URL"]["NAME"] == "/srv/misconduct/misconduct.sqlite3"


def test_a_postgres_url_is_parsed() -> None:
    db = config.load({"DATABASE_URL": "postgres://psd:s%40cret@db.example:5433/cases"})[
        "DATABASE_URL"
    ]
    assert (db["ENGINE"], db["USER"], db["PASSWORD"], db["HOST"], db["PORT"], db["NAME"]) == (
        "misconduct.app.pgbackend",
        "psd",
        "s@cret",
        "db.example",
        "5433",
        "cases",
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DATABASE_URL", "mysql://x/y"),
        ("DATABASE_URL", "postgres://host-only"),
        ("MISCONDUCT_DEBUG", "maybe"),
        ("MISCONDUCT_SQLITE_BUSY_TIMEOUT", "0"),
        ("MISCONDUCT_TIME_ZONE", "Mars/Olympus"),
        ("MISCONDUCT_ALLOWED_HOSTS", " , "),
    ],
)
def test_a_bad_value_fails_naming_the_variable(name: str, value: str) -> None:
    with pytest.raises(InvalidInput, match=f"^{name}: expected .*received"):
        config.load({name: value})


def test_docs_settings_md_is_current() -> None:
    assert DOCS.read_text(encoding="utf-8") == config.settings_markdown(), (
        "docs/settings.md is stale: run `python -m misconduct.app.config > docs/settings.md`"
    )


def test_every_setting_has_a_one_line_help() -> None:
    for setting in config.SETTINGS.values():
        assert setting.help and "\n" not in setting.help
