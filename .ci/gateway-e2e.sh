#!/usr/bin/env bash
# The gateway commands end to end: `lienthong sandbox serve` (HTTP and HTTPS) in the background,
# then `submit`, `checkin`, `outbox` and `card check` against it over loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release -p lienthong-cli
bin=$PWD/target/release/lienthong
tmp=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT
pass=0; fail=0
check() { if "$@"; then pass=$((pass+1)); else echo "FAILED: $*"; fail=$((fail+1)); fi; }
expect_exit() { local want=$1; shift; set +e; "$@" >"$tmp/last.out" 2>"$tmp/last.err"; local got=$?; set -e; [ "$got" -eq "$want" ] || { echo "exit $got, wanted $want: $*"; cat "$tmp/last.err"; return 1; }; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 100); do python3 -c "import socket; socket.create_connection(('127.0.0.1',$1),0.2)" 2>/dev/null && return 0; sleep 0.1; done; return 1; }

port=$(free_port)
"$bin" sandbox serve --port "$port" > "$tmp/serve.log" 2>&1 & pids+=($!)
check wait_port "$port"
gw="http://127.0.0.1:$port"
export LIENTHONG_PASSWORD=sandbox-password
export KEY_PASSWORD=lienthong-test
key=sdk/tests/fixtures/sign/modern.p12

"$bin" gen --hoso 5 --seed 41 --facility 99001 -o "$tmp/v.xml"
# Submit, signed, through a fresh outbox: every visit accepted with a transaction id.
check expect_exit 0 "$bin" submit "$tmp/v.xml" --gateway "$gw" --outbox "$tmp/o.sqlite" \
    --sign-key "$key" --sign-password-env KEY_PASSWORD --format json
check python3 -c "
import json; r=json.load(open('$tmp/last.out'))['results']
assert len(r)==5 and all(x['status']=='accepted' and x['ma_giao_dich'] for x in r), r
assert set(r[0])=={'file','ma_lk','status','ma_giao_dich','code','message'}, r[0]"
ma_lk=$(python3 -c "import json; print(json.load(open('$tmp/last.out'))['results'][0]['ma_lk'])")
# The same file again: the outbox knows these bytes, nothing is sent twice.
check expect_exit 0 "$bin" submit "$tmp/v.xml" --gateway "$gw" --outbox "$tmp/o.sqlite" \
    --sign-key "$key" --sign-password-env KEY_PASSWORD --format json
check python3 -c "
import json, urllib.request; s=json.load(urllib.request.urlopen('$gw/sandbox/submissions'))
assert len(s)==5, len(s)"
# Check-ins derived from the visits.
check expect_exit 0 "$bin" checkin "$tmp/v.xml" --gateway "$gw" --outbox "$tmp/o.sqlite"
# A visit with validation errors is not sent; with --force the gateway rejects it (124).
python3 - "$tmp/v.xml" "$tmp/bad.xml" <<'PY'
import base64, re, sys
src = open(sys.argv[1], encoding="utf-8").read()
def breaker(m):
    xml1 = base64.b64decode(m.group(1)).decode("utf-8")
    xml1 = re.sub(r"<NGAY_RA>\d+</NGAY_RA>", "<NGAY_RA>202001010000</NGAY_RA>", xml1)
    return "<LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>" + base64.b64encode(xml1.encode()).decode() + "</NOIDUNGFILE>"
