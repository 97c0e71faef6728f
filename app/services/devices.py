"""The till's devices as the app sees them: settings (a URL per kind), the
live drivers, test actions, each device's state for the status bar, and the
cash drawer with its log.

No Qt here. Calls that talk to hardware (status, weights, drawer, display)
block for at most a driver timeout: the UI runs them in the background.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import Payment, Sale
from app.db.models_devices import DeviceSetting, DrawerKick
from app.domain.clock import Clock
from app.domain.ids import new_id
from app.domain.receipt import BarcodeBlock, Cut, Feed, QRBlock, ReceiptDocument, Rule
from app.services.audit import AuditAction
from app.services.auth import StaffMember
from app.services.errors import InvalidInput, NotAllowed, NotFound, StateError
from app.services.permissions import Approval, ManagerApproval, Permission
from app.services.print_queue import FAILED, WAITING, PrintQueue
from app.services.staff_rules import StaffRules, actor_code, audit_action, authorise
from drivers.display import open_display
from drivers.drawer import DrawerError, open_drawer
from drivers.printer import PrinterError, PrinterStatus, open_printer
from drivers.scale import ScaleError, open_scale
from drivers.scanner.serial_scanner import ScannerSet

log = logging.getLogger(__name__)

KINDS = ("printer", "drawer", "display", "scale", "scanner")
OFF = "none://"
DEFAULT_URLS = {"printer": "sim://?width=48", "drawer": "printer://?pin=2", "display": OFF, "scale": OFF,
                "scanner": ""}
OK, WARNING, ERROR, NOT_SET = "ok", "warning", "error", "off"
READY = "ready"  # set up, but the device cannot report a state (drawer, one-way display)


class DeviceProblem(StateError):
    """A device did not do what was asked; the sentence says what to do."""


@dataclass(frozen=True)
class DeviceState:
    kind: str
    url: str
    level: str  # ok | ready | warning | error | off
    message: str  # what is going on and what to do next


@dataclass(frozen=True)
class DrawerKickInfo:
    id: str
    reason: str
    actor: str
    allowed: bool
    opened: bool
    error: str
    created_at: datetime


def build_test_page(columns: int) -> ReceiptDocument:
    """What the settings screen prints: Chinese text, both barcode kinds and a QR code."""
    doc = ReceiptDocument(columns)
    doc.text("打印测试 PRINT TEST", "center", bold=True, double=True)
    doc.add(Rule())
    doc.text("中文：蒙超市欢迎您，谢谢惠顾")
    doc.text("English: receipt printer test")
    doc.text("金额 ¥12.50", bold=True)
    doc.add(BarcodeBlock("6901234567892", "EAN13"))
    doc.add(BarcodeBlock("MONPOS-TEST-128", "CODE128"))
    doc.add(QRBlock("https://example.com/monpos-test", 6))
    doc.text("测试完成 / Test finished", "center")
    doc.add(Feed(2))
    doc.add(Cut())
    return doc


class UnusablePrinter:
    """Stands in for a printer whose URL is broken: every job waits in the queue with the reason."""

    columns, encoding = 48, "gb18030"

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason

    def status(self) -> PrinterStatus:
        # UNKNOWN lets the queue try, so the job's reason is the URL problem, not "offline"
        return PrinterStatus.UNKNOWN

    def print_document(self, doc: ReceiptDocument) -> None:
        raise PrinterError(self.reason, PrinterStatus.OFFLINE)

    def kick_drawer(self, pin: int = 2) -> None:
        raise PrinterError(self.reason, PrinterStatus.OFFLINE)

    def close(self) -> None:
        pass


class CurrentPrinter:
    """The printer in use now, for services that hold "a printer" (ReceiptService):
    after the settings screen swaps the printer, they use the new one."""

    def __init__(self, devices: "DeviceService") -> None:
        self._devices = devices

    def __getattr__(self, name: str):
        return getattr(self._devices.printer, name)


class DeviceSettingsService:
    """The URL of each device kind, stored in the terminal database. Changing one needs
    DEVICE_SETTINGS (when the till has staff rules) and is audited with before and after."""

    def __init__(self, sessions: sessionmaker[Session], clock: Clock, defaults: dict[str, str] | None = None,
                 rules: StaffRules | None = None) -> None:
        self._sessions = sessions
        self._clock = clock
        self.defaults = {**DEFAULT_URLS, **(defaults or {})}
        self.rules = rules

    def urls(self) -> dict[str, str]:
        with self._sessions() as s:
            stored = {row.kind: row.url for row in s.scalars(select(DeviceSetting))}
        return {kind: stored.get(kind, self.defaults[kind]) for kind in KINDS}

    def authorise(self, actor: StaffMember | None, approver: ManagerApproval | None = None) -> Approval | None:
        return authorise(self.rules, actor, Permission.DEVICE_SETTINGS, approver)

    def save(self, kind: str, url: str, actor: StaffMember | None = None,
             approver: ManagerApproval | None = None) -> None:
        self.write(kind, url, self.authorise(actor, approver))

    def write(self, kind: str, url: str, approval: Approval | None) -> None:
        """Store a URL whose change `authorise` has approved (None: a till without staff rules)."""
        if kind not in KINDS:
            raise InvalidInput("There is no device kind {kind}.", kind=kind)
        url = url.strip()
        with self._sessions.begin() as s:
            row = s.get(DeviceSetting, kind)
            before = row.url if row is not None else self.defaults[kind]
            if row is None:
                s.add(DeviceSetting(kind=kind, url=url, updated_at=self._clock.now()))
            else:
                row.url, row.updated_at = url, self._clock.now()
            audit_action(self.rules, s, AuditAction.SETTINGS_CHANGED, approval, subject=f"device.{kind}",
                         details={"kind": kind, "before": before, "after": url})


def _is_off(url: str) -> bool:
    return not url.strip() or url.strip().lower().startswith(OFF)


class DeviceService:
    """The live devices, opened from their URLs; swapping one never stops the others."""

    def __init__(self, sessions: sessionmaker[Session], clock: Clock, data_dir: Path,
                 settings: DeviceSettingsService, on_scan: Callable[[str], None] | None = None,
                 queue_options: dict | None = None) -> None:
        self._sessions = sessions
        self._clock = clock
        self.data_dir = Path(data_dir)
        self.settings = settings
        self._on_scan = on_scan or (lambda code: None)
        self._scan_listeners: list[Callable[[str], None]] = []
        self._lock = threading.RLock()
        self.urls = settings.urls()
        self.problems: dict[str, str] = {}  # kind -> why its stored URL could not be used
        self.scanner_states: dict[str, tuple[str, str]] = {}
        self.printer = self._open_at_start("printer", lambda url: UnusablePrinter(url, self.problems["printer"]))
        self.queue = PrintQueue(sessions, lambda: self.printer, clock, **(queue_options or {}))
        self.drawer = self._open_at_start("drawer", lambda url: open_drawer(OFF, lambda: self.printer))
        self.display = self._open_at_start("display", lambda url: None)
        self.scale = self._open_at_start("scale", lambda url: None)
        self.scanners = self._open_at_start("scanner", lambda url: ScannerSet([], self._deliver_scan))
        self.current_printer = CurrentPrinter(self)

    def _open_at_start(self, kind: str, fallback: Callable[[str], object]):
        """A stored URL that no longer works (an upgrade, a hand-edited database)
        must not stop the till: the device is replaced by a stand-in that says why."""
        url = self.urls[kind]
        try:
            return self._open(kind, url)
        except ValueError as exc:
            log.error("device %s: stored URL %r cannot be used: %s", kind, url, exc)
            self.problems[kind] = f"{exc} Fix it in the device settings."
            return fallback(url)

    # --- life cycle -------------------------------------------------------------------
    def start(self) -> None:
        self.queue.start()
        self.scanners.start()

    def close(self) -> None:
        self.queue.stop()
        self.scanners.stop()
        for device in (self.printer, self.display, self.scale):
            try:
                if device is not None:
                    device.close()
            except Exception:
                log.exception("closing a device failed")

    def apply(self, kind: str, url: str, actor: StaffMember | None = None,
              approver: ManagerApproval | None = None) -> None:
        """Check a URL by opening it, store it, and use it from now on. Needs DEVICE_SETTINGS
        (checked before anything is opened) when the till has staff rules."""
        url = url.strip()
        approval = self.settings.authorise(actor, approver)
        try:
            device = self._open(kind, url)
        except ValueError as exc:  # the URL errors of every driver are ValueErrors with a sentence
            raise InvalidInput("{reason}", reason=str(exc)) from None
        self.settings.write(kind, url, approval)
        with self._lock:
            self.urls[kind] = url
            self.problems.pop(kind, None)
            if kind == "scanner":
                self.scanners.stop()
                self.scanners, self.scanner_states = device, {}
                self.scanners.start()
            else:
                old = getattr(self, kind)
                setattr(self, kind, device)
                if old is not None and hasattr(old, "close") and kind != "drawer":
                    old.close()
        if kind == "printer":
            self.queue.retry_all()

    def _open(self, kind: str, url: str):
        if kind == "printer":
            return open_printer(url, self.data_dir)
        if kind == "drawer":
            return open_drawer(url or OFF, lambda: self.printer)
        if kind == "display":
            return None if _is_off(url) else open_display(url)
        if kind == "scale":
            return None if _is_off(url) else open_scale(url)
        if kind == "scanner":
            return ScannerSet(self._scanner_urls(url), self._deliver_scan, self._scanner_state)
        raise ValueError(f"There is no device kind {kind}.")

    @staticmethod
    def _scanner_urls(value: str) -> list[str]:
        # several scanners: URLs separated by spaces or commas
        return [part for part in value.replace(",", " ").split() if not _is_off(part)]

    # --- scans ----------------------------------------------------------------------
    def add_scan_listener(self, listener: Callable[[str], None]) -> Callable[[], None]:
        """Also hear scans (the settings screen's "scan something now")."""
        self._scan_listeners.append(listener)
        return lambda: self._scan_listeners.remove(listener) if listener in self._scan_listeners else None

    def _deliver_scan(self, code: str) -> None:
        for listener in list(self._scan_listeners) or [self._on_scan]:
            listener(code)

    def _scanner_state(self, url: str, state: str, message: str) -> None:
        self.scanner_states[url] = (state, message)

    # --- tests and actions ----------------------------------------------------------
    def print_test_page(self) -> str:
        return self.queue.enqueue(build_test_page(self.printer.columns), "test", "test-page")

    def show_on_display(self, top: str, bottom: str = "") -> None:
        if self.display is None:
            raise DeviceProblem("No customer display is set up. Choose one in the device settings.")
        try:
            self.display.show(top, bottom)
        except Exception as exc:
            raise DeviceProblem("{reason}", reason=str(exc)) from exc

    def read_weight(self) -> int:
        """A stable net weight in grams; raises DeviceProblem, never returns a made-up zero."""
        if self.scale is None:
            raise DeviceProblem("No scale is set up. Choose one in the device settings.")
        try:
            return self.scale.read_weight()
        except ScaleError as exc:
            raise DeviceProblem("{reason}", reason=str(exc)) from exc

    # --- status ---------------------------------------------------------------------
    def states(self) -> list[DeviceState]:
        """Each device's state and what to do next (talks to the printer: run in the background)."""
        states = [self.printer_state(), self._simple_state("drawer"), self._simple_state("display"),
                  self._simple_state("scale"), self.scanner_state()]
        return [DeviceState(s.kind, s.url, ERROR, self.problems[s.kind]) if s.kind in self.problems else s
                for s in states]

    def printer_state(self) -> DeviceState:
        try:
            status = self.printer.status()
        except Exception:
            status = PrinterStatus.UNKNOWN
        counts = self.queue.counts()
        waiting, failed = counts.get(WAITING, 0), counts.get(FAILED, 0)
        level = {PrinterStatus.ONLINE: OK, PrinterStatus.UNKNOWN: OK,
                 PrinterStatus.PAPER_NEAR_END: WARNING}.get(status, ERROR)
        message = status.message
        if failed:
            level = ERROR
            message += f" {failed} receipt(s) not printed: open the print queue and retry or reprint them."
        elif waiting:
            level = max(level, WARNING, key=[OK, WARNING, ERROR].index)
            message += f" {waiting} receipt(s) waiting to print."
        return DeviceState("printer", self.urls["printer"], level, message)

    def _simple_state(self, kind: str) -> DeviceState:
        url = self.urls[kind]
        if _is_off(url):
            return DeviceState(kind, url, NOT_SET, "Not set up.")
        return DeviceState(kind, url, READY, "Set up; use the test button in the device settings to check it.")

    def scanner_state(self) -> DeviceState:
        url = self.urls["scanner"]
        if not self.scanners.scanners:
            return DeviceState("scanner", url, OK, "Keyboard scanner only.")
        problems = [message for state, message in self.scanner_states.values() if state == "disconnected"]
        if problems:
            return DeviceState("scanner", url, ERROR, problems[0])
        return DeviceState("scanner", url, OK, f"{len(self.scanners.scanners)} serial scanner(s) connected.")


class DrawerService:
    """Opens the cash drawer and logs every kick, refused and failed ones too. Opening it
    without a sale needs OPEN_DRAWER or a supervisor's approval (when the till has staff
    rules); such opens are also in the audit log, with the approver."""

    def __init__(self, sessions: sessionmaker[Session], clock: Clock, drawer: Callable[[], object],
                 rules: StaffRules | None = None) -> None:
        self._sessions = sessions
        self._clock = clock
        self._drawer = drawer
        self.rules = rules

    def open(self, reason: str, actor: StaffMember | str | None,
             approver: ManagerApproval | None = None, ref_id: str = "") -> DrawerKickInfo:
        """Kick the drawer without a sale ("no sale", "test", ...). A refused or failed
        kick is logged, then raised."""
        url = getattr(self._drawer(), "url", "")
        try:
            approval = authorise(self.rules, actor, Permission.OPEN_DRAWER, approver)  # type: ignore[arg-type]
        except NotAllowed:
            self._log(reason, actor_code(actor), ref_id, url, False, False, "not allowed")
            raise
        return self._kick(reason, actor_code(actor), ref_id, approval)

    def open_after_sale(self, sale_id: str, actor: StaffMember | str) -> DrawerKickInfo | None:
        """Open the drawer for a committed sale that took cash; None when it took none.
        The sale is the reason, so no permission is needed."""
        with self._sessions() as s:
            if s.get(Sale, sale_id) is None:
                raise NotFound("That sale is not in this till's database.")
            cash = s.scalar(select(Payment.id).where(Payment.sale_id == sale_id, Payment.tender == "cash")
                            .limit(1))
        if cash is None:
            return None
        return self._kick("cash_sale", actor_code(actor), sale_id, None)

    def kicks(self, limit: int = 50) -> list[DrawerKickInfo]:
        with self._sessions() as s:
            rows = s.scalars(select(DrawerKick).order_by(DrawerKick.created_at.desc(), DrawerKick.id.desc())
                             .limit(limit))
            return [_kick_info(row) for row in rows]

    def _kick(self, reason: str, actor: str, ref_id: str, approval: Approval | None) -> DrawerKickInfo:
        drawer = self._drawer()
        url = getattr(drawer, "url", "")
        try:
            drawer.kick()
        except DrawerError as exc:
            self._log(reason, actor, ref_id, url, True, False, str(exc), approval)
            raise DeviceProblem("{reason}", reason=str(exc)) from exc
        return self._log(reason, actor, ref_id, url, True, True, "", approval)

    def _log(self, reason: str, actor: str, ref_id: str, url: str, allowed: bool, opened: bool,
             error: str, approval: Approval | None = None) -> DrawerKickInfo:
        row = DrawerKick(id=new_id(), reason=reason, actor=actor, ref_id=ref_id, device_url=url[:300],
                         allowed=allowed, opened=opened, error=error[:500], created_at=self._clock.now())
        with self._sessions.begin() as s:
            s.add(row)
            s.flush()
            audit_action(self.rules, s, AuditAction.DRAWER_OPEN, approval, subject=reason,
                         details={"opened": opened, "error": error[:200]} if error else {"opened": opened})
            return _kick_info(row)


def _kick_info(row: DrawerKick) -> DrawerKickInfo:
    return DrawerKickInfo(row.id, row.reason, row.actor, row.allowed, row.opened, row.error, row.created_at)
