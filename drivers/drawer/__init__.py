"""Cash drawers, chosen by URL:

    printer://?pin=2&on_ms=100&off_ms=500     wired to the receipt printer (RJ11 port)
    serial-drawer:///dev/ttyS0?baudrate=9600&command=07   its own serial box (command in hex)
    sim://?status=offline                     simulator; the kicks are kept in memory
    none://                                   no drawer

A kick is a pulse on the printer's drawer connector: ESC p m t1 t2, with m
the pin (0 = pin 2, 1 = pin 5) and t1/t2 the on/off times in 2 ms units.
"""
from __future__ import annotations

import threading
from datetime import datetime, timezone
from typing import Callable, Protocol

from drivers.serial_link import DeviceUrlError, SerialLink, SerialLinkError, baudrate_of, split_url

DEFAULT_ON_MS, DEFAULT_OFF_MS = 100, 500


class DrawerError(Exception):
    """The drawer did not get its kick; str() is a sentence for the cashier."""


class CashDrawer(Protocol):
    url: str

    def kick(self) -> None:
        """Open the drawer; raises DrawerError."""
        ...


def pulse_bytes(pin: int = 2, on_ms: int = DEFAULT_ON_MS, off_ms: int = DEFAULT_OFF_MS) -> bytes:
    if pin not in (2, 5):
        raise ValueError(f"a cash drawer is wired to pin 2 or pin 5, not {pin}")
    for name, value in (("on_ms", on_ms), ("off_ms", off_ms)):
        if not 2 <= value <= 510:
            raise ValueError(f"{name}={value} is not a pulse time from 2 to 510 ms")
    return bytes((0x1B, 0x70, 0 if pin == 2 else 1, on_ms // 2, off_ms // 2))


class PrinterDrawer:
    """Kicked through the receipt printer the drawer is plugged into."""

    def __init__(self, printer: Callable[[], object], pin: int = 2, on_ms: int = DEFAULT_ON_MS,
                 off_ms: int = DEFAULT_OFF_MS, url: str = "printer://") -> None:
        self._printer = printer
        self.pin, self.on_ms, self.off_ms = pin, on_ms, off_ms
        self.pulse = pulse_bytes(pin, on_ms, off_ms)
        self.url = url

    def kick(self) -> None:
        printer = self._printer()
        try:
            default_timing = (self.on_ms, self.off_ms) == (DEFAULT_ON_MS, DEFAULT_OFF_MS)
            send_bytes = getattr(printer, "send_bytes", None)
            if default_timing or send_bytes is None:
                printer.kick_drawer(self.pin)
            else:
                send_bytes(self.pulse)
        except Exception as exc:
            raise DrawerError(f"The cash drawer did not open: {exc} Open it with its key if needed.") from exc


class SerialDrawer:
    def __init__(self, port: str, baudrate: int = 9600, command: bytes = b"\x07", url: str = "") -> None:
        self.link = SerialLink(port, baudrate, timeout=0.5)
        self.command = command
        self.url = url or f"serial-drawer://{port}"

    def kick(self) -> None:
        try:
            self.link.write(self.command)
        except SerialLinkError as exc:
            raise DrawerError(f"The cash drawer at {exc} Check its cable, or open it with its key.") from exc


class SimDrawer:
    def __init__(self, fail: bool = False, url: str = "sim://") -> None:
        self.fail = fail
        self.url = url
        self.kicks: list[datetime] = []
        self._lock = threading.Lock()

    def kick(self) -> None:
        if self.fail:
            raise DrawerError("The cash drawer is offline (simulated). Open it with its key.")
        with self._lock:
            self.kicks.append(datetime.now(timezone.utc))


class NoDrawer:
    url = "none://"

    def kick(self) -> None:
        raise DrawerError("No cash drawer is set up on this till. Choose one in the device settings.")


def open_drawer(url: str, printer: Callable[[], object]) -> CashDrawer:
    """The drawer a settings URL describes; `printer` gives the current receipt printer."""
    scheme, path, params = split_url(url, ("pin", "on_ms", "off_ms", "baudrate", "command", "status"))
    if scheme == "printer":
        return PrinterDrawer(printer, _int(url, params, "pin", 2), _int(url, params, "on_ms", DEFAULT_ON_MS),
                             _int(url, params, "off_ms", DEFAULT_OFF_MS), url)
    if scheme == "serial-drawer":
        try:
            command = bytes.fromhex(params.get("command", "07"))
        except ValueError:
            raise DeviceUrlError(f"Drawer URL {url!r}: command= is not hex bytes, e.g. command=07.") from None
        return SerialDrawer(path, baudrate_of(url, params), command or b"\x07", url)
    if scheme == "sim":
        return SimDrawer(params.get("status", "online") == "offline", url)
    if scheme == "none":
        return NoDrawer()
    raise DeviceUrlError(f"Drawer URL {url!r}: unknown kind; use printer://, serial-drawer://, sim:// or none://.")


def _int(url: str, params: dict[str, str], name: str, default: int) -> int:
    raw = params.get(name, str(default))
    try:
        value = int(raw)
        if name == "pin":
            pulse_bytes(value)
        else:
            pulse_bytes(2, value, value)
    except ValueError:
        raise DeviceUrlError(f"Drawer URL {url!r}: {name}={raw!r} is not usable; pin is 2 or 5, "
                             f"times are 2 to 510 ms.") from None
    return value
