"""Slow down guessing: wrong enrolment codes and wrong admin tokens get 429 after a few tries.

A failure is an enrolment answered 401 (code unknown, used or expired) or a call
with an admin token (`ma_...`) answered 401. After `limit` failures within
`window_s` from one remote address (and, for enrolment, also for one code
prefix: the first four characters, so guesses spread over many addresses at one
code are slowed too), every such request is answered 429 with Retry-After until
the oldest failure leaves the window. Device tokens are not throttled: a revoked
till must keep hearing 401 so it tells the cashier to enrol again.

The counts live in memory, per server process: with several uvicorn workers an
attacker gets at most workers x limit tries per window, still far too few to
guess a 59-bit code or a 256-bit token. Behind a reverse proxy, run uvicorn with
--forwarded-allow-ips so the remote address is the client's, not the proxy's.
"""
from __future__ import annotations

import json
import math
import threading
import time
from collections import deque
from typing import Any, Awaitable, Callable, Iterable

from cloud.security import ADMIN_TOKEN_PREFIX, normalise_code

ENROL_PATH = "/api/v1/enrol"
DEFAULT_LIMIT = 5
DEFAULT_WINDOW_S = 60.0
MAX_ENROL_BODY = 16_384  # an enrolment body is a few dozen bytes
MAX_KEYS = 100_000       # bounds memory under a flood of addresses or prefixes

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class FailureLimiter:
    """Sliding-window counts of failures per key."""

    def __init__(self, limit: int = DEFAULT_LIMIT, window_s: float = DEFAULT_WINDOW_S,
                 clock: Callable[[], float] = time.monotonic, max_keys: int = MAX_KEYS) -> None:
        self.limit = limit
        self.window_s = window_s
        self._clock = clock
        self._max_keys = max_keys
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def retry_after(self, keys: Iterable[tuple[str, str]]) -> int:
        """Whole seconds until every key may try again; 0 when none is blocked."""
        now = self._clock()
        wait = 0.0
        with self._lock:
            for key in keys:
                recent = self._recent(key, now)
                if len(recent) >= self.limit:
                    wait = max(wait, recent[-self.limit] + self.window_s - now)
        return max(1, math.ceil(wait)) if wait > 0 else 0

    def record_failure(self, keys: Iterable[tuple[str, str]]) -> None:
        now = self._clock()
        with self._lock:
            for key in keys:
                self._recent(key, now).append(now)
            if len(self._failures) > self._max_keys:
                self._forget_old(now)

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and times[0] <= now - self.window_s:
            times.popleft()
        while len(times) > self.limit:  # older ones no longer decide anything
            times.popleft()
        return times

    def _forget_old(self, now: float) -> None:
        for key in [k for k, t in self._failures.items() if not t or t[-1] <= now - self.window_s]:
            del self._failures[key]
        if len(self._failures) > self._max_keys:  # a flood within one window: start afresh
            self._failures.clear()


class ThrottleMiddleware:
    """ASGI middleware in front of the API; see the module docstring."""

    def __init__(self, app, enrol: FailureLimiter | None = None,
                 admin: FailureLimiter | None = None) -> None:
        self.app = app
        self.enrol = enrol or FailureLimiter()
        self.admin = admin or FailureLimiter()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] == "POST" and scope["path"] == ENROL_PATH:
            body = await _read_body(receive)
            keys = [("enrol-addr", _remote(scope))]
            prefix = _code_prefix(body)
            if prefix:
                keys.append(("enrol-prefix", prefix))
            await self._guarded(self.enrol, keys, scope, _replay(body), send,
                                "too many wrong enrolment codes")
        elif _bearer(scope).startswith(ADMIN_TOKEN_PREFIX):
            await self._guarded(self.admin, [("admin-addr", _remote(scope))], scope, receive,
                                send, "too many calls with a wrong admin token")
        else:
            await self.app(scope, receive, send)

    async def _guarded(self, limiter: FailureLimiter, keys: list[tuple[str, str]],
                       scope: Scope, receive: Receive, send: Send, why: str) -> None:
        wait_s = limiter.retry_after(keys)
        if wait_s:
            await _refuse(send, wait_s, why)
            return
        status: list[int] = []

        async def watching_send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                status.append(message["status"])
            await send(message)

        await self.app(scope, receive, watching_send)
        if status and status[0] == 401:
            limiter.record_failure(keys)


async def _read_body(receive: Receive) -> bytes:
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size <= MAX_ENROL_BODY:
            chunks.append(chunk)
        if not message.get("more_body"):
            break
    # An oversized body is cut: the endpoint then refuses it as invalid JSON (422).
    return b"".join(chunks)


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


def _code_prefix(body: bytes) -> str:
    try:
        code = json.loads(body).get("code")
    except (ValueError, AttributeError):
        return ""
    return normalise_code(code)[:4] if isinstance(code, str) else ""


def _remote(scope: Scope) -> str:
    client = scope.get("client")
    return client[0] if client else "unknown"


def _bearer(scope: Scope) -> str:
    for name, value in scope.get("headers", ()):
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            return token.strip() if scheme.lower() == "bearer" else ""
    return ""


async def _refuse(send: Send, wait_s: int, why: str) -> None:
    body = json.dumps({"detail": f"{why}: try again in {wait_s} s"}).encode("utf-8")
    await send({"type": "http.response.start", "status": 429,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"retry-after", str(wait_s).encode())]})
    await send({"type": "http.response.body", "body": body})
