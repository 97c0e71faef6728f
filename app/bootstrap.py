"""Wires the database, services and devices from the settings."""
from __future__ import annotations

import logging
import logging.handlers
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.config import Config
from app.db import migrate
from app.db.engine import make_engine, make_session_factory
from app.domain.clock import Clock, SystemClock
from app.services.auth import AuthService
from app.services.catalog import CatalogService
from app.services.checkout import CheckoutService
from app.services.context import TerminalContext, load_context
from app.services.demo import database_is_empty, load_demo
from app.services.receipts import ReceiptService
from drivers.printer import open_printer

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    config: Config
    engine: Engine
    sessions: sessionmaker[Session]
    clock: Clock
    terminal: TerminalContext
    auth: AuthService
    catalog: CatalogService
    checkout: CheckoutService
    receipts: ReceiptService
    migration: migrate.MigrationResult

    def close(self) -> None:
        try:
            self.receipts.printer.close()
        finally:
            self.engine.dispose()


def setup_logging(config: Config) -> Path:
    folder = config.data_dir / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "mon-pos.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(config.log_level)
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    return path


def build(config: Config, clock: Clock | None = None) -> AppContext:
    clock = clock or SystemClock()
    config.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(config.database_url)
    result = migrate.upgrade(engine, config.database_path, config.backup_keep)
    if config.demo_data and database_is_empty(engine):
        load_demo(engine, clock)
    sessions = make_session_factory(engine)
    terminal = load_context(sessions, config.store_code, config.terminal_code)
    catalog = CatalogService(engine, terminal.store_id, clock)
    printer = open_printer(config.printer_url, config.data_dir)
    return AppContext(
        config=config, engine=engine, sessions=sessions, clock=clock, terminal=terminal,
        auth=AuthService(sessions, terminal.store_id), catalog=catalog,
        checkout=CheckoutService(sessions, catalog, terminal, clock),
        receipts=ReceiptService(sessions, terminal, printer), migration=result,
    )
