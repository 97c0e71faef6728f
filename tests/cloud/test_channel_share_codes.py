"""Salesperson share codes credit channel orders; `mon-cloud create-channel` issues tokens."""
import pytest
import requests

from cloud import cli
from tests.cloud.channel_helpers import make_shop
from tests.cloud.harness import HTTP_TIMEOUT


@pytest.fixture
def shop(cloud_db, tenant):
    return make_shop(cloud_db.database, tenant)


def _share_code(shop, salesperson: str, sku: str | None = None) -> str:
    answer = requests.post(f"{shop.base}/admin/salespeople/{salesperson}/share-codes",
                           json={"sku": sku} if sku else None,
                           headers=shop.tenant.headers(admin=True), timeout=HTTP_TIMEOUT)
    assert answer.status_code == 201, answer.text
    return answer.json()["code"]


def _fulfil(shop, order_id: str) -> None:
    for to in ("accepted", "picking", "ready"):
        assert shop.move(order_id, to).status_code == 200
    code = shop.order(order_id)["pickup_code"]
    assert shop.move(order_id, "picked_up", pickup_code=code).status_code == 200


def test_an_order_with_a_share_code_is_credited_to_the_salesperson(shop):
    code = _share_code(shop, "S-LI")
    order = shop.submit(shop.order_body(share_code=code)).json()
    assert order["salesperson_code"] == "S-LI" and order["share_code"] == code
    plain = shop.submit(shop.order_body()).json()
    assert plain["salesperson_code"] is None
    _fulfil(shop, order["id"])
    _fulfil(shop, plain["id"])
    sales = requests.get(f"{shop.base}/admin/salespeople/S-LI/channel-sales",
                         headers=shop.tenant.headers(admin=True), timeout=HTTP_TIMEOUT).json()
    assert sales["channels"] == {"mini_program": {"orders": 1, "paid_fen": 700}}


def test_a_product_share_code_credits_only_orders_of_that_product(shop):
    code = _share_code(shop, "S-WANG", sku="S0001")
    with_it = shop.submit(shop.order_body(share_code=code, lines=[("S0001", 1000)])).json()
    without = shop.submit(shop.order_body(share_code=code, lines=[("D0001", 1000)])).json()
    assert with_it["salesperson_code"] == "S-WANG"
    assert without["salesperson_code"] is None and without["share_code"] == code


def test_an_unknown_share_code_is_kept_but_credits_nobody(shop):
    order = shop.submit(shop.order_body(share_code="NOSUCH")).json()
    assert order["status"] == "new" and order["salesperson_code"] is None


def test_share_codes_need_an_admin_token(shop):
    answer = requests.post(f"{shop.base}/admin/salespeople/S-LI/share-codes",
                           headers=shop.tenant.headers(), timeout=HTTP_TIMEOUT)
    assert answer.status_code == 403


def test_the_cli_issues_a_channel_token(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cloud.sqlite3'}"
    assert cli.main(["--database-url", url, "create-merchant", "好又多"]) == 0
    capsys.readouterr()
    assert cli.main(["--database-url", url, "create-channel", "好又多", "group_buy"]) == 0
    assert capsys.readouterr().out.strip().startswith("mc_")
    assert cli.main(["--database-url", url, "create-channel", "好又多", "fax"]) == 2
    assert "unknown channel" in capsys.readouterr().err
