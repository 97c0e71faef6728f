"""Mobile payments: payment codes, the provider interface, a sandbox, and the
service that keeps every attempt on record (app.services.payments.attempts)."""
from app.services.payments.codes import Channel, PaymentCode, recognise
from app.services.payments.provider import (
    PaymentProvider, PayResult, PayStatus, ProviderUnavailable,
)
from app.services.payments.sandbox import SandboxProvider

__all__ = ["Channel", "PaymentCode", "PaymentProvider", "PayResult", "PayStatus",
           "ProviderUnavailable", "SandboxProvider", "recognise"]
