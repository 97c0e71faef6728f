"""Merchants, stores, terminals and admins; enrolment, revocation and authentication."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import insert, or_, select, update
from sqlalchemy.engine import Connection

from app.domain.ids import new_id
from cloud.models import AdminUser, ChangeCounter, EnrolmentCode, Merchant, Store, Terminal
from cloud.security import (
    ADMIN_TOKEN_PREFIX, TERMINAL_TOKEN_PREFIX, hash_secret, new_enrolment_code, new_token,
    normalise_code,
)

DEFAULT_CODE_TTL = timedelta(hours=24)


class TenancyError(ValueError):
    """A merchant, store or terminal is missing or already exists; the message says which."""


class AuthError(Exception):
    """The bearer token is unknown or revoked (HTTP 401)."""


@dataclass(frozen=True)
class Principal:
    """Who is calling: a terminal (with its store) or a merchant's admin."""

    kind: str  # "terminal" | "admin"
    merchant_id: str
    store_id: str | None = None
    store_code: str | None = None
    terminal_id: str | None = None
    terminal_code: str | None = None

    @property
    def is_admin(self) -> bool:
        return self.kind == "admin"


@dataclass(frozen=True)
class Enrolment:
    token: str
    merchant_id: str
    store_code: str
    terminal_code: str


def create_merchant(conn: Connection, name: str, now: datetime) -> str:
    if conn.scalar(select(Merchant.id).where(Merchant.name == name)):
        raise TenancyError(f"merchant {name!r} already exists")
    merchant_id = new_id()
    conn.execute(insert(Merchant).values(id=merchant_id, name=name, created_at=now))
    conn.execute(insert(ChangeCounter).values(merchant_id=merchant_id, last_version=0,
                                              pruned_through=0))
    return merchant_id


def find_merchant(conn: Connection, name_or_id: str) -> str:
    merchant_id = conn.scalar(select(Merchant.id).where(
        or_(Merchant.name == name_or_id, Merchant.id == name_or_id)))
    if merchant_id is None:
        raise TenancyError(f"no merchant named {name_or_id!r}")
    return merchant_id


def create_store(conn: Connection, merchant: str, code: str, name: str, now: datetime) -> str:
    merchant_id = find_merchant(conn, merchant)
    if conn.scalar(select(Store.id).where(Store.code == code)):
        raise TenancyError(f"store code {code!r} is taken (store codes are unique in the cloud)")
    store_id = new_id()
    conn.execute(insert(Store).values(id=store_id, merchant_id=merchant_id, code=code, name=name,
                                      created_at=now))
    return store_id


def issue_enrolment_code(conn: Connection, store_code: str, terminal_code: str, now: datetime,
                         ttl: timedelta = DEFAULT_CODE_TTL) -> str:
    """A one-time code for a till; the terminal row is created on first use."""
    store_id = conn.scalar(select(Store.id).where(Store.code == store_code))
    if store_id is None:
        raise TenancyError(f"no store with code {store_code!r}")
    terminal_id = conn.scalar(select(Terminal.id).where(Terminal.store_id == store_id,
                                                        Terminal.code == terminal_code))
    if terminal_id is None:
        terminal_id = new_id()
        conn.execute(insert(Terminal).values(id=terminal_id, store_id=store_id, code=terminal_code))
    code, code_hash = new_enrolment_code()
    conn.execute(insert(EnrolmentCode).values(id=new_id(), terminal_id=terminal_id,
                                              code_hash=code_hash, created_at=now,
                                              expires_at=now + ttl))
    return code


def enrol(conn: Connection, code: str, now: datetime) -> Enrolment:
    """Spend a code (once, before it expires) and give the terminal a fresh device token.

    The conditional UPDATE spends the code atomically, so two tills racing with
    the same code cannot both get a token.
    """
    spent = conn.execute(
        update(EnrolmentCode)
        .where(EnrolmentCode.code_hash == hash_secret(normalise_code(code)),
               EnrolmentCode.used_at.is_(None), EnrolmentCode.expires_at > now)
        .values(used_at=now)
        .returning(EnrolmentCode.terminal_id)
    ).scalar_one_or_none()
    if spent is None:
        raise AuthError("enrolment code unknown, used or expired")
    token, token_hash = new_token(TERMINAL_TOKEN_PREFIX)
    conn.execute(update(Terminal).where(Terminal.id == spent)
                 .values(token_hash=token_hash, enrolled_at=now, revoked_at=None))
    row = conn.execute(
        select(Store.merchant_id, Store.code, Terminal.code.label("terminal_code"))
        .join(Terminal, Terminal.store_id == Store.id).where(Terminal.id == spent)
    ).one()
    return Enrolment(token, row.merchant_id, row.code, row.terminal_code)


def revoke_terminal(conn: Connection, store_code: str, terminal_code: str, now: datetime) -> None:
    terminal_id = conn.scalar(
        select(Terminal.id).join(Store, Store.id == Terminal.store_id)
        .where(Store.code == store_code, Terminal.code == terminal_code))
    if terminal_id is None:
        raise TenancyError(f"no terminal {terminal_code!r} in store {store_code!r}")
    conn.execute(update(Terminal).where(Terminal.id == terminal_id).values(revoked_at=now))
    # Unused codes of a revoked till must not bring it back quietly.
    conn.execute(update(EnrolmentCode).where(EnrolmentCode.terminal_id == terminal_id,
                                             EnrolmentCode.used_at.is_(None))
                 .values(used_at=now))


def create_admin(conn: Connection, merchant: str, name: str, now: datetime) -> str:
    merchant_id = find_merchant(conn, merchant)
    token, token_hash = new_token(ADMIN_TOKEN_PREFIX)
    conn.execute(insert(AdminUser).values(id=new_id(), merchant_id=merchant_id, name=name,
                                          token_hash=token_hash, created_at=now))
    return token


def authenticate(conn: Connection, token: str) -> Principal:
    token_hash = hash_secret(token)
    if token.startswith(ADMIN_TOKEN_PREFIX):
        row = conn.execute(select(AdminUser.merchant_id, AdminUser.revoked_at)
                           .where(AdminUser.token_hash == token_hash)).one_or_none()
        if row is None or row.revoked_at is not None:
            raise AuthError("admin token unknown or revoked")
        return Principal("admin", row.merchant_id)
    row = conn.execute(
        select(Terminal.id, Terminal.code, Terminal.revoked_at, Store.id.label("store_id"),
               Store.code.label("store_code"), Store.merchant_id)
        .join(Store, Store.id == Terminal.store_id).where(Terminal.token_hash == token_hash)
    ).one_or_none()
    if row is None:
        raise AuthError("device token unknown")
    if row.revoked_at is not None:
        raise AuthError("device token revoked: enrol the terminal again")
    return Principal("terminal", row.merchant_id, row.store_id, row.store_code, row.id, row.code)
