"""Paper for channel orders: the picking slip of one order and the batch list of a
group-buy group, printed through the durable print queue like every receipt.

New orders that arrive through sync are "announced" once per till: the UI shows a
notice and, when this till is set to, a picking slip is queued for each of them.
The announcement is a column of the order, so a restart neither repeats nor
forgets it.
"""
from __future__ import annotations

from typing import Callable, Protocol, Sequence

from sqlalchemy import select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, sessionmaker

from app.domain import channel_orders as rules
from app.domain.clock import Clock, to_local
from app.domain.receipt import BarcodeBlock, Cut, Feed, ReceiptDocument, Rule
from app.domain.textwidth import two_columns, wrap
from app.services.channel_orders import ChannelOrderService, ChannelOrderView
from app.services.context import TerminalContext
from app.services.errors import NotFound
from app.sync.models_channel import ChannelOrder, ChannelTillSetting

SLIP_JOB, BATCH_JOB = "picking_slip", "group_batch"
AUTO_PRINT = "auto_print_slips"
CHANNEL_NAMES = {"online_mall": "线上商城", "mini_program": "小程序", "group_buy": "社区团购",
                 "social_shop": "社交小店", "in_store": "门店代下单"}
FULFILMENT_NAMES = {"pickup": "到店自提", "ship": "快递配送", "same_city": "同城配送"}


class _Queue(Protocol):
    def enqueue(self, document: ReceiptDocument, kind: str, ref_id: str) -> str: ...


def masked_phone(phone: str) -> str:
    """138****8000: enough for staff to match the customer, not enough to copy."""
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 8 else phone


def build_picking_slip(order: ChannelOrderView, ctx: TerminalContext,
                       columns: int) -> ReceiptDocument:
    doc = ReceiptDocument(columns)
    doc.text("拣货单", "center", bold=True, double=True)
    doc.text(ctx.store_name, "center")
    doc.add(Rule())
    placed = to_local(order.placed_at, ctx.tz).strftime("%Y-%m-%d %H:%M")
    for label, value in (("订单", order.external_id),
                         ("渠道", CHANNEL_NAMES.get(order.channel, order.channel)),
                         ("方式", FULFILMENT_NAMES.get(order.fulfilment, order.fulfilment)),
                         ("下单", placed),
                         ("顾客", f"{order.member_name} {masked_phone(order.member_phone)}"),
                         ("团号", order.group_id)):
        if value:
            doc.text(two_columns(label, value, columns))
    doc.add(Rule())
    doc.text(two_columns("品名 / SKU", "数量", columns))
    for line in order.lines:
        for part in wrap(line.name, columns):
            doc.text(part)
        doc.text(two_columns(f"  {line.sku_code}  [ ]", f"x{line.quantity.format()}", columns),
                 bold=True)
    doc.add(Rule())
    count = sum(line.quantity.milli for line in order.lines)
    doc.text(two_columns(f"{len(order.lines)} 行", f"共 {count / 1000:g} 件", columns))
    for label, value in (("地址", order.address), ("备注", order.note)):
        for number, part in enumerate(wrap(f"{label}: {value}", columns) if value else ()):
            doc.text(part, bold=number == 0 and label == "备注")
    doc.add(BarcodeBlock(order.external_id))
    doc.add(Feed(2))
    doc.add(Cut())
    return doc


def build_batch_list(group_id: str, orders: Sequence[ChannelOrderView], ctx: TerminalContext,
                     columns: int, now_text: str) -> ReceiptDocument:
    """The pickup point's list of a group's orders, to tick off as customers come."""
    doc = ReceiptDocument(columns)
    doc.text("团购提货清单", "center", bold=True, double=True)
    doc.text(ctx.store_name, "center")
    doc.text(two_columns("团号", group_id, columns))
    doc.text(two_columns("打印", now_text, columns))
    doc.add(Rule())
    done = 0
    for order in orders:
        collected = order.status in (rules.PICKED_UP, rules.COMPLETED)
        done += collected
        mark = "[已取]" if collected else "[    ]"
        doc.text(two_columns(f"{mark} {order.member_name}", masked_phone(order.member_phone),
                             columns), bold=True)
        doc.text(two_columns(f"  {order.external_id}", f"取货码 {order.pickup_code}", columns))
        for line in order.lines:
            for part in wrap(f"  {line.name} x{line.quantity.format()}", columns):
                doc.text(part)
    doc.add(Rule())
    doc.text(two_columns(f"共 {len(orders)} 单", f"已取 {done} 单", columns), bold=True)
    doc.add(Feed(2))
    doc.add(Cut())
    return doc


class ChannelSlips:
    def __init__(self, sessions: sessionmaker[Session], ctx: TerminalContext, clock: Clock,
                 orders: ChannelOrderService, queue: _Queue, columns: Callable[[], int]) -> None:
        self._sessions = sessions
        self._ctx = ctx
        self._clock = clock
        self._orders = orders
        self._queue = queue
        self._columns = columns  # the receipt printer's width now (it can be changed)

    def picking_slip(self, order_id: str) -> ReceiptDocument:
        return build_picking_slip(self._orders.get(order_id), self._ctx, self._columns())

    def print_slip(self, order_id: str) -> str:
        """Queue the order's picking slip; returns the print job id."""
        return self._queue.enqueue(self.picking_slip(order_id), SLIP_JOB, order_id)

    def batch_list(self, group_id: str, orders: Sequence[ChannelOrderView]) -> ReceiptDocument:
        if not orders:
            raise NotFound("Group {group} has no orders at this store.", group=group_id)
        now = to_local(self._clock.now(), self._ctx.tz).strftime("%Y-%m-%d %H:%M")
        return build_batch_list(group_id, orders, self._ctx, self._columns(), now)

    def print_batch_list(self, group_id: str, orders: Sequence[ChannelOrderView]) -> str:
        return self._queue.enqueue(self.batch_list(group_id, orders), BATCH_JOB, group_id[:64])

    # --- this till's setting -----------------------------------------------
    def auto_print(self) -> bool:
        with self._sessions() as s:
            row = s.get(ChannelTillSetting, AUTO_PRINT)
            return row is not None and row.value == "1"

    def set_auto_print(self, on: bool) -> None:
        now = self._clock.now()
        with self._sessions.begin() as s:
            s.execute(sqlite_insert(ChannelTillSetting).values(
                key=AUTO_PRINT, value="1" if on else "0", updated_at=now)
                .on_conflict_do_update(index_elements=["key"],
                                       set_={"value": "1" if on else "0", "updated_at": now}))

    # --- new orders --------------------------------------------------------
    def announce_new(self) -> list[ChannelOrderView]:
        """New orders of this store not announced yet: marked announced now, and with
        auto-print on, each gets its picking slip queued. Returns them, oldest first."""
        with self._sessions.begin() as s:
            ids = list(s.scalars(select(ChannelOrder.id).where(
                ChannelOrder.store_code == self._ctx.store_code,
                ChannelOrder.status == rules.NEW, ChannelOrder.announced_at.is_(None))
                .order_by(ChannelOrder.placed_at, ChannelOrder.id)))
            if ids:
                s.execute(update(ChannelOrder).where(ChannelOrder.id.in_(ids))
                          .values(announced_at=self._clock.now()))
        fresh = [self._orders.get(order_id) for order_id in ids]
        if fresh and self.auto_print():
            for order in fresh:
                self._queue.enqueue(build_picking_slip(order, self._ctx, self._columns()),
                                    SLIP_JOB, order.id)
        return fresh
