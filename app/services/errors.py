"""Errors services raise for the user to read.

Each carries an English sentence template and its parameters; the UI passes
the template through Qt's translator (context "Errors") and then formats it,
so the cashier reads it in their language.
"""
from __future__ import annotations


class ServiceError(Exception):
    template: str = "Something went wrong."

    def __init__(self, template: str | None = None, **params: object) -> None:
        self.template = template or self.template
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        try:
            return self.template.format(**self.params)
        except (KeyError, IndexError):
            return self.template


class NotFound(ServiceError):
    pass


class InvalidInput(ServiceError):
    pass


class NotAllowed(ServiceError):
    pass


class StateError(ServiceError):
    pass
