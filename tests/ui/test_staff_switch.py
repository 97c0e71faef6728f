"""Quick user switch at the till: the screen locks (idle or Ctrl+L), the next person logs
in, and the sale on screen is still there."""
from __future__ import annotations

import pytest

from app.services.permissions import PermissionDenied

from app.services.audit import AuditFilter
from tests.ui.conftest import log_in
from tests.ui.test_checkout_flow import COLA, scan


def test_locking_and_logging_in_as_someone_else_keeps_the_sale(qtbot, window, till):
    log_in(qtbot, window)  # 张丽
    scan(qtbot, window.checkout.scan, COLA)
    scan(qtbot, window.checkout.scan, COLA)
    sale_id = till.checkout.draft.id
    window.lock()
    assert window.stack.currentWidget() is window.login and window.cashier is None
    assert "the sale is kept" in window.login.banner.text()
    log_in(qtbot, window, "1002", "2222")  # 王强 takes over the till
    assert window.cashier.code == "1002"
    draft = till.checkout.draft
    assert draft.id == sale_id  # the same sale, nothing lost
    assert [line.quantity.milli for line in draft.cart.lines] == [2000]
    assert window.checkout.model.rowCount() == 1
    actions = [(e.action, e.actor_code) for e in till.audit.entries(AuditFilter(limit=10))]
    assert ("logout", "1001") in actions and ("login", "1002") in actions
    assert draft.cashier.code == "1002"  # who carries on is checked and named on the sale


def test_after_a_switch_the_next_persons_permissions_apply(qtbot, window, till):
    log_in(qtbot, window, "9001", "9999")  # the manager starts a sale
    scan(qtbot, window.checkout.scan, COLA)
    window.lock()
    log_in(qtbot, window)  # 张丽, a cashier, carries on
    with pytest.raises(PermissionDenied):  # cancelling needs a supervisor; 张丽 is not one
        till.checkout.cancel_sale("customer changed mind")
    assert len(till.checkout.draft.cart.lines) == 1
