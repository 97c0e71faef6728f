"""A printer simulator (`sim://`): keeps every job as bytes and as readable text.

Used in demos, development and end-to-end tests; faults are simulated with
`?status=offline|paper_out` so the queue and the cashier's messages can be
exercised without hardware.
"""
from __future__ import annotations

import itertools
import threading
from datetime import datetime, timezone
from pathlib import Path

from app.domain.receipt import ReceiptDocument, render_text
from drivers.printer.base import PrinterError, PrinterStatus
from drivers.printer.escpos_render import drawer_bytes, render_escpos

# One counter per process: two simulators started in the same microsecond
# still write to different files.
_job_counter = itertools.count(1)


class SimPrinter:
    def __init__(
        self,
        data_dir: Path,
        columns: int = 48,
        encoding: str = "gb18030",
        status: PrinterStatus = PrinterStatus.ONLINE,
        url: str = "sim://",
    ) -> None:
        self.url = url
        self.columns = columns
        self.encoding = encoding
        self.directory = Path(data_dir) / "printer-sim"
        self._status = status
        self._lock = threading.Lock()
        self.jobs: list[Path] = []

    def simulate(self, status: PrinterStatus) -> None:
        """Change the simulated condition (paper runs out, cable pulled...)."""
        self._status = status

    def status(self) -> PrinterStatus:
        return self._status

    def print_document(self, doc: ReceiptDocument) -> None:
        self.print_rendered(render_escpos(doc, self.encoding), render_text(doc))

    def send_bytes(self, data: bytes) -> None:
        """Already rendered ESC/POS, kept like a job (no readable copy)."""
        self.print_rendered(data, "")

    def print_rendered(self, data: bytes, text: str) -> None:
        """Keep a job given as its bytes and its readable text."""
        self._check_can_print()
        with self._lock:
            self._prepare_directory()
            stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
            base = self.directory / f"{stamp}-{next(_job_counter):06d}"
            try:
                base.with_suffix(".bin").write_bytes(data)
                base.with_suffix(".txt").write_text(text, encoding="utf-8")
                (self.directory / "last.bin").write_bytes(data)
                (self.directory / "last.txt").write_text(text, encoding="utf-8")
            except OSError as exc:
                raise self._write_error(exc) from exc
            self.jobs.append(base.with_suffix(".bin"))

    def kick_drawer(self, pin: int = 2) -> None:
        drawer_bytes(pin)  # the same pin check as a real printer
        if self._status is PrinterStatus.OFFLINE:
            raise PrinterError.at(self.url, "is offline, so the cash drawer cannot be opened",
                                  "Open the drawer with its key, and check the printer's power.")
        with self._lock:
            self._prepare_directory()
            stamp = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
            try:
                with open(self.directory / "drawer.log", "a", encoding="utf-8") as log:
                    log.write(f"{stamp} kick pin={pin}\n")
            except OSError as exc:
                raise self._write_error(exc) from exc

    def close(self) -> None:
        pass

    def _check_can_print(self) -> None:
        if self._status is PrinterStatus.OFFLINE:
            raise PrinterError.at(self.url, "is offline (simulated)", status=PrinterStatus.OFFLINE)
        if self._status is PrinterStatus.PAPER_OUT:
            raise PrinterError.at(self.url, "is out of paper (simulated)",
                                  "Load a new roll, then reprint.", PrinterStatus.PAPER_OUT)
        if self._status is PrinterStatus.COVER_OPEN:
            raise PrinterError.at(self.url, "has its cover open (simulated)",
                                  "Close the cover, then reprint.", PrinterStatus.COVER_OPEN)

    def _prepare_directory(self) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise self._write_error(exc) from exc

    def _write_error(self, exc: OSError) -> PrinterError:
        reason = (exc.strerror or str(exc)).lower()
        return PrinterError.at(
            self.url, f"cannot save receipts in {self.directory}: {reason}",
            "Check that the data folder is writable and the disk is not full, then reprint.",
        )
