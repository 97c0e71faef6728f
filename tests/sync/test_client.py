"""The sync client against a real cloud server: real sales up, catalog changes down."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
import requests
from sqlalchemy import func, select

from app.db.models import Barcode, OutboxEvent, Price, Product
from app.sync.client import NotEnrolled
from app.sync.enrolment import enrol, load_credential
from app.sync.models import SyncCursor, SyncQuarantine
from app.sync.outbox import add_event, pending_count
from cloud import changes, tenancy
from tests.cloud.harness import HTTP_TIMEOUT, unique
from tests.factories import CHIPS, COLA


def test_sales_are_pushed_once(till):
    till.sell(COLA, COLA, CHIPS)
    till.sell(COLA)
    result = till.client.push_once()
    assert (result.accepted, result.duplicate, result.rejected) == (2, 0, 0)
    assert till.cloud_stock() == {"D0001": -3000, "S0001": -1000}
    with till.sessions() as s:
        assert pending_count(s) == 0
    assert till.client.push_once().sent == 0


def test_unsent_marks_are_lost_and_the_resend_is_a_duplicate(till):
    till.sell(COLA)
    till.client.push_once()
    with till.sessions.begin() as s:  # as if the till crashed before recording the answer
        s.execute(OutboxEvent.__table__.update().values(sent_at=None))
    result = till.client.push_once()
    assert (result.accepted, result.duplicate) == (0, 1)
    assert till.cloud_stock() == {"D0001": -1000}


def test_a_rejected_event_is_quarantined_locally_and_does_not_block(till, clock):
    till.sell(COLA)
    with till.sessions.begin() as s:
        bad = add_event(s, "loyalty.teleported", "x", {"coupon": "C1"}, clock.now())
        s.flush()
        corrupt = add_event(s, "sale.completed", "y", {}, clock.now())
        s.flush()
        corrupt.payload = "{not json"
    till.sell(CHIPS)
    result = till.client.push_once()
    assert (result.accepted, result.rejected) == (2, 2)
    with till.sessions() as s:
        assert pending_count(s) == 0
        quarantined = {q.event_id: q.reason for q in s.scalars(select(SyncQuarantine))}
        row = s.scalar(select(OutboxEvent).where(OutboxEvent.id == bad.id))
    assert "unknown kind" in quarantined[bad.id] and "corrupt" in quarantined[corrupt.id]
    assert row.sent_at is not None and row.last_error.startswith("rejected")
    assert till.cloud_stock() == {"D0001": -1000, "S0001": -1000}


def test_many_events_go_in_batches_in_seq_order(till, clock):
    with till.sessions.begin() as s:
        for i in range(1203):
            add_event(s, "sale.completed", f"a{i}", {"bad": i}, clock.now())
    result = till.client.push_once()
    assert result.batches == 3 and result.rejected == 1203


def test_a_revoked_till_learns_it_must_enrol_again(till, cloud_db):
    with cloud_db.database.write() as conn:
        tenancy.revoke_terminal(conn, till.tenant.store, till.tenant.terminal,
                                datetime.now(timezone.utc))
    till.sell(COLA)
    with pytest.raises(NotEnrolled):
        till.client.push_once()
    with till.sessions() as s:
        assert pending_count(s) == 1
        assert s.scalar(select(OutboxEvent.attempts)) == 1


def test_enrolment_stores_the_token(sessions, clock, cloud_db, cloud_server):
    store = unique("S")
    now = datetime.now(timezone.utc)
    with cloud_db.database.write() as conn:
        merchant = unique("商户")
        tenancy.create_merchant(conn, merchant, now)
        tenancy.create_store(conn, merchant, store, "店", now)
        code = tenancy.issue_enrolment_code(conn, store, "T05", now)
    credential = enrol(sessions, cloud_server.base_url, code, clock.now())
    assert load_credential(sessions).token == credential.token
    assert (credential.store_code, credential.terminal_code) == (store, "T05")


def test_catalog_changes_reach_the_till(till):
    till.put_product("N0001", name="康师傅 红烧牛肉面", price_fen=450, barcodes=["6920152400012"],
                     category="方便食品/方便面", unit="袋", tax_rate_bp=900)
    till.put_product("D0001", name="可口可乐 330ml罐装", price_fen=300, barcodes=[COLA])
    result = till.client.pull_once()
    assert result.applied == 2 and result.version == 2 and not result.snapshot
    noodle = till.catalog.product_for_code("6920152400012")
    assert (noodle.name, noodle.unit_price.fen, noodle.tax_rate_bp) == ("康师傅 红烧牛肉面", 450, 900)
    assert till.catalog.product_for_code(COLA).unit_price.fen == 300  # price change
    assert [h.product.sku_code for h in till.catalog.search("ksf")] == ["N0001"]
    requests.delete(f"{till.tenant.base_url}/api/v1/admin/products/N0001",
                    headers=till.tenant.headers(admin=True), timeout=HTTP_TIMEOUT)
    assert till.client.pull_once().applied == 1
    with till.sessions() as s:
        assert s.scalar(select(Product.active).where(Product.sku_code == "N0001")) is False
        assert s.get(SyncCursor, "changes").version == 3


def test_a_barcode_moves_to_the_product_the_cloud_says(till):
    till.put_product("X0001", name="新可乐", price_fen=500, barcodes=[COLA])
    till.client.pull_once()
    assert till.catalog.product_for_code(COLA).sku_code == "X0001"
    with till.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Barcode).where(Barcode.code == COLA)) == 1


def test_pages_and_cursor_commit_together(till):
    for i in range(25):
        till.put_product(f"P{i:04d}", name=f"商品{i}", price_fen=100 + i)
    till.client._page_size = 10
    result = till.client.pull_once()
    assert result.applied == 25 and result.pages == 3 and result.version == 25
    with till.sessions() as s:
        prices = s.scalars(select(Price.amount_fen).join(Product)
                           .where(Product.sku_code.like("P%"))).all()
    assert sorted(prices) == list(range(100, 125))


def test_an_old_cursor_reloads_from_a_snapshot(till, cloud_db):
    for sku in ("A1", "B1", "C1"):
        till.put_product(sku, name=f"商品{sku}", price_fen=100)
    till.client.pull_once()
    till.put_product("B1", name="商品B1", price_fen=999)
    requests.delete(f"{till.tenant.base_url}/api/v1/admin/products/C1",
                    headers=till.tenant.headers(admin=True), timeout=HTTP_TIMEOUT)
    with cloud_db.database.write() as conn:
        changes.prune_changes(conn, datetime.now(timezone.utc) + timedelta(hours=1),
                              till.tenant.merchant_id)
    till.put_product("D1", name="商品D1", price_fen=100)  # after the prune: a normal change
    till.client._page_size = 2
    result = till.client.pull_once()
    assert result.snapshot and result.version == 6
    with till.sessions() as s:
        state = dict(s.execute(select(Product.sku_code, Product.active)
                               .where(Product.sku_code.in_(["A1", "B1", "C1", "D1"]))).all())
        cursor = s.get(SyncCursor, "changes")
    assert state == {"A1": True, "B1": True, "C1": False, "D1": True}
    assert cursor.snapshot_version is None and cursor.version == 6
    assert till.catalog.product_for_code("B1").unit_price.fen == 999


def test_the_event_on_the_wire(till):
    till.sell(COLA)
    with till.sessions() as s:
        event = s.scalar(select(OutboxEvent))
    batch = till.client._next_batch()
    wire = batch.body["events"][0]
    assert wire["payload"] == json.loads(event.payload)
    assert (wire["store"], wire["terminal"], wire["seq"]) == (till.tenant.store, "T01", event.seq)
