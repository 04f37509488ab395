#!/usr/bin/env bash
# End-to-end checks of the lienthong command: the README commands, exit codes, round trips.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release -p lienthong-cli
bin=target/release/lienthong
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
check() { if "$@"; then pass=$((pass+1)); else echo "FAILED: $*"; fail=$((fail+1)); fi; }
expect_exit() { local want=$1; shift; set +e; "$@" >/dev/null 2>&1; local got=$?; set -e; [ "$got" -eq "$want" ] || { echo "exit $got, wanted $want: $*"; return 1; }; }

check "$bin" --version
# The rule catalogue in the repository is the one the binary prints.
check bash -c "\"$bin\" rules list --format markdown | cmp - docs/rules/catalog.md"
check bash -c "\"$bin\" rules list --format json | python3 -c 'import json,sys; r=json.load(sys.stdin); assert len(r) > 100 and all(x[\"description_vi\"] for x in r)'"
check "$bin" demo --hoso 300
check "$bin" gen --hoso 200 --seed 11 -o "$tmp/v.xml"
check expect_exit 0 "$bin" validate "$tmp/v.xml"
check expect_exit 0 "$bin" validate --format json -o "$tmp/r.json" "$tmp/v.xml"
check python3 -c "import json,sys; r=json.load(open('$tmp/r.json')); assert r['summary']=={'files':1,'hoso':200,'errors':0,'warnings':0}, r['summary']"
check "$bin" convert "$tmp/v.xml" --to json -o "$tmp/v.json"
check "$bin" convert "$tmp/v.json" --to xml -o "$tmp/back.xml"
# Converting a signed file warns when the rewritten file no longer verifies, and only then.
export LT_E2E_PW=lienthong-test
key=(--key sdk/tests/fixtures/sign/modern.p12 --password-env LT_E2E_PW)
sed 's#^    <MACSKCB>#      <MACSKCB>#' "$tmp/v.xml" > "$tmp/indent.xml"
check "$bin" sign "$tmp/indent.xml" "${key[@]}" -o "$tmp/indent.signed.xml"
check bash -c "\"$bin\" convert \"$tmp/indent.signed.xml\" --to xml -o \"$tmp/o1.xml\" 2>&1 | grep -q 'no longer verifies'"
check "$bin" sign "$tmp/v.xml" "${key[@]}" -o "$tmp/v.signed.xml"
check bash -c "! \"$bin\" convert \"$tmp/v.signed.xml\" --to xml -o \"$tmp/o2.xml\" 2>&1 | grep -q 'no longer verifies'"
check cmp "$tmp/v.xml" "$tmp/back.xml"
# A broken file: errors found (1), reported in JSON with the contract's keys.
sed 's#<SOLUONGHOSO>200</SOLUONGHOSO>#<SOLUONGHOSO>200</SOLUONGHOSO><BAD/>#' "$tmp/v.xml" > "$tmp/bad.xml"
check expect_exit 1 "$bin" validate "$tmp/bad.xml"
set +e; "$bin" validate --format json "$tmp/bad.xml" > "$tmp/bad.json"; set -e
check python3 -c "
import json; r=json.load(open('$tmp/bad.json')); i=r['files'][0]['issues'][0]
assert set(i)>={'rule','severity','table','ma_lk','stt','field','path','line','column','message_vi','message_en','hint'}, i
assert i['rule']=='parse.unexpected_element' and i['line']==8, i"
# JUnit and HTML reports of the broken file.
set +e; "$bin" validate --format junit -o "$tmp/bad.junit.xml" "$tmp/bad.xml"; "$bin" validate --format html -o "$tmp/bad.html" "$tmp/bad.xml"; set -e
check python3 -c "
import xml.etree.ElementTree as E; r=E.parse('$tmp/bad.junit.xml').getroot()
assert r.tag=='testsuites' and r.get('failures')=='1', r.attrib"
check grep -q "parse.unexpected_element" "$tmp/bad.html"
# The command could not run (2): a missing file.
check expect_exit 2 "$bin" validate "$tmp/missing.xml"
# The Rust example builds the worked visit of the research notes; its output validates clean.
check cargo run --quiet --release -p lienthong --example build_visit -- "$tmp/visit.xml"
check expect_exit 0 "$bin" validate "$tmp/visit.xml"
check expect_exit 1 "$bin" convert "$tmp/bad.xml" --to json -o "$tmp/x.json"
# Streaming: a 1 GB file through validate in flat memory (under 64 MB).
check python3 .ci/memory-check.py "$bin"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
