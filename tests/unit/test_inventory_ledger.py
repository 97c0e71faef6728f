"""The stock ledger: on hand is always the sum of the movements, whatever happens in
whatever order, and a stocktake posted twice adjusts once."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from sqlalchemy import func, select, text

from app.db.models import OutboxEvent, StockMovement
from app.services.errors import StateError
from app.services.inventory.common import Move, write_movements
from app.services.inventory.purchasing import OrderLineInput
from app.services.inventory.stock import rebuild_balances
from tests.factories import COLA
from tests.unit.test_inventory_support import make_inventory


@pytest.fixture
def inv(engine, clock):
    return make_inventory(engine, clock)


def ledger_sum(inv, product_id, store_id=None):
    with inv.sessions() as s:
        return s.scalar(select(func.coalesce(func.sum(StockMovement.quantity_milli), 0)).where(
            StockMovement.store_id == (store_id or inv.terminal.store_id),
            StockMovement.product_id == product_id))


def cached(inv, product_id, store_id=None):
    with inv.sessions() as s:
        return s.execute(text("SELECT on_hand_milli FROM stock_balance WHERE store_id=:s AND product_id=:p"),
                         {"s": store_id or inv.terminal.store_id, "p": product_id}).scalar() or 0


quantities = st.integers(min_value=1, max_value=50).map(lambda n: n * 1000)
operations = st.lists(st.one_of(
    st.tuples(st.just("receive"), quantities),
    st.tuples(st.just("supplier_return"), quantities),
    st.tuples(st.sampled_from(["damaged", "expired", "lost", "found"]), quantities),
    st.tuples(st.just("sale"), quantities),
    st.tuples(st.just("return"), quantities),
    st.tuples(st.just("transfer"), quantities),
    st.tuples(st.just("stocktake"), st.integers(min_value=0, max_value=80).map(lambda n: n * 1000)),
), max_size=12)


def apply(inv, product_id, op, qty, expected):
    """Perform one operation through the services; return the on hand a user expects after it."""
    if op == "receive":
        inv.purchasing.receive_without_order(None, [OrderLineInput(product_id, qty, 100)])
        return expected + qty
    if op == "supplier_return":
        inv.purchasing.return_to_supplier(inv.ids.get("supplier") or _supplier(inv),
                                          [OrderLineInput(product_id, qty, 100)])
        return expected - qty
    if op in ("damaged", "expired", "lost", "found"):
        inv.stock.adjust(product_id, qty, op)
        return expected + qty if op == "found" else expected - qty
    if op == "sale":
        with inv.sessions.begin() as s:
            write_movements(s, store_id=inv.terminal.store_id, kind="sale", moves=[Move(product_id, -qty)],
                            ref_type="sale", ref_id="sale-x", now=inv.stock._clock.now())
        return expected - qty
    if op == "return":
        inv.stock.record_return(product_id, qty)
        return expected + qty
    if op == "transfer":
        transfer_id = inv.transfers.send(inv.other_store_id, {product_id: qty})
        inv.transfers.receive(transfer_id)
        return expected - qty
    take = inv.stocktake.start(["饮料"])
    if qty:
        inv.stocktake.count(take, COLA, qty)
    inv.stocktake.post(take)
    with pytest.raises(StateError):
        inv.stocktake.post(take)
    return qty


def _supplier(inv):
    inv.ids["supplier"] = inv.purchasing.add_supplier("SUP1", "可口可乐装瓶厂")
    return inv.ids["supplier"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=operations)
def test_on_hand_is_the_sum_of_movements_whatever_the_order(inv, ops):
    cola = inv.product_id("D0001")
    expected = ledger_sum(inv, cola)
    other_before = ledger_sum(inv, cola, inv.other_store_id)
    sent = 0
    for op, qty in ops:
        expected = apply(inv, cola, op, qty, expected)
        sent += qty if op == "transfer" else 0
    level = inv.stock.level(cola)
    assert level.on_hand_milli == expected == ledger_sum(inv, cola) == cached(inv, cola)
    assert level.available_milli == expected
    assert ledger_sum(inv, cola, inv.other_store_id) == other_before + sent == cached(inv, cola, inv.other_store_id)


def test_a_stocktake_posted_twice_adjusts_once(inv):
    cola = inv.product_id("D0001")
    take = inv.stocktake.start(["饮料/碳酸饮料"])
    for _ in range(3):
        inv.stocktake.count(take, COLA, device="PDA-1")
    inv.stocktake.count(take, COLA, 90_000, device="PDA-2")  # another device adds to the session
    assert inv.stocktake.post(take) == 1
    with pytest.raises(StateError):
        inv.stocktake.post(take)
    assert inv.stock.level(cola).on_hand_milli == 93_000
    with inv.sessions() as s:
        kinds = s.scalars(select(StockMovement.quantity_milli).where(
            StockMovement.product_id == cola, StockMovement.kind == "stocktake")).all()
    assert kinds == [-7_000]


def test_book_quantity_is_frozen_while_sales_go_on(inv, clock):
    cola = inv.product_id("D0001")
    take = inv.stocktake.start(["饮料"])
    clock.advance(minutes=5)
    with inv.sessions.begin() as s:  # the till sells 2 while the shelf is being counted
        write_movements(s, store_id=inv.terminal.store_id, kind="sale", moves=[Move(cola, -2000)],
                        ref_type="sale", ref_id="s1", now=clock.now())
    inv.stocktake.count(take, COLA, 95_000)
    report = inv.stocktake.variance(take)
    line = next(l for l in report.lines if l.product_id == cola)
    assert (line.book_milli, line.counted_milli, line.difference_milli) == (100_000, 95_000, -5_000)
    # water was in scope but nobody counted it: it reads as zero
    water = next(l for l in report.lines if l.sku_code == "D0002")
    assert (water.counted_milli, water.was_counted) == (0, False)
    inv.stocktake.post(take)
    assert inv.stock.level(cola).on_hand_milli == 93_000  # counted 95, minus the 2 sold since


def test_every_stock_change_writes_an_outbox_event_with_it(inv):
    cola = inv.product_id("D0001")
    with inv.sessions() as s:
        before = s.scalar(select(func.count()).select_from(OutboxEvent))
    inv.stock.adjust(cola, 1000, "damaged", "dropped")
    with inv.sessions() as s:
        events = s.scalars(select(OutboxEvent).order_by(OutboxEvent.seq)).all()[before:]
    assert [e.kind for e in events] == ["stock.movements"]
    assert '"quantity_milli":-1000' in events[0].payload


def test_balances_rebuild_from_the_ledger(inv):
    cola = inv.product_id("D0001")
    with inv.sessions.begin() as s:
        s.execute(text("UPDATE stock_balance SET on_hand_milli = 0"))
        rebuild_balances(s)
    assert cached(inv, cola) == 100_000
