"""A full shift as the cashier lives it: open with a float, sell, pay out with a supervisor's
approval, X report, blind close by denomination, Z report printed."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from app.domain.money import Money
from app.services.audit import AuditFilter, AuditLog
from app.services.auth import AuthService
from app.services.permissions import PermissionService, StaffAdmin
from app.services.shifts import ShiftService
from tests.ui.test_checkout_flow import with_modal
from ui.screens.shift import ShiftScreen

COLA = "6928804557480"  # demo catalog: 可口可乐 330ml罐装, ¥3.50




@pytest.fixture
def open_shift() -> bool:
    return False  # these tests open the shift themselves, through the screen

@pytest.fixture
def staff(till):
    audit = AuditLog(till.sessions, till.clock, till.terminal.store_id, till.terminal.terminal_id)
    auth = AuthService(till.sessions, till.terminal.store_id, audit, till.clock)
    perms = PermissionService(till.sessions, auth, audit, till.clock)
    shifts = ShiftService(till.sessions, till.terminal, perms, audit, till.clock)
    return auth, perms, shifts, audit


@pytest.fixture
def screen(qtbot, staff, till):
    auth, perms, shifts, _ = staff
    widget = ShiftScreen(shifts, perms, till.receipts.printer)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.start(auth.login("1001", "1111"))
    return widget


def approve_as_manager(qtbot):
    def act(dialog):
        assert "张丽 may not" in dialog.findChild(QLabel, "overrideReason").text()
        qtbot.keyClicks(dialog.credential, "9001")
        qtbot.keyClicks(dialog.pin, "9999")
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    return act


def sell_cola(till, cashier, pieces):
    till.checkout.start_sale(cashier)
    for _ in range(pieces):
        till.checkout.add_code(COLA)
    return till.checkout.pay_cash("")


def press(qtbot, screen, key):
    """A function key, as the cashier presses it with the focus in the screen."""
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow, timeout=2000)
    qtbot.keyClick(screen.focusWidget() or screen, key)


def click(qtbot, screen, name):
    button = screen.findChild(QPushButton, name)
    assert button is not None and button.isVisible(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_full_shift(qtbot, screen, staff, till):
    auth, perms, shifts, audit = staff
    # open with a ¥500 float
    assert screen.pages.currentWidget() is screen.open_page
    qtbot.keyClicks(screen.float_amount, "500")
    qtbot.keyClick(screen.float_amount, Qt.Key.Key_Return)
    assert screen.pages.currentWidget() is screen.actions_page
    assert "Shift 1" in screen.status.text()
    # two sales through the checkout service: ¥7.00 and ¥3.50
    sell_cola(till, screen.actor, 2)
    sell_cola(till, screen.actor, 1)
    # pay out ¥20 for a delivery: the cashier may not, the manager approves on the spot
    qtbot.keyClicks(screen.move_amount, "20")
    screen.move_reason.setText("快递费")  # typed through the IME
    with with_modal(qtbot, approve_as_manager(qtbot)):
        click(qtbot, screen, "payOut")
    assert screen.error.text() == ""
    payout = audit.entries(AuditFilter(action_prefix="cash.movement"))[0]
    assert (payout.actor_code, payout.approver_code, payout.details["amount_fen"]) == \
        ("1001", "9001", -2000)
    # X report mid-shift, again with the manager's approval
    with with_modal(qtbot, approve_as_manager(qtbot)):
        press(qtbot, screen, Qt.Key.Key_F7)
    assert screen.pages.currentWidget() is screen.report_page
    x_text = screen.report_text.toPlainText()
    assert "X 报表" in x_text and "490.50" in x_text  # 500 + 10.50 - 20
    click(qtbot, screen, "reportDone")
    # blind close by denomination; the expected amount is not on screen while counting
    press(qtbot, screen, Qt.Key.Key_F9)
    assert screen.pages.currentWidget() is screen.count_page
    visible = " ".join(label.text() for label in screen.count_page.findChildren(QLabel))
    assert "490" not in visible
    # 4 x ¥100 + 1 x ¥50 + 1 x ¥20 + 1 x ¥10 + 1 x ¥0.50: ¥480.50, ten yuan short
    for value, pieces in {10000: 4, 5000: 1, 2000: 1, 1000: 1, 50: 1}.items():
        spin = screen.pieces[value]
        spin.selectAll()
        qtbot.keyClicks(spin, str(pieces))
    assert screen.counted_total.text() == "Counted: ¥480.50"
    click(qtbot, screen, "confirmClose")
    assert screen.error.text() == ""
    assert screen.pages.currentWidget() is screen.report_page
    z_text = screen.report_text.toPlainText()
    assert "Z 报表" in z_text and "短款 short" in z_text and "-10.00" in z_text
    assert screen.status.text() == "Shift 1 closed: short ¥10.00"
    assert screen.report.tender("cash").expected.fen == 49050
    printed = till.config.data_dir / "printer-sim" / "last.txt"
    qtbot.waitUntil(lambda: printed.exists() and "Z 报表" in printed.read_text("utf-8"),
                    timeout=5000)
    assert shifts.current() is None
    assert audit.verify_chain().ok


def test_a_supervisor_badge_scan_approves_a_pay_in_and_cancel_keeps_the_typing(qtbot, screen, staff, till):
    auth, perms, shifts, audit = staff
    manager = auth.login("9001", "9999")
    StaffAdmin(till.sessions, perms, audit, till.clock, till.terminal.store_id).add_badge(
        manager, "9001", "STAFF-9001-A")
    shifts.open_shift(screen.actor, Money(10000))
    screen.show_current()
    qtbot.keyClicks(screen.move_amount, "50")
    screen.move_reason.setText("银行换零钱")
    with with_modal(qtbot, lambda dialog: dialog.reject()):
        click(qtbot, screen, "payIn")
    assert screen.move_amount.text() == "50"  # cancelled: nothing recorded, nothing lost
    assert audit.entries(AuditFilter(action_prefix="cash.movement")) == []
    with with_modal(qtbot, lambda dialog: dialog.badge_scanned("STAFF-9001-A")):
        click(qtbot, screen, "payIn")
    entry = audit.entries(AuditFilter(action_prefix="cash.movement"))[0]
    assert (entry.approver_code, entry.details["amount_fen"]) == ("9001", 5000)
    assert screen.move_amount.text() == ""
