"""Keyboard-wedge scanner glue: holds back keystrokes for a few milliseconds
and lets drivers.scanner.wedge decide, by timing, whether they were a scan.

A scan is emitted as one signal wherever the focus is; keys a person typed
are delivered to the widget they were meant for, in order.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from drivers.scanner.wedge import WedgeDecoder

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_BLOCKING_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


@dataclass
class _HeldKey:
    target: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class WedgeScannerFilter(QObject):
    scanned = Signal(str)

    def __init__(self, decoder: WedgeDecoder, parent: QObject | None = None,
                 clock_ms: Callable[[], float] | None = None) -> None:
        super().__init__(parent)
        self._decoder = decoder
        self._clock_ms = clock_ms or (lambda: time.monotonic() * 1000)
        self._held: list[_HeldKey] = []
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(obj, QWidget):
            return False  # the window-level copy of the event; the widget one follows
        key_event: QKeyEvent = event  # type: ignore[assignment]
        now = self._clock_ms()
        if key_event.key() in ENTER_KEYS:
            return self._on_enter(now)
        text = key_event.text()
        if not text or not text.isprintable() or key_event.modifiers() & _BLOCKING_MODIFIERS:
            self.flush()
            return False
        if self._decoder.expired(now):
            self.flush()
        self._decoder.push(text, now)
        self._held.append(_HeldKey(obj, key_event.key(), key_event.modifiers(), text))
        self._timer.start(int(self._decoder.gap_ms) + 5)
        return True

    def _on_enter(self, now: float) -> bool:
        code = self._decoder.enter(now)
        if code is None:
            self.flush()
            return False
        # what is still buffered was typed by a person before the burst
        human_chars = len(self._decoder.take())
        human: list[_HeldKey] = []
        for key in self._held:
            if human_chars <= 0:
                break
            human.append(key)
            human_chars -= len(key.text)
        self._held.clear()
        self._deliver(human)
        self.scanned.emit(code)
        return True

    def _on_timeout(self) -> None:
        if self._decoder.expired(self._clock_ms()):
            self.flush()
        elif self._held:
            self._timer.start(int(self._decoder.gap_ms) + 5)

    def flush(self) -> None:
        """Deliver every held key as the typing it was."""
        self._decoder.take()
        held, self._held = self._held, []
        self._deliver(held)

    def _deliver(self, keys: list[_HeldKey]) -> None:
        self._replaying = True
        try:
            for key in keys:
                if not shiboken6.isValid(key.target):
                    continue  # the widget closed meanwhile (a dialog); its keys have nowhere to go
                replay = QKeyEvent(QEvent.Type.KeyPress, key.key, key.modifiers, key.text)
                QApplication.sendEvent(key.target, replay)
        finally:
            self._replaying = False
