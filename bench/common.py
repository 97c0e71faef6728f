"""Shared benchmark helpers: figures printed as `name=value (budget ...)`."""
from __future__ import annotations

import statistics
from pathlib import Path

CACHE = Path(__file__).resolve().parent.parent / ".bench-cache"


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


def report(name: str, value: float, budget: str, unit_digits: int = 3) -> None:
    print(f"{name}={value:.{unit_digits}f} (budget {budget})", flush=True)


def median(samples: list[float]) -> float:
    return statistics.median(samples)
