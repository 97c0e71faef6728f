"""Staff and roles of each store, as the stores' tills edit them (staff.saved, role.saved).

A staff member works at one store (home_store_id); the change log takes them only to
that store's tills, with the argon2 hash of their PIN, so a cashier created at till 1
can sign in at till 2. Roles are a store's too: each store's tills edit their own set.
cloud.models imports this module at its end.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from cloud.models import ID, Base, JSONType, UTCDateTime


class CloudStaff(Base):
    __tablename__ = "staff"
    __table_args__ = (Index("ix_staff_merchant_store", "merchant_id", "home_store_id"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True)  # the till's app_user id
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"))
    home_store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(60))
    role: Mapped[str] = mapped_column(String(32))
    pin_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean)
    badges: Mapped[list[str]] = mapped_column(JSONType)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CloudRole(Base):
    __tablename__ = "staff_role"
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"), primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), primary_key=True)
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSONType)  # name, limit, permissions
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
