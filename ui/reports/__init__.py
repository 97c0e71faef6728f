"""Store reports in the back office: dashboard with charts, report tables, daily summary."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.services.permissions import Permission
from app.services.reports import ReportService


def open_reports(ctx, parent: QWidget | None = None, actor=None, perms=None):
    """Open the reports window for the till's store and load today's dashboard.

    With a PermissionService (argument or ctx.permissions) the service refuses people
    without VIEW_REPORTS; the refusal reaches the user through ui.errors.user_message.
    """
    from ui.reports.window import ReportsWindow

    perms = perms or getattr(ctx, "permissions", None)
    require = (lambda who: perms.require(who, Permission.VIEW_REPORTS)) if perms and actor else None
    reports = ReportService(ctx.sessions, ctx.terminal, ctx.clock, require)
    printer = getattr(getattr(ctx, "receipts", None), "printer", None)
    window = ReportsWindow(reports, printer, actor, parent)
    window.show()
    window.dashboard.load()
    return window


__all__ = ["open_reports"]
