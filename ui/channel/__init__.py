"""The store side of channel orders in the main window: menu entries with shortcuts and a
notifier that announces orders arriving through sync (and queues their picking slips
when this till is set to)."""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu

from app.services.errors import ServiceError
from ui.errors import user_message

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 5000
ORDERS_SHORTCUT, GROUPS_SHORTCUT, STOCK_SHORTCUT = "Ctrl+Shift+O", "Ctrl+Shift+G", "Ctrl+Shift+K"


class ChannelNotifier(QObject):
    """Looks for new orders every few seconds (a small indexed query on the till's own
    database, so it works offline too) and tells the cashier in the status bar."""

    arrived = Signal(int)

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self._window = window
        self._timer = QTimer(self, interval=CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> int:
        try:
            fresh = self._window.ctx.channel.slips.announce_new()
        except Exception:  # never let a notice break the till; try again next round
            log.exception("channel order notice failed")
            return 0
        if fresh:
            text = QCoreApplication.translate(
                "Channel", "%n new channel order(s): %1. Open them with %2.", "", len(fresh))
            text = text.replace("%1", ", ".join(order.external_id for order in fresh[:3])) \
                       .replace("%2", ORDERS_SHORTCUT)
            self._window.statusBar().showMessage(text, 60_000)
            self.arrived.emit(len(fresh))
        return len(fresh)


def install(window: "MainWindow", menu: QMenu) -> ChannelNotifier:
    """Menu entries in `menu` and the new-order notifier (found later with findChild)."""
    for text, shortcut, opener in (
            (QCoreApplication.translate("Menus", "Channel orders…"), ORDERS_SHORTCUT,
             open_channel_orders),
            (QCoreApplication.translate("Menus", "Group-buy pickup…"), GROUPS_SHORTCUT,
             open_group_pickup),
            (QCoreApplication.translate("Menus", "Stock at other stores…"), STOCK_SHORTCUT,
             open_stock_lookup)):
        action = QAction(text, menu)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _=False, open_=opener: open_(window))
        menu.addAction(action)
    return ChannelNotifier(window)


def _show_modal(window: "MainWindow", dialog: QDialog) -> QDialog:
    # modal, so the main window hands scans to the dialog's accept_scan
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.show()
    return dialog


def open_channel_orders(window: "MainWindow") -> QDialog | None:
    from ui.channel.orders_window import ChannelOrdersDialog

    if window.cashier is None or window.ctx.channel is None:
        return None
    try:
        dialog = ChannelOrdersDialog(window.ctx.channel, window.cashier, window.ctx.terminal.tz,
                                     window)
    except ServiceError as exc:
        window.statusBar().showMessage(user_message(exc), 10_000)
        return None
    notifier = window.findChild(ChannelNotifier)
    if notifier is not None:
        notifier.arrived.connect(dialog.show_notice)
    return _show_modal(window, dialog)


def open_group_pickup(window: "MainWindow") -> QDialog | None:
    from ui.channel.group_dialog import GroupPickupDialog

    if window.cashier is None or window.ctx.channel is None:
        return None
    return _show_modal(window, GroupPickupDialog(window.ctx.channel, window.cashier, window))


def open_stock_lookup(window: "MainWindow") -> QDialog | None:
    from ui.channel.stock_dialog import CrossStoreStockDialog

    if window.cashier is None or window.ctx.channel is None:
        return None
    return _show_modal(window, CrossStoreStockDialog(window.ctx.channel.stock, window,
                                                      window.ctx.channel.transfer_requests))
