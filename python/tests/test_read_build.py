from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

import lienthong


def test_read_streams_hosos(sample: Path) -> None:
    reader = lienthong.read(sample)
    assert reader.header["macskcb"] == "79001"
    assert reader.header["soluonghoso"] == "5"
    first = next(reader)
    assert reader.hoso_read == 1
    rest = list(reader)
    assert len(rest) == 4
    assert first.index == 1 and rest[-1].index == 5


def test_fields_as_attributes(sample: Path) -> None:
    h = next(iter(lienthong.read(sample)))
    assert h.xml1 is not None
    assert isinstance(h.xml1.ma_lk, str)
    assert h.ma_lk == h.xml1.ma_lk == h.xml1["MA_LK"]
    assert h.xml1.ma_cskcb == "79001"
    assert h.xml2, "generated visits have drug lines"
    line = h.xml2[0]
    assert isinstance(line.thanh_tien_bv, Decimal)
    assert isinstance(line.stt, int)
    assert isinstance(h.xml1.ngay_vao, str) and len(h.xml1.ngay_vao) == 12
    assert isinstance(lienthong.to_datetime(h.xml1.ngay_vao), dt.datetime)
    assert "thanh_tien_bv" in line.keys()
    assert line.table == "XML2"
    assert "XML1" in h.tables and "XML2" in h.tables
    with pytest.raises(AttributeError):
        _ = line.no_such_field
    with pytest.raises(KeyError):
        _ = line["NO_SUCH_FIELD"]


def test_to_dict(sample: Path) -> None:
    h = next(iter(lienthong.read(sample)))
    d = h.to_dict()
    assert d["xml1"]["ma_lk"] == h.ma_lk
    assert isinstance(d["xml2"], list) and d["xml2"][0] == h.xml2[0].to_dict()
    assert d["xml7"] is None or isinstance(d["xml7"], dict)
    w = h.xml2[0].to_dict(wire=True)
    assert all(v is None or isinstance(v, str) for v in w.values())


def test_leading_zeros_kept() -> None:
    rec = lienthong.build("XML1", {"ma_lk": "000123", "ma_bn": "007"}, check=False)
    assert rec.ma_lk == "000123"
    assert rec.ma_bn == "007"


def test_round_trip_bytes(sample: Path) -> None:
    data = sample.read_bytes()
    reader = lienthong.read(data)
    hosos = list(reader)
    out = lienthong.write(hosos, macskcb=reader.header["macskcb"], ngaylap=reader.header["ngaylap"])
    assert out == data
    again = list(lienthong.read(out))
    assert again == hosos


def test_round_trip_through_dicts(sample: Path) -> None:
    h = next(iter(lienthong.read(sample)))
    assert h.xml1 is not None
    rebuilt = lienthong.Hoso(
        xml1=lienthong.build("XML1", h.xml1.to_dict()),
        xml2=[lienthong.build("XML2", r.to_dict()) for r in h.xml2],
        xml3=[lienthong.build("XML3", r.to_dict()) for r in h.xml3],
    )
    assert rebuilt.xml1 == h.xml1
    assert rebuilt.xml2 == h.xml2
    assert rebuilt.index is None


def test_build_values() -> None:
    rec = lienthong.build(
        "XML2",
        {"STT": 1, "don_gia": Decimal("1500.50"), "ngay_yl": dt.datetime(2025, 3, 1, 8, 30)},
        check=False,
    )
    assert rec.stt == 1
    assert rec.don_gia == Decimal("1500.50")
    assert rec.ngay_yl == "202503010830"
    with pytest.raises(TypeError):
        lienthong.build("XML2", {"don_gia": 1.5}, check=False)  # type: ignore[dict-item]


def test_build_raises_validation_error() -> None:
    with pytest.raises(lienthong.ValidationError) as info:
        lienthong.build("XML1", {"ma_lk": "LK1"})
    err = info.value
    assert isinstance(err, lienthong.LienthongError) and isinstance(err, ValueError)
    assert err.issues and err.errors
    assert any(i.rule == "field.required" for i in err.issues)
    assert all(isinstance(i, lienthong.Issue) for i in err.issues)


def test_build_unknown_field() -> None:
    with pytest.raises(lienthong.UnknownFieldError):
        lienthong.build("XML2", {"no_such": "1"}, check=False)
    with pytest.raises(ValueError):
        lienthong.build("XML99", {})


def test_hoso_checks_tables() -> None:
    rec = lienthong.build("XML2", {"stt": 1}, check=False)
    with pytest.raises(ValueError):
        lienthong.Hoso(xml3=[rec])
    with pytest.raises(TypeError):
        lienthong.Hoso(xml12=[rec])


def test_to_dataframe(sample: Path) -> None:
    pd = pytest.importorskip("pandas")
    hosos = list(lienthong.read(sample))
    df = lienthong.to_dataframe(hosos, table="XML2")
    assert isinstance(df, pd.DataFrame)
    assert len(df) == sum(len(h.xml2) for h in hosos)
    assert list(df.columns)[:2] == ["ma_lk", "stt"]
    assert isinstance(df["thanh_tien_bv"].iloc[0], Decimal)
    assert isinstance(df["ma_lk"].iloc[0], str)


def test_gen_is_deterministic() -> None:
    assert lienthong.gen(hoso=3, seed=2) == lienthong.gen(hoso=3, seed=2)
    assert lienthong.gen(hoso=3, seed=2) != lienthong.gen(hoso=3, seed=3)
