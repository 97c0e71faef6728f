"""Shared set-up for the inventory tests (no tests of its own): a known store with the
factory catalog, a second store for transfers, and the inventory services."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import insert, select

from app.db.models import Product, Store
from app.db.engine import make_session_factory
from app.domain.ids import new_id
from app.services.context import TerminalContext, load_context
from app.services.inventory.purchasing import PurchasingService
from app.services.inventory.stock import StockService
from app.services.inventory.stocktake import StocktakeService
from app.services.inventory.transfers import TransferService
from tests.factories import make_store


@dataclass
class Inventory:
    sessions: object
    terminal: TerminalContext
    ids: dict
    other_store_id: str
    stock: StockService
    purchasing: PurchasingService
    stocktake: StocktakeService
    transfers: TransferService

    def product_id(self, sku: str) -> str:
        with self.sessions() as s:
            return s.scalar(select(Product.id).where(Product.sku_code == sku))


def make_inventory(engine, clock) -> Inventory:
    ids = make_store(engine, clock.now())
    other = new_id()
    with engine.begin() as conn:
        conn.execute(insert(Store).values(id=other, code="S002", name="MON 二店", address="",
                                          phone="", timezone="Asia/Shanghai", created_at=clock.now()))
    sessions = make_session_factory(engine)
    terminal = load_context(sessions, "S001", "T01")
    return Inventory(
        sessions, terminal, ids, other,
        StockService(sessions, terminal.store_id, clock, terminal.terminal_id),
        PurchasingService(sessions, terminal, clock),
        StocktakeService(sessions, terminal, clock),
        TransferService(sessions, terminal, clock),
    )
