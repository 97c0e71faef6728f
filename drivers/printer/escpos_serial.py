"""A printer on a serial port (`escpos+serial:///dev/ttyUSB0?baudrate=9600`, `escpos+serial://COM3`).

The link is two-way, so the status is read with DLE EOT; a printer that does
not answer is UNKNOWN (many serial printers have the reply line unwired).
"""
from __future__ import annotations

import time

from app.domain.receipt import ReceiptDocument
from drivers.printer.base import PrinterError, PrinterStatus
from drivers.printer.escpos_render import drawer_bytes, render_escpos
from drivers.printer.escpos_tcp import STATUS_QUERIES, interpret_status, status_query
from drivers.serial_link import SerialLink, SerialLinkError


class SerialPrinter:
    def __init__(self, port: str, baudrate: int = 9600, columns: int = 48, encoding: str = "gb18030",
                 url: str = "", timeout: float = 0.5) -> None:
        self.url = url or f"escpos+serial://{port}?baudrate={baudrate}"
        self.columns = columns
        self.encoding = encoding
        self.where = port
        self.link = SerialLink(port, baudrate, timeout)

    def print_document(self, doc: ReceiptDocument) -> None:
        self.send_bytes(render_escpos(doc, self.encoding))

    def kick_drawer(self, pin: int = 2) -> None:
        self.send_bytes(drawer_bytes(pin))

    def send_bytes(self, data: bytes) -> None:
        try:
            self.link.write(data)
        except SerialLinkError as exc:
            raise PrinterError.at(self.where, f"did not accept the receipt ({exc})",
                                  status=PrinterStatus.OFFLINE) from exc

    def status(self) -> PrinterStatus:
        replies: dict[int, int] = {}
        try:
            self.link.reset_input()
            for n in STATUS_QUERIES:
                self.link.write(status_query(n))
                reply = self._reply()
                if not reply:
                    return PrinterStatus.UNKNOWN
                replies[n] = reply[0]
        except SerialLinkError:
            return PrinterStatus.OFFLINE
        return interpret_status(replies[1], replies[2], replies[4])

    def _reply(self) -> bytes:
        deadline = time.monotonic() + self.link.timeout
        while time.monotonic() < deadline:
            reply = self.link.read(1)
            if reply:
                return reply
        return b""

    def close(self) -> None:
        self.link.close()
