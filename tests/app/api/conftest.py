from tests.app.web.fixtures import (  # noqa: F401
    canonical_at_findings,
    demo,
    fixed_today,
    login,
    uncalibrated,
    users,
)
