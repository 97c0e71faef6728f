"""The life of a channel order (online mall, mini-program, group buy, social shop),
shared by the cloud and the till so both refuse the same moves.

new -> accepted -> picking -> ready -> picked_up | shipped -> completed;
cancelled from any state before fulfilment, refunded after it.
"""
from __future__ import annotations

NEW, ACCEPTED, PICKING, READY = "new", "accepted", "picking", "ready"
PICKED_UP, SHIPPED, COMPLETED = "picked_up", "shipped", "completed"
CANCELLED, REFUNDED = "cancelled", "refunded"
STATES = (NEW, ACCEPTED, PICKING, READY, PICKED_UP, SHIPPED, COMPLETED, CANCELLED, REFUNDED)
FULFILMENT_MODES = ("pickup", "ship", "same_city")
TRANSITIONS: dict[str, tuple[str, ...]] = {
    NEW: (ACCEPTED, CANCELLED),
    ACCEPTED: (PICKING, CANCELLED),
    PICKING: (READY, CANCELLED),
    READY: (PICKED_UP, SHIPPED, CANCELLED),
    PICKED_UP: (COMPLETED, REFUNDED),
    SHIPPED: (COMPLETED, REFUNDED),
    COMPLETED: (REFUNDED,),
    CANCELLED: (),
    REFUNDED: (),
}
HOLDS_RESERVATION = (ACCEPTED, PICKING, READY)   # stock is reserved for the order
FULFILLED = (PICKED_UP, SHIPPED)                  # the goods left the store
CLOSED = (PICKED_UP, SHIPPED, COMPLETED, CANCELLED, REFUNDED)  # pickup code free again
PICKUP_CODE_DIGITS = 6


def may_move(status: str, to: str) -> bool:
    return to in TRANSITIONS.get(status, ())


def next_states(status: str) -> tuple[str, ...]:
    return TRANSITIONS.get(status, ())
