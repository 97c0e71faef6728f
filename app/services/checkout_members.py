"""Members and salespeople on the sale at the till (the members side of checkout).

A member joins the sale (looked up, or by scanning the dynamic member code or the card):
the sale is priced again with the member's level, so member prices of the level's price
tier and the level discount apply. The salesperson (导购) is set for the whole sale or per
line, apart from the cashier. Points, stored value and coupons pay as tenders: checked
at once through ``MemberTenders.authorize_*`` (the cashier learns at once), and captured
inside the sale's commit transaction, where ``on_sale_completed`` also credits the
salespeople, earns points and levels the member up.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import Category
from app.db.models_members import Member, Salesperson
from app.domain.clock import Clock
from app.domain.money import Money
from app.services.context import TerminalContext
from app.services.errors import NotFound, StateError
from app.services.members.coupons import CouponInfo, CouponLine
from app.services.members.levels import LevelBenefits, level_of
from app.services.members.members import DYNAMIC_CODE_RE, MemberSummary, summary
from app.services.members.points import points_balance
from app.services.members.sales import on_sale_completed
from app.services.members.salespeople import BINDING_QR_PREFIX, SalespersonInfo
from app.services.members.stored_value import sv_balance
from app.services.members.tenders import COUPON, POINTS, STORED_VALUE, PointsQuote, TenderAuth
from app.services.members.wiring import MemberServices
from app.services.tenders import TenderType, make_tender, parse_amount, register_tender_type

if TYPE_CHECKING:
    from app.services.checkout import CheckoutService, CompletedSale, SaleDraft

MEMBER_TENDERS = (POINTS, STORED_VALUE, COUPON)
COUPON_CODE_RE = re.compile(r"CP\d{12}")
for _type in (TenderType(POINTS, "积分抵现", "Points"),
              TenderType(STORED_VALUE, "储值卡", "Stored value"),
              TenderType(COUPON, "优惠券", "Coupon")):
    register_tender_type(_type)


@dataclass(frozen=True, slots=True)
class SaleMember:
    """The member on the sale and the level it is priced with."""

    summary: MemberSummary
    level: LevelBenefits

    @property
    def id(self) -> str:
        return self.summary.id


@dataclass(frozen=True, slots=True)
class MemberStanding:
    """What the checkout screen shows of the member on the sale."""

    member: SaleMember
    points: int
    stored_value: Money
    coupons: int


class CheckoutMembers:
    def __init__(self, checkout: "CheckoutService", services: MemberServices,
                 sessions: sessionmaker[Session], context: TerminalContext, clock: Clock) -> None:
        self._checkout = checkout
        self.services = services
        self._sessions = sessions
        self._ctx = context
        self._clock = clock

    # --- the member ---------------------------------------------------------
    def attach(self, member: MemberSummary) -> SaleMember:
        """The member joins the sale; the sale is priced again with the member's level."""
        with self._sessions() as s:
            joined = SaleMember(member, level_of(s, member.id))
        self._set_member(joined)
        return joined

    def attach_id(self, member_id: str) -> SaleMember:
        with self._sessions() as s:
            member = s.get(Member, member_id)
            if member is None or not member.active:
                raise NotFound("That member no longer exists on this till. Look the member up again.")
            return self.attach(summary(s, member))

    def detach(self) -> None:
        self._set_member(None)

    def _set_member(self, member: SaleMember | None) -> None:
        def change(draft: "SaleDraft") -> None:
            draft.member = member
            draft.member_level = member.level.price_tier if member else None
        if self._open().tenders:
            raise StateError("Payments are already taken on this sale: remove them before "
                             "changing the member.")
        self._checkout._change(change)

    def standing(self) -> MemberStanding | None:
        draft = self._checkout.draft
        if draft is None or draft.member is None:
            return None
        member_id = draft.member.id
        with self._sessions() as s:
            points = points_balance(s, member_id, self._clock.now()).available
            stored = sv_balance(s, member_id).total
        coupons = len(self.services.coupons.for_member(member_id))
        return MemberStanding(draft.member, points, stored, coupons)

    # --- scans --------------------------------------------------------------
    def take_scan(self, code: str) -> SaleMember | SalespersonInfo | None:
        """A scan that is plainly a member code or a salesperson's QR; None for anything else."""
        raw = code.strip()
        if DYNAMIC_CODE_RE.fullmatch(raw):
            return self.attach(self.services.members.find_by_code(raw))
        if raw.startswith(BINDING_QR_PREFIX):
            person = self.services.salespeople.by_scan(raw)
            self.set_salesperson(person)
            return person
        return None

    def take_unknown_code(self, code: str) -> SaleMember | SalespersonInfo | None:
        """A code that is no product: a salesperson's badge, or a member card; None if neither."""
        raw = code.strip()
        with self._sessions() as s:
            person = s.scalar(select(Salesperson.id).where(
                (Salesperson.badge == raw) | (Salesperson.code == raw), Salesperson.active.is_(True)))
            member = s.scalar(select(Member.id).where(Member.card_no == raw, Member.active.is_(True)))
        if person is not None:
            info = self.services.salespeople.by_id(person)
            self.set_salesperson(info)
            return info
        if member is not None:
            return self.attach_id(member)
        return None

    # --- salespeople --------------------------------------------------------
    def set_salesperson(self, person: SalespersonInfo | None) -> None:
        """The salesperson of the whole sale (None: the member's exclusive one is credited)."""
        self._open().salesperson = person

    def set_line_salesperson(self, line_id: str, person: SalespersonInfo | None) -> None:
        draft = self._open()
        if all(line.line_id != line_id for line in draft.cart.lines):
            raise NotFound("That line is no longer in the sale.")
        if person is None:
            draft.line_salespeople.pop(line_id, None)
        else:
            draft.line_salespeople[line_id] = person

    # --- member tenders -----------------------------------------------------
    def quote_points(self) -> PointsQuote:
        draft = self._member_draft()
        return self.services.tenders.quote_points(draft.member.id, draft.total)

    def usable_coupons(self) -> list[CouponInfo]:
        draft = self._member_draft()
        return self.services.coupons.for_member(draft.member.id)

    def pay_points(self, amount_text: str = "") -> "CompletedSale | None":
        """Points for ``amount`` (empty: as much as this order may take, up to what is due)."""
        draft = self._payable_member_draft()
        self._refuse_second(draft, POINTS, "Points")
        most = self.quote_points().max_amount
        default = min(most, draft.due) if most.fen > 0 else draft.due
        amount = parse_amount(amount_text, default)
        auth = self.services.tenders.authorize_points(draft.member.id, amount, draft.id, draft.total)
        return self._add(draft, auth, auth.amount)

    def pay_stored_value(self, amount_text: str = "") -> "CompletedSale | None":
        """Stored value for ``amount`` (empty: all that is due, or the whole balance if less)."""
        draft = self._payable_member_draft()
        self._refuse_second(draft, STORED_VALUE, "Stored value")
        with self._sessions() as s:
            balance = sv_balance(s, draft.member.id).total
        default = min(balance, draft.due) if balance.fen > 0 else draft.due
        amount = parse_amount(amount_text, default)
        auth = self.services.tenders.authorize_stored_value(draft.member.id, amount, draft.id)
        return self._add(draft, auth, auth.amount)

    def pay_coupon(self, code: str) -> "CompletedSale | None":
        """A coupon of the member, scanned or chosen from the list; takes at most what is due."""
        draft = self._payable_member_draft()
        if any(auth.coupon_code == code.strip() for auth in self.live_auths(draft)):
            raise StateError("The coupon {code} is already on this sale.", code=code.strip())
        auth = self.services.tenders.authorize_coupon(code, draft.member.id, draft.id,
                                                      self._coupon_lines(draft))
        return self._add(draft, auth, min(auth.amount, draft.due))

    def _add(self, draft: "SaleDraft", auth: TenderAuth, amount: Money) -> "CompletedSale | None":
        if amount != auth.amount:  # a coupon worth more than what is still due
            auth = TenderAuth(auth.kind, auth.member_id, auth.sale_id, amount,
                              coupon_id=auth.coupon_id, coupon_code=auth.coupon_code)
        tender = make_tender(auth.kind, amount, draft.due, auth.reference)
        draft.tenders.append(tender)
        draft.member_auths.append((tender, auth))
        try:
            return self._checkout._complete_if_paid()
        except Exception:  # not recorded: the cashier takes it again
            draft.tenders[:] = [t for t in draft.tenders if t is not tender]
            draft.member_auths[:] = [p for p in draft.member_auths if p[0] is not tender]
            raise

    @staticmethod
    def live_auths(draft: "SaleDraft") -> list[TenderAuth]:
        """Authorizations of the member tenders still on the sale (a removed one drops out)."""
        return [auth for tender, auth in draft.member_auths
                if any(t is tender for t in draft.tenders)]

    @staticmethod
    def _refuse_second(draft: "SaleDraft", kind: str, what: str) -> None:
        if any(t.kind == kind for t in draft.tenders):
            raise StateError("{what} already pay part of this sale: remove that payment to "
                             "change the amount.", what=what)

    def _coupon_lines(self, draft: "SaleDraft") -> list[CouponLine]:
        ids = {cid for line in draft.cart.lines for cid in line.product.category_ids}
        with self._sessions() as s:
            codes = dict(s.execute(select(Category.id, Category.code)
                                   .where(Category.id.in_(ids))).all()) if ids else {}
        return [CouponLine(line.product.sku_code,
                           tuple(codes[c] for c in line.product.category_ids if c in codes),
                           draft.priced.line(line.line_id).amount.fen)
                for line in draft.cart.lines]

    def _open(self) -> "SaleDraft":
        return self._checkout._open()

    def _member_draft(self) -> "SaleDraft":
        draft = self._open()
        if draft.member is None:
            raise StateError("No member is on this sale: find the member first (F1).")
        return draft

    def _payable_member_draft(self) -> "SaleDraft":
        self._member_draft()
        return self._checkout._payable()

    # --- inside the sale's commit --------------------------------------------
    def commit(self, session: Session, draft: "SaleDraft", now: datetime) -> dict[str, str | None]:
        """Capture the member tenders and credit the sale, in the sale's own transaction.
        Returns the salesperson credited per sale line (empty when nobody is)."""
        auths = self.live_auths(draft)
        for auth in auths:
            self.services.tenders.capture(session, auth, order_total=draft.total)
        member_id = draft.member.id if draft.member else None
        line_people = {line_id: p.id for line_id, p in draft.line_salespeople.items()}
        sale_person = draft.salesperson.id if draft.salesperson else None
        if member_id is None and sale_person is None and not line_people:
            return {}  # nobody to credit: a plain sale costs nothing more
        non_earning = sum(a.amount.fen for a in auths if a.kind in (POINTS, COUPON))
        outcome = on_sale_completed(session, draft.id, now, member_id=member_id,
                                    sale_salesperson_id=sale_person, line_salespeople=line_people,
                                    non_earning_fen=non_earning)
        return dict(outcome.credited)

    # --- held sales -----------------------------------------------------------
    @staticmethod
    def to_held(draft: "SaleDraft") -> dict[str, Any]:
        return {"member_id": draft.member.id if draft.member else None,
                "salesperson_id": draft.salesperson.id if draft.salesperson else None,
                "line_salespeople": {k: p.id for k, p in draft.line_salespeople.items()}}

    def from_held(self, draft: "SaleDraft", data: dict[str, Any]) -> None:
        """Bring back the member (at its level now) and the salespeople of a held sale."""
        people = self.services.salespeople
        if "member_id" in data:
            draft.member, draft.member_level = None, None
        if data.get("member_id"):
            with self._sessions() as s:
                member = s.get(Member, data["member_id"])
                if member is not None and member.active:
                    draft.member = SaleMember(summary(s, member), level_of(s, member.id))
                    draft.member_level = draft.member.level.price_tier
        if data.get("salesperson_id"):
            draft.salesperson = _person_or_none(people, data["salesperson_id"])
        for line_id, person_id in (data.get("line_salespeople") or {}).items():
            person = _person_or_none(people, person_id)
            if person is not None:
                draft.line_salespeople[line_id] = person


def _person_or_none(people, person_id: str) -> SalespersonInfo | None:
    try:
        return people.by_id(person_id)
    except NotFound:  # left the shop since the sale was held: credit falls back
        return None


def is_coupon_code(code: str) -> bool:
    return COUPON_CODE_RE.fullmatch(code.strip()) is not None


def sale_member_fields(draft: "SaleDraft") -> dict[str, str | None]:
    """The sale row's member and salesperson columns."""
    return {"member_id": draft.member.id if draft.member else None,
            "salesperson_id": draft.salesperson.id if draft.salesperson else None}


__all__ = ["CheckoutMembers", "MEMBER_TENDERS", "MemberStanding", "SaleMember",
           "is_coupon_code", "sale_member_fields"]
