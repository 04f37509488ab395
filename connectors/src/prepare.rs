//! Turning a hospital's export into the files the gateway takes: one `HOSO` per claim file
//! (BHXH guide §3.2), a check-in document per visit, each signed when a key is given.

use crate::bhxh::{FileKind, Generation};
use lienthong::codec::{CheckinDocument, EnvelopeHeader, EnvelopeWriter};
use lienthong::sign::{sign, Signer};
use lienthong::types::{Date, Field};
use lienthong::{EnvelopeReader, Hoso};
use std::fmt;

/// One file ready for the outbox.
#[derive(Clone)]
pub struct Prepared {
    pub kind: FileKind,
    pub generation: Generation,
    /// `MACSKCB` of the envelope.
    pub facility: String,
    pub ma_lk: String,
    /// 1-based position of the `HOSO` in the input.
    pub hoso_index: usize,
    /// The exact bytes to send.
    pub bytes: Vec<u8>,
}

impl fmt::Debug for Prepared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Prepared")
            .field("kind", &self.kind)
            .field("generation", &self.generation)
            .field("facility", &self.facility)
            .field("ma_lk", &self.ma_lk)
            .field("hoso_index", &self.hoso_index)
            .field("bytes", &self.bytes.len())
            .finish()
    }
}

/// Why an export could not be prepared.
#[derive(Debug, Clone, thiserror::Error)]
pub enum PrepareError {
    #[error(transparent)]
    Parse(#[from] lienthong::ParseError),
    #[error(transparent)]
    Write(#[from] lienthong::codec::WriteError),
    #[error(transparent)]
    Sign(#[from] lienthong::sign::SignError),
    #[error("HOSO {index}: thiếu XML1 hoặc MA_LK / missing XML1 or MA_LK")]
    NoMaLk { index: usize },
    #[error("tệp thiếu MACSKCB hợp lệ / the file has no valid MACSKCB")]
    NoFacility,
}

/// Splits a `GIAMDINHHS` file into one claim file per `HOSO`, each signed with `signer` when
/// given. A file that already holds a single signed `HOSO` is kept byte for byte when no signer
/// is given, so its signature stays valid.
pub fn claim_files(
    input: &[u8],
    signer: Option<&dyn Signer>,
) -> Result<Vec<Prepared>, PrepareError> {
    let mut reader = EnvelopeReader::new(input)?;
    let header = reader.header().clone();
    let facility = match &header.macskcb {
        Field::Value(f) => f.as_str().to_string(),
        _ => return Err(PrepareError::NoFacility),
    };
    let mut hosos = Vec::new();
    for h in reader.by_ref() {
        hosos.push(h?);
    }
    let keep_original = hosos.len() == 1 && signer.is_none() && reader.signature().is_some();
    let mut out = Vec::with_capacity(hosos.len());
    for (i, hoso) in hosos.iter().enumerate() {
        let index = i + 1;
        let ma_lk = hoso
            .ma_lk()
            .filter(|s| !s.is_empty())
            .ok_or(PrepareError::NoMaLk { index })?
            .to_string();
        let bytes = if keep_original {
            input.to_vec()
        } else {
            let single = single_envelope(&header, hoso)?;
            match signer {
                Some(s) => sign(&single, s)?,
                None => single,
            }
        };
        out.push(Prepared {
            kind: FileKind::Claim,
            generation: generation_of_hoso(hoso),
            facility: facility.clone(),
            ma_lk,
            hoso_index: index,
            bytes,
        });
    }
    Ok(out)
}

/// The check-in documents (`CHI_TIEU_TRANG_THAI_KCB`, one row each) for every visit of a
/// `GIAMDINHHS` file, from each visit's summary and first service. Emergency visits
/// (`MA_DOITUONG_KCB` 2) need none and are skipped, as are QĐ 130 (2023) visits, whose
/// generation had no check-in function.
pub fn checkin_files(
    input: &[u8],
    signer: Option<&dyn Signer>,
) -> Result<Vec<Prepared>, PrepareError> {
    let mut reader = EnvelopeReader::new(input)?;
    let facility = match &reader.header().macskcb {
        Field::Value(f) => f.as_str().to_string(),
        _ => return Err(PrepareError::NoFacility),
    };
    let mut out = Vec::new();
    for (i, h) in reader.by_ref().enumerate() {
        let hoso = h?;
        let index = i + 1;
        let generation = generation_of_hoso(&hoso);
        if generation == Generation::Qd130 || is_emergency(&hoso) {
            continue;
        }
        let Some(row) = lienthong::gen::checkin_for(&hoso) else {
            continue;
        };
        let ma_lk = hoso
            .ma_lk()
            .filter(|s| !s.is_empty())
            .ok_or(PrepareError::NoMaLk { index })?
            .to_string();
        let doc = CheckinDocument::new(vec![row]).to_bytes()?;
        let bytes = match signer {
            Some(s) => sign(&doc, s)?,
            None => doc,
        };
        out.push(Prepared {
            kind: FileKind::CheckIn,
            generation,
            facility: facility.clone(),
            ma_lk,
            hoso_index: index,
            bytes,
        });
    }
    Ok(out)
}

fn is_emergency(hoso: &Hoso) -> bool {
    hoso.xml1
        .as_ref()
        .and_then(|x| x.ma_doituong_kcb.value().map(|c| c.as_str().to_string()))
        .is_some_and(|c| c == "2")
}

fn generation_of_hoso(hoso: &Hoso) -> Generation {
    hoso.xml1
        .as_ref()
        .and_then(lienthong::validate::pack_for)
        .map_or(Generation::Qd3176, Generation::for_pack)
}

fn single_envelope(header: &EnvelopeHeader, hoso: &Hoso) -> Result<Vec<u8>, PrepareError> {
    let mut h = header.clone();
    h.soluonghoso = lienthong::types::Int::new(1).into();
    if !matches!(h.ngaylap, Field::Value(_)) {
        h.ngaylap = today().into();
    }
    let mut w = EnvelopeWriter::new(Vec::new(), &h)?;
    w.write_hoso(hoso)?;
    Ok(w.finish(None)?)
}

/// Today in Vietnam (UTC+7).
fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
        + 7 * 3600;
    let epoch = Date::new(1970, 1, 1).expect("valid constant date");
    epoch.add_days(secs.div_euclid(86_400)).unwrap_or(epoch)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lienthong::gen::{generate, GenOptions};

    #[test]
    fn splits_one_file_per_hoso_and_reads_back() {
        let file = generate(&GenOptions {
            hoso: 4,
            seed: 11,
            ..Default::default()
        });
        let parts = claim_files(&file, None).unwrap();
        assert_eq!(parts.len(), 4);
        let mut seen = std::collections::HashSet::new();
        for p in &parts {
            let env = lienthong::Envelope::from_bytes(&p.bytes).unwrap();
            assert_eq!(env.hosos.len(), 1);
            assert_eq!(env.hosos[0].ma_lk(), Some(p.ma_lk.as_str()));
            assert!(seen.insert(p.ma_lk.clone()));
        }
        let checkins = checkin_files(&file, None).unwrap();
        assert!(!checkins.is_empty());
        for c in &checkins {
            let doc = CheckinDocument::from_bytes(&c.bytes).unwrap();
            assert_eq!(doc.rows.len(), 1);
        }
    }

    #[test]
    fn today_is_a_real_date_after_2025() {
        assert!(today() > Date::new(2025, 1, 1).unwrap());
    }
}
