"""The login screen: a badge scan logs in, wrong PINs lock the account with a clear message."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import insert, select

from app.db.models import User
from app.db.models_staff import StaffBadge
from app.domain.ids import new_id
from app.services.audit import AuditFilter, AuditLog
from app.services.auth import AuthService
from ui.screens.login import LoginScreen

BADGE = "STAFF-1001-A"


@pytest.fixture
def staff(till):
    with till.sessions.begin() as s:
        cashier = s.scalar(select(User.id).where(User.code == "1001"))
        s.execute(insert(StaffBadge).values(id=new_id(), user_id=cashier, badge_code=BADGE,
                                            created_at=till.clock.now()))
    audit = AuditLog(till.sessions, till.clock, till.terminal.store_id, till.terminal.terminal_id)
    return AuthService(till.sessions, till.terminal.store_id, audit, till.clock, max_failures=3,
                       lockout_minutes=5), audit


@pytest.fixture
def login(qtbot, staff, till):
    screen = LoginScreen(staff[0], till.terminal.store_name)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def test_a_badge_scan_logs_in_at_once(qtbot, login):
    with qtbot.waitSignal(login.logged_in, timeout=2000) as signal:
        login.badge_scanned(BADGE)
    assert signal.args[0].name == "张丽"


def test_scanning_an_unknown_badge_says_so(login):
    login.badge_scanned("NOBODY-42")
    assert login.error.text() == "No staff member has the badge NOBODY-42."


def type_pin(qtbot, login, pin):
    qtbot.keyClicks(login.pin, pin)
    qtbot.keyClick(login.pin, Qt.Key.Key_Return)


def test_wrong_pins_lock_the_account_and_the_screen_says_for_how_long(qtbot, login, staff, till):
    login.user.setCurrentIndex(login.user.findData("1001"))
    for _ in range(2):
        type_pin(qtbot, login, "0000")
        assert login.error.text() == "Wrong user or PIN. Try again."
        assert login.pin.text() == ""
    type_pin(qtbot, login, "0000")
    locked = "张丽 is locked after too many wrong PINs. Try again in 5 min, or ask a manager to unlock the account."
    assert login.error.text() == locked
    with qtbot.assertNotEmitted(login.logged_in):
        type_pin(qtbot, login, "1111")   # even the right PIN waits out the lock
    assert login.error.text() == locked
    till.clock.advance(minutes=5)
    with qtbot.waitSignal(login.logged_in, timeout=2000):
        type_pin(qtbot, login, "1111")
    failed = staff[1].entries(AuditFilter(action_prefix="login.failed"))
    assert len(failed) == 3 and failed[0].details["locked"] is True


def test_the_keypad_types_the_pin_and_the_banner_explains_an_idle_lock(qtbot, login):
    login.show_banner("Locked after 5 min idle. The sale on screen is kept; log in to go on.")
    assert login.banner.isVisible()
    login.user.setCurrentIndex(login.user.findData("1001"))
    pad = {b.text(): b for b in login.findChildren(QPushButton)}
    for digit in "1111":
        qtbot.mouseClick(pad[digit], Qt.MouseButton.LeftButton)
    assert login.pin.text() == "1111"
    with qtbot.waitSignal(login.logged_in, timeout=2000):
        qtbot.keyClick(login.pin, Qt.Key.Key_Return)
    assert not login.banner.isVisible()


def test_the_idle_watcher_fires_after_the_policy_time_and_input_resets_it(qtbot, staff, till, login):
    from ui.screens.login import IdleWatcher
    auth = AuthService(till.sessions, till.terminal.store_id, None, till.clock, idle_lock_seconds=300)
    watcher = IdleWatcher(auth, till.clock, check_ms=60_000)
    till.clock.advance(seconds=299)
    with qtbot.assertNotEmitted(watcher.idle):
        watcher.check()
    till.clock.advance(seconds=1)
    with qtbot.waitSignal(watcher.idle, timeout=1000):
        watcher.check()
    # a key press counts as activity: the next lock is a full idle period later
    from PySide6.QtWidgets import QApplication
    QApplication.instance().installEventFilter(watcher)
    try:
        till.clock.advance(seconds=200)
        qtbot.keyClick(login.pin, Qt.Key.Key_1)
        till.clock.advance(seconds=200)
        with qtbot.assertNotEmitted(watcher.idle):
            watcher.check()
    finally:
        QApplication.instance().removeEventFilter(watcher)
