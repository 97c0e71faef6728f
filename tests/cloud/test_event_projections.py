"""Every kind a till sends is accepted and projected once: refunds, stock, tenders,
members and their ledgers, coupons, sales credit, shifts (issue 7)."""
from __future__ import annotations

import requests
from sqlalchemy import func, select

from cloud.models import Change, Event, QuarantinedEvent
from cloud.models_ledgers import (
    CloudMember, CloudSalesperson, CouponRedemption, MemberProgramDef, Refund, RefundLine,
    SalePayment, SalesCredit, Shift, ShiftCashMovement, ShiftTenderCount,
)
from cloud.payloads_members import MEMBER_PAYLOADS
from cloud.payloads_store import STORE_PAYLOADS
from tests.cloud import till_events as te
from tests.cloud.harness import HTTP_TIMEOUT, sale_event


def _push(tenant, events):
    answer = requests.post(tenant.base_url + "/api/v1/events", headers=tenant.headers(),
                           json={"events": events}, timeout=HTTP_TIMEOUT)
    assert answer.status_code == 200, answer.text
    return answer.json()


def _statuses(answer):
    return [(r["status"], r.get("reason", "")) for r in answer["results"]]


def _stock(tenant) -> dict:
    return requests.get(f"{tenant.base_url}/api/v1/stores/{tenant.store}/stock",
                        headers=tenant.headers(), timeout=HTTP_TIMEOUT).json()["on_hand_milli"]


def _member(tenant, member_id):
    answer = requests.get(f"{tenant.base_url}/api/v1/admin/members/{member_id}",
                          headers=tenant.headers(admin=True), timeout=HTTP_TIMEOUT)
    assert answer.status_code == 200, answer.text
    return answer.json()


def _commission(cloud_db, salesperson_id) -> tuple[int, int]:
    with cloud_db.database.read() as conn:
        amount, commission = conn.execute(
            select(func.coalesce(func.sum(SalesCredit.amount_fen), 0),
                   func.coalesce(func.sum(SalesCredit.commission_fen), 0))
            .where(SalesCredit.salesperson_id == salesperson_id)).one()
    return int(amount), int(commission)


def _member_batch(tenant, member_id, salesperson_id, sale):
    line_id = te.new_id()
    kinds = [
        ("salesperson.enrolled", te.salesperson(salesperson_id)),
        ("member.created", te.member(member_id)),
        ("member.bound", te.bound(member_id, salesperson_id)),
        ("member.points_moved", te.points(member_id, 120)),
        ("member.stored_value_moved", te.stored_value(member_id, 20000, 5000)),
        ("member.stored_value_moved", te.stored_value(member_id, -3000, -750, kind="pay")),
        ("member.points_moved", te.points(member_id, -20, kind="redeem")),
        ("member.level_changed", te.level_changed(member_id, "GOLD")),
        ("sales_credit.recorded", te.credit_recorded(sale["payload"]["sale_id"], salesperson_id,
                                                     [(line_id, 700, 21)], member_id)),
        ("sales_credit.reversed", te.credit_reversed(te.new_id(), sale["payload"]["sale_id"],
                                                     salesperson_id, [(line_id, 350, 10)])),
        ("commission_rule.changed", te.commission_rule(te.new_id())),
        ("member_program.changed", te.program(points_per_yuan=2)),
    ]
    return [sale] + [te.event(tenant, seq, kind, payload)
                     for seq, (kind, payload) in enumerate(kinds, start=2)]


def test_member_events_are_projected_and_a_second_push_counts_nothing(cloud_db, tenant):
    member_id, salesperson_id = te.new_id(), te.new_id()
    sale = sale_event(tenant, 1, [("D0001", 2000)])
    batch = _member_batch(tenant, member_id, salesperson_id, sale)
    answer = _push(tenant, batch)
    assert _statuses(answer) == [("accepted", "")] * len(batch)
    member = _member(tenant, member_id)
    assert (member["points"], member["principal_fen"], member["bonus_fen"]) == (100, 17000, 4250)
    assert member["level"] == "GOLD" and member["salesperson_id"] == salesperson_id
    assert member["home_store"] == tenant.store and member["phone"] == "13812345678"
    assert _commission(cloud_db, salesperson_id) == (350, 11)
    with cloud_db.database.read() as conn:  # the reversal counts against the member's spend
        assert conn.scalar(select(func.sum(SalesCredit.amount_fen))
                           .where(SalesCredit.member_id == member_id)) == 350

    again = _push(tenant, batch)
    assert again["duplicate"] == len(batch) and again["accepted"] == 0
    member = _member(tenant, member_id)
    assert (member["points"], member["principal_fen"], member["bonus_fen"]) == (100, 17000, 4250)
    assert _commission(cloud_db, salesperson_id) == (350, 11)
    assert _stock(tenant) == {"D0001": -2000}
    with cloud_db.database.read() as conn:
        program = conn.scalar(select(MemberProgramDef.data).where(
            MemberProgramDef.merchant_id == tenant.merchant_id))
        assert program["points_per_yuan"] == 2
        assert conn.scalar(select(CloudSalesperson.code).where(
            CloudSalesperson.id == salesperson_id)) == "SP01"


