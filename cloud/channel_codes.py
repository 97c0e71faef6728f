"""Channel credentials, salesperson share codes and what channel orders credit to whom."""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection

from app.domain.ids import new_id
from cloud import tenancy
from cloud.channel_models import ChannelCredential, ChannelOrder, ShareCode
from cloud.channel_schema import CHANNEL_NAMES
from cloud.security import hash_secret, new_token

CHANNEL_TOKEN_PREFIX = "mc_"
SHARE_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O/1/I/L: read aloud safely
SHARE_CODE_LENGTH = 8
CREDITED_STATES = ("picked_up", "shipped", "completed")


@dataclass(frozen=True)
class ChannelPrincipal:
    merchant_id: str
    channel: str


def create_channel(conn: Connection, merchant: str, channel: str, now: datetime) -> str:
    """A new API token for `channel` of `merchant` (printed once, stored hashed)."""
    if channel not in CHANNEL_NAMES:
        raise tenancy.TenancyError(f"unknown channel {channel!r}: use one of "
                                   f"{', '.join(CHANNEL_NAMES)}")
    merchant_id = tenancy.find_merchant(conn, merchant)
    token, token_hash = new_token(CHANNEL_TOKEN_PREFIX)
    conn.execute(insert(ChannelCredential).values(
        id=new_id(), merchant_id=merchant_id, channel=channel, token_hash=token_hash,
        created_at=now))
    return token


def authenticate_channel(conn: Connection, token: str) -> ChannelPrincipal:
    row = conn.execute(select(ChannelCredential.merchant_id, ChannelCredential.channel,
                              ChannelCredential.revoked_at)
                       .where(ChannelCredential.token_hash == hash_secret(token))).one_or_none()
    if row is None or row.revoked_at is not None:
        raise tenancy.AuthError("channel token unknown or revoked")
    return ChannelPrincipal(row.merchant_id, row.channel)


def issue_share_code(conn: Connection, merchant_id: str, salesperson_code: str,
                     sku: str | None, now: datetime) -> str:
    code = "".join(secrets.choice(SHARE_CODE_ALPHABET) for _ in range(SHARE_CODE_LENGTH))
    conn.execute(insert(ShareCode).values(code=code, merchant_id=merchant_id,
                                          salesperson_code=salesperson_code, sku=sku,
                                          created_at=now))
    return code


def salesperson_channel_sales(conn: Connection, merchant_id: str,
                              salesperson_code: str) -> dict[str, Any]:
    """Fulfilled channel orders credited to a salesperson, per channel (refunds excluded)."""
    rows = conn.execute(
        select(ChannelOrder.channel, func.count(), func.sum(ChannelOrder.paid_fen))
        .where(ChannelOrder.merchant_id == merchant_id,
               ChannelOrder.salesperson_code == salesperson_code,
               ChannelOrder.status.in_(CREDITED_STATES))
        .group_by(ChannelOrder.channel)).all()
    per_channel = {channel: {"orders": int(n), "paid_fen": int(total)}
                   for channel, n, total in rows}
    return {"salesperson": salesperson_code, "channels": per_channel,
            "paid_fen": sum(c["paid_fen"] for c in per_channel.values())}
