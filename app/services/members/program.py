"""The member programme's settings per store, kept as JSON in member_program."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime

from sqlalchemy.orm import Session

from app.db.models_members import MemberProgram
from app.services.errors import InvalidInput, NotAllowed
from app.sync.outbox import add_event

BINDING_RULES = ("first", "latest", "protect")


@dataclass(frozen=True)
class ProgramSettings:
    points_per_yuan: int = 1
    points_expiry_days: int = 365
    birthday_multiplier_pct: int = 200
    excluded_category_codes: tuple[str, ...] = ()
    excluded_skus: tuple[str, ...] = ()
    redeem_points_per_yuan: int = 100  # 100 points pay ¥1
    redeem_cap_bp: int = 5000  # points pay at most half of an order
    redeem_min_order_fen: int = 1000
    offline_daily_points_cap: int = 5000
    offline_daily_stored_value_cap_fen: int = 50_000
    offline_overdraft_points: int = 0
    offline_overdraft_fen: int = 0
    binding_rule: str = "first"  # first | latest | protect
    binding_protection_days: int = 30
    code_interval_s: int = 60
    code_valid_steps: int = 2  # a scanned code is good for about (2 * steps + 1) intervals

    def __post_init__(self) -> None:
        if self.binding_rule not in BINDING_RULES:
            raise InvalidInput("The binding rule must be one of: first, latest, protect.")
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, int) and value < 0:
                raise InvalidInput("{name} cannot be negative.", name=f.name)
        if self.redeem_points_per_yuan <= 0 or self.code_interval_s <= 0:
            raise InvalidInput("Redeem rate and code interval must be greater than zero.")

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "ProgramSettings":
        data = json.loads(text or "{}")
        known = {f.name for f in fields(cls)}
        kwargs = {k: (tuple(v) if isinstance(v, list) else v) for k, v in data.items() if k in known}
        return cls(**kwargs)


def load_program(session: Session, store_id: str) -> ProgramSettings:
    row = session.get(MemberProgram, store_id)
    return ProgramSettings.from_json(row.data) if row else ProgramSettings()


def save_program(session: Session, store_id: str, settings: ProgramSettings, now: datetime,
                 allowed: bool, **changes: object) -> ProgramSettings:
    if not allowed:
        raise NotAllowed("Only a manager can change the member programme. Ask a manager to log in.")
    settings = replace(settings, **changes) if changes else settings
    row = session.get(MemberProgram, store_id)
    if row is None:
        session.add(MemberProgram(store_id=store_id, data=settings.to_json(), updated_at=now))
    else:
        row.data, row.updated_at = settings.to_json(), now
    add_event(session, "member_program.changed", store_id, json.loads(settings.to_json()), now)
    return settings
