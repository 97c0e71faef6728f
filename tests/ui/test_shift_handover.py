"""Shift handover (交接班) on the same till, as the cashiers do it on the shift screen."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.domain.money import Money
from app.services.audit import AuditFilter
from tests.ui.test_checkout_flow import with_modal
from ui.screens.shift import ShiftScreen


@pytest.fixture
def open_shift() -> bool:
    return False


@pytest.fixture
def screen(qtbot, till):
    widget = ShiftScreen(till.shifts, till.perms, till.receipts.printer)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    cashier = till.auth.login("1001", "1111")
    till.shifts.open_shift(cashier, Money(50_000))
    widget.start(cashier)
    return widget


def count_and_hand_over(qtbot, screen, act):
    qtbot.mouseClick(screen.findChild(QPushButton, "closeShift"), Qt.MouseButton.LeftButton)
    screen.pieces[10_000].setValue(4)
    screen.pieces[5_000].setValue(2)  # ¥500 counted
    with with_modal(qtbot, act):
        qtbot.mouseClick(screen.findChild(QPushButton, "handOver"), Qt.MouseButton.LeftButton)


def test_the_next_cashier_takes_over_with_the_counted_drawer(qtbot, screen, till):
    first = till.shifts.current()
    taken_over = []
    screen.handed_over.connect(taken_over.append)

    def next_cashier(dialog):
        dialog.credential.setText("1002")
        dialog.pin.setText("2222")
        dialog.submit()
    count_and_hand_over(qtbot, screen, next_cashier)
    now = till.shifts.current()
    assert now.id != first.id and now.cashier_name == "王强" and now.opening_float == Money(50_000)
    assert [m.code for m in taken_over] == ["1002"] and screen.actor.code == "1002"
    assert screen.pages.currentWidget() is screen.report_page  # the outgoing Z report
    assert "exact" in screen.status.text()
    entry = till.audit.entries(AuditFilter(action_prefix="shift.handover"))[0]
    assert (entry.actor_code, entry.details["to"], entry.details["handed_over_fen"]) == ("1001", "1002", 50_000)
    assert till.audit.entries(AuditFilter(action_prefix="login.switch"))[0].actor_code == "1002"


def test_a_wrong_pin_hands_nothing_over(qtbot, screen, till):
    first = till.shifts.current()

    def wrong_then_cancel(dialog):
        dialog.credential.setText("1002")
        dialog.pin.setText("0000")
        dialog.submit()
        assert "Wrong user or PIN" in dialog.error.text()
        dialog.reject()
    count_and_hand_over(qtbot, screen, wrong_then_cancel)
    assert till.shifts.current().id == first.id and screen.actor.code == "1001"
