"""Purchasing, receiving, transfers, catalog editing and alerts as a store manager meets them."""
from __future__ import annotations

import pytest
from sqlalchemy import select, text

from app.db.models import OutboxEvent
from app.domain.barcode import complete_ean13
from app.services.catalog import CatalogService
from app.services.errors import InvalidInput, NotAllowed, StateError
from app.services.inventory.common import Move, cost_of, write_movements
from app.services.inventory.products import BulkPriceChange, PackInput, ProductDraft, ProductService
from app.services.inventory.purchasing import OrderLineInput
from tests.factories import CHIPS, COLA, WATER
from tests.unit.test_inventory_support import make_inventory

CASE_OF_COLA = complete_ean13("690100000099")


@pytest.fixture
def inv(engine, clock):
    return make_inventory(engine, clock)


@pytest.fixture
def products(inv, clock):
    return ProductService(inv.sessions, inv.terminal.store_id, clock)


def sent_order(inv, lines):
    supplier = inv.purchasing.add_supplier("SUP1", "太古可口可乐")
    order = inv.purchasing.create_order(supplier, [OrderLineInput(inv.product_id(sku), q, c)
                                                   for sku, q, c in lines])
    inv.purchasing.send(order)
    return order


def test_receiving_by_scanning_partly_then_fully(inv, products):
    cola, water = inv.product_id("D0001"), inv.product_id("D0002")
    draft = products.get(cola)
    products.save(ProductDraft(**{**draft.__dict__, "packs": (PackInput("箱", 24_000, CASE_OF_COLA),)}))
    order = sent_order(inv, [("D0001", 48_000, 200), ("D0002", 10_000, 100)])
    receiving = inv.purchasing.start_receiving(order)
    inv.purchasing.scan(receiving, CASE_OF_COLA)  # one case = 24 cans
    for _ in range(4):
        inv.purchasing.scan(receiving, WATER)
    inv.purchasing.post_receiving(receiving)
    view = inv.purchasing.order(order)
    assert view.status == "partly_received"
    assert [(l.sku_code, l.received_milli) for l in view.lines] == [("D0001", 24_000), ("D0002", 4_000)]
    assert inv.stock.level(cola).on_hand_milli == 124_000
    receiving = inv.purchasing.start_receiving(order)
    inv.purchasing.scan(receiving, CASE_OF_COLA)
    inv.purchasing.scan(receiving, WATER, 6_000)  # typed quantity
    inv.purchasing.post_receiving(receiving)
    assert inv.purchasing.order(order).status == "closed"
    assert inv.stock.level(water).on_hand_milli == 60_000


def test_over_receipt_needs_permission(inv):
    order = sent_order(inv, [("D0002", 2_000, 100)])
    receiving = inv.purchasing.start_receiving(order)
    for _ in range(3):
        inv.purchasing.scan(receiving, WATER)
    with pytest.raises(NotAllowed):
        inv.purchasing.post_receiving(receiving)
    assert inv.stock.level(inv.product_id("D0002")).on_hand_milli == 50_000
    inv.purchasing.post_receiving(receiving, accept_over=True)
    assert inv.stock.level(inv.product_id("D0002")).on_hand_milli == 53_000


def test_a_product_not_on_the_order_is_refused_and_a_draft_cannot_be_received(inv):
    supplier = inv.purchasing.add_supplier("SUP1", "供应商")
    draft = inv.purchasing.create_order(supplier, [OrderLineInput(inv.product_id("D0001"), 1000, 1)])
    with pytest.raises(StateError):
        inv.purchasing.start_receiving(draft)
    inv.purchasing.send(draft)
    receiving = inv.purchasing.start_receiving(draft)
    with pytest.raises(InvalidInput, match="not on order"):
        inv.purchasing.scan(receiving, CHIPS)


def test_receipts_update_the_moving_average_cost(inv, products):
    cola = inv.product_id("D0001")
    products.save(ProductDraft(**{**products.get(cola).__dict__, "cost_fen": 200}))
    inv.purchasing.receive_without_order(None, [OrderLineInput(cola, 100_000, 300)])
    with inv.sessions() as s:
        assert cost_of(s, cola) == 250  # 100 at 2.00 and 100 at 3.00


