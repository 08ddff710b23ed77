"""Small timing helpers shared by the benchmarks."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


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


def interleaved(functions: dict[str, Callable[[], object]], rounds: int = 15) -> dict[str, float]:
    """The fastest wall time of each function over ``rounds`` rounds in which each runs once,
    in turn (after a warm-up round): a burst of load from other work then slows every contender
    alike, and the fastest run is the one least disturbed. In seconds, by name."""
    for function in functions.values():
        function()
    fastest = dict.fromkeys(functions, float("inf"))
    for _ in range(rounds):
        for name, function in functions.items():
            start = time.perf_counter()
            function()
            fastest[name] = min(fastest[name], time.perf_counter() - start)
    return fastest


def user_environment(**overrides: str) -> dict[str, str]:
    """The environment of a teikit command as a user runs it, for a benchmark's subprocesses:
    this checkout's ``src`` first on the path, and Python keeping the bytecode it compiles (a
    shell that forbids it would time the compilation of teikit's modules). ``overrides`` win."""
    inherited = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    path = os.pathsep.join(p for p in (str(REPO / "src"), str(REPO),
                                       os.environ.get("PYTHONPATH", "")) if p)
    return {**inherited, "PYTHONPATH": path, **overrides}
