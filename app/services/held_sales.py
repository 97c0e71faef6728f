"""挂单/取单: park a sale and recall it later; parked sales survive a restart.

A held sale stores its lines as snapshots (name, price, tax as scanned), the
cashier's discounts and typed prices, the member and the salespeople; promotions
and the member's level are worked out again on recall, as they stand then.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models_checkout import HeldSale
from app.domain.cart import CartLine, ProductSnapshot
from app.domain.clock import Clock
from app.domain.money import Money
from app.domain.pricing import ManualDiscount
from app.domain.quantity import Quantity
from app.services.checkout import CheckoutService, DiscountLimit, SaleDraft
from app.services.checkout_members import CheckoutMembers
from app.services.context import TerminalContext
from app.services.errors import NotFound, StateError
from app.sync.outbox import add_event

MAX_HELD = 20  # a busy till parks a few; more means forgotten sales


@dataclass(frozen=True, slots=True)
class HeldSummary:
    id: str
    label: str
    total: Money
    piece_count: int
    line_count: int
    held_at: datetime
    first_item: str


def _product_dict(p: ProductSnapshot) -> dict[str, Any]:
    return {"product_id": p.product_id, "sku_code": p.sku_code, "barcode": p.barcode,
            "name": p.name, "unit_price_fen": p.unit_price.fen, "tax_rate_bp": p.tax_rate_bp,
            "unit": p.unit, "is_weighed": p.is_weighed, "category_ids": list(p.category_ids),
            "brand": p.brand, "open_price": p.open_price,
            "member_price_fen": p.member_price.fen if p.member_price else None,
            "floor_price_fen": p.floor_price.fen if p.floor_price else None,
            "tier_prices": [[tier, price.fen] for tier, price in p.tier_prices]}


def _product(d: dict[str, Any]) -> ProductSnapshot:
    money = lambda fen: None if fen is None else Money(fen)  # noqa: E731
    return ProductSnapshot(
        product_id=d["product_id"], sku_code=d["sku_code"], barcode=d["barcode"], name=d["name"],
        unit_price=Money(d["unit_price_fen"]), tax_rate_bp=d["tax_rate_bp"], unit=d["unit"],
        is_weighed=d["is_weighed"], category_ids=tuple(d["category_ids"]), brand=d["brand"],
        member_price=money(d["member_price_fen"]), floor_price=money(d["floor_price_fen"]),
        open_price=d["open_price"],
        tier_prices=tuple((tier, Money(fen)) for tier, fen in d.get("tier_prices", ())))


def _discount_dict(discount: ManualDiscount | None) -> dict | None:
    if discount is None:
        return None
    if discount.percent_off is not None:
        return {"percent": str(discount.percent_off), "reason": discount.reason}
    return {"amount_fen": discount.amount_off.fen, "reason": discount.reason}


def _discount(d: dict | None) -> ManualDiscount | None:
    if d is None:
        return None
    if "percent" in d:
        return ManualDiscount.percent(Decimal(d["percent"]), d.get("reason", ""))
    return ManualDiscount.amount(Money(d["amount_fen"]), d.get("reason", ""))


def draft_to_dict(draft: SaleDraft) -> dict[str, Any]:
    limit = draft.discount_limit
    return {
        "started_at": draft.started_at.isoformat(),
        "lines": [{"line_id": l.line_id, "quantity_milli": l.quantity.milli,
                   "product": _product_dict(l.product),
                   "discount": _discount_dict(draft.line_discounts.get(l.line_id)),
                   "typed_price_fen": (draft.typed_prices[l.line_id].fen
                                       if l.line_id in draft.typed_prices else None),
                   "below_floor": l.line_id in draft.below_floor}
                  for l in draft.cart.lines],
        "order_discount": _discount_dict(draft.order_discount),
        "limit": {"percent": None if limit.percent is None else str(limit.percent),
                  "amount_fen": None if limit.amount is None else limit.amount.fen},
        "member_level": draft.member_level,
        **CheckoutMembers.to_held(draft),
    }


def restore_draft(draft: SaleDraft, data: dict[str, Any]) -> None:
    """Fill an empty draft from ``draft_to_dict`` output."""
    lines = []
    for item in data["lines"]:
        line = CartLine(item["line_id"], _product(item["product"]), Quantity(item["quantity_milli"]))
        lines.append(line)
        if item["discount"]:
            draft.line_discounts[line.line_id] = _discount(item["discount"])
        if item["typed_price_fen"] is not None:
            draft.typed_prices[line.line_id] = Money(item["typed_price_fen"])
        if item["below_floor"]:
            draft.below_floor.add(line.line_id)
    draft.cart.restore(tuple(lines))
    draft.order_discount = _discount(data["order_discount"])
    limit = data["limit"]
    draft.discount_limit = DiscountLimit(
        None if limit["percent"] is None else Decimal(limit["percent"]),
        None if limit["amount_fen"] is None else Money(limit["amount_fen"]))
    draft.member_level = data.get("member_level")


class HeldSales:
    def __init__(self, sessions: sessionmaker[Session], checkout: CheckoutService,
                 context: TerminalContext, clock: Clock) -> None:
        self._sessions = sessions
        self._checkout = checkout
        self._ctx = context
        self._clock = clock

    def hold(self, label: str = "") -> HeldSummary:
        """Park the current sale and start an empty one."""
        checkout = self._checkout
        draft = checkout.draft
        if draft is None or draft.cart.is_empty():
            raise StateError("The sale is empty: there is nothing to hold.")
        if draft.tenders:
            raise StateError("Payments are already taken on this sale: finish it instead of "
                             "holding it.")
        if len(self.list()) >= MAX_HELD:
            raise StateError("{n} sales are already held. Recall or cancel one first.", n=MAX_HELD)
        now = self._clock.now()
        row = HeldSale(id=draft.id, store_id=self._ctx.store_id, terminal_id=self._ctx.terminal_id,
                       cashier_id=draft.cashier.id,
                       # unnamed, a member's sale is found again by the member's name
                       label=(label.strip() or (draft.member.summary.name if draft.member
                                                else ""))[:60],
                       total_fen=draft.total.fen, piece_count=draft.cart.piece_count,
                       line_count=len(draft.cart), held_at=now,
                       data=json.dumps(draft_to_dict(draft), ensure_ascii=False))
        with self._sessions.begin() as s:
            s.add(row)
            add_event(s, "sale.held", draft.id, {"draft_id": draft.id, "total_fen": row.total_fen,
                                                "terminal": self._ctx.terminal_code}, now)
            summary = _summary(row)
        checkout.draft = None
        checkout.start_sale(draft.cashier)
        return summary

    def list(self) -> list[HeldSummary]:
        with self._sessions() as s:
            rows = s.scalars(select(HeldSale).where(HeldSale.terminal_id == self._ctx.terminal_id)
                             .order_by(HeldSale.held_at)).all()
            return [_summary(r) for r in rows]

    def recall(self, held_id: str) -> SaleDraft:
        """Bring a held sale back as the current sale (the current one must be empty)."""
        checkout = self._checkout
        current = checkout.draft
        if current is not None and (not current.cart.is_empty() or current.tenders):
            raise StateError("Finish or hold the current sale before recalling another.")
        with self._sessions.begin() as s:
            row = s.get(HeldSale, held_id)
            if row is None:
                raise NotFound("That held sale was already recalled.")
            data = json.loads(row.data)
            s.delete(row)
        cashier = current.cashier if current is not None else None
        if cashier is None:
            raise StateError("No sale is open. Log in to start selling.")
        draft = SaleDraft(held_id, cashier, datetime.fromisoformat(data["started_at"]))
        restore_draft(draft, data)
        checkout.members.from_held(draft, data)
        checkout.draft = draft
        checkout.reprice()
        return draft


def _summary(row: HeldSale) -> HeldSummary:
    data = json.loads(row.data)
    first = data["lines"][0]["product"]["name"] if data["lines"] else ""
    return HeldSummary(row.id, row.label, Money(row.total_fen), row.piece_count, row.line_count,
                       row.held_at, first)
