"""The devices in the status bar: one small label per device, coloured by its
state, with what to do next in the tooltip and, for problems, in the text.

States are read in the background (a printer status query can take its
timeout); print-queue changes arrive from the sender thread and are passed to
the UI thread through a signal.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.services.devices import ERROR, NOT_SET, OK, READY, WARNING, DeviceService, DeviceState
from ui.tasks import run_in_background

KIND_NAMES = {"printer": QT_TRANSLATE_NOOP("DeviceStatus", "Printer"),
              "drawer": QT_TRANSLATE_NOOP("DeviceStatus", "Drawer"),
              "display": QT_TRANSLATE_NOOP("DeviceStatus", "Display"),
              "scale": QT_TRANSLATE_NOOP("DeviceStatus", "Scale"),
              "scanner": QT_TRANSLATE_NOOP("DeviceStatus", "Scanner")}
LEVEL_WORDS = {OK: QT_TRANSLATE_NOOP("DeviceStatus", "OK"),
               WARNING: QT_TRANSLATE_NOOP("DeviceStatus", "check"),
               ERROR: QT_TRANSLATE_NOOP("DeviceStatus", "problem")}
LEVEL_STYLES = {OK: "color: #0a7d32;", READY: "color: #57606a;", WARNING: "color: #9a6700; font-weight: bold;",
                ERROR: "color: #cf222e; font-weight: bold;"}
REFRESH_MS = 15_000
PROBLEM_WIDTH_PX = 360  # a problem's first sentence, elided; the whole advice is in the tooltip


def _tr(text: str) -> str:
    return QCoreApplication.translate("DeviceStatus", text)


class DeviceStatusWidget(QWidget):
    queue_changed = Signal()  # emitted from the print sender's thread; delivered on the UI thread
    clicked = Signal(str)  # a device kind: the main window can open the settings on it

    def __init__(self, devices: DeviceService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.devices = devices
        self.labels: dict[str, QLabel] = {}
        self.states: dict[str, DeviceState] = {}
        self._busy = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for kind in KIND_NAMES:
            label = QLabel(_tr(KIND_NAMES[kind]))
            label.setObjectName(f"deviceStatus_{kind}")
            label.mousePressEvent = lambda _event, k=kind: self.clicked.emit(k)  # type: ignore[method-assign]
            self.labels[kind] = label
            layout.addWidget(label)
        self.queue_changed.connect(self.refresh)
        self._unsubscribe = devices.queue.subscribe(lambda _job: self.queue_changed.emit())
        self.destroyed.connect(lambda *_: self._unsubscribe())
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def refresh(self) -> None:
        if self._busy:
            return
        self._busy = True
        run_in_background(self.devices.states, self.show_states, lambda _exc: self._done())

    def _done(self) -> None:
        self._busy = False

    def show_states(self, states: list[DeviceState]) -> None:
        self._busy = False
        for state in states:
            self.states[state.kind] = state
            label = self.labels[state.kind]
            label.setVisible(state.level != NOT_SET)
            label.setText(self._text(state))
            label.setToolTip(f"{state.url}\n{state.message}")
            label.setStyleSheet(LEVEL_STYLES.get(state.level, ""))

    def _text(self, state: DeviceState) -> str:
        name = _tr(KIND_NAMES[state.kind])
        if state.level == READY:
            return f"● {name}"
        if state.level != ERROR:
            return f"● {name}: {_tr(LEVEL_WORDS.get(state.level, OK))}"
        first_sentence = state.message.split(". ")[0].rstrip(".") + "."
        return self.fontMetrics().elidedText(f"● {name}: {first_sentence}", Qt.TextElideMode.ElideRight,
                                             PROBLEM_WIDTH_PX)
