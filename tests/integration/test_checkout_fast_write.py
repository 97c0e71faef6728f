"""The fast completion path (app.services.checkout_write) stores a sale exactly as Core
inserts stored it: same tables, same rows, same stored values, in one transaction."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, insert, select

from app.db.models import Base, Product
from app.domain.money import Money
from app.domain.quantity import Quantity
from app.services import checkout_write
from app.services.checkout_settings import save_promotions
from tests.factories import COLA, TSHIRT_L
from tests.integration.test_checkout_engine import COLA_HALF, SPEND_50
from tests.integration.test_checkout_members import GOLD_ZHOU_JIE, shop  # noqa: F401
from tests.integration.test_members_support import program  # noqa: F401

SALE_TABLES = ("sale", "sale_line", "sale_line_detail", "payment", "stock_movement", "outbox_event")


@pytest.fixture
def written(monkeypatch):
    """Every row the fast path hands to SQLite, by table."""
    rows: dict[str, list[dict]] = {}
    real_run = checkout_write.RowStatement.run

    def spy(self, cursor, batch):
        table = self.sql.split()[2]
        rows.setdefault(table, []).extend(dict(r) for r in batch)
        return real_run(self, cursor, batch)
    monkeypatch.setattr(checkout_write.RowStatement, "run", spy)
    return rows


def _stored(conn, table: str, ids: list[str]) -> dict[str, tuple]:
    key = "sale_line_id" if table == "sale_line_detail" else "id"
    cursor = conn.exec_driver_sql(f"SELECT * FROM {table} WHERE {key} IN "
                                  f"({', '.join('?' * len(ids))})", tuple(ids))
    names = [c[0] for c in cursor.cursor.description]
    return {row[names.index(key)]: tuple(v for n, v in zip(names, row) if n != "seq")
            for row in cursor}


def _reference(rows: dict[str, list[dict]]) -> dict[str, dict[str, tuple]]:
    """The same rows through SQLAlchemy Core into an empty database of the same schema."""
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    out = {}
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        for table in SALE_TABLES:
            conn.execute(insert(Base.metadata.tables[table]), rows[table])
            out[table] = _stored(conn, table, [r.get("id") or r["sale_line_id"]
                                               for r in rows[table]])
    return out


def test_a_promoted_member_sale_with_a_weighed_line_stores_the_rows_core_stored(
        shop, engine, sessions, written):  # noqa: F811
    save_promotions(sessions, [COLA_HALF, SPEND_50], shop.clock.now())
    shop.start()
    checkout = shop.checkout
    with sessions() as s:
        apple = s.scalar(select(Product.id).where(Product.sku_code == "F0001"))
    checkout.add_code(COLA)
    checkout.add_code(COLA)
    checkout.add_product(apple, Quantity(535))
    checkout.add_code(TSHIRT_L)
    shop.attach(GOLD_ZHOU_JIE)
    checkout.members.pay_stored_value("20")
    done = checkout.pay_cash("100")

    # what the customer and the manager see on the sale
    sale = written["sale"][0]
    assert sale["id"] == done.sale_id and sale["member_id"] == shop.member_id(GOLD_ZHOU_JIE)
    lines = {l["sku_code"]: l for l in written["sale_line"]}
    assert lines["F0001"]["quantity_milli"] == 535 and lines["F0001"]["is_weighed"] is True
    details = {d["sale_line_id"]: d for d in written["sale_line_detail"]}
    cola_promotions = [details[l["id"]]["promotion_ids"] for l in written["sale_line"]
                       if l["sku_code"] == "D0001"]
    assert "P-COLA" in ",".join(cola_promotions)
    assert sum(d["member_fen"] for d in details.values()) < 0  # the GOLD level's 95折
    assert [(p["tender"], p["amount_fen"]) for p in written["payment"]] == [
        ("stored_value", 2000), ("cash", done.total.fen - 2000)]
    assert sum(l["amount_fen"] for l in written["sale_line"]) == done.total.fen
    assert sorted(m["quantity_milli"] for m in written["stock_movement"]) == [-2000, -1000, -535]
    event = json.loads(written["outbox_event"][0]["payload"])
    assert event["total_fen"] == done.total.fen and len(event["lines"]) == 3

    # and every stored value is byte for byte what Core inserts of the same rows store
    reference = _reference(written)
    with engine.connect() as conn:
        for table in SALE_TABLES:
            ids = list(reference[table])
            assert _stored(conn, table, ids) == reference[table], table


def test_completing_twice_records_once_on_the_fast_path(shop, sessions):  # noqa: F811
    checkout = shop.checkout
    checkout.add_code(COLA)
    draft = checkout.draft
    first = checkout.pay_cash("10")
    checkout.draft = draft  # a retry of the same sale (double press, crash before the screen)
    again = checkout._complete()
    assert again == first
    with sessions() as s:
        count = s.connection().exec_driver_sql(
            "SELECT COUNT(*) FROM sale WHERE id = ?", (first.sale_id,)).scalar()
        events = s.connection().exec_driver_sql(
            "SELECT COUNT(*) FROM outbox_event WHERE aggregate_id = ?", (first.sale_id,)).scalar()
    assert (count, events) == (1, 1)
    assert again.total == Money(first.total.fen)
