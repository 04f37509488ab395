#!/usr/bin/env bash
# Builds every fuzz target with libFuzzer coverage instrumentation on the stable toolchain (the
# flags cargo-fuzz passes, without a sanitizer) and runs each for a bounded time.
# Usage: fuzz/run.sh [SECONDS_PER_TARGET]   (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
  -Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
  -Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
host=$(rustc -vV | sed -n "s/^host: //p")
# An explicit --target keeps the instrumentation flags away from build scripts.
cargo build --release --manifest-path fuzz/Cargo.toml --target-dir fuzz/target --target "$host" --bins
unset RUSTFLAGS
corpus=fuzz/target/corpus
rm -rf "$corpus"
cargo run --quiet -p lienthong --example fuzz_seeds -- "$corpus"
status=0
for t in $(sed -n 's/^name = "\(envelope\|standalone\|json\|rules_file\|sign_verify\|table_[a-z0-9]*\)"$/\1/p' fuzz/Cargo.toml); do
  mkdir -p "$corpus/$t" fuzz/target/artifacts/$t
  echo "fuzz: $t for ${secs}s"
  if ! fuzz/target/$host/release/$t "$corpus/$t" -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 \
      -artifact_prefix=fuzz/target/artifacts/$t/ -print_final_stats=0 2> fuzz/target/$t.log; then
    echo "fuzz: $t FOUND A FAILURE"; tail -40 fuzz/target/$t.log; status=1
  else
    grep -E "^(Done|#[0-9]+ *DONE)" fuzz/target/$t.log | tail -1 || true
  fi
done
exit $status
