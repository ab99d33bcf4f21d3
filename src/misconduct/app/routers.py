"""Database routing for scale-out: the public register's records are read from a read replica.

Used only when ``MISCONDUCT_READ_REPLICA_URL`` is set (``settings.DATABASES["replica"]``). The public
pages, the feed and the public API read just the public read models (``PublicEntry``, ``PublicTag``),
which a replica serves a moment behind the primary; everything else, and every write, goes to the
primary, and migrations run on the primary only (the replica receives them by replication).
"""

from __future__ import annotations

from typing import Any

REPLICA = "replica"
_PUBLIC_MODELS = {"publicentry", "publictag"}


class PublicReadsToReplica:
    def db_for_read(self, model: type[Any], **hints: Any) -> str | None:
        if model._meta.app_label == "misconduct" and model._meta.model_name in _PUBLIC_MODELS:
            return REPLICA
        return None

    def db_for_write(self, model: type[Any], **hints: Any) -> str | None:
        return "default"

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        return db != REPLICA
