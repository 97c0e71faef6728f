"""What an event must look like to be accepted: the envelope and each kind's payload.

Money and quantities are strict integers (fen, thousandths): a float or a
numeric string is refused rather than rounded. The cloud takes the current
schema version of a kind and the one before, so tills can be upgraded store by
store.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from pydantic import Field, StrictStr, ValidationError, field_validator

from cloud.payloads_common import Bp, Fen, Id, Milli, Moment, Seq, SmallInt, find_poison
from cloud.payloads_common import Strict as _Strict
from cloud.payloads_members import MEMBER_PAYLOADS
from cloud.payloads_staff import STAFF_PAYLOADS
from cloud.payloads_store import STORE_PAYLOADS
from cloud.tenancy import Principal


class Envelope(_Strict):
    id: StrictStr
    seq: Seq
    kind: StrictStr = Field(max_length=40)
    schema_version: SmallInt
    store: StrictStr = Field(max_length=16)
    terminal: StrictStr = Field(max_length=16)
    created_at: Moment
    payload: dict[str, Any]

    @field_validator("id")
    @classmethod
    def _canonical_uuid(cls, value: str) -> str:
        if str(uuid.UUID(value)) != value:
            raise ValueError("id must be a canonical lower-case UUID")
        return value


class SaleLineV1(_Strict):
    line_no: SmallInt = Field(ge=1)
    product_id: StrictStr = Field(default="", max_length=36)
    sku_code: StrictStr = Field(min_length=1, max_length=32)
    barcode: StrictStr = Field(default="", max_length=48)
    name: StrictStr = Field(max_length=200)
    unit_price_fen: Fen
    quantity_milli: Milli
    amount_fen: Fen
    tax_rate_bp: Bp
    tax_fen: Fen
    # who sold the line (the line's salesperson, else the sale's, else the member's
    # exclusive one: checkout_rows.sale_payload) and the member price it was sold at
    salesperson_id: Id | None = None
    member_fen: Fen | None = None


class PaymentV1(_Strict):
    tender: StrictStr = Field(max_length=24)
    amount_fen: Fen
    tendered_fen: Fen = 0
    change_fen: Fen = 0
    reference: StrictStr = Field(default="", max_length=64)


class SaleCompletedV1(_Strict):
    sale_id: StrictStr = Field(min_length=1, max_length=36)
    receipt_no: StrictStr = Field(max_length=48)
    store: StrictStr
    terminal: StrictStr
    business_date: StrictStr = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    cashier_id: StrictStr = Field(max_length=36)
    completed_at: Moment
    total_fen: Fen
    tax_fen: Fen
    paid_fen: Fen
    change_fen: Fen
    subtotal_fen: Fen | None = None
    discount_fen: Fen | None = None
    rounding_fen: Fen | None = None
    member_id: Id | None = None
    salesperson_id: Id | None = None
    lines: list[SaleLineV1] = Field(min_length=1)
    payments: list[PaymentV1] = Field(default_factory=list)


# kind -> {schema_version: payload model}; the highest version is the current one.
# transfer.* and channel_order.* are added to this table by cloud.transfers and
# cloud.channel_ingest.
PAYLOADS: dict[str, dict[int, type[_Strict]]] = {
    "sale.completed": {1: SaleCompletedV1},
    **STORE_PAYLOADS,
    **MEMBER_PAYLOADS,
    **STAFF_PAYLOADS,
}


def accepted_versions(kind: str) -> tuple[int, ...]:
    """The current schema version of a kind and the previous one, if it exists."""
    versions = PAYLOADS.get(kind, {})
    if not versions:
        return ()
    current = max(versions)
    return tuple(v for v in (current - 1, current) if v in versions)


@dataclass(frozen=True)
class ValidEvent:
    envelope: Envelope
    payload: Any  # the kind's payload model


class Rejected(Exception):
    """Why an event cannot be taken; it goes to quarantine with this reason."""


def validate_event(raw: Any, principal: Principal) -> ValidEvent:
    """Check one event as received; raises Rejected with a reason a manager can read."""
    if not isinstance(raw, dict):
        raise Rejected("malformed event: not a JSON object")
    poison = find_poison(raw)
    if poison is not None:
        raise Rejected(f"malformed event: {poison}")
    try:
        envelope = Envelope.model_validate(raw)
    except ValidationError as exc:
        raise Rejected(f"malformed event: {_first_error(exc)}") from None
    if envelope.store != principal.store_code:
        raise Rejected(f"wrong store: event is for {envelope.store!r}, "
                       f"token is for {principal.store_code!r}")
    if envelope.terminal != principal.terminal_code:
        raise Rejected(f"wrong terminal: event is for {envelope.terminal!r}, "
                       f"token is for {principal.terminal_code!r}")
    if envelope.kind not in PAYLOADS:
        raise Rejected(f"unknown kind {envelope.kind!r}")
    if envelope.schema_version not in accepted_versions(envelope.kind):
        raise Rejected(f"schema version {envelope.schema_version} of {envelope.kind} is not "
                       f"supported (accepted: {list(accepted_versions(envelope.kind))})")
    model = PAYLOADS[envelope.kind][envelope.schema_version]
    try:
        payload = model.model_validate(envelope.payload)
    except ValidationError as exc:
        raise Rejected(f"malformed payload: {_first_error(exc)}") from None
    if getattr(payload, "store", envelope.store) != envelope.store:
        raise Rejected("wrong store: payload and envelope name different stores")
    return ValidEvent(envelope, payload)


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err.get("loc", ())) or "event"
    return f"{where}: {err.get('msg', 'invalid')}"[:400]

