"""Serial barcode scanners (USB-CDC or RS-232): `serial-scanner:///dev/ttyACM0?baudrate=9600`.

A background thread reads the port and hands each code to `on_scan`, the
same callback the keyboard wedge uses, so scans arrive in one place however
many scanners are plugged in. Frames end with CR, LF or CRLF; STX/ETX
wrappers are stripped; frames with control bytes or undecodable text are
garbage and dropped (logged). When the port goes away (cable pulled) the
thread reports "disconnected" and keeps trying to open it again.
"""
from __future__ import annotations

import logging
import threading
from typing import Callable

from drivers.serial_link import SerialLink, SerialLinkError, baudrate_of, split_url

log = logging.getLogger(__name__)

MAX_FRAME = 256
CONNECTED, DISCONNECTED, STOPPED = "connected", "disconnected", "stopped"
StateCallback = Callable[[str, str, str], None]  # (url, state, message)


class SerialFrameDecoder:
    """Bytes as they trickle in -> complete scanned codes. Pure and total: any
    input gives a (possibly empty) list, and the buffer never grows past MAX_FRAME."""

    def __init__(self, min_length: int = 1, max_length: int = MAX_FRAME) -> None:
        self.min_length = min_length
        self.max_length = max_length
        self._buffer = bytearray()
        self._overflow = False
        self.rejected = 0

    def reset(self) -> None:
        self._buffer.clear()
        self._overflow = False

    def feed(self, data: bytes) -> list[str]:
        codes: list[str] = []
        for byte in data:
            if byte in (0x0D, 0x0A):
                code = self._end_frame()
                if code is not None:
                    codes.append(code)
            elif self._overflow:
                continue
            elif len(self._buffer) >= self.max_length:
                self._overflow = True  # a run-on without terminator: drop it whole
                self._buffer.clear()
                self.rejected += 1
            else:
                self._buffer.append(byte)
        return codes

    def _end_frame(self) -> str | None:
        raw, overflow = bytes(self._buffer), self._overflow
        self.reset()
        if overflow or not raw:
            return None
        raw = raw.strip(b"\x02\x03")  # STX ... ETX framing some scanners add
        try:
            code = raw.decode("utf-8")
        except UnicodeDecodeError:
            code = None
        if code is None or not code.isprintable() or len(code.strip()) < self.min_length:
            self.rejected += 1
            log.info("serial scanner: dropped a garbled frame of %d bytes", len(raw))
            return None
        return code.strip()


class SerialScanner:
    def __init__(self, port: str, on_scan: Callable[[str], None], baudrate: int = 9600, min_length: int = 1,
                 on_state: StateCallback | None = None, url: str = "", retry_s: float = 1.0) -> None:
        self.url = url or f"serial-scanner://{port}"
        self.link = SerialLink(port, baudrate, timeout=0.2)
        self.decoder = SerialFrameDecoder(min_length)
        self.on_scan = on_scan
        self.on_state = on_state
        self.retry_s = retry_s
        self.state = DISCONNECTED
        self.message = ""
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name=f"scanner {self.link.port}", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self.link.close()
        self._set_state(STOPPED, "")

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.link.open()
            except SerialLinkError as exc:
                self._set_state(DISCONNECTED, f"The scanner at {exc}. Check its cable; it reconnects by itself.")
                self._stop.wait(self.retry_s)
                continue
            self._set_state(CONNECTED, "")
            self._read_until_error()
            self.decoder.reset()  # half a code from before the unplug is not a code

    def _read_until_error(self) -> None:
        while not self._stop.is_set():
            try:
                data = self.link.read(MAX_FRAME)
            except SerialLinkError as exc:
                self._set_state(DISCONNECTED, f"The scanner at {exc}. Check its cable; it reconnects by itself.")
                self._stop.wait(self.retry_s)
                return
            for code in self.decoder.feed(data):
                try:
                    self.on_scan(code)
                except Exception:  # the receiver's problem must not kill the scanner
                    log.exception("scan handler failed for a serial scan")

    def _set_state(self, state: str, message: str) -> None:
        if (state, message) == (self.state, self.message):
            return
        self.state, self.message = state, message
        if self.on_state is not None:
            try:
                self.on_state(self.url, state, message)
            except Exception:
                log.exception("scanner state listener failed")


class SimScanner:
    """`sim://` scanner: tests and the settings screen inject scans."""

    def __init__(self, on_scan: Callable[[str], None], url: str = "sim://") -> None:
        self.url = url
        self.on_scan = on_scan
        self.state = CONNECTED
        self.message = ""

    def inject(self, code: str) -> None:
        self.on_scan(code)

    def start(self) -> None:
        pass

    def stop(self, timeout: float = 0) -> None:
        self.state = STOPPED


def open_scanner(url: str, on_scan: Callable[[str], None], on_state: StateCallback | None = None):
    """A started-on-demand serial or simulated scanner for a settings URL."""
    scheme, path, params = split_url(url, ("baudrate", "min_length"))
    if scheme == "sim":
        return SimScanner(on_scan, url)
    if scheme != "serial-scanner":
        from drivers.serial_link import DeviceUrlError
        raise DeviceUrlError(f"Scanner URL {url!r}: unknown kind; use serial-scanner:///dev/ttyACM0 or sim://.")
    min_length = params.get("min_length", "1")
    return SerialScanner(path, on_scan, baudrate_of(url, params),
                         int(min_length) if min_length.isdigit() and int(min_length) > 0 else 1, on_state, url)


class ScannerSet:
    """Several scanners, one callback."""

    def __init__(self, urls: list[str], on_scan: Callable[[str], None],
                 on_state: StateCallback | None = None) -> None:
        self.scanners = [open_scanner(url, on_scan, on_state) for url in urls if url.strip()]

    def start(self) -> None:
        for scanner in self.scanners:
            scanner.start()

    def stop(self) -> None:
        for scanner in self.scanners:
            scanner.stop()
