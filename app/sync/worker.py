"""A background thread that keeps pushing and pulling, forever.

Plain threading (no Qt): the UI reads `status()` or subscribes with
`on_status`, and marshals the callback to its own thread. After a failure the
worker waits a capped, jittered, exponentially growing delay and tries again;
it never gives up. `sync_now()` cuts any wait short (e.g. right after a sale).
"""
from __future__ import annotations

import logging
import random
import threading
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Callable

from app.domain.clock import Clock, SystemClock
from app.sync.client import NotEnrolled, SyncClient
from app.sync.outbox import pending_count

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncStatus:
    online: bool = False
    queued: int = 0
    last_success_at: datetime | None = None
    last_error: str = ""
    last_attempt_at: datetime | None = None
    failures: int = 0          # consecutive failed cycles
    enrolled: bool = True      # False once the cloud refused the token


class Backoff:
    """Exponential delay with 'equal jitter': half fixed, half random, capped."""

    def __init__(self, base_s: float = 1.0, cap_s: float = 300.0,
                 rand: Callable[[], float] = random.random) -> None:
        self.base_s = base_s
        self.cap_s = cap_s
        self._rand = rand

    def delay(self, failures: int) -> float:
        ceiling = min(self.cap_s, self.base_s * (2 ** min(failures, 30)))
        return ceiling / 2 + self._rand() * ceiling / 2


class SyncWorker:
    def __init__(self, client: SyncClient, sessions, clock: Clock | None = None,
                 interval_s: float = 30.0, backoff: Backoff | None = None,
                 on_status: Callable[[SyncStatus], None] | None = None) -> None:
        self._client = client
        self._sessions = sessions
        self._clock = clock or SystemClock()
        self._interval_s = interval_s
        self._backoff = backoff or Backoff()
        self._on_status = on_status
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._status = SyncStatus()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="mon-sync", daemon=True)
            self._thread.start()

    def stop(self, timeout_s: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
            self._thread = None

    def sync_now(self) -> None:
        self._wake.set()

    def status(self) -> SyncStatus:
        with self._lock:
            return self._status

    def _run(self) -> None:
        while not self._stop.is_set():
            ok = self.run_cycle()
            failures = self.status().failures
            wait_s = self._interval_s if ok else self._backoff.delay(failures - 1)
            self._wake.wait(wait_s)
            self._wake.clear()

    def run_cycle(self) -> bool:
        """One push and one pull. A failed push does not stop the pull: downloads never
        wait for uploads. Returns True when both worked."""
        errors = []
        enrolled = True
        for step in (self._client.push_once, self._client.pull_once):
            try:
                step()
            except NotEnrolled as exc:
                enrolled = False
                errors.append(str(exc))
            except Exception as exc:  # noqa: BLE001 - the loop must survive anything
                log.warning("sync step %s failed: %s", step.__name__, exc)
                errors.append(str(exc))
        self._update_status(errors, enrolled)
        return not errors

    def _update_status(self, errors: list[str], enrolled: bool) -> None:
        now = self._clock.now()
        try:
            queued = pending_count_now(self._sessions)
        except Exception:  # noqa: BLE001 - a busy database must not kill the worker
            queued = self.status().queued
        with self._lock:
            old = self._status
            if errors:
                self._status = replace(old, online=False, queued=queued, last_error=errors[0],
                                       last_attempt_at=now, failures=old.failures + 1,
                                       enrolled=enrolled)
            else:
                self._status = replace(old, online=True, queued=queued, last_success_at=now,
                                       last_error="", last_attempt_at=now, failures=0,
                                       enrolled=True)
            status = self._status
        if self._on_status is not None:
            self._on_status(status)


def pending_count_now(sessions) -> int:
    with sessions() as session:
        return pending_count(session)
