"""Payloads of staff events from a store's tills (app.services.staff_sync), version 1."""
from __future__ import annotations

from typing import Annotated

from pydantic import Field, StrictBool, StrictStr

from cloud.payloads_common import Bp, Id, Strict

StaffCode = Annotated[StrictStr, Field(min_length=1, max_length=32)]


class StaffSavedV1(Strict):
    """A staff member as saved at the till: the whole account, PIN as its argon2 hash."""

    user_id: Id
    code: StaffCode
    name: StrictStr = Field(min_length=1, max_length=60)
    role: StaffCode
    pin_hash: StrictStr = Field(pattern=r"^\$argon2(id|i|d)\$", max_length=200)
    active: StrictBool
    badges: list[Annotated[StrictStr, Field(min_length=1, max_length=64)]] = Field(
        default_factory=list, max_length=20)


class RoleSavedV1(Strict):
    code: StaffCode
    name: StrictStr = Field(min_length=1, max_length=60)
    discount_limit_bp: Bp
    permissions: list[Annotated[StrictStr, Field(min_length=1, max_length=40)]] = Field(
        default_factory=list, max_length=100)


STAFF_PAYLOADS: dict[str, dict[int, type[Strict]]] = {
    "staff.saved": {1: StaffSavedV1},
    "role.saved": {1: RoleSavedV1},
}
