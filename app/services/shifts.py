"""Shifts and cash: no sale without an open shift; float, pay-in/out, safe drops;
blind close by denomination; X and Z reports; handover (交接班) on the same till.

A shift covers the sales, refunds and voids of its terminal between its opening
and its close (shifts on one terminal never overlap), so checkout needs no
shift column. Report figures come from section queries and tender flows held
in registries: a new kind of document (say, stored-value top-ups paid in cash)
registers one function and appears in the X/Z reports and in expected cash.
Everything is local: a shift closed offline closes, and its outbox event
carries the figures to the cloud later.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import Payment, Sale, User
from app.db.models_checkout import CheckoutVoid, HeldSale, Refund, RefundPayment
from app.db.models_staff import CashMovement, Shift, ShiftTenderCount
from app.domain.clock import Clock, to_local
from app.domain.ids import new_id
from app.domain.money import Money
from app.domain.receipt import Cut, Feed, ReceiptDocument, Rule
from app.domain.textwidth import pad_left, pad_right, truncate
from app.services.audit import AuditAction, AuditLog
from app.services.auth import StaffMember
from app.services.context import TerminalContext
from app.services.errors import InvalidInput, StateError
from app.services.permissions import ManagerApproval, Permission, PermissionService
from app.services.tenders import tender_name
from app.sync.outbox import add_event

# CNY notes and coins counted at the close, in fen: 100, 50, 20, 10, 5, 1, 0.5, 0.1 yuan
CNY_DENOMINATIONS: tuple[int, ...] = (10000, 5000, 2000, 1000, 500, 100, 50, 10)
MAX_CASH_AMOUNT = Money(10_000_000)  # ¥100,000 in one movement is a typo
MAX_PIECES = 100_000


class Movement:
    FLOAT = "float"
    PAY_IN = "pay_in"
    PAY_OUT = "pay_out"
    SAFE_DROP = "safe_drop"
    HANDOVER_IN = "handover_in"  # the counted drawer of the shift before, as this one's float


MOVEMENT_NAMES = {Movement.FLOAT: "备用金", Movement.PAY_IN: "收入 Pay in",
                  Movement.PAY_OUT: "支出 Pay out", Movement.SAFE_DROP: "存保险柜 Safe drop",
                  Movement.HANDOVER_IN: "交接备用金 Handover"}


class NoOpenShift(StateError):
    template = "No shift is open on this till. Open a shift with the opening float before selling."


@dataclass(frozen=True, slots=True)
class ShiftInfo:
    id: str
    seq: int
    terminal_id: str
    cashier_id: str
    cashier_name: str
    opened_at: datetime
    opening_float: Money
    status: str
    closed_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Window:
    """What a report covers: one shift's terminal and time span (both ends included)."""

    shift_id: str
    terminal_id: str
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class ReportLine:
    key: str       # stable id: sales, returns, discounts, rounding, void_line, ...
    label: str     # as printed (Chinese, the receipt's language)
    count: int | None
    amount: Money


@dataclass(frozen=True, slots=True)
class TenderFigure:
    tender: str
    expected: Money
    counted: Money | None = None

    @property
    def difference(self) -> Money | None:
        """长短款: over (> 0) or short (< 0); None until counted."""
        return None if self.counted is None else self.counted - self.expected


@dataclass(frozen=True, slots=True)
class ShiftReport:
    kind: str  # "X" mid-shift, "Z" at the close
    shift: ShiftInfo
    generated_at: datetime
    lines: tuple[ReportLine, ...]
    movements: tuple[ReportLine, ...]
    tenders: tuple[TenderFigure, ...]

    def line(self, key: str) -> ReportLine | None:
        return next((l for l in self.lines if l.key == key), None)

    def tender(self, code: str) -> TenderFigure | None:
        return next((t for t in self.tenders if t.tender == code), None)

    @property
    def over_short(self) -> Money:
        return Money(sum((t.difference.fen for t in self.tenders if t.difference is not None), 0))

    def as_dict(self) -> dict:
        return {"kind": self.kind, "shift_id": self.shift.id, "seq": self.shift.seq,
                "generated_at": self.generated_at.isoformat(),
                "lines": [{"key": l.key, "count": l.count, "amount_fen": l.amount.fen} for l in self.lines],
                "movements": [{"key": m.key, "amount_fen": m.amount.fen} for m in self.movements],
                "tenders": [{"tender": t.tender, "expected_fen": t.expected.fen,
                             "counted_fen": None if t.counted is None else t.counted.fen,
                             "difference_fen": None if t.difference is None else t.difference.fen}
                            for t in self.tenders],
                "over_short_fen": self.over_short.fen}


