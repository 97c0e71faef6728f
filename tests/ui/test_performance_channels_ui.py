"""The performance screen shows a column per online channel next to the till figures."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from app.sync.apply import apply_changes
from tests.integration.test_performance_channels import _order
from ui.fonts import install_fonts
from ui.members.performance import PerformanceView


def test_each_channel_gets_a_column_with_orders_and_paid(qapp, qtbot, till):
    install_fonts(qapp)
    with till.engine.begin() as conn:
        apply_changes(conn, [
            _order(1, "mini_program", "picked_up", 1490, "2026-11-25T07:50:00+00:00"),
            _order(2, "mini_program", "completed", 2000, "2026-11-25T06:00:00+00:00"),
            _order(3, "group_buy", "ready", 990, "2026-11-25T02:00:00+00:00"),  # not yet
        ], till.clock.now())
    view = PerformanceView(till.members.performance, date(2026, 11, 25))
    qtbot.addWidget(view)
    view.resize(1100, 400)
    view.show()
    qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=3000)
    model = view.model
    last = model.columnCount() - 1
    assert model.headerData(last, Qt.Orientation.Horizontal) == "Mini-program"
    assert model.columnCount() == 11  # only channels with fulfilled orders get a column
    cells = {model.data(model.index(r, 0)): model.data(model.index(r, last))
             for r in range(model.rowCount())}
    assert cells["SP1001"] == "2 · ¥34.90"
    assert set(cells.values()) == {"2 · ¥34.90", ""}
    view.grab().save("/tmp/members-performance-channels.png")
