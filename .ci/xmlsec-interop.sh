#!/usr/bin/env bash
# Interoperability of Lienthong's XMLDSig signatures with xmlsec1 (the reference implementation
# on libxml2/OpenSSL): xmlsec1 accepts what `lienthong sign` makes (GIAMDINHHS envelope,
# check-in and XML12 documents), `lienthong verify` accepts what `xmlsec1 --sign` makes from a
# template (an empty Signature inside CHUKYDONVI), and both reject a one-character change.
# Installs xmlsec1 from Debian packages when missing (CI runs as root); makes throw-away
# certificates with openssl at run time. Ends with "N passed, M failed".
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v xmlsec1 >/dev/null; then
  apt-get update -qq && apt-get install -y -qq xmlsec1 >/dev/null
fi
cargo build --quiet --release -p lienthong-cli
bin=${CARGO_TARGET_DIR:-$PWD/target}/release/lienthong
case "$bin" in /*) ;; *) bin=$PWD/$bin ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

pass=0; fail=0
check() {
  local what=$1; shift
  if "$@" >"$tmp/last.log" 2>&1; then pass=$((pass+1)); else
    echo "FAILED: $what"; sed 's/^/    /' "$tmp/last.log" | tail -n 15; fail=$((fail+1)); fi
}
refuse() { ! "$@"; }
expect_exit() { local want=$1; shift; set +e; "$@"; local got=$?; set -e; [ "$got" -eq "$want" ] || { echo "exit $got, wanted $want: $*"; return 1; }; }

# Throw-away keys: a CA, and a facility certificate it issued, in PEM and PKCS#12.
export LIENTHONG_TEST_KEY_PASSWORD="interop-$RANDOM$RANDOM"
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -utf8 \
  -subj "/C=VN/O=CA Thử Nghiệm/CN=Interop Test CA" \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout facility.key -out facility.csr -utf8 \
  -subj "/C=VN/O=Bệnh viện Mẫu/CN=Bệnh viện Mẫu" 2>/dev/null
printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n' > ext
openssl x509 -req -in facility.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
  -extfile ext -out facility.pem 2>/dev/null
openssl pkcs12 -export -inkey facility.key -in facility.pem -certfile ca.pem \
  -passout env:LIENTHONG_TEST_KEY_PASSWORD -out facility.p12

# The three documents (invented data).
"$bin" gen --hoso 3 --seed 7 -o envelope.xml
cat > checkin.xml <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<CHI_TIEU_TRANG_THAI_KCB>
  <DSACH_TRANG_THAI_KCB>
    <TRANG_THAI_KCB>
      <MA_LK>79001.250308.0000001</MA_LK>
      <STT>1</STT>
      <MA_BN>BN00000001</MA_BN>
      <HO_TEN><![CDATA[Nguyễn Văn Mẫu]]></HO_TEN>
      <NGAY_SINH>199001010000</NGAY_SINH>
      <GIOI_TINH>1</GIOI_TINH>
      <MA_CSKCB>79001</MA_CSKCB>
      <NGAY_VAO>202503080800</NGAY_VAO>
    </TRANG_THAI_KCB>
  </DSACH_TRANG_THAI_KCB>
  <CHUKYDONVI/>
</CHI_TIEU_TRANG_THAI_KCB>
XML
cat > xml12.xml <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<CHI_TIEU_GIAM_DINH_YKHOA>
  <DSACH_GIAM_DINH_YKHOA>
    <GIAM_DINH_YKHOA>
      <NGUOI_CHU_TRI><![CDATA[Trần Thị Mẫu]]></NGUOI_CHU_TRI>
      <CHUC_VU>1</CHUC_VU>
      <NGAY_HOP>20250301</NGAY_HOP>
      <HO_TEN><![CDATA[Nguyễn Văn Mẫu]]></HO_TEN>
      <KET_QUA_KHAM><![CDATA[Kết quả & ghi chú <mẫu>]]></KET_QUA_KHAM>
    </GIAM_DINH_YKHOA>
  </DSACH_GIAM_DINH_YKHOA>
  <CHUKYDONVI/>
</CHI_TIEU_GIAM_DINH_YKHOA>
XML

# One base64/text character changed after signing (inside the first table or value).
tamper() {
  python3 - "$1" "$2" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
for tag in ("<NOIDUNGFILE>", "<MA_LK>", "<NGAY_HOP>"):
    i = s.find(tag)
    if i >= 0:
        break
i += len(tag) + 5
s = s[:i] + ("B" if s[i] != "B" else "C") + s[i + 1:]
open(sys.argv[2], "w", encoding="utf-8").write(s)
PY
}

# Only CHUKYDONVI's content differs between a file and its signed form.
same_outside() {
  python3 - "$1" "$2" <<'PY'
import sys
a = open(sys.argv[1], "rb").read(); b = open(sys.argv[2], "rb").read()
i = a.rfind(b"<CHUKYDONVI"); j = b.rfind(b"<CHUKYDONVI")
ta = a[a.find(b"/>", i) + 2:]; tb = b[b.rfind(b"</CHUKYDONVI>") + len(b"</CHUKYDONVI>"):]
sys.exit(0 if a[:i] == b[:j] and i == j and ta == tb else 1)
PY
}

# Puts a signature template in place of <CHUKYDONVI/>.
with_template() {
  python3 - "$1" "$2" "$3" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
assert "<CHUKYDONVI/>" in s
open(sys.argv[3], "w", encoding="utf-8").write(s.replace("<CHUKYDONVI/>", sys.argv[2]))
PY
}

template='<CHUKYDONVI><Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo><CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/><SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><Reference URI=""><Transforms><Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/></Transforms><DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><DigestValue/></Reference></SignedInfo><SignatureValue/><KeyInfo><X509Data/></KeyInfo></Signature></CHUKYDONVI>'
exc_template='<CHUKYDONVI><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue/></ds:Reference></ds:SignedInfo><ds:SignatureValue/><ds:KeyInfo><ds:X509Data/></ds:KeyInfo></ds:Signature></CHUKYDONVI>'

for doc in envelope checkin xml12; do
  # Lienthong signs (PKCS#12, then PEM), xmlsec1 verifies against the CA.
  check "$doc: lienthong sign (PKCS#12)" \
    "$bin" sign "$doc.xml" --key facility.p12 --password-env LIENTHONG_TEST_KEY_PASSWORD -o "$doc.signed.xml"
  check "$doc: lienthong sign (PEM)" \
    "$bin" sign "$doc.xml" --key facility.key --cert facility.pem -o "$doc.pem-signed.xml"
  check "$doc: PKCS#12 and PEM give the same file" cmp "$doc.signed.xml" "$doc.pem-signed.xml"
  check "$doc: nothing changed outside CHUKYDONVI" same_outside "$doc.xml" "$doc.signed.xml"
  check "$doc: xmlsec1 --verify accepts Lienthong's signature" \
    xmlsec1 --verify --trusted-pem ca.pem "$doc.signed.xml"
  check "$doc: lienthong verify accepts its own signature" expect_exit 0 "$bin" verify "$doc.signed.xml"
  tamper "$doc.signed.xml" "$doc.signed.tampered.xml"
  check "$doc: xmlsec1 rejects a one-character change" \
    refuse xmlsec1 --verify --trusted-pem ca.pem "$doc.signed.tampered.xml"
  check "$doc: lienthong rejects a one-character change" \
    expect_exit 1 "$bin" verify "$doc.signed.tampered.xml"

  # xmlsec1 signs from a template, Lienthong verifies.
  with_template "$doc.xml" "$template" "$doc.tmpl.xml"
  check "$doc: xmlsec1 --sign" xmlsec1 --sign --pkcs12 facility.p12 \
    --pwd "$LIENTHONG_TEST_KEY_PASSWORD" --output "$doc.xmlsec.xml" "$doc.tmpl.xml"
  check "$doc: lienthong verify accepts xmlsec1's signature" \
    expect_exit 0 "$bin" verify "$doc.xmlsec.xml"
  check "$doc: lienthong verify --format json reports it valid" python3 -c "
import json, subprocess, sys
r = json.loads(subprocess.run([sys.argv[1], 'verify', '--format', 'json', sys.argv[2]], capture_output=True, text=True).stdout)
assert r['valid'] and r['digest_ok'] and r['signature_ok'] and r['covers_whole_document'], r
assert r['certificate']['subject'].endswith('CN=Bệnh viện Mẫu'), r['certificate']" "$bin" "$doc.xmlsec.xml"
  tamper "$doc.xmlsec.xml" "$doc.xmlsec.tampered.xml"
  check "$doc: lienthong rejects a one-character change to xmlsec1's file" \
    expect_exit 1 "$bin" verify "$doc.xmlsec.tampered.xml"
  check "$doc: xmlsec1 rejects the same change" \
    refuse xmlsec1 --verify --trusted-pem ca.pem "$doc.xmlsec.tampered.xml"

  # Another profile from xmlsec1: prefixed ds:, exclusive canonicalization.
  with_template "$doc.xml" "$exc_template" "$doc.exc-tmpl.xml"
  check "$doc: xmlsec1 --sign (exclusive c14n)" xmlsec1 --sign --pkcs12 facility.p12 \
    --pwd "$LIENTHONG_TEST_KEY_PASSWORD" --output "$doc.exc.xml" "$doc.exc-tmpl.xml"
  check "$doc: lienthong verify accepts it" expect_exit 0 "$bin" verify "$doc.exc.xml"
  # Lienthong re-signs a file xmlsec1 signed: xmlsec1 accepts the new signature.
  check "$doc: lienthong re-signs xmlsec1's file" \
    "$bin" sign "$doc.exc.xml" --key facility.p12 --password-env LIENTHONG_TEST_KEY_PASSWORD -o "$doc.resigned.xml"
  check "$doc: xmlsec1 accepts the re-signed file" \
    xmlsec1 --verify --trusted-pem ca.pem "$doc.resigned.xml"
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
