"""Payment codes by prefix and length, and the sandbox provider's states."""
import pytest

from app.services.payments import Channel, PayStatus, ProviderUnavailable, SandboxProvider, recognise


@pytest.mark.parametrize("code,channel", [
    ("134567890123456789", Channel.WECHAT), ("104567890123456789", Channel.WECHAT),
    ("154567890123456789", Channel.WECHAT),
    ("2812345678901234", Channel.ALIPAY), ("251234567890123456789012", Channel.ALIPAY),
    ("30123456789012345678", Channel.ALIPAY),
    ("6212345678901234567", Channel.UNIONPAY),
    (" 134567890123456789\r\n", Channel.WECHAT),
])
def test_wallets_are_known_by_prefix_and_length(code, channel):
    assert recognise(code).channel is channel


@pytest.mark.parametrize("code", [
    "164567890123456789", "13456789012345678", "1345678901234567890", "281234567890123",
    "3112345678901234", "621234567890123456", "6928804557480", "S001-T01-20261125-0001", "",
])
def test_other_codes_are_not_payment_codes(code):
    assert recognise(code) is None


def test_hint_masks_the_code():
    assert recognise("134567890123456789").hint == "1345****6789"


def test_sandbox_states_and_idempotency():
    sandbox = SandboxProvider(confirm_after=2)
    assert sandbox.pay("A", "134567890123451111", 100, "x").status is PayStatus.SUCCESS
    assert sandbox.pay("A", "134567890123451111", 100, "x").status is PayStatus.SUCCESS
    assert sandbox.pay("B", "134567890123450001", 100, "x").status is PayStatus.FAILED
    assert sandbox.pay("C", "134567890123450002", 100, "x").status is PayStatus.PAYING
    assert sandbox.query("C").status is PayStatus.PAYING
    assert sandbox.query("C").status is PayStatus.SUCCESS
    assert sandbox.pay("D", "134567890123450003", 100, "x").status is PayStatus.PAYING
    assert sandbox.query("D").status is PayStatus.FAILED
    assert sandbox.pay("E", "134567890123450004", 100, "x").status is PayStatus.UNKNOWN
    assert sandbox.query("E").status is PayStatus.SUCCESS
    assert sandbox.pay("F", "134567890123450005", 100, "x").status is PayStatus.UNKNOWN
    assert sandbox.reverse("F").status is PayStatus.REVERSED
    with pytest.raises(ProviderUnavailable):
        sandbox.pay("G", "134567890123450006", 100, "x")
    assert sandbox.refund("A", "R1", 60).status is PayStatus.REFUNDED
    assert sandbox.refund("A", "R1", 60).status is PayStatus.REFUNDED  # same refund no: once
    assert sandbox.refund("A", "R2", 60).status is PayStatus.FAILED  # beyond what was paid
