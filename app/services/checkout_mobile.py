"""Mobile payment at the till (微信/支付宝/银联): charge the customer's payment code,
poll and cancel an attempt, settle attempts a restart interrupted. A part of
``CheckoutService``, kept apart so each module stays readable."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.services.errors import InvalidInput
from app.services.payments import PayStatus, recognise
from app.services.payments.attempts import AttemptView
from app.services.tenders import Tender, parse_amount

if TYPE_CHECKING:
    from app.services.checkout import CompletedSale


@dataclass(frozen=True, slots=True)
class MobileOutcome:
    attempt: AttemptView
    completed: "CompletedSale | None" = None


class MobilePaying:
    """Mixed into CheckoutService (which provides draft, payments, _payable, _ctx and
    _complete_if_paid)."""

    def pay_mobile(self, code_text: str, amount_text: str = "") -> MobileOutcome:
        """Charge the customer's payment code (微信/支付宝/银联) for the due amount or less."""
        draft = self._payable()
        code = recognise(code_text)
        if code is None:
            raise InvalidInput("That is not a WeChat Pay, Alipay or UnionPay payment code. Ask "
                               "the customer to refresh the code and scan it again.")
        amount = parse_amount(amount_text, draft.due)
        if amount > draft.due:
            raise InvalidInput("A mobile payment cannot be more than what is still due ({due}).",
                               due=draft.due.format())
        attempt = self.payments.start(draft.id, code, amount,
                                      f"{self._ctx.store_name} {draft.cart.piece_count}件")
        return self._after_attempt(attempt)

    def poll_mobile(self, attempt_id: str) -> MobileOutcome:
        return self._after_attempt(self.payments.poll(attempt_id))

    def cancel_mobile(self, attempt_id: str) -> AttemptView:
        """Stop waiting: reverse it. A reversal also refunds a payment that did go
        through, so the customer is never charged for a sale that did not happen."""
        view = self.payments.cancel(attempt_id)
        if self.draft is not None and not view.is_open:
            self.draft.open_attempts.pop(attempt_id, None)
        return view

    def interrupted_payments(self) -> list[AttemptView]:
        """Mobile payments of sales that no longer exist (the till stopped mid-payment)."""
        current = self.draft.id if self.draft else None
        return [a for a in self.payments.unfinished() if a.draft_id != current]

    def settle_interrupted_payments(self) -> list[AttemptView]:
        """Reverse every interrupted payment; returns those still not settled."""
        return [view for view in (self.payments.cancel(a.id)
                                  for a in self.interrupted_payments())
                if view.status != PayStatus.REVERSED.value]

    def _after_attempt(self, attempt: AttemptView) -> MobileOutcome:
        draft = self.draft
        if draft is None or attempt.draft_id != draft.id:
            return MobileOutcome(attempt)
        if attempt.is_open:
            draft.open_attempts[attempt.id] = attempt.amount
        else:
            draft.open_attempts.pop(attempt.id, None)
        if not attempt.succeeded:
            return MobileOutcome(attempt)
        if any(t.attempt_id == attempt.id for t in draft.tenders):
            return MobileOutcome(attempt)
        draft.tenders.append(Tender(attempt.channel, attempt.amount, attempt.amount,
                                    attempt.out_trade_no, attempt.id))
        return MobileOutcome(attempt, self._complete_if_paid())