def test_supplier_return_takes_stock_out(inv):
    water = inv.product_id("D0002")
    supplier = inv.purchasing.add_supplier("SUP9", "农夫山泉")
    inv.purchasing.return_to_supplier(supplier, [OrderLineInput(water, 5_000, 100)])
    assert inv.stock.level(water).on_hand_milli == 45_000


def test_transfer_between_two_local_stores_records_differences(inv):
    chips = inv.product_id("S0001")
    transfer = inv.transfers.send(inv.other_store_id, {chips: 10_000})
    assert inv.stock.level(chips).on_hand_milli == 20_000
    assert inv.transfers.outgoing()[0].status == "in_transit"
    view = inv.transfers.receive(transfer, {chips: 9_000})
    assert [(l.sku_code, l.difference_milli) for l in view.differences] == [("S0001", -1_000)]
    assert inv.stock.level(chips, inv.other_store_id).on_hand_milli == 9_000
    with pytest.raises(StateError):
        inv.transfers.receive(transfer)


def test_editing_a_product_keeps_search_in_step(inv, products, clock):
    cola = inv.product_id("D0001")
    catalog = CatalogService(inv.sessions.kw["bind"], inv.terminal.store_id, clock)
    products.save(ProductDraft(**{**products.get(cola).__dict__, "name": "百事可乐 330ml罐装",
                                  "barcodes": (COLA, "INT-7"), "retail_fen": 330}))
    assert [h.product.sku_code for h in catalog.search("百事")] == ["D0001"]
    assert catalog.search("可口") == []
    assert [h.product.sku_code for h in catalog.search("bskl")] == ["D0001"]
    assert catalog.product_for_code("int-7").unit_price.fen == 330


def test_new_product_with_variants_and_bad_input(inv, products):
    base = ProductDraft(sku_code="TS01", name="圆领T恤", retail_fen=5900, category_path="服装/T恤")
    ids = products.create_variants(base, ["白色", "黑色"], ["M", "L", "XL"])
    assert len(ids) == 6
    assert products.get(ids[-1]).name == "圆领T恤 黑色 XL"
    with pytest.raises(InvalidInput, match="negative"):
        products.save(ProductDraft(sku_code="X1", name="坏", retail_fen=-1))
    with pytest.raises(InvalidInput, match="check digit"):
        products.save(ProductDraft(sku_code="X1", name="坏", retail_fen=1, barcodes=("6901000000010",)))
    with pytest.raises(InvalidInput, match="another product"):
        products.save(ProductDraft(sku_code="X1", name="重复", retail_fen=1, barcodes=(COLA,)))


def test_bulk_price_change_by_category(inv, products):
    changed = products.bulk_price_change(BulkPriceChange(percent_bp=1000, category_code="饮料"))
    assert changed == 2
    assert products.get(inv.product_id("D0001")).retail_fen == 385
    assert products.get(inv.product_id("S0001")).retail_fen == 790
    with inv.sessions() as s:
        assert s.scalar(select(OutboxEvent.kind).order_by(OutboxEvent.seq.desc())) == \
            "backoffice.bulk_price_change"


def test_low_stock_and_reorder_suggestions(inv, clock):
    water = inv.product_id("D0002")
    inv.stock.set_levels(water, 60_000, 120_000)
    with inv.sessions.begin() as s:
        write_movements(s, store_id=inv.terminal.store_id, kind="sale", moves=[Move(water, -28_000)],
                        ref_type="sale", ref_id="s1", now=clock.now())
    assert [l.sku_code for l in inv.stock.low_stock()] == ["D0002"]
    suggestion = next(r for r in inv.stock.reorder_suggestions(days=28, cover_days=14)
                      if r.sku_code == "D0002")
    assert suggestion.daily_sales_milli == 1_000
    assert suggestion.suggested_milli == 120_000 - 22_000


