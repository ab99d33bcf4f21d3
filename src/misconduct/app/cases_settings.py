"""The settings of a command that reads the case tables and nothing else (``misconduct audit
verify``): every value as ``misconduct.app.settings`` gives it, with only the cases' application
installed. Django then starts without importing the admin, the web pages, the API (``ninja`` and
``pydantic``), the register, the login throttling and the content security policy, none of which
such a command uses: about half of Django's start (``bootstrap.setup(cases_only=True)``)."""

from misconduct.app.settings import *  # noqa: F403 (every setting, as the program's own)

INSTALLED_APPS = ["misconduct.app.apps.CasesConfig"]
