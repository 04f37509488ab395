"""The Gateway client and the Outbox against `lienthong sandbox serve` on loopback."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import lienthong

PASSWORD = "sandbox-password"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def sandbox(cli: str) -> Iterator[str]:
    port = _free_port()
    proc = subprocess.Popen(
        [cli, "sandbox", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_outbox_sends_every_visit_once(sandbox: str, tmp_path: Path) -> None:
    gw = lienthong.Gateway(sandbox, "99001", PASSWORD, max_attempts=3)
    assert PASSWORD not in repr(gw)
    outbox = lienthong.Outbox(tmp_path / "outbox.sqlite")
    data = lienthong.gen(hoso=3, seed=61, facility="99001")
    checkins = outbox.enqueue_checkins(data)
    claims = outbox.enqueue_claims(data)
    assert len(claims) == 3 and all(c["version"] == 1 for c in claims)
    assert all(c["duplicate"] for c in outbox.enqueue_claims(data))
    summary = outbox.dispatch(gw)
    assert summary["accepted"] == len(checkins) + len(claims)
    assert summary["left"] == 0
    entries = outbox.entries("accepted")
    assert len(entries) == len(checkins) + len(claims)
    assert all(e["ma_giao_dich"] for e in entries)
    history = outbox.history(claims[0]["ma_lk"])
    assert any(h["kind"] == "claim" and h["attempts_log"][0]["outcome"] == "accepted" for h in history)


def test_errors_are_typed_and_hold_no_password(sandbox: str) -> None:
    bad = lienthong.Gateway(sandbox, "99001", "Zq9-not-it", max_attempts=1)
    data = lienthong.gen(hoso=1, seed=62, facility="99001")
    with pytest.raises(lienthong.GatewayError) as e:
        bad.submit(data)
    assert isinstance(e.value, lienthong.LienthongError)
    assert e.value.details["kind"] == "session"
    assert e.value.details["code"] == "401"
    assert "Zq9" not in str(e.value)
    good = lienthong.Gateway(sandbox, "99001", PASSWORD, max_attempts=1)
    with pytest.raises(lienthong.GatewayError) as e:
        good.submit(b"<GIAMDINHHS>")
    assert e.value.details["kind"] == "rejected"
    assert e.value.details["transient"] is False
    receipt = good.submit(data)
    assert receipt["code"] == "200" and receipt["ma_giao_dich"]


def test_card_check(sandbox: str) -> None:
    gw = lienthong.Gateway(
        sandbox,
        "99001",
        PASSWORD,
        officer_name="Trần Thị Tiếp Đón",
        officer_cccd="000000000000",
    )
    ok = gw.check_card("HC4999912345678", "Nguyễn Văn Mẫu", "01/01/1980")
    assert ok["code"] == "000" and ok["usable"] is True
    expired = gw.check_card("HT3999900000010", "Nguyễn Văn Mẫu", "01/01/1980")
    assert expired["code"] == "010" and expired["usable"] is False


def test_plain_http_to_a_remote_host_is_refused() -> None:
    with pytest.raises(lienthong.GatewayError) as e:
        lienthong.Gateway("http://egw.example.invalid", "99001", PASSWORD)
    assert e.value.details["kind"] == "config"
