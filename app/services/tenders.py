"""Tenders: how a sale is paid, one or several at a time (split payment).

Each tender type says whether it may exceed what is still due (only cash, which
gives change) and how a refund goes back. Stored value, points and coupons
(members issue) register here as further types.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from app.domain.money import Money, MoneyError, money_sum
from app.services.errors import InvalidInput, StateError

MAX_CASH_TENDER = Money(10_000_000)  # ¥100,000: more is a typo, not a payment


@dataclass(frozen=True, slots=True)
class TenderType:
    code: str
    name_zh: str
    name_en: str
    may_exceed_due: bool = False   # gives change
    needs_reference: bool = False
    refund_to_original: bool = True


TENDER_TYPES: dict[str, TenderType] = {t.code: t for t in (
    TenderType("cash", "现金", "Cash", may_exceed_due=True),
    TenderType("card", "银行卡", "Bank card", needs_reference=True),
    TenderType("wechat", "微信支付", "WeChat Pay", needs_reference=True),
    TenderType("alipay", "支付宝", "Alipay", needs_reference=True),
    TenderType("unionpay", "银联云闪付", "UnionPay", needs_reference=True),
    # goods returned in an exchange pay for the new ones (reference: the refund number)
    TenderType("exchange", "换货抵扣", "Exchange credit", needs_reference=True,
               refund_to_original=False),
)}
MOBILE_TENDERS = ("wechat", "alipay", "unionpay")


def register_tender_type(tender_type: TenderType) -> None:
    """Members' stored value, points and coupons add themselves here."""
    TENDER_TYPES[tender_type.code] = tender_type


def tender_name(code: str) -> str:
    known = TENDER_TYPES.get(code)
    return known.name_zh if known else code


@dataclass(frozen=True, slots=True)
class Tender:
    """One payment on the sale: ``amount`` counts toward the total; ``tendered`` is what
    the customer handed over (cash only differs); ``reference`` the card slip / trade no."""

    kind: str
    amount: Money
    tendered: Money
    reference: str = ""
    attempt_id: str | None = None

    @property
    def change(self) -> Money:
        return self.tendered - self.amount

    @property
    def name(self) -> str:
        return tender_name(self.kind)


def paid(tenders: Sequence[Tender]) -> Money:
    return money_sum(t.amount for t in tenders)


def remaining(total: Money, tenders: Sequence[Tender]) -> Money:
    return total - paid(tenders)


def parse_amount(text: str, default: Money) -> Money:
    if not text.strip():
        return default
    try:
        amount = Money.parse(text)
    except MoneyError as exc:
        raise InvalidInput("Not an amount of money: {text}", text=text) from exc
    if amount.fen <= 0:
        raise InvalidInput("Enter an amount greater than zero.")
    return amount


def make_tender(kind: str, given: Money, due: Money, reference: str = "",
                attempt_id: str | None = None) -> Tender:
    """A tender of ``given`` against what is ``due``; refuses what the type cannot take."""
    tender_type = TENDER_TYPES.get(kind)
    if tender_type is None:
        raise InvalidInput("{kind} is not a way to pay on this till.", kind=kind)
    if due.fen <= 0:
        raise StateError("The sale is already paid in full.")
    if given.fen <= 0:
        raise InvalidInput("Enter an amount greater than zero.")
    if given > due and not tender_type.may_exceed_due:
        raise InvalidInput("{tender} cannot be more than what is still due ({due}). Only cash "
                           "gives change.", tender=tender_type.name_en, due=due.format())
    if kind == "cash" and given > MAX_CASH_TENDER:
        raise InvalidInput("{given} is more cash than one sale takes. Check the amount.",
                           given=given.format())
    if tender_type.needs_reference and not reference.strip():
        raise InvalidInput("Enter the reference from the card terminal slip for {tender}.",
                           tender=tender_type.name_en)
    amount = min(given, due)
    return Tender(kind, amount, given if tender_type.may_exceed_due else amount,
                  reference.strip(), attempt_id)


def quick_cash_amounts(due: Money) -> list[Money]:
    """Exact amount, then the notes a customer would likely hand over."""
    amounts = [due]
    for step in (1000, 5000, 10000):
        rounded = Money(-(-due.fen // step) * step)
        if rounded > due and rounded not in amounts:
            amounts.append(rounded)
    for note in (2000, 5000, 10000):
        if Money(note) > due and Money(note) not in amounts:
            amounts.append(Money(note))
    return sorted(amounts)[:5]
