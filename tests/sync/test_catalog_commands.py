"""Back-office edits at one till reach the merchant's other stores through the cloud
(issue 7): a till's product save, bulk price change and import are commands the cloud
applies to its catalog by SKU and publishes down the change log. The last edit by time
wins per product, and a till's own change coming back does not undo a newer local edit."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
import requests
from sqlalchemy import select

from app.db import migrate
from app.db.engine import make_engine, make_session_factory
from app.db.models import Product
from app.domain.barcode import complete_ean13
from app.domain.clock import FixedClock
from app.services.context import load_context
from app.services.inventory.import_export import ProductImporter
from app.services.inventory.products import BulkPriceChange, ProductService
from tests.cloud import till_events as te
from tests.cloud.harness import HTTP_TIMEOUT, make_tenant
from tests.factories import COLA, WATER
from tests.sync.tills import make_till


@pytest.fixture
def clock() -> FixedClock:
    # Edit times are compared with head office's (the cloud server's own clock): the
    # tills' clock starts at the real time so "later" and "earlier" mean what they say.
    return FixedClock(datetime.now(timezone.utc))


class BackOffice:
    """A till with its product service, on its own database."""

    def __init__(self, till, sessions, clock) -> None:
        self.till, self.sessions = till, sessions
        ctx = load_context(sessions, till.tenant.store, till.tenant.terminal)
        self.products = ProductService(sessions, ctx.store_id, clock)

    def set_retail(self, sku: str, retail_fen: int) -> None:
        with self.sessions() as s:
            product_id = s.scalar(select(Product.id).where(Product.sku_code == sku))
        self.products.save(replace(self.products.get(product_id), retail_fen=retail_fen))

    def push(self) -> None:
        result = self.till.client.push_once()
        assert result.rejected == 0 and result.accepted > 0

    def pull(self) -> None:
        assert self.till.client.pull_once().caught_up

    def scanned_price(self, code: str) -> int:
        """What the cashier sees when the code is scanned into a sale."""
        line = self.till.checkout.add_code(code)
        return line.product.unit_price.fen


@pytest.fixture
def till_a(till, sessions, clock) -> BackOffice:
    return BackOffice(till, sessions, clock)


@pytest.fixture
def till_b(cloud_db, cloud_server, till_a, tmp_path, clock) -> BackOffice:
    tenant = make_tenant(cloud_db.database, cloud_server.base_url,
                         merchant=till_a.till.tenant.merchant)  # another store, same merchant
    path = tmp_path / "store-b.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, path)
    sessions = make_session_factory(engine)
    till = make_till(engine, sessions, clock, tenant)
    yield BackOffice(till, sessions, clock)
    till.client.close()
    engine.dispose()


def _cloud_product(tenant, sku: str) -> dict | None:
    """The product as the change log publishes it (the last upsert of that SKU)."""
    answer = requests.get(f"{tenant.base_url}/api/v1/changes", params={"since": 0},
                          headers=tenant.headers(admin=True), timeout=HTTP_TIMEOUT)
    found = [c["data"] for c in answer.json()["changes"]
             if c["entity"] == "product" and c["entity_id"] == sku]
    return found[-1] if found else None


def test_a_price_changed_at_a_reaches_b_and_scans_at_the_new_price(till_a, till_b, clock):
    assert till_b.scanned_price(COLA) == 350
    till_a.set_retail("D0001", 420)
    till_a.push()
    till_b.pull()
    assert till_b.scanned_price(COLA) == 420
    cloud = _cloud_product(till_a.till.tenant, "D0001")
    assert (cloud["price_fen"], cloud["name"], cloud["barcodes"]) == (420, "可口可乐 330ml罐装", [COLA])
    till_a.pull()  # its own change coming back: the same data, nothing else changes
    assert till_a.scanned_price(COLA) == 420


def test_a_bulk_price_change_at_a_reaches_b(till_a, till_b, clock):
    till_a.till.put_product("D0001", name="可口可乐 330ml罐装", price_fen=350, barcodes=[COLA])
    till_a.till.put_product("D0002", name="农夫山泉 饮用天然水 550ml", price_fen=200,
                            barcodes=[WATER])
    clock.advance(seconds=5)  # the back-office change comes after head office's
    changed = till_a.products.bulk_price_change(BulkPriceChange("retail", percent_bp=1000,
                                                                category_code="饮料"))
    assert changed == 2
    till_a.push()
    till_b.pull()
    assert (till_b.scanned_price(COLA), till_b.scanned_price(WATER)) == (385, 220)


def test_a_product_taken_off_sale_at_a_is_off_sale_at_b_and_keeps_it_after_a_price_change(
        till_a, till_b, clock):
    till_a.till.put_product("D0002", name="农夫山泉 饮用天然水 550ml", price_fen=200,
                            barcodes=[WATER])
    clock.advance(seconds=5)  # the back-office changes come after head office's
    with till_a.sessions() as s:
        product_id = s.scalar(select(Product.id).where(Product.sku_code == "D0001"))
    till_a.products.set_active(product_id, False)
    till_a.products.bulk_price_change(BulkPriceChange("retail", amount_fen=10,
                                                      category_code="饮料"))
    till_a.push()
    till_b.pull()
    with till_b.sessions() as s:
        assert s.scalar(select(Product.active).where(Product.sku_code == "D0001")) is False
    assert till_b.scanned_price(WATER) == 210  # the bulk change reached the active product


def test_an_older_edit_arriving_late_does_not_beat_a_newer_head_office_edit(till_a, till_b,
                                                                             clock):
    clock.advance(minutes=-10)  # till A edits offline, ten minutes before head office
    till_a.set_retail("D0001", 390)
    till_a.till.put_product("D0001", name="可口可乐 330ml罐装", price_fen=500, barcodes=[COLA])
    till_a.push()  # arrives after head office's edit: accepted as an event, but older
    assert _cloud_product(till_a.till.tenant, "D0001")["price_fen"] == 500
    till_b.pull()
    till_a.pull()
    assert (till_a.scanned_price(COLA), till_b.scanned_price(COLA)) == (500, 500)


def test_a_newer_local_edit_is_not_undone_by_its_own_older_change_coming_back(till_a, till_b,
                                                                              clock):
    till_a.set_retail("D0001", 420)
    till_a.push()
    clock.advance(seconds=30)
    till_a.set_retail("D0001", 450)  # not pushed yet
    till_a.pull()  # brings back the 420 edit
    assert till_a.scanned_price(COLA) == 450
    till_a.push()
    till_b.pull()
    till_a.pull()
    assert (till_a.scanned_price(COLA), till_b.scanned_price(COLA)) == (450, 450)


def test_products_imported_at_a_are_sold_at_b(till_a, till_b, engine, clock, tmp_path):
    noodle = complete_ean13("693000000001")
    path = tmp_path / "goods.csv"
    path.write_text("sku_code,name,retail_price,category,barcodes,member_price,tax_rate\n"
                    f"N0001,康师傅 红烧牛肉面 五连包,12.50,方便食品/方便面,{noodle},11.90,9\n"
                    f"D0001,可口可乐 330ml罐装,3.80,饮料/碳酸饮料,{COLA},,13\n", encoding="utf-8")
    store_id = load_context(till_a.sessions, till_a.till.tenant.store,
                            till_a.till.tenant.terminal).store_id
    ProductImporter(engine, store_id, clock).run(path)
    till_a.push()
    till_b.pull()
    assert (till_b.scanned_price(noodle), till_b.scanned_price(COLA)) == (1250, 380)
    new = till_b.till.catalog.product_for_code(noodle)
    assert (new.name, new.tax_rate_bp) == ("康师傅 红烧牛肉面 五连包", 900)


def test_a_malformed_command_is_quarantined_alone(till_a, till_b):
    tenant = till_a.till.tenant
    good = te.event(tenant, 1, "backoffice.product_saved", {
        "product_id": te.new_id(), "sku_code": "N0001", "name": "康师傅 红烧牛肉面",
        "retail_fen": 450, "barcodes": ["6920152400012"], "unit": "袋", "tax_rate_bp": 900})
    bad = te.event(tenant, 2, "backoffice.bulk_price_change", {
        "price_type": "retail", "percent_bp": 0, "amount_fen": 0, "category": "饮料",
        "changed": 1, "prices": [{"sku_code": "N0001", "amount_fen": 4.5}]})  # not fen
    answer = requests.post(f"{tenant.base_url}/api/v1/events", json={"events": [good, bad]},
                           headers=tenant.headers(), timeout=HTTP_TIMEOUT).json()
    assert [r["status"] for r in answer["results"]] == ["accepted", "rejected"]
    quarantine = requests.get(f"{tenant.base_url}/api/v1/quarantine",
                              headers=tenant.headers(admin=True), timeout=HTTP_TIMEOUT).json()
    assert [e["event_id"] for e in quarantine["events"]] == [bad["id"]]
    till_b.pull()
    noodle = till_b.till.catalog.product_for_code("6920152400012")
    assert (noodle.sku_code, noodle.unit_price.fen, noodle.tax_rate_bp) == ("N0001", 450, 900)