# --- pluggable figures ----------------------------------------------------------
Section = Callable[[Session, Window], list[ReportLine]]
TenderFlow = Callable[[Session, Window], dict[str, int]]  # tender -> fen into the till
REPORT_SECTIONS: list[Section] = []
TENDER_FLOWS: list[TenderFlow] = []


def register_section(section: Section) -> Section:
    REPORT_SECTIONS.append(section)
    return section


def register_tender_flow(flow: TenderFlow) -> TenderFlow:
    TENDER_FLOWS.append(flow)
    return flow


@register_section
def _sales(s: Session, w: Window) -> list[ReportLine]:
    count, total, discount, rounding = s.execute(
        select(func.count(), func.coalesce(func.sum(Sale.total_fen), 0),
               func.coalesce(func.sum(Sale.discount_fen), 0),
               func.coalesce(func.sum(Sale.rounding_fen), 0))
        .where(Sale.terminal_id == w.terminal_id, Sale.completed_at.between(w.start, w.end))).one()
    return [ReportLine("sales", "销售 Sales", count, Money(total)),
            ReportLine("discounts", "折扣 Discounts", None, Money(discount)),
            ReportLine("rounding", "抹零 Rounding", None, Money(rounding))]


@register_section
def _returns(s: Session, w: Window) -> list[ReportLine]:
    count, total = s.execute(
        select(func.count(), func.coalesce(func.sum(Refund.total_fen), 0))
        .where(Refund.terminal_id == w.terminal_id, Refund.created_at.between(w.start, w.end))).one()
    return [ReportLine("returns", "退货 Returns", count, Money(total))]


@register_section
def _voids(s: Session, w: Window) -> list[ReportLine]:
    rows = dict((kind, (n, fen)) for kind, n, fen in s.execute(
        select(CheckoutVoid.kind, func.count(), func.coalesce(func.sum(CheckoutVoid.amount_fen), 0))
        .where(CheckoutVoid.terminal_id == w.terminal_id,
               CheckoutVoid.created_at.between(w.start, w.end))
        .group_by(CheckoutVoid.kind)))
    line_n, line_fen = rows.get("line", (0, 0))
    sale_n, sale_fen = rows.get("sale", (0, 0))
    return [ReportLine("void_line", "删除商品 Voided lines", line_n, Money(line_fen)),
            ReportLine("void_sale", "取消交易 Cancelled sales", sale_n, Money(sale_fen))]


@register_section
def _held(s: Session, w: Window) -> list[ReportLine]:
    count, total = s.execute(
        select(func.count(), func.coalesce(func.sum(HeldSale.total_fen), 0))
        .where(HeldSale.terminal_id == w.terminal_id, HeldSale.held_at <= w.end)).one()
    return [ReportLine("held", "挂单 Held sales", count, Money(total))]


@register_tender_flow
def _payments(s: Session, w: Window) -> dict[str, int]:
    return dict(s.execute(
        select(Payment.tender, func.sum(Payment.amount_fen)).join(Sale, Sale.id == Payment.sale_id)
        .where(Sale.terminal_id == w.terminal_id, Sale.completed_at.between(w.start, w.end))
        .group_by(Payment.tender)).all())


@register_tender_flow
def _refunds(s: Session, w: Window) -> dict[str, int]:
    return {t: -fen for t, fen in s.execute(
        select(RefundPayment.tender, func.sum(RefundPayment.amount_fen))
        .join(Refund, Refund.id == RefundPayment.refund_id)
        .where(Refund.terminal_id == w.terminal_id, Refund.created_at.between(w.start, w.end))
        .group_by(RefundPayment.tender))}


