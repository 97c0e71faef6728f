"""`python -m bench.startup --skus N`: process start to a usable checkout screen
(offscreen), on an N-SKU till database, and the peak resident memory."""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.catalog import build
from bench.common import median, report

ROOT = Path(__file__).resolve().parent.parent


def one_start(db: Path, data_dir: Path) -> tuple[float, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MON_DATABASE_URL=f"sqlite:///{db}",
               MON_DEMO_DATA="false")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    # the clock stops when the till says its first screen is up, not when it has exited
    proc = subprocess.Popen([sys.executable, "-m", "ui.main", "--data-dir", str(data_dir),
                             "--exit-when-ready"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    elapsed = None
    for line in proc.stdout:
        if line.startswith("ready_s="):
            elapsed = time.perf_counter() - started
    proc.wait(timeout=120)
    if elapsed is None:
        raise SystemExit(f"the till did not start:\n{proc.stderr.read()}")
    rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(rss_kb, before) / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skus", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    db = build(args.skus)
    times, peak = [], 0.0
    with tempfile.TemporaryDirectory() as data_dir:
        one_start(db, Path(data_dir))  # first start warms the OS file cache, as on a till
        for _ in range(args.runs):
            elapsed, rss = one_start(db, Path(data_dir))
            times.append(elapsed)
            peak = max(peak, rss)
    report("startup_s", median(times), "<= 1.5 s")
    report("rss_mb", peak, "<= 300 MB", 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
