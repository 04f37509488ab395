//! Linking rules: `MA_LK` in every table, `STT` sequences, fields copied from XML1, and which
//! tables a visit type requires or forbids (xml130.md ENV-5, ENV-7, ENV-11, ENV-12).

use super::Cross;
use crate::hoso::TableVisitor;
use crate::record::{Record, TableId};
use crate::tables::{reexam, referral, Summary};
use crate::types::codes::{MaLoaiKcb, MaLoaiRv, MaNhom};
use crate::validate::Pack;

struct Links<'c, 'a> {
    c: &'c mut Cross<'a>,
    ma_lk: String,
}

/// The elements the BHXH sheet requires to equal XML1 when given (CTN4750 VALID notes of XML13,
/// XML14 and XML15). `MA_TTDV` is left out: the signer of a paper may differ from the head of the
/// facility in XML1.
fn copied(table: TableId) -> &'static [&'static str] {
    match table {
        TableId::Xml13 => referral::COPIED_FROM_XML1,
        TableId::Xml14 => reexam::COPIED_FROM_XML1,
        TableId::Xml15 => &["HO_TEN", "SO_CCCD", "MA_CSKCB"],
        // The same episode: XML8 is the record summary of the visit XML1 describes (xml130.md
        // ENV-12; implied by the dictionary, stated nowhere).
        TableId::Xml8 => &["MA_LOAI_KCB"],
        // The XML6 notes name these; its MA_THE_BHYT and SO_CCCD have no such note.
        TableId::Xml6 => &[
            "NGAY_SINH",
            "GIOI_TINH",
            "DIA_CHI",
            "MATINH_CU_TRU",
            "MAHUYEN_CU_TRU",
            "MAXA_CU_TRU",
            "MA_CSKCB",
        ],
        _ => &[],
    }
}

/// Copied elements whose name differs from XML1's: XML13 PP_DIEUTRI is XML1 PP_DIEU_TRI (the
/// XML13 description says "use XML1 PP_DIEUTRI", an element XML1 does not have). QĐ 3176 rewords
/// it as the methods, procedures and drugs used, so a difference is only a warning there.
/// The QĐ 3176 layout of XML13 names the destination MA_CSKCB_DEN (an error when it differs, as
/// MA_NOI_DEN in the 4750 layout).
/// XML7 MA_YTE is "the health code, taken from the patient code of XML1 MA_BN" (the decision's
/// description of MA_YTE, unchanged since QĐ 130). The gateway sheet has no note on it, so a
/// difference is only a warning.
fn renamed(table: TableId) -> &'static [(&'static str, &'static str)] {
    match table {
        TableId::Xml13 => &[
            ("PP_DIEUTRI", "PP_DIEU_TRI"),
            ("MA_CSKCB_DEN", "MA_NOI_DEN"),
        ],
        TableId::Xml7 => &[("MA_YTE", "MA_BN")],
        _ => &[],
    }
}

/// Copied elements whose difference is a warning: no gateway note requires them to be equal.
fn warn_only(el: &str, pack: Pack) -> bool {
    (el == "PP_DIEUTRI" && pack == Pack::Qd3176) || el == "MA_YTE"
}

/// Text compared the way a person reads it: trimmed, in precomposed Unicode.
fn same_text(a: &str, b: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    a.trim() == b.trim() || a.trim().nfc().eq(b.trim().nfc())
}

