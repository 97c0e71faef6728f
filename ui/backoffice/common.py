"""Small helpers the back-office screens share: amounts and quantities as people read
them, touch-sized buttons, simple read-only table models, error display."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Callable, Sequence, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMessageBox, QPushButton, QTableView, QWidget

from app.services.permissions import ManagerApproval, Permission
from ui.errors import user_message
from ui.staff import guarded

TOUCH = 44
T = TypeVar("T")


def as_actor(parent: QWidget | None, services,
             call: Callable[[object, ManagerApproval | None], T]) -> T | None:
    """Run a guarded service call as the person at the back office (`services.actor`).
    When they lack the permission, a supervisor approves on the spot and the call runs
    again with the approval; None when the supervisor cancelled."""
    return guarded.run_as(parent, getattr(services, "rules", None), getattr(services, "actor", None), call)


def approval_up_front(parent: QWidget | None, services,
                      permission: Permission) -> tuple[bool, ManagerApproval | None]:
    """For background work: (go on?, approval) asked now, on the UI thread."""
    return guarded.approval_up_front(parent, getattr(services, "rules", None),
                                     getattr(services, "actor", None), permission)


def yuan(fen: int | None) -> str:
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}{fen // 100}.{fen % 100:02d}"


def qty(milli: int | None) -> str:
    if milli is None:
        return ""
    if milli % 1000 == 0:
        return str(milli // 1000)
    return f"{Decimal(milli) / 1000:.3f}".rstrip("0")


def parse_yuan(text: str) -> int | None:
    """'3.5' -> 350; '' -> None; raises ValueError on anything else."""
    cleaned = text.strip().replace("¥", "")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned) * 100
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if value != value.to_integral_value():
        raise ValueError(text)
    return int(value)


def parse_qty(text: str) -> int:
    """'12' -> 12000, '0.535' -> 535; raises ValueError."""
    try:
        value = Decimal(text.strip()) * 1000
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if value != value.to_integral_value():
        raise ValueError(text)
    return int(value)


def button(text: str, slot: Callable[[], None] | None = None, name: str = "") -> QPushButton:
    b = QPushButton(text)
    b.setMinimumHeight(TOUCH)
    b.setMinimumWidth(96)
    if name:
        b.setObjectName(name)
    if slot:
        b.clicked.connect(lambda _=False: slot())
    return b


def show_error(parent: QWidget, error: BaseException) -> None:
    QMessageBox.warning(parent, parent.tr("Back office"), user_message(error))


class RowsModel(QAbstractTableModel):
    """Read-only table of rows, each turned into cells by `cells(row)`."""

    def __init__(self, headers: Sequence[str], cells: Callable[[object], Sequence[object]]) -> None:
        super().__init__()
        self.headers = list(headers)
        self.cells = cells
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return str(self.cells(self.rows[index.row()])[index.column()])  # tooltip: long problems
        return None


def table(model, stretch_column: int = 1, name: str = "") -> QTableView:
    view = QTableView()
    view.setModel(model)
    if name:
        view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setDefaultSectionSize(36)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch_column >= 0:
        view.horizontalHeader().setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return view
