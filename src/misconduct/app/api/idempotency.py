"""``Idempotency-Key`` on the API's writes: a client that retries (a timeout, a dropped
connection) sends the same key and gets the first answer back, and the step is recorded once.

The key is claimed in the same database transaction as the write: a second request with the key
waits for the first to finish, then reads its answer. A write that fails writes nothing, the claim
included, so the retry runs again. The same key with another method, path or body is refused
(409). Answers are kept for :data:`KEEP`, then pruned.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.utils import timezone

from misconduct.errors import Conflict, InvalidInput

HEADER = "Idempotency-Key"
KEEP = timedelta(hours=24)
T = TypeVar("T")


def _fingerprint(request: Any) -> str:
    digest = hashlib.sha256()
    for part in (request.method.encode(), request.path.encode(), request.body):
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


def once(request: Any, write: Callable[[], T]) -> T:
    """``write()``'s answer; under an ``Idempotency-Key`` header, the first answer for that key.

    Views call it around their write (``return once(request, lambda: ...)``): a decorator would
    hide the view's signature from django-ninja.
    """
    from misconduct.app.api.models import IdempotentRequest

    key = request.headers.get(HEADER, "")
    if not key:
        return write()
    if len(key) > 200 or not key.isprintable() or not key.strip():
        raise InvalidInput(
            f"{HEADER} header", "up to 200 printable characters", f"{len(key)} characters"
        )
    user = request.auth
    fingerprint = _fingerprint(request)
    with transaction.atomic():
        try:
            with transaction.atomic():
                claim = IdempotentRequest.objects.create(
                    user=user, key=key, fingerprint=fingerprint
                )
        except IntegrityError:
            earlier = IdempotentRequest.objects.get(user=user, key=key)
            if earlier.fingerprint != fingerprint:
                raise Conflict(
                    "this Idempotency-Key was used for a different request; use a new key "
                    "for a new request",
                    field=f"{HEADER} header",
                    expected="the same method, address and body as the first request",
                    received="a different request",
                ) from None
            replayed: T = json.loads(earlier.response)
            return replayed
        result = write()
        claim.response = json.dumps(result, cls=DjangoJSONEncoder)
        claim.save(update_fields=["response"])
    IdempotentRequest.objects.filter(created_at__lt=timezone.now() - KEEP).delete()
    return result
