"""Members and their master data: registrations and edits from any store, bindings to
salespeople, levels, salespeople, commission rules, the programme and coupons.

Members are keyed by the id the registering till gave them (UUIDv7, unique across
tills), so one member is one row however many stores see them. Whatever changes
here is logged for the other tills (cloud.changes_members).
"""
from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.engine import Connection

from cloud import changes_members as log
from cloud.event_schema import ValidEvent
from cloud.models_ledgers import (
    CloudCommissionRule, CloudMember, CloudSalesperson, Coupon, CouponRedemption,
    MemberProgramDef, PointsMove, StoredValueMove,
)
from cloud.payloads_common import Strict
from cloud.payloads_members import (
    CommissionRuleV1, CouponIssuedV1, CouponRedeemedV1, MemberBoundV1, MemberLevelChangedV1,
    MemberProgramV1, MemberV1, SalespersonEnrolledV1,
)


def project_member(p, event: ValidEvent) -> None:
    """member.created / member.changed: the whole member; the first store is home."""
    m: MemberV1 = event.payload
    p.upsert(CloudMember, dict(
        id=m.member_id, merchant_id=p.merchant_id, home_store_id=p.store_id, phone=m.phone,
        card_no=m.card_no, name=m.name, birthday=m.birthday, level_code=m.level, tags=m.tags,
        consent_at=m.consent_at, recruited_by_id=m.recruited_by_id, salesperson_id=None,
        bound_at=None, code_secret=m.code_secret, active=True,
        created_at=event.envelope.created_at, updated_at=event.envelope.created_at),
        keys=["id"], keep=("merchant_id", "home_store_id", "salesperson_id", "bound_at",
                           "created_at"))
    p.log.member(m.member_id)


def project_binding(p, event: ValidEvent) -> None:
    bound: MemberBoundV1 = event.payload
    _update_member(p, bound.member_id, salesperson_id=bound.salesperson_id,
                   bound_at=event.envelope.created_at)


def project_level_change(p, event: ValidEvent) -> None:
    change: MemberLevelChangedV1 = event.payload
    _update_member(p, change.member_id, level_code=change.to_level)


def _update_member(p, member_id: str, **values) -> None:
    p.conn.execute(update(CloudMember).where(CloudMember.id == member_id,
                                             CloudMember.merchant_id == p.merchant_id)
                   .values(updated_at=p.now, **values))
    p.log.member(member_id)


def project_salesperson(p, event: ValidEvent) -> None:
    person: SalespersonEnrolledV1 = event.payload
    row = dict(id=person.salesperson_id, merchant_id=p.merchant_id, store_id=p.store_id,
               user_id=person.user_id, code=person.code, badge=person.badge, name=person.name,
               updated_at=event.envelope.created_at)
    p.upsert(CloudSalesperson, row, keys=["id"], keep=("merchant_id", "store_id"))
    p.log.put(log.SALESPERSON, person.salesperson_id, {
        "id": person.salesperson_id, "user_id": person.user_id, "code": person.code,
        "badge": person.badge, "name": person.name, "store": p.principal.store_code})


def project_commission_rule(p, event: ValidEvent) -> None:
    rule: CommissionRuleV1 = event.payload
    data = {"id": rule.rule_id, **_plain(rule, exclude={"rule_id"})}
    p.upsert(CloudCommissionRule, dict(id=rule.rule_id, merchant_id=p.merchant_id, data=data,
                                       updated_at=event.envelope.created_at),
             keys=["id"], keep=("merchant_id",))
    p.log.put(log.COMMISSION_RULE, rule.rule_id, data)


def project_program(p, event: ValidEvent) -> None:
    """The programme is the merchant's: the last store (or HQ) to change it sets it for all."""
    settings: MemberProgramV1 = event.payload
    data = _plain(settings)
    p.upsert(MemberProgramDef, dict(merchant_id=p.merchant_id, data=data,
                                    updated_at=event.envelope.created_at), keys=["merchant_id"])
    p.log.put(log.MEMBER_PROGRAM, log.PROGRAM_ID, data)


def project_coupon_issued(p, event: ValidEvent) -> None:
    coupon: CouponIssuedV1 = event.payload
    p.upsert(Coupon, dict(id=coupon.coupon_id, merchant_id=p.merchant_id,
                          member_id=coupon.member_id, store_id=p.store_id, code=coupon.code,
                          data=_plain(coupon), issued_at=event.envelope.created_at),
             keys=["id"], keep=("merchant_id", "store_id", "issued_at"))
    p.log.coupon(coupon.coupon_id)  # to every till: the member may use it at any store


def project_coupon_redeemed(p, event: ValidEvent) -> None:
    used: CouponRedeemedV1 = event.payload
    p.append(CouponRedemption, dict(
        event_id=event.envelope.id, coupon_id=used.coupon_id, merchant_id=p.merchant_id,
        store_id=p.store_id, member_id=used.member_id, sale_id=used.sale_id,
        amount_fen=used.amount_fen, created_at=event.envelope.created_at))
    p.log.coupon(used.coupon_id)  # other tills learn it is used


def _plain(model: Strict, exclude: set[str] | None = None) -> dict:
    """JSON-ready fields (datetimes as ISO text) under the names the till wrote."""
    return model.model_dump(mode="json", by_alias=True, exclude=exclude)


def member_balances(conn: Connection, member_id: str) -> dict[str, int]:
    """Points and stored value (principal, bonus) as sums of the cloud's ledgers."""
    points = conn.scalar(select(func.coalesce(func.sum(PointsMove.points), 0))
                         .where(PointsMove.member_id == member_id))
    principal, bonus = conn.execute(
        select(func.coalesce(func.sum(StoredValueMove.principal_fen), 0),
               func.coalesce(func.sum(StoredValueMove.bonus_fen), 0))
        .where(StoredValueMove.member_id == member_id)).one()
    return {"points": int(points), "principal_fen": int(principal), "bonus_fen": int(bonus)}


PROJECTORS = {
    "member.created": project_member,
    "member.changed": project_member,
    "member.bound": project_binding,
    "member.level_changed": project_level_change,
    "salesperson.enrolled": project_salesperson,
    "commission_rule.changed": project_commission_rule,
    "member_program.changed": project_program,
    "coupon.issued": project_coupon_issued,
    "coupon.redeemed": project_coupon_redeemed,
}
