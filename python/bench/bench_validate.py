"""Times `lienthong.validate()` from Python against `lienthong validate` on the same file.

Usage: python bench/bench_validate.py [--hoso 20000] [--runs 5] [--cli PATH]

Generates the file with `cargo run --release -p lienthong-cli -- gen` (or the given binary),
then takes the best of N runs of each. The CLI is timed with its JSON output sent to /dev/null,
so both sides do the whole job: read, decode, validate, report. Prints the ratio; the target is
Python within 20 % of the CLI.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import lienthong

ROOT = Path(__file__).resolve().parents[2]


def best_of(runs: int, fn: "object") -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--hoso", type=int, default=20000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--cli", default=None, help="lienthong binary (default: cargo build --release)")
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()

    cli = args.cli
    if cli is None:
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "lienthong-cli"], cwd=ROOT, check=True)
        cli = str(ROOT / "target" / "release" / "lienthong")
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "visits.xml"
        subprocess.run([cli, "gen", "--hoso", str(args.hoso), "--seed", "1", "-o", str(path)], check=True)
        size = path.stat().st_size
        # Warm the page cache and both code paths once.
        lienthong.validate(path, jobs=args.jobs)
        cmd = [cli, "validate", "--format", "json", "--jobs", str(args.jobs), str(path)]
        with open(os.devnull, "wb") as null:
            subprocess.run(cmd, stdout=null, check=False)

            def run_cli() -> None:
                subprocess.run(cmd, stdout=null, check=False)

            t_cli = best_of(args.runs, run_cli)

        def run_py() -> None:
            r = lienthong.validate(path, jobs=args.jobs)
            r.to_json()

        t_py = best_of(args.runs, run_py)
    mb = size / 1e6
    print(f"file: {args.hoso} HOSO, {mb:.1f} MB; best of {args.runs}; jobs={args.jobs}")
    print(f"CLI    lienthong validate --format json : {t_cli * 1000:8.1f} ms  ({mb / t_cli:6.1f} MB/s)")
    print(f"Python lienthong.validate().to_json()   : {t_py * 1000:8.1f} ms  ({mb / t_py:6.1f} MB/s)")
    ratio = t_py / t_cli
    print(f"Python / CLI = {ratio:.3f} ({'within' if ratio <= 1.2 else 'OVER'} the 20 % target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
