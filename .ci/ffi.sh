#!/usr/bin/env bash
# The C library (ffi/): builds it, checks that the committed header is the generated one, compiles
# the C examples and the C API tests with -Wall -Wextra -Werror, runs them (also under valgrind),
# and checks that the C example finds what `lienthong validate` finds in every fixture. The gateway
# part (test_gateway.c, submit_visit.c) runs against `lienthong sandbox serve` (HTTP and HTTPS),
# started in the background on free loopback ports and stopped on exit.
#
#   bash .ci/ffi.sh                  # the checks
#   bash .ci/ffi.sh --update-header  # regenerate ffi/include/lienthong.h, then the checks
#
# Needs gcc, g++, valgrind, python3 and cbindgen 0.29.4; cbindgen is installed with cargo, and
# valgrind (and JNA, for the Java snippet) with apt-get, when missing. The Java (JNA) and C# (Mono)
# snippets of the guide run when javac or mcs/mono are there.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
# The C API test makes the library panic on purpose; keep the panic messages short.
export RUST_BACKTRACE=0

CBINDGEN_VERSION=0.29.4
root=$PWD
target=${CARGO_TARGET_DIR:-$root/target}
lib=$target/debug
out=$target/ffi-test
mkdir -p "$out"
tmp=$(mktemp -d)
sandbox_pids=()
cleanup() {
    for p in "${sandbox_pids[@]}"; do kill "$p" 2>/dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT

# Installs Debian packages when a command or file is missing and apt-get can run (CI is root).
apt_install() {
    if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
        [ -n "${apt_updated:-}" ] || { apt-get update -qq >/dev/null; apt_updated=1; }
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
    fi
}
command -v valgrind >/dev/null || apt_install valgrind

echo "-- cbindgen $CBINDGEN_VERSION"
if [ "$(cbindgen --version 2>/dev/null)" != "cbindgen $CBINDGEN_VERSION" ]; then
    cargo install --quiet --locked cbindgen --version "$CBINDGEN_VERSION"
fi

echo "-- build liblienthong_ffi and the lienthong command"
cargo build --quiet --locked -p lienthong-ffi -p lienthong-cli

echo "-- the committed header is the generated one"
if [ "${1:-}" = "--update-header" ]; then
    (cd ffi && cbindgen --quiet --config cbindgen.toml --output include/lienthong.h)
fi
(cd ffi && cbindgen --quiet --config cbindgen.toml --output "$tmp/lienthong.h")
if ! diff -u ffi/include/lienthong.h "$tmp/lienthong.h"; then
    echo "ffi/include/lienthong.h is out of date: run bash .ci/ffi.sh --update-header" >&2
    exit 1
fi

echo "-- compile the examples and the API test"
cflags=(-std=c11 -Wall -Wextra -Werror -g -I ffi/include)
dyn=(-L "$lib" -llienthong_ffi "-Wl,-rpath,$lib")
gcc "${cflags[@]}" examples/c/validate.c -o "$out/validate" "${dyn[@]}"
gcc "${cflags[@]}" examples/c/build_visit.c -o "$out/build_visit" "${dyn[@]}"
gcc "${cflags[@]}" examples/c/conformance_runner.c -o "$out/conformance_runner" "${dyn[@]}"
gcc "${cflags[@]}" -pthread ffi/tests/c/test_api.c -o "$out/test_api" "${dyn[@]}"
gcc "${cflags[@]}" examples/c/submit_visit.c -o "$out/submit_visit" "${dyn[@]}"
gcc "${cflags[@]}" -pthread ffi/tests/c/test_gateway.c -o "$out/test_gateway" "${dyn[@]}"
# The static library links too (with the system libraries Rust's std needs, and OpenSSL, which the
# gateway client's TLS uses on Linux).
gcc "${cflags[@]}" -pthread ffi/tests/c/test_api.c -o "$out/test_api_static" \
    "$lib/liblienthong_ffi.a" -lssl -lcrypto -lpthread -ldl -lm
# A signer whose key stays in a "device" (OpenSSL standing in for a USB token or HSM).
has_openssl() { gcc -E -x c - <<<'#include <openssl/evp.h>' >/dev/null 2>&1; }
rm -f "$out/test_device_signer"
has_openssl || apt_install libssl-dev || true
if has_openssl; then
    gcc "${cflags[@]}" ffi/tests/c/test_device_signer.c -o "$out/test_device_signer" "${dyn[@]}" -lcrypto
fi
# The C program of the vendor guide compiles.
python3 - "$tmp/guide.c" <<'PY'
import re, sys
text = open("docs/ffi/guide.md", encoding="utf-8").read()
open(sys.argv[1], "w").write(re.search(r"A minimal C program:\n\n```c\n(.*?)```", text, re.S).group(1))
PY
gcc "${cflags[@]}" "$tmp/guide.c" -o "$out/guide" "${dyn[@]}"
# The header is valid C++ as well, and C99.
g++ -std=c++11 -Wall -Wextra -Werror -fsyntax-only -x c++ -I ffi/include - <<<'#include "lienthong.h"'
gcc -std=c99 -Wall -Wextra -Werror -pedantic -fsyntax-only -x c -I ffi/include - <<<'#include "lienthong.h"'

echo "-- run them"
"$out/test_api" "$root" 2>"$tmp/panics.txt"
"$out/test_api_static" "$root" 2>/dev/null
grep -q "lienthong_test_panic was called" "$tmp/panics.txt"
"$out/guide" fixtures/ffi/bom.xml | grep -q "doc.bom"
if [ -x "$out/test_device_signer" ]; then "$out/test_device_signer" "$root"; else echo "test_device_signer: skipped (no OpenSSL headers)"; fi
LIENTHONG_KEY_PASSWORD=lienthong-test "$out/build_visit" sdk/tests/fixtures/sign/modern.p12 "$out/visit.xml"
"$out/validate" "$out/visit.xml" | tee "$tmp/v.txt"
[ "$(tail -n 1 "$tmp/v.txt")" = "0 errors, 0 warnings" ]
"$target/debug/lienthong" validate "$out/visit.xml" >/dev/null
set +e
"$out/validate" fixtures/ffi/findings.xml >"$tmp/f.txt"; rc=$?
set -e
[ "$rc" -eq 1 ] || { echo "validate exited $rc on a file with errors" >&2; exit 1; }
grep -Eq '^[0-9]+ errors, [0-9]+ warnings$' <(tail -n 1 "$tmp/f.txt")
if "$out/validate" no/such/file.xml 2>/dev/null; then exit 1; fi

echo "-- the C conformance runner"
# What a conforming vendor produces: each reference, signed where the case asks for it.
vendor=$tmp/vendor
mkdir -p "$vendor"
for case in conformance/cases/*/; do
    id=$(basename "$case")
    [ -f "$case/expected.xml" ] || continue
    if grep -Eq '"signature_required": *true' "$case/case.json"; then
        "$target/debug/lienthong" sign "$case/expected.xml" --key conformance/tests/keys/vendor.key.pem \
            --cert conformance/tests/keys/vendor.crt.pem -o "$vendor/$id.xml" 2>/dev/null
    else
        cp "$case/expected.xml" "$vendor/$id.xml"
    fi
done
"$out/conformance_runner" conformance/cases "$vendor" >"$tmp/conf.txt" \
    || { cat "$tmp/conf.txt" >&2; echo "conformance_runner failed on the references" >&2; exit 1; }
tail -n 1 "$tmp/conf.txt"
# One element changed inside the XML1 (base64) of one unsigned envelope case: exactly that case
# fails, naming the element.
changed=$tmp/vendor-changed
cp -r "$vendor" "$changed"
changed_id=$(python3 - conformance/cases "$changed" <<'PY'
import base64, re, sys
from pathlib import Path
cases, vendor = Path(sys.argv[1]), Path(sys.argv[2])
target = next(p for p in sorted(cases.iterdir())
              if (p / "expected.xml").is_file()
              and b"<GIAMDINHHS" in (p / "expected.xml").read_bytes()[:512]
              and b"<CHUKYDONVI/>" in (p / "expected.xml").read_bytes())
out = vendor / f"{target.name}.xml"
text = out.read_text(encoding="utf-8")
m = re.search(r"<LOAIHOSO>XML1</LOAIHOSO>\s*<NOIDUNGFILE>([^<]+)</NOIDUNGFILE>", text)
xml1 = base64.b64decode(m.group(1)).decode("utf-8")
xml1, n = re.subn(r"<MA_BN>([^<]*)</MA_BN>", r"<MA_BN>\g<1>9</MA_BN>", xml1, count=1)
assert n == 1
encoded = base64.b64encode(xml1.encode("utf-8")).decode("ascii")
out.write_text(text[: m.start(1)] + encoded + text[m.end(1) :], encoding="utf-8")
print(target.name)
PY
)
set +e
"$out/conformance_runner" conformance/cases "$changed" >"$tmp/conf-changed.txt"; rc=$?
set -e
[ "$rc" -eq 1 ] && [ "$(grep -Ec '^(FAIL|ERROR|SKIP) ' "$tmp/conf-changed.txt")" -eq 1 ] \
    && grep -q "^FAIL $changed_id\$" "$tmp/conf-changed.txt" \
    && grep -Eq '^  .*/XML1\[0\] MA_BN: expected ' "$tmp/conf-changed.txt" \
    || { cat "$tmp/conf-changed.txt" >&2; echo "conformance_runner: exit $rc on a changed MA_BN" >&2; exit 1; }
grep -A1 "^FAIL $changed_id\$" "$tmp/conf-changed.txt"

echo "-- the gateway and the outbox, against lienthong sandbox serve"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() {
    for _ in $(seq 1 100); do
        python3 -c "import socket; socket.create_connection(('127.0.0.1',$1),0.2)" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "the sandbox did not start on port $1" >&2; return 1
}
port=$(free_port)
"$target/debug/lienthong" sandbox serve --port "$port" >"$tmp/serve.log" 2>&1 & sandbox_pids+=($!)
tport=$(free_port)
"$target/debug/lienthong" sandbox serve --port "$tport" --tls --cert-out "$tmp/ca.pem" \
    >"$tmp/serve-tls.log" 2>&1 & sandbox_pids+=($!)
wait_port "$port"
wait_port "$tport"
for _ in $(seq 1 50); do [ -s "$tmp/ca.pem" ] && break; sleep 0.1; done
gw="http://127.0.0.1:$port"
"$target/debug/lienthong" gen --hoso 3 --seed 41 --facility 99001 -o "$tmp/gw-visits.xml"
gw_args=("$gw" "$tmp/gw-visits.xml" "https://localhost:$tport" "$tmp/ca.pem")
"$out/test_gateway" "${gw_args[@]}"
export LIENTHONG_GATEWAY_PASSWORD=sandbox-password
LIENTHONG_KEY_PASSWORD=lienthong-test "$out/submit_visit" sdk/tests/fixtures/sign/modern.p12 "$gw" \
    | tee "$tmp/submit.txt"
grep -Eq '^MA_LK [^ ]+: accepted, maGiaoDich [^ ,]+' "$tmp/submit.txt"
grep -q '^card check: 000 ' "$tmp/submit.txt"
# Over HTTPS, trusting the sandbox's CA.
LIENTHONG_KEY_PASSWORD=lienthong-test "$out/submit_visit" sdk/tests/fixtures/sign/modern.p12 \
    "https://localhost:$tport" "$tmp/ca.pem" >/dev/null
# A wrong gateway password: exit 1, and the password is not printed.
set +e
LIENTHONG_GATEWAY_PASSWORD=Zq9-wrong LIENTHONG_KEY_PASSWORD=lienthong-test \
    "$out/submit_visit" sdk/tests/fixtures/sign/modern.p12 "$gw" >"$tmp/pw.txt" 2>&1; rc=$?
set -e
[ "$rc" -eq 1 ] && ! grep -q Zq9 "$tmp/pw.txt" && grep -q "status 5005, gateway code 401" "$tmp/pw.txt" \
    || { cat "$tmp/pw.txt" >&2; echo "submit_visit with a wrong password: exit $rc" >&2; exit 1; }

echo "-- under valgrind"
vg() {
    local want=$1; shift
    local log=$tmp/valgrind.log
    set +e
    valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect \
        --log-file="$log" "$@" >/dev/null 2>&1
    local rc=$?
    set -e
    # A program that exits 1 on purpose (errors found) is told apart from valgrind's own
    # --error-exitcode=1 by the error summary.
    if [ "$rc" -ne "$want" ] || ! grep -q "ERROR SUMMARY: 0 errors" "$log"; then
        cat "$log" >&2
        echo "valgrind: $* exited $rc (wanted $want)" >&2
        exit 1
    fi
    echo "$(basename "$1"): $(grep -Eo '(definitely|indirectly|possibly) lost: [0-9,]+ bytes' "$log" | paste -sd, - || echo 'no leaks'), $(grep -o 'ERROR SUMMARY: [0-9]* errors' "$log")"
}
vg 0 "$out/test_api" "$root"
if [ -x "$out/test_device_signer" ]; then vg 0 "$out/test_device_signer" "$root"; fi
LIENTHONG_KEY_PASSWORD=lienthong-test vg 0 "$out/build_visit" sdk/tests/fixtures/sign/modern.p12
vg 0 "$out/validate" fixtures/ffi/clean.xml "$out/visit.xml"
vg 0 "$out/conformance_runner" conformance/cases "$vendor"
vg 1 "$out/conformance_runner" conformance/cases "$changed"
vg 0 "$out/test_gateway" "${gw_args[@]}"
LIENTHONG_KEY_PASSWORD=lienthong-test vg 0 "$out/submit_visit" sdk/tests/fixtures/sign/modern.p12 "$gw"
vg 1 "$out/validate" fixtures/ffi/findings.xml fixtures/ffi/broken.xml fixtures/ffi/bom.xml
vg 1 "$out/validate" --json fixtures/ffi/findings.xml

echo "-- the C library finds what the command line finds"
python3 ffi/tests/same_findings.py "$out/validate" "$target/debug/lienthong" fixtures sdk/tests/fixtures

echo "-- Java (JNA) and C# (P/Invoke) snippets of docs/ffi/guide.md"
if command -v javac >/dev/null; then
    [ -n "${JNA_JAR:-}" ] || [ -f /usr/share/java/jna.jar ] || apt_install libjna-java || true
    jna=${JNA_JAR:-/usr/share/java/jna.jar}
    if [ -f "$jna" ]; then
        javac -d "$tmp/java" -cp "$jna" docs/ffi/java/Validate.java
        set +e
        java -cp "$tmp/java:$jna" -Djna.library.path="$lib" Validate fixtures/ffi/findings.xml \
            fixtures/ffi/clean.xml >"$tmp/java.txt"; rc=$?
        set -e
        [ "$rc" -eq 1 ] || { echo "java: exit $rc, wanted 1" >&2; exit 1; }
        diff <(tail -n 1 "$tmp/java.txt") <(tail -n 1 "$tmp/f.txt")
        echo "java: $(tail -n 1 "$tmp/java.txt")"
    else
        echo "java: skipped (no JNA jar; set JNA_JAR)"
    fi
else
    echo "java: skipped (no javac)"
fi
if command -v mcs >/dev/null && command -v mono >/dev/null; then
    mcs -out:"$tmp/Validate.exe" docs/ffi/csharp/Validate.cs >/dev/null
    set +e
    LD_LIBRARY_PATH="$lib" mono "$tmp/Validate.exe" fixtures/ffi/findings.xml \
        fixtures/ffi/clean.xml >"$tmp/cs.txt"; rc=$?
    set -e
    [ "$rc" -eq 1 ] || { echo "c#: exit $rc, wanted 1" >&2; exit 1; }
    diff <(tail -n 1 "$tmp/cs.txt") <(tail -n 1 "$tmp/f.txt")
    echo "c#: $(tail -n 1 "$tmp/cs.txt")"
else
    echo "c#: skipped (no mcs/mono; apt-get install mono-mcs mono-runtime to run it)"
fi

echo "-- ffi checks passed"
