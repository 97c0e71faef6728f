"""A serial port (RS-232, USB-CDC) that survives being unplugged.

The port is opened on first use and closed after any I/O error, so the next
use opens it again: a device unplugged and plugged back works without a
restart. Every read has a timeout; nothing here can hang a caller.
"""
from __future__ import annotations

import threading
from urllib.parse import parse_qsl, unquote, urlsplit

import serial

try:  # a pulled-out USB serial device can fail inside termios, which is not an OSError
    import termios
    PORT_ERRORS: tuple[type[BaseException], ...] = (serial.SerialException, OSError, termios.error)
except ImportError:  # Windows
    PORT_ERRORS = (serial.SerialException, OSError)

DEFAULT_BAUDRATE = 9600
BAUDRATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)


class SerialLinkError(OSError):
    """The port could not be opened, written or read; str() names the port and the reason."""


class DeviceUrlError(ValueError):
    """A device URL that cannot be used; the message names the bad part."""


def split_url(url: str, allowed: tuple[str, ...]) -> tuple[str, str, dict[str, str]]:
    """(scheme, path, params) of a device URL such as `toledo+serial:///dev/ttyUSB1?baudrate=9600`.

    The path is netloc + path, so Windows ports read naturally: `cd5220+serial://COM4`.
    """
    parts = urlsplit(url.strip())
    params: dict[str, str] = {}
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        if name not in allowed:
            raise DeviceUrlError(f"Device URL {url!r}: unknown setting {name!r}; "
                                 f"this kind of device takes {', '.join(allowed) or 'no settings'}.")
        params[name] = value.strip()
    return parts.scheme.lower(), unquote(parts.netloc + parts.path), params


def baudrate_of(url: str, params: dict[str, str]) -> int:
    raw = params.get("baudrate", str(DEFAULT_BAUDRATE))
    if raw.isdigit() and int(raw) in BAUDRATES:
        return int(raw)
    raise DeviceUrlError(f"Device URL {url!r}: baudrate={raw!r} is not a serial speed; "
                         f"use one of {', '.join(map(str, BAUDRATES))}.")


class SerialLink:
    def __init__(self, port: str, baudrate: int = DEFAULT_BAUDRATE, timeout: float = 0.5) -> None:
        if not port:
            raise DeviceUrlError("The serial port is missing, e.g. /dev/ttyUSB0 or COM4.")
        self.port = port
        self.baudrate = baudrate
        self.timeout = timeout
        self._serial: serial.Serial | None = None
        self._lock = threading.RLock()

    @property
    def is_open(self) -> bool:
        return self._serial is not None

    def open(self) -> None:
        with self._lock:
            if self._serial is not None:
                return
            try:
                self._serial = serial.Serial(self.port, self.baudrate, timeout=self.timeout,
                                             write_timeout=max(1.0, self.timeout))
            except (serial.SerialException, OSError, ValueError) as exc:
                raise SerialLinkError(f"{self.port} cannot be opened: {_reason(exc)}") from exc

    def write(self, data: bytes) -> None:
        with self._lock:
            self.open()
            try:
                self._serial.write(data)
                self._serial.flush()
            except PORT_ERRORS as exc:
                self.close()
                raise SerialLinkError(f"{self.port} stopped taking data: {_reason(exc)}") from exc

    def read(self, size: int = 256) -> bytes:
        """Up to `size` bytes; b"" when nothing came within the timeout."""
        with self._lock:
            self.open()
            port = self._serial
        try:
            first = port.read(1)
            if not first:
                return b""
            waiting = min(port.in_waiting, max(0, size - 1))
            return first + (port.read(waiting) if waiting else b"")
        except (*PORT_ERRORS, TypeError, AttributeError) as exc:
            # TypeError/AttributeError: pyserial's state after the port was closed under it
            self.close()
            raise SerialLinkError(f"{self.port} stopped answering: {_reason(exc)}") from exc

    def reset_input(self) -> None:
        with self._lock:
            if self._serial is not None:
                try:
                    self._serial.reset_input_buffer()
                except PORT_ERRORS:
                    self.close()

    def close(self) -> None:
        with self._lock:
            port, self._serial = self._serial, None
        if port is not None:
            try:
                port.close()
            except PORT_ERRORS:
                pass


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    if "returned no data" in text:  # pyserial's words for a USB device pulled out
        return "was disconnected"
    if isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror
    return (text.splitlines()[0] if text else type(exc).__name__).rstrip(".").lower()
