"""A sandbox payment provider that simulates every micropay outcome.

The last digits of the customer's code choose the outcome, so a tester (or a
test) can produce each state on purpose:

    ...0001 -> FAILED (insufficient balance)
    ...0002 -> PAYING, succeeds after ``confirm_after`` queries
    ...0003 -> PAYING, the customer cancels (FAILED on query)
    ...0004 -> UNKNOWN (timeout), the money did move (query says SUCCESS)
    ...0005 -> UNKNOWN (timeout), nothing moved (query says not paid -> reverse)
    ...0006 -> raises ProviderUnavailable (network down)
    anything else -> SUCCESS

``delay_s`` simulates the network. State lives in memory, keyed by the
out-trade-number: repeating a pay returns the first answer.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

from app.services.payments.provider import PayResult, PayStatus, ProviderUnavailable


@dataclass
class _Trade:
    outcome: str
    amount_fen: int
    status: PayStatus
    queries: int = 0
    refunded_fen: int = 0
    refund_nos: set[str] = field(default_factory=set)


@dataclass
class SandboxProvider:
    name: str = "sandbox"
    delay_s: float = 0.0
    confirm_after: int = 2
    trades: dict[str, _Trade] = field(default_factory=dict)
    calls: list[tuple[str, str]] = field(default_factory=list)

    def _wait(self) -> None:
        if self.delay_s:
            time.sleep(self.delay_s)

    def pay(self, out_trade_no: str, auth_code: str, amount_fen: int, subject: str) -> PayResult:
        self.calls.append(("pay", out_trade_no))
        self._wait()
        trade = self.trades.get(out_trade_no)
        if trade is None:
            outcome = auth_code[-4:]
            if outcome == "0006":
                raise ProviderUnavailable("sandbox: network unreachable")
            initial = {"0001": PayStatus.FAILED, "0002": PayStatus.PAYING,
                       "0003": PayStatus.PAYING, "0004": PayStatus.UNKNOWN,
                       "0005": PayStatus.UNKNOWN}.get(outcome, PayStatus.SUCCESS)
            trade = _Trade(outcome, amount_fen, initial)
            self.trades[out_trade_no] = trade
            if outcome == "0004":
                trade.status = PayStatus.SUCCESS  # it went through; the answer was lost
                return self._result(out_trade_no, PayStatus.UNKNOWN, "timeout")
            if outcome == "0005":
                trade.status = PayStatus.PAYING
                return self._result(out_trade_no, PayStatus.UNKNOWN, "system error")
            message = "insufficient balance" if initial is PayStatus.FAILED else ""
            return self._result(out_trade_no, initial, message)
        return self._result(out_trade_no, trade.status)

    def query(self, out_trade_no: str) -> PayResult:
        self.calls.append(("query", out_trade_no))
        self._wait()
        trade = self.trades.get(out_trade_no)
        if trade is None:
            return self._result(out_trade_no, PayStatus.FAILED, "no such trade")
        trade.queries += 1
        if trade.status is PayStatus.PAYING and trade.outcome == "0002" \
                and trade.queries >= self.confirm_after:
            trade.status = PayStatus.SUCCESS
        elif trade.status is PayStatus.PAYING and trade.outcome == "0003":
            trade.status = PayStatus.FAILED
        return self._result(out_trade_no, trade.status)

    def reverse(self, out_trade_no: str) -> PayResult:
        self.calls.append(("reverse", out_trade_no))
        self._wait()
        trade = self.trades.get(out_trade_no)
        if trade is not None:
            trade.status = PayStatus.REVERSED
        return self._result(out_trade_no, PayStatus.REVERSED)

    def refund(self, out_trade_no: str, refund_no: str, amount_fen: int) -> PayResult:
        self.calls.append(("refund", out_trade_no))
        self._wait()
        trade = self.trades.get(out_trade_no)
        if trade is not None and refund_no in trade.refund_nos:
            return self._result(out_trade_no, PayStatus.REFUNDED)  # a retry: refunded once
        if trade is None or trade.status is not PayStatus.SUCCESS \
                or trade.refunded_fen + amount_fen > trade.amount_fen:
            return self._result(out_trade_no, PayStatus.FAILED, "cannot refund")
        trade.refunded_fen += amount_fen
        trade.refund_nos.add(refund_no)
        return self._result(out_trade_no, PayStatus.REFUNDED)

    def _result(self, out_trade_no: str, status: PayStatus, message: str = "") -> PayResult:
        ref = f"SBX{out_trade_no[-12:]}" if status is PayStatus.SUCCESS else ""
        return PayResult(status, out_trade_no, ref, message)
