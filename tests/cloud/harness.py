"""A real cloud server for integration tests, on SQLite or (MON_TEST_PG_URL) PostgreSQL.

The server runs in a subprocess on a free loopback port, so tests talk HTTP to
it exactly as a till would. Each test makes its own merchant and store (with
unique codes), so one server per test session is enough and tests stay apart.
On PostgreSQL the session gets a fresh schema, dropped afterwards.
"""
from __future__ import annotations

import itertools
import os
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import requests
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from cloud import migrate, tenancy
from cloud.db import Database

ROOT = Path(__file__).resolve().parents[2]
PG_ENV = "MON_TEST_PG_URL"
STARTUP_TIMEOUT_S = 30.0
HTTP_TIMEOUT = (3.0, 30.0)
_counter = itertools.count(1)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def unique(prefix: str, width: int = 12) -> str:
    return f"{prefix}{next(_counter)}{uuid.uuid4().hex}"[:width]


class CloudDatabase:
    """A fresh cloud database: a SQLite file, or a new schema in MON_TEST_PG_URL."""

    def __init__(self, tmp_dir: Path) -> None:
        pg_url = os.environ.get(PG_ENV, "").strip()
        self.schema: str | None = None
        self._pg_url = pg_url
        if pg_url:
            self.schema = f"mon_test_{uuid.uuid4().hex[:12]}"
            admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE SCHEMA "{self.schema}"'))
            admin.dispose()
            url = make_url(pg_url).update_query_dict({"options": f"-csearch_path={self.schema}"})
            self.url = url.render_as_string(hide_password=False)
        else:
            self.url = f"sqlite:///{tmp_dir / 'cloud.sqlite3'}"
        self.database = Database(self.url)
        try:
            migrate.upgrade(self.database)
        except Exception:
            self.drop()  # leave no schema behind when setup fails
            raise

    @property
    def is_postgres(self) -> bool:
        return self.schema is not None

    def drop(self) -> None:
        self.database.dispose()
        if self.schema:
            admin = create_engine(self._pg_url, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'DROP SCHEMA "{self.schema}" CASCADE'))
            admin.dispose()


class CloudServer:
    """`mon-cloud serve` in a subprocess; stopped (and killed if need be) on close."""

    def __init__(self, database_url: str, log_path: Path, workers: int = 1) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._log = open(log_path, "wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "cloud.cli", "--database-url", database_url, "serve",
             "--host", "127.0.0.1", "--port", str(self.port), "--workers", str(workers),
             "--no-access-log"],
            cwd=ROOT, stdout=self._log, stderr=subprocess.STDOUT)
        self._wait_until_up(log_path)

    def _wait_until_up(self, log_path: Path) -> None:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"cloud server exited: {log_path.read_text()[-2000:]}")
            try:
                if requests.get(self.base_url + "/api/v1/health", timeout=1).ok:
                    return
            except requests.RequestException:
                time.sleep(0.1)
        self.close()
        raise RuntimeError(f"cloud server did not start in {STARTUP_TIMEOUT_S}s")

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self._log.close()


@dataclass
class Tenant:
    """One merchant with one store and an enrolled terminal, plus an admin token."""

    base_url: str
    merchant_id: str
    merchant: str
    store: str
    terminal: str
    token: str
    admin_token: str

    def headers(self, admin: bool = False) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.admin_token if admin else self.token}"}


def make_tenant(db: Database, base_url: str, store: str | None = None,
                terminal: str = "T01", merchant: str | None = None) -> Tenant:
    """Set up tenancy directly in the database, then enrol over HTTP as a till would."""
    now = datetime.now(timezone.utc)
    store = store or unique("S", 12)
    with db.write() as conn:
        if merchant is None:
            merchant = unique("商户", 20)
            merchant_id = tenancy.create_merchant(conn, merchant, now)
            tenancy.create_store(conn, merchant, store, "测试店", now)
        else:
            merchant_id = tenancy.find_merchant(conn, merchant)
            if not conn.scalar(text("SELECT 1 FROM store WHERE code = :c"), {"c": store}):
                tenancy.create_store(conn, merchant, store, "测试店", now)
        code = tenancy.issue_enrolment_code(conn, store, terminal, now)
        admin_token = tenancy.create_admin(conn, merchant, "hq", now)
    answer = requests.post(base_url + "/api/v1/enrol", json={"code": code}, timeout=HTTP_TIMEOUT)
    answer.raise_for_status()
    return Tenant(base_url, merchant_id, merchant, store, terminal, answer.json()["token"],
                  admin_token)


def sale_event(tenant: Tenant, seq: int, lines: list[tuple[str, int]] | None = None,
               event_id: str | None = None, **overrides) -> dict:
    """A sale.completed event as the till's outbox produces it; lines are (sku, milli)."""
    lines = lines or [("D0001", 2000)]
    sale_lines = [dict(line_no=i, product_id=str(uuid.uuid4()), sku_code=sku, barcode="",
                       name="商品", unit_price_fen=350, quantity_milli=qty,
                       amount_fen=350 * qty // 1000, tax_rate_bp=1300, tax_fen=40)
                  for i, (sku, qty) in enumerate(lines, start=1)]
    total = sum(line["amount_fen"] for line in sale_lines)
    event = {
        "id": event_id or str(uuid.uuid4()), "seq": seq, "kind": "sale.completed",
        "schema_version": 1, "store": tenant.store, "terminal": tenant.terminal,
        "created_at": "2026-11-25T08:00:00+00:00",
        "payload": {"sale_id": str(uuid.uuid4()), "receipt_no": f"{tenant.store}-{seq}",
                    "store": tenant.store, "terminal": tenant.terminal,
                    "business_date": "2026-11-25", "cashier_id": str(uuid.uuid4()),
                    "completed_at": "2026-11-25T08:00:00+00:00", "total_fen": total,
                    "tax_fen": 40, "paid_fen": total, "change_fen": 0, "lines": sale_lines,
                    "payments": [{"tender": "cash", "amount_fen": total}]},
    }
    event.update(overrides)
    return event
