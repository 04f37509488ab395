from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import lienthong


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test key")
    d = tmp_path_factory.mktemp("keys")

    def run(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=d, check=True, capture_output=True)

    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem",
        "-days", "2", "-subj", "/C=VN/O=Benh vien thu nghiem/CN=79001")
    run("pkcs12", "-export", "-inkey", "key.pem", "-in", "cert.pem", "-out", "facility.p12",
        "-passout", "pass:secret")
    return d


def test_sign_and_verify_pkcs12(keys: Path) -> None:
    data = lienthong.gen(hoso=2, seed=1)
    signed = lienthong.sign(data, keys / "facility.p12", "secret")
    assert signed != data
    v = lienthong.verify(signed)
    assert v.valid and v.acceptable and bool(v)
    assert v.document == "envelope"
    assert v.certificate is not None and "79001" in v.certificate["subject"]
    # The tables read the same before and after signing.
    assert list(lienthong.read(signed)) == list(lienthong.read(data))
    assert lienthong.validate(signed).ok


def test_sign_pem(keys: Path, tmp_path: Path) -> None:
    src = tmp_path / "visits.xml"
    src.write_bytes(lienthong.gen(hoso=1, seed=2))
    signed = lienthong.sign(src, keys / "key.pem", cert_path=keys / "cert.pem")
    assert lienthong.verify(signed).valid


def test_tampered_is_invalid(keys: Path) -> None:
    signed = lienthong.sign(lienthong.gen(hoso=1, seed=3), keys / "facility.p12", "secret")
    tampered = signed.replace(b"<NGAYLAP>", b"<NGAYLAP>1", 1).replace(b"<NGAYLAP>1", b"<NGAYLAP>", 1)
    assert lienthong.verify(tampered).valid
    tampered = signed.replace(b"79001", b"79002", 1)
    v = lienthong.verify(tampered)
    assert not v.valid and not v.digests_ok


def test_wrong_password(keys: Path) -> None:
    with pytest.raises(lienthong.KeyFileError) as info:
        lienthong.sign(lienthong.gen(hoso=1), keys / "facility.p12", "wrong")
    assert isinstance(info.value, lienthong.SignatureError)
    assert "secret" not in str(info.value)


def test_unsigned_file() -> None:
    with pytest.raises(lienthong.SignatureError):
        lienthong.verify(lienthong.gen(hoso=1))


def test_missing_key_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        lienthong.sign(lienthong.gen(hoso=1), tmp_path / "none.p12", "x")
