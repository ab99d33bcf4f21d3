"""The Django admin is confined to users, forces and roles (issue 13): cases, events, officers and
time limits are not in it, so a superuser sees no force's case data there; case data is reached only
through the staff pages and the API, with the role and force checks."""

from django.contrib import admin

from misconduct.app import models as m


@admin.register(m.Force)
class ForceAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "territorial")

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