def test_a_move_sent_again_in_another_event_is_not_counted_twice(tenant):
    member_id, move_id = te.new_id(), te.new_id()
    _push(tenant, [te.event(tenant, 1, "member.created", te.member(member_id, "13900000001")),
                   te.event(tenant, 2, "member.points_moved", te.points(member_id, 50,
                                                                       move_id=move_id))])
    # the same ledger move under a new event id (a till restored from a backup)
    answer = _push(tenant, [te.event(tenant, 3, "member.points_moved",
                                     te.points(member_id, 50, move_id=move_id))])
    assert answer["accepted"] == 1
    assert _member(tenant, member_id)["points"] == 50


def test_member_changes_reach_the_change_log_in_order(cloud_db, tenant):
    member_id, salesperson_id = te.new_id(), te.new_id()
    _push(tenant, _member_batch(tenant, member_id, salesperson_id, sale_event(tenant, 1)))
    with cloud_db.database.read() as conn:
        logged = conn.execute(select(Change.entity, Change.entity_id, Change.data)
                              .where(Change.merchant_id == tenant.merchant_id)
                              .order_by(Change.version)).all()
    entities = [row.entity for row in logged]
    assert entities == ["member_program", "commission_rule", "salesperson", "member",
                        "points_move", "points_move", "stored_value_move", "stored_value_move"]
    member = logged[3].data
    assert member["id"] == member_id and member["level"] == "GOLD"
    assert member["salesperson_id"] == salesperson_id and member["home_store"] == tenant.store
    assert sum(row.data["points"] for row in logged if row.entity == "points_move") == 100
    assert {row.data["store"] for row in logged[4:]} == {tenant.store}


def test_refunds_stock_and_tenders_are_projected(cloud_db, tenant):
    sale = sale_event(tenant, 1, [("D0001", 3000)])
    sale["payload"]["payments"] = [{"tender": "cash", "amount_fen": 500, "tendered_fen": 1000,
                                    "change_fen": 500, "reference": ""},
                                   {"tender": "wechat", "amount_fen": 550,
                                    "reference": "wx-1"}]
    refund = te.refund(tenant, sale["payload"]["sale_id"], [("D0001", 1000, 350)])
    batch = [sale,
             te.event(tenant, 2, "refund.completed", refund),
             te.event(tenant, 3, "stock.movements", te.stock_movements(
                 "receiving", [("D0001", 24000), ("S0001", 12000)])),
             te.event(tenant, 4, "stock.movements", te.stock_movements(
                 "adjustment", [("S0001", -1000)])),
             te.event(tenant, 5, "stock.movements", te.stock_movements(
                 "transfer_out", [("S0001", -2000)]))]
    assert _push(tenant, batch)["accepted"] == 5
    expected = {"D0001": -3000 + 1000 + 24000, "S0001": 12000 - 1000 - 2000}
    assert _stock(tenant) == expected
    assert _push(tenant, batch)["duplicate"] == 5
    assert _stock(tenant) == expected
    with cloud_db.database.read() as conn:
        tenders = conn.execute(select(SalePayment.tender, SalePayment.amount_fen)
                               .where(SalePayment.sale_id == sale["payload"]["sale_id"])
                               .order_by(SalePayment.line_no)).all()
        stored = conn.execute(select(Refund).where(Refund.id == refund["refund_id"])).one()
        lines = conn.scalar(select(func.count()).select_from(RefundLine)
                            .where(RefundLine.refund_id == refund["refund_id"]))
    assert [tuple(t) for t in tenders] == [("cash", 500), ("wechat", 550)]
    assert (stored.total_fen, stored.sale_id, lines) == (350, sale["payload"]["sale_id"], 1)


def test_a_refund_id_recorded_by_another_event_is_rejected(tenant):
    refund = te.refund(tenant, None, [("D0001", 1000, 350)])
    _push(tenant, [te.event(tenant, 1, "refund.completed", refund)])
    answer = _push(tenant, [te.event(tenant, 2, "refund.completed", refund)])
    [(status, reason)] = _statuses(answer)
    assert status == "rejected" and "already recorded" in reason
    assert _stock(tenant) == {"D0001": 1000}


