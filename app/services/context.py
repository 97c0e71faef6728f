"""Which store and terminal this till is, resolved once at start."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import Store, Terminal
from app.domain.clock import store_timezone
from app.services.errors import NotFound


@dataclass(frozen=True)
class TerminalContext:
    store_id: str
    store_code: str
    store_name: str
    store_address: str
    store_phone: str
    terminal_id: str
    terminal_code: str
    tz: tzinfo

    def receipt_no(self, business_date: str, seq: int) -> str:
        return f"{self.store_code}-{self.terminal_code}-{business_date.replace('-', '')}-{seq:04d}"


def load_context(sessions: sessionmaker[Session], store_code: str, terminal_code: str) -> TerminalContext:
    with sessions() as s:
        store = s.scalar(select(Store).where(Store.code == store_code))
        if store is None:
            raise NotFound("Store {code} is not set up in this database. Check the setting "
                           "store_code or load the demo store.", code=store_code)
        terminal = s.scalar(select(Terminal).where(Terminal.store_id == store.id,
                                                   Terminal.code == terminal_code))
        if terminal is None:
            raise NotFound("Terminal {code} is not set up for store {store}. Check the setting "
                           "terminal_code.", code=terminal_code, store=store_code)
        return TerminalContext(store.id, store.code, store.name, store.address, store.phone,
                               terminal.id, terminal.code, store_timezone(store.timezone))
