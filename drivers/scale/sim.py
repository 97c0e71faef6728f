"""A serial scale on a pseudo-terminal, speaking Toledo 8217 or CAS.

    scale = PtyScaleSimulator("toledo"); url = scale.url
    scale.grams = 1234; scale.stable = False; scale.silent = True; scale.garbage = b"\\xff"
"""
from __future__ import annotations

import threading
from pathlib import Path

from drivers.pty_device import PtyDevice
from drivers.scale.protocols import cas_weight_frame, toledo_status_frame, toledo_weight_frame


class PtyScaleSimulator:
    def __init__(self, protocol: str = "toledo", continuous: bool = False, link_path: Path | None = None) -> None:
        self.protocol = protocol
        self.continuous = continuous
        self.grams = 0
        self.stable = True
        self.overload = False
        self.silent = False
        self.garbage = b""  # sent before every frame
        self.split = False  # send each frame in two writes
        self.zeroed = 0
        self.device = PtyDevice(link_path)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="scale-sim", daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        mode = "continuous" if self.continuous else "request"
        return f"{self.protocol}+serial://{self.device.port}?mode={mode}&timeout=0.5"

    def frame(self) -> bytes:
        if self.protocol == "cas":
            return cas_weight_frame(self.grams, self.stable, self.overload)
        if self.overload or not self.stable or self.grams < 0:
            return toledo_status_frame(motion=not self.stable, overload=self.overload, under_zero=self.grams < 0)
        return toledo_weight_frame(self.grams)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                request = self.device.read(timeout=0.1 if self.continuous else 0.2)
            except (OSError, ValueError):
                self._stop.wait(0.05)
                continue
            if b"Z" in request:
                self.zeroed += 1
            wanted = self.continuous or b"W" in request
            if wanted and not self.silent:
                self._send(self.garbage + self.frame())

    def _send(self, data: bytes) -> None:
        try:
            if self.split:
                half = len(data) // 2
                self.device.write(data[:half])
                self._stop.wait(0.02)
                self.device.write(data[half:])
            else:
                self.device.write(data)
        except OSError:
            pass  # unplugged

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.device.close()