@register_tender_flow
def _cash_movements(s: Session, w: Window) -> dict[str, int]:
    fen = s.scalar(select(func.coalesce(func.sum(CashMovement.amount_fen), 0))
                   .where(CashMovement.shift_id == w.shift_id))
    return {"cash": fen}


def count_total(denominations: dict[int, int]) -> Money:
    """The cash counted: pieces per denomination (in fen) -> total. Refuses odd input."""
    total = 0
    for value, pieces in denominations.items():
        if value not in CNY_DENOMINATIONS:
            raise InvalidInput("{value} is not a CNY note or coin.", value=Money(value).format())
        if not isinstance(pieces, int) or not 0 <= pieces <= MAX_PIECES:
            raise InvalidInput("Type a whole number of pieces from 0 to {n}.", n=MAX_PIECES)
        total += value * pieces
    return Money(total)


class ShiftService:
    def __init__(self, sessions: sessionmaker[Session], context: TerminalContext,
                 perms: PermissionService, audit: AuditLog, clock: Clock) -> None:
        self._sessions = sessions
        self._ctx = context
        self._perms = perms
        self._audit = audit
        self._clock = clock

    @property
    def terminal(self) -> TerminalContext:
        return self._ctx

    # --- state ---------------------------------------------------------------------
    def current(self, terminal_id: str | None = None) -> ShiftInfo | None:
        with self._sessions() as s:
            shift = _open_shift(s, terminal_id or self._ctx.terminal_id)
            return _info(s, shift) if shift is not None else None

    def require_open_shift(self, terminal_id: str | None = None) -> ShiftInfo:
        """For checkout: the open shift of this till, or StateError (no sale without one)."""
        info = self.current(terminal_id)
        if info is None:
            raise NoOpenShift()
        return info

    # --- opening and cash movements -------------------------------------------------
    def open_shift(self, actor: StaffMember, opening_float: Money,
                   approver: ManagerApproval | None = None) -> ShiftInfo:
        approval = self._perms.require(actor, Permission.OPEN_SHIFT, approver)
        _check_amount(opening_float, allow_zero=True)
        with self._sessions.begin() as s:
            shift = self._new_shift(s, actor, opening_float, None, Movement.FLOAT)
            self._audit.append(s, AuditAction.SHIFT_OPENED, actor, approval=approval,
                               subject=shift.id, details={"seq": shift.seq,
                                                          "float_fen": opening_float.fen})
            return _info(s, shift)

    def pay_in(self, actor: StaffMember, amount: Money, reason: str,
               approver: ManagerApproval | None = None) -> None:
        self._move(actor, Permission.PAY_IN_OUT, Movement.PAY_IN, amount, reason, approver)

    def pay_out(self, actor: StaffMember, amount: Money, reason: str,
                approver: ManagerApproval | None = None) -> None:
        self._move(actor, Permission.PAY_IN_OUT, Movement.PAY_OUT, amount, reason, approver)

    def safe_drop(self, actor: StaffMember, amount: Money, reason: str = "",
                  approver: ManagerApproval | None = None) -> None:
        self._move(actor, Permission.SAFE_DROP, Movement.SAFE_DROP, amount, reason, approver)

    def _move(self, actor: StaffMember, permission: Permission, kind: str, amount: Money,
              reason: str, approver: ManagerApproval | None) -> None:
        approval = self._perms.require(actor, permission, approver)
        _check_amount(amount)
        reason = reason.strip()
        if kind != Movement.SAFE_DROP and not reason:
            raise InvalidInput("Say why the cash goes in or out (for example: change from the bank).")
        with self._sessions.begin() as s:
            shift = self._require_open(s)
            signed = amount.fen if kind == Movement.PAY_IN else -amount.fen
            if signed < 0 and amount.fen > self._expected(s, shift)["cash"]:
                raise InvalidInput("The drawer does not hold {amount}. Check the amount.",
                                   amount=amount.format())
            self._add_movement(s, shift, kind, signed, reason, actor, approval.approver)
            self._audit.append(s, AuditAction.CASH_MOVEMENT, actor, approval=approval,
                               subject=shift.id, details={"kind": kind, "amount_fen": signed,
                                                          "reason": reason})

    # --- reports -----------------------------------------------------------------------
    def x_report(self, actor: StaffMember, approver: ManagerApproval | None = None) -> ShiftReport:
        """Mid-shift figures (no close). Shows expected cash, so it needs view_reports."""
        approval = self._perms.require(actor, Permission.VIEW_REPORTS, approver)
        with self._sessions.begin() as s:
            shift = self._require_open(s)
            report = self._report(s, shift, "X", counts=None)
            self._audit.append(s, AuditAction.X_REPORT, actor, approval=approval, subject=shift.id)
            return report

    def z_report(self, shift_id: str) -> ShiftReport:
        """A closed shift's figures, as they were counted (for a reprint)."""
        with self._sessions() as s:
            shift = s.get(Shift, shift_id)
            if shift is None or shift.status != "closed":
                raise StateError("That shift is not closed yet; print an X report instead.")
            counts = {c.tender: Money(c.counted_fen) for c in
                      s.scalars(select(ShiftTenderCount).where(ShiftTenderCount.shift_id == shift_id))}
            return self._report(s, shift, "Z", counts)

    def document(self, report: ShiftReport, columns: int) -> ReceiptDocument:
        return build_report_document(report, self._ctx, columns)

    # --- closing -----------------------------------------------------------------------
    def close_shift(self, actor: StaffMember, denominations: dict[int, int],
                    other_counts: dict[str, Money] | None = None,
                    approver: ManagerApproval | None = None) -> ShiftReport:
        """Blind close: the cashier enters the count first; expected, over/short come back
        only in the Z report. Tenders not counted (mobile, card) are taken as expected."""
        approval = self._perms.require(actor, Permission.CLOSE_SHIFT, approver)
        counted_cash = count_total(denominations)
        with self._sessions.begin() as s:
            shift = self._require_open(s)
            report = self._close(s, shift, actor, denominations, counted_cash, other_counts or {})
            self._audit.append(s, AuditAction.SHIFT_CLOSED, actor, approval=approval,
                               subject=shift.id, details={"over_short_fen": report.over_short.fen,
                                                          "counted_cash_fen": counted_cash.fen})
            return report

    def handover(self, actor: StaffMember, denominations: dict[int, int], next_cashier: StaffMember,
                 approver: ManagerApproval | None = None) -> tuple[ShiftReport, ShiftInfo]:
        """交接班: close with a blind count; the counted drawer opens the next cashier's shift."""
        approval = self._perms.require(actor, Permission.CLOSE_SHIFT, approver)
        self._perms.require(next_cashier, Permission.OPEN_SHIFT)
        counted_cash = count_total(denominations)
        with self._sessions.begin() as s:
            shift = self._require_open(s)
            report = self._close(s, shift, actor, denominations, counted_cash, {})
            nxt = self._new_shift(s, next_cashier, counted_cash, shift, Movement.HANDOVER_IN)
            self._audit.append(s, AuditAction.SHIFT_HANDOVER, actor, approval=approval,
                               subject=shift.id, details={"next_shift": nxt.id, "to": next_cashier.code,
                                                          "over_short_fen": report.over_short.fen,
                                                          "handed_over_fen": counted_cash.fen})
            return report, _info(s, nxt)

    def _close(self, s: Session, shift: Shift, actor: StaffMember, denominations: dict[int, int],
               counted_cash: Money, other_counts: dict[str, Money]) -> ShiftReport:
        now = self._clock.now()
        shift.status, shift.closed_at, shift.closed_by_id = "closed", now, actor.id
        shift.denominations = json.dumps({str(k): v for k, v in sorted(denominations.items())})
        s.flush()
        expected = self._expected(s, shift)
        counts = {t: other_counts.get(t, Money(fen)) for t, fen in expected.items()}
        counts["cash"] = counted_cash
        report = self._report(s, shift, "Z", counts)
        s.add_all(ShiftTenderCount(shift_id=shift.id, tender=t.tender, expected_fen=t.expected.fen,
                                   counted_fen=t.counted.fen, difference_fen=t.difference.fen)
                  for t in report.tenders)
        shift.report = json.dumps(report.as_dict(), ensure_ascii=False, sort_keys=True)
        add_event(s, "shift.closed", shift.id, {**self._event_base(shift), "closed_by": actor.code,
                                                "denominations": json.loads(shift.denominations),
                                                "report": report.as_dict()}, now)
        return report

    # --- internals -------------------------------------------------------------------
    def _new_shift(self, s: Session, cashier: StaffMember, opening_float: Money,
                   previous: Shift | None, kind: str) -> Shift:
        terminal_id = self._ctx.terminal_id
        if _open_shift(s, terminal_id) is not None:
            raise StateError("A shift is already open on this till. Close it or hand it over first.")
        last = s.scalar(select(Shift).where(Shift.terminal_id == terminal_id)
                        .order_by(Shift.seq.desc()).limit(1))
        now = self._clock.now()
        if last is not None and last.closed_at is not None and now <= last.closed_at:
            now = last.closed_at + timedelta(microseconds=1)  # windows never overlap
        shift = Shift(id=new_id(), store_id=self._ctx.store_id, terminal_id=terminal_id,
                      seq=(last.seq + 1) if last else 1, cashier_id=cashier.id, status="open",
                      opening_float_fen=opening_float.fen, opened_at=now,
                      previous_shift_id=previous.id if previous else None)
        s.add(shift)
        s.flush()
        add_event(s, "shift.opened", shift.id, {**self._event_base(shift), "cashier": cashier.code,
                                                "opening_float_fen": opening_float.fen,
                                                "previous_shift_id": shift.previous_shift_id}, now)
        self._add_movement(s, shift, kind, opening_float.fen, "", cashier, None, at=now)
        return shift

    def _add_movement(self, s: Session, shift: Shift, kind: str, signed_fen: int, reason: str,
                      actor: StaffMember, approver: StaffMember | None,
                      at: datetime | None = None) -> None:
        at = at or self._clock.now()
        row = CashMovement(id=new_id(), shift_id=shift.id, kind=kind, amount_fen=signed_fen,
                           reason=reason, actor_id=actor.id,
                           approver_id=approver.id if approver else None, created_at=at)
        s.add(row)
        add_event(s, "shift.cash_movement", shift.id, {
            **self._event_base(shift), "movement_id": row.id, "kind": kind,
            "amount_fen": signed_fen, "reason": reason, "actor": actor.code,
            "approver": approver.code if approver else None}, at)

    def _event_base(self, shift: Shift) -> dict:
        return {"shift_id": shift.id, "seq": shift.seq, "store": self._ctx.store_code,
                "terminal": self._ctx.terminal_code}

    def _require_open(self, s: Session) -> Shift:
        shift = _open_shift(s, self._ctx.terminal_id)
        if shift is None:
            raise NoOpenShift()
        return shift

    def _window(self, shift: Shift) -> Window:
        return Window(shift.id, shift.terminal_id, shift.opened_at,
                      shift.closed_at or self._clock.now())

    def _expected(self, s: Session, shift: Shift) -> dict[str, int]:
        window = self._window(shift)
        totals: dict[str, int] = {"cash": 0}
        for flow in TENDER_FLOWS:
            for tender, fen in flow(s, window).items():
                totals[tender] = totals.get(tender, 0) + int(fen or 0)
        return totals

    def _report(self, s: Session, shift: Shift, kind: str,
                counts: dict[str, Money] | None) -> ShiftReport:
        window = self._window(shift)
        lines = tuple(line for section in REPORT_SECTIONS for line in section(s, window))
        movements = tuple(
            ReportLine(k, MOVEMENT_NAMES.get(k, k), n, Money(fen)) for k, n, fen in s.execute(
                select(CashMovement.kind, func.count(), func.sum(CashMovement.amount_fen))
                .where(CashMovement.shift_id == shift.id).group_by(CashMovement.kind)
                .order_by(func.min(CashMovement.created_at))))
        expected = self._expected(s, shift)
        tenders = tuple(TenderFigure(t, Money(fen), None if counts is None else counts.get(t))
                        for t, fen in sorted(expected.items(), key=lambda kv: kv[0] != "cash"))
        return ShiftReport(kind, _info(s, shift), window.end, lines, movements, tenders)


