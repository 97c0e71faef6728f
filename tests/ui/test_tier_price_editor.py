"""The product editor sets the gold level's own price (金卡会员); the till then sells the
product to a gold member at that price."""
from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain.money import Money
from tests.ui.test_backoffice_flows import open_window
from ui.backoffice.product_editor import ProductEditor

ZERO_COLA = "6928804557626"  # demo: 可口可乐 零度, ¥3.50, member ¥3.20, 金卡 ¥3.00


def _editor(qtbot, window, product_id):
    editor = ProductEditor(window.services, product_id, window)
    qtbot.addWidget(editor)
    return editor


def test_a_manager_sets_and_clears_the_gold_price_of_a_product(qtbot, till):
    window = open_window(qtbot, till)
    product = till.catalog.product_for_code(ZERO_COLA)
    assert product.tier_prices == (("gold", Money(300)),)
    editor = _editor(qtbot, window, product.product_id)
    gold = editor.tier_fields["gold"]
    assert gold.text() == "3.00"
    gold.setText("")
    qtbot.keyClicks(gold, "2.80")
    editor.grab().save("/tmp/tier_price_editor.png")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.result() == editor.DialogCode.Accepted, editor.message.text()
    assert till.catalog.product_for_code(ZERO_COLA).tier_prices == (("gold", Money(280)),)

    editor = _editor(qtbot, window, product.product_id)
    editor.tier_fields["gold"].setText("")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.result() == editor.DialogCode.Accepted, editor.message.text()
    assert till.catalog.product_for_code(ZERO_COLA).tier_prices == ()


def test_a_typo_in_a_tier_price_saves_nothing(qtbot, till):
    window = open_window(qtbot, till)
    product = till.catalog.product_for_code(ZERO_COLA)
    editor = _editor(qtbot, window, product.product_id)
    editor.tier_fields["gold"].setText("abc")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "is not an amount in yuan" in editor.message.text()
    assert till.catalog.product_for_code(ZERO_COLA).tier_prices == (("gold", Money(300)),)
