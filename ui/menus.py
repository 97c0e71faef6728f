"""The main window's menus: till actions and the back-office windows.

Each back-office window is guarded by its permission in the service layer;
when the person logged in lacks it, a supervisor can approve on the spot.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from app.services.errors import ServiceError
from app.services.permissions import Approval, Permission
from ui.dialogs.manager_override import with_override
from ui.errors import user_message

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def _open_quarantine(window: "MainWindow") -> None:
    from ui.sync_quarantine import open_quarantine  # imported on use: keeps the start fast
    open_quarantine(window)


def _install_channel_menu(window: "MainWindow", till: QMenu) -> None:
    """Channel orders, group-buy pickup and other stores' stock."""
    from ui.channel import install
    install(window, till)


def build_menus(window: "MainWindow") -> dict[str, QMenu]:
    bar = window.menuBar()
    till = bar.addMenu(QCoreApplication.translate("Menus", "&Till"))
    _add(till, QCoreApplication.translate("Menus", "Checkout"), "Ctrl+1", window.show_checkout)
    _add(till, QCoreApplication.translate("Menus", "Shift and cash…"), "Ctrl+2", window.show_shift)
    _add(till, QCoreApplication.translate("Menus", "Sync with the cloud now"), "Ctrl+S", window.sync_now)
    _add(till, QCoreApplication.translate("Menus", "Events the cloud rejected…"), "Ctrl+Shift+S",
         lambda: _open_quarantine(window))
    _add(till, QCoreApplication.translate("Menus", "Devices and print queue…"), "Ctrl+Shift+D", window.show_devices)
    _add(till, QCoreApplication.translate("Menus", "Open the cash drawer (no sale)"), "Ctrl+D",
         lambda: open_drawer_without_sale(window))
    _install_channel_menu(window, till)
    till.addSeparator()
    _add(till, QCoreApplication.translate("Menus", "Lock"), "Ctrl+L", window.lock)
    office = bar.addMenu(QCoreApplication.translate("Menus", "&Back office"))
    _add(office, QCoreApplication.translate("Menus", "Staff, roles and audit log…"), "Ctrl+3",
         lambda: open_guarded(window, Permission.MANAGE_STAFF, _staff_window))
    _add(office, QCoreApplication.translate("Menus", "Salesperson performance…"), "Ctrl+4",
         lambda: open_guarded(window, Permission.VIEW_REPORTS, _performance_window))
    _add(office, QCoreApplication.translate("Menus", "Products, stock and purchasing…"), "Ctrl+5",
         lambda: open_guarded(window, Permission.EDIT_PRODUCTS, _inventory_window))
    _add(office, QCoreApplication.translate("Menus", "Reports and dashboard…"), "Ctrl+6",
         lambda: open_guarded(window, Permission.VIEW_REPORTS, _reports_window))
    return {"till": till, "office": office}


def _add(menu: QMenu, text: str, shortcut: str, slot: Callable[[], object]) -> QAction:
    action = QAction(text, menu)
    action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _=False: slot())
    menu.addAction(action)
    return action


def open_guarded(window: "MainWindow", permission: Permission,
                 factory: Callable[["MainWindow", Approval], QWidget]) -> QWidget | None:
    """Open a back-office window if the person logged in (or an approving supervisor) may.
    The window's services check each action again (with their own supervisor prompt)."""
    actor = window.cashier
    if actor is None:
        return None
    try:
        approved = with_override(window, window.ctx.perms,
                                 lambda approval: window.ctx.perms.require(actor, permission, approval))
    except ServiceError as exc:
        QMessageBox.warning(window, "MON POS", user_message(exc))
        return None
    if approved is None:
        return None
    child = factory(window, approved)
    child.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    child.setWindowFlag(Qt.WindowType.Window)
    child.resize(1100, 720)
    child.show()
    return child


def _staff_window(window: "MainWindow", _approved: Approval) -> QWidget:
    from ui.staff.window import StaffBackOffice

    ctx = window.ctx
    view = StaffBackOffice(ctx.staff_admin, ctx.perms, ctx.clock, ctx.terminal.tz, window)
    view.setWindowTitle(QCoreApplication.translate("Menus", "Staff, roles and audit log"))
    view.start(window.cashier)
    return view


def _performance_window(window: "MainWindow", _approved: Approval) -> QWidget:
    from app.domain.clock import to_local
    from ui.members.performance import PerformanceView

    ctx = window.ctx
    today = to_local(ctx.clock.now(), ctx.terminal.tz).date()
    view = PerformanceView(ctx.members.performance, today, window)
    view.setWindowTitle(QCoreApplication.translate("Menus", "Salesperson performance"))
    return view


def _inventory_window(window: "MainWindow", _approved: Approval) -> QWidget:
    from ui.backoffice.window import BackOfficeWindow

    # the services check STOCK_ADJUSTMENT / EDIT_PRODUCTS per action, for the person logged in
    return BackOfficeWindow(window.ctx, window.cashier, window)


def _reports_window(window: "MainWindow", approved: Approval) -> QWidget:
    from ui.reports import open_reports

    # The report service checks VIEW_REPORTS on every load. Opened on a supervisor's
    # approval, the window reads the reports with the supervisor's permission.
    reader = approved.approver or approved.actor
    return open_reports(window.ctx, window, actor=reader, perms=_ReadsAs(window.ctx.perms, reader))


class _ReadsAs:
    """The report screens do not pass the reader to every call; checks fall back to the
    person the window was opened for, so a role change still takes effect at the next load."""

    def __init__(self, perms, reader) -> None:
        self._perms, self._reader = perms, reader

    def require(self, who, permission: Permission):
        return self._perms.require(who or self._reader, permission)


def open_drawer_without_sale(window: "MainWindow") -> bool:
    """Needs OPEN_DRAWER (or a supervisor's approval); the kick and the approval are logged."""
    actor, ctx = window.cashier, window.ctx
    if actor is None:
        return False
    try:
        # the drawer service checks OPEN_DRAWER and logs the kick with the approval
        kicked = with_override(window, ctx.perms, lambda ok: ctx.drawer.open("no sale", actor, ok))
        if kicked is None:
            return False
    except ServiceError as exc:
        window.checkout.show_error(user_message(exc))
        return False
    return True
