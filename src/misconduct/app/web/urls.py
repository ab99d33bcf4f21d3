"""The web application's URLconf (namespace ``web``): public pages first, then staff pages."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

from misconduct.app.web.views import assess, casefile, public, staff

app_name = "web"

urlpatterns = [
    # Public: no login.
    path("", public.national, name="public"),
    path("outcomes/feed.atom", public.OutcomesFeed(), name="feed"),
    path("outcomes/force/<slug:code>/", public.by_force, name="public-force"),
    path("outcomes/<str:ref>/", public.record, name="public-record"),
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="web/staff/login.html"),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(next_page="web:public"), name="logout"),
    # Staff: login, role and force checked in every view.
    path("staff/", staff.dashboard, name="dashboard"),
    path("staff/cases/", staff.case_list, name="cases"),
    path("staff/cases/new/", casefile.new_case, name="new-case"),
    path("staff/my-work/", casefile.my_work, name="my-work"),
    path("staff/cases/<str:ref>/file/", casefile.case_file, name="case-file"),
    path("staff/cases/<str:ref>/evidence/", casefile.upload, name="upload"),
    path("staff/cases/<str:ref>/correct/<int:sequence>/", casefile.correct_step, name="correct"),
    path("staff/cases/<str:ref>/evidence/<str:sha256>/", casefile.download, name="evidence"),
    path("staff/cases/<str:ref>/", staff.case_detail, name="case"),
    path("staff/cases/<str:ref>/steps/<slug:step_id>/", staff.step, name="step"),
    path("staff/cases/<str:ref>/assessment/", assess.assessment, name="assessment"),
    path("staff/cases/<str:ref>/assessment/preview/", assess.preview, name="assessment-preview"),
    path(
        "staff/cases/<str:ref>/documents/<slug:kind>.<slug:fmt>",
        staff.document,
        name="document",
    ),
    path("staff/tokens/", staff.tokens, name="tokens"),
    path("staff/access/", staff.access_log, name="access"),
    path("staff/tokens/<int:pk>/revoke/", staff.revoke_token, name="revoke-token"),
]
