"""The reports window on the demo store with two weeks of generated sales."""
from __future__ import annotations

import csv
from datetime import timedelta

import pytest
from PySide6.QtCore import QThreadPool, Qt
from PySide6.QtGui import QColor

from app.domain.clock import to_local
from app.domain.receipt import render_text
from app.services.reports import Period
from bench.reports import generate_sales
from ui.fonts import install_fonts
from ui.reports import open_reports
from ui.reports.charts import CURRENT

WAIT_MS = 20_000


@pytest.fixture
def reports_window(qtbot, qapp, till):
    install_fonts(qapp)  # as the application does at start: Chinese names in the charts
    today = to_local(till.clock.now(), till.terminal.tz).date()
    generate_sales(till.engine, days=14, per_day=30, end=today)
    window = open_reports(till, None)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.dashboard.busy, timeout=WAIT_MS)
    yield window
    QThreadPool.globalInstance().waitForDone(5000)
    window.close()


def _chart_pixels(view, color: QColor) -> tuple[int, int]:
    """(pixels close to `color`, pixels that differ from the corner background) in a chart."""
    image = view.grab().toImage()
    background = image.pixelColor(2, 2)
    series = other = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if abs(c.red() - color.red()) + abs(c.green() - color.green()) + abs(c.blue() - color.blue()) < 40:
                series += 1
            if c != background:
                other += 1
    return series, other


def _select(box, key):
    box.setCurrentIndex(box.findData(key))


def test_dashboard_shows_today_against_yesterday_with_charts_drawn(qtbot, reports_window, till):
    board = reports_window.dashboard.board
    today = board.current.totals
    assert today.orders == 30
    assert reports_window.dashboard.cards["orders"].value.text() == "30"
    assert "vs previous" in reports_window.dashboard.cards["sales"].change.text()
    reports_window.grab().save("/tmp/reports_dashboard.png")
    for name in ("chart_hours", "chart_products"):
        view = reports_window.dashboard.charts[name]
        bars, drawn = _chart_pixels(view, CURRENT)
        area = (view.width() // 2) * (view.height() // 2)
        assert bars > 150, name  # the series' bars or line are painted, not only axes
        assert drawn > area // 20, name
    pie, _ = _chart_pixels(reports_window.dashboard.charts["chart_tenders"], CURRENT)
    assert pie > 150


def test_a_month_period_sums_every_day_and_compares_with_the_month_before(qtbot, reports_window):
    dash = reports_window.dashboard
    _select(dash.periods.preset, "week")
    qtbot.waitUntil(lambda: not dash.busy and dash.board.current.period.days == 7, timeout=WAIT_MS)
    assert dash.board.current.totals.orders == 7 * 30
    assert dash.board.previous.totals.orders == 7 * 30
    assert dash.cards["orders"].value.text() == "210"
    line, _ = _chart_pixels(dash.charts["chart_days"], CURRENT)
    assert line > 150  # a bar for each of the seven days


def test_report_table_sorts_filters_and_exports(qtbot, reports_window, tmp_path):
    tables = reports_window.tables
    reports_window.tabs.setCurrentWidget(tables)
    _select(tables.kind, "category")
    qtbot.waitUntil(lambda: not tables.busy and tables.model.table is not None
                    and tables.model.table.kind == "category", timeout=WAIT_MS)
    net = [c[0] for c in tables.model.table.columns].index("Net sales")
    tables.view.sortByColumn(net, Qt.SortOrder.AscendingOrder)
    values = [tables.proxy.index(r, net).data(Qt.ItemDataRole.UserRole)
              for r in range(tables.proxy.rowCount())]
    assert values == sorted(values) and len(values) > 3
    day = reports_window.reports.today()
    assert tables.model.table.column_total("Sales") == \
        reports_window.reports.figures(Period(day, day)).totals.amount_fen
    first_category = tables.model.table.rows[0][0]
    tables.search.setText(first_category)
    assert 1 <= tables.proxy.rowCount() < len(values)
    path = tmp_path / "categories.csv"
    tables.export_csv(str(path))
    with open(path, encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0][0] == "Category" and len(rows) == len(values) + 1
    assert "Saved" in tables.status.text()


def test_filter_by_cashier_shows_only_their_sales(qtbot, reports_window):
    tables = reports_window.tables
    reports_window.tabs.setCurrentWidget(tables)
    _select(tables.kind, "cashier")
    qtbot.waitUntil(lambda: not tables.busy and tables.model.table is not None
                    and tables.model.table.kind == "cashier", timeout=WAIT_MS)
    everyone = len(tables.model.table.rows)
    box = tables.filters["cashier_id"]
    box.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not tables.busy and len(tables.model.table.rows) <= 1, timeout=WAIT_MS)
    assert everyone > 1
    assert [r[0] for r in tables.model.table.rows] in ([box.currentText()], [])


def test_daily_summary_prints_and_saves_as_pdf(qtbot, reports_window, tmp_path):
    printed = []

    class Recorder:
        columns = 32

        def print_document(self, doc):
            printed.append(doc)

    reports_window.printer = Recorder()
    reports_window.print_button.setEnabled(True)
    qtbot.mouseClick(reports_window.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "sent" in reports_window.message.text(), timeout=WAIT_MS)
    text = render_text(printed[0])
    assert "营业日报" in text and printed[0].columns == 32
    path = tmp_path / "summary.pdf"
    reports_window.save_pdf(str(path))
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000