impl<'c, 'a> Links<'c, 'a> {
    fn visit_rows<R: Record>(&mut self, rows: &[R], summary: &Summary) {
        if R::TABLE == TableId::Xml1 {
            return;
        }
        let copies = copied(R::TABLE);
        let mut stt_broken = false;
        for (i, r) in rows.iter().enumerate() {
            if let Some(lk) = r.ma_lk() {
                if *lk != *self.ma_lk {
                    self.c.error(
                        r,
                        i,
                        "hoso.ma_lk.mismatch",
                        "MA_LK",
                        format!(
                            "MA_LK của {} khác MA_LK của XML1 ({})",
                            R::TABLE,
                            self.ma_lk
                        ),
                        format!(
                            "MA_LK of {} differs from the MA_LK of XML1 ({})",
                            R::TABLE,
                            self.ma_lk
                        ),
                    );
                }
            }
            if R::index_of("STT").is_some() && !stt_broken {
                let expected = (i + 1).to_string();
                if r.stt().as_deref() != Some(expected.as_str()) {
                    stt_broken = true;
                    self.c.warning(
                        r,
                        i,
                        "hoso.stt.sequence",
                        "STT",
                        format!(
                            "STT của {} phải tăng dần từ 1: dòng {} cần STT = {expected}",
                            R::TABLE,
                            i + 1
                        ),
                        format!(
                            "STT of {} must run 1, 2, 3...: row {} needs STT = {expected}",
                            R::TABLE,
                            i + 1
                        ),
                    );
                }
            }
            let pairs = copies
                .iter()
                .filter(|e| !matches!(**e, "MA_LK" | "MA_TTDV"))
                .map(|e| (*e, *e))
                .chain(renamed(R::TABLE).iter().copied());
            for (el, src) in pairs {
                let (Some(mine), Some(theirs)) = (r.get(el), summary.get(src)) else {
                    continue;
                };
                if !mine.is_absent()
                    && !theirs.is_absent()
                    && !same_text(&mine.wire(), &theirs.wire())
                {
                    let vi = format!("{el} của {} phải giống {src} của XML1", R::TABLE);
                    let en = format!("{el} of {} must equal {src} of XML1", R::TABLE);
                    if warn_only(el, self.c.pack) {
                        self.c
                            .warning(r, i, "hoso.copied_field.mismatch", el, vi, en);
                    } else {
                        self.c.error(r, i, "hoso.copied_field.mismatch", el, vi, en);
                    }
                }
            }
            if R::TABLE == TableId::Xml13 {
                self.referred_from(r, i, summary);
            }
        }
    }

    /// QĐ 3176 XML13 MA_CSKCB_DI lists the facilities the patient came through; XML1 MA_NOI_DI
    /// should be one of them (a warning: the list may be longer than what XML1 records).
    fn referred_from<R: Record>(&mut self, r: &R, i: usize, summary: &Summary) {
        let (Some(list), Some(from)) = (r.get("MA_CSKCB_DI"), summary.ma_noi_di.value()) else {
            return;
        };
        if list.is_absent() || list.is_invalid() {
            return;
        }
        let from = from.as_str();
        if !list.wire().split(';').any(|f| f == from) {
            self.c.warning(
                r,
                i,
                "hoso.copied_field.mismatch",
                "MA_CSKCB_DI",
                format!(
                    "MA_CSKCB_DI của {} không có MA_NOI_DI của XML1 ({from})",
                    R::TABLE
                ),
                format!(
                    "MA_CSKCB_DI of {} does not list XML1 MA_NOI_DI ({from})",
                    R::TABLE
                ),
            );
        }
    }
}

struct Visit<'l, 'c, 'a> {
    links: &'l mut Links<'c, 'a>,
    summary: &'l Summary,
}

impl TableVisitor for Visit<'_, '_, '_> {
    fn visit<R: Record>(&mut self, rows: &[R]) {
        self.links.visit_rows(rows, self.summary);
    }
}

pub(super) fn check(c: &mut Cross<'_>, summary: &Summary) {
    let hoso = c.hoso;
    if let Some(lk) = hoso.ma_lk() {
        let mut links = Links {
            c: &mut *c,
            ma_lk: lk.to_owned(),
        };
        hoso.visit_tables(&mut Visit {
            links: &mut links,
            summary,
        });
    }
    presence(c, summary);
}

