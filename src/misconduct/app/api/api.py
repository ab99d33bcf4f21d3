"""The NinjaAPI: public rules and publications, staff endpoints behind tokens, one error shape."""

from __future__ import annotations

from ninja import NinjaAPI, Swagger

from misconduct import __version__
from misconduct.app.api import casefile, errors, public, register, rules, staff, work
from misconduct.app.api.auth import TokenAuth

api = NinjaAPI(
    title="misconduct",
    version=__version__,
    description=(
        "Police misconduct proceedings in England & Wales. The rules (lawful outcomes, time limits, "
        "standards, the factor catalogue and a stateless assessment), published outcomes and the "
        "national register of outcomes published by every force are public; case endpoints need "
        "a per-user API token (`Authorization: Bearer <token>`) and apply the same role and "
        "force checks as the web pages. Every error has one shape: error, message, field, "
        "expected, received, citation."
    ),
    urls_namespace="api",
    docs_url="/docs",
    # Deep links put a link inside each operation's toggle button (nested controls, WCAG 4.1.2).
    docs=Swagger(settings={"deepLinking": False}),
    openapi_url="/openapi.json",
)
errors.install(api)
api.add_router("/rules", rules.router)
api.add_router("/public", public.router)
api.add_router("/register", register.router)
assert casefile.router is staff.router  # casefile adds its endpoints to the cases router
api.add_router("/cases", staff.router, auth=TokenAuth())
api.add_router("/work", work.router, auth=TokenAuth())
