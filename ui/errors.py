"""Turn any error into one sentence in the user's language; never a stack trace."""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from app.services.errors import ServiceError

log = logging.getLogger(__name__)


def user_message(error: BaseException) -> str:
    if isinstance(error, ServiceError):
        template = QCoreApplication.translate("Errors", error.template)
        try:
            return template.format(**error.params)
        except (KeyError, IndexError, ValueError):
            return error.message
    log.error("unexpected error shown to the user: %r", error, exc_info=error)
    return QCoreApplication.translate(
        "Errors", "Something went wrong. The sale is safe; try again, and tell a manager if it repeats.")
