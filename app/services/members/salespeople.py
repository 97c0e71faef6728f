"""Salespeople (导购) and exclusive member binding (专属导购).

Any staff member can be a salesperson, with a code and a badge barcode. A member is
bound to one salesperson; the store's rule decides whether a new binding replaces
the old: first binding wins, latest wins, or a protection period of N days. A
manager (``allowed``) may always rebind; every binding is logged.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import User
from app.db.models_members import Member, MemberBinding, Salesperson
from app.domain.clock import Clock
from app.domain.ids import new_id
from app.services.context import TerminalContext
from app.services.errors import InvalidInput, NotAllowed, NotFound
from app.services.members.program import load_program
from app.sync.outbox import add_event

BINDING_QR_PREFIX = "MONSP:"


@dataclass(frozen=True, slots=True)
class SalespersonInfo:
    id: str
    user_id: str
    code: str
    badge: str
    name: str

    @property
    def binding_qr(self) -> str:
        """Printed on receipts and posters; a member scanning it asks to be bound."""
        return binding_qr(self.code)


@dataclass(frozen=True, slots=True)
class BindingResult:
    salesperson_id: str
    changed: bool
    previous_id: str | None


def binding_qr(code: str) -> str:
    return BINDING_QR_PREFIX + code


def credited_salesperson(line_salesperson: str | None, sale_salesperson: str | None,
                         member_salesperson: str | None) -> str | None:
    """Who is credited with a line: the line's, else the sale's, else the member's own."""
    return line_salesperson or sale_salesperson or member_salesperson


def may_rebind(rule: str, protection_days: int, bound_at: datetime | None, now: datetime) -> bool:
    """Whether a binding (not by a manager) may replace the member's current one."""
    if bound_at is None:
        return True
    if rule == "latest":
        return True
    if rule == "protect":
        return now >= bound_at + timedelta(days=protection_days)
    return False  # first binding wins


def bind_in_session(s: Session, store_id: str, member: Member, salesperson_id: str, source: str,
                    by_user_id: str | None, now: datetime, allowed: bool,
                    reason: str = "") -> BindingResult:
    """Bind in the caller's transaction; refuses a rebinding the rule forbids unless allowed."""
    if member.salesperson_id == salesperson_id:
        return BindingResult(salesperson_id, False, salesperson_id)
    settings = load_program(s, store_id)
    if not allowed and not may_rebind(settings.binding_rule, settings.binding_protection_days,
                                      member.bound_at, now):
        raise NotAllowed("{name} already has an exclusive salesperson. A manager can rebind "
                         "the member.", name=member.name)
    previous = member.salesperson_id
    s.add(MemberBinding(id=new_id(), member_id=member.id, salesperson_id=salesperson_id,
                        previous_id=previous, source=source, by_user_id=by_user_id,
                        reason=reason, created_at=now))
    member.salesperson_id, member.bound_at, member.updated_at = salesperson_id, now, now
    add_event(s, "member.bound", member.id,
              {"member_id": member.id, "salesperson_id": salesperson_id, "previous_id": previous,
               "source": source, "by_user_id": by_user_id, "reason": reason}, now)
    return BindingResult(salesperson_id, True, previous)


class SalespersonService:
    def __init__(self, sessions: sessionmaker[Session], context: TerminalContext, clock: Clock) -> None:
        self._sessions = sessions
        self._ctx = context
        self._clock = clock

    def active(self) -> list[SalespersonInfo]:
        with self._sessions() as s:
            rows = s.scalars(select(Salesperson).where(Salesperson.active.is_(True))
                             .order_by(Salesperson.code)).all()
            return [_info(p) for p in rows]

    def by_id(self, salesperson_id: str) -> SalespersonInfo:
        with self._sessions() as s:
            person = s.get(Salesperson, salesperson_id)
            if person is None:
                raise NotFound("That salesperson is not set up on this till. Choose another.")
            return _info(person)

    def by_scan(self, scanned: str) -> SalespersonInfo:
        """A badge barcode, a salesperson code, or the salesperson's binding QR."""
        code = scanned.strip().removeprefix(BINDING_QR_PREFIX)
        with self._sessions() as s:
            person = s.scalar(select(Salesperson).where(
                (Salesperson.badge == code) | (Salesperson.code == code),
                Salesperson.active.is_(True)))
            if person is None:
                raise NotFound("No salesperson has the badge or code {code}. Scan the badge "
                               "again or choose from the list.", code=scanned.strip())
            return _info(person)

    def enroll(self, user_id: str, code: str, badge: str, allowed: bool) -> SalespersonInfo:
        """Make a staff member a salesperson (a manager's job)."""
        if not allowed:
            raise NotAllowed("Only a manager can set up salespeople. Ask a manager to log in.")
        code, badge = code.strip(), badge.strip()
        if not code or not badge:
            raise InvalidInput("A salesperson needs a code and a badge barcode.")
        now = self._clock.now()
        with self._sessions.begin() as s:
            user = s.get(User, user_id)
            if user is None:
                raise NotFound("That staff member is not set up on this till.")
            clash = s.scalar(select(Salesperson).where(
                (Salesperson.code == code) | (Salesperson.badge == badge)
                | (Salesperson.user_id == user_id)))
            if clash is not None:
                raise InvalidInput("{name} already uses that staff member, code or badge.",
                                   name=clash.name)
            person = Salesperson(id=new_id(), user_id=user_id, code=code, badge=badge,
                                 name=user.name, active=True, created_at=now)
            s.add(person)
            add_event(s, "salesperson.enrolled", person.id,
                      {"salesperson_id": person.id, "user_id": user_id, "code": code,
                       "badge": badge, "name": user.name}, now)
            return _info(person)

    def bind(self, member_id: str, salesperson_id: str, source: str, by_user_id: str | None,
             allowed: bool = False, reason: str = "") -> BindingResult:
        """Bind a member: at registration, by scanning a salesperson's QR, or by a manager."""
        if source == "manager" and not allowed:
            raise NotAllowed("Only a manager can rebind a member. Ask a manager to log in.")
        if allowed and not reason.strip() and source == "manager":
            raise InvalidInput("Say why the member is rebound; the reason is logged.")
        with self._sessions.begin() as s:
            member = s.get(Member, member_id)
            if member is None:
                raise NotFound("That member no longer exists on this till. Look the member up again.")
            if s.get(Salesperson, salesperson_id) is None:
                raise NotFound("That salesperson is not set up on this till. Choose another.")
            return bind_in_session(s, self._ctx.store_id, member, salesperson_id, source,
                                   by_user_id, self._clock.now(), allowed, reason)

    def binding_history(self, member_id: str) -> list[MemberBinding]:
        with self._sessions() as s:
            rows = s.scalars(select(MemberBinding).where(MemberBinding.member_id == member_id)
                             .order_by(MemberBinding.created_at, MemberBinding.id)).all()
            s.expunge_all()
            return list(rows)


def _info(p: Salesperson) -> SalespersonInfo:
    return SalespersonInfo(p.id, p.user_id, p.code, p.badge, p.name)
