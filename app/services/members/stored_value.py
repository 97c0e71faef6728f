"""Stored value (储值): a ledger with principal (本金) and bonus (赠送金) apart.

A top-up adds principal and, by the top-up rules, bonus (充200送50). Paying takes from
both in proportion to the balance, so a returned purchase gives each back as taken;
cashing out a card returns principal only and forfeits the bonus.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterable, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models_members import Member, StoredValueMove, TopUpRule
from app.domain.clock import Clock
from app.domain.ids import new_id
from app.domain.money import Money, allocate_largest_remainder
from app.services.context import TerminalContext
from app.services.errors import InvalidInput, NotAllowed, NotFound
from app.services.members.levels import LevelBenefits, level_up_if_earned
from app.sync.outbox import add_event

MAX_TOPUP_FEN = 5_000_000  # ¥50,000 at once: more is a typo
TOPUP_TENDERS = ("cash", "wechat", "alipay", "unionpay", "card")


@dataclass(frozen=True, slots=True)
class StoredValueBalance:
    principal: Money
    bonus: Money

    @property
    def total(self) -> Money:
        return self.principal + self.bonus


@dataclass(frozen=True, slots=True)
class TopUpRuleData:
    threshold_fen: int
    bonus_fen: int
    repeatable: bool = False
    name: str = ""


@dataclass(frozen=True, slots=True)
class TopUpResult:
    member_id: str
    principal: Money
    bonus: Money
    balance: StoredValueBalance
    new_level: LevelBenefits | None


def bonus_for(amount_fen: int, rules: Iterable[TopUpRuleData]) -> int:
    """The best single rule's bonus: once if reached, or per full multiple if repeatable."""
    best = 0
    for rule in rules:
        if amount_fen < rule.threshold_fen:
            continue
        times = amount_fen // rule.threshold_fen if rule.repeatable else 1
        best = max(best, rule.bonus_fen * times)
    return best


def split_payment(amount_fen: int, principal_fen: int, bonus_fen: int) -> tuple[int, int]:
    """(principal, bonus) taken for a payment, in proportion to the balance; any overdraft
    beyond the balance is taken from principal."""
    principal_fen, bonus_fen = max(principal_fen, 0), max(bonus_fen, 0)
    covered = min(amount_fen, principal_fen + bonus_fen)
    p, b = allocate_largest_remainder(covered, [principal_fen, bonus_fen]) if covered else (0, 0)
    return p + (amount_fen - covered), b


def sv_balance(s: Session, member_id: str) -> StoredValueBalance:
    p, b = s.execute(select(func.coalesce(func.sum(StoredValueMove.principal_fen), 0),
                            func.coalesce(func.sum(StoredValueMove.bonus_fen), 0))
                     .where(StoredValueMove.member_id == member_id)).one()
    return StoredValueBalance(Money(p), Money(b))


def active_rules(s: Session, now: datetime) -> list[TopUpRuleData]:
    rows = s.scalars(select(TopUpRule).where(TopUpRule.active.is_(True))).all()
    return [TopUpRuleData(r.threshold_fen, r.bonus_fen, r.repeatable, r.name) for r in rows
            if (r.starts_at is None or r.starts_at <= now) and (r.ends_at is None or now < r.ends_at)]


def add_sv_move(s: Session, *, member_id: str, principal_fen: int, bonus_fen: int, kind: str,
                store_id: str, terminal_id: str | None, now: datetime, ref_type: str = "",
                ref_id: str | None = None, tender: str = "", offline: bool = False,
                overdraft: bool = False, by_user_id: str | None = None,
                refund_id: str | None = None) -> StoredValueMove:
    """One ledger movement and its outbox event, in the caller's transaction."""
    move = StoredValueMove(id=new_id(), member_id=member_id, principal_fen=principal_fen,
                           bonus_fen=bonus_fen, kind=kind, ref_type=ref_type, ref_id=ref_id,
                           refund_id=refund_id,
                           tender=tender, offline=offline, overdraft=overdraft, store_id=store_id,
                           terminal_id=terminal_id, created_by_id=by_user_id, created_at=now)
    s.add(move)
    add_event(s, "member.stored_value_moved", member_id,
              {"move_id": move.id, "member_id": member_id, "principal_fen": principal_fen,
               "bonus_fen": bonus_fen, "kind": kind, "ref_type": ref_type, "ref_id": ref_id,
               "refund_id": refund_id, "tender": tender, "offline": offline, "overdraft": overdraft,
               "store_id": store_id, "terminal_id": terminal_id, "by_user_id": by_user_id}, now)
    return move


