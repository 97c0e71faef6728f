"""The payment-provider interface: a micropay (付款码支付) as the real APIs behave.

``pay`` answers SUCCESS, PAYING (the customer must confirm a password in the
app: poll ``query``), FAILED, or UNKNOWN (a timeout or a system error: the
money may or may not have moved, so ``query`` and, if still not paid,
``reverse``). Every call is idempotent by the merchant's out-trade-number, so a
retried ``pay`` never charges twice.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Protocol


class PayStatus(str, Enum):
    SUCCESS = "success"
    PAYING = "paying"
    FAILED = "failed"
    UNKNOWN = "unknown"
    REVERSED = "reversed"
    REFUNDED = "refunded"


@dataclass(frozen=True, slots=True)
class PayResult:
    status: PayStatus
    out_trade_no: str
    provider_ref: str = ""
    message: str = ""


class PaymentProvider(Protocol):
    name: str

    def pay(self, out_trade_no: str, auth_code: str, amount_fen: int,
            subject: str) -> PayResult: ...

    def query(self, out_trade_no: str) -> PayResult: ...

    def reverse(self, out_trade_no: str) -> PayResult:
        """Cancel an unfinished or unknown payment; refunds it if it did go through."""
        ...

    def refund(self, out_trade_no: str, refund_no: str, amount_fen: int) -> PayResult: ...


class ProviderUnavailable(Exception):
    """The provider could not be reached at all (the outcome is unknown)."""
