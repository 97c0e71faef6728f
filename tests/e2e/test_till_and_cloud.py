"""The whole till against a real cloud server: enrol with a one-time code, sell at
the till, and the sale arrives in the cloud once — also after the cloud was down."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
import requests
from PySide6.QtCore import Qt

from app.bootstrap import build
from app.config import load_config
from app.domain.money import Money
from cloud import tenancy
from tests.cloud.harness import HTTP_TIMEOUT, unique
from tests.ui.conftest import log_in
from tests.ui.test_checkout_flow import COLA, scan, with_modal
from ui.main import main as mon_pos_main
from ui.main_window import MainWindow


@pytest.fixture
def enrolment(cloud_db, cloud_server):
    """Head office creates a merchant, the store S001 and a code for terminal T01."""
    now = datetime.now(timezone.utc)
    merchant = unique("商户", 20)
    store = unique("S", 10)
    with cloud_db.database.write() as conn:
        tenancy.create_merchant(conn, merchant, now)
        tenancy.create_store(conn, merchant, store, "望京店", now)
        code = tenancy.issue_enrolment_code(conn, store, "T01", now)
        admin = tenancy.create_admin(conn, merchant, "hq", now)
    return cloud_server.base_url, store, code, admin


def test_enrol_sell_and_the_cloud_has_the_sale_once(qtbot, tmp_path, clock, enrolment, scanner):
    base_url, store, code, admin = enrolment
    args = ["--data-dir", str(tmp_path), "--no-demo"]
    # an empty till database is of no use: load the demo store under the cloud's store code
    env_store = {"MON_STORE_CODE": store}
    with pytest.MonkeyPatch.context() as mp:
        for key, value in env_store.items():
            mp.setenv(key, value)
        config = load_config(overrides={"data_dir": tmp_path, "language": "en"})
        _load_demo_as(config, store, clock)
        assert mon_pos_main([*args, "--enrol", "000000", "--cloud-url", base_url]) == 1  # wrong code
        assert mon_pos_main([*args, "--enrol", code, "--cloud-url", base_url]) == 0
        assert mon_pos_main([*args, "--enrol", code, "--cloud-url", base_url]) == 1  # used once
        ctx = build(config, clock)
    try:
        assert ctx.sync is not None
        ctx.shifts.open_shift(ctx.auth.login("9001", "9999"), Money(50_000))
        window = MainWindow(ctx, scanner)
        qtbot.addWidget(window)
        window.show()
        log_in(qtbot, window)
        scan(qtbot, window.checkout.scan, COLA)
        scan(qtbot, window.checkout.scan, COLA)

        def pay(dialog):
            qtbot.keyClick(dialog.tendered, Qt.Key.Key_Return)
        with with_modal(qtbot, pay):
            qtbot.keyClick(window.checkout.scan, Qt.Key.Key_F12)
        assert ctx.sync.run_cycle()  # what the worker does right after a sale
        assert ctx.sync.run_cycle()  # a second round sends nothing twice
        stock = requests.get(f"{base_url}/api/v1/stores/{store}/stock",
                             headers={"Authorization": f"Bearer {admin}"}, timeout=HTTP_TIMEOUT)
        assert stock.status_code == 200, stock.text
        assert stock.json()["on_hand_milli"]["D00001"] == -2000  # two cans sold, once
        window._tick()
        assert window.sync_status.text().startswith("Cloud: online, 0 queued")
    finally:
        ctx.close()


def _load_demo_as(config, store_code, clock):
    """The demo store, renamed to the store code head office gave this shop."""
    from sqlalchemy import update

    from app.db.models import Store
    demo = build(load_config(env={}, overrides={"data_dir": config.data_dir, "language": "en",
                                                "store_code": "S001"}), clock)
    with demo.sessions.begin() as s:
        s.execute(update(Store).where(Store.code == "S001").values(code=store_code))
    demo.close()
