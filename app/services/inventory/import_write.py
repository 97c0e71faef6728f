"""Writing a checked import in the caller's transaction: new products through the bulk
loader, existing ones updated in place, the search index and one outbox event per batch."""
from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Callable

from sqlalchemy import insert, text
from sqlalchemy.engine import Connection

from app.db.models import OutboxEvent
from app.domain.ids import new_id
from app.domain.search_text import pinyin_forms
from app.db.catalog_rows import index_products
from app.services.catalog_load import CatalogLoader
from app.sync.outbox import SCHEMA_VERSION

if TYPE_CHECKING:
    from app.services.inventory.import_export import DryRun, ImportRow

BATCH = 5000
IMPORT_CACHE_KIB = -196608  # 192 MiB
_PRICE_TYPES = ("retail", "member", "cost", "floor")


def write_import(conn: Connection, store_id: str, now: datetime, checked: "DryRun",
                 progress: Callable[[int, int], None] | None) -> None:
    # a big import touches index pages all over a big catalog: a larger page cache for
    # this connection keeps them from spilling to the WAL before the commit
    previous = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size={IMPORT_CACHE_KIB}")
    try:
        _write_batches(conn, store_id, now, checked, progress)
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={int(previous)}")


def _write_batches(conn: Connection, store_id: str, now: datetime, checked: "DryRun",
                   progress: Callable[[int, int], None] | None) -> None:
    loader = CatalogLoader(conn, store_id, now)
    suppliers = dict(conn.execute(text("SELECT code, id FROM supplier")).all())
    total, done = len(checked.rows), 0
    for start in range(0, total, BATCH):
        batch = checked.rows[start:start + BATCH]
        new = [r for r in batch if r.record.sku_code not in checked.existing_skus]
        old = [r for r in batch if r.record.sku_code in checked.existing_skus]
        if new:
            loader.load([r.record for r in new])
            _write_extras(conn, new, suppliers, only_non_defaults=True)
        if old:
            _update_existing(conn, loader, old, now)
            _write_extras(conn, old, suppliers, only_non_defaults=False)
        _add_event(conn, batch, now)
        done += len(batch)
        if progress:
            progress(done, total)


def _ids_by_sku(conn: Connection, skus: list[str]) -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    for start in range(0, len(skus), 900):
        part = skus[start:start + 900]
        marks = ", ".join(f":k{i}" for i in range(len(part)))
        rows = conn.execute(text(f"SELECT sku_code, id, search_rowid FROM product WHERE sku_code IN ({marks})"),
                            {f"k{i}": k for i, k in enumerate(part)}).all()
        out.update({r.sku_code: (r.id, r.search_rowid) for r in rows})
    return out


def _write_extras(conn: Connection, rows: list["ImportRow"], suppliers: dict[str, str],
                  only_non_defaults: bool) -> None:
    """Floor price, supplier and inactive flag, which the bulk loader does not know."""
    if only_non_defaults:
        rows = [r for r in rows if r.floor_fen is not None or r.supplier_code or not r.active]
    if not rows:
        return
    ids = _ids_by_sku(conn, [r.record.sku_code for r in rows])
    floors = [dict(id=new_id(), p=ids[r.record.sku_code][0], a=r.floor_fen)
              for r in rows if r.floor_fen is not None]
    if floors:
        conn.execute(text("INSERT INTO price (id, product_id, store_id, price_type, amount_fen) "
                          "VALUES (:id, :p, NULL, 'floor', :a)"), floors)
    conn.execute(text(
        "INSERT INTO product_extra (product_id, supplier_id, style_code, colour, size) "
        "VALUES (:p, :s, NULL, '', '') ON CONFLICT (product_id) DO UPDATE SET supplier_id = :s"),
        [dict(p=ids[r.record.sku_code][0], s=suppliers.get(r.supplier_code)) for r in rows])
    inactive = [dict(p=ids[r.record.sku_code][0]) for r in rows if not r.active]
    if inactive:
        conn.execute(text("UPDATE product SET active = 0 WHERE id = :p"), inactive)


def _update_existing(conn: Connection, loader: CatalogLoader, rows: list["ImportRow"], now) -> None:
    ids = _ids_by_sku(conn, [r.record.sku_code for r in rows])
    updates, barcodes, prices, search = [], [], [], []
    for row in rows:
        rec = row.record
        pid, rowid = ids[rec.sku_code]
        full, initials = pinyin_forms(rec.name)
        updates.append(dict(id=pid, name=rec.name, brand=rec.brand, spec=rec.spec, unit=rec.unit,
                            cat=loader.category_id(rec.category_path), tax=loader.tax_rate_id(rec.tax_rate_bp),
                            w=rec.is_weighed, plu=rec.plu, py=full, pi=initials, a=row.active, now=now))
        barcodes.extend(dict(id=new_id(), p=pid, c=c, pr=(i == 0)) for i, c in enumerate(rec.barcodes))
        amounts = (rec.price_fen, rec.member_price_fen, rec.cost_fen, row.floor_fen)
        prices.extend(dict(id=new_id(), p=pid, t=t, a=a) for t, a in zip(_PRICE_TYPES, amounts)
                      if a is not None)
        search.append((rowid, rec.name, [rec.sku_code, *rec.barcodes] + ([rec.plu] if rec.plu else [])))
    conn.execute(text(
        "UPDATE product SET name = :name, brand = :brand, spec = :spec, unit = :unit, category_id = :cat, "
        "tax_rate_id = :tax, is_weighed = :w, plu = :plu, pinyin = :py, pinyin_initials = :pi, "
        "active = :a, updated_at = :now WHERE id = :id"), updates)
    pids = [dict(p=u["id"]) for u in updates]
    conn.execute(text("DELETE FROM barcode WHERE product_id = :p"), pids)
    conn.execute(text("DELETE FROM price WHERE product_id = :p AND store_id IS NULL "
                      "AND starts_at IS NULL AND ends_at IS NULL"), pids)
    if barcodes:
        conn.execute(text("INSERT INTO barcode (id, product_id, code, is_primary) VALUES (:id, :p, :c, :pr)"),
                     barcodes)
    conn.execute(text("INSERT INTO price (id, product_id, store_id, price_type, amount_fen) "
                      "VALUES (:id, :p, NULL, :t, :a)"), prices)
    index_products(conn, search)  # delete + insert by search_rowid


def _add_event(conn: Connection, batch: list["ImportRow"], now: datetime) -> None:
    payload = {"products": [
        {"sku_code": r.record.sku_code, "name": r.record.name, "category": r.record.category_path,
         "barcodes": list(r.record.barcodes), "retail_fen": r.record.price_fen,
         "member_fen": r.record.member_price_fen, "cost_fen": r.record.cost_fen,
         "floor_fen": r.floor_fen, "tax_rate_bp": r.record.tax_rate_bp, "unit": r.record.unit,
         "active": r.active} for r in batch]}
    # written in this connection's transaction (the importer works below the ORM session)
    conn.execute(insert(OutboxEvent).values(
        id=new_id(), kind="backoffice.products_imported", aggregate_id=batch[0].record.sku_code,
        schema_version=SCHEMA_VERSION, created_at=now, attempts=0, last_error="",
        payload=json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)))
