"""Qt Charts for the dashboard: bars, lines and pies from report figures."""
from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QHorizontalBarSeries, QLineSeries,
    QPieSeries, QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter

CURRENT = QColor("#2f6fdf")
PREVIOUS = QColor("#b8c4d6")
PIE_COLORS = ("#2f6fdf", "#27a376", "#f2a93b", "#d9534f", "#8e63ce", "#4bb3c9", "#9aa5b1")


def yuan(fen: int) -> float:
    """A chart axis value: charts draw doubles, figures stay integer fen elsewhere."""
    return fen / 100


class ChartView(QChartView):
    def __init__(self, title: str, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(320, 270)
        self.title = title
        self.setChart(self._empty())

    def _empty(self) -> QChart:
        chart = QChart()
        chart.setTitle(self.title)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        return chart

    def _replace(self, chart: QChart) -> None:
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()

    def show_bars(self, labels: list[str], current: list[int], previous: list[int] | None,
                  names: tuple[str, str], horizontal: bool = False) -> None:
        chart = self._empty()
        series = QHorizontalBarSeries() if horizontal else QBarSeries()
        for values, name, color in ((current, names[0], CURRENT), (previous, names[1], PREVIOUS)):
            if values is None:
                continue
            bar_set = QBarSet(name)
            bar_set.setColor(color)
            bar_set.append([yuan(v) for v in values])
            series.append(bar_set)
        chart.addSeries(series)
        categories, values = QBarCategoryAxis(), QValueAxis()
        categories.append(labels or [""])
        values.setLabelFormat("%.0f")
        values.setMin(0)
        _small_labels(categories, values)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        chart.legend().setVisible(previous is not None)
        self._replace(chart)

    def show_pie(self, slices: list[tuple[str, int]]) -> None:
        chart = self._empty()
        series = QPieSeries()
        for i, (label, fen) in enumerate(slices):
            if fen > 0:
                piece = series.append(f"{label} {yuan(fen):.0f}", yuan(fen))
                piece.setColor(QColor(PIE_COLORS[i % len(PIE_COLORS)]))
        series.setPieSize(0.7)
        chart.addSeries(series)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        chart.legend().setFont(_label_font())
        self._replace(chart)

    def show_line(self, points: list[tuple[str, int]], name: str) -> None:
        chart = self._empty()
        series = QLineSeries()
        series.setName(name)
        series.setColor(CURRENT)
        series.setPointsVisible(True)  # a one-day period is a single point
        series.setMarkerSize(9)
        for i, (_, fen) in enumerate(points):
            series.append(i, yuan(fen))
        chart.addSeries(series)
        days, values = QBarCategoryAxis(), QValueAxis()
        days.append([label[5:] for label, _ in points] or [""])
        values.setMin(0)
        values.setLabelFormat("%.0f")
        _small_labels(days, values)
        chart.addAxis(days, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(days)
        series.attachAxis(values)
        chart.legend().setVisible(False)
        self._replace(chart)


def _label_font() -> QFont:
    font = QFont()
    font.setPointSize(8)  # axis labels are elided ("...") when they do not fit
    return font


def _small_labels(*axes) -> None:
    for axis in axes:
        axis.setLabelsFont(_label_font())
