"""The back office as a store manager uses it: receive a purchase order by scanning,
run a small stocktake and post it, find products in the list."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from sqlalchemy import text

from app.services.audit import AuditFilter
from app.services.inventory.purchasing import OrderLineInput
from tests.ui.test_checkout_flow import with_modal
from ui.backoffice.window import BackOfficeWindow


def scan(qtbot, widget, code):
    """A scanner: the code in a burst, then Enter."""
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def demo_products(ctx, count, category_prefix=None):
    """(product id, barcode, name, on hand) of the first piece-goods of the demo store."""
    where = "AND c.code LIKE :cat" if category_prefix else ""
    with ctx.engine.connect() as conn:
        return conn.execute(text(
            "SELECT p.id, b.code, p.name, COALESCE((SELECT SUM(quantity_milli) FROM stock_movement m "
            "WHERE m.product_id = p.id), 0) FROM product p JOIN barcode b ON b.product_id = p.id "
            f"JOIN category c ON c.id = p.category_id WHERE NOT p.is_weighed {where} "
            "ORDER BY p.sku_code LIMIT :n"), {"n": count, "cat": f"{category_prefix}%"}).all()


def on_hand(ctx, product_id):
    with ctx.engine.connect() as conn:
        return conn.execute(text("SELECT COALESCE(SUM(quantity_milli), 0) FROM stock_movement "
                                 "WHERE product_id = :p AND store_id = :s"),
                            {"p": product_id, "s": ctx.terminal.store_id}).scalar_one()


def open_window(qtbot, till, code="9001", pin="9999"):
    """The back office for someone logged in (the store manager unless told otherwise)."""
    window = BackOfficeWindow(till, till.auth.login(code, pin))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_receive_a_purchase_order_by_scanning(qtbot, till):
    (a_id, a_code, a_name, a_before), (b_id, b_code, _, b_before) = demo_products(till, 2)
    purchasing = open_window(qtbot, till).purchasing
    window = purchasing.window()
    supplier = window.services.purchasing.add_supplier("SUP1", "华润批发")
    order = window.services.purchasing.create_order(
        supplier, [OrderLineInput(a_id, 3000, 150), OrderLineInput(b_id, 5000, 200)])
    window.services.purchasing.send(order)
    window.nav.setCurrentRow(1)
    number = window.services.purchasing.order(order).number
    purchasing.select_order(number)
    qtbot.mouseClick(purchasing.findChild(QPushButton, "receiveOrder"),
                     Qt.MouseButton.LeftButton)
    assert purchasing.stack.currentWidget() is purchasing.receiving
    receiving = purchasing.receiving
    for _ in range(3):
        scan(qtbot, receiving.scan, a_code)
    assert a_name in receiving.message.text() and "3" in receiving.message.text()
    qtbot.keyClicks(receiving.quantity, "2")  # typed quantity, then the scan
    scan(qtbot, receiving.scan, b_code)
    scan(qtbot, receiving.scan, "0000")  # a code nobody knows: a sentence, not a crash
    assert "No product has the code 0000" in receiving.message.text()
    still_open = [receiving.model.data(receiving.model.index(r, 5)) for r in range(2)]
    assert still_open == ["0", "3"]
    qtbot.mouseClick(receiving.post_button, Qt.MouseButton.LeftButton)
    assert purchasing.stack.currentIndex() == 0
    assert on_hand(till, a_id) == a_before + 3000 and on_hand(till, b_id) == b_before + 2000
    assert window.services.purchasing.order(order).status == "partly_received"


def test_over_receipt_needs_a_managers_approval_which_is_audited(qtbot, till):
    (a_id, a_code, a_name, a_before), = demo_products(till, 1)
    window = open_window(qtbot, till, "1001", "1111")  # a cashier receives the delivery
    supplier = window.services.purchasing.add_supplier("SUP1", "华润批发")
    order = window.services.purchasing.create_order(supplier, [OrderLineInput(a_id, 1000, 150)])
    window.services.purchasing.send(order)
    purchasing = window.purchasing
    purchasing.refresh()
    purchasing.receive()
    scan(qtbot, purchasing.receiving.scan, a_code)
    scan(qtbot, purchasing.receiving.scan, a_code)
    qtbot.mouseClick(purchasing.receiving.post_button, Qt.MouseButton.LeftButton)
    assert "than ordered" in purchasing.receiving.message.text()  # not ticked: refused
    purchasing.receiving.allow_over.setChecked(True)  # ticked, but a cashier may not allow it
    with with_modal(qtbot, lambda dialog: dialog.reject()):  # the supervisor walks away
        qtbot.mouseClick(purchasing.receiving.post_button, Qt.MouseButton.LeftButton)
    assert on_hand(till, a_id) == a_before
    assert purchasing.stack.currentWidget() is purchasing.receiving  # the scans are kept

    def manager_approves(dialog):
        assert "may not adjust stock" in dialog.findChild(QLabel, "overrideReason").text()
        qtbot.keyClicks(dialog.credential, "9001")
        qtbot.keyClicks(dialog.pin, "9999")
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    with with_modal(qtbot, manager_approves):
        qtbot.mouseClick(purchasing.receiving.post_button, Qt.MouseButton.LeftButton)
    assert on_hand(till, a_id) == a_before + 2000
    entry = till.audit.entries(AuditFilter(action_prefix="stock.over_receipt"))[0]
    assert (entry.actor_code, entry.approver_code) == ("1001", "9001")


def test_run_a_small_stocktake_and_post_it(qtbot, till):
    window = open_window(qtbot, till)
    window.nav.setCurrentRow(2)
    page = window.stocktake
    category = next(page.categories.item(i) for i in range(page.categories.count())
                    if page.categories.item(i).text() == "饮料")
    category.setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(page.findChild(QPushButton, "startStocktake"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy, timeout=5000)
    assert "饮料" in page.title.text()
    (a_id, a_code, a_name, a_before), (b_id, b_code, _, b_before) = demo_products(till, 2, "饮料")
    till.clock.advance(minutes=10)
    for _ in range(2):
        scan(qtbot, page.scan, a_code)
    qtbot.keyClicks(page.quantity, "7")
    scan(qtbot, page.scan, b_code)
    assert "counted 7" in page.message.text()
    rows = {line.product_id: line for line in page.model.rows}
    assert (rows[a_id].book_milli, rows[a_id].counted_milli) == (a_before, 2000)
    assert len(rows) == 2  # while counting, only what was counted
    qtbot.mouseClick(page.findChild(QPushButton, "reviewStocktake"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy, timeout=5000)
    assert len(page.model.rows) > 2 and "All products in scope" in page.total.text()
    qtbot.mouseClick(page.post_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy, timeout=5000)
    assert "Posted" in page.message.text()
    assert not page.post_button.isEnabled()
    assert on_hand(till, a_id) == 2000 and on_hand(till, b_id) == 7000


def test_product_list_searches_by_pinyin_initials_and_filters_negative_stock(qtbot, till):
    window = open_window(qtbot, till)
    products = window.products
    assert products.model.rowCount() > 0
    qtbot.keyClicks(products.search, "kkkl")
    qtbot.waitUntil(lambda: bool(products.model.rows)
                    and all("可口可乐" in r.name for r in products.model.rows), timeout=3000)
    products.search.clear()
    (a_id, _, a_name, a_before), = demo_products(till, 1)
    window.services.stock.adjust(a_id, a_before + 5000, "lost", actor=window.services.actor)
    products.state.setCurrentIndex(products.state.findData("negative"))
    assert [r.name for r in products.model.rows] == [a_name]
    assert products.model.data(products.model.index(0, 6)) == "-5"


def test_edit_a_product_price_and_case_then_adjust_stock_on_its_card(qtbot, till):
    from app.domain.barcode import complete_ean13
    from ui.backoffice.product_editor import ProductEditor
    from ui.backoffice.stock_card import StockCardDialog
    window = open_window(qtbot, till)
    (a_id, a_code, a_name, a_before), = demo_products(till, 1)
    editor = ProductEditor(window.services, a_id, window)
    qtbot.addWidget(editor)
    editor.fields["retail"].setText("")
    qtbot.keyClicks(editor.fields["retail"], "59.90")
    case_code = complete_ean13("694100000001")
    editor.fields["pack_name"].setText("箱")  # typed through an input method, not keys
    qtbot.keyClicks(editor.fields["pack_count"], "12")
    qtbot.keyClicks(editor.fields["pack_barcode"], case_code)
    qtbot.keyClicks(editor.fields["min"], "20")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.result() == editor.DialogCode.Accepted, editor.message.text()
    assert till.catalog.product_for_code(a_code).unit_price.fen == 5990
    assert window.services.stock.levels_setting(a_id) == (20_000, 0)
    bad = ProductEditor(window.services, a_id, window)
    qtbot.addWidget(bad)
    bad.fields["retail"].setText("-1")
    qtbot.mouseClick(bad.save_button, Qt.MouseButton.LeftButton)
    assert "cannot be negative" in bad.message.text()
    card = StockCardDialog(window.services, a_id, window)
    qtbot.addWidget(card)
    card.reason.setCurrentIndex(card.reason.findData("damaged"))
    qtbot.keyClicks(card.amount, "2")
    qtbot.mouseClick(card.findChild(QPushButton, "adjustStock"), Qt.MouseButton.LeftButton)
    assert on_hand(till, a_id) == a_before - 2000
    assert card.model.rows[0].quantity_milli == -2000
    assert card.model.data(card.model.index(0, 1)) == "adjustment"
    assert f"On hand {(a_before - 2000) // 1000}" in card.levels.text()


def test_bulk_price_change_for_a_category_and_a_return_to_the_supplier(qtbot, till):
    from ui.backoffice.bulk_price import BulkPriceDialog
    from ui.backoffice.purchasing_page import NewOrderDialog
    window = open_window(qtbot, till)
    (a_id, a_code, a_name, a_before), = demo_products(till, 1, "饮料/碳酸饮料")
    price_before = till.catalog.product_for_code(a_code).unit_price.fen
    dialog = BulkPriceDialog(window.services, "饮料/碳酸饮料", None, window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.percent, "10")
    qtbot.mouseClick(dialog.findChild(QPushButton, "applyBulkPrice"), Qt.MouseButton.LeftButton)
    assert dialog.changed and dialog.changed > 1
    assert till.catalog.product_for_code(a_code).unit_price.fen == (price_before * 11 + 5) // 10
    window.services.purchasing.add_supplier("SUP7", "可口可乐装瓶厂")
    goods = NewOrderDialog(window.services, window, "return")
    qtbot.addWidget(goods)
    qtbot.keyClicks(goods.qty, "4")
    scan(qtbot, goods.code, a_code)
    assert [(l[1], l[2]) for l in goods.lines] == [(a_name, 4000)]
    qtbot.mouseClick(goods.findChild(QPushButton, "saveGoods"), Qt.MouseButton.LeftButton)
    assert on_hand(till, a_id) == a_before - 4000



def test_send_goods_to_another_store_and_receive_them_with_a_difference(qtbot, till):
    from sqlalchemy import insert
    from app.db.models import Store
    from ui.backoffice.transfers_page import ReceiveTransferDialog
    with till.engine.begin() as conn:
        conn.execute(insert(Store).values(id="store-2", code="S002", name="MON 二店", address="", phone="",
                                          timezone="Asia/Shanghai", created_at=till.clock.now()))
    window = open_window(qtbot, till)
    window.nav.setCurrentRow(3)
    page = window.transfers
    assert page.to_store.currentData() == "store-2"
    (a_id, a_code, a_name, a_before), = demo_products(till, 1)
    qtbot.keyClicks(page.quantity, "5")
    scan(qtbot, page.code, a_code)
    qtbot.mouseClick(page.findChild(QPushButton, "sendTransfer"), Qt.MouseButton.LeftButton)
    assert "in transit" in page.message.text()
    assert on_hand(till, a_id) == a_before - 5000
    view = page.list_model.rows[0]
    assert view.status == "in_transit"
    assert page.incoming_model.rows[0].id == view.id  # store 2 lives in this database too
    dialog = ReceiveTransferDialog(view, page)
    qtbot.addWidget(dialog)
    dialog.grid.item(0, 2).setText("4")  # one went missing on the way
    page.post_receipt(dialog)
    assert page.list_model.rows[0].status == "received"
    assert f"{a_name}: short 1" in page.list_model.data(page.list_model.index(0, 4))


def test_a_second_device_joins_the_count_and_both_counts_add_up(qtbot, till):
    first, second = open_window(qtbot, till), open_window(qtbot, till)
    qtbot.mouseClick(first.stocktake.findChild(QPushButton, "startStocktake"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not first.stocktake.busy, timeout=5000)
    (a_id, a_code, _, _), = demo_products(till, 1)
    scan(qtbot, first.stocktake.scan, a_code)
    join = second.stocktake
    join.refresh()
    assert join.open_takes.currentData() == first.stocktake.stocktake_id
    qtbot.mouseClick(join.findChild(QPushButton, "joinStocktake"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(join.quantity, "10")
    scan(qtbot, join.scan, a_code)
    assert "counted 11" in join.message.text()
    line = next(l for l in join.model.rows if l.product_id == a_id)
    assert line.counted_milli == 11_000


def test_stock_reports_show_low_stock_and_valuation(qtbot, till):
    window = open_window(qtbot, till)
    (a_id, _, a_name, a_before), = demo_products(till, 1)
    window.services.stock.set_levels(a_id, a_before + 10_000, a_before + 50_000)
    window.nav.setCurrentRow(4)
    page = window.reports
    qtbot.waitUntil(lambda: not page.loading, timeout=10000)
    low = page.models["low"]
    assert [low.data(low.index(r, 1)) for r in range(low.rowCount())] == [a_name]
    reorder = [r.product_id for r in page.models["reorder"].rows]
    assert a_id in reorder
    valuation = page.models["valuation"].rows
    assert valuation and sum(v.value_fen for v in valuation) > 0
