from tests.app.web.fixtures import demo, login, users  # noqa: F401
