//! The sandbox clock and the date formats of the gateway.

use lienthong::types::Date;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The sandbox's own clock: real time plus an offset that tests move forward. Token expiry, card
/// validity and `thoiGianTiepNhan` all follow it. Clones share the same offset.
#[derive(Debug, Clone, Default)]
pub struct SandboxClock {
    offset: Arc<Mutex<Offset>>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Offset {
    ahead: Duration,
    behind: Duration,
}

impl SandboxClock {
    /// A clock that starts at the real time.
    pub fn new() -> Self {
        Self::default()
    }

    /// The sandbox's current time.
    pub fn now(&self) -> SystemTime {
        let o = *self.offset.lock().unwrap_or_else(|e| e.into_inner());
        let t = SystemTime::now() + o.ahead;
        t.checked_sub(o.behind).unwrap_or(UNIX_EPOCH)
    }

    /// Moves the clock forward by `by`.
    pub fn advance(&self, by: Duration) {
        let mut o = self.offset.lock().unwrap_or_else(|e| e.into_inner());
        if o.behind >= by {
            o.behind -= by;
        } else {
            let behind = o.behind;
            o.ahead += by - behind;
            o.behind = Duration::ZERO;
        }
    }

    /// Sets the clock to `at` (it then runs on from there).
    pub fn set(&self, at: SystemTime) {
        let real = SystemTime::now();
        let mut o = self.offset.lock().unwrap_or_else(|e| e.into_inner());
        match at.duration_since(real) {
            Ok(ahead) => {
                *o = Offset {
                    ahead,
                    behind: Duration::ZERO,
                }
            }
            Err(e) => {
                *o = Offset {
                    ahead: Duration::ZERO,
                    behind: e.duration(),
                }
            }
        }
    }
}

/// Vietnam is UTC+7 all year.
pub(crate) const VN_OFFSET_SECS: i64 = 7 * 3600;

/// Seconds and nanoseconds since the Unix epoch (negative times clamp to the epoch).
pub(crate) fn unix(t: SystemTime) -> (i64, u32) {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => (d.as_secs() as i64, d.subsec_nanos()),
        Err(_) => (0, 0),
    }
}

/// A civil date-time (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Civil {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

/// Days since 1970-01-01 to a civil date, by the SDK's calendar.
pub(crate) fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let epoch = Date::new(1970, 1, 1).expect("valid constant date");
    match epoch.add_days(z) {
        Some(d) => (
            i64::from(d.year()),
            u32::from(d.month()),
            u32::from(d.day()),
        ),
        None => (1970, 1, 1),
    }
}

/// The civil time of `secs` since the epoch, shifted by `offset` seconds.
pub(crate) fn civil(secs: i64, offset: i64) -> Civil {
    let s = secs + offset;
    let (year, month, day) = civil_from_days(s.div_euclid(86_400));
    let rem = s.rem_euclid(86_400);
    Civil {
        year,
        month,
        day,
        hour: (rem / 3600) as u32,
        minute: (rem % 3600 / 60) as u32,
        second: (rem % 60) as u32,
    }
}

/// Vietnam local time of `t`.
pub(crate) fn vn(t: SystemTime) -> Civil {
    civil(unix(t).0, VN_OFFSET_SECS)
}

/// `yyyy-MM-ddTHH:mm:ss.fffffffZ` (UTC, 7 fractional digits), the .NET round-trip form.
pub(crate) fn dotnet_utc(t: SystemTime) -> String {
    let (secs, nanos) = unix(t);
    let c = civil(secs, 0);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:07}Z",
        c.year,
        c.month,
        c.day,
        c.hour,
        c.minute,
        c.second,
        nanos / 100
    )
}

/// `yyyyMMddHHmmss`, Vietnam local time.
pub(crate) fn vn_stamp(t: SystemTime) -> String {
    let c = vn(t);
    format!(
        "{:04}{:02}{:02}{:02}{:02}{:02}",
        c.year, c.month, c.day, c.hour, c.minute, c.second
    )
}

/// `yyyyMMddHHmm`, Vietnam local time.
pub(crate) fn vn_minute(t: SystemTime) -> String {
    let mut s = vn_stamp(t);
    s.truncate(12);
    s
}

/// `dd/MM/yyyy`, Vietnam local date.
pub(crate) fn vn_ddmmyyyy(t: SystemTime) -> String {
    let c = vn(t);
    format!("{:02}/{:02}/{:04}", c.day, c.month, c.year)
}

/// Windows FILETIME ticks (100 ns since 1601-01-01 UTC).
pub(crate) fn filetime_ticks(t: SystemTime) -> u64 {
    const EPOCH_DIFF_SECS: u64 = 11_644_473_600;
    let (secs, nanos) = unix(t);
    (secs as u64 + EPOCH_DIFF_SECS) * 10_000_000 + u64::from(nanos / 100)
}

/// Parses `dd/MM/yyyy` into (year, month, day), checking the calendar.
pub(crate) fn parse_ddmmyyyy(s: &str) -> Option<(i64, u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[2] != b'/' || b[5] != b'/' {
        return None;
    }
    let d: u32 = digits(&s[0..2])?;
    let m: u32 = digits(&s[3..5])?;
    let y: i64 = digits(&s[6..10])? as i64;
    (valid_date(y, m, d)).then_some((y, m, d))
}

pub(crate) fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

pub(crate) fn valid_date(y: i64, m: u32, d: u32) -> bool {
    (1000..=9999).contains(&y)
        && Date::new(
            y as u16,
            m.try_into().unwrap_or(0),
            d.try_into().unwrap_or(0),
        )
        .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_454), (2026, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert!(valid_date(2024, 2, 29) && !valid_date(2025, 2, 29) && !valid_date(2025, 13, 1));
        // 2017-11-13T03:41:20.1047187Z is FILETIME 131550180801047187.
        let t = UNIX_EPOCH + Duration::new(1_510_544_480, 104_718_700);
        assert_eq!(dotnet_utc(t), "2017-11-13T03:41:20.1047187Z");
        assert_eq!(filetime_ticks(t), 131_550_180_801_047_187);
        assert_eq!(vn_stamp(t), "20171113104120");
    }

    #[test]
    fn clock_moves() {
        let c = SandboxClock::new();
        let before = c.now();
        c.advance(Duration::from_secs(600));
        assert!(c.now().duration_since(before).unwrap() >= Duration::from_secs(600));
        c.set(UNIX_EPOCH + Duration::from_secs(1000));
        assert!(unix(c.now()).0 < 1010);
    }
}
