"""Background jobs report back on the UI thread, and never into a closed widget."""
from __future__ import annotations

import threading

from PySide6.QtWidgets import QLabel

from ui.tasks import run_in_background


def test_the_result_reaches_the_widget_that_asked(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    run_in_background(lambda: "ready", label.setText)
    qtbot.waitUntil(lambda: label.text() == "ready", timeout=3000)


def test_a_result_for_a_closed_widget_is_dropped_without_an_error(qtbot):
    release = threading.Event()
    label = QLabel()
    run_in_background(lambda: release.wait(3) and "late", label.setText)
    label.deleteLater()
    qtbot.waitUntil(lambda: not _alive(label), timeout=3000)
    release.set()
    seen = []
    run_in_background(lambda: "after", seen.append)
    qtbot.waitUntil(lambda: seen == ["after"], timeout=3000)
    qtbot.wait(200)  # time for the late result: pytest-qt fails the test if it raised


def _alive(widget) -> bool:
    import shiboken6
    return shiboken6.isValid(widget)
