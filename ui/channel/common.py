"""Names of states, channels and fulfilment modes as staff read them, and small helpers."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem


def state_name(status: str) -> str:
    names = {
        "new": QCoreApplication.translate("Channel", "New"),
        "accepted": QCoreApplication.translate("Channel", "Accepted"),
        "picking": QCoreApplication.translate("Channel", "Picking"),
        "ready": QCoreApplication.translate("Channel", "Ready"),
        "picked_up": QCoreApplication.translate("Channel", "Picked up"),
        "shipped": QCoreApplication.translate("Channel", "Shipped"),
        "completed": QCoreApplication.translate("Channel", "Completed"),
        "cancelled": QCoreApplication.translate("Channel", "Cancelled"),
        "refunded": QCoreApplication.translate("Channel", "Refunded"),
    }
    return names.get(status, status)


def channel_name(channel: str) -> str:
    names = {
        "online_mall": QCoreApplication.translate("Channel", "Online mall"),
        "mini_program": QCoreApplication.translate("Channel", "Mini-program"),
        "group_buy": QCoreApplication.translate("Channel", "Group buy"),
        "social_shop": QCoreApplication.translate("Channel", "Social shop"),
        "in_store": QCoreApplication.translate("Channel", "Another store"),
    }
    return names.get(channel, channel)


def fulfilment_name(mode: str) -> str:
    names = {
        "pickup": QCoreApplication.translate("Channel", "Pickup"),
        "ship": QCoreApplication.translate("Channel", "Ship"),
        "same_city": QCoreApplication.translate("Channel", "Same-city delivery"),
    }
    return names.get(mode, mode)


def make_table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(40)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill_row(table: QTableWidget, row: int, values: list[str], key: str | None = None) -> None:
    for column, value in enumerate(values):
        item = QTableWidgetItem(value)
        if key is not None and column == 0:
            item.setData(Qt.ItemDataRole.UserRole, key)  # the id behind the row
        table.setItem(row, column, item)
