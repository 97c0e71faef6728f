"""A background thread that keeps pushing and pulling, forever.

Plain threading (no Qt): the UI reads `status()` or subscribes with
`on_status`, and marshals the callback to its own thread. After a failure the
worker waits a capped, jittered, exponentially growing delay and tries again;
it never gives up. `sync_now()` cuts any wait short (e.g. right after a sale).

A cycle does a bounded amount of each direction (a few batches up, some pages
down) and starts the next cycle at once while either side has more: a day of
queued sales never holds back a price change, nor a first catalog download the
sales.
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
PUSH_BATCHES_PER_CYCLE = 4   # up to 2,000 events up ...
PULL_PAGES_PER_CYCLE = 20    # ... and 40,000 changes down, then the other side's turn


@dataclass(frozen=True)
class SyncStatus:
    online: bool = False
    queued: int = 0
    last_success_at: datetime | None = None
    last_error: str = ""
    last_attempt_at: datetime | None = None
    failures: int = 0          # consecutive failed cycles
    enrolled: bool = True      # False once the cloud refused the token
    download_left: int = 0     # changes still to download (a first catalog: its progress)


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
                 on_status: Callable[[SyncStatus], None] | None = None,
                 push_batches_per_cycle: int = PUSH_BATCHES_PER_CYCLE,
                 pull_pages_per_cycle: int = PULL_PAGES_PER_CYCLE) -> None:
        self._client = client
        self._push_batches = push_batches_per_cycle
        self._pull_pages = pull_pages_per_cycle
        self._more_to_do = False
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
            if self._more_to_do:
                # A backlog on one side that is moving: keep going without a pause, even
                # if the other side failed (it is tried again, once, each cycle).
                continue
            failures = self.status().failures
            wait_s = self._interval_s if ok else self._backoff.delay(failures - 1)
            if not ok:
                log.info("sync: next try in %.1f s", wait_s)
            self._wake.wait(wait_s)
            self._wake.clear()

    def run_cycle(self) -> bool:
        """A bounded push and a bounded pull. A failed push does not stop the pull and a
        long upload backlog does not delay it: downloads never wait for uploads.
        Returns True when both worked."""
        errors = []
        enrolled = True
        more = False
        download_left = self.status().download_left
        steps = (("push", lambda: self._client.push_once(self._push_batches)),
                 ("pull", lambda: self._client.pull_once(self._pull_pages)))
        for name, step in steps:
            try:
                result = step()
            except NotEnrolled as exc:
                enrolled = False
                errors.append(str(exc))
            except Exception as exc:  # noqa: BLE001 - the loop must survive anything
                log.warning("sync %s failed, the till keeps its data and tries again: %s",
                            name, exc)
                errors.append(str(exc))
            else:
                # Only real progress counts, so a confused server cannot make us spin.
                more |= (result.batches >= self._push_batches if name == "push"
                         else not result.caught_up and (result.applied > 0 or result.snapshot))
                if name == "pull":
                    download_left = _download_left(result)
        self._more_to_do = more
        self._update_status(errors, enrolled, download_left)
        return not errors

    def _update_status(self, errors: list[str], enrolled: bool, download_left: int) -> None:
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
                                       enrolled=enrolled, download_left=download_left)
            else:
                self._status = replace(old, online=True, queued=queued, last_success_at=now,
                                       last_error="", last_attempt_at=now, failures=0,
                                       enrolled=True, download_left=download_left)
            status = self._status
        if self._on_status is not None:
            self._on_status(status)


def _download_left(result) -> int:
    if result.caught_up:
        return 0
    if result.head is None:  # a snapshot reload: its size is not known up front
        return 1
    return max(1, result.head - result.version)


def pending_count_now(sessions) -> int:
    with sessions() as session:
        return pending_count(session)
