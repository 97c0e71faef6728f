"""The durable print queue: every receipt is stored before a byte goes to the printer.

A job is a ReceiptDocument (as JSON) in the print_job table. A background
thread (plain threading: no Qt under app/) sends due jobs oldest first. When
the printer is off, unplugged or out of paper the job waits and is retried
with capped exponential backoff; after `max_attempts` it is marked failed,
with the reason, and stays until someone retries or reprints it. Nothing is
ever deleted, so no receipt is silently dropped, and nothing here can block
the sale: enqueue() is one small insert.

Statuses: waiting -> printing -> done | waiting (retry later) | failed.
A job found "printing" at start-up (the till stopped mid-job) goes back to
waiting: printing a receipt twice is better than losing it.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Callable

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.db.models_devices import PrintJob
from app.domain.clock import Clock
from app.domain.ids import new_id
from app.domain.receipt import BarcodeBlock, Cut, Feed, QRBlock, ReceiptDocument, Rule, TextLine
from app.services.errors import NotFound, StateError

log = logging.getLogger(__name__)

WAITING, PRINTING, DONE, FAILED = "waiting", "printing", "done", "failed"
COPY_MARK = "** 重印小票 COPY **"
_BLOCK_TYPES = {cls.__name__: cls for cls in (TextLine, Rule, BarcodeBlock, QRBlock, Feed, Cut)}


# --- documents as JSON ----------------------------------------------------------

def document_to_json(doc: ReceiptDocument) -> str:
    blocks = [{"type": type(block).__name__, **dataclasses.asdict(block)} for block in doc.blocks]
    return json.dumps({"columns": doc.columns, "blocks": blocks}, ensure_ascii=False, separators=(",", ":"))


def document_from_json(text: str) -> ReceiptDocument:
    data = json.loads(text)
    blocks = []
    for raw in data["blocks"]:
        fields = dict(raw)
        blocks.append(_BLOCK_TYPES[fields.pop("type")](**fields))
    return ReceiptDocument(int(data["columns"]), blocks)


# --- what callers see ------------------------------------------------------------

@dataclass(frozen=True)
class PrintJobInfo:
    id: str
    kind: str
    ref_id: str
    status: str
    attempts: int
    last_error: str
    created_at: datetime
    next_attempt_at: datetime
    printed_at: datetime | None
    reprint_of: str | None

    @classmethod
    def of(cls, row: PrintJob) -> "PrintJobInfo":
        return cls(row.id, row.kind, row.ref_id, row.status, row.attempts, row.last_error, row.created_at,
                   row.next_attempt_at, row.printed_at, row.reprint_of)


class PrinterProblem(Exception):
    """Raised inside a send when the printer reports it cannot print now."""


PrinterSource = Callable[[], object]


class PrintQueue:
    def __init__(self, sessions: sessionmaker[Session], printer: object | PrinterSource, clock: Clock,
                 base_delay: float = 2.0, max_delay: float = 60.0, max_attempts: int = 8,
                 check_status: bool = True) -> None:
        self._sessions = sessions
        self._printer_source: PrinterSource = printer if callable(printer) and not hasattr(
            printer, "print_document") else (lambda: printer)
        self._clock = clock
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.max_attempts = max_attempts
        self.check_status = check_status
        self._callbacks: list[Callable[[PrintJobInfo], None]] = []
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._round = threading.Lock()  # one sending round at a time (worker or a test)

    # --- the API the receipts service and the UI use ---------------------------------
    def enqueue(self, document: ReceiptDocument, kind: str, ref_id: str, reprint_of: str | None = None) -> str:
        """Store the job durably and wake the sender; returns the job id at once."""
        now = self._clock.now()
        job = PrintJob(id=new_id(), kind=kind, ref_id=ref_id, document=document_to_json(document),
                       status=WAITING, attempts=0, last_error="", reprint_of=reprint_of, created_at=now,
                       updated_at=now, next_attempt_at=now)
        with self._sessions.begin() as s:
            s.add(job)
            s.flush()
            info = PrintJobInfo.of(job)
        self._notify(info)
        self._wake.set()
        return info.id

    def jobs(self, limit: int = 50) -> list[PrintJobInfo]:
        """The newest jobs first."""
        with self._sessions() as s:
            rows = s.scalars(select(PrintJob).order_by(PrintJob.created_at.desc(), PrintJob.id.desc())
                             .limit(limit))
            return [PrintJobInfo.of(row) for row in rows]

    def job(self, job_id: str) -> PrintJobInfo:
        with self._sessions() as s:
            return PrintJobInfo.of(self._row(s, job_id))

    def document(self, job_id: str) -> ReceiptDocument:
        with self._sessions() as s:
            return document_from_json(self._row(s, job_id).document)

    def counts(self) -> dict[str, int]:
        with self._sessions() as s:
            rows = s.execute(select(PrintJob.status, func.count()).group_by(PrintJob.status))
            return {status: count for status, count in rows}

    def retry(self, job_id: str) -> None:
        """Send a waiting or failed job again now (after paper was loaded, say)."""
        now = self._clock.now()
        with self._sessions.begin() as s:
            row = self._row(s, job_id)
            if row.status in (DONE, PRINTING):
                raise StateError("That receipt is {status}; use Reprint for another copy.",
                                 status=_STATUS_WORDS[row.status])
            row.status, row.attempts, row.next_attempt_at, row.updated_at = WAITING, 0, now, now
            info = PrintJobInfo.of(row)
        self._notify(info)
        self._wake.set()

    def retry_all(self) -> int:
        """Every waiting and failed job, now: the printer is back."""
        now = self._clock.now()
        with self._sessions.begin() as s:
            result = s.execute(update(PrintJob).where(PrintJob.status.in_((WAITING, FAILED)))
                               .values(status=WAITING, attempts=0, next_attempt_at=now, updated_at=now))
        self._wake.set()
        return result.rowcount or 0

    def reprint(self, job_id: str) -> str:
        """A new job with the same receipt, marked as a copy."""
        with self._sessions() as s:
            row = self._row(s, job_id)
            doc, kind, ref_id = document_from_json(row.document), row.kind, row.ref_id
        if not (doc.blocks and isinstance(doc.blocks[0], TextLine) and doc.blocks[0].text == COPY_MARK):
            doc.blocks.insert(0, TextLine(COPY_MARK, "center", bold=True))
        return self.enqueue(doc, kind, ref_id, reprint_of=job_id)

    def subscribe(self, callback: Callable[[PrintJobInfo], None]) -> Callable[[], None]:
        """Call `callback(job)` on every status change (from the sender's thread)."""
        self._callbacks.append(callback)
        return lambda: self._callbacks.remove(callback) if callback in self._callbacks else None

    # --- the sender ---------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._recover_interrupted()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="print-queue", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def wake(self) -> None:
        self._wake.set()

    def process_due(self) -> float | None:
        """Send every due job, oldest first, stopping at the first failure (the
        printer is down: the others would fail too). Returns the seconds until
        the next job is due, or None when nothing is waiting."""
        with self._round:
            while not self._stop.is_set():
                job_id = self._next_due()
                if job_id is None:
                    break
                if not self._send(job_id):
                    break
            return self._seconds_to_next()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                delay = self.process_due()
            except Exception:  # the database was busy or gone: try again shortly, never die
                log.exception("print queue round failed")
                delay = self.base_delay
            self._wake.wait(timeout=min(delay if delay is not None else 30.0, 30.0))
            self._wake.clear()

    def _next_due(self) -> str | None:
        now = self._clock.now()
        with self._sessions() as s:
            return s.scalar(select(PrintJob.id).where(PrintJob.status == WAITING, PrintJob.next_attempt_at <= now)
                            .order_by(PrintJob.created_at, PrintJob.id).limit(1))

    def _seconds_to_next(self) -> float | None:
        with self._sessions() as s:
            soonest = s.scalar(select(func.min(PrintJob.next_attempt_at)).where(PrintJob.status == WAITING))
        if soonest is None:
            return None
        if soonest.tzinfo is None:  # an aggregate may come back without the column's type
            soonest = soonest.replace(tzinfo=timezone.utc)
        return max(0.0, (soonest - self._clock.now()).total_seconds())

    def _send(self, job_id: str) -> bool:
        doc = self._mark_printing(job_id)
        try:
            printer = self._printer_source()
            if self.check_status:
                status = printer.status()
                if not status.can_print:
                    raise PrinterProblem(status.message)
            printer.print_document(doc)
        except Exception as exc:  # any device failure: the job waits, the reason is kept
            self._mark_failed_attempt(job_id, str(exc) or type(exc).__name__)
            return False
        self._finish(job_id, DONE, "")
        return True

    def _mark_printing(self, job_id: str) -> ReceiptDocument:
        with self._sessions.begin() as s:
            row = self._row(s, job_id)
            row.status, row.attempts, row.updated_at = PRINTING, row.attempts + 1, self._clock.now()
            info, doc = PrintJobInfo.of(row), document_from_json(row.document)
        self._notify(info)
        return doc

    def _mark_failed_attempt(self, job_id: str, reason: str) -> None:
        log.warning("print job %s not printed: %s", job_id, reason)
        now = self._clock.now()
        with self._sessions.begin() as s:
            row = self._row(s, job_id)
            delay = min(self.max_delay, self.base_delay * 2 ** max(0, row.attempts - 1))
            row.status = FAILED if row.attempts >= self.max_attempts else WAITING
            row.last_error, row.updated_at = reason[:500], now
            row.next_attempt_at = now + timedelta(seconds=delay)
            info = PrintJobInfo.of(row)
        self._notify(info)

    def _finish(self, job_id: str, status: str, reason: str) -> None:
        now = self._clock.now()
        with self._sessions.begin() as s:
            row = self._row(s, job_id)
            row.status, row.last_error, row.updated_at, row.printed_at = status, reason, now, now
            info = PrintJobInfo.of(row)
        self._notify(info)

    def _recover_interrupted(self) -> None:
        now = self._clock.now()
        with self._sessions.begin() as s:
            s.execute(update(PrintJob).where(PrintJob.status == PRINTING).values(
                status=WAITING, next_attempt_at=now, updated_at=now,
                last_error="The till stopped while this receipt was printing; it is printed again."))

    def _notify(self, info: PrintJobInfo) -> None:
        for callback in list(self._callbacks):
            try:
                callback(info)
            except Exception:  # a broken listener must not stop printing
                log.exception("print queue listener failed")

    @staticmethod
    def _row(s: Session, job_id: str) -> PrintJob:
        row = s.get(PrintJob, job_id)
        if row is None:
            raise NotFound("That print job is not in this till's queue.")
        return row


_STATUS_WORDS = {DONE: "already printed", PRINTING: "printing now"}
