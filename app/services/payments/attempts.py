"""Mobile payment attempts, kept on record so an unknown outcome is never forgotten.

The attempt row is committed *before* the provider is called. Whatever happens
next (a crash, a timeout, the network gone) the row says a payment may be in
flight; the till resolves it by querying and, if it is not paid, reversing it.
Only a SUCCESS becomes a tender, and the sale that uses it records the
attempt's sale id in the same transaction, so it is never used twice.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models_checkout import PaymentAttempt
from app.domain.clock import Clock
from app.domain.ids import new_id
from app.domain.money import Money
from app.services.payments.codes import PaymentCode
from app.services.payments.provider import (
    PaymentProvider, PayResult, PayStatus, ProviderUnavailable,
)
from app.sync.outbox import add_event

log = logging.getLogger(__name__)
OPEN_STATES = ("pending", PayStatus.PAYING.value, PayStatus.UNKNOWN.value)


@dataclass(frozen=True, slots=True)
class AttemptView:
    id: str
    draft_id: str
    out_trade_no: str
    channel: str
    amount: Money
    status: str
    provider_ref: str
    message: str
    sale_id: str | None

    @property
    def is_open(self) -> bool:
        """The outcome is not final yet: poll, query or reverse before moving on."""
        return self.status in OPEN_STATES

    @property
    def succeeded(self) -> bool:
        return self.status == PayStatus.SUCCESS.value


def _view(row: PaymentAttempt) -> AttemptView:
    return AttemptView(row.id, row.draft_id, row.out_trade_no, row.channel, Money(row.amount_fen),
                       row.status, row.provider_ref, row.message, row.sale_id)


class MobilePayments:
    def __init__(self, sessions: sessionmaker[Session], provider: PaymentProvider,
                 clock: Clock, terminal_code: str = "T") -> None:
        self._sessions = sessions
        self.provider = provider
        self._clock = clock
        self._terminal = terminal_code

    def start(self, draft_id: str, code: PaymentCode, amount: Money, subject: str) -> AttemptView:
        """Record the attempt, then ask the provider to take the money."""
        attempt_id = new_id()
        out_trade_no = f"{self._terminal}{attempt_id.replace('-', '')}"[:40]
        now = self._clock.now()
        with self._sessions.begin() as s:
            s.add(PaymentAttempt(id=attempt_id, draft_id=draft_id, out_trade_no=out_trade_no,
                                 provider=self.provider.name, channel=code.channel.value,
                                 amount_fen=amount.fen, code_hint=code.hint, status="pending",
                                 created_at=now, updated_at=now))
        return self._call(attempt_id, lambda: self.provider.pay(
            out_trade_no, code.code, amount.fen, subject))

    def poll(self, attempt_id: str) -> AttemptView:
        """Ask how an open attempt stands (the customer confirming, or after a timeout)."""
        view = self.get(attempt_id)
        if not view.is_open:
            return view
        return self._call(attempt_id, lambda: self.provider.query(view.out_trade_no))

    def cancel(self, attempt_id: str) -> AttemptView:
        """Give up on an attempt by reversing it; a reversal also refunds a payment that
        did go through, so nothing stays charged for a sale that did not happen."""
        view = self.get(attempt_id)
        if view.status in (PayStatus.FAILED.value, PayStatus.REVERSED.value):
            return view
        if view.sale_id is not None:
            return view  # belongs to a completed sale: refunds go through returns
        return self._call(attempt_id, lambda: self.provider.reverse(view.out_trade_no))

    def get(self, attempt_id: str) -> AttemptView:
        with self._sessions() as s:
            return _view(s.get(PaymentAttempt, attempt_id))

    def unfinished(self) -> list[AttemptView]:
        """Attempts still open, or paid but never part of a completed sale (a crash
        between payment and commit): the till must settle these before selling on."""
        with self._sessions() as s:
            rows = s.scalars(select(PaymentAttempt).where(
                PaymentAttempt.sale_id.is_(None),
                PaymentAttempt.status.in_(OPEN_STATES + (PayStatus.SUCCESS.value,))
            ).order_by(PaymentAttempt.created_at)).all()
            return [_view(r) for r in rows]

    def for_draft(self, draft_id: str) -> list[AttemptView]:
        with self._sessions() as s:
            rows = s.scalars(select(PaymentAttempt).where(PaymentAttempt.draft_id == draft_id)
                             .order_by(PaymentAttempt.created_at)).all()
            return [_view(r) for r in rows]

    def refund(self, out_trade_no: str, refund_no: str, amount: Money) -> PayResult:
        try:
            return self.provider.refund(out_trade_no, refund_no, amount.fen)
        except ProviderUnavailable as exc:
            return PayResult(PayStatus.UNKNOWN, out_trade_no, "", str(exc))

    def _call(self, attempt_id: str, call) -> AttemptView:
        try:
            result: PayResult = call()
            status, ref, message = result.status.value, result.provider_ref, result.message
        except ProviderUnavailable as exc:
            status, ref, message = PayStatus.UNKNOWN.value, "", str(exc)
        except Exception as exc:  # any provider failure leaves the outcome unknown
            log.warning("payment provider failed for attempt %s: %r", attempt_id, exc)
            status, ref, message = PayStatus.UNKNOWN.value, "", str(exc)[:200]
        now = self._clock.now()
        with self._sessions.begin() as s:
            row = s.get(PaymentAttempt, attempt_id)
            row.status, row.message, row.updated_at = status, message[:200], now
            if ref:
                row.provider_ref = ref
            if status in (PayStatus.SUCCESS.value, PayStatus.REVERSED.value):
                add_event(s, f"payment.{status}", row.id, {
                    "attempt_id": row.id, "draft_id": row.draft_id,
                    "out_trade_no": row.out_trade_no, "channel": row.channel,
                    "provider": row.provider, "amount_fen": row.amount_fen,
                    "provider_ref": row.provider_ref}, now)
            return _view(row)
