"""Channel-order state changes made at a store's till arrive as outbox events
(kind "channel_order.transition") and follow the same rules as the HTTP API.

A move the state machine refuses (already cancelled by the channel, wrong
pickup code, another store's order) is rejected and quarantined, never
blocking the till's queue; the event row is taken back out so the event table
holds only what the cloud accepted.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StrictStr
from sqlalchemy import delete
from sqlalchemy.engine import Connection

from cloud import channel, ingest
from cloud.channel_schema import STATES
from cloud.event_schema import PAYLOADS, ValidEvent
from cloud.models import Event
from cloud.tenancy import Principal

KIND = "channel_order.transition"


class ChannelOrderTransitionV1(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    order_id: StrictStr = Field(min_length=1, max_length=36)
    to: StrictStr = Field(pattern="^(" + "|".join(STATES) + ")$")
    actor: StrictStr = Field(max_length=48)
    at: AwareDatetime
    store: StrictStr = Field(max_length=16)
    reason: StrictStr = Field(default="", max_length=200)
    pickup_code: StrictStr = Field(default="", max_length=6)
    carrier: StrictStr = Field(default="", max_length=40)
    tracking_no: StrictStr = Field(default="", max_length=64)


PAYLOADS[KIND] = {1: ChannelOrderTransitionV1}


def refuse_illegal_moves(conn: Connection, principal: Principal, valid: dict[int, ValidEvent],
                         inserted: set[str], outcomes: list[Any], now: datetime) -> None:
    """Apply newly inserted transition events in terminal order; refused ones become
    rejected outcomes (and leave `valid` and `inserted`)."""
    moves = {i: v for i, v in valid.items()
             if v.envelope.kind == KIND and v.envelope.id in inserted}
    applied: set[str] = set()
    refused: dict[str, str] = {}
    for index, event in sorted(moves.items(), key=lambda item: item[1].envelope.seq):
        event_id = event.envelope.id
        if event_id in applied or event_id in refused:
            continue  # a second copy in the batch
        try:
            _apply(conn, principal, event)
            applied.add(event_id)
        except channel.ChannelError as exc:
            refused[event_id] = f"channel order {event.payload.order_id}: {exc}"[:500]
    if not refused:
        return
    conn.execute(delete(Event).where(Event.id.in_(list(refused))))
    for order_id in sorted({v.payload.order_id for v in moves.values()
                            if v.envelope.id in refused}):
        channel.log_again(conn, principal.merchant_id, order_id, now)
    for index, event in list(valid.items()):
        reason = refused.get(event.envelope.id)
        if reason is not None:
            del valid[index]
            outcomes[index] = ingest.Outcome(event.envelope.id, ingest.REJECTED, reason)
    inserted.difference_update(refused)


def _apply(conn: Connection, principal: Principal, event: ValidEvent) -> None:
    move: ChannelOrderTransitionV1 = event.payload
    actor = channel.Actor("terminal", principal.merchant_id,
                          f"{principal.store_code}/{principal.terminal_code}/{move.actor}",
                          store_id=principal.store_id)
    # Checks come before any write in channel.transition, so a refusal leaves nothing behind.
    channel.transition(conn, move.order_id, actor, channel.Move(
        move.to, pickup_code=move.pickup_code, carrier=move.carrier,
        tracking_no=move.tracking_no, reason=move.reason, event_id=event.envelope.id), move.at)
