"""The reports dashboard: headline figures against the previous period, and charts.

Figures are computed off the UI thread (ui.tasks.run_in_background); the progress
bar runs while they are, and a newer request wins over an older one still running.
"""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QFrame, QGridLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton,
    QVBoxLayout, QWidget,
)

from app.domain.money import Money
from app.services.reports import Dashboard, Period, ReportService
from app.services.tenders import tender_name
from ui.errors import user_message
from ui.reports.charts import ChartView
from ui.tasks import run_in_background

TOUCH = 48


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class PeriodBar(QWidget):
    """Today / yesterday / last 7 days / this month / a chosen range, and Refresh."""

    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.preset = QComboBox(objectName="period_preset")
        for text, key in ((self.tr("Today"), "today"), (self.tr("Yesterday"), "yesterday"),
                          (self.tr("Last 7 days"), "week"), (self.tr("This month"), "month"),
                          (self.tr("Chosen range"), "range")):
            self.preset.addItem(text, key)
        self.first = QDateEdit(to_qdate(today), objectName="period_first", calendarPopup=True)
        self.last = QDateEdit(to_qdate(today), objectName="period_last", calendarPopup=True)
        self.refresh = QPushButton(self.tr("Refresh (F5)"), objectName="refresh")
        self.refresh.setShortcut("F5")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.preset, QLabel(self.tr("From")), self.first, QLabel(self.tr("to")),
                  self.last, self.refresh):
            w.setMinimumHeight(TOUCH)
            row.addWidget(w)
        row.addStretch(1)
        self.preset.currentIndexChanged.connect(self._apply_preset)
        self.refresh.clicked.connect(self.changed)

    def _apply_preset(self) -> None:
        key, t = self.preset.currentData(), self.today
        first, last = {"today": (t, t), "yesterday": (t - timedelta(days=1),) * 2,
                       "week": (t - timedelta(days=6), t), "month": (t.replace(day=1), t)
                       }.get(key, (from_qdate(self.first.date()), from_qdate(self.last.date())))
        self.first.setDate(to_qdate(first))
        self.last.setDate(to_qdate(last))
        self.changed.emit()

    def period(self) -> Period:
        return Period(from_qdate(self.first.date()), from_qdate(self.last.date()))


