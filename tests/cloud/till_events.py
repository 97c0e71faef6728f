"""Events of every kind, shaped exactly as the till's services write them (see each
emitter named below), for cloud tests. Ids are fresh UUIDs unless given."""
from __future__ import annotations

import uuid
from typing import Any

from tests.cloud.harness import Tenant

AT = "2026-11-25T08:00:00+00:00"
LATER = "2026-12-25T08:00:00+00:00"


def new_id() -> str:
    return str(uuid.uuid4())


def event(tenant: Tenant, seq: int, kind: str, payload: dict[str, Any],
          event_id: str | None = None) -> dict[str, Any]:
    return {"id": event_id or new_id(), "seq": seq, "kind": kind, "schema_version": 1,
            "store": tenant.store, "terminal": tenant.terminal, "created_at": AT,
            "payload": payload}


def member(member_id: str, phone: str = "13812345678", name: str = "王芳",
           level: str = "MEMBER") -> dict:  # members.MemberService._member_payload
    return {"member_id": member_id, "store_id": new_id(), "phone": phone,
            "card_no": "1" + phone[-9:], "name": name, "birthday": "1990-05-20",
            "level": level, "tags": "", "consent_at": AT, "recruited_by_id": None,
            "code_secret": "JBSWY3DPEHPK3PXP"}


def points(member_id: str, pts: int, kind: str = "earn", move_id: str | None = None) -> dict:
    # as points.add_points_move writes it
    return {"move_id": move_id or new_id(), "member_id": member_id, "points": pts,
            "kind": kind, "ref_type": "sale", "ref_id": new_id(), "refund_id": None,
            "offline": False, "overdraft": False, "expires_at": LATER, "store_id": new_id(),
            "terminal_id": new_id()}


def stored_value(member_id: str, principal: int, bonus: int, kind: str = "topup",
                 move_id: str | None = None) -> dict:  # stored_value.add_sv_move
    return {"move_id": move_id or new_id(), "member_id": member_id, "principal_fen": principal,
            "bonus_fen": bonus, "kind": kind, "ref_type": "topup", "ref_id": new_id(),
            "refund_id": None, "tender": "cash", "offline": False, "overdraft": False,
            "store_id": new_id(), "terminal_id": new_id(), "by_user_id": new_id()}


def bound(member_id: str, salesperson_id: str) -> dict:  # salespeople.bind_in_session
    return {"member_id": member_id, "salesperson_id": salesperson_id, "previous_id": None,
            "source": "qr", "by_user_id": None, "reason": ""}


def level_changed(member_id: str, to: str) -> dict:  # levels.level_up_if_earned
    return {"member_id": member_id, "from": "MEMBER", "to": to, "reason": "spend"}


def salesperson(salesperson_id: str, code: str = "SP01") -> dict:  # salespeople.enroll
    return {"salesperson_id": salesperson_id, "user_id": new_id(), "code": code,
            "badge": "B" + code, "name": "赵导购"}


def commission_rule(rule_id: str) -> dict:  # commission.CommissionService.save
    return {"rule_id": rule_id, "name": "全场 3%", "kind": "percent", "rate_bp": 300,
            "amount_fen": 0, "scope": "all", "scope_ref": "", "starts_at": None,
            "ends_at": None, "active": True}


def program(**changes) -> dict:  # program.save_program: ProgramSettings as JSON
    settings = {"points_per_yuan": 1, "points_expiry_days": 365, "birthday_multiplier_pct": 200,
                "excluded_category_codes": [], "excluded_skus": [],
                "redeem_points_per_yuan": 100, "redeem_cap_bp": 5000,
                "redeem_min_order_fen": 1000, "offline_daily_points_cap": 5000,
                "offline_daily_stored_value_cap_fen": 50000, "offline_overdraft_points": 0,
                "offline_overdraft_fen": 0, "binding_rule": "first",
                "binding_protection_days": 30, "code_interval_s": 60, "code_valid_steps": 2}
    return {**settings, **changes}


def coupon_issued(coupon_id: str, member_id: str) -> dict:  # coupons.issue_in_session
    return {"coupon_id": coupon_id, "member_id": member_id, "code": "CP123456789012",
            "name": "满100减10", "kind": "cash_off", "value": 1000, "threshold_fen": 10000,
            "scope": "all", "scope_ref": "", "starts_at": AT, "ends_at": LATER}


def coupon_redeemed(coupon_id: str, member_id: str, amount: int = 1000) -> dict:
    return {"coupon_id": coupon_id, "member_id": member_id, "sale_id": new_id(),
            "amount_fen": amount}


def credit_recorded(sale_id: str, salesperson_id: str, lines: list[tuple[str, int, int]],
                    member_id: str | None = None) -> dict:  # members.sales.on_sale_completed
    return {"sale_id": sale_id, "member_id": member_id, "lines": [
        {"sale_line_id": line_id, "salesperson_id": salesperson_id, "amount_fen": amount,
         "commission_fen": commission} for line_id, amount, commission in lines]}


def credit_reversed(refund_id: str, sale_id: str, salesperson_id: str,
                    lines: list[tuple[str, int, int]]) -> dict:  # on_refund_completed
    return {"refund_id": refund_id, "sale_id": sale_id, "lines": [
        {"sale_line_id": line_id, "refund_line_id": new_id(), "salesperson_id": salesperson_id,
         "amount_fen": -amount, "commission_fen": -commission}
        for line_id, amount, commission in lines]}


