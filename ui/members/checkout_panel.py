"""The member side of the checkout screen: who the member on the sale is (name, level,
points, stored value) and who sells, plus the till steps behind F1 (member), Shift+F1
(salesperson of the sale) and Shift+F2 (salesperson of the selected line), and the scans
that are a member code, a member card or a salesperson's badge/QR."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.services.checkout import CheckoutService
from app.services.checkout_members import MemberStanding, SaleMember
from app.services.errors import ServiceError
from app.services.members.salespeople import SalespersonInfo
from ui.errors import user_message
from ui.members.common import touch_button
from ui.members.edit import MemberEditDialog
from ui.members.till_actions import MemberActions

if TYPE_CHECKING:
    from app.bootstrap import AppContext


def _tr(text: str) -> str:
    return QCoreApplication.translate("MemberPanel", text)


class MemberPanel(QFrame):
    """Shows the member on the sale and the salesperson; a tap on it finds a member."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberPanel")
        self.setStyleSheet("#memberPanel { background: #fff8e6; border-radius: 8px; }")
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 6, 8, 6)
        self.member = QLabel()
        self.member.setObjectName("memberLabel")
        self.member.setWordWrap(True)
        self.member.setStyleSheet("font-size: 13pt; font-weight: bold; color: #7a4b00;")
        self.balances = QLabel()
        self.balances.setObjectName("memberBalances")
        self.balances.setWordWrap(True)
        self.balances.setStyleSheet("font-size: 12pt;")
        self.salesperson = QLabel()
        self.salesperson.setObjectName("salespersonLabel")
        self.salesperson.setWordWrap(True)
        self.salesperson.setStyleSheet("font-size: 12pt; color: #0b3d91;")
        for label in (self.member, self.balances, self.salesperson):
            box.addWidget(label)
        # finding a member is F1 / the action bar's Member button; editing and removing are here
        buttons = QHBoxLayout()
        self.edit_button = touch_button(_tr("Edit…"), name="memberEdit")
        self.remove_button = touch_button(_tr("Remove member"), name="memberRemove")
        for button in (self.edit_button, self.remove_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
            buttons.addWidget(button)
        box.addLayout(buttons)
        self.show_standing(None, None, 0)

    def show_standing(self, standing: MemberStanding | None, salesperson: SalespersonInfo | None,
                      line_people: int) -> None:
        if standing is None:
            self.member.setText(_tr("No member on this sale (F1)"))
            self.balances.setText("")
        else:
            m = standing.member
            self.member.setText(f"{m.summary.name}  {m.summary.masked_phone}  {m.level.name}")
            self.balances.setText(
                _tr("Points %1 · Stored value %2 · Coupons %3")
                .replace("%1", f"{standing.points:,}").replace("%2", standing.stored_value.format())
                .replace("%3", str(standing.coupons)))
        self.remove_button.setVisible(standing is not None)
        self.edit_button.setVisible(standing is not None)
        self.balances.setVisible(standing is not None)
        text = _tr("Salesperson: %1").replace("%1", f"{salesperson.name} ({salesperson.code})") \
            if salesperson else ""
        if line_people:
            text = (text + "  " if text else "") + _tr("%1 line(s) with their own salesperson") \
                .replace("%1", str(line_people))
        self.salesperson.setText(text)
        self.salesperson.setVisible(bool(text))


class CheckoutMemberSide:
    """What the checkout screen does with members and salespeople; ``report(text, error)``
    shows a sentence on the screen's message line, ``changed()`` repaints the sale (a
    member changes its prices)."""

    def __init__(self, ctx: "AppContext", checkout: CheckoutService, parent: QWidget,
                 report: Callable[[str, bool], None], selected_line: Callable[[], object],
                 changed: Callable[[], None]) -> None:
        self.actions = MemberActions(ctx.members)
        self._members = ctx.members
        self.checkout = checkout
        self._parent = parent
        self._report = report
        self._selected_line = selected_line
        self._changed = changed
        self._standing_key: tuple | None = None
        self._standing: MemberStanding | None = None
        self.panel = MemberPanel(parent)
        self.panel.remove_button.clicked.connect(self.remove_member)
        self.panel.edit_button.clicked.connect(self.edit_member)

    # --- F-keys -----------------------------------------------------------------
    def find_member(self) -> None:
        member = self.actions.find_member(self._parent)
        if member is not None:
            self._try(lambda: self.checkout.members.attach(member))

    def remove_member(self) -> None:
        self._try(self.checkout.members.detach, _tr("Member removed from the sale."))

    def edit_member(self) -> None:
        """The member on the sale, edited (a supervisor approves when the cashier may not);
        the sale then takes the member as saved, so the panel and receipt show it."""
        draft = self.checkout.draft
        if draft is None or draft.member is None:
            self._report(_tr("Find the member first (F1)."), True)
            return
        try:
            profile = self._members.profiles.profile(draft.member.id)
        except ServiceError as exc:
            self._report(user_message(exc), True)
            return
        dialog = MemberEditDialog(self._members.members, profile, draft.cashier, self._parent)
        if dialog.exec() and dialog.saved is not None:
            saved = dialog.saved
            self._try(lambda: self.checkout.members.attach_id(saved.id),
                      _tr("Member %1 saved.").replace("%1", saved.name))

    def choose_salesperson(self) -> None:
        changed, person = self.actions.choose_salesperson(self._parent)
        if changed:
            self._try(lambda: self.checkout.members.set_salesperson(person))

    def choose_line_salesperson(self) -> None:
        line = self._selected_line()
        if line is None:
            self._report(_tr("Select a line first."), True)
            return
        changed, person = self.actions.choose_salesperson(self._parent)
        if changed:
            self._try(lambda: self.checkout.members.set_line_salesperson(line.line_id, person),
                      _tr("Salesperson of %1: %2").replace("%1", line.product.name)
                      .replace("%2", person.name if person else "-"))

    # --- scans ------------------------------------------------------------------
    def take_scan(self, code: str) -> bool:
        """A member code or salesperson QR: handled here (True), else the product scan goes on."""
        return self._try(lambda: self.checkout.members.take_scan(code), expect_result=True)

    def take_unknown_code(self, code: str) -> bool:
        """A code no product has: a salesperson's badge or a member card, if it is one."""
        return self._try(lambda: self.checkout.members.take_unknown_code(code), expect_result=True)

    # --- showing ----------------------------------------------------------------
    def refresh(self) -> None:
        draft = self.checkout.draft
        member = draft.member if draft else None
        # balances are read once per member and sale, not at every scan
        key = (draft.id, member.id) if draft is not None and member is not None else None
        if key != self._standing_key:
            self._standing_key = key
            try:
                self._standing = self.checkout.members.standing() if key else None
            except ServiceError:
                self._standing = None
        self.panel.show_standing(self._standing, draft.salesperson if draft else None,
                                 len(draft.line_salespeople) if draft else 0)

    def _try(self, step, done_text: str = "", expect_result: bool = False) -> bool:
        try:
            result = step()
        except ServiceError as exc:
            self._report(user_message(exc), True)
            return True if expect_result else False
        if expect_result and result is None:
            return False
        self._report(done_text or self._describe(result), False)
        self._standing_key = None  # read the balances again
        self._changed()
        return True

    @staticmethod
    def _describe(result) -> str:
        if isinstance(result, SaleMember):
            return _tr("Member %1 (%2) joined the sale.").replace("%1", result.summary.name) \
                .replace("%2", result.level.name)
        if isinstance(result, SalespersonInfo):
            return _tr("Salesperson: %1").replace("%1", f"{result.name} ({result.code})")
        return ""
