"""Scales, chosen by URL:

    toledo+serial:///dev/ttyUSB1?baudrate=9600            Toledo 8217, asked for each weight
    cas+serial://COM5?mode=continuous                     CAS "ST,GS" line, streamed by the scale
    sim://?grams=1234                                     simulator

Only a stable weight is ever returned; a scale that does not answer, is
overloaded, below zero or never settles raises ScaleError: never a zero
weight. Tare is kept here (the next stable gross becomes the tare); zero is
sent to the scale.
"""
from __future__ import annotations

import time
from typing import Protocol as TypingProtocol

from drivers.scale.protocols import PROTOCOLS, Protocol, Reading, ScaleProtocolError
from drivers.serial_link import DeviceUrlError, SerialLink, SerialLinkError, baudrate_of, split_url

MODES = ("request", "continuous")


class ScaleError(Exception):
    """No usable weight; str() is a sentence for the cashier."""


class Scale(TypingProtocol):
    url: str

    def read_weight(self) -> int:
        """Stable net weight in grams (thousandths of a kg); raises ScaleError."""
        ...

    def zero(self) -> None: ...

    def tare(self) -> int: ...

    def clear_tare(self) -> None: ...

    def close(self) -> None: ...


class _TareMixin:
    tare_grams = 0

    def tare(self) -> int:
        """Take the stable weight on the scale now (the empty container) as the tare."""
        self.tare_grams = 0
        self.tare_grams = self.read_weight()
        return self.tare_grams

    def clear_tare(self) -> None:
        self.tare_grams = 0


class SerialScale(_TareMixin):
    def __init__(self, port: str, protocol: Protocol, mode: str = "request", baudrate: int = 9600,
                 timeout: float = 2.0, url: str = "") -> None:
        self.url = url or f"{protocol.name}+serial://{port}"
        self.protocol = protocol
        self.mode = mode
        self.timeout = timeout
        self.link = SerialLink(port, baudrate, timeout=0.1)
        self._buffer = bytearray()

    def read_weight(self) -> int:
        """Ask (in request mode) and read until a stable weight or the timeout."""
        deadline = time.monotonic() + self.timeout
        last: Reading | None = None
        try:
            self.link.reset_input()
            self._buffer.clear()
            next_request = 0.0
            while time.monotonic() < deadline:
                if self.mode == "request" and time.monotonic() >= next_request:
                    self.link.write(self.protocol.request)
                    next_request = time.monotonic() + 0.3
                for frame in self.protocol.frames(self._feed()):
                    try:
                        last = self.protocol.parse(frame)
                    except ScaleProtocolError:
                        continue  # line noise: wait for the next frame
                    if last.stable and last.grams is not None and not last.overload and not last.under_zero:
                        return last.grams - self.tare_grams
        except SerialLinkError as exc:
            raise ScaleError(f"The scale at {exc}. Check its cable and power, then weigh again.") from exc
        raise ScaleError(_why_no_weight(last, self.timeout))

    def _feed(self) -> bytearray:
        self._buffer += self.link.read(64)
        return self._buffer

    def zero(self) -> None:
        try:
            self.link.write(self.protocol.zero)
        except SerialLinkError as exc:
            raise ScaleError(f"The scale at {exc}. Check its cable and power.") from exc
        self.tare_grams = 0

    def close(self) -> None:
        self.link.close()


def _why_no_weight(last: Reading | None, timeout: float) -> str:
    if last is None:
        return (f"The scale did not answer within {timeout:g} s. Check that it is on and its cable is "
                f"plugged in, then weigh again.")
    if last.overload:
        return "The item is too heavy for the scale. Take it off and weigh it another way."
    if last.under_zero:
        return "The scale shows less than zero. Empty it, press Zero, then weigh again."
    return "The weight is not steady. Let the item rest on the scale, then weigh again."


class SimScale(_TareMixin):
    """`sim://?grams=1234`: a scale in memory; set `grams`, `stable` or `answering` to simulate."""

    def __init__(self, grams: int = 0, url: str = "sim://") -> None:
        self.url = url
        self.grams = grams
        self.stable = True
        self.answering = True
        self.zero_offset = 0

    def read_weight(self) -> int:
        if not self.answering:
            raise ScaleError("The scale did not answer (simulated). Check that it is on, then weigh again.")
        if not self.stable:
            raise ScaleError(_why_no_weight(Reading(self.grams, stable=False), 0))
        gross = self.grams - self.zero_offset
        if gross < 0:
            raise ScaleError(_why_no_weight(Reading(gross, stable=True, under_zero=True), 0))
        return gross - self.tare_grams

    def zero(self) -> None:
        self.zero_offset = self.grams
        self.tare_grams = 0

    def close(self) -> None:
        pass


def open_scale(url: str) -> Scale:
    scheme, path, params = split_url(url, ("baudrate", "mode", "timeout", "grams"))
    if scheme == "sim":
        grams = params.get("grams", "0")
        return SimScale(int(grams) if grams.isdigit() else 0, url)
    kind, _, transport = scheme.partition("+")
    if kind not in PROTOCOLS or transport != "serial":
        raise DeviceUrlError(f"Scale URL {url!r}: unknown kind; use toledo+serial://, cas+serial:// or sim://.")
    mode = params.get("mode", "request")
    if mode not in MODES:
        raise DeviceUrlError(f"Scale URL {url!r}: mode={mode!r}; use request or continuous.")
    try:
        timeout = float(params.get("timeout", "2"))
    except ValueError:
        timeout = -1
    if not 0.1 <= timeout <= 30:
        raise DeviceUrlError(f"Scale URL {url!r}: timeout is seconds from 0.1 to 30.")
    return SerialScale(path, PROTOCOLS[kind], mode, baudrate_of(url, params), timeout, url)
