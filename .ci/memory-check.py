#!/usr/bin/env python3
"""Streams generated claim files of about 100 MB and 1 GB through `lienthong validate` (piped
from `lienthong gen`, so nothing is stored on disk) and checks that peak memory stays under 64 MB
and does not grow with the file size. Prints the measurements."""
import resource
import subprocess
import sys
import time

BIN = sys.argv[1] if len(sys.argv) > 1 else "target/release/lienthong"
LIMIT_MB = 64


def run(hoso):
    start = time.time()
    gen = subprocess.Popen([BIN, "gen", "--hoso", str(hoso), "--seed", "5"], stdout=subprocess.PIPE)
    val = subprocess.Popen([BIN, "validate", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    size = 0
    while True:
        chunk = gen.stdout.read(1 << 20)
        if not chunk:
            break
        size += len(chunk)
        val.stdin.write(chunk)
    val.stdin.close()
    out = val.stdout.read().decode()
    gen.wait()
    val.wait()
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return size, val.returncode, out.strip().splitlines()[-1], peak_kb, time.time() - start


failed = False
peaks = []
for hoso in (6_500, 65_000):
    size, code, summary, peak_kb, secs = run(hoso)
    peaks.append(peak_kb)
    print(f"{size / 1e6:8.0f} MB, {hoso} HOSO: peak RSS so far {peak_kb / 1024:.1f} MB, {secs:.1f} s; {summary}")
    if code != 0:
        print(f"FAILED: validate exited with {code}")
        failed = True
    if peak_kb / 1024 >= LIMIT_MB:
        print(f"FAILED: peak memory {peak_kb / 1024:.1f} MB is not under {LIMIT_MB} MB")
        failed = True
    if hoso == 65_000 and size < 1_000_000_000:
        print("FAILED: the large file is smaller than 1 GB")
        failed = True
# RUSAGE_CHILDREN is a running maximum: the 1 GB run may raise it only a little over the 100 MB run.
if peaks[1] - peaks[0] > 8 * 1024:
    print(f"FAILED: memory grew by {(peaks[1] - peaks[0]) / 1024:.1f} MB from 100 MB to 1 GB")
    failed = True
print("1 failed" if failed else "memory check passed")
sys.exit(1 if failed else 0)
