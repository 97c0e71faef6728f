"""All inventory services for one store and terminal, built from the app's parts."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.domain.clock import Clock
from app.services.catalog import CatalogService
from app.services.context import TerminalContext
from app.services.inventory.import_export import ProductImporter
from app.services.inventory.listing import ProductList
from app.services.inventory.products import ProductService
from app.services.inventory.purchasing import PurchasingService
from app.services.inventory.reports import StockReports
from app.services.inventory.stock import StockService
from app.services.inventory.stocktake import StocktakeService
from app.services.inventory.transfers import TransferService
from app.services.auth import StaffMember
from app.services.staff_rules import StaffRules


@dataclass
class InventoryServices:
    engine: Engine
    terminal: TerminalContext
    clock: Clock
    catalog: CatalogService
    products: ProductService
    listing: ProductList
    stock: StockService
    purchasing: PurchasingService
    stocktake: StocktakeService
    transfers: TransferService
    importer: ProductImporter
    reports: StockReports

    rules: StaffRules | None = None
    actor: StaffMember | None = None  # who works at this back office (the UI passes them on)

    @classmethod
    def build(cls, engine: Engine, sessions: sessionmaker[Session], terminal: TerminalContext,
              clock: Clock, rules: StaffRules | None = None,
              actor: StaffMember | None = None) -> "InventoryServices":
        """`rules`: the till's staff rules (permission checks and audit), None for none;
        `actor`: the person the back-office screens act for."""
        store = terminal.store_id
        return cls(
            engine=engine, terminal=terminal, clock=clock, catalog=CatalogService(engine, store, clock),
            products=ProductService(sessions, store, clock, rules), listing=ProductList(engine, store),
            stock=StockService(sessions, store, clock, terminal.terminal_id, rules),
            purchasing=PurchasingService(sessions, terminal, clock, rules),
            stocktake=StocktakeService(sessions, terminal, clock, rules),
            transfers=TransferService(sessions, terminal, clock),
            importer=ProductImporter(engine, store, clock, rules),
            reports=StockReports(engine, store, clock),
            rules=rules, actor=actor,
        )
