"""Small timing helpers shared by the benchmarks."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def best_of(function: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of ``repeat`` calls, in seconds (after one warm-up call)."""
    function()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(label: str, seconds: float, baseline: float, baseline_label: str) -> None:
    print(f"{label:<48} {seconds * 1000:9.1f} ms  = {seconds / baseline:7.2f} × {baseline_label}")
