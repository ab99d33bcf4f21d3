"""The JSON API (django-ninja): the rules as a public service, published outcomes, and staff endpoints
behind per-user API tokens."""