def refund(tenant: Tenant, sale_id: str | None, lines: list[tuple[str, int, int]],
           tenders: list[tuple[str, int]] | None = None) -> dict:  # returns._payload
    total = sum(amount for _, _, amount in lines)
    return {"refund_id": new_id(), "refund_no": f"R{tenant.store}-T01-20261125-0001",
            "sale_id": sale_id, "receipt_no": "", "store": tenant.store,
            "terminal": tenant.terminal, "cashier_id": new_id(), "business_date": "2026-11-25",
            "created_at": AT, "total_fen": total, "tax_fen": 0,
            "without_receipt": sale_id is None, "reason": "质量问题",
            "lines": [{"line_no": i, "sale_line_id": new_id(), "product_id": new_id(),
                       "sku_code": sku, "name": "商品", "quantity_milli": qty,
                       "amount_fen": amount, "tax_rate_bp": 1300, "tax_fen": 0}
                      for i, (sku, qty, amount) in enumerate(lines, start=1)],
            "payments": [{"tender": t, "amount_fen": a, "reference": "", "status": "done"}
                         for t, a in (tenders or [("cash", total)])]}


def stock_movements(kind: str, moves: list[tuple[str, int]]) -> dict:  # inventory.common
    ref_id = new_id()
    return {"store_id": new_id(), "kind": kind, "ref_type": "stock_adjustment",
            "ref_id": ref_id, "at": AT,
            "movements": [{"id": new_id(), "product_id": new_id(), "sku_code": sku,
                           "quantity_milli": qty, "note": ""} for sku, qty in moves]}


def shift_base(tenant: Tenant, shift_id: str) -> dict:  # shifts._event_base
    return {"shift_id": shift_id, "seq": 1, "store": tenant.store, "terminal": tenant.terminal}


def shift_opened(tenant: Tenant, shift_id: str, float_fen: int) -> dict:
    return {**shift_base(tenant, shift_id), "cashier": "1001", "opening_float_fen": float_fen,
            "previous_shift_id": None}


def shift_cash(tenant: Tenant, shift_id: str, kind: str, amount: int) -> dict:
    return {**shift_base(tenant, shift_id), "movement_id": new_id(), "kind": kind,
            "amount_fen": amount, "reason": "", "actor": "1001", "approver": None}


def shift_closed(tenant: Tenant, shift_id: str, expected: int, counted: int) -> dict:
    return {**shift_base(tenant, shift_id), "closed_by": "1001",
            "denominations": {"10000": 1},
            "report": {"kind": "Z", "shift_id": shift_id, "seq": 1, "generated_at": AT,
                       "lines": [{"key": "sales", "count": 1, "amount_fen": 350}],
                       "movements": [{"key": "float", "amount_fen": 10000}],
                       "tenders": [{"tender": "cash", "expected_fen": expected,
                                    "counted_fen": counted,
                                    "difference_fen": counted - expected},
                                   {"tender": "wechat", "expected_fen": 0,
                                    "counted_fen": None, "difference_fen": None}],
                       "over_short_fen": counted - expected}}


def record_only(tenant: Tenant) -> list[tuple[str, dict]]:
    """Kinds the cloud keeps as events only, with the payloads their emitters write."""
    product = {"product_id": new_id(), "sku_code": "D0001", "name": "可乐", "category": "饮料",
               "retail_fen": 350, "member_fen": 300, "cost_fen": 200, "floor_fen": None,
               "barcodes": ["6901234567892"], "active": True, "unit": "瓶",
               "tax_rate_bp": 1300, "is_weighed": False, "plu": None, "packs": []}
    attempt = {"attempt_id": new_id(), "draft_id": new_id(), "out_trade_no": "S001T01X1",
               "channel": "wechat", "provider": "sim", "amount_fen": 350, "provider_ref": "wx1"}
    void = {"draft_id": new_id(), "kind": "line", "reason": "", "amount_fen": 350,
            "store": tenant.store, "terminal": tenant.terminal, "cashier_id": new_id(),
            "lines": [{"product_id": new_id(), "sku_code": "D0001", "name": "可乐",
                       "quantity_milli": 1000, "unit_price_fen": 350}], "tenders": []}
    return [
        ("sale.held", {"draft_id": new_id(), "total_fen": 700, "terminal": tenant.terminal}),
        ("stocktake.posted", {"number": "ST-1", "store": tenant.store, "value_fen": -350,
                              "changed": 1}),
        ("purchase_order.sent", {"number": "PO-1", "store": tenant.store,
                                 "supplier_id": new_id(), "lines": [
                                     {"product_id": new_id(), "ordered_milli": 24000,
                                      "unit_cost_fen": 200}]}),
        ("purchase_order.closed", {"number": "PO-1"}),
        ("backoffice.product_saved", product),
        ("backoffice.bulk_price_change", {"price_type": "retail", "percent_bp": 500,
                                          "amount_fen": 0, "category": "饮料",
                                          "supplier_id": None, "changed": 12}),
        ("backoffice.products_imported", {"products": [
            {"sku_code": "D0009", "name": "雪碧", "category": "饮料", "barcodes": [],
             "retail_fen": 300, "member_fen": None, "cost_fen": None, "floor_fen": None,
             "tax_rate_bp": 1300, "unit": "瓶", "active": True}]}),
        ("payment.success", attempt),
        ("payment.reversed", attempt),
        ("checkout.line_voided", void),
        ("checkout.sale_voided", {**void, "kind": "sale"}),
    ]
