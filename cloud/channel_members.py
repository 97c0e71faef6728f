"""A customer the cloud first meets through a channel order becomes a member of the
merchant (issue 9: one member across channels), so every till finds her by phone.

Only a mainland mobile number makes a member (the tills key members on it). The member
joins at the store that fulfils the order, at the merchant's entry level, and goes
down the change log like a member registered at a till. A phone some member already
has is left alone: that member is the customer.
"""
from __future__ import annotations

import secrets
from datetime import datetime

import pyotp
from sqlalchemy import select
from sqlalchemy.engine import Connection

from app.domain.ids import new_id
from cloud import changes
from cloud.changes_members import MEMBER, member_documents
from cloud.models_ledgers import CloudMember, MemberLevelDef

ENTRY_LEVEL = "MEMBER"  # the level a till creates on first use when none is defined
CARD_TRIES = 20


def local_phone(phone: str) -> str:
    """The 11-digit mainland number the tills keep, from what a channel sent (+86...)."""
    digits = phone.strip().removeprefix("+")
    return digits[2:] if len(digits) == 13 and digits.startswith("86") else digits


def adopt_channel_customer(conn: Connection, merchant_id: str, store_id: str,
                           phone: str | None, name: str, now: datetime) -> str | None:
    """The new member's id, or None when the phone is no mobile or is a member's already."""
    mobile = local_phone(phone or "")
    if len(mobile) != 11 or not mobile.isdigit() or not mobile.startswith("1"):
        return None
    known = conn.scalar(select(CloudMember.id).where(CloudMember.merchant_id == merchant_id,
                                                     CloudMember.phone == mobile).limit(1))
    if known is not None:
        return None
    member_id = new_id()
    conn.execute(CloudMember.__table__.insert().values(
        id=member_id, merchant_id=merchant_id, home_store_id=store_id, phone=mobile,
        card_no=_free_card_no(conn, merchant_id), name=name.strip()[:40],
        birthday=None, level_code=_entry_level(conn, merchant_id), tags="",
        # the channel took her consent when she signed up to order there
        consent_at=now, recruited_by_id=None, salesperson_id=None, bound_at=None,
        code_secret=pyotp.random_base32(), active=True, created_at=now, updated_at=now))
    document = member_documents(conn, merchant_id, [member_id])[member_id]
    changes.append_changes(conn, merchant_id, [(MEMBER, member_id, changes.UPSERT, document)],
                           now)
    return member_id


def _free_card_no(conn: Connection, merchant_id: str) -> str:
    """Ten digits, like the tills' cards, no other member of the merchant holds."""
    for _ in range(CARD_TRIES):
        card = str(secrets.randbelow(9 * 10**9) + 10**9)
        taken = conn.scalar(select(CloudMember.id).where(CloudMember.merchant_id == merchant_id,
                                                         CloudMember.card_no == card))
        if taken is None:
            return card
    raise RuntimeError("could not find a free card number")


def _entry_level(conn: Connection, merchant_id: str) -> str:
    levels = conn.execute(select(MemberLevelDef.code, MemberLevelDef.data).where(
        MemberLevelDef.merchant_id == merchant_id)).all()
    if not levels:
        return ENTRY_LEVEL
    return min(levels, key=lambda level: ((level.data or {}).get("rank", 0), level.code)).code
