"""What channels send: orders and state changes. Money is strict integer fen and
quantities strict integer thousandths: a float is refused (HTTP 422), never rounded."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, model_validator

from app.domain.channel_orders import FULFILMENT_MODES, STATES

CHANNEL_NAMES = ("online_mall", "mini_program", "group_buy", "social_shop")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MemberRef(_Strict):
    """The customer: by member id, or by phone (a member is created for a new phone)."""

    id: StrictStr | None = Field(default=None, max_length=36)
    phone: StrictStr | None = Field(default=None, pattern=r"^\+?[0-9]{5,20}$")
    name: StrictStr = Field(default="", max_length=100)

    @model_validator(mode="after")
    def _id_or_phone(self) -> "MemberRef":
        if not self.id and not self.phone:
            raise ValueError("member needs an id or a phone")
        return self


class OrderLineIn(_Strict):
    sku: StrictStr = Field(min_length=1, max_length=32)
    quantity_milli: StrictInt = Field(gt=0, le=10_000_000)
    unit_price_fen: StrictInt = Field(ge=0, le=100_000_000)
    amount_fen: StrictInt | None = Field(default=None, ge=0)  # default: price x quantity


class OrderIn(_Strict):
    channel: StrictStr = Field(pattern="^(" + "|".join(CHANNEL_NAMES) + ")$")
    external_id: StrictStr = Field(min_length=1, max_length=64)
    store: StrictStr = Field(min_length=1, max_length=16)
    fulfilment: StrictStr = Field(pattern="^(" + "|".join(FULFILMENT_MODES) + ")$")
    member: MemberRef
    lines: list[OrderLineIn] = Field(min_length=1, max_length=500)
    discount_fen: StrictInt = Field(default=0, ge=0)
    delivery_fen: StrictInt = Field(default=0, ge=0)
    paid_fen: StrictInt = Field(ge=0)
    share_code: StrictStr | None = Field(default=None, max_length=16)
    address: StrictStr = Field(default="", max_length=300)
    note: StrictStr = Field(default="", max_length=300)
    # group-buy (社区团购): the group or group leader this order was collected by
    group_id: StrictStr | None = Field(default=None, min_length=1, max_length=40)


class ShipFromStoreIn(_Strict):
    """A till asks another store of its merchant to send goods to a customer: the
    `external_id` is the till's own id for the request, so a retry makes no second order."""

    external_id: StrictStr = Field(min_length=1, max_length=64)
    store: StrictStr = Field(min_length=1, max_length=16)
    fulfilment: StrictStr = Field(default="ship", pattern="^(ship|same_city)$")
    member: MemberRef
    lines: list[OrderLineIn] = Field(min_length=1, max_length=50)
    paid_fen: StrictInt = Field(ge=0)
    address: StrictStr = Field(min_length=1, max_length=300)
    note: StrictStr = Field(default="", max_length=300)


class TransitionIn(_Strict):
    to: StrictStr = Field(pattern="^(" + "|".join(STATES) + ")$")
    actor: StrictStr = Field(default="", max_length=64)
    reason: StrictStr = Field(default="", max_length=200)
    pickup_code: StrictStr = Field(default="", max_length=6)
    carrier: StrictStr = Field(default="", max_length=40)
    tracking_no: StrictStr = Field(default="", max_length=64)


class ShareCodeIn(_Strict):
    sku: StrictStr | None = Field(default=None, min_length=1, max_length=32)
