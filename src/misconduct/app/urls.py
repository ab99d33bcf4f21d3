"""URLs: Django's admin as it is."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("misconduct.app.api.urls")),  # issue 5: JSON API
    path("", include("misconduct.app.register.urls")),  # issue 15: national register
    path("", include("misconduct.app.web.urls")),  # issue 5: staff and public pages
]
