"""Payloads of member events (app/services/members/*), schema version 1."""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StrictBool, StrictStr

from cloud.payloads_common import Code, Day, Id, Int64, Moment, Strict, Text

Short = Annotated[StrictStr, Field(max_length=16)]  # kinds and tenders of the ledgers


class MemberV1(Strict):
    """member.created and member.changed carry the whole member."""

    member_id: Id
    store_id: Id = ""  # the till's own store key, not the cloud's: the envelope names the store
    phone: StrictStr = Field(pattern=r"^1[3-9]\d{9}$")
    card_no: StrictStr = Field(min_length=1, max_length=16)
    name: StrictStr = Field(min_length=1, max_length=40)
    birthday: Day | None = None
    level: Code
    tags: StrictStr = Field(default="", max_length=200)
    consent_at: Moment
    recruited_by_id: Id | None = None
    code_secret: StrictStr = Field(default="", max_length=64)


class MemberBoundV1(Strict):
    member_id: Id
    salesperson_id: Id
    previous_id: Id | None = None
    source: Code
    by_user_id: Id | None = None
    reason: Text = ""


class MemberLevelChangedV1(Strict):
    member_id: Id
    from_level: Code = Field(alias="from")
    to_level: Code = Field(alias="to")
    reason: Code = ""


class PointsMovedV1(Strict):
    move_id: Id
    member_id: Id
    points: Int64
    kind: Short
    ref_type: Short = ""
    ref_id: Id | None = None
    refund_id: Id | None = None
    offline: StrictBool = False
    overdraft: StrictBool = False
    expires_at: Moment | None = None


class StoredValueMovedV1(Strict):
    move_id: Id
    member_id: Id
    principal_fen: Int64
    bonus_fen: Int64
    kind: Short
    ref_type: Short = ""
    ref_id: Id | None = None
    refund_id: Id | None = None
    tender: Short = ""
    offline: StrictBool = False
    overdraft: StrictBool = False
    by_user_id: Id | None = None


class CouponIssuedV1(Strict):
    coupon_id: Id
    member_id: Id
    code: StrictStr = Field(min_length=1, max_length=24)
    name: StrictStr = Field(max_length=60)
    kind: Literal["cash_off", "percent_off"]
    value: Int64 = Field(gt=0)
    threshold_fen: Int64 = Field(default=0, ge=0)
    scope: Literal["all", "category", "sku"] = "all"
    scope_ref: Code = ""
    starts_at: Moment
    ends_at: Moment


class CouponRedeemedV1(Strict):
    coupon_id: Id
    member_id: Id
    sale_id: Id
    amount_fen: Int64 = Field(ge=0)


class CreditLineV1(Strict):
    sale_line_id: Id
    refund_line_id: Id | None = None
    salesperson_id: Id | None = None
    amount_fen: Int64
    commission_fen: Int64


class SalesCreditRecordedV1(Strict):
    sale_id: Id
    member_id: Id | None = None
    lines: list[CreditLineV1]


class SalesCreditReversedV1(Strict):
    refund_id: Id
    sale_id: Id
    lines: list[CreditLineV1]


class SalespersonEnrolledV1(Strict):
    salesperson_id: Id
    user_id: Id
    code: StrictStr = Field(min_length=1, max_length=16)
    badge: StrictStr = Field(min_length=1, max_length=32)
    name: StrictStr = Field(max_length=60)


class CommissionRuleV1(Strict):
    rule_id: Id
    name: StrictStr = Field(min_length=1, max_length=60)
    kind: Literal["percent", "per_item"]
    rate_bp: Int64 = Field(default=0, ge=0, le=10000)
    amount_fen: Int64 = Field(default=0, ge=0)
    scope: Literal["all", "category", "sku"] = "all"
    scope_ref: Code = ""
    starts_at: Moment | None = None
    ends_at: Moment | None = None
    active: StrictBool = True


class MemberProgramV1(Strict):
    """The programme settings (app.services.members.program.ProgramSettings)."""

    points_per_yuan: Int64 = Field(ge=0)
    points_expiry_days: Int64 = Field(ge=0)
    birthday_multiplier_pct: Int64 = Field(ge=0)
    excluded_category_codes: list[Code] = Field(default_factory=list)
    excluded_skus: list[Code] = Field(default_factory=list)
    redeem_points_per_yuan: Int64 = Field(gt=0)
    redeem_cap_bp: Int64 = Field(ge=0)
    redeem_min_order_fen: Int64 = Field(ge=0)
    offline_daily_points_cap: Int64 = Field(ge=0)
    offline_daily_stored_value_cap_fen: Int64 = Field(ge=0)
    offline_overdraft_points: Int64 = Field(ge=0)
    offline_overdraft_fen: Int64 = Field(ge=0)
    binding_rule: Literal["first", "latest", "protect"]
    binding_protection_days: Int64 = Field(ge=0)
    code_interval_s: Int64 = Field(gt=0)
    code_valid_steps: Int64 = Field(ge=0)


MEMBER_PAYLOADS: dict[str, dict[int, type[Strict]]] = {
    "member.created": {1: MemberV1},
    "member.changed": {1: MemberV1},
    "member.bound": {1: MemberBoundV1},
    "member.level_changed": {1: MemberLevelChangedV1},
    "member.points_moved": {1: PointsMovedV1},
    "member.stored_value_moved": {1: StoredValueMovedV1},
    "coupon.issued": {1: CouponIssuedV1},
    "coupon.redeemed": {1: CouponRedeemedV1},
    "sales_credit.recorded": {1: SalesCreditRecordedV1},
    "sales_credit.reversed": {1: SalesCreditReversedV1},
    "salesperson.enrolled": {1: SalespersonEnrolledV1},
    "commission_rule.changed": {1: CommissionRuleV1},
    "member_program.changed": {1: MemberProgramV1},
}
