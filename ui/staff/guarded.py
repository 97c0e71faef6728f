"""Guarded service calls from the UI: the service checks the permission; when the person
logged in lacks it, a supervisor approves on the spot and the approval goes down to the
service, which records it with the action (see app/services/staff_rules.py)."""
from __future__ import annotations

from typing import Callable, TypeVar

from PySide6.QtWidgets import QWidget

from app.services.permissions import ManagerApproval, Permission, PermissionDenied
from ui.dialogs.manager_override import ask_for_approval, with_override
from ui.errors import user_message

T = TypeVar("T")


def run_as(parent: QWidget | None, rules, actor,
           call: Callable[[object, ManagerApproval | None], T]) -> T | None:
    """`call(actor, approval)`; asks a supervisor when refused. None when they cancelled.
    `rules` None: a till without staff rules, the call runs as it is."""
    if rules is None:
        return call(actor, None)
    return with_override(parent, rules.perms, lambda ok: call(actor, ok))


def approval_up_front(parent: QWidget | None, rules, actor,
                      permission: Permission) -> tuple[bool, ManagerApproval | None]:
    """For work that runs in the background: ask now, on the UI thread. Returns (go on?,
    the supervisor's approval to pass to the service, or None when none is needed).
    Other refusals (nobody logged in) are raised for the caller to show."""
    if rules is None:
        return True, None
    try:
        rules.require(actor, permission)
        return True, None
    except PermissionDenied as denied:
        approval = ask_for_approval(parent, rules.perms, permission, user_message(denied))
        return approval is not None, approval
