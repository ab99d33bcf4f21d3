"""The Django application: persistence, web views, admin and the JSON API."""