def test_stock_card_lists_every_movement_with_running_balance(inv, clock):
    cola = inv.product_id("D0001")
    clock.advance(minutes=1)
    inv.stock.adjust(cola, 2_000, "damaged")
    clock.advance(minutes=1)
    inv.stock.adjust(cola, 1_000, "found")
    card = inv.stock.stock_card(cola)
    assert [(c.kind, c.quantity_milli, c.balance_milli) for c in card] == [
        ("adjustment", 1_000, 99_000), ("adjustment", -2_000, 98_000), ("opening", 100_000, 100_000)]


def test_valuation_by_category_slow_movers_and_export(inv, clock, tmp_path):
    from datetime import timedelta
    from openpyxl import load_workbook
    from app.services.inventory.reports import StockReports, export_report
    engine = inv.sessions.kw["bind"]
    cola, water = inv.product_id("D0001"), inv.product_id("D0002")
    opened = clock.now()
    clock.advance(minutes=1)
    inv.purchasing.receive_without_order(None, [OrderLineInput(cola, 100_000, 200)])  # cost now 1.00
    with inv.sessions.begin() as s:
        write_movements(s, store_id=inv.terminal.store_id, kind="sale", moves=[Move(water, -60_000)],
                        ref_type="sale", ref_id="s1", now=clock.now())
    reports = StockReports(engine, inv.terminal.store_id, clock)
    drinks = next(v for v in reports.valuation_by_category() if v.category == "饮料")
    assert (drinks.on_hand_milli, drinks.value_fen, drinks.negative_products) == (190_000, 20_000, 1)
    slow = reports.slow_movers(days=30)
    assert slow[0].sold_milli == 0 and "D0002" not in [m.sku_code for m in slow]
    history = reports.movement_history(opened + timedelta(seconds=1), clock.now() + timedelta(hours=1))
    assert [(h.sku_code, h.kind) for h in history] == [("D0001", "receiving"), ("D0002", "sale")]
    path = tmp_path / "history.xlsx"
    assert export_report(path, history) == 2
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0][:5] == ("at", "sku_code", "name", "kind", "quantity") and rows[2][4] == -60


def test_product_list_pages_and_filters(inv, products, clock):
    from app.services.inventory.listing import ListFilter, ProductList
    listing = ProductList(inv.sessions.kw["bind"], inv.terminal.store_id)
    first = listing.page(ListFilter(), limit=2)
    assert [r.sku_code for r in first] == ["A0001", "D0001"]
    assert [r.sku_code for r in listing.page(ListFilter(), after_sku="D0001", limit=2)] == ["D0002", "F0001"]
    assert [r.sku_code for r in listing.page(ListFilter(category_code="饮料"))] == ["D0001", "D0002"]
    assert [r.sku_code for r in listing.page(ListFilter(search="ywsp"))] == ["S0001"]
    supplier = inv.purchasing.add_supplier("SUP1", "乐事")
    chips = inv.product_id("S0001")
    products.save(ProductDraft(**{**products.get(chips).__dict__, "supplier_id": supplier}))
    assert [r.sku_code for r in listing.page(ListFilter(supplier_id=supplier))] == ["S0001"]
    inv.stock.adjust(chips, 31_000, "lost")
    water = inv.product_id("D0002")
    inv.stock.adjust(water, 50_000, "expired")
    inv.stock.set_levels(inv.product_id("D0001"), 200_000, 300_000)
    assert [r.sku_code for r in listing.page(ListFilter(stock_state="negative"))] == ["S0001"]
    assert [r.sku_code for r in listing.page(ListFilter(stock_state="out"))] == ["D0002", "S0001"]
    assert [r.sku_code for r in listing.page(ListFilter(stock_state="low"))] == ["D0001"]
    assert [r.sku_code for r in listing.page(ListFilter(stock_state="in_stock"))] == ["A0001", "D0001", "F0001"]
    assert listing.page(ListFilter(stock_state="negative"))[0].on_hand_milli == -1_000
