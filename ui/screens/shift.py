"""The shift screen: open with a float, pay in/out, safe drop, X report, blind close, Z report.

The close is blind: the cashier counts the drawer by denomination and sees only
their own count; expected cash and over/short (长短款) appear on the Z report
after the count is saved.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox,
    QStackedWidget, QVBoxLayout, QWidget,
)

from app.domain.clock import to_local
from app.domain.money import Money, MoneyError
from app.domain.receipt import ReceiptDocument, render_text
from app.services.auth import StaffMember
from app.services.errors import InvalidInput, ServiceError
from app.services.permissions import PermissionService
from app.services.shifts import CNY_DENOMINATIONS, MAX_PIECES, ShiftReport, ShiftService, count_total
from ui.dialogs.manager_override import with_override
from ui.errors import user_message
from ui.fonts import monospace_font
from ui.tasks import run_in_background

TOUCH = 52


def _button(text: str, name: str, slot: Callable[[], None], shortcut: str = "",
            page: QWidget | None = None) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setMinimumHeight(TOUCH)
    if shortcut and page is not None:
        # owned by the page: the key works only while that page is on screen
        QShortcut(QKeySequence(shortcut), page).activated.connect(button.click)
    button.clicked.connect(slot)
    return button


def _field(name: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setMinimumHeight(44)
    edit.setPlaceholderText(placeholder)
    return edit


def _parse_amount(text: str) -> Money:
    try:
        return Money.parse(text)
    except MoneyError as exc:
        raise InvalidInput("Not an amount of money: {text}", text=text) from exc


class ShiftScreen(QWidget):
    done = Signal()              # back to the checkout
    shift_closed = Signal(object)  # ShiftReport (Z)
    handed_over = Signal(object)   # StaffMember: the next cashier, whose shift is now open

    def __init__(self, shifts: ShiftService, perms: PermissionService, printer,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shifts = shifts
        self._perms = perms
        self._printer = printer
        self.actor: StaffMember | None = None
        self.report: ShiftReport | None = None
        self.document: ReceiptDocument | None = None
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setObjectName("shiftStatus")
        self.status.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(self.status)
        self.error = QLabel()
        self.error.setObjectName("shiftError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-size: 12pt;")
        layout.addWidget(self.error)
        self.pages = QStackedWidget()
        self.open_page = self._build_open_page()
        self.actions_page = self._build_actions_page()
        self.count_page = self._build_count_page()
        self.report_page = self._build_report_page()
        for page in (self.open_page, self.actions_page, self.count_page, self.report_page):
            self.pages.addWidget(page)
        layout.addWidget(self.pages, 1)

    # --- pages -----------------------------------------------------------------
    def _build_open_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Count the opening float (备用金) into the drawer and type it.")))
        self.float_amount = _field("shiftFloat", self.tr("Opening float, e.g. 500"))
        self.float_amount.returnPressed.connect(self.open_shift)
        layout.addWidget(self.float_amount)
        layout.addWidget(_button(self.tr("Open shift (Enter)"), "shiftOpen", self.open_shift))
        layout.addStretch(1)
        return page

    def _build_actions_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        cash = QGroupBox(self.tr("Cash in and out of the drawer"))
        grid = QGridLayout(cash)
        self.move_amount = _field("cashAmount", self.tr("Amount"))
        self.move_reason = _field("cashReason", self.tr("Reason (required for pay in / pay out)"))
        grid.addWidget(self.move_amount, 0, 0)
        grid.addWidget(self.move_reason, 0, 1, 1, 2)
        grid.addWidget(_button(self.tr("Pay in"), "payIn", lambda: self._move("pay_in")), 1, 0)
        grid.addWidget(_button(self.tr("Pay out"), "payOut", lambda: self._move("pay_out")), 1, 1)
        grid.addWidget(_button(self.tr("Safe drop"), "safeDrop", lambda: self._move("safe_drop")), 1, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        layout.addWidget(cash)
        row = QHBoxLayout()
        row.addWidget(_button(self.tr("X report (F7)"), "xReport", self.x_report, "F7", page))
        row.addWidget(_button(self.tr("Close shift (F9)"), "closeShift", self.start_count, "F9", page))
        row.addWidget(_button(self.tr("Back to checkout (Esc)"), "shiftBack", self.done.emit, "Esc",
                              page))
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _build_count_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Count the drawer: type how many of each note and coin. "
                                        "The expected amount is shown after you close.")))
        grid = QGridLayout()
        self.pieces: dict[int, QSpinBox] = {}
        self.subtotals: dict[int, QLabel] = {}
        for row, value in enumerate(CNY_DENOMINATIONS):
            grid.addWidget(QLabel(Money(value).format()), row, 0)
            spin = QSpinBox()
            spin.setObjectName(f"count_{value}")
            spin.setRange(0, MAX_PIECES)
            spin.setMinimumHeight(44)
            spin.setMinimumWidth(140)
            spin.valueChanged.connect(self._recount)
            grid.addWidget(spin, row, 1)
            subtotal = QLabel(Money(0).format())
            subtotal.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(subtotal, row, 2)
            self.pieces[value], self.subtotals[value] = spin, subtotal
        layout.addLayout(grid)
        self.counted_total = QLabel()
        self.counted_total.setObjectName("countedTotal")
        self.counted_total.setStyleSheet("font-size: 18pt; font-weight: bold;")
        layout.addWidget(self.counted_total)
        row = QHBoxLayout()
        row.addWidget(_button(self.tr("Back"), "countBack", self.show_current))
        row.addWidget(_button(self.tr("Close shift and print Z report"), "confirmClose", self.close_shift))
        row.addWidget(_button(self.tr("Hand over to the next cashier"), "handOver", self.hand_over))
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _build_report_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.report_text = QPlainTextEdit()
        self.report_text.setObjectName("reportText")
        self.report_text.setReadOnly(True)
        self.report_text.setFont(monospace_font())
        layout.addWidget(self.report_text, 1)
        row = QHBoxLayout()
        row.addWidget(_button(self.tr("Print"), "printReport", self.print_report))
        row.addWidget(_button(self.tr("Done"), "reportDone", self.show_current))
        layout.addLayout(row)
        return page

    # --- state -------------------------------------------------------------------
    def start(self, actor: StaffMember) -> None:
        self.actor = actor
        self.show_current()

    def show_current(self) -> None:
        self.error.clear()
        current = self._shifts.current()
        if current is None:
            self.status.setText(self.tr("No shift is open on this till"))
            self.pages.setCurrentWidget(self.open_page)
            self.float_amount.setFocus()
            return
        self.status.setText(self.tr("Shift %1 · %2 · opened %3").replace("%1", str(current.seq))
                            .replace("%2", current.cashier_name)
                            .replace("%3", to_local(current.opened_at, self._shifts.terminal.tz)
                                     .strftime("%H:%M")))
        self.pages.setCurrentWidget(self.actions_page)
        self.move_amount.setFocus()

    def _guarded(self, call: Callable[[], object]) -> object | None:
        self.error.clear()
        try:
            return call()
        except ServiceError as exc:
            self.error.setText(user_message(exc))
            return None

    # --- actions -----------------------------------------------------------------
    def open_shift(self) -> None:
        def act():
            amount = _parse_amount(self.float_amount.text() or "0")
            return with_override(self, self._perms,
                                 lambda ok: self._shifts.open_shift(self.actor, amount, ok))
        if self._guarded(act) is not None:
            self.float_amount.clear()
            self.show_current()

    def _move(self, kind: str) -> None:
        method = {"pay_in": self._shifts.pay_in, "pay_out": self._shifts.pay_out,
                  "safe_drop": self._shifts.safe_drop}[kind]

        def act():
            amount = _parse_amount(self.move_amount.text())
            reason = self.move_reason.text()
            # None from with_override means the supervisor cancelled: keep what was typed
            return with_override(self, self._perms,
                                 lambda ok: method(self.actor, amount, reason, approver=ok) or True)
        if self._guarded(act):
            self.move_amount.clear()
            self.move_reason.clear()
            self.move_amount.setFocus()

    def x_report(self) -> None:
        report = self._guarded(lambda: with_override(
            self, self._perms, lambda ok: self._shifts.x_report(self.actor, ok)))
        if report is not None:
            self._show_report(report)

    def start_count(self) -> None:
        for spin in self.pieces.values():
            spin.setValue(0)
        self._recount()
        self.pages.setCurrentWidget(self.count_page)
        self.pieces[CNY_DENOMINATIONS[0]].setFocus()

    def denominations(self) -> dict[int, int]:
        return {value: spin.value() for value, spin in self.pieces.items() if spin.value()}

    def _recount(self) -> None:
        for value, spin in self.pieces.items():
            self.subtotals[value].setText(Money(value * spin.value()).format())
        self.counted_total.setText(self.tr("Counted: %1").replace(
            "%1", count_total(self.denominations()).format()))

    def close_shift(self) -> None:
        counts = self.denominations()
        report = self._guarded(lambda: with_override(
            self, self._perms, lambda ok: self._shifts.close_shift(self.actor, counts, approver=ok)))
        if report is not None:
            self.status.setText(self._closed_text(report))
            self._show_report(report)
            self.print_report()
            self.shift_closed.emit(report)

    def hand_over(self) -> None:
        """交接班: the blind count closes this shift; the next cashier's opens with that cash."""
        from ui.screens.handover import ask_next_cashier

        next_cashier = ask_next_cashier(self._perms.auth, self)
        if next_cashier is None:
            return
        counts = self.denominations()
        done = self._guarded(lambda: with_override(self, self._perms, lambda ok: self._shifts.handover(
            self.actor, counts, next_cashier, approver=ok)))
        if done is None:
            return
        report, _opened = done
        self.status.setText(self._closed_text(report))
        self._show_report(report)
        self.print_report()
        self.shift_closed.emit(report)
        self.actor = next_cashier
        self.handed_over.emit(next_cashier)

    def _closed_text(self, report: ShiftReport) -> str:
        diff = report.over_short
        if diff.fen == 0:
            return self.tr("Shift %1 closed: the drawer is exact").replace("%1", str(report.shift.seq))
        text = self.tr("Shift %1 closed: over %2") if diff.fen > 0 else \
            self.tr("Shift %1 closed: short %2")
        return text.replace("%1", str(report.shift.seq)).replace("%2", Money(abs(diff.fen)).format())

    def _show_report(self, report: ShiftReport) -> None:
        self.report = report
        self.document = self._shifts.document(report, getattr(self._printer, "columns", 48))
        self.report_text.setPlainText(render_text(self.document))
        self.pages.setCurrentWidget(self.report_page)

    def print_report(self) -> None:
        document = self.document
        if document is None:
            return
        run_in_background(lambda: self._printer.print_document(document), None,
                          lambda exc: self.error.setText(
                              self.tr("The report was not printed: %1 Fix the printer and press "
                                      "Print again.").replace("%1", str(exc))))
