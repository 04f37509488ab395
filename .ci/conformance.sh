#!/usr/bin/env bash
# The conformance suite end to end through `lienthong conformance`: the reference files are up to
# date and their money agrees with an independent recomputation, Lienthong's own output (signed where a case requires it) passes every case with exit 0,
# one changed field fails exactly one case with exit 1, and the gateway profile accepts the
# example traffic log and rejects a broken one. Ends with "N passed, M failed".
set -euo pipefail
cd "$(dirname "$0")/.."

cargo run --quiet -p lienthong-conformance --bin lienthong-conformance-regen -- --check
cargo build --quiet -p lienthong-cli
bin=${CARGO_TARGET_DIR:-$PWD/target}/debug/lienthong
case "$bin" in /*) ;; *) bin=$PWD/$bin ;; esac
check_money=$PWD/conformance/tools/check_money.py
keys=$PWD/conformance/tests/keys
traffic=$PWD/conformance/gateway/example-traffic.json
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

pass=0; fail=0
check() {
  local what=$1; shift
  if "$@" >"$tmp/last.log" 2>&1; then pass=$((pass+1)); else
    echo "FAILED: $what"; sed 's/^/    /' "$tmp/last.log" | tail -n 20; fail=$((fail+1)); fi
}
expect_exit() { local want=$1; shift; set +e; "$@"; local got=$?; set -e; [ "$got" -eq "$want" ] || { echo "exit $got, wanted $want: $*"; return 1; }; }

check "references: money recomputed independently (xml130.md §4.2, §4.3)" python3 "$check_money" "$bin"
check "list" "$bin" conformance list
check "list --format json" bash -c "'$bin' conformance list --format json | grep -q '\"suite_version\"'"
check "export" "$bin" conformance export cases
n=$(ls cases | wc -l)
check "at least 40 cases exported" test "$n" -ge 40

# The vendor's folder: Lienthong's own reference, signed where the case requires it.
mkdir vendor
for d in cases/*/; do
  id=$(basename "$d")
  if grep -q '"signature_required": true' "$d/case.json"; then
    "$bin" sign --key "$keys/vendor.key.pem" --cert "$keys/vendor.crt.pem" -o "vendor/$id.xml" "$d/expected.xml" 2>/dev/null
  else
    cp "$d/expected.xml" "vendor/$id.xml"
  fi
done
check "run: every case passes (exit 0)" "$bin" conformance run --input vendor --json r.json --junit r.xml --html r.html
check "reports name the suite version" grep -q '"suite_version"' r.json
check "JUnit report" grep -q '<testsuites name="lienthong-conformance"' r.xml
check "HTML report" grep -q 'Lienthong' r.html

# One case missing: skipped, exit 1.
mv vendor/VN130-XML1-001.xml saved.xml
check "a missing file is skipped (exit 1)" expect_exit 1 "$bin" conformance run --input vendor --case VN130-XML1-001
mv saved.xml vendor/VN130-XML1-001.xml
# One byte changed in a check-in document: exactly that case fails.
sed -i 's#<MA_LOAI_KCB>03</MA_LOAI_KCB>#<MA_LOAI_KCB>04</MA_LOAI_KCB>#' vendor/VN130-XML0-002.xml
set +e; "$bin" conformance run --input vendor > run.txt; got=$?; set -e
check "a changed field fails (exit 1)" test "$got" -eq 1
check "exactly one case fails" grep -q "$((n - 1)) passed, 1 failed" run.txt
check "the diff names the field" grep -q 'XML0 MA_LK=79999.NT250303.0020 STT=1 MA_LOAI_KCB' run.txt
check "an unknown case id cannot run (exit 2)" expect_exit 2 "$bin" conformance run --input vendor --case VN130-NOPE-001

check "gateway: example log conforms" "$bin" conformance gateway --traffic "$traffic" --correction 79999.KB250310.0001
sed 's#"maTinh": "79"#"maTinh": "01"#' "$traffic" > bad.json
check "gateway: a wrong maTinh is a breach (exit 1)" expect_exit 1 "$bin" conformance gateway --traffic bad.json
check "gateway: JSON output" bash -c "'$bin' conformance gateway --traffic bad.json --format json | grep -q gw.form_fields"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
