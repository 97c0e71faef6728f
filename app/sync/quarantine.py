"""Read the till's record of events the cloud rejected (written by SyncClient when a
push answer says "rejected"), for the quarantine view at the till."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.sync.models import SyncQuarantine

SHOWN = 500  # newest first; the cloud keeps every one of them for head office


@dataclass(frozen=True)
class RejectedEvent:
    event_id: str
    seq: int
    kind: str
    reason: str
    rejected_at: datetime


def rejected_events(sessions: sessionmaker[Session],
                    limit: int = SHOWN) -> tuple[list[RejectedEvent], int]:
    """The newest rejected events (at most `limit`) and how many there are in all."""
    with sessions() as session:
        total = session.scalar(select(func.count()).select_from(SyncQuarantine)) or 0
        rows = session.scalars(select(SyncQuarantine)
                               .order_by(SyncQuarantine.rejected_at.desc(),
                                         SyncQuarantine.seq.desc())
                               .limit(limit)).all()
        return [RejectedEvent(r.event_id, r.seq, r.kind, r.reason, r.rejected_at)
                for r in rows], total
