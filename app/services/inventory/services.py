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

    @classmethod
    def build(cls, engine: Engine, sessions: sessionmaker[Session], terminal: TerminalContext,
              clock: Clock) -> "InventoryServices":
        store = terminal.store_id
        return cls(
            engine=engine, terminal=terminal, clock=clock, catalog=CatalogService(engine, store, clock),
            products=ProductService(sessions, store, clock), listing=ProductList(engine, store),
            stock=StockService(sessions, store, clock, terminal.terminal_id),
            purchasing=PurchasingService(sessions, terminal, clock),
            stocktake=StocktakeService(sessions, terminal, clock),
            transfers=TransferService(sessions, terminal, clock),
            importer=ProductImporter(engine, store, clock),
            reports=StockReports(engine, store, clock),
        )