class Card(QFrame):
    """One headline figure and how it compares with the previous period."""

    def __init__(self, title: str, name: str) -> None:
        super().__init__(objectName=name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("-", objectName=f"{name}_value")
        self.value.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.change = QLabel("", objectName=f"{name}_change")
        box = QVBoxLayout(self)
        box.addWidget(QLabel(title))
        box.addWidget(self.value)
        box.addWidget(self.change)

    def set_figure(self, text: str, change_bp: int | None, previous_text: str, tr) -> None:
        self.value.setText(text)
        if change_bp is None:
            self.change.setText(tr("previous: {0}").format(previous_text))
            self.change.setStyleSheet("color: #666;")
            return
        arrow = "▲" if change_bp >= 0 else "▼"
        self.change.setText(tr("{0} {1}% vs previous ({2})").format(
            arrow, f"{abs(change_bp) / 100:.1f}", previous_text))
        self.change.setStyleSheet("color: %s;" % ("#1f7a4d" if change_bp >= 0 else "#b3261e"))


def _money(fen: int) -> str:
    return Money(fen).format()


def _pct(bp: int) -> str:
    return f"{bp / 100:.1f}%"


# (object name, title, value of figures, text of value)
CARDS = (
    ("sales", QT_TRANSLATE_NOOP("DashboardView", "Net sales"), lambda f: f.totals.net_fen, _money),
    ("orders", QT_TRANSLATE_NOOP("DashboardView", "Orders"), lambda f: f.totals.orders, str),
    ("basket", QT_TRANSLATE_NOOP("DashboardView", "Average basket"), lambda f: f.average_basket_fen, _money),
    ("units", QT_TRANSLATE_NOOP("DashboardView", "Units"), lambda f: f.totals.quantity_milli // 1000, str),
    ("margin", QT_TRANSLATE_NOOP("DashboardView", "Gross margin"), lambda f: f.totals.margin_fen, _money),
    ("returns", QT_TRANSLATE_NOOP("DashboardView", "Returns"), lambda f: f.totals.returns_fen, _money),
    ("discounts", QT_TRANSLATE_NOOP("DashboardView", "Discounts"), lambda f: f.totals.discount_fen, _money),
    ("rounding", QT_TRANSLATE_NOOP("DashboardView", "Rounding given (抹零)"), lambda f: -f.totals.rounding_fen, _money),
    ("member_share", QT_TRANSLATE_NOOP("DashboardView", "Member share"), lambda f: f.member_share_bp, _pct),
    ("new_members", QT_TRANSLATE_NOOP("DashboardView", "New members"), lambda f: f.new_members, str),
)


class DashboardView(QWidget):
    """Cards and charts for a period; `busy` is true while figures are being computed."""

    loaded = Signal()

    def __init__(self, reports: ReportService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reports, self.busy, self.board = reports, False, None
        self._request = 0
        self.periods = PeriodBar(reports.today())
        self.progress = QProgressBar(objectName="progress", maximum=0, maximumHeight=8)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.error = QLabel("", objectName="error", wordWrap=True)
        self.error.setStyleSheet("color: #b3261e;")
        self.cards = {name: Card(self.tr(title), name) for name, title, *_ in CARDS}
        self.charts = {name: ChartView(title, name) for name, title in (
            ("chart_hours", self.tr("Sales by hour")), ("chart_tenders", self.tr("By tender")),
            ("chart_categories", self.tr("By category")), ("chart_products", self.tr("Top products")),
            ("chart_salespeople", self.tr("Salesperson ranking")), ("chart_days", self.tr("Sales by day")))}
        self._lay_out()
        self.periods.changed.connect(self.load)

    def _lay_out(self) -> None:
        cards = QGridLayout()
        for i, card in enumerate(self.cards.values()):
            cards.addWidget(card, i // 5, i % 5)
        charts = QGridLayout()
        for i, chart in enumerate(self.charts.values()):
            charts.addWidget(chart, i // 3, i % 3)
        box = QVBoxLayout(self)
        box.addWidget(self.periods)
        box.addWidget(self.progress)
        box.addWidget(self.error)
        box.addLayout(cards)
        box.addLayout(charts, 1)

    def load(self) -> None:
        self._request += 1
        request, period = self._request, self.periods.period()
        self.busy = True
        self.progress.show()
        self.error.clear()
        run_in_background(lambda: self.reports.dashboard(period),
                          lambda board: self._done(request, board),
                          lambda exc: self._failed(request, exc))

    def _done(self, request: int, board: Dashboard) -> None:
        if request != self._request:
            return  # an older request finished after a newer one was asked for
        self.board = board
        self._show(board)
        self.busy = False
        self.progress.hide()
        self.loaded.emit()

    def _failed(self, request: int, exc: Exception) -> None:
        if request == self._request:
            self.busy = False
            self.progress.hide()
            self.error.setText(user_message(exc))

    def _show(self, board: Dashboard) -> None:
        for name, _, value_of, text_of in CARDS:
            self.cards[name].set_figure(text_of(value_of(board.current)), board.change_bp(value_of),
                                  text_of(value_of(board.previous)), self.tr)
        self._show_charts(board)

    def _show_charts(self, board: Dashboard) -> None:
        now, before, names = board.current, board.previous, board.names
        hours = sorted(set(now.dim("hour")) | set(before.dim("hour")))
        self.charts["chart_hours"].show_bars(
            hours, [_amount(now.dim("hour"), h) for h in hours],
            [_amount(before.dim("hour"), h) for h in hours], (self.tr("This period"), self.tr("Previous")))
        self.charts["chart_tenders"].show_pie(
            [(tender_label(t), m.net_fen) for t, m in sorted(now.dim("tender").items())])
        categories = now.top("category", 8, names)
        self.charts["chart_categories"].show_pie([(c or "-", m.net_fen) for c, m in categories])
        products = list(reversed(now.top("product", 6)))
        self.charts["chart_products"].show_bars(
            [f"{len(products) - i}. {names.products.get(p, ('', p, ''))[1][:8]}"
             for i, (p, _) in enumerate(products)],
            [m.net_fen for _, m in products], None, (self.tr("Net sales"), ""), horizontal=True)
        people = list(reversed([(p, m) for p, m in now.top("salesperson", 6) if p]))
        self.charts["chart_salespeople"].title = (
            self.tr("Salesperson ranking") if people
            else self.tr("No salesperson credited"))
        self.charts["chart_salespeople"].show_bars(
            [f"{len(people) - i}. {names.people.get(p, '-')}" for i, (p, _) in enumerate(people)], [m.net_fen for _, m in people], None,
            (self.tr("Net sales"), ""), horizontal=True)
        days = [(d, now.by_day[d].net_fen if d in now.by_day else 0) for d in now.period.dates()]
        if len(days) <= 31:  # a bar per day reads better than a line of few points
            self.charts["chart_days"].show_bars([d[5:] for d, _ in days], [v for _, v in days],
                                                None, (self.tr("Net sales"), ""))
        else:
            self.charts["chart_days"].show_line(days, self.tr("Net sales"))


def _amount(rows, key) -> int:
    m = rows.get(key)
    return m.amount_fen if m else 0


def tender_label(code: str) -> str:
    return tender_name(code)
