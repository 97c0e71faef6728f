"""Back-office commands from tills applied to the head-office catalog (issue 7).

A till's product save, import or bulk price change is applied to the cloud's
product by SKU (product ids differ per till) and published down the change log
like a head-office edit, so the merchant's other tills get it. Last writer wins
per product by edit time: the event's created_at against the product's
edited_at (a head-office call stamps its own time), so an older edit arriving
late changes nothing. The document carries edited_at too, so a till keeps a
newer edit of its own (app/sync/local_edits.py). A bulk change only touches
products the cloud holds; the cloud catalog publishes retail and member prices,
so cost and floor changes stay recorded events.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, Callable

from sqlalchemy import select

from cloud import changes
from cloud.event_schema import ValidEvent
from cloud.ingest import dialect_insert
from cloud.models import Product
from cloud.payloads_store import (
    BulkPriceChangeV1, ImportedProductV1, ProductSavedV1, ProductsImportedV1,
)

# Cloud document key of each published price type.
PRICE_KEYS = {"retail": "price_fen", "member": "member_price_fen"}
# Payload field -> cloud document key, for the fields a command carries.
_SAVED_FIELDS = {"name": "name", "retail_fen": "price_fen", "member_fen": "member_price_fen",
                 "barcodes": "barcodes", "unit": "unit", "tax_rate_bp": "tax_rate_bp",
                 "is_weighed": "is_weighed", "plu": "plu", "brand": "brand", "spec": "spec",
                 "category": "category"}
_IMPORTED_FIELDS = {"name": "name", "retail_fen": "price_fen", "member_fen": "member_price_fen",
                    "barcodes": "barcodes", "unit": "unit", "tax_rate_bp": "tax_rate_bp",
                    "category": "category"}
# What a product the cloud has never seen starts from (ProductIn's defaults).
_NEW_PRODUCT = {"barcodes": [], "unit": "个", "tax_rate_bp": 1300, "is_weighed": False,
                "plu": None, "brand": "", "spec": "", "category": "", "member_price_fen": None}

# The cloud's document now (None: it has none) -> (new document, active; None keeps it as
# it is), or None to leave the product alone.
Edit = Callable[[dict[str, Any] | None], "tuple[dict[str, Any], bool | None] | None"]


def project_product_saved(projection, event: ValidEvent) -> None:
    payload: ProductSavedV1 = event.payload
    _apply(projection, event.envelope.created_at,
           {payload.sku_code: _replace(payload, _SAVED_FIELDS, payload.active)})


def project_products_imported(projection, event: ValidEvent) -> None:
    payload: ProductsImportedV1 = event.payload
    edits: dict[str, Edit] = {}
    for product in payload.products:  # a SKU twice in one import: the later row wins
        edits[product.sku_code] = _replace(product, _IMPORTED_FIELDS, product.active)
    _apply(projection, event.envelope.created_at, edits)


def project_bulk_price_change(projection, event: ValidEvent) -> None:
    payload: BulkPriceChangeV1 = event.payload
    key = PRICE_KEYS.get(payload.price_type)
    if key is None:
        return  # cost and floor prices are not part of the published catalog
    edits = {price.sku_code: _set_price(key, price.amount_fen) for price in payload.prices}
    _apply(projection, event.envelope.created_at, edits)


def _replace(payload: ProductSavedV1 | ImportedProductV1, fields: dict[str, str],
             active: bool) -> Edit:
    # Only what the till sent: an older till's payload lacks some fields, and the cloud's
    # values of those stay as they are.
    given = {doc_key: getattr(payload, name) for name, doc_key in fields.items()
             if name in payload.model_fields_set}

    def edit(current: dict[str, Any] | None) -> tuple[dict[str, Any], bool]:
        base = current if current is not None else _NEW_PRODUCT
        return {**base, **given, "sku": payload.sku_code}, active
    return edit


def _set_price(key: str, amount_fen: int) -> Edit:
    def edit(current: dict[str, Any] | None) -> tuple[dict[str, Any], bool | None] | None:
        return None if current is None else ({**current, key: amount_fen}, None)
    return edit


def _apply(projection, edited_at: datetime, edits: dict[str, Edit]) -> None:
    """Apply the edits not older than the product's last edit; log them in one range."""
    conn, merchant_id = projection.conn, projection.merchant_id
    current = {row.sku: row for row in conn.execute(
        select(Product.sku, Product.data, Product.active, Product.edited_at)
        .where(Product.merchant_id == merchant_id, Product.sku.in_(list(edits))))}
    documents: list[tuple[str, dict[str, Any], bool]] = []
    for sku, edit in edits.items():
        row = current.get(sku)
        if row is not None and row.edited_at is not None and row.edited_at > edited_at:
            continue  # a newer edit (head office or another till) is already in place
        result = edit(dict(row.data) if row is not None else None)
        if result is not None:
            document, active = result
            active = row.active if active is None else active  # a price change keeps it
            documents.append((sku, {**document, "edited_at": edited_at.isoformat()}, active))
    if not documents:
        return
    # An inactive product goes down as a tombstone, as a head-office delete does.
    versions = changes.append_changes(
        conn, merchant_id,
        [(changes.PRODUCT, sku, changes.UPSERT if active else changes.DELETE,
          doc if active else None) for sku, doc, active in documents], projection.now)
    rows = [dict(merchant_id=merchant_id, sku=sku, data=doc, active=active, version=version,
                 updated_at=projection.now, edited_at=edited_at)
            for (sku, doc, active), version in zip(documents, versions)]
    stmt = dialect_insert(conn, Product)
    conn.execute(stmt.on_conflict_do_update(
        index_elements=["merchant_id", "sku"],
        set_={c: stmt.excluded[c] for c in ("data", "active", "version", "updated_at",
                                            "edited_at")}), rows)


PROJECTORS = {
    "backoffice.product_saved": project_product_saved,
    "backoffice.products_imported": project_products_imported,
    "backoffice.bulk_price_change": project_bulk_price_change,
}
