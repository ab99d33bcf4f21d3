"""Memberships in the Django admin, where administrators give users their roles and forces."""

from __future__ import annotations

from django.contrib import admin

from misconduct.app.web.models import Membership


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "force")
    list_filter = ("role", "force")
    search_fields = ("user__username", "user__first_name", "user__last_name")
    autocomplete_fields = ("user",)
