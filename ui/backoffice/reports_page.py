"""Stock alerts and reports: low stock and reorder suggestions, valuation by category,
slow movers, movement history; each exportable as CSV/XLSX."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from app.domain.clock import to_local
from app.services.inventory.reports import export_report
from app.services.inventory.services import InventoryServices
from ui.backoffice.stock_card import kind_text
from ui.backoffice.common import RowsModel, button, qty, show_error, table, yuan
from ui.tasks import run_in_background


class ReportsPage(QWidget):
    def __init__(self, services: InventoryServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        tz = services.terminal.tz
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reportTabs")
        layout.addWidget(self.tabs)
        self.models = {}
        for key, title, headers, cells in (
            ("low", self.tr("Below minimum"), [self.tr("Code"), self.tr("Name"), self.tr("On hand"),
                                               self.tr("Min"), self.tr("Max")],
             lambda r: (r.sku_code, r.name, qty(r.on_hand_milli), qty(r.min_milli), qty(r.max_milli))),
            ("reorder", self.tr("Reorder suggestions"), [self.tr("Code"), self.tr("Name"), self.tr("On hand"),
                                                         self.tr("Sold per day"), self.tr("Order")],
             lambda r: (r.sku_code, r.name, qty(r.on_hand_milli), qty(r.daily_sales_milli), qty(r.suggested_milli))),
            ("valuation", self.tr("Valuation by category"), [self.tr("Category"), self.tr("Products"),
                                                              self.tr("On hand"), self.tr("Value ¥"),
                                                              self.tr("Negative")],
             lambda r: (r.category or self.tr("(none)"), r.products, qty(r.on_hand_milli), yuan(r.value_fen),
                        r.negative_products)),
            ("slow", self.tr("Slow movers (30 days)"), [self.tr("Code"), self.tr("Name"), self.tr("On hand"),
                                                        self.tr("Sold"), self.tr("Value ¥")],
             lambda r: (r.sku_code, r.name, qty(r.on_hand_milli), qty(r.sold_milli), yuan(r.value_fen))),
            ("history", self.tr("Movements (7 days)"), [self.tr("Time"), self.tr("Code"), self.tr("Name"),
                                                        self.tr("Movement"), self.tr("Qty"), self.tr("Note")],
             lambda r: (to_local(r.at, tz).strftime("%m-%d %H:%M"), r.sku_code, r.name, kind_text(r.kind),
                        qty(r.quantity_milli), r.note)),
        ):
            model = RowsModel(headers, cells)
            self.models[key] = model
            self.tabs.addTab(table(model, 1, f"report_{key}"), title)
        row = QHBoxLayout()
        self.status = QLabel()
        row.addWidget(self.status, 1)
        row.addWidget(button(self.tr("Refresh"), self.refresh, "refreshReports"))
        row.addWidget(button(self.tr("Export…"), self.export, "exportReport"))
        layout.addLayout(row)
        self.loading = False

    def refresh(self) -> None:
        """Reports read the whole ledger: they run in the background."""
        self.loading = True
        self.status.setText(self.tr("Loading…"))
        s, now = self.services, self.services.clock.now()
        run_in_background(lambda: {
            "low": s.stock.low_stock(), "reorder": s.stock.reorder_suggestions(),
            "valuation": s.reports.valuation_by_category(), "slow": s.reports.slow_movers(),
            "history": s.reports.movement_history(now - timedelta(days=7), now + timedelta(seconds=1))},
            self._show, self._failed)

    def _failed(self, exc: Exception) -> None:
        self.loading = False
        self.status.setText("")
        show_error(self, exc)

    def _show(self, results: dict) -> None:
        for key, rows in results.items():
            self.models[key].set_rows(rows)
        self.loading = False
        self.status.setText("")

    def export(self) -> None:
        key = list(self.models)[self.tabs.currentIndex()]
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export report"), f"{key}.xlsx",
                                              self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if path:
            count = export_report(Path(path), self.models[key].rows)
            self.status.setText(self.tr("%1 rows exported").replace("%1", str(count)))
