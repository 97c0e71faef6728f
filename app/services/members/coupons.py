"""Member coupons: cash-off or percent-off, an optional threshold, scope all/category/SKU,
a validity window; each used once (the unique coupon_redemption.coupon_id sees to it)."""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models_members import Coupon, CouponRedemption, Member
from app.domain.clock import Clock
from app.domain.ids import new_id
from app.domain.money import Money
from app.services.errors import InvalidInput, NotAllowed, NotFound, StateError
from app.sync.outbox import add_event

KINDS = ("cash_off", "percent_off")
SCOPES = ("all", "category", "sku")


@dataclass(frozen=True, slots=True)
class CouponLine:
    """A line of the sale as a coupon sees it; category_codes holds the category and its ancestors."""

    sku: str
    category_codes: tuple[str, ...]
    amount_fen: int


@dataclass(frozen=True, slots=True)
class CouponInfo:
    id: str
    member_id: str
    code: str
    name: str
    kind: str
    value: int
    threshold_fen: int
    scope: str
    scope_ref: str
    starts_at: datetime
    ends_at: datetime
    used: bool

    def usable_at(self, now: datetime) -> bool:
        return not self.used and self.starts_at <= now < self.ends_at

    def describe(self) -> str:
        off = Money(self.value).format() if self.kind == "cash_off" else f"{self.value / 100:g}%"
        cond = f" ≥{Money(self.threshold_fen).format()}" if self.threshold_fen else ""
        return f"{self.name}: -{off}{cond}"


@dataclass(frozen=True, slots=True)
class CouponSpec:
    name: str
    kind: str
    value: int
    starts_at: datetime
    ends_at: datetime
    threshold_fen: int = 0
    scope: str = "all"
    scope_ref: str = ""


def in_scope(coupon: CouponInfo, line: CouponLine) -> bool:
    if coupon.scope == "sku":
        return line.sku == coupon.scope_ref
    if coupon.scope == "category":
        return coupon.scope_ref in line.category_codes
    return True


def coupon_discount(coupon: CouponInfo, lines: Sequence[CouponLine]) -> int:
    """Fen off for these lines; 0 when the lines in scope do not reach the threshold."""
    eligible = sum(l.amount_fen for l in lines if in_scope(coupon, l))
    if eligible <= 0 or eligible < coupon.threshold_fen:
        return 0
    if coupon.kind == "cash_off":
        return min(coupon.value, eligible)
    return min(eligible, Money(eligible).times(Decimal(coupon.value) / 10000).fen)


def check_spec(spec: CouponSpec) -> None:
    if spec.kind not in KINDS or spec.scope not in SCOPES:
        raise InvalidInput("A coupon is cash-off or percent-off, for all goods, a category or a SKU.")
    if spec.value <= 0 or (spec.kind == "percent_off" and spec.value > 10000):
        raise InvalidInput("A coupon takes off more than nothing, and at most 100%.")
    if spec.scope != "all" and not spec.scope_ref:
        raise InvalidInput("Name the category or SKU the coupon is for.")
    if spec.ends_at <= spec.starts_at:
        raise InvalidInput("A coupon's validity must end after it starts.")


def issue_in_session(s: Session, member_id: str, spec: CouponSpec, now: datetime) -> CouponInfo:
    check_spec(spec)
    coupon = Coupon(id=new_id(), member_id=member_id, code=_new_code(s), name=spec.name,
                    kind=spec.kind, value=spec.value, threshold_fen=spec.threshold_fen,
                    scope=spec.scope, scope_ref=spec.scope_ref, starts_at=spec.starts_at,
                    ends_at=spec.ends_at, issued_at=now)
    s.add(coupon)
    add_event(s, "coupon.issued", coupon.id,
              {"coupon_id": coupon.id, "member_id": member_id, "code": coupon.code,
               "name": spec.name, "kind": spec.kind, "value": spec.value,
               "threshold_fen": spec.threshold_fen, "scope": spec.scope,
               "scope_ref": spec.scope_ref, "starts_at": spec.starts_at.isoformat(),
               "ends_at": spec.ends_at.isoformat()}, now)
    return coupon_info(coupon, used=False)


def coupon_info(c: Coupon, used: bool) -> CouponInfo:
    return CouponInfo(c.id, c.member_id, c.code, c.name, c.kind, c.value, c.threshold_fen,
                      c.scope, c.scope_ref, c.starts_at, c.ends_at, used)


def find_coupon(s: Session, code: str) -> CouponInfo:
    coupon = s.scalar(select(Coupon).where(Coupon.code == code.strip()))
    if coupon is None:
        raise NotFound("No coupon has the code {code}. Scan it again or choose from the member's "
                       "coupons.", code=code.strip())
    return coupon_info(coupon, _used(s, coupon.id))


def check_usable(coupon: CouponInfo, member_id: str | None, now: datetime) -> None:
    if coupon.used:
        raise StateError("The coupon {code} has already been used.", code=coupon.code)
    if member_id is not None and coupon.member_id != member_id:
        raise NotAllowed("The coupon {code} belongs to another member.", code=coupon.code)
    if not (coupon.starts_at <= now < coupon.ends_at):
        raise StateError("The coupon {code} is not valid today.", code=coupon.code)


def redeem_in_session(s: Session, coupon: CouponInfo, sale_id: str, amount_fen: int,
                      terminal_id: str | None, now: datetime) -> None:
    if _used(s, coupon.id):
        raise StateError("The coupon {code} has already been used.", code=coupon.code)
    s.add(CouponRedemption(id=new_id(), coupon_id=coupon.id, sale_id=sale_id,
                           amount_fen=amount_fen, terminal_id=terminal_id, created_at=now))
    add_event(s, "coupon.redeemed", coupon.id,
              {"coupon_id": coupon.id, "member_id": coupon.member_id, "sale_id": sale_id,
               "amount_fen": amount_fen}, now)


def _used(s: Session, coupon_id: str) -> bool:
    return s.scalar(select(CouponRedemption.id).where(CouponRedemption.coupon_id == coupon_id)) is not None


def _new_code(s: Session) -> str:
    for _ in range(20):
        code = "CP" + "".join(secrets.choice("0123456789") for _ in range(12))
        if s.scalar(select(Coupon.id).where(Coupon.code == code)) is None:
            return code
    raise RuntimeError("could not find a free coupon code")


class CouponService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def issue(self, member_id: str, spec: CouponSpec, allowed: bool) -> CouponInfo:
        if not allowed:
            raise NotAllowed("Only a manager can issue coupons. Ask a manager to log in.")
        with self._sessions.begin() as s:
            if s.get(Member, member_id) is None:
                raise NotFound("That member no longer exists on this till. Look the member up again.")
            return issue_in_session(s, member_id, spec, self._clock.now())

    def for_member(self, member_id: str, usable_only: bool = True) -> list[CouponInfo]:
        now = self._clock.now()
        with self._sessions() as s:
            used = set(s.scalars(select(CouponRedemption.coupon_id).join(
                Coupon, Coupon.id == CouponRedemption.coupon_id).where(Coupon.member_id == member_id)))
            rows = s.scalars(select(Coupon).where(Coupon.member_id == member_id)
                             .order_by(Coupon.ends_at)).all()
            coupons = [coupon_info(c, c.id in used) for c in rows]
        return [c for c in coupons if c.usable_at(now)] if usable_only else coupons

    def by_code(self, code: str) -> CouponInfo:
        with self._sessions() as s:
            return find_coupon(s, code)
