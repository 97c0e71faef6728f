"""Voided lines and cancelled sales: recorded for loss prevention, never deleted."""
from __future__ import annotations

import json
from datetime import datetime
from typing import Sequence

from sqlalchemy.orm import Session, sessionmaker

from app.db.models_checkout import CheckoutVoid
from app.domain.cart import CartLine
from app.domain.ids import new_id
from app.domain.money import Money
from app.services.context import TerminalContext
from app.sync.outbox import add_event


def record_void(sessions: sessionmaker[Session], ctx: TerminalContext, draft_id: str,
                cashier_id: str, kind: str, lines: Sequence[CartLine], amount: Money,
                reason: str, now: datetime, tenders: Sequence = ()) -> str:
    """``tenders`` taken before a cancel are recorded too: card payments must then be
    voided on the card terminal, and the record shows which."""
    payload = {"draft_id": draft_id, "kind": kind, "reason": reason, "amount_fen": amount.fen,
               "store": ctx.store_code, "terminal": ctx.terminal_code, "cashier_id": cashier_id,
               "lines": [{"product_id": l.product.product_id, "sku_code": l.product.sku_code,
                          "name": l.product.name, "quantity_milli": l.quantity.milli,
                          "unit_price_fen": l.product.unit_price.fen} for l in lines],
               "tenders": [{"tender": t.kind, "amount_fen": t.amount.fen,
                            "reference": t.reference} for t in tenders]}
    void_id = new_id()
    with sessions.begin() as s:
        s.add(CheckoutVoid(id=void_id, store_id=ctx.store_id, terminal_id=ctx.terminal_id,
                           cashier_id=cashier_id, draft_id=draft_id, kind=kind,
                           amount_fen=amount.fen,
                           payload=json.dumps(payload, ensure_ascii=False), created_at=now))
        add_event(s, f"checkout.{kind}_voided", void_id, payload, now)
    return void_id
