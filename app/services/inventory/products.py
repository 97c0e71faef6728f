"""Catalog editing for the back office: products and their barcodes, prices, packs,
supplier, variants (colour x size), bulk price changes. Every change keeps the
search index in step and writes an outbox event (reference data belongs to the
cloud: the terminal sends it as a back-office command)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import Barcode, Category, Product, TaxRate
from app.db.models_inventory import Brand, PackUnit, ProductExtra
from app.domain.clock import Clock
from app.domain.search_text import pinyin_forms
from app.db.catalog_rows import index_products, next_search_rowid
from app.services.audit import AuditAction
from app.services.auth import StaffMember
from app.services.catalog_load import CatalogLoader
from app.services.errors import InvalidInput, NotFound
from app.services.inventory import validation as rules
from app.services.inventory.common import set_chain_price
from app.services.permissions import Approval, ManagerApproval, Permission
from app.services.staff_rules import StaffRules, audit_action, authorise
from app.sync.outbox import add_event

PRICE_TYPES = ("retail", "member", "cost", "floor")


@dataclass(frozen=True, slots=True)
class PackInput:
    name: str  # '箱'
    factor_milli: int  # 24000: a 箱 holds 24 of the base unit
    barcode: str | None = None


@dataclass(frozen=True)
class ProductDraft:
    sku_code: str
    name: str
    retail_fen: int
    category_path: str = ""
    tax_rate_bp: int = 1300
    id: str | None = None
    brand: str = ""
    spec: str = ""
    unit: str = "个"
    member_fen: int | None = None
    cost_fen: int | None = None
    floor_fen: int | None = None
    barcodes: tuple[str, ...] = ()
    is_weighed: bool = False
    plu: str | None = None
    active: bool = True
    supplier_id: str | None = None
    packs: tuple[PackInput, ...] = ()
    style_code: str | None = None
    colour: str = ""
    size: str = ""


@dataclass(frozen=True, slots=True)
class BulkPriceChange:
    price_type: str = "retail"
    percent_bp: int = 0  # +500 = +5 %
    amount_fen: int = 0  # added after the percentage
    category_code: str | None = None
    supplier_id: str | None = None


class ProductService:
    """Writes need EDIT_PRODUCTS (or a supervisor's approval) when the till has staff
    rules, and each is audited in its own transaction."""

    def __init__(self, sessions: sessionmaker[Session], store_id: str, clock: Clock,
                 rules: StaffRules | None = None) -> None:
        self._sessions = sessions
        self._store_id = store_id
        self._clock = clock
        self.rules = rules

    # --- reading -----------------------------------------------------------------
    def get(self, product_id: str) -> ProductDraft:
        with self._sessions() as s:
            p = s.get(Product, product_id)
            if p is None:
                raise NotFound("This product no longer exists.")
            extra = s.get(ProductExtra, product_id)
            prices = dict(s.execute(text(
                "SELECT price_type, amount_fen FROM price WHERE product_id = :p AND store_id IS NULL "
                "AND starts_at IS NULL AND ends_at IS NULL"), {"p": product_id}).all())
            codes = s.scalars(select(Barcode.code).where(Barcode.product_id == product_id)
                              .order_by(Barcode.is_primary.desc(), Barcode.code)).all()
            packs = s.scalars(select(PackUnit).where(PackUnit.product_id == product_id)
                              .order_by(PackUnit.factor_milli)).all()
            category = s.get(Category, p.category_id) if p.category_id else None
            return ProductDraft(
                id=p.id, sku_code=p.sku_code, name=p.name, retail_fen=prices.get("retail", 0),
                category_path=category.code if category else "", tax_rate_bp=p.tax_rate.rate_bp,
                brand=p.brand, spec=p.spec, unit=p.unit, member_fen=prices.get("member"),
                cost_fen=prices.get("cost"), floor_fen=prices.get("floor"), barcodes=tuple(codes),
                is_weighed=p.is_weighed, plu=p.plu, active=p.active,
                supplier_id=extra.supplier_id if extra else None,
                packs=tuple(PackInput(k.name, k.factor_milli, k.barcode) for k in packs),
                style_code=extra.style_code if extra else None,
                colour=extra.colour if extra else "", size=extra.size if extra else "")

    def categories(self) -> list[str]:
        with self._sessions() as s:
            return list(s.scalars(select(Category.code).order_by(Category.code)))

    def brands(self) -> list[str]:
        with self._sessions() as s:
            names = set(s.scalars(select(Brand.name)))
            return sorted(names)

    # --- writing -------------------------------------------------------------------
    def save(self, draft: ProductDraft, actor: StaffMember | None = None,
             approver: ManagerApproval | None = None) -> str:
        """Create the product (id None) or update it; raises InvalidInput naming the field."""
        approval = authorise(self.rules, actor, Permission.EDIT_PRODUCTS, approver)
        return self._save(draft, approval)

    def _save(self, draft: ProductDraft, approval: Approval | None) -> str:
        draft = self._checked(draft)
        now = self._clock.now()
        with self._sessions.begin() as s:
            self._check_unique(s, draft)
            product_id = self._write(s, draft, now)
            add_event(s, "backoffice.product_saved", product_id, _payload(draft, product_id), now)
            audit_action(self.rules, s, AuditAction.PRODUCT_EDIT, approval, subject=draft.sku_code,
                         details={"new": draft.id is None, "name": draft.name,
                                  "retail_fen": draft.retail_fen, "active": draft.active})
            return product_id

    def set_active(self, product_id: str, active: bool, actor: StaffMember | None = None,
                   approver: ManagerApproval | None = None) -> None:
        approval = authorise(self.rules, actor, Permission.EDIT_PRODUCTS, approver)
        self._save(replace(self.get(product_id), active=active), approval)

    def create_variants(self, base: ProductDraft, colours: list[str], sizes: list[str],
                        actor: StaffMember | None = None,
                        approver: ManagerApproval | None = None) -> list[str]:
        """One SKU per colour x size, named '<name> <colour> <size>', grouped by style code."""
        approval = authorise(self.rules, actor, Permission.EDIT_PRODUCTS, approver)
        colours = [c.strip() for c in colours if c.strip()] or [""]
        sizes = [z.strip() for z in sizes if z.strip()] or [""]
        if len(colours) * len(sizes) > 400:
            raise InvalidInput("At most 400 variants per style: split the style.")
        ids = []
        for ci, colour in enumerate(colours, start=1):
            for si, size in enumerate(sizes, start=1):
                variant = replace(base, id=None, sku_code=f"{base.sku_code}-{ci:02d}{si:02d}",
                                  name=" ".join(x for x in (base.name, colour, size) if x),
                                  style_code=base.sku_code, colour=colour, size=size,
                                  barcodes=(), packs=())
                ids.append(self._save(variant, approval))
        return ids

    def bulk_price_change(self, change: BulkPriceChange, actor: StaffMember | None = None,
                          approver: ManagerApproval | None = None) -> int:
        """Change one price type of every product in a category (and its children) or of a
        supplier; returns how many prices changed. Prices never go below zero."""
        approval = authorise(self.rules, actor, Permission.EDIT_PRODUCTS, approver)
        if change.price_type not in PRICE_TYPES:
            raise InvalidInput("Choose a price to change: retail, member, cost or floor.")
        if not change.category_code and not change.supplier_id:
            raise InvalidInput("Choose a category or a supplier whose prices change.")
        factor = 10000 + change.percent_bp
        if factor < 0:
            raise InvalidInput("A price cannot fall by more than 100%.")
        where, params = _selection(change)
        now = self._clock.now()
        with self._sessions.begin() as s:
            count = s.execute(text(
                "UPDATE price SET amount_fen = MAX(0, (amount_fen * :f + 5000) / 10000 + :a) "
                f"WHERE price_type = :t AND store_id IS NULL AND product_id IN ({where})"),
                {"f": factor, "a": change.amount_fen, "t": change.price_type, **params}).rowcount
            # the new prices by SKU: the cloud applies them to its catalog (ids differ per till)
            prices = s.execute(text(
                "SELECT p.sku_code, pr.amount_fen FROM price pr JOIN product p ON p.id = pr.product_id "
                "WHERE pr.price_type = :t AND pr.store_id IS NULL AND pr.starts_at IS NULL "
                f"AND pr.ends_at IS NULL AND pr.product_id IN ({where})"), {"t": change.price_type, **params}).all()
            add_event(s, "backoffice.bulk_price_change", change.category_code or change.supplier_id,
                      {"price_type": change.price_type, "percent_bp": change.percent_bp,
                       "amount_fen": change.amount_fen, "category": change.category_code,
                       "supplier_id": change.supplier_id, "changed": count,
                       "prices": [{"sku_code": sku, "amount_fen": amount} for sku, amount in prices]},
                      now)
            audit_action(self.rules, s, AuditAction.PRICE_BULK_CHANGE, approval,
                         subject=change.category_code or change.supplier_id or "",
                         details={"price_type": change.price_type, "percent_bp": change.percent_bp,
                                  "amount_fen": change.amount_fen, "changed": count})
        return count

    # --- internals -------------------------------------------------------------------
    def _checked(self, draft: ProductDraft) -> ProductDraft:
        problems = [rules.sku_problem(draft.sku_code.strip()),
                    None if draft.name.strip() else "the name is missing",
                    rules.price_problem("the retail price", draft.retail_fen, required=True),
                    rules.price_problem("the member price", draft.member_fen),
                    rules.price_problem("the cost price", draft.cost_fen),
                    rules.price_problem("the floor price", draft.floor_fen),
                    rules.plu_problem(draft.plu, draft.is_weighed)]
        if draft.floor_fen is not None and draft.retail_fen < draft.floor_fen:
            problems.append("the retail price is below the floor price")
        if any(p.factor_milli <= 0 or not p.name.strip() for p in draft.packs):
            problems.append("every pack needs a name and how many units it holds")
        barcodes = []
        for code in draft.barcodes:
            try:
                barcodes.append(rules.normalise_barcode(code))
            except ValueError as exc:
                problems.append(str(exc))
        problems = [p for p in problems if p]
        if problems:
            raise InvalidInput("Fix this and save again: {problem}.", problem="; ".join(problems))
        return replace(draft, sku_code=draft.sku_code.strip(), name=draft.name.strip(),
                       barcodes=tuple(dict.fromkeys(barcodes)), plu=draft.plu or None)

    @staticmethod
    def _check_unique(s: Session, draft: ProductDraft) -> None:
        other = s.scalar(select(Product.id).where(Product.sku_code == draft.sku_code))
        if other and other != draft.id:
            raise InvalidInput("Product code {code} belongs to another product. Choose another code.",
                               code=draft.sku_code)
        for code in draft.barcodes + tuple(p.barcode for p in draft.packs if p.barcode):
            owner = s.scalar(select(Barcode.product_id).where(Barcode.code == code))
            pack_owner = s.scalar(select(PackUnit.product_id).where(PackUnit.barcode == code))
            if (owner and owner != draft.id) or (pack_owner and pack_owner != draft.id):
                raise InvalidInput("Barcode {code} belongs to another product. Check the barcode.",
                                   code=code)
        if draft.plu:
            owner = s.scalar(select(Product.id).where(Product.plu == draft.plu))
            if owner and owner != draft.id:
                raise InvalidInput("Scale PLU {plu} belongs to another product.", plu=draft.plu)

    def _write(self, s: Session, draft: ProductDraft, now) -> str:
        loader = CatalogLoader(s.connection(), self._store_id, now)
        category_id = loader.category_id(draft.category_path)  # creates missing levels of the path
        tax_id = loader.tax_rate_id(draft.tax_rate_bp)
        full, initials = pinyin_forms(draft.name)
        product = s.get(Product, draft.id) if draft.id else None
        if product is None:
            product = Product(sku_code=draft.sku_code, created_at=now,
                              search_rowid=next_search_rowid(s.connection()))
            s.add(product)
        for key, value in dict(sku_code=draft.sku_code, name=draft.name, brand=draft.brand,
                               spec=draft.spec, unit=draft.unit, category_id=category_id,
                               tax_rate_id=tax_id, is_weighed=draft.is_weighed, plu=draft.plu,
                               pinyin=full, pinyin_initials=initials, active=draft.active,
                               updated_at=now).items():
            setattr(product, key, value)
        s.flush()
        self._write_children(s, product.id, draft)
        if draft.brand and not s.scalar(select(Brand.id).where(Brand.name == draft.brand)):
            s.add(Brand(name=draft.brand))
        codes = [draft.sku_code, *draft.barcodes] + ([draft.plu] if draft.plu else [])
        index_products(s.connection(), [(product.search_rowid, draft.name, codes)])
        return product.id

    @staticmethod
    def _write_children(s: Session, product_id: str, draft: ProductDraft) -> None:
        s.execute(text("DELETE FROM barcode WHERE product_id = :p"), {"p": product_id})
        s.execute(text("DELETE FROM pack_unit WHERE product_id = :p"), {"p": product_id})
        s.flush()
        s.add_all(Barcode(product_id=product_id, code=c, is_primary=(i == 0))
                  for i, c in enumerate(draft.barcodes))
        s.add_all(PackUnit(product_id=product_id, name=p.name.strip(), factor_milli=p.factor_milli,
                           barcode=p.barcode or None) for p in draft.packs)
        for price_type, amount in (("retail", draft.retail_fen), ("member", draft.member_fen),
                                   ("cost", draft.cost_fen), ("floor", draft.floor_fen)):
            set_chain_price(s, product_id, price_type, amount)
        extra = s.get(ProductExtra, product_id) or ProductExtra(product_id=product_id)
        extra.supplier_id, extra.style_code = draft.supplier_id, draft.style_code
        extra.colour, extra.size = draft.colour, draft.size
        s.add(extra)
        s.flush()


def _selection(change: BulkPriceChange) -> tuple[str, dict[str, str]]:
    if change.supplier_id:
        return "SELECT product_id FROM product_extra WHERE supplier_id = :sup", {"sup": change.supplier_id}
    return ("SELECT p.id FROM product p JOIN category c ON c.id = p.category_id "
            "WHERE c.code = :cat OR c.code LIKE :cat_like",
            {"cat": change.category_code, "cat_like": f"{change.category_code}/%"})


def _payload(draft: ProductDraft, product_id: str) -> dict:
    return {"product_id": product_id, "sku_code": draft.sku_code, "name": draft.name,
            "category": draft.category_path, "retail_fen": draft.retail_fen,
            "member_fen": draft.member_fen, "cost_fen": draft.cost_fen, "floor_fen": draft.floor_fen,
            "barcodes": list(draft.barcodes), "active": draft.active, "unit": draft.unit,
            "tax_rate_bp": draft.tax_rate_bp, "is_weighed": draft.is_weighed, "plu": draft.plu,
            "brand": draft.brand, "spec": draft.spec,
            "packs": [{"name": p.name, "factor_milli": p.factor_milli, "barcode": p.barcode}
                      for p in draft.packs]}

