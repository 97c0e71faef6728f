"""A real till (migrated SQLite, demo store, simulated printer) inside pytest-qt."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool

from app.bootstrap import build
from app.domain.money import Money
from app.config import load_config
from drivers.scanner.wedge import WedgeDecoder
from ui.fonts import install_fonts
from ui.main_window import MainWindow
from ui.scanner_filter import WedgeScannerFilter


@pytest.fixture
def open_shift() -> bool:
    return True


@pytest.fixture
def till(qapp, tmp_path, clock, open_shift):
    config = load_config(env={}, overrides={"data_dir": tmp_path, "language": "en"})
    ctx = build(config, clock)
    if open_shift:
        # the day's first cashier has opened the till with ¥500 float (no sale without a shift)
        opener = ctx.auth.login("9001", "9999")
        ctx.shifts.open_shift(opener, Money(50_000))
    yield ctx
    ctx.close()


@pytest.fixture
def scanner(qapp):
    install_fonts(qapp)
    scanner = WedgeScannerFilter(WedgeDecoder(gap_ms=50, min_length=4))
    qapp.installEventFilter(scanner)
    yield scanner
    qapp.removeEventFilter(scanner)


@pytest.fixture
def window(qtbot, qapp, till, scanner):
    win = MainWindow(till, scanner)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    # let background jobs (printing) finish before the database and window go away
    QThreadPool.globalInstance().waitForDone(5000)
    qapp.processEvents()
    win.close()


def log_in(qtbot, window, code="1001", pin="1111"):
    window.login.user.setCurrentIndex(window.login.user.findData(code))
    qtbot.keyClicks(window.login.pin, pin, delay=120)  # a person typing the PIN
    qtbot.wait(80)
    qtbot.keyClick(window.login.pin, "\r")
    assert window.stack.currentWidget() is window.checkout