/// Which tables the visit type and discharge type require or forbid.
fn presence(c: &mut Cross<'_>, s: &Summary) {
    let hoso = c.hoso;
    let kcb = s.ma_loai_kcb.value().filter(|k| k.is_known());
    let rv = s.ma_loai_rv.value().filter(|k| k.is_known());
    let kcb_code = kcb.map(|k| k.code().to_owned()).unwrap_or_default();
    if let Some(k) = kcb {
        // BHXH (4750): XML8 only for 03, 04, 06; QĐ 3176 widened it to every treatment episode.
        use MaLoaiKcb::*;
        let (allowed, list) = if c.pack == Pack::Qd3176 {
            (
                matches!(
                    k,
                    NgoaiTru
                        | NoiTru
                        | NoiTruBanNgay
                        | NgoaiTruManTinh
                        | LuuTramYte
                        | NgoaiTruManTinhDvkt
                        | NoiTruDuoi4Gio
                ),
                "02, 03, 04, 05, 06, 08, 09",
            )
        } else {
            (
                matches!(k, NoiTru | NoiTruBanNgay | LuuTramYte),
                "03, 04, 06",
            )
        };
        // csv-notes.md row 128: an error under QĐ 130/4750; QĐ 3176 widened the list, and its
        // text does not say the gateway rejects other visit types, so there only a warning.
        let report = if c.pack == Pack::Qd3176 {
            Cross::warning::<crate::tables::Summary>
        } else {
            Cross::error::<crate::tables::Summary>
        };
        if hoso.has(TableId::Xml8) && !allowed {
            report(
                c,
                s,
                0,
                "hoso.xml8.visit_type",
                "MA_LOAI_KCB",
                format!(
                    "Theo {}, chỉ gửi Bảng 8 khi MA_LOAI_KCB là {list} (đang là {kcb_code})",
                    c.pack
                ),
                format!(
                    "under {}, XML8 is sent only when MA_LOAI_KCB is {list} (it is {kcb_code})",
                    c.pack
                ),
            );
        }
        if hoso.has(TableId::Xml5)
            && matches!(
                k,
                MaLoaiKcb::KhamBenh | MaLoaiKcb::NhanThuocTheoHen | MaLoaiKcb::Khac
            )
        {
            c.warning(
                s,
                0,
                "hoso.xml5.visit_type",
                "MA_LOAI_KCB",
                format!("Bảng 5 (diễn biến lâm sàng) không dùng cho MA_LOAI_KCB {kcb_code}"),
                format!("XML5 (clinical course) is not used for MA_LOAI_KCB {kcb_code}"),
            );
        }
        let stays = matches!(
            k,
            MaLoaiKcb::NoiTru | MaLoaiKcb::NoiTruBanNgay | MaLoaiKcb::NoiTruDuoi4Gio
        );
        if stays && !hoso.has(TableId::Xml7) && rv != Some(&MaLoaiRv::TronVien) {
            c.warning(
                s,
                0,
                "hoso.xml7.missing",
                "MA_LOAI_KCB",
                format!("Điều trị nội trú (MA_LOAI_KCB {kcb_code}) cần giấy ra viện (Bảng 7)"),
                format!(
                    "an inpatient episode (MA_LOAI_KCB {kcb_code}) needs a discharge paper (XML7)"
                ),
            );
        }
    }
    if let Some(r) = rv {
        let transfer = matches!(r, MaLoaiRv::ChuyenTuyen | MaLoaiRv::ChuyenTuyenTheoYeuCau);
        if hoso.has(TableId::Xml13) && !transfer {
            c.error(
                s,
                0,
                "hoso.xml13.discharge_type",
                "MA_LOAI_RV",
                format!(
                    "Chỉ gửi Bảng 13 khi MA_LOAI_RV là 2 hoặc 5 (đang là {})",
                    r.code()
                ),
                format!(
                    "XML13 is sent only when MA_LOAI_RV is 2 or 5 (it is {})",
                    r.code()
                ),
            );
        }
        if transfer && !hoso.has(TableId::Xml13) {
            c.warning(
                s,
                0,
                "hoso.xml13.missing",
                "MA_LOAI_RV",
                "Chuyển tuyến (MA_LOAI_RV 2 hoặc 5) cần giấy chuyển tuyến (Bảng 13)".into(),
                "a transfer (MA_LOAI_RV 2 or 5) needs a referral paper (XML13)".into(),
            );
        }
    }
    let paraclinical = hoso.xml3.iter().any(|l| {
        matches!(
            l.ma_nhom.value(),
            Some(MaNhom::XetNghiem | MaNhom::ChanDoanHinhAnh | MaNhom::ThamDoChucNang)
        )
    });
    if hoso.has(TableId::Xml4) && !paraclinical {
        c.warning(
            s,
            0,
            "hoso.xml4.without_service",
            "MA_LK",
            "Có Bảng 4 (kết quả cận lâm sàng) nhưng Bảng 3 không có dịch vụ cận lâm sàng (nhóm 1, 2, 3)".into(),
            "XML4 (paraclinical results) is present but XML3 has no paraclinical service (MA_NHOM 1, 2, 3)".into(),
        );
    }
}
