"""Editing one product: codes, prices, packs, supplier, stock levels; variants for a new style."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from app.services.errors import InvalidInput
from app.services.inventory.products import PackInput, ProductDraft
from app.services.inventory.services import InventoryServices
from app.services.members.tier_prices import TierPriceService
from ui.backoffice.common import TOUCH, as_actor, button, parse_qty, parse_yuan, qty, show_error, yuan

TAX_RATES = (1300, 900, 600, 300, 0)


class ProductEditor(QDialog):
    def __init__(self, services: InventoryServices, product_id: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.draft = services.products.get(product_id) if product_id else None
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Edit product") if self.draft else self.tr("New product"))
        self.resize(640, 720)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.fields: dict[str, QLineEdit] = {}
        for key, label in (("sku_code", self.tr("Product code (SKU)")), ("name", self.tr("Name")),
                           ("barcodes", self.tr("Barcodes (separate with ;)")), ("brand", self.tr("Brand")),
                           ("spec", self.tr("Specification")), ("unit", self.tr("Unit")),
                           ("retail", self.tr("Retail price ¥")), ("member", self.tr("Member price ¥")),
                           ("cost", self.tr("Cost price ¥ (moving average)")),
                           ("floor", self.tr("Floor price ¥")), ("plu", self.tr("Scale PLU")),
                           ("pack_name", self.tr("Pack name (e.g. 箱)")),
                           ("pack_count", self.tr("Units per pack")), ("pack_barcode", self.tr("Pack barcode")),
                           ("min", self.tr("Minimum stock")), ("max", self.tr("Maximum stock"))):
            edit = QLineEdit()
            edit.setObjectName(f"edit_{key}")
            edit.setMinimumHeight(36)
            self.fields[key] = edit
            form.addRow(label, edit)
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItems([""] + services.products.categories())
        form.insertRow(2, self.tr("Category"), self.category)
        self.tax = QComboBox()
        for bp in TAX_RATES:
            self.tax.addItem(f"{bp / 100:g}%", bp)
        form.addRow(self.tr("Tax rate"), self.tax)
        self.supplier = QComboBox()
        self.supplier.addItem(self.tr("(none)"), None)
        for s in services.purchasing.suppliers():
            self.supplier.addItem(f"{s.code} {s.name}", s.id)
        form.addRow(self.tr("Supplier"), self.supplier)
        self._add_tier_rows(form)
        self.weighed = QCheckBox(self.tr("Sold by weight"))
        self.active = QCheckBox(self.tr("Active (sold at the till)"))
        self.active.setChecked(True)
        form.addRow(self.weighed)
        form.addRow(self.active)
        if self.draft is None:
            self.colours, self.sizes = QLineEdit(), QLineEdit()
            self.colours.setPlaceholderText(self.tr("e.g. 白色;黑色 — one SKU per colour x size"))
            self.sizes.setPlaceholderText(self.tr("e.g. M;L;XL"))
            form.addRow(self.tr("Variant colours"), self.colours)
            form.addRow(self.tr("Variant sizes"), self.sizes)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #cf222e;")
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button(self.tr("Cancel"), self.reject))
        self.save_button = button(self.tr("Save"), self.save, "saveProduct")
        self.save_button.setDefault(True)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        if self.draft:
            self._fill(self.draft)

    def _add_tier_rows(self, form: QFormLayout) -> None:
        """One price per member level with a price tier of its own (e.g. 金卡会员);
        empty means the level pays the member price."""
        self.tier_prices = TierPriceService(self.services.engine, self.services.clock,
                                            getattr(self.services, "rules", None))
        self.tier_fields: dict[str, QLineEdit] = {}
        have = self.tier_prices.prices(self.draft.id) if self.draft else {}
        row = form.getWidgetPosition(self.fields["member"])[0]  # right below the member price
        for tier in self.tier_prices.tiers():
            row += 1
            edit = QLineEdit(yuan(have.get(tier.code)))
            edit.setObjectName(f"edit_tier_{tier.code}")
            edit.setMinimumHeight(36)
            edit.setPlaceholderText(self.tr("empty: the member price"))
            self.tier_fields[tier.code] = edit
            form.insertRow(row, self.tr("{level} price ¥").replace("{level}", tier.label), edit)

    def _read_tier_prices(self) -> dict[str, int | None]:
        try:
            return {tier: parse_yuan(edit.text().strip()) for tier, edit in self.tier_fields.items()}
        except ValueError as exc:
            raise InvalidInput("{text} is not an amount in yuan, e.g. 3.50.", text=str(exc)) from exc

    def _fill(self, d: ProductDraft) -> None:
        f = self.fields
        for key, value in (("sku_code", d.sku_code), ("name", d.name), ("barcodes", ";".join(d.barcodes)),
                           ("brand", d.brand), ("spec", d.spec), ("unit", d.unit),
                           ("retail", yuan(d.retail_fen)), ("member", yuan(d.member_fen)),
                           ("cost", yuan(d.cost_fen)), ("floor", yuan(d.floor_fen)), ("plu", d.plu or "")):
            f[key].setText(value)
        if d.packs:
            f["pack_name"].setText(d.packs[0].name)
            f["pack_count"].setText(qty(d.packs[0].factor_milli))
            f["pack_barcode"].setText(d.packs[0].barcode or "")
        self.category.setCurrentText(d.category_path)
        self.tax.setCurrentIndex(max(0, self.tax.findData(d.tax_rate_bp)))
        self.supplier.setCurrentIndex(max(0, self.supplier.findData(d.supplier_id)))
        self.weighed.setChecked(d.is_weighed)
        self.active.setChecked(d.active)
        levels = self.services.stock.levels_setting(d.id)
        if levels:
            f["min"].setText(qty(levels[0]))
            f["max"].setText(qty(levels[1]))

    def _read(self) -> ProductDraft:
        f = {k: e.text().strip() for k, e in self.fields.items()}
        try:
            prices = {k: parse_yuan(f[k]) for k in ("retail", "member", "cost", "floor")}
        except ValueError as exc:
            raise InvalidInput("{text} is not an amount in yuan, e.g. 3.50.", text=str(exc)) from exc
        packs: tuple[PackInput, ...] = ()
        if f["pack_name"]:
            try:
                packs = (PackInput(f["pack_name"], parse_qty(f["pack_count"]), f["pack_barcode"] or None),)
            except ValueError as exc:
                raise InvalidInput("Type how many units the pack holds, e.g. 24.") from exc
        base = self.draft or ProductDraft(sku_code="", name="", retail_fen=0)
        return replace(base, sku_code=f["sku_code"], name=f["name"],
                       retail_fen=prices["retail"] if prices["retail"] is not None else -1,
                       member_fen=prices["member"], cost_fen=prices["cost"], floor_fen=prices["floor"],
                       barcodes=tuple(c for c in f["barcodes"].replace("；", ";").split(";") if c.strip()),
                       brand=f["brand"], spec=f["spec"], unit=f["unit"] or "个", plu=f["plu"] or None,
                       category_path=self.category.currentText().strip(), tax_rate_bp=self.tax.currentData(),
                       supplier_id=self.supplier.currentData(), is_weighed=self.weighed.isChecked(),
                       active=self.active.isChecked(), packs=packs)

    def save(self) -> None:
        try:
            draft = self._read()
            tier_prices = self._read_tier_prices()
            variants = self._variants()
            products = self.services.products

            def save_all(actor, ok) -> list[str]:
                # one approval covers the product and its tier prices
                if variants:
                    ids = products.create_variants(draft, *variants, actor=actor, approver=ok)
                else:
                    ids = [products.save(draft, actor, ok)]
                if ids and tier_prices:
                    self.tier_prices.set_prices(ids, tier_prices, actor, ok)
                return ids
            ids = as_actor(self, self.services, save_all)
            if not ids:  # the supervisor did not approve: nothing saved
                return
            self.saved_id = ids[0]
            self._save_levels()
        except Exception as exc:  # noqa: BLE001 - shown as a sentence
            from ui.errors import user_message
            self.message.setText(user_message(exc))
            return
        self.accept()

    def _variants(self) -> tuple[list[str], list[str]] | None:
        if self.draft is not None:
            return None
        colours = [c for c in self.colours.text().replace("；", ";").split(";") if c.strip()]
        sizes = [s for s in self.sizes.text().replace("；", ";").split(";") if s.strip()]
        return (colours, sizes) if colours or sizes else None

    def _save_levels(self) -> None:
        low, high = self.fields["min"].text().strip(), self.fields["max"].text().strip()
        if not (low or high):
            return
        try:
            self.services.stock.set_levels(self.saved_id, parse_qty(low or "0"), parse_qty(high or "0"))
        except ValueError as exc:
            raise InvalidInput("Type the minimum and maximum stock as numbers.") from exc
