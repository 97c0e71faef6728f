"""Pseudo-terminal serial devices (POSIX): the far end of a serial cable, for
simulators and tests.

    device = PtyDevice(link_path=tmp / "ttyScale")  # drivers open str(device.port)
    device.write(b"...")       # bytes the "device" sends to the till
    device.read(timeout=0.5)   # bytes the till sent to the "device"
    device.unplug(); device.replug()   # the cable pulled and plugged back

With `link_path` the port is a symlink that replug() points at a fresh
pseudo-terminal, as a USB device comes back under the same name (udev rule).
"""
from __future__ import annotations

import os
import select
import time
import tty
from pathlib import Path


class PtyDevice:
    def __init__(self, link_path: Path | str | None = None) -> None:
        self.link_path = Path(link_path) if link_path else None
        self.master = self.slave = -1
        self._open_pair()

    @property
    def port(self) -> str:
        return str(self.link_path) if self.link_path else self.slave_name

    def _open_pair(self) -> None:
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)  # no echo, no line editing: a plain 8-bit line
        tty.setraw(self.master)
        self.slave_name = os.ttyname(self.slave)
        if self.link_path:
            tmp = self.link_path.with_name(self.link_path.name + ".new")
            if tmp.is_symlink() or tmp.exists():
                tmp.unlink()
            os.symlink(self.slave_name, tmp)
            os.replace(tmp, self.link_path)

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = os.write(self.master, view)
            view = view[written:]

    def read(self, timeout: float = 0.5, until: bytes | None = None, size: int | None = None) -> bytes:
        """What the till sent, waiting up to `timeout` for `until` (or `size` bytes, or anything)."""
        deadline = time.monotonic() + timeout
        data = bytearray()
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            ready, _, _ = select.select([self.master], [], [], min(remaining, 0.05))
            if ready:
                try:
                    data += os.read(self.master, 4096)
                except OSError:
                    break
            done = (until is not None and until in data) or (size is not None and len(data) >= size)
            if done or (until is None and size is None and data and not ready):
                break
        return bytes(data)

    def unplug(self) -> None:
        for fd in (self.master, self.slave):
            if fd >= 0:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self.master = self.slave = -1
        if self.link_path and self.link_path.is_symlink():
            self.link_path.unlink()

    def replug(self) -> None:
        self.unplug()
        self._open_pair()

    def close(self) -> None:
        self.unplug()

    def __enter__(self) -> "PtyDevice":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
