"""Where this till stands, for applying other stores' data: its own store, and the
local keys of stores and terminals named by code in the cloud's documents."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from app.db.models import Store, Terminal
from app.sync.models import SyncCredential


class LocalKeys:
    """Looks up local ids once per page; other stores' rows fall back to this till's store
    (the till has no row for them), their terminals to none."""

    def __init__(self, conn: Connection) -> None:
        self._stores = dict(conn.execute(select(Store.code, Store.id)).all())
        self._terminals = {(s, t): tid for s, t, tid in conn.execute(
            select(Store.code, Terminal.code, Terminal.id)
            .join(Store, Store.id == Terminal.store_id))}
        enrolled = conn.scalar(select(SyncCredential.store_code).limit(1))
        own = self._stores.get(enrolled) if enrolled else None
        if own is None:
            own = conn.scalar(select(Terminal.store_id).order_by(Terminal.id).limit(1))
        self.own_store_id: str | None = own or next(iter(self._stores.values()), None)
        self.unsent_members: set[str] = set()

    def store_id(self, code: str | None) -> str | None:
        return self._stores.get(code or "", self.own_store_id)

    def terminal_id(self, store_code: str | None, terminal_code: str | None) -> str | None:
        return self._terminals.get((store_code, terminal_code))


def moment(value: Any) -> datetime | None:
    """An ISO time from the cloud (always with its offset), or None."""
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None
