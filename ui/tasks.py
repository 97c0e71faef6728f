"""Background work off the UI thread, with results delivered back on it."""
from __future__ import annotations

import logging
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # reported to the caller on the UI thread
            log.exception("background task failed")
            self.signals.failed.emit(exc)
            return
        self.signals.done.emit(result)


_live: set[_Signals] = set()


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[Exception], None] | None = None) -> None:
    job = _Job(fn)
    signals = job.signals
    _live.add(signals)  # keep the receiver alive until the job reports

    def finish(callback, value):
        _live.discard(signals)
        owner = getattr(callback, "__self__", None)
        if isinstance(owner, QObject) and not shiboken6.isValid(owner):
            return  # the widget that asked was closed while the job ran
        if callback:
            callback(value)

    signals.done.connect(lambda value: finish(on_done, value))
    signals.failed.connect(lambda exc: finish(on_error, exc))
    QThreadPool.globalInstance().start(job)