def _open_shift(s: Session, terminal_id: str) -> Shift | None:
    return s.scalar(select(Shift).where(Shift.terminal_id == terminal_id, Shift.status == "open"))


def _info(s: Session, shift: Shift) -> ShiftInfo:
    user = s.get(User, shift.cashier_id)
    return ShiftInfo(shift.id, shift.seq, shift.terminal_id, shift.cashier_id,
                     user.name if user else "", shift.opened_at, Money(shift.opening_float_fen),
                     shift.status, shift.closed_at)


def _check_amount(amount: Money, allow_zero: bool = False) -> None:
    if amount.fen < 0 or (amount.fen == 0 and not allow_zero):
        raise InvalidInput("Type an amount above zero.")
    if amount > MAX_CASH_AMOUNT:
        raise InvalidInput("{amount} is more cash than a till holds. Check the amount.",
                           amount=amount.format())


# --- the X / Z report on paper ------------------------------------------------------
def build_report_document(report: ShiftReport, ctx: TerminalContext, columns: int) -> ReceiptDocument:
    doc = ReceiptDocument(columns)
    title = "X 报表 (未交班)" if report.kind == "X" else "Z 报表 (交班)"
    doc.text(ctx.store_name, "center", bold=True)
    doc.text(title, "center", bold=True, double=True)
    info = report.shift
    doc.text(f"机号: {ctx.terminal_code}  班次: {info.seq}  收银员: {info.cashier_name}")
    doc.text(f"开班: {_local(info.opened_at, ctx)}")
    doc.text(f"{'交班' if report.kind == 'Z' else '打印'}: {_local(report.generated_at, ctx)}")
    doc.add(Rule())
    for line in report.lines:
        doc.text(_row(line.label, "" if line.count is None else str(line.count),
                      line.amount.plain(), columns))
    doc.add(Rule())
    doc.text("现金收支 Cash movements", bold=True)
    for move in report.movements:
        doc.text(_row(move.label, str(move.count), move.amount.plain(), columns))
    doc.add(Rule())
    _add_tenders(doc, report, columns)
    doc.add(Feed(2))
    doc.add(Cut())
    return doc


def _add_tenders(doc: ReceiptDocument, report: ShiftReport, columns: int) -> None:
    counted = report.kind == "Z"
    doc.text(_row("支付方式", "应收", "实收  差额" if counted else "", columns), bold=True)
    for t in report.tenders:
        name = tender_name(t.tender)
        if counted and t.counted is not None:
            doc.text(_row(name, t.expected.plain(), f"{t.counted.plain()} {t.difference.plain():>6}",
                          columns))
        else:
            doc.text(_row(name, t.expected.plain(), "", columns))
    if counted:
        diff = report.over_short
        word = "长款 over" if diff.fen > 0 else "短款 short" if diff.fen < 0 else "长短款"
        doc.add(Rule())
        doc.text(_row(word, "", diff.plain(), columns), bold=True)


def _row(label: str, middle: str, right: str, columns: int) -> str:
    right_w = max(12, len(right) + 1)
    middle_w = 10
    label_w = max(4, columns - middle_w - right_w)
    return pad_right(truncate(label, label_w), label_w) + pad_left(middle, middle_w) + \
        pad_left(right, right_w)


def _local(moment: datetime, ctx: TerminalContext) -> str:
    return to_local(moment, ctx.tz).strftime("%Y-%m-%d %H:%M")