out = re.sub(r"<LOAIHOSO>XML1</LOAIHOSO>\s*<NOIDUNGFILE>([^<]+)</NOIDUNGFILE>", breaker, src, count=1)
open(sys.argv[2], "w", encoding="utf-8").write(out)
PY
check expect_exit 1 "$bin" submit "$tmp/bad.xml" --gateway "$gw" --outbox "$tmp/o2.sqlite" --format json
check python3 -c "
import json; r=json.load(open('$tmp/last.out'))['results']
st=sorted(x['status'] for x in r); assert st.count('invalid')==1 and st.count('accepted')==4, st"
check expect_exit 1 "$bin" submit "$tmp/bad.xml" --gateway "$gw" --outbox "$tmp/o3.sqlite" --force --format json
check python3 -c "
import json; r=json.load(open('$tmp/last.out'))['results']
bad=[x for x in r if x['status']!='accepted']; assert len(bad)==1 and bad[0]['status']=='rejected' and bad[0]['code']=='124', r"
# The outbox: list and one MA_LK's history.
check expect_exit 0 "$bin" outbox list --outbox "$tmp/o.sqlite" --format json
check python3 -c "
import json; e=json.load(open('$tmp/last.out'))['entries']
assert len(e)==10 and all(x['state']=='accepted' for x in e), [x['state'] for x in e]"
check expect_exit 0 "$bin" outbox show "$ma_lk" --outbox "$tmp/o.sqlite"
check grep -q "maGiaoDich=" "$tmp/last.out"
check expect_exit 1 "$bin" outbox show NO-SUCH-MA-LK --outbox "$tmp/o.sqlite"
check expect_exit 0 "$bin" outbox send --outbox "$tmp/o.sqlite" --gateway "$gw"
# Card checks: a valid card (0) and an expired one (1); the clerk comes from the environment.
export LIENTHONG_OFFICER_NAME="Trần Thị Tiếp Đón" LIENTHONG_OFFICER_CCCD=000000000000
check expect_exit 0 "$bin" card check --ma-the HC4999912345678 --ho-ten "Nguyễn Văn Mẫu" \
    --ngay-sinh 01/01/1980 --gateway "$gw" --facility 99001 --format json
check grep -q '"code": "000"' "$tmp/last.out"
check expect_exit 1 "$bin" card check --ma-the HT3999900000010 --ho-ten "Nguyễn Văn Mẫu" \
    --ngay-sinh 01/01/1980 --gateway "$gw" --facility 99001
# Wrong password: the command cannot run (2), and the password never shows.
check bash -c "LIENTHONG_PASSWORD=Zq9-nope; export LIENTHONG_PASSWORD; set +e; \"$bin\" submit '$tmp/v.xml' --gateway '$gw' --outbox '$tmp/o4.sqlite' > /dev/null 2> '$tmp/pw.err'; [ \$? -eq 2 ] && ! grep -q Zq9 '$tmp/pw.err' && grep -q 401 '$tmp/pw.err'"
# Plain HTTP to a remote host is refused before anything is sent.
check expect_exit 2 "$bin" submit "$tmp/v.xml" --gateway http://egw.example.invalid --outbox "$tmp/o5.sqlite"
check grep -q "https" "$tmp/last.err"

# The conformance suite's gateway profile, read from the sandbox's own request log: the traffic
# above sent claims before their check-ins (a breach); a clean run checks in first.
check expect_exit 1 "$bin" conformance gateway --traffic "$gw"
check grep -q "gw.checkin_before_submit" "$tmp/last.out"
cport=$(free_port)
"$bin" sandbox serve --port "$cport" > "$tmp/serve-c.log" 2>&1 & pids+=($!)
check wait_port "$cport"
check expect_exit 0 "$bin" checkin "$tmp/v.xml" --gateway "http://127.0.0.1:$cport" --outbox "$tmp/c.sqlite"
check expect_exit 0 "$bin" submit "$tmp/v.xml" --gateway "http://127.0.0.1:$cport" --outbox "$tmp/c.sqlite"
check expect_exit 0 "$bin" conformance gateway --traffic "http://127.0.0.1:$cport"

# HTTPS: the sandbox's certificate must be trusted explicitly.
tport=$(free_port)
"$bin" sandbox serve --port "$tport" --tls --cert-out "$tmp/ca.pem" > "$tmp/serve-tls.log" 2>&1 & pids+=($!)
check wait_port "$tport"
check expect_exit 0 "$bin" submit "$tmp/v.xml" --gateway "https://localhost:$tport" --ca-cert "$tmp/ca.pem" --outbox "$tmp/t.sqlite"
check expect_exit 2 "$bin" submit "$tmp/v.xml" --gateway "https://localhost:$tport" --outbox "$tmp/t2.sqlite"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
