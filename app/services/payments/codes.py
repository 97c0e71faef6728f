"""Customers' payment codes (付款码) and which wallet they belong to.

A cashier scans the code shown in the customer's app; the wallet is known from
the prefix and length alone (the providers publish these ranges):
WeChat Pay 18 digits starting 10-15, Alipay 16-24 digits starting 25-30,
UnionPay QuickPass 19 digits starting 62.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Channel(str, Enum):
    WECHAT = "wechat"
    ALIPAY = "alipay"
    UNIONPAY = "unionpay"


@dataclass(frozen=True, slots=True)
class PaymentCode:
    code: str
    channel: Channel

    @property
    def hint(self) -> str:
        """What may be stored and shown: the code is a bearer token, so mask it."""
        return f"{self.code[:4]}****{self.code[-4:]}"


def _in(prefix: str, first: int, last: int) -> bool:
    return first <= int(prefix) <= last


def recognise(raw: str) -> PaymentCode | None:
    """The wallet of a scanned payment code, or None when it is not one."""
    code = "".join(ch for ch in str(raw) if not ch.isspace())
    if not code.isdigit():
        return None
    head = code[:2]
    if len(code) == 18 and _in(head, 10, 15):
        return PaymentCode(code, Channel.WECHAT)
    if 16 <= len(code) <= 24 and _in(head, 25, 30):
        return PaymentCode(code, Channel.ALIPAY)
    if len(code) == 19 and head == "62":
        return PaymentCode(code, Channel.UNIONPAY)
    return None
