"""The member steps of the till in one place, for the checkout screen to call:
find (or register) a member, choose a salesperson, top up."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.services.members.members import MemberSummary
from app.services.members.salespeople import SalespersonInfo
from app.services.members.stored_value import TopUpResult
from app.services.members.wiring import MemberServices
from ui.members.lookup import MemberLookupDialog
from ui.members.registration import RegistrationDialog
from ui.members.salesperson import SalespersonChooser
from ui.members.topup import TopUpDialog


class MemberActions:
    def __init__(self, services: MemberServices) -> None:
        self.services = services

    def find_member(self, parent: QWidget | None = None) -> MemberSummary | None:
        """Lookup dialog; F2 there opens registration. None when the cashier backs out."""
        lookup = MemberLookupDialog(self.services.members, parent)
        if lookup.exec():
            return lookup.chosen
        if not lookup.wants_registration:
            return None
        typed = lookup.query.text().strip()
        register = RegistrationDialog(self.services.members, self.services.salespeople.active(),
                                      phone=typed if len(typed) == 11 else "", parent=parent)
        return register.registered if register.exec() else None

    def choose_salesperson(self, parent: QWidget | None = None) -> tuple[bool, SalespersonInfo | None]:
        """(changed, salesperson): changed is False when the cashier backed out; a None
        salesperson with changed True means "no salesperson"."""
        chooser = SalespersonChooser(self.services.salespeople, parent)
        if not chooser.exec():
            return False, None
        return True, None if chooser.cleared else chooser.chosen

    def top_up(self, member: MemberSummary, cashier_id: str,
               parent: QWidget | None = None) -> TopUpResult | None:
        dialog = TopUpDialog(self.services.stored_value, member, cashier_id, parent)
        return dialog.result if dialog.exec() else None
