"""Exchange in one go (换货): goods returned from an earlier sale pay toward the sale on
the till, and the refund is written in that sale's own transaction.

The cashier rings up the new goods, then takes the returned ones as exchange credit
(``ReturnsService.prepare_exchange`` checks them, writing nothing). The credit pays up to
what is due: the customer pays any difference with the usual tenders, or, when the
returned goods are worth more, the sale completes at once and the refund gives the rest
back in cash. Cancelling the sale, or removing the credit, drops the exchange: nothing of
it was ever written.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from app.services.errors import StateError
from app.services.tenders import Tender, make_tender

if TYPE_CHECKING:
    from app.services.checkout import CheckoutService, CompletedSale, SaleDraft
    from app.services.returns import ExchangeCredit, RefundDone

EXCHANGE = "exchange"


def add_exchange(checkout: "CheckoutService", exchange: "ExchangeCredit") -> "CompletedSale | None":
    """The returned goods' credit as a tender; completes the sale when it covers the rest."""
    draft = checkout._payable()
    if draft.exchange is not None:
        raise StateError("Goods of receipt {no} already pay toward this sale: remove that "
                         "exchange credit first.", no=draft.exchange.receipt_no)
    if exchange.cashier.id != draft.cashier.id:
        raise StateError("That exchange was started by another cashier. Start it again.")
    amount = min(exchange.credit, draft.due)
    tender = make_tender(EXCHANGE, amount, draft.due, exchange.receipt_no)
    draft.tenders.append(tender)
    draft.exchange = exchange
    try:
        return checkout._complete_if_paid()
    except Exception:  # nothing written: the draft is as before the exchange
        draft.tenders[:] = [t for t in draft.tenders if t is not tender]
        draft.exchange = None
        raise


def dropped_with(draft: "SaleDraft", removed: Tender) -> None:
    """Taking the credit off the sale takes the exchange with it."""
    if removed.kind == EXCHANGE:
        draft.exchange = None


def write_in_sale(session: Session, draft: "SaleDraft"
                  ) -> tuple[list[Tender], "RefundDone | None"]:
    """Inside the sale's transaction: write the exchange's refund; the sale's tenders
    with the credit's reference set to the refund number (on the receipt beside it)."""
    if draft.exchange is None:
        return draft.tenders, None
    credit = next(t for t in draft.tenders if t.kind == EXCHANGE)
    refund = draft.exchange.write(session, draft.id, credit.amount)
    return [replace(t, reference=refund.refund_no) if t is credit else t
            for t in draft.tenders], refund


__all__ = ["EXCHANGE", "add_exchange", "dropped_with", "write_in_sale"]
