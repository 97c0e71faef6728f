"""What every receipt printer driver offers, and how it reports trouble.

Messages are written for the cashier: what happened and what to do next.
"""
from __future__ import annotations

import enum
from typing import Protocol, runtime_checkable

from app.domain.receipt import ReceiptDocument

DEFAULT_ADVICE = "Check the cable and the printer's power, then reprint."


class PrinterStatus(enum.Enum):
    ONLINE = "online"
    OFFLINE = "offline"
    PAPER_OUT = "paper_out"
    PAPER_NEAR_END = "paper_near_end"
    COVER_OPEN = "cover_open"
    UNKNOWN = "unknown"

    @property
    def message(self) -> str:
        return _STATUS_MESSAGES[self]

    @property
    def can_print(self) -> bool:
        """False when a job sent now would certainly not come out of the printer."""
        return self in (PrinterStatus.ONLINE, PrinterStatus.PAPER_NEAR_END, PrinterStatus.UNKNOWN)


_STATUS_MESSAGES = {
    PrinterStatus.ONLINE: "The receipt printer is ready.",
    PrinterStatus.OFFLINE: "The receipt printer is offline. Check the cable and the printer's power.",
    PrinterStatus.PAPER_OUT: "The receipt printer is out of paper. Load a new roll, then reprint.",
    PrinterStatus.PAPER_NEAR_END: "The receipt paper is running low. Have a new roll ready.",
    PrinterStatus.COVER_OPEN: "The receipt printer's cover is open. Close it, then reprint.",
    PrinterStatus.UNKNOWN: "The receipt printer does not report its status. Check that receipts come out.",
}


class PrinterError(Exception):
    """A job could not be handed to the printer; str() is a sentence for the cashier."""

    def __init__(self, message: str, status: PrinterStatus = PrinterStatus.UNKNOWN) -> None:
        super().__init__(message)
        self.status = status

    @classmethod
    def at(
        cls,
        where: str,
        problem: str,
        advice: str = DEFAULT_ADVICE,
        status: PrinterStatus = PrinterStatus.OFFLINE,
    ) -> "PrinterError":
        return cls(f"The receipt printer at {where} {problem}. {advice}", status)


@runtime_checkable
class ReceiptPrinter(Protocol):
    url: str
    columns: int
    encoding: str

    def print_document(self, doc: ReceiptDocument) -> None:
        """Send one receipt; raises PrinterError if it could not be handed over."""
        ...

    def status(self) -> PrinterStatus:
        ...

    def kick_drawer(self, pin: int = 2) -> None:
        """Open the cash drawer wired to the printer; raises PrinterError."""
        ...

    def close(self) -> None:
        ...