class StoredValueService:
    """Top-ups and cash-outs at the till (paying is a tender: see tenders.MemberTenders)."""

    def __init__(self, sessions: sessionmaker[Session], context: TerminalContext, clock: Clock) -> None:
        self._sessions = sessions
        self._ctx = context
        self._clock = clock

    def balance(self, member_id: str) -> StoredValueBalance:
        with self._sessions() as s:
            return sv_balance(s, member_id)

    def preview_bonus(self, amount_fen: int) -> Money:
        with self._sessions() as s:
            return Money(bonus_for(amount_fen, active_rules(s, self._clock.now())))

    def rules(self) -> Sequence[TopUpRuleData]:
        with self._sessions() as s:
            return active_rules(s, self._clock.now())

    def top_up(self, member_id: str, amount: Money, tender: str, cashier_id: str,
               topup_id: str) -> TopUpResult:
        """Top up once: ``topup_id`` is fixed by the dialog, so a retry never tops up twice.

        Taking the money (cash into the drawer, a mobile payment) is the caller's."""
        if amount.fen <= 0 or amount.fen > MAX_TOPUP_FEN:
            raise InvalidInput("Top up between ¥0.01 and {max}.", max=Money(MAX_TOPUP_FEN).format())
        if tender not in TOPUP_TENDERS:
            raise InvalidInput("Choose how the customer pays for the top-up.")
        now = self._clock.now()
        with self._sessions.begin() as s:
            if s.get(Member, member_id) is None:
                raise NotFound("That member no longer exists on this till. Look the member up again.")
            done = s.scalars(select(StoredValueMove).where(StoredValueMove.ref_id == topup_id,
                                                           StoredValueMove.kind == "topup")).first()
            if done is None:
                bonus = bonus_for(amount.fen, active_rules(s, now))
                add_sv_move(s, member_id=member_id, principal_fen=amount.fen, bonus_fen=bonus,
                            kind="topup", store_id=self._ctx.store_id,
                            terminal_id=self._ctx.terminal_id, now=now, ref_type="topup",
                            ref_id=topup_id, tender=tender, by_user_id=cashier_id)
                s.flush()
                new_level = level_up_if_earned(s, member_id, now, single_topup_fen=amount.fen)
            else:
                bonus, new_level = done.bonus_fen, None
            return TopUpResult(member_id, amount, Money(bonus), sv_balance(s, member_id), new_level)

    def cash_out(self, member_id: str, cashier_id: str, allowed: bool) -> Money:
        """Close out the card: principal back to the customer, bonus forfeited. Returns principal."""
        if not allowed:
            raise NotAllowed("Only a manager can refund a stored-value balance. Ask a manager to log in.")
        now = self._clock.now()
        with self._sessions.begin() as s:
            bal = sv_balance(s, member_id)
            if bal.principal.fen <= 0 and bal.bonus.fen <= 0:
                raise InvalidInput("The member has no stored value to refund.")
            add_sv_move(s, member_id=member_id, principal_fen=-max(bal.principal.fen, 0),
                        bonus_fen=-max(bal.bonus.fen, 0), kind="cash_out",
                        store_id=self._ctx.store_id, terminal_id=self._ctx.terminal_id, now=now,
                        ref_type="cash_out", by_user_id=cashier_id)
            return Money(max(bal.principal.fen, 0))
