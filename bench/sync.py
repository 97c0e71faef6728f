"""Sync benchmarks against a local cloud server on loopback.

    python -m bench.sync [--pg postgresql+psycopg://postgres@127.0.0.1:5432/test]
                         [--events 10000] [--catalog 100000] [--skip-catalog]

push_10k_s        10,000 queued sale events drained by SyncClient.push_once  (<= 20 s)
cloud_ingest_eps  events/s the server stores and projects, 4 tills at once  (>= 2,000/s)
catalog_100k_s    first catalog download of 100,000 SKUs into a fresh till  (<= 15 s)

The cloud database is a temporary SQLite file, or with --pg a fresh schema in
that PostgreSQL database, dropped at the end.
"""
from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

import requests
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.db import migrate as terminal_migrate
from app.db.engine import make_engine, make_session_factory
from app.domain.clock import SystemClock
from app.sync.client import SyncClient
from app.sync.outbox import add_event
from bench.catalog import synthetic_products
from cloud import migrate as cloud_migrate
from cloud import tenancy
from cloud.db import Database

ROOT = Path(__file__).resolve().parents[1]
BATCH = 500
INGEST_TILLS = 4


def _free_port() -> int:
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Cloud:
    """Database + `mon-cloud serve` subprocess, cleaned up on close."""

    def __init__(self, workdir: Path, pg_url: str | None, workers: int) -> None:
        self.schema = None
        self._pg_url = pg_url
        if pg_url:
            self.schema = f"mon_bench_{uuid.uuid4().hex[:10]}"
            self._admin_sql(f'CREATE SCHEMA "{self.schema}"')
            url = make_url(pg_url).update_query_dict({"options": f"-csearch_path={self.schema}"})
            self.url = url.render_as_string(hide_password=False)
        else:
            self.url = f"sqlite:///{workdir / 'cloud.sqlite3'}"
        self.database = Database(self.url)
        cloud_migrate.upgrade(self.database)
        port = _free_port()
        self.base_url = f"http://127.0.0.1:{port}"
        self._log = open(workdir / "server.log", "wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "cloud.cli", "--database-url", self.url, "serve", "--port",
             str(port), "--workers", str(workers), "--no-access-log"],
            cwd=ROOT, stdout=self._log, stderr=subprocess.STDOUT)
        self._wait_up()

    def _admin_sql(self, sql: str) -> None:
        engine = create_engine(self._pg_url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(sql))
        engine.dispose()

    def _wait_up(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if requests.get(self.base_url + "/api/v1/health", timeout=1).ok:
                    return
            except requests.RequestException:
                time.sleep(0.1)
        raise RuntimeError("cloud server did not start")

    def tenant(self, tills: int) -> tuple[str, str, list[tuple[str, str]]]:
        """A merchant with one store and `tills` enrolled terminals: (store, admin, [(till, token)])."""
        now = datetime.now(timezone.utc)
        store = "B" + uuid.uuid4().hex[:8]
        codes = []
        with self.database.write() as conn:
            merchant = "bench-" + uuid.uuid4().hex[:8]
            tenancy.create_merchant(conn, merchant, now)
            tenancy.create_store(conn, merchant, store, "压测店", now)
            admin = tenancy.create_admin(conn, merchant, "hq", now)
            for i in range(tills):
                codes.append((f"T{i + 1:02d}",
                              tenancy.issue_enrolment_code(conn, store, f"T{i + 1:02d}", now)))
        tokens = [(till, requests.post(self.base_url + "/api/v1/enrol", json={"code": code},
                                       timeout=10).json()["token"]) for till, code in codes]
        return store, admin, tokens

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log.close()
        self.database.dispose()
        if self.schema:
            self._admin_sql(f'DROP SCHEMA "{self.schema}" CASCADE')


def _sale_payload(store: str, till: str, n: int) -> dict:
    lines = [dict(line_no=i, product_id=str(uuid.uuid4()), sku_code=f"SKU{(n * 7 + i) % 5000:05d}",
                  barcode="6901234567892", name="可口可乐 330ml罐装", unit_price_fen=350,
                  quantity_milli=1000, amount_fen=350, tax_rate_bp=1300, tax_fen=40)
             for i in range(1, 4)]
    return {"sale_id": str(uuid.uuid4()), "receipt_no": f"{store}-{till}-20261125-{n:05d}",
            "store": store, "terminal": till, "business_date": "2026-11-25",
            "cashier_id": str(uuid.uuid4()), "completed_at": "2026-11-25T08:00:00+00:00",
            "total_fen": 1050, "tax_fen": 120, "paid_fen": 1050, "change_fen": 0, "lines": lines,
            "payments": [{"tender": "cash", "amount_fen": 1050, "tendered_fen": 1050,
                          "change_fen": 0}]}


def _till_db(workdir: Path, name: str):
    path = workdir / f"{name}.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    terminal_migrate.upgrade(engine, path)
    return engine, make_session_factory(engine)


def bench_push(cloud: _Cloud, workdir: Path, events: int) -> float:
    store, _, [(till, token)] = cloud.tenant(1)
    engine, sessions = _till_db(workdir, "push-till")
    now = SystemClock().now()
    with sessions.begin() as session:
        for n in range(events):
            add_event(session, "sale.completed", str(uuid.uuid4()), _sale_payload(store, till, n), now)
    client = SyncClient(sessions, cloud.base_url, token, store, till)
    started = time.perf_counter()
    result = client.push_once(max_batches=events // BATCH + 10)
    elapsed = time.perf_counter() - started
    client.close()
    engine.dispose()
    if result.accepted != events:
        raise RuntimeError(f"push accepted {result.accepted} of {events}")
    return elapsed


def bench_ingest(cloud: _Cloud, events_per_till: int) -> float:
    store, _, tokens = cloud.tenant(INGEST_TILLS)
    now = datetime.now(timezone.utc).isoformat()
    batches = {till: [[{"id": str(uuid.uuid4()), "seq": b * BATCH + i + 1, "kind": "sale.completed",
                        "schema_version": 1, "store": store, "terminal": till, "created_at": now,
                        "payload": _sale_payload(store, till, b * BATCH + i)}
                       for i in range(BATCH)] for b in range(events_per_till // BATCH)]
               for till, _ in tokens}
    errors: list[str] = []

    def push(till: str, token: str) -> None:
        with requests.Session() as http:
            http.headers["Authorization"] = f"Bearer {token}"
            for batch in batches[till]:
                answer = http.post(cloud.base_url + "/api/v1/events", json={"events": batch},
                                   timeout=(3, 120))
                if answer.status_code != 200 or answer.json()["accepted"] != len(batch):
                    errors.append(f"{answer.status_code} {answer.text[:200]}")

    threads = [threading.Thread(target=push, args=pair) for pair in tokens]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(600)
    elapsed = time.perf_counter() - started
    if errors:
        raise RuntimeError(errors[0])
    return INGEST_TILLS * (events_per_till // BATCH) * BATCH / elapsed


def _catalog_item(record) -> dict:
    item = {"sku": record.sku_code, "name": record.name, "price_fen": record.price_fen,
            "barcodes": list(record.barcodes), "category": record.category_path,
            "unit": record.unit, "brand": record.brand, "spec": record.spec,
            "tax_rate_bp": record.tax_rate_bp}
    if record.member_price_fen is not None:
        item["member_price_fen"] = record.member_price_fen
    return item


def bench_catalog(cloud: _Cloud, workdir: Path, count: int) -> float:
    store, admin, [(till, token)] = cloud.tenant(1)
    records = synthetic_products(count)  # the same realistic names as bench.catalog
    with requests.Session() as http:
        http.headers["Authorization"] = f"Bearer {admin}"
        for _ in range(0, count, 5000):
            products = [_catalog_item(record) for record in itertools.islice(records, 5000)]
            http.post(cloud.base_url + "/api/v1/admin/products", json=products,
                      timeout=(3, 300)).raise_for_status()
    engine, sessions = _till_db(workdir, "catalog-till")
    client = SyncClient(sessions, cloud.base_url, token, store, till, page_size=5000)
    started = time.perf_counter()
    result = client.pull_once()
    elapsed = time.perf_counter() - started
    client.close()
    engine.dispose()
    if result.applied != count:
        raise RuntimeError(f"catalog pull applied {result.applied} of {count}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.sync")
    parser.add_argument("--pg", default=None, help="PostgreSQL URL for the cloud database")
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--catalog", type=int, default=100_000)
    parser.add_argument("--skip-catalog", action="store_true")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="mon-bench-sync-") as tmp:
        workdir = Path(tmp)
        cloud = _Cloud(workdir, args.pg, args.workers)
        try:
            backend = "postgresql" if args.pg else "sqlite"
            print(f"# cloud database: {backend}, {args.workers} worker(s), {os.cpu_count()} cpu")
            push_s = bench_push(cloud, workdir, args.events)
            print(f"push_10k_s={push_s * 10_000 / args.events:.2f} (budget <= 20 s)", flush=True)
            eps = bench_ingest(cloud, max(BATCH, args.events // INGEST_TILLS))
            print(f"cloud_ingest_eps={eps:,.0f} (budget >= 2,000 events/s)", flush=True)
            if not args.skip_catalog:
                catalog_s = bench_catalog(cloud, workdir, args.catalog)
                print(f"catalog_100k_s={catalog_s * 100_000 / args.catalog:.2f} (budget <= 15 s)")
        finally:
            cloud.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
