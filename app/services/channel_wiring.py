"""The channel-order services of one till, built together from the app's parts."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from app.domain.clock import Clock
from app.services.catalog import CatalogService
from app.services.channel_groups import GroupPickup
from app.services.channel_orders import ChannelOrderService
from app.services.channel_slips import ChannelSlips
from app.services.channel_stock import CrossStoreStock
from app.services.channel_transfer_requests import TransferRequests
from app.services.context import TerminalContext
from app.services.inventory.transfers import TransferService


@dataclass
class ChannelServices:
    orders: ChannelOrderService
    slips: ChannelSlips
    groups: GroupPickup
    stock: CrossStoreStock
    transfer_requests: TransferRequests

    @classmethod
    def build(cls, sessions: sessionmaker[Session], terminal: TerminalContext, clock: Clock,
              catalog: CatalogService, devices) -> "ChannelServices":
        """`devices` is the DeviceService: slips go through its print queue, at the width
        of the receipt printer configured now."""
        orders = ChannelOrderService(sessions, terminal, clock, catalog)
        slips = ChannelSlips(sessions, terminal, clock, orders, devices.queue,
                             lambda: devices.current_printer.columns)
        stock = CrossStoreStock(sessions, catalog)
        requests = TransferRequests(sessions, terminal, stock,
                                    TransferService(sessions, terminal, clock))
        return cls(orders, slips, GroupPickup(sessions, terminal, orders), stock, requests)
