"""The demo store: a community supermarket with an apparel corner, loaded on first start."""
from __future__ import annotations

import csv
import json
import logging
from pathlib import Path
from typing import Iterator

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Engine

from app.db.models import Store, TaxRate, Terminal, User
from app.domain.clock import Clock
from app.domain.ids import new_id
from app.resources import resource_path
from app.services.auth import hash_pin
from app.services.catalog_load import CatalogLoader, ProductRecord
from app.services.members.demo import load_demo_members
from app.services.permissions import seed_default_roles

log = logging.getLogger(__name__)


def demo_dir() -> Path:
    return resource_path("demo")


def database_is_empty(engine: Engine) -> bool:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(Store)) == 0


def load_demo(engine: Engine, clock: Clock, folder: Path | None = None) -> int:
    """Load the demo store into an empty database; returns the number of products."""
    folder = folder or demo_dir()
    setup = json.loads((folder / "store.json").read_text(encoding="utf-8"))
    now = clock.now()
    with engine.begin() as conn:
        store_id = new_id()
        s = setup["store"]
        conn.execute(insert(Store).values(id=store_id, code=s["code"], name=s["name"],
                                          address=s["address"], phone=s["phone"],
                                          timezone=s["timezone"], created_at=now))
        conn.execute(insert(Terminal), [dict(id=new_id(), store_id=store_id, code=t["code"],
                                             name=t["name"]) for t in setup["terminals"]])
        conn.execute(insert(TaxRate), [dict(id=new_id(), **t) for t in setup["tax_rates"]])
        conn.execute(insert(User), [dict(id=new_id(), store_id=store_id, code=u["code"],
                                         name=u["name"], role=u["role"], pin_hash=hash_pin(u["pin"]),
                                         active=True, created_at=now) for u in setup["users"]])
        seed_default_roles(conn, now)
        count = CatalogLoader(conn, store_id, now).load(read_products_csv(folder / "products.csv"))
        load_demo_members(conn, store_id, now)
    log.info("demo store loaded: %d products", count)
    return count


def read_products_csv(path: Path) -> Iterator[ProductRecord]:
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            yield ProductRecord(
                sku_code=row["sku_code"], name=row["name"], category_path=row["category"],
                tax_rate_bp=int(row["tax_rate_bp"]), price_fen=int(row["price_fen"]),
                barcodes=(row["barcode"],) if row["barcode"] else (),
                brand=row["brand"], spec=row["spec"], unit=row["unit"],
                is_weighed=row["weighed"] == "1", plu=row["plu"] or None,
                member_price_fen=int(row["member_price_fen"]) if row["member_price_fen"] else None,
                cost_fen=int(row["cost_fen"]) if row["cost_fen"] else None,
                stock_milli=int(row["stock_milli"] or 0),
            )
