from tests.app.web.fixtures import demo, login, uncalibrated, users  # noqa: F401
