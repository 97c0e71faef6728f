"""Group-buy (社区团购) pickup: the store as the group's pickup point.

The organiser's orders for one group (group/leader id) arrive through sync like any
channel order. Goods come packed per customer, so the store receives the whole
batch at once (every open order becomes ready), then checks each customer out by
pickup code, by phone, or by the phone's last four digits, and prints the batch
list to tick off. Every move is the channel-order service's, with its outbox event.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, sessionmaker

from app.domain import channel_orders as rules
from app.services.auth import StaffMember
from app.services.channel_orders import ChannelOrderService, ChannelOrderView
from app.services.context import TerminalContext
from app.services.errors import InvalidInput, NotFound
from app.sync.apply_channel import local_phone
from app.sync.models_channel import ChannelOrder

OPEN_GROUP_STATES = (rules.NEW, rules.ACCEPTED, rules.PICKING, rules.READY)


@dataclass(frozen=True)
class GroupSummary:
    group_id: str
    orders: int
    waiting: int     # not yet collected (open orders)
    ready: int


class GroupPickup:
    def __init__(self, sessions: sessionmaker[Session], ctx: TerminalContext,
                 orders: ChannelOrderService) -> None:
        self._sessions = sessions
        self._ctx = ctx
        self._orders = orders

    def groups(self) -> list[GroupSummary]:
        """Groups with orders still to hand out at this store, oldest first."""
        open_ = func.sum(case((ChannelOrder.status.in_(OPEN_GROUP_STATES), 1), else_=0))
        with self._sessions() as s:
            rows = s.execute(
                select(ChannelOrder.group_id, func.count(), open_,
                       func.sum(case((ChannelOrder.status == rules.READY, 1), else_=0)),
                       func.min(ChannelOrder.placed_at))
                .where(ChannelOrder.store_code == self._ctx.store_code,
                       ChannelOrder.group_id != "", ChannelOrder.status != rules.CANCELLED)
                .group_by(ChannelOrder.group_id).having(open_ > 0)
                .order_by(func.min(ChannelOrder.placed_at), ChannelOrder.group_id)).all()
        return [GroupSummary(group, int(n), int(waiting), int(ready))
                for group, n, waiting, ready, _ in rows]

    def batch(self, group_id: str) -> list[ChannelOrderView]:
        """The group's orders at this store (cancelled ones left out), by customer."""
        with self._sessions() as s:
            ids = s.scalars(select(ChannelOrder.id).where(
                ChannelOrder.store_code == self._ctx.store_code,
                ChannelOrder.group_id == group_id, ChannelOrder.status != rules.CANCELLED)
                .order_by(ChannelOrder.member_phone, ChannelOrder.placed_at)).all()
        if not ids:
            raise NotFound("Group {group} has no orders at this store. Sync, then try again.",
                           group=group_id)
        return [self._orders.get(order_id) for order_id in ids]

    def receive(self, group_id: str, actor: StaffMember) -> int:
        """The group's goods have arrived: every open order becomes ready. Returns how many."""
        made = 0
        for order in self.batch(group_id):
            if order.status in (rules.NEW, rules.ACCEPTED, rules.PICKING):
                self._orders.make_ready_packed(order.id, actor)
                made += 1
        return made

    def check_out(self, group_id: str, code_or_phone: str,
                  actor: StaffMember) -> list[ChannelOrderView]:
        """Hand a customer their ready orders of the group, found by the 6-digit pickup
        code, the 11-digit phone or the phone's last 4 digits."""
        wanted = re.sub(r"[\s-]", "", code_or_phone)
        ready = [o for o in self.batch(group_id) if o.status == rules.READY]
        if re.fullmatch(r"\d{6}", wanted):
            found = [o for o in ready if o.pickup_code == wanted]
        elif re.fullmatch(r"\d{4}", wanted):
            found = [o for o in ready if local_phone(o.member_phone).endswith(wanted)]
            if len({o.member_phone for o in found}) > 1:
                raise InvalidInput("Several customers of group {group} have a phone ending in "
                                   "{digits}. Ask for the pickup code or the whole number.",
                                   group=group_id, digits=wanted)
        else:
            found = [o for o in ready if local_phone(o.member_phone) == local_phone(wanted)]
        if not found:
            raise NotFound("Nothing of group {group} is ready for {code}. Check the code or "
                           "phone with the customer, or receive the batch first.",
                           group=group_id, code=code_or_phone.strip())
        return [self._orders.hand_over_order(order.id, actor) for order in found]
