"""Commission rules on the till: stored, edited with permission, published to the cloud.
The rule matching and arithmetic are pure and live in app.domain.commission."""
from __future__ import annotations


from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models_members import CommissionRule
from app.domain.clock import Clock
from app.domain.commission import (  # noqa: F401  (re-exported for callers)
    KINDS, SCOPES, CreditLine, RuleData, commission_for, pick_rule, reversal_for,
)
from app.domain.ids import new_id
from app.services.errors import InvalidInput, NotAllowed, NotFound
from app.sync.outbox import add_event


def load_rules(s: Session) -> list[RuleData]:
    return [_data(r) for r in s.scalars(select(CommissionRule).order_by(CommissionRule.name))]


def _data(r: CommissionRule) -> RuleData:
    return RuleData(r.id, r.name, r.kind, r.rate_bp, r.amount_fen, r.scope, r.scope_ref,
                    r.starts_at, r.ends_at, r.active)


def check_rule(rule: RuleData) -> None:
    if not rule.name.strip():
        raise InvalidInput("Give the commission rule a name.")
    if rule.kind not in KINDS or rule.scope not in SCOPES:
        raise InvalidInput("A commission rule is a percent or an amount per item, for all goods, "
                           "a category or a SKU.")
    if rule.kind == "percent" and not (0 < rule.rate_bp <= 10000):
        raise InvalidInput("A commission percent is more than 0% and at most 100%.")
    if rule.kind == "per_item" and rule.amount_fen <= 0:
        raise InvalidInput("A commission per item is more than ¥0.00.")
    if rule.scope != "all" and not rule.scope_ref.strip():
        raise InvalidInput("Name the category or SKU the rule is for.")
    if rule.starts_at and rule.ends_at and rule.ends_at <= rule.starts_at:
        raise InvalidInput("A rule must end after it starts.")


class CommissionService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def rules(self) -> list[RuleData]:
        with self._sessions() as s:
            return load_rules(s)

    def save(self, rule: RuleData, allowed: bool) -> RuleData:
        """Create (empty id) or change a rule. Changes apply to sales from now on."""
        if not allowed:
            raise NotAllowed("Only a manager can change commission rules. Ask a manager to log in.")
        check_rule(rule)
        now = self._clock.now()
        with self._sessions.begin() as s:
            row = s.get(CommissionRule, rule.id) if rule.id else None
            if rule.id and row is None:
                raise NotFound("That commission rule no longer exists. Reopen the list.")
            if row is None:
                row = CommissionRule(id=new_id())
                s.add(row)
            for name in ("name", "kind", "rate_bp", "amount_fen", "scope", "scope_ref",
                         "starts_at", "ends_at", "active"):
                setattr(row, name, getattr(rule, name))
            row.name, row.scope_ref, row.updated_at = rule.name.strip(), rule.scope_ref.strip(), now
            s.flush()
            saved = _data(row)
            add_event(s, "commission_rule.changed", row.id, _payload(saved), now)
            return saved


def _payload(r: RuleData) -> dict:
    return {"rule_id": r.id, "name": r.name, "kind": r.kind, "rate_bp": r.rate_bp,
            "amount_fen": r.amount_fen, "scope": r.scope, "scope_ref": r.scope_ref,
            "starts_at": r.starts_at.isoformat() if r.starts_at else None,
            "ends_at": r.ends_at.isoformat() if r.ends_at else None, "active": r.active}
