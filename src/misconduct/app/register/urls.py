"""The register's URLs (namespace ``register``): public under /register/, staff under
/staff/register/."""

from __future__ import annotations

from django.urls import path

from misconduct.app.register import views

app_name = "register"

urlpatterns = [
    path("register/", views.register, name="search"),
    path("register/records/<int:pk>/", views.record, name="record"),
    path("register/export.csv", views.export_csv, name="export-csv"),
    path("register/export.json", views.export_json, name="export-json"),
    path("register/feed.atom", views.RegisterFeed(), name="feed"),
    path("register/analytics/", views.analytics_page, name="analytics"),
    path("register/analytics/<slug:name>.<slug:fmt>", views.plot_image, name="plot"),
    path("staff/register/review/", views.review_queue, name="review"),
    path("staff/register/review/<int:pk>/", views.review_record, name="review-record"),
    path("staff/register/withdrawn/", views.withdrawn_list, name="withdrawn"),
    path("staff/register/sync/", views.sync, name="sync"),
    path("staff/register/annual-return/", views.annual, name="annual-return"),
]
