"""Outbox: sync events written in the caller's transaction, never 'sent later from memory'."""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import OutboxEvent
from app.domain.ids import new_id

SCHEMA_VERSION = 1


def add_event(session: Session, kind: str, aggregate_id: str, payload: dict[str, Any],
              now: datetime) -> OutboxEvent:
    event = OutboxEvent(
        id=new_id(), kind=kind, aggregate_id=aggregate_id, schema_version=SCHEMA_VERSION,
        payload=json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True),
        created_at=now,
    )
    session.add(event)
    return event


def pending_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(OutboxEvent).where(OutboxEvent.sent_at.is_(None))) or 0
