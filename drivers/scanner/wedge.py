"""Telling a keyboard-wedge scanner from a person typing, by timing alone.

A wedge scanner "types" its code a few milliseconds per key and ends with
Enter; people leave 100 ms or more between keys. The UI feeds keys here with
a monotonic clock and asks on Enter whether a scan just happened. Pure logic:
no toolkit, no clock of its own, so tests drive it with made-up times.

Caller protocol (the UI's key handler):
  - printable key: if expired(now): deliver take() as typing; then push(ch, now)
  - Enter: code = enter(now); if code: deliver take() as typing first (keys a
    person typed just before the scan), then handle the scan; else deliver
    take() and the Enter as typing
  - a timer every gap_ms: if expired(now): deliver take() as typing
"""
from __future__ import annotations


class WedgeDecoder:
    def __init__(self, gap_ms: float = 50, min_length: int = 4, prefix: str = "", suffix: str = "") -> None:
        if gap_ms <= 0:
            raise ValueError("gap_ms must be positive")
        if min_length < 1:
            raise ValueError("min_length must be at least 1")
        self.gap_ms = gap_ms
        self.min_length = min_length
        self.prefix = prefix
        self.suffix = suffix
        self._chars: list[str] = []
        self._times: list[float] = []

    @property
    def pending(self) -> str:
        """The keys buffered so far, not yet delivered."""
        return "".join(self._chars)

    def push(self, char: str, now_ms: float) -> None:
        """Buffer a printable key (text of several characters, as some input
        methods deliver, is buffered character by character)."""
        for ch in char:
            if ch.isprintable():
                self._chars.append(ch)
                self._times.append(now_ms)

    def expired(self, now_ms: float) -> bool:
        """True when the buffer holds keys too old to be part of a scan."""
        return bool(self._times) and now_ms - self._times[-1] > self.gap_ms

    def take(self) -> str:
        text = "".join(self._chars)
        self._chars.clear()
        self._times.clear()
        return text

    def enter(self, now_ms: float) -> str | None:
        """The scanned code if the keys before this Enter were a scanner burst.

        The burst is the run of keys ending at the last one with no gap over
        gap_ms. Keys before it were typed by a person: they stay buffered for
        take(). With no scan, nothing changes and None is returned.
        """
        if not self._times or now_ms - self._times[-1] > self.gap_ms:
            return None
        start = self._burst_start()
        code = "".join(self._chars[start:])
        if self.prefix:
            if not code.startswith(self.prefix):
                return None
            code = code[len(self.prefix):]
        if self.suffix:
            if not code.endswith(self.suffix):
                return None
            code = code[: len(code) - len(self.suffix)]
        if len(code) < self.min_length:
            return None
        del self._chars[start:]
        del self._times[start:]
        return code

    def _burst_start(self) -> int:
        times = self._times
        start = len(times) - 1
        while start > 0 and times[start] - times[start - 1] <= self.gap_ms:
            start -= 1
        return start
