"""A network printer on its raw port (`escpos+tcp://HOST:9100`).

A connection is opened per job and closed after it: many printers serve one
connection at a time, and a held one would lock out the back office or a
second till. Every step has a timeout so a vanished printer never hangs a sale.
"""
from __future__ import annotations

import socket

from app.domain.receipt import ReceiptDocument
from drivers.printer.base import PrinterError, PrinterStatus
from drivers.printer.escpos_render import drawer_bytes, render_escpos

DEFAULT_PORT = 9100
DEFAULT_TIMEOUT = 3.0
CLOSE_WAIT = 1.0  # seconds to wait for the printer to close after a job

# DLE EOT n: real-time status; n=1 printer, 2 offline cause, 4 paper roll sensor.
STATUS_QUERIES = (1, 2, 4)


def status_query(n: int) -> bytes:
    return bytes((0x10, 0x04, n))


class TcpPrinter:
    def __init__(
        self,
        host: str,
        port: int = DEFAULT_PORT,
        columns: int = 48,
        encoding: str = "gb18030",
        timeout: float = DEFAULT_TIMEOUT,
        url: str = "",
    ) -> None:
        self.host = host
        self.port = port
        self.columns = columns
        self.encoding = encoding
        self.timeout = timeout
        self.url = url or f"escpos+tcp://{host}:{port}"
        self.where = f"{host}:{port}"

    def print_document(self, doc: ReceiptDocument) -> None:
        self._send(render_escpos(doc, self.encoding))

    def kick_drawer(self, pin: int = 2) -> None:
        self._send(drawer_bytes(pin))

    def send_bytes(self, data: bytes) -> None:
        """Already rendered ESC/POS (profiles with a logo, drawer pulses with custom timing)."""
        self._send(data)

    def close(self) -> None:
        pass

    def status(self) -> PrinterStatus:
        try:
            sock = self._connect()
        except PrinterError as exc:
            return exc.status
        replies: dict[int, int] = {}
        try:
            for n in STATUS_QUERIES:
                sock.sendall(status_query(n))
                reply = sock.recv(1)
                if not reply:
                    return PrinterStatus.UNKNOWN
                replies[n] = reply[0]
        except OSError:  # includes the timeout of a printer that never answers
            return PrinterStatus.UNKNOWN
        finally:
            sock.close()
        return interpret_status(replies[1], replies[2], replies[4])

    def _connect(self) -> socket.socket:
        try:
            return socket.create_connection((self.host, self.port), timeout=self.timeout)
        except ConnectionRefusedError as exc:
            raise PrinterError.at(self.where, "refused the connection", status=PrinterStatus.OFFLINE) from exc
        except socket.timeout as exc:
            raise PrinterError.at(self.where, f"did not answer within {self.timeout:g} s",
                                  status=PrinterStatus.OFFLINE) from exc
        except socket.gaierror as exc:
            raise PrinterError.at(self.where, "cannot be found on the network",
                                  "Check the printer's address in the settings, then reprint.",
                                  PrinterStatus.OFFLINE) from exc
        except OSError as exc:
            reason = (exc.strerror or str(exc)).lower()
            raise PrinterError.at(self.where, f"cannot be reached: {reason}",
                                  status=PrinterStatus.OFFLINE) from exc

    def _send(self, data: bytes) -> None:
        sock = self._connect()
        try:
            sock.sendall(data)
            self._await_close(sock)
        except socket.timeout as exc:
            raise PrinterError.at(self.where, f"stopped taking data for {self.timeout:g} s",
                                  status=PrinterStatus.UNKNOWN) from exc
        except OSError as exc:
            reason = (exc.strerror or str(exc)).lower()
            raise PrinterError.at(self.where, f"dropped the connection: {reason}",
                                  status=PrinterStatus.OFFLINE) from exc
        finally:
            sock.close()


    def _await_close(self, sock: socket.socket) -> None:
        """After the job, half-close and wait briefly for the printer to close too.

        sendall() returns once the kernel has the bytes; a printer that resets
        the connection mid-job shows up only here, so the job is not taken as
        printed. A printer that keeps the connection open is fine: the wait is
        short and its end is not an error.
        """
        sock.shutdown(socket.SHUT_WR)  # fails when the printer already reset the connection
        sock.settimeout(min(self.timeout, CLOSE_WAIT))
        try:
            for _ in range(64):  # a printer chatting status bytes cannot keep us here
                if not sock.recv(256):
                    return
        except socket.timeout:
            return


def _valid(reply: int) -> bool:
    # Every DLE EOT reply has bits 1 and 4 set and bits 0 and 7 clear.
    return reply & 0x93 == 0x12


def interpret_status(printer: int, offline_cause: int, paper: int) -> PrinterStatus:
    """The status from the replies to DLE EOT 1, 2 and 4."""
    if not all(_valid(reply) for reply in (printer, offline_cause, paper)):
        return PrinterStatus.UNKNOWN
    if offline_cause & 0x04:
        return PrinterStatus.COVER_OPEN
    if paper & 0x60 or offline_cause & 0x20:
        return PrinterStatus.PAPER_OUT
    if printer & 0x08:
        return PrinterStatus.OFFLINE
    if paper & 0x0C:
        return PrinterStatus.PAPER_NEAR_END
    return PrinterStatus.ONLINE
