"""Main window: login and checkout screens, the scanner, and the status bar."""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStackedWidget

from app.bootstrap import AppContext
from app.domain.clock import to_local
from app.services.auth import StaffMember
from app.services.checkout import CompletedSale
from ui.customer_display import CustomerDisplayWindow
from ui.dialogs.receipt_preview import ReceiptPreviewDialog
from app.services.errors import ServiceError
from app.services.permissions import Permission
from ui.dialogs.manager_override import with_override
from ui.errors import user_message
from ui.scanner_filter import WedgeScannerFilter
from ui.screens.checkout import CheckoutScreen
from ui.screens.device_settings import DeviceSettingsScreen
from ui.menus import build_menus
from ui.screens.login import LoginScreen
from ui.screens.shift import ShiftScreen
from ui.tasks import run_in_background
from ui.widgets.device_status import DeviceStatusWidget

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, scanner: WedgeScannerFilter | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.cashier: StaffMember | None = None
        self.preview: ReceiptPreviewDialog | None = None
        self.setWindowTitle(self.tr("MON POS — %1").replace("%1", ctx.terminal.store_name))
        self.resize(1280, 800)
        self.stack = QStackedWidget()
        self.login = LoginScreen(ctx.auth, ctx.terminal.store_name)
        self.checkout = CheckoutScreen(ctx)
        self.shift = ShiftScreen(ctx.shifts, ctx.perms, ctx.receipts.printer)
        for screen in (self.login, self.checkout, self.shift):
            self.stack.addWidget(screen)
        self.devices_screen = DeviceSettingsScreen(ctx.devices, ctx.drawer, "settings", scanner, ctx.terminal.tz)
        self.devices_screen.back_requested.connect(self.close_devices)
        self.stack.addWidget(self.devices_screen)
        self.setCentralWidget(self.stack)
        self._build_status_bar()
        self.menus = build_menus(self)
        self.customer_window = self._customer_window()
        self.login.logged_in.connect(self.on_logged_in)
        self.shift.done.connect(self.show_checkout)
        self.shift.handed_over.connect(self._handed_over)
        self.checkout.logout_requested.connect(self.logout)
        self.checkout.sale_completed.connect(self.on_sale_completed)
        self.checkout.reprint_requested.connect(self.reprint_last)
        if scanner is not None:
            scanner.scanned.connect(self.on_scan)
            # serial scanners call this on their own thread; the signal delivers on the UI thread
            ctx.devices.add_scan_listener(scanner.scanned.emit)
        self.show_login()
        self.refresh_printer_status()

    def _customer_window(self) -> CustomerDisplayWindow | None:
        """The customer's screen on a second monitor, when the till has one."""
        config = self.ctx.config
        if not config.customer_window or len(QGuiApplication.screens()) < 2:
            return None
        window = CustomerDisplayWindow(self.ctx.terminal.store_name,
                                       Path(config.slideshow_dir) if config.slideshow_dir else None)
        self.attach_customer_window(window)
        window.place_on_screen(1)
        window.show_idle()
        return window

    def attach_customer_window(self, window: CustomerDisplayWindow) -> None:
        self.customer_window = window
        self.checkout.line_added.connect(
            lambda name, qty, amount, unit, total, count: window.show_line(name, qty, amount, total,
                                                                            count, unit))
        self.checkout.payment_started.connect(
            lambda total: window.show_payment(total, self.ctx.config.payment_qr))
        self.checkout.sale_completed.connect(lambda done: window.show_thanks(done.total, done.change))

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        t = self.ctx.terminal
        self.store_status = QLabel(f"{t.store_name} · {t.store_code}")
        self.terminal_status = QLabel(self.tr("Terminal %1").replace("%1", t.terminal_code))
        self.cashier_status = QLabel()
        self.cashier_status.setObjectName("cashierStatus")
        self.device_status = DeviceStatusWidget(self.ctx.devices)
        self.printer_status = self.device_status.labels["printer"]  # a print outcome shows until the next refresh
        self.clock_status = QLabel()
        for label in (self.store_status, self.terminal_status, self.cashier_status):
            bar.addWidget(label)
        self.sync_status = QLabel()
        self.sync_status.setObjectName("syncStatus")
        bar.addPermanentWidget(self.sync_status)
        bar.addPermanentWidget(self.device_status)
        bar.addPermanentWidget(self.clock_status)
        self._clock_timer = QTimer(self, interval=1000)
        self._clock_timer.timeout.connect(self._tick)
        self._clock_timer.start()
        self._tick()

    def _tick(self) -> None:
        local = to_local(self.ctx.clock.now(), self.ctx.terminal.tz)
        self.clock_status.setText(local.strftime("%Y-%m-%d %H:%M"))
        self._show_sync_status()

    def _show_sync_status(self) -> None:
        worker = self.ctx.sync
        if worker is None:
            self.sync_status.setText(self.tr("Cloud: not connected (local only)"))
            return
        status = worker.status()
        if status.online and status.download_left > 0:  # a first download (or a reload)
            text = self.tr("Downloading catalog… %1 left").replace("%1", str(status.download_left))
            self.sync_status.setStyleSheet("")
        elif status.online:
            when = to_local(status.last_success_at, self.ctx.terminal.tz).strftime("%H:%M:%S")
            text = self.tr("Cloud: online, %1 queued, synced %2").replace(
                "%1", str(status.queued)).replace("%2", when)
            self.sync_status.setStyleSheet("")
        elif not status.enrolled:
            text = self.tr("Cloud: this till's access was refused. Ask head office to enrol it again.")
            self.sync_status.setStyleSheet("color: #cf222e; font-weight: bold;")
        elif status.last_attempt_at is None:
            text = self.tr("Cloud: connecting…")
        else:
            text = self.tr("Cloud: offline, %1 queued (selling goes on; Ctrl+S retries)").replace(
                "%1", str(status.queued))
            self.sync_status.setStyleSheet("color: #9a6700;")
        self.sync_status.setText(text)
        self.sync_status.setToolTip(status.last_error)

    def sync_now(self) -> None:
        if self.ctx.sync is not None:
            self.ctx.sync.sync_now()

    # --- screens -------------------------------------------------------------
    def show_login(self) -> None:
        self.cashier = None
        self.cashier_status.setText(self.tr("Not logged in"))
        self.login.reload()
        self.stack.setCurrentWidget(self.login)
        self.login.focus_pin()

    def on_logged_in(self, member: StaffMember) -> None:
        self.cashier = member
        self.cashier_status.setText(self.tr("Cashier: %1").replace("%1", member.name))
        log.info("login %s", member.code)
        if self.ctx.shifts.current() is None:
            self.show_shift()  # no sale without an open shift: open one first
            return
        self.show_checkout()

    def show_checkout(self) -> None:
        if self.cashier is None:
            self.show_login()
            return
        if self.ctx.shifts.current() is None:
            self.show_shift()
            return
        draft = self.ctx.checkout.draft
        if draft is None or draft.cart.is_empty():
            self.ctx.checkout.start_sale(self.cashier)
        else:
            self.ctx.checkout.take_over(self.cashier)  # a quick switch keeps the sale
        self.stack.setCurrentWidget(self.checkout)
        self.checkout.start()

    def show_shift(self) -> None:
        if self.cashier is None:
            return
        self.shift.start(self.cashier)
        self.stack.setCurrentWidget(self.shift)

    def _handed_over(self, member: StaffMember) -> None:
        """The next cashier took over the till (shift handover): they sell from now on."""
        self.cashier = member
        self.cashier_status.setText(self.tr("Cashier: %1").replace("%1", member.name))

    def logout(self) -> None:
        if self.cashier is not None:
            self.ctx.auth.logout(self.cashier)
        log.info("logout %s", self.cashier.code if self.cashier else "-")
        self.show_login()

    def lock(self) -> None:
        """Idle too long: back to the login screen; the sale on screen is kept."""
        if self.cashier is None:
            return
        self.logout()
        self.login.show_banner(self.tr("Locked after inactivity. Log in to go on; the sale is kept."))

    def on_scan(self, code: str) -> None:
        """Every scan arrives here, whichever widget has the focus."""
        if self.stack.currentWidget() is self.devices_screen:
            return  # "scan something now" on the settings screen takes it
        if self.stack.currentWidget() is self.login:
            self.login.badge_scanned(code)
            return
        if self.preview is not None and self.preview.isVisible():
            self.preview.accept()  # the next customer's first item
        modal = QApplication.activeModalWidget()
        if modal not in (None, self.preview):
            # dialogs that read codes (payment code, receipt barcode, supervisor badge) take
            # the scan; others ignore it, so a stray scan never adds items behind a dialog
            taker = getattr(modal, "accept_scan", None) or getattr(modal, "badge_scanned", None)
            if callable(taker):
                taker(code)
            return
        if self.stack.currentWidget() is not self.checkout:
            return
        self.checkout.add_code(code)
        self.checkout.focus_scan()

    # --- after the sale ------------------------------------------------------
    def on_sale_completed(self, completed: CompletedSale) -> None:
        self.sync_now()  # send the sale to the cloud now rather than at the next round
        document = self.ctx.receipts.document(completed.sale_id)
        self.printer_status.setText(self.tr("Printer: printing…"))
        run_in_background(lambda: self.ctx.receipts.print_sale(completed.sale_id),
                          self._on_printed, lambda exc: self._on_printed(None))
        self.preview = ReceiptPreviewDialog(completed, document, self.tr("Receipt %1").replace(
            "%1", completed.receipt_no), self)
        self.preview.setModal(False)
        actor = self.cashier.code if self.cashier else ""
        run_in_background(lambda: self.ctx.drawer.open_after_sale(completed.sale_id, actor), None,
                          lambda exc: self.checkout.show_error(user_message(exc)))
        self.preview.finished.connect(lambda _: self.checkout.focus_scan())
        self.preview.show()

    def _on_printed(self, outcome) -> None:
        if outcome is not None and outcome.ok:
            self.device_status.refresh()  # queued: the status shows whether it came out
            return
        why = outcome.error if outcome is not None else ""
        self.printer_status.setText(self.tr("Printer: not printed"))
        self.printer_status.setStyleSheet("color: #cf222e; font-weight: bold;")
        self.checkout.show_error(self.tr("The receipt was not printed: %1 The sale is saved. "
                                         "Fix the printer and press F5 to reprint.").replace("%1", why))

    def reprint_last(self) -> None:
        sale_id = self.ctx.receipts.last_sale_id
        if sale_id is None:
            self.checkout.show_error(self.tr("No receipt to reprint yet."))
            return
        actor = self.cashier
        self.checkout.apply_guarded(lambda ok: self._on_printed(
            self.ctx.receipts.reprint(sale_id, actor, approver=ok)))

    def refresh_printer_status(self) -> None:
        self.device_status.refresh()

    def show_devices(self) -> None:
        if self.cashier is None or not self._permitted(Permission.DEVICE_SETTINGS):
            return
        self.devices_screen.actor = self.cashier  # the settings service checks DEVICE_SETTINGS for them
        self.devices_screen.refresh_jobs()
        self.stack.setCurrentWidget(self.devices_screen)

    def close_devices(self) -> None:
        if self.cashier:
            self.show_checkout()
        else:
            self.show_login()

    def _permitted(self, permission: Permission) -> bool:
        """The person logged in may, or a supervisor approves on the spot."""
        actor = self.cashier
        try:
            approved = with_override(self, self.ctx.perms,
                                     lambda ok: self.ctx.perms.require(actor, permission, ok))
        except ServiceError as exc:
            self.checkout.show_error(user_message(exc))
            return False
        return approved is not None

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.stack.currentWidget() is self.checkout:
            self.checkout.focus_scan()
            return
        super().keyPressEvent(event)
