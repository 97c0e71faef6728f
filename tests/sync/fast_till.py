"""Tills for the fault tests, made by copying one migrated, stocked database.

Migrating and loading the small catalog costs most of a second per till; the
fault tests need dozens of tills (one per hypothesis example), so each gets a
copy of a template, with the store and terminal codes of its cloud tenant.
"""
from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import update

from app.db import migrate
from app.db.engine import make_engine, make_session_factory
from app.db.models import Store, Terminal
from app.services.auth import AuthService
from app.services.catalog import CatalogService
from app.services.checkout import CheckoutService
from app.services.context import load_context
from app.sync.client import SyncClient, make_http_session, make_retry
from tests.cloud.harness import Tenant
from tests.factories import make_store
from tests.sync.tills import Till

TEMPLATE_STORE, TEMPLATE_TERMINAL = "TPLSTORE", "TPL"


@pytest.fixture(scope="session")
def till_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("till-template") / "till.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, path)
    make_store(engine, datetime(2026, 11, 25, tzinfo=timezone.utc),
               store_code=TEMPLATE_STORE, terminal_code=TEMPLATE_TERMINAL)
    with engine.begin() as conn:  # one file, no WAL beside it: safe to copy
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


class TillCopies:
    """Makes tills from the template; closes what it made."""

    def __init__(self, template: Path, folder: Path) -> None:
        self._template = template
        self._folder = folder
        self._engines = []
        self._clients = []

    def make(self, tenant: Tenant, clock, base_url: str | None = None, retries: int = 1,
             timeout: tuple[float, float] = (2.0, 20.0), batch_size: int = 500) -> Till:
        path = self._folder / f"till-{len(self._engines)}.sqlite3"
        shutil.copyfile(self._template, path)
        engine = make_engine(f"sqlite:///{path}")
        self._engines.append(engine)
        with engine.begin() as conn:
            conn.execute(update(Store).values(code=tenant.store))
            conn.execute(update(Terminal).values(code=tenant.terminal))
        sessions = make_session_factory(engine)
        ctx = load_context(sessions, tenant.store, tenant.terminal)
        catalog = CatalogService(engine, ctx.store_id, clock)
        checkout = CheckoutService(sessions, catalog, ctx, clock)
        checkout.start_sale(AuthService(sessions, ctx.store_id).login("1001", "1111"))
        client = SyncClient(sessions, base_url or tenant.base_url, tenant.token, tenant.store,
                            tenant.terminal, clock,
                            http=make_http_session(make_retry(total=retries)),
                            timeout=timeout, batch_size=batch_size)
        self._clients.append(client)
        return Till(tenant, checkout, catalog, client, sessions)

    def close(self) -> None:
        for client in self._clients:
            client.close()
        for engine in self._engines:
            engine.dispose()


@pytest.fixture
def tills(till_template, tmp_path):
    copies = TillCopies(till_template, tmp_path)
    yield copies
    copies.close()
