"""Conversion time against the size of the text: 1, 2, 4 and 8 MB transcriptions.

Each text is the seed's header and trailer around its body repeated to the size, so every MB
holds the same mix of paragraphs, quotations, dates, names and notes. The figure that matters is
the time per MB, as a ratio to the 1 MB case of the same run: a linear converter stays near 1×
(the issue's acceptance: 8 MB in at most 10× the 1 MB time, i.e. a per-MB ratio ≤ 1.25).

Times are CPU seconds of this process (``time.process_time``), not wall time: the machine is
shared, and CPU time is what the converter's own growth shows. One run per size (8 MB takes a
minute); ``python -m bench.bench_scale 1 2`` measures other sizes.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from teikit.config import load_config
from teikit.convert import convert_transcription
from teikit.convert.ingest import ingest_file

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "tei" / "sources" / "serge-year-one-2.txt"
SIZES_MB = (1.0, 2.0, 4.0, 8.0)


def transcription_of(size: int) -> str:
    """The seed's header, its body repeated up to ``size`` characters, its trailer."""
    text = SOURCE.read_text(encoding="utf-8")
    head_end = text.index("\n\n", text.index("Transcription/Mark-up")) + 2
    trailer = text.index("Last updated")
    head, body, tail = text[:head_end], text[head_end:trailer], text[trailer:]
    copies = max(1, (size - len(head) - len(tail)) // len(body) + 1)
    return head + body * copies + tail


def convert_seconds(path: Path) -> float:
    settings = load_config(REPO / "tei" / "edition.toml").settings_for(SOURCE.stem)
    start = time.process_time()
    convert_transcription(ingest_file(path), settings)
    return time.process_time() - start


def main(sizes: tuple[float, ...] = SIZES_MB) -> None:
    baseline: float | None = None
    with tempfile.TemporaryDirectory(prefix="teikit-bench-") as scratch:
        for megabytes in sizes:
            path = Path(scratch) / f"{SOURCE.stem}.txt"
            path.write_text(transcription_of(int(megabytes * 2**20)), encoding="utf-8")
            actual = path.stat().st_size / 2**20
            seconds = convert_seconds(path)
            per_mb = seconds / actual
            baseline = baseline or per_mb
            print(f"convert {actual:5.1f} MB {seconds:8.1f} s cpu  {per_mb:6.2f} s/MB  "
                  f"= {per_mb / baseline:5.2f} × the first size's s/MB")


if __name__ == "__main__":
    main(tuple(float(a) for a in sys.argv[1:]) or SIZES_MB)
