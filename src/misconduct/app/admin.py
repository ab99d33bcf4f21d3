"""Django admin as it is: the projection is editable only through the services; events read-only."""

from django.contrib import admin

from misconduct.app import models as m


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(m.Case)
class CaseAdmin(ReadOnly):
    list_display = ("ref", "force", "stage", "version", "came_to_attention", "closed_on")
    list_filter = ("stage", "force")
    search_fields = ("ref",)


@admin.register(m.Event)
class EventAdmin(ReadOnly):
    list_display = ("case", "sequence", "type", "occurred_on", "recorded_at", "actor")
    list_filter = ("type",)


@admin.register(m.Officer)
class OfficerAdmin(ReadOnly):
    list_display = ("name", "warrant_number", "rank", "force", "serving")


@admin.register(m.Force)
class ForceAdmin(ReadOnly):
    list_display = ("code", "name", "territorial")


@admin.register(m.TimeLimit)
class TimeLimitAdmin(ReadOnly):
    list_display = ("case", "step", "nature", "last_day", "met_on")
