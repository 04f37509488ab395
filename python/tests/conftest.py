"""Shared helpers: the repository root, the `lienthong` command line, and generated files."""

from __future__ import annotations

import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Optional

import pytest

import lienthong

ROOT = Path(__file__).resolve().parents[2]


def cli_path() -> Optional[str]:
    """The `lienthong` binary: $LIENTHONG_CLI, target/release or target/debug, or PATH."""
    env = os.environ.get("LIENTHONG_CLI")
    if env:
        return env
    for profile in ("release", "debug"):
        p = ROOT / "target" / profile / "lienthong"
        if p.is_file():
            return str(p)
    return shutil.which("lienthong")


@pytest.fixture(scope="session")
def cli() -> str:
    path = cli_path()
    if path is None:
        pytest.skip("the lienthong command line is not built (cargo build -p lienthong-cli)")
    return path


def run_cli_json(cli: str, path: Path, *args: str) -> dict[str, object]:
    import json

    out = subprocess.run(
        [cli, "validate", "--format", "json", *args, str(path)],
        check=False,
        capture_output=True,
    )
    assert out.returncode in (0, 1), out.stderr.decode("utf-8", "replace")
    result: dict[str, object] = json.loads(out.stdout)
    return result


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated, valid envelope of 5 HOSO on disk."""
    p = tmp_path_factory.mktemp("gen") / "visits.xml"
    p.write_bytes(lienthong.gen(hoso=5, seed=11))
    return p


@pytest.fixture(scope="session")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated envelope whose first drug line has a wrong total."""
    hosos = list(lienthong.read(lienthong.gen(hoso=3, seed=5)))
    first = hosos[0]
    line = first.xml2[0].to_dict()
    total = line["thanh_tien_bv"]
    assert isinstance(total, Decimal)
    line["thanh_tien_bv"] = total + 1000
    bad = lienthong.build("XML2", line, check=False)
    tables = {name.lower(): first.table(name) for name in first.tables}
    tables["xml2"] = [bad, *first.xml2[1:]]
    flat = {"xml1", "xml7", "xml8", "xml10", "xml11", "xml13", "xml14"}
    kwargs = {k: (v[0] if k in flat else v) for k, v in tables.items()}
    hosos[0] = lienthong.Hoso(**kwargs)
    p = tmp_path_factory.mktemp("broken") / "broken.xml"
    p.write_bytes(lienthong.write(hosos, macskcb="79001", ngaylap="20250328"))
    return p
