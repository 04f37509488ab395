#!/usr/bin/env bash
# Smoke run of the benchmark: `lienthong bench` on a small generated file must print its table
# (every stage with time, MB/s, HOSO/s, share of the floor, ratio to Python, peak RSS) and the
# targets. It checks that the benchmark works, not the numbers: BENCHMARKS.md has those.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release -p lienthong-cli
bin=target/release/lienthong
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" gen --hoso 300 --seed 3 -o "$tmp/bench.xml"
python=()
if ! command -v python3 >/dev/null; then python=(--no-python); fi
"$bin" bench --jobs 2 "${python[@]}" "$tmp/bench.xml" > "$tmp/out.txt"
cat "$tmp/out.txt"

pass=0; fail=0
check() { if "$@"; then pass=$((pass+1)); else echo "FAILED: $*"; fail=$((fail+1)); fi; }
row() {
  # A stage row: its name, then time, MB/s, HOSO/s, % floor, x Python (or -), peak RSS.
  grep -F -- "$1" "$tmp/out.txt" | grep -Eq '[0-9.]+ +[0-9.]+ +[0-9]+ +[0-9.]+ +([0-9.]+|-) +(<=)?[0-9.]+ *$'
}
check grep -q "^lienthong bench: .*300 HOSO" "$tmp/out.txt"
check grep -Eq "^stage +time s +MB/s +HOSO/s +% floor +x Python +peak RSS MB" "$tmp/out.txt"
for stage in "floor: quick-xml events + base64" "+ events of every table" \
  "envelope scan (sequential part)" "parse to typed records" "full validation, 1 thread" \
  "full validation, --jobs 2" "serialize (EnvelopeWriter)"; do
  check row "$stage"
done
if command -v python3 >/dev/null; then
  check row "Python ElementTree baseline"
  check grep -q "full validation >= 8x Python baseline:" "$tmp/out.txt"
fi
check grep -q "full validation >= 40 % of the floor's throughput:" "$tmp/out.txt"
check grep -q -- "--jobs 2 >= 1.8x one thread:" "$tmp/out.txt"
check grep -q "peak memory < 64 MB:" "$tmp/out.txt"
echo "bench smoke: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
