""""Why this price": a line's pricing as structured steps, with Chinese and English text.

Each step has a stable ``code`` and string ``params`` a UI can translate itself;
``zh`` and ``en`` are ready-made sentences for the receipt, the screen or a log.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Mapping

from app.domain.money import Money

if TYPE_CHECKING:
    from app.domain.pricing.result import Adjustment, AppliedPromotion, PricedLine


@dataclass(frozen=True, slots=True)
class ExplainStep:
    code: str          # base_price, item_promotion, member_discount, manual_discount, order_promotion,
                       # order_manual_discount, rounding, total
    amount: Money      # the step's signed effect; the resulting amount for base_price/total
    zh: str
    en: str
    params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Explanation:
    line_id: str
    amount: Money
    steps: tuple[ExplainStep, ...]

    @property
    def text_zh(self) -> str:
        return "\n".join(step.zh for step in self.steps)

    @property
    def text_en(self) -> str:
        return "\n".join(step.en for step in self.steps)

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly form: amounts in fen."""
        return {"line_id": self.line_id, "amount_fen": self.amount.fen,
                "steps": [{"code": s.code, "amount_fen": s.amount.fen, "zh": s.zh, "en": s.en,
                           "params": dict(s.params)} for s in self.steps]}


def _quantity_text(line: "PricedLine") -> tuple[str, str]:
    if line.is_weighed:
        return f"{line.quantity.format()}kg", f"{line.quantity.format()} kg"
    return f"{line.quantity.format()}件", f"{line.quantity.format()} pcs"


def _base_step(line: "PricedLine") -> ExplainStep:
    qty_zh, qty_en = _quantity_text(line)
    per = "/kg" if line.is_weighed else ""
    zh = f"{line.base_label} {line.base_price}{per} × {qty_zh} = {line.base_amount}"
    en = (f"{line.base_source.value} price {line.base_price}{per} × {qty_en} = {line.base_amount}")
    if len(line.price_candidates) > 1:
        listed = "、".join(f"{c.label} {c.price}" for c in line.price_candidates)
        zh += f"（取最低：{listed}）"
        en += " (lowest of: " + ", ".join(f"{c.source.value} {c.price}"
                                           for c in line.price_candidates) + ")"
    params = {"source": line.base_source.value, "unit_price_fen": str(line.base_price.fen),
              "regular_price_fen": str(line.regular_price.fen),
              "quantity_milli": str(line.quantity.milli)}
    return ExplainStep("base_price", line.base_amount, zh, en, params)


def _promotion_step(adj: "Adjustment", applied: "AppliedPromotion | None") -> ExplainStep:
    kind_zh = adj.kind.label_zh if adj.kind else ""
    params = {"promotion_id": adj.promotion_id or "", "kind": adj.kind.value if adj.kind else "",
              "detail": adj.detail}
    if adj.level == "item":
        zh = f"促销【{adj.label}】{kind_zh} {adj.units}件 {adj.amount}"
        en = f"promotion '{adj.label}' ({params['kind']}) on {adj.units} pcs: {adj.amount}"
        params["units"] = str(adj.units)
        return ExplainStep("item_promotion", adj.amount, zh, en, params)
    basis = applied.basis if applied and applied.basis is not None else None
    basis_zh = f"，参与金额 {basis}" if basis is not None else ""
    basis_en = f" on eligible {basis}" if basis is not None else ""
    zh = f"整单促销【{adj.label}】{adj.detail}{basis_zh}，本行分摊 {adj.amount}"
    en = f"order promotion '{adj.label}' {adj.detail}{basis_en}; this line's share: {adj.amount}"
    if basis is not None:
        params["basis_fen"] = str(basis.fen)
    return ExplainStep("order_promotion", adj.amount, zh, en, params)


def _other_step(adj: "Adjustment") -> ExplainStep:
    if adj.source == "member":
        return ExplainStep("member_discount", adj.amount,
                           f"会员折扣【{adj.label}】{adj.detail} {adj.amount}",
                           f"member level discount '{adj.label}' {adj.detail}: {adj.amount}",
                           {"level": adj.label, "detail": adj.detail})
    if adj.source == "rounding":
        return ExplainStep("rounding", adj.amount, f"抹零分摊 {adj.amount}",
                           f"rounding share: {adj.amount}", {"detail": adj.detail})
    if adj.level == "order":
        return ExplainStep("order_manual_discount", adj.amount,
                           f"整单手工折扣 {adj.detail}，本行分摊 {adj.amount}",
                           f"order manual discount {adj.detail}; this line's share: {adj.amount}",
                           {"detail": adj.detail})
    return ExplainStep("manual_discount", adj.amount, f"手工折扣 {adj.detail} {adj.amount}",
                       f"manual discount {adj.detail}: {adj.amount}", {"detail": adj.detail})


def explain_line(line: "PricedLine", applied: Mapping[str, "AppliedPromotion"]) -> Explanation:
    steps = [_base_step(line)]
    for adj in line.adjustments:
        if adj.source == "promotion":
            steps.append(_promotion_step(adj, applied.get(adj.promotion_id or "")))
        else:
            steps.append(_other_step(adj))
    rate = f"{(Decimal(line.tax_rate_bp) / 100).normalize():f}%"
    steps.append(ExplainStep(
        "total", line.amount, f"应付 {line.amount}（含税 {line.tax}，税率 {rate}）",
        f"to pay {line.amount} (incl. VAT {line.tax} at {rate})",
        {"tax_fen": str(line.tax.fen), "tax_rate_bp": str(line.tax_rate_bp)}))
    return Explanation(line.line_id, line.amount, tuple(steps))