def test_shifts_coupons_and_record_only_kinds(cloud_db, tenant):
    shift_id, coupon_id, member_id = te.new_id(), te.new_id(), te.new_id()
    kinds = [("member.created", te.member(member_id, "13900000002")),
             ("shift.opened", te.shift_opened(tenant, shift_id, 10000)),
             ("shift.cash_movement", te.shift_cash(tenant, shift_id, "float", 10000)),
             ("shift.cash_movement", te.shift_cash(tenant, shift_id, "pay_out", -2000)),
             ("shift.closed", te.shift_closed(tenant, shift_id, 8350, 8300)),
             ("coupon.issued", te.coupon_issued(coupon_id, member_id)),
             ("coupon.redeemed", te.coupon_redeemed(coupon_id, member_id)),
             *te.record_only(tenant)]
    batch = [te.event(tenant, seq, kind, payload)
             for seq, (kind, payload) in enumerate(kinds, start=1)]
    assert _statuses(_push(tenant, batch)) == [("accepted", "")] * len(batch)
    with cloud_db.database.read() as conn:
        shift = conn.execute(select(Shift).where(Shift.id == shift_id)).one()
        moves = conn.scalar(select(func.sum(ShiftCashMovement.amount_fen))
                            .where(ShiftCashMovement.shift_id == shift_id))
        counts = conn.execute(select(ShiftTenderCount.tender, ShiftTenderCount.difference_fen)
                              .where(ShiftTenderCount.shift_id == shift_id)
                              .order_by(ShiftTenderCount.tender)).all()
        used = conn.scalar(select(CouponRedemption.amount_fen)
                           .where(CouponRedemption.coupon_id == coupon_id))
        kinds_stored = set(conn.scalars(select(Event.kind).where(
            Event.merchant_id == tenant.merchant_id)))
    assert (shift.opening_float_fen, shift.over_short_fen, shift.closed_by) == (10000, -50, "1001")
    assert shift.closed_at is not None and moves == 8000
    assert [tuple(c) for c in counts] == [("cash", -50), ("wechat", None)]
    assert used == 1000
    assert kinds_stored == {kind for kind, _ in kinds}


def test_every_kind_the_till_emits_has_a_payload_model():
    emitted = {
        "sale.completed", "refund.completed", "stock.movements", "member.created",
        "member.changed", "member.bound", "member.level_changed", "member.points_moved",
        "member.stored_value_moved", "coupon.issued", "coupon.redeemed",
        "sales_credit.recorded", "sales_credit.reversed", "salesperson.enrolled",
        "commission_rule.changed", "member_program.changed", "shift.opened",
        "shift.cash_movement", "shift.closed", "sale.held", "stocktake.posted",
        "purchase_order.sent", "purchase_order.closed", "backoffice.product_saved",
        "backoffice.bulk_price_change", "backoffice.products_imported", "payment.success",
        "payment.reversed", "checkout.line_voided", "checkout.sale_voided"}
    from cloud.event_schema import PAYLOADS
    assert emitted <= set(PAYLOADS)
    assert set(STORE_PAYLOADS) | set(MEMBER_PAYLOADS) | {"sale.completed"} <= set(PAYLOADS)


def test_bad_payloads_are_quarantined_with_a_reason_and_do_not_block(cloud_db, tenant):
    member_id = te.new_id()
    good = te.event(tenant, 1, "member.created", te.member(member_id, "13900000003"))
    float_points = te.event(tenant, 2, "member.points_moved", te.points(member_id, 10))
    float_points["payload"]["points"] = 10.5
    bad_phone = te.event(tenant, 3, "member.created", te.member(te.new_id(), "12345"))
    no_sku = te.event(tenant, 4, "stock.movements", te.stock_movements("receiving", [("X", 1)]))
    del no_sku["payload"]["movements"][0]["sku_code"]
    bad_kind = te.event(tenant, 5, "stock.movements", te.stock_movements("teleport", [("X", 1)]))
    after = te.event(tenant, 6, "member.stored_value_moved", te.stored_value(member_id, 100, 0))
    answer = _push(tenant, [good, float_points, bad_phone, no_sku, bad_kind, after])
    results = _statuses(answer)
    assert [status for status, _ in results] == [
        "accepted", "rejected", "rejected", "rejected", "rejected", "accepted"]
    reasons = [reason for _, reason in results]
    assert reasons[1].startswith("malformed payload: points")
    assert reasons[2].startswith("malformed payload: phone")
    assert reasons[3].startswith("malformed payload: movements.0.sku_code")
    assert reasons[4].startswith("malformed payload: kind")
    member = _member(tenant, member_id)
    assert (member["points"], member["principal_fen"]) == (0, 100)
    assert _stock(tenant) == {}
    with cloud_db.database.read() as conn:
        quarantined = set(conn.scalars(select(QuarantinedEvent.event_id).where(
            QuarantinedEvent.merchant_id == tenant.merchant_id)))
    assert quarantined == {float_points["id"], bad_phone["id"], no_sku["id"], bad_kind["id"]}


def test_a_member_registered_at_two_stores_is_one_member_with_its_home_store(
        cloud_db, cloud_server, tenant):
    from tests.cloud.harness import make_tenant
    store_b = make_tenant(cloud_db.database, cloud_server.base_url, merchant=tenant.merchant)
    member_id = te.new_id()
    _push(tenant, [te.event(tenant, 1, "member.created", te.member(member_id, "13900000004"))])
    edited = te.member(member_id, "13900000004", name="王芳芳")
    _push(store_b, [te.event(store_b, 1, "member.changed", edited),
                    te.event(store_b, 2, "member.points_moved", te.points(member_id, 30))])
    member = _member(tenant, member_id)
    assert (member["name"], member["home_store"], member["points"]) == ("王芳芳", tenant.store, 30)
    with cloud_db.database.read() as conn:
        assert conn.scalar(select(func.count()).select_from(CloudMember)
                           .where(CloudMember.id == member_id)) == 1
