"""The reports window: the dashboard, the report tables, and the daily summary on paper."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget,
)

from app.services.reports import ReportService
from ui.errors import user_message
from ui.reports.dashboard import TOUCH, DashboardView, from_qdate
from ui.reports.printing import write_pdf
from ui.reports.tables import ReportTablesView
from ui.tasks import run_in_background


class ReportsWindow(QWidget):
    def __init__(self, reports: ReportService, printer=None, actor=None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("reports_window")
        self.setWindowTitle(self.tr("Reports"))
        self.reports, self.printer, self.actor = reports, printer, actor
        self.dashboard = DashboardView(reports)
        self.tables = ReportTablesView(reports)
        self.tabs = QTabWidget(objectName="report_tabs")
        self.tabs.addTab(self.dashboard, self.tr("Dashboard"))
        self.tabs.addTab(self.tables, self.tr("Report tables"))
        self.tabs.currentChanged.connect(self._tab_shown)
        self.print_button = QPushButton(self.tr("Print daily summary"), objectName="print_summary",
                                        minimumHeight=TOUCH)
        self.pdf_button = QPushButton(self.tr("Daily summary as PDF"), objectName="pdf_summary",
                                      minimumHeight=TOUCH)
        self.print_button.clicked.connect(self.print_summary)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.print_button.setEnabled(printer is not None)
        self.message = QLabel("", objectName="summary_message", wordWrap=True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.pdf_button)
        box = QVBoxLayout(self)
        box.addWidget(self.tabs, 1)
        box.addLayout(bottom)
        self.resize(1280, 960)

    def _tab_shown(self, index: int) -> None:
        if self.tabs.widget(index) is self.tables and self.tables.model.table is None:
            self.tables.load()

    def summary_day(self):
        """The daily summary is for the last day of the dashboard's period."""
        return from_qdate(self.dashboard.periods.last.date())

    def print_summary(self) -> None:
        day, printer = self.summary_day(), self.printer
        self.message.setText(self.tr("Printing the summary of {0}…").format(day.isoformat()))
        run_in_background(
            lambda: self.reports.print_daily_summary(day, printer, getattr(printer, "columns", 48),
                                                     self.actor),
            lambda _: self.message.setText(self.tr("Summary of {0} sent to the receipt printer.")
                                           .format(day.isoformat())),
            lambda exc: self.message.setText(user_message(exc)))

    def save_pdf(self, path: str | None = None) -> None:
        day = self.summary_day()
        path = path or QFileDialog.getSaveFileName(
            self, self.tr("Daily summary as PDF"), f"daily-summary-{day.isoformat()}.pdf",
            "PDF (*.pdf)")[0]
        if not path:
            return
        try:
            doc = self.reports.daily_summary(day, 48, self.actor)
            write_pdf(doc, path, self.tr("Daily summary {0}").format(day.isoformat()))
        except Exception as exc:  # shown as a sentence, never a trace
            self.message.setText(user_message(exc))
            return
        self.message.setText(self.tr("Saved the summary of {0} to {1}").format(day.isoformat(), path))
