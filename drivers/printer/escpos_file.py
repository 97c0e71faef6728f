"""A printer reached through a file (`escpos+file:///dev/usb/lp0`): USB printer
class devices, parallel ports, or a plain file when debugging.

The link is one-way: nothing comes back, so the status is UNKNOWN unless the
device is plainly missing.
"""
from __future__ import annotations

import errno
import os
from pathlib import Path

from app.domain.receipt import ReceiptDocument
from drivers.printer.base import PrinterError, PrinterStatus
from drivers.printer.escpos_render import drawer_bytes, render_escpos

# Under /dev a missing path means an unplugged printer: never create a plain
# file there, which would silently swallow every receipt.
_DEVICE_ROOT = Path("/dev")


class FilePrinter:
    def __init__(self, path: Path | str, columns: int = 48, encoding: str = "gb18030", url: str = "") -> None:
        self.path = Path(path)
        self.url = url or f"escpos+file://{self.path}"
        self.columns = columns
        self.encoding = encoding

    def print_document(self, doc: ReceiptDocument) -> None:
        self._send(render_escpos(doc, self.encoding))

    def kick_drawer(self, pin: int = 2) -> None:
        self._send(drawer_bytes(pin))

    def send_bytes(self, data: bytes) -> None:
        """Already rendered ESC/POS (profiles with a logo, drawer pulses with custom timing)."""
        self._send(data)

    def status(self) -> PrinterStatus:
        if not self.path.parent.is_dir():
            return PrinterStatus.OFFLINE
        if self._is_device() and not self.path.exists():
            return PrinterStatus.OFFLINE
        return PrinterStatus.UNKNOWN

    def close(self) -> None:
        pass

    def _is_device(self) -> bool:
        return _DEVICE_ROOT in self.path.parents

    def _send(self, data: bytes) -> None:
        flags = os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0)
        if not self._is_device():
            flags |= os.O_CREAT
        try:
            fd = os.open(self.path, flags, 0o644)
        except OSError as exc:
            raise self._error(exc, "cannot be opened") from exc
        try:
            _write_all(fd, data)
            try:
                os.fsync(fd)
            except OSError:
                pass  # character devices and pipes cannot be synced; the write went through
        except OSError as exc:
            raise self._error(exc, "did not accept the receipt") from exc
        finally:
            os.close(fd)

    def _error(self, exc: OSError, what: str) -> PrinterError:
        code = exc.errno
        if code == errno.ENOENT and not self.path.parent.is_dir():
            reason = f"the folder {self.path.parent} does not exist"
        elif code == errno.ENOENT:
            reason = "it is not connected (the device does not exist)"
        elif code in (errno.EACCES, errno.EPERM):
            reason = "permission denied"
            advice = "Ask the administrator to give this user access to the printer (group 'lp'), then reprint."
            return PrinterError.at(str(self.path), f"{what}: {reason}", advice, PrinterStatus.OFFLINE)
        elif code in (errno.ENODEV, errno.ENXIO, errno.EIO):
            reason = "it is switched off or disconnected"
        elif code == errno.EBUSY:
            reason = "another program is using it"
        else:
            reason = (exc.strerror or str(exc)).lower()
        return PrinterError.at(str(self.path), f"{what}: {reason}", status=PrinterStatus.OFFLINE)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.EIO, "the device accepted no data")
        view = view[written:]
