"""Processes to kill and the bookkeeping that proves nothing was lost or counted twice.

KillableCloud is `mon-cloud serve` in a subprocess on a fixed port, so it can be
SIGKILLed mid-batch and started again where the till expects it. `start_till`
runs tests/sync/fault_till_main.py: a real till process that sells and pushes.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import requests
from sqlalchemy import func, select

from app.db.models import Sale as TillSale, SaleLine as TillSaleLine
from app.sync.outbox import add_event
from cloud.models import Event, Sale, SaleLine, StockMovement, Terminal
from tests.cloud.harness import ROOT, Tenant, free_port, sale_event

STARTUP_TIMEOUT_S = 30.0


class KillableCloud:
    def __init__(self, database_url: str, log_path: Path) -> None:
        self.database_url = database_url
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._log_path = log_path
        self.process: subprocess.Popen | None = None
        self.start()

    def start(self) -> None:
        log = open(self._log_path, "ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "cloud.cli", "--database-url", self.database_url, "serve",
             "--host", "127.0.0.1", "--port", str(self.port), "--no-access-log"],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"cloud exited: {self._log_path.read_text()[-2000:]}")
            try:
                if requests.get(self.base_url + "/api/v1/health", timeout=1).ok:
                    return
            except requests.RequestException:
                time.sleep(0.05)
        raise RuntimeError("cloud did not start")

    def kill(self) -> None:
        """SIGKILL: no shutdown, no rollback message, exactly like a power cut."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)
        self.process = None

    def close(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


def start_till(db_path: Path, base_url: str, tenant: Tenant, *, sales: int, push_every: int,
               batch: int) -> subprocess.Popen:
    """A till process that sells `sales` times and pushes after every `push_every` sales,
    printing `sold N` after each sale and `pushed N` after each push that worked."""
    args = [sys.executable, "-m", "tests.sync.fault_till_main", str(db_path), base_url,
            tenant.token, tenant.store, tenant.terminal, str(sales), str(push_every), str(batch)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env=env, text=True)


def wait_for_line(process: subprocess.Popen, prefix: str, timeout_s: float = 30.0) -> str:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith(prefix):
            return line.strip()
        if not line and process.poll() is not None:
            break
    raise AssertionError(f"the till never printed {prefix!r}")


def sigkill(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    process.stdout.close()


# --- the books -------------------------------------------------------------
@dataclass(frozen=True)
class CloudBooks:
    events: int          # event rows of this terminal
    distinct_events: int
    sales: frozenset[str]
    sale_rows: int
    stock: dict[str, int]  # sku -> on hand (the ledger sum)
    sold: dict[str, int]   # sku -> quantity on the projected sale lines


def cloud_books(database, tenant: Tenant, terminal: str | None = None) -> CloudBooks:
    with database.read() as conn:
        merchant = Event.merchant_id == tenant.merchant_id
        events = select(Event.id).where(merchant)
        if terminal is not None:
            events = events.join(Terminal, Terminal.id == Event.terminal_id).where(
                Terminal.code == terminal)
        ids = conn.scalars(events).all()
        sales = conn.scalars(select(Sale.id).where(Sale.merchant_id == tenant.merchant_id)).all()
        stock = dict(conn.execute(
            select(StockMovement.sku_code, func.sum(StockMovement.quantity_milli))
            .where(StockMovement.merchant_id == tenant.merchant_id)
            .group_by(StockMovement.sku_code)).all())
        sold = dict(conn.execute(
            select(SaleLine.sku_code, func.sum(SaleLine.quantity_milli))
            .join(Sale, Sale.id == SaleLine.sale_id)
            .where(Sale.merchant_id == tenant.merchant_id).group_by(SaleLine.sku_code)).all())
    return CloudBooks(len(ids), len(set(ids)), frozenset(sales), len(sales),
                      {k: int(v) for k, v in stock.items()}, {k: int(v) for k, v in sold.items()})


def till_books(sessions) -> tuple[frozenset[str], dict[str, int]]:
    """The completed sales on a till and the quantity sold per SKU."""
    with sessions() as session:
        sales = session.scalars(select(TillSale.id)).all()
        sold = dict(session.execute(
            select(TillSaleLine.sku_code, func.sum(TillSaleLine.quantity_milli))
            .group_by(TillSaleLine.sku_code)).all())
    return frozenset(sales), {k: int(v) for k, v in sold.items()}


def assert_exactly_once(cloud: CloudBooks, till_sales: frozenset[str],
                        till_sold: dict[str, int]) -> None:
    """Every completed sale of the till is in the cloud once; stock moved once per line."""
    assert cloud.sales == till_sales
    assert cloud.sale_rows == len(till_sales)
    assert cloud.events == cloud.distinct_events
    assert cloud.sold == till_sold
    assert cloud.stock == {sku: -qty for sku, qty in till_sold.items()}


def queue_sales(sessions, tenant: Tenant, count: int, now) -> list[str]:
    """Outbox rows of `count` valid sales (one line, 2 x D0001), without checkout: fast
    enough for the thousand-event batches that make a server crash land mid-batch."""
    sale_ids = []
    with sessions.begin() as session:
        for n in range(count):
            payload = sale_event(tenant, n + 1)["payload"]
            payload["sale_id"] = str(uuid.uuid4())
            add_event(session, "sale.completed", payload["sale_id"], payload, now)
            sale_ids.append(payload["sale_id"])
    return sale_ids
