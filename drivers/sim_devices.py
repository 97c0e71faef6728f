"""A bench of simulated devices for trying the till without hardware (POSIX).

    python -m drivers.sim_devices

Starts a network printer on a free local port, a Toledo scale, a CD5220 pole
display and a serial scanner on pseudo-terminals, and prints the URL of each
to paste into the device settings. Type a code and Enter to "scan" it; the
display's lines and each received receipt are echoed here. Ctrl-C stops.
"""
from __future__ import annotations

import select
import sys
import threading

from drivers.display.protocols import DisplayProtocolError, parse_display
from drivers.printer.tcp_sim import TcpPrinterSimulator
from drivers.pty_device import PtyDevice
from drivers.scale.sim import PtyScaleSimulator


def _echo_display(display: PtyDevice, stop: threading.Event) -> None:
    while not stop.is_set():
        data = display.read(timeout=0.2)
        if data:
            try:
                top, bottom = parse_display(data, "cd5220", "gb18030")
                print(f"[display] {top} | {bottom}", flush=True)
            except DisplayProtocolError:
                print(f"[display] {len(data)} bytes it could not show", flush=True)


def main() -> int:
    printer, scale = TcpPrinterSimulator(), PtyScaleSimulator("toledo")
    scale.grams = 1250
    display, scanner = PtyDevice(), PtyDevice()
    stop = threading.Event()
    threading.Thread(target=_echo_display, args=(display, stop), daemon=True).start()
    print(f"printer: {printer.url}?width=48\nscale:   {scale.url}\n"
          f"display: cd5220+serial://{display.port}?cjk=gb18030\nscanner: serial-scanner://{scanner.port}\n"
          f"Type a code and Enter to scan it.", flush=True)
    seen = 0
    try:
        while True:
            ready, _, _ = select.select([sys.stdin], [], [], 0.5)
            if ready:
                line = sys.stdin.readline()
                if not line:
                    break
                scanner.write(line.strip().encode() + b"\r")
            if len(printer.receipts) > seen:
                seen = len(printer.receipts)
                print(f"[printer] job {seen}: {len(printer.receipts[-1])} bytes", flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        for device in (printer, scale, display, scanner):
            device.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
