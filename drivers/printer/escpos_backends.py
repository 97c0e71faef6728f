"""Printers reached through python-escpos' transports: USB, the Windows
spooler and CUPS (`escpos+usb://04b8:0202`, `escpos+win32://EPSON TM-T88V`,
`escpos+cups://TM-T20`).

Each needs an optional library (pyusb, pywin32, pycups) or an operating
system. When it is missing the printer reports OFFLINE and every job fails
with a PrinterError that says what to install or which URL to use instead;
nothing ever crashes the till. The device is opened per job and closed after
it, so a printer unplugged between sales is found again when it comes back.
"""
from __future__ import annotations

import time
from typing import Callable

from app.domain.receipt import ReceiptDocument
from drivers.printer.base import PrinterError, PrinterStatus
from drivers.printer.escpos_render import drawer_bytes, render_escpos
from drivers.printer.escpos_tcp import STATUS_QUERIES, interpret_status, status_query

_MISSING = {
    "usb": ("USB printing needs the pyusb library, which is not installed on this till",
            "Ask the administrator to install pyusb and libusb, or use escpos+file:///dev/usb/lp0."),
    "win32": ("printing through the Windows spooler works only on Windows with pywin32 installed",
              "Use an escpos+usb://, escpos+serial:// or escpos+tcp:// URL on this till."),
    "cups": ("printing through CUPS needs the pycups library, which is not installed on this till",
             "Ask the administrator to install pycups, or use escpos+file:// or escpos+tcp://."),
}


def _escpos_class(kind: str):
    from escpos import printer as escpos_printer

    return {"usb": escpos_printer.Usb, "win32": escpos_printer.Win32Raw,
            "cups": escpos_printer.CupsPrinter}[kind]


class EscposBackendPrinter:
    """One python-escpos transport behind the ReceiptPrinter interface."""

    def __init__(self, kind: str, where: str, make_device: Callable[[], object], columns: int = 48,
                 encoding: str = "gb18030", url: str = "", two_way: bool = False) -> None:
        self.kind = kind
        self.where = where
        self.url = url
        self.columns = columns
        self.encoding = encoding
        self.two_way = two_way
        self._make_device = make_device

    @property
    def usable(self) -> bool:
        try:
            return bool(_escpos_class(self.kind).is_usable())
        except Exception:  # an import error inside python-escpos is the same as "missing"
            return False

    def print_document(self, doc: ReceiptDocument) -> None:
        self.send_bytes(render_escpos(doc, self.encoding))

    def kick_drawer(self, pin: int = 2) -> None:
        self.send_bytes(drawer_bytes(pin))

    def close(self) -> None:
        pass

    def send_bytes(self, data: bytes) -> None:
        device = self._open()
        try:
            device._raw(data)
            flush = getattr(device, "send", None)  # CUPS collects the job, then submits it
            if callable(flush):
                flush()
        except PrinterError:
            raise
        except Exception as exc:
            raise PrinterError.at(self.where, f"did not accept the receipt: {_reason(exc)}") from exc
        finally:
            _close_quietly(device)

    def status(self) -> PrinterStatus:
        if not self.usable:
            return PrinterStatus.OFFLINE
        try:
            device = self._open()
        except PrinterError as exc:
            return exc.status
        try:
            if not self.two_way:
                return PrinterStatus.UNKNOWN
            return _query_status(device)
        finally:
            _close_quietly(device)

    def _open(self):
        if not self.usable:
            problem, advice = _MISSING[self.kind]
            raise PrinterError.at(self.where, f"cannot be used: {problem}", advice, PrinterStatus.OFFLINE)
        try:
            device = self._make_device()
            device.open()
        except Exception as exc:
            raise PrinterError.at(self.where, f"cannot be opened: {_reason(exc)}",
                                  status=PrinterStatus.OFFLINE) from exc
        return device


def _query_status(device) -> PrinterStatus:
    replies: dict[int, int] = {}
    try:
        for n in STATUS_QUERIES:
            device._raw(status_query(n))
            reply = _read_reply(device)
            if not reply:
                return PrinterStatus.UNKNOWN  # a silent printer is "unknown", not "offline"
            replies[n] = reply[0]
    except Exception:
        return PrinterStatus.UNKNOWN
    return interpret_status(replies[1], replies[2], replies[4])


def _read_reply(device, wait_s: float = 0.5) -> bytes:
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        reply = bytes(device._read() or b"")
        if reply:
            return reply
        time.sleep(0.02)
    return b""


def _close_quietly(device) -> None:
    try:
        device.close()
    except Exception:
        pass


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__).rstrip(".").lower()


def usb_printer(vendor: int, product: int, columns: int, encoding: str, url: str,
                timeout_ms: int = 3000) -> EscposBackendPrinter:
    def make():
        return _escpos_class("usb")(idVendor=vendor, idProduct=product, timeout=timeout_ms)

    return EscposBackendPrinter("usb", f"USB {vendor:04x}:{product:04x}", make, columns, encoding, url,
                                two_way=True)


def win32_printer(name: str, columns: int, encoding: str, url: str) -> EscposBackendPrinter:
    return EscposBackendPrinter("win32", f"Windows printer '{name}'",
                                lambda: _escpos_class("win32")(name), columns, encoding, url)


def cups_printer(name: str, columns: int, encoding: str, url: str) -> EscposBackendPrinter:
    return EscposBackendPrinter("cups", f"CUPS printer '{name}'",
                                lambda: _escpos_class("cups")(name), columns, encoding, url)
