"""A network receipt printer on a free loopback port, for tests and `make run`.

    sim = TcpPrinterSimulator(); url = sim.url  # escpos+tcp://127.0.0.1:PORT
    sim.mode = "paper_out"                      # online | paper_out | cover_open | no_reply
    sim.receipts                                # bytes of every finished connection

It answers DLE EOT status queries like a real printer (or stays silent in
"no_reply"), can read slowly (`delay_per_kb`) and can vanish mid-job
(`drop_after` bytes), which is what the fault tests need.

    python -m drivers.printer.tcp_sim [--port 9100]   # run one by hand
"""
from __future__ import annotations

import argparse
import socket
import threading
import time

# Replies to DLE EOT 1, 2, 4 (see escpos_tcp.interpret_status).
REPLIES = {
    "online": {1: 0x16, 2: 0x12, 4: 0x12},
    "paper_out": {1: 0x1E, 2: 0x32, 4: 0x72},
    "paper_near_end": {1: 0x16, 2: 0x12, 4: 0x1E},
    "cover_open": {1: 0x1E, 2: 0x16, 4: 0x12},
}
MODES = tuple(REPLIES) + ("no_reply",)


class TcpPrinterSimulator:
    def __init__(self, mode: str = "online", host: str = "127.0.0.1", port: int = 0,
                 idle_timeout: float = 0.5) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; use one of {', '.join(MODES)}")
        self.mode = mode
        self.delay_per_kb = 0.0
        self.drop_after: int | None = None
        self.receipts: list[bytes] = []
        self.idle_timeout = idle_timeout
        self._stop = threading.Event()
        self._server = socket.create_server((host, port))
        self._server.settimeout(0.05)
        self.host, self.port = self._server.getsockname()[:2]
        self._thread = threading.Thread(target=self._serve, name="tcp-printer-sim", daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"escpos+tcp://{self.host}:{self.port}"

    def wait_for(self, count: int, timeout: float = 3.0) -> list[bytes]:
        deadline = time.monotonic() + timeout
        while len(self.receipts) < count and time.monotonic() < deadline:
            time.sleep(0.01)
        return list(self.receipts)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self._server.close()

    def __enter__(self) -> "TcpPrinterSimulator":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except OSError:
                continue
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(self.idle_timeout)
            data = bytearray()
            answered = 0
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and not self._stop.is_set():
                try:
                    chunk = conn.recv(1024)
                except OSError:
                    break
                if not chunk:
                    break
                data += chunk
                if self.drop_after is not None and len(data) >= self.drop_after:
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                    return  # vanishes mid-job: a reset, and nothing counted as printed
                answered = self._answer(conn, data, answered)
                if self.delay_per_kb:
                    time.sleep(self.delay_per_kb * len(chunk) / 1024)
            if data and self._is_job(data):
                self.receipts.append(bytes(data))

    def _answer(self, conn: socket.socket, data: bytearray, answered: int) -> int:
        while (at := data.find(b"\x10\x04", answered)) >= 0 and at + 2 < len(data):
            replies = REPLIES.get(self.mode)
            if replies is not None:
                conn.sendall(bytes([replies.get(data[at + 2], 0x12)]))
            answered = at + 3
        return answered

    @staticmethod
    def _is_job(data: bytearray) -> bool:
        # a status poll alone is not a receipt
        return bool(bytes(data).replace(b"\x10\x04\x01", b"").replace(b"\x10\x04\x02", b"")
                    .replace(b"\x10\x04\x04", b""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Simulated network receipt printer")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--mode", choices=MODES, default="online")
    args = parser.parse_args(argv)
    sim = TcpPrinterSimulator(args.mode, port=args.port)
    print(f"printer_url={sim.url}", flush=True)
    try:
        while True:
            time.sleep(1)
            print(f"# jobs received: {len(sim.receipts)}", flush=True)
    except KeyboardInterrupt:
        sim.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
