//! Dates and times in the wire forms of QĐ 130: `yyyyMMdd`, `yyyyMMddHHmm`, and birth dates whose
//! `MMdd` or `HHmm` may be `0000` when unknown. Every value is a real calendar date; the wire form
//! is written back exactly.

use super::field::{FormatError, Kind, Wire};
use std::fmt;

const DATE: FormatError = FormatError::new(
    "ngày thật theo dạng yyyyMMdd",
    "a real calendar date in the form yyyyMMdd",
);
const DATE_TIME: FormatError = FormatError::new(
    "thời điểm thật theo dạng yyyyMMddHHmm",
    "a real date and time in the form yyyyMMddHHmm",
);
const BIRTH_DT: FormatError = FormatError::new(
    "ngày sinh dạng yyyyMMddHHmm (MMdd hoặc HHmm là 0000 khi không rõ)",
    "a birth date yyyyMMddHHmm (MMdd or HHmm may be 0000 when unknown)",
);
const BIRTH_D: FormatError = FormatError::new(
    "ngày sinh dạng yyyyMMdd (MMdd là 0000 khi không rõ)",
    "a birth date yyyyMMdd (MMdd may be 0000 when unknown)",
);
const DATE_OR_DT: FormatError = FormatError::new(
    "ngày dạng yyyyMMdd hoặc thời điểm dạng yyyyMMddHHmm",
    "a date yyyyMMdd or a date and time yyyyMMddHHmm",
);

fn digits(b: &[u8]) -> Option<u32> {
    if b.iter().all(u8::is_ascii_digit) {
        Some(b.iter().fold(0, |acc, &d| acc * 10 + u32::from(d - b'0')))
    } else {
        None
    }
}

/// Appends `n` in decimal, left-padded with zeros to `width` digits (what `{:0width$}` writes,
/// without the formatting machinery: dates are written for every field checked).
fn push_padded(out: &mut String, n: u32, width: usize) {
    let mut buf = [b'0'; 10];
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let start = i.min(buf.len() - width.min(buf.len()));
    for &b in &buf[start..] {
        out.push(char::from(b));
    }
}

/// Days in `month` of `year` (proleptic Gregorian).
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// A calendar date (`yyyyMMdd`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// A real calendar date, or `None`. Years 1000-9999 (the wire form has four digits).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        ((1000..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month))
        .then_some(Date { year, month, day })
    }
    /// Year.
    pub fn year(self) -> u16 {
        self.year
    }
    /// Month 1-12.
    pub fn month(self) -> u8 {
        self.month
    }
    /// Day of the month.
    pub fn day(self) -> u8 {
        self.day
    }
    /// Days since 0000-03-01 (for differences between dates).
    pub fn day_number(self) -> i64 {
        let (y, m) = if self.month <= 2 {
            (i64::from(self.year) - 1, i64::from(self.month) + 9)
        } else {
            (i64::from(self.year), i64::from(self.month) - 3)
        };
        365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + i64::from(self.day) - 1
    }
    /// The date `n` days later.
    pub fn add_days(self, n: i64) -> Option<Self> {
        Self::from_day_number(self.day_number() + n)
    }
    fn from_day_number(n: i64) -> Option<Self> {
        let y0 = (10000 * n + 14780) / 3652425;
        let mut y = y0;
        let mut ddd = n - (365 * y + y / 4 - y / 100 + y / 400);
        if ddd < 0 {
            y -= 1;
            ddd = n - (365 * y + y / 4 - y / 100 + y / 400);
        }
        let mi = (100 * ddd + 52) / 3060;
        let mm = (mi + 2) % 12 + 1;
        let yy = y + (mi + 2) / 12;
        let dd = ddd - (mi * 306 + 5) / 10 + 1;
        Date::new(u16::try_from(yy).ok()?, mm as u8, dd as u8)
    }
    fn parse8(b: &[u8]) -> Option<Self> {
        if b.len() != 8 {
            return None;
        }
        Date::new(
            digits(&b[..4])? as u16,
            digits(&b[4..6])? as u8,
            digits(&b[6..8])? as u8,
        )
    }
    fn write8(self, out: &mut String) {
        push_padded(out, self.year.into(), 4);
        push_padded(out, self.month.into(), 2);
        push_padded(out, self.day.into(), 2);
    }
}

impl Wire for Date {
    const KIND: Kind = Kind::Date;
    fn parse_wire(s: &str) -> Result<Self, FormatError> {
        Date::parse8(s.as_bytes()).ok_or(DATE)
    }
    fn write_wire(&self, out: &mut String) {
        self.write8(out)
    }
}

/// A date and a time of day to the minute (`yyyyMMddHHmm`, local time).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime {
    date: Date,
    hour: u8,
    minute: u8,
}

impl DateTime {
    /// A real date and time, or `None`.
    pub fn new(year: u16, month: u8, day: u8, hour: u8, minute: u8) -> Option<Self> {
        (hour < 24 && minute < 60).then_some(())?;
        Some(DateTime {
            date: Date::new(year, month, day)?,
            hour,
            minute,
        })
    }
    /// The date part.
    pub fn date(self) -> Date {
        self.date
    }
    /// Hour 0-23.
    pub fn hour(self) -> u8 {
        self.hour
    }
    /// Minute 0-59.
    pub fn minute(self) -> u8 {
        self.minute
    }
    /// Minutes since 0000-03-01 00:00.
    pub fn minute_number(self) -> i64 {
        self.date.day_number() * 1440 + i64::from(self.hour) * 60 + i64::from(self.minute)
    }
    /// The time `n` minutes later.
    pub fn add_minutes(self, n: i64) -> Option<Self> {
        let total = self.minute_number() + n;
        let date = Date::from_day_number(total.div_euclid(1440))?;
        let rem = total.rem_euclid(1440);
        Some(DateTime {
            date,
            hour: (rem / 60) as u8,
            minute: (rem % 60) as u8,
        })
    }
    fn parse12(b: &[u8]) -> Option<Self> {
        if b.len() != 12 {
            return None;
        }
        let date = Date::parse8(&b[..8])?;
        let (hour, minute) = (digits(&b[8..10])? as u8, digits(&b[10..12])? as u8);
        (hour < 24 && minute < 60).then_some(DateTime { date, hour, minute })
    }
}

impl Wire for DateTime {
    const KIND: Kind = Kind::DateTime;
    fn parse_wire(s: &str) -> Result<Self, FormatError> {
        DateTime::parse12(s.as_bytes()).ok_or(DATE_TIME)
    }
    fn write_wire(&self, out: &mut String) {
        self.date.write8(out);
        push_padded(out, self.hour.into(), 2);
        push_padded(out, self.minute.into(), 2);
    }
}

/// A birth date and time (`yyyyMMddHHmm`). `MMdd` is `0000` when only the year is known and
/// `HHmm` is `0000` when the time is unknown (or midnight).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct BirthDateTime {
    year: u16,
    /// Month and day, or `None` when written as `0000`.
    month_day: Option<(u8, u8)>,
    hour: u8,
    minute: u8,
}

impl BirthDateTime {
    /// Year of birth.
    pub fn year(self) -> u16 {
        self.year
    }
    /// The full date when month and day are known.
    pub fn date(self) -> Option<Date> {
        self.month_day.and_then(|(m, d)| Date::new(self.year, m, d))
    }
    /// The date and time when month and day are known (`HHmm` `0000` reads as midnight).
    pub fn date_time(self) -> Option<DateTime> {
        self.month_day
            .and_then(|(m, d)| DateTime::new(self.year, m, d, self.hour, self.minute))
    }
    /// A birth date with a known date and time.
    pub fn from_date_time(dt: DateTime) -> Self {
        let d = dt.date();
        BirthDateTime {
            year: d.year(),
            month_day: Some((d.month(), d.day())),
            hour: dt.hour(),
            minute: dt.minute(),
        }
    }
    /// A birth date of which only the year is known (`yyyy00000000`).
    pub fn year_only(year: u16) -> Option<Self> {
        (1000..=9999).contains(&year).then_some(BirthDateTime {
            year,
            month_day: None,
            hour: 0,
            minute: 0,
        })
    }
}

impl Wire for BirthDateTime {
    const KIND: Kind = Kind::BirthDateTime;
    const SENSITIVE: bool = true;
    fn parse_wire(s: &str) -> Result<Self, FormatError> {
        let b = s.as_bytes();
        if b.len() != 12 {
            return Err(BIRTH_DT);
        }
        let year = digits(&b[..4]).ok_or(BIRTH_DT)? as u16;
        let (hour, minute) = (
            digits(&b[8..10]).ok_or(BIRTH_DT)? as u8,
            digits(&b[10..12]).ok_or(BIRTH_DT)? as u8,
        );
        if hour >= 24 || minute >= 60 || year < 1000 {
            return Err(BIRTH_DT);
        }
        let month_day = if &b[4..8] == b"0000" {
            None
        } else {
            let d = Date::parse8(&b[..8]).ok_or(BIRTH_DT)?;
            Some((d.month(), d.day()))
        };
        Ok(BirthDateTime {
            year,
            month_day,
            hour,
            minute,
        })
    }
    fn write_wire(&self, out: &mut String) {
        let (m, d) = self.month_day.unwrap_or((0, 0));
        push_padded(out, self.year.into(), 4);
        push_padded(out, m.into(), 2);
        push_padded(out, d.into(), 2);
        push_padded(out, self.hour.into(), 2);
        push_padded(out, self.minute.into(), 2);
    }
}

/// A birth date (`yyyyMMdd`) whose `MMdd` is `0000` when only the year is known.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct BirthDate {
    year: u16,
    month_day: Option<(u8, u8)>,
}

impl BirthDate {
    /// Year of birth.
    pub fn year(self) -> u16 {
        self.year
    }
    /// The full date when month and day are known.
    pub fn date(self) -> Option<Date> {
        self.month_day.and_then(|(m, d)| Date::new(self.year, m, d))
    }
    /// A birth date from a full date.
    pub fn from_date(d: Date) -> Self {
        BirthDate {
            year: d.year(),
            month_day: Some((d.month(), d.day())),
        }
    }
}

impl Wire for BirthDate {
    const KIND: Kind = Kind::BirthDate;
    const SENSITIVE: bool = true;
    fn parse_wire(s: &str) -> Result<Self, FormatError> {
        let b = s.as_bytes();
        if b.len() != 8 {
            return Err(BIRTH_D);
        }
        let year = digits(&b[..4]).ok_or(BIRTH_D)? as u16;
        if year < 1000 {
            return Err(BIRTH_D);
        }
        if &b[4..8] == b"0000" {
            return Ok(BirthDate {
                year,
                month_day: None,
            });
        }
        let d = Date::parse8(b).ok_or(BIRTH_D)?;
        Ok(BirthDate::from_date(d))
    }
    fn write_wire(&self, out: &mut String) {
        let (m, d) = self.month_day.unwrap_or((0, 0));
        push_padded(out, self.year.into(), 4);
        push_padded(out, m.into(), 2);
        push_padded(out, d.into(), 2);
    }
}

/// `NGAY_MIEN_CCT`: a date (`yyyyMMdd`, with an exemption certificate) or a date and time
/// (`yyyyMMddHHmm`, computed per QĐ 6556).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateOrDateTime {
    /// 8 characters.
    Date(Date),
    /// 12 characters.
    DateTime(DateTime),
}

impl DateOrDateTime {
    /// The date part.
    pub fn date(self) -> Date {
        match self {
            DateOrDateTime::Date(d) => d,
            DateOrDateTime::DateTime(dt) => dt.date(),
        }
    }
}

impl Wire for DateOrDateTime {
    const KIND: Kind = Kind::DateOrDateTime;
    fn parse_wire(s: &str) -> Result<Self, FormatError> {
        let b = s.as_bytes();
        match b.len() {
            8 => Date::parse8(b).map(DateOrDateTime::Date),
            12 => DateTime::parse12(b).map(DateOrDateTime::DateTime),
            _ => None,
        }
        .ok_or(DATE_OR_DT)
    }
    fn write_wire(&self, out: &mut String) {
        match self {
            DateOrDateTime::Date(d) => d.write_wire(out),
            DateOrDateTime::DateTime(dt) => dt.write_wire(out),
        }
    }
}

macro_rules! debug_wire {
    ($($t:ident),*) => {$(
        impl fmt::Debug for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                if <$t as Wire>::SENSITIVE {
                    return write!(f, "{}([redacted])", stringify!($t));
                }
                let mut s = String::new();
                self.write_wire(&mut s);
                write!(f, "{}({})", stringify!($t), s)
            }
        }
    )*};
}
debug_wire!(Date, DateTime, BirthDateTime, BirthDate);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padded_digits_are_those_of_format() {
        for n in [
            0u32,
            1,
            7,
            9,
            10,
            59,
            99,
            100,
            999,
            1000,
            2025,
            9999,
            10000,
            123456,
            u32::MAX,
        ] {
            for width in [2usize, 4] {
                let mut s = String::new();
                push_padded(&mut s, n, width);
                assert_eq!(s, format!("{n:0width$}"));
            }
        }
    }

    fn rt<T: Wire>(s: &str) -> String {
        let mut out = String::new();
        T::parse_wire(s).unwrap().write_wire(&mut out);
        out
    }

    #[test]
    fn dates_are_real_calendar_dates() {
        assert_eq!(rt::<Date>("20240229"), "20240229");
        assert!(Date::parse_wire("20230229").is_err());
        assert!(Date::parse_wire("20231301").is_err());
        assert!(Date::parse_wire("2023010").is_err());
        assert!(Date::parse_wire("2023-1-01").is_err());
        assert_eq!(rt::<DateTime>("202503100800"), "202503100800");
        assert!(DateTime::parse_wire("202503102400").is_err());
        assert!(DateTime::parse_wire("202503101260").is_err());
    }

    #[test]
    fn birth_dates_allow_unknown_parts() {
        assert_eq!(rt::<BirthDateTime>("198500000000"), "198500000000");
        assert_eq!(rt::<BirthDateTime>("198504150000"), "198504150000");
        assert!(BirthDateTime::parse_wire("198504000000").is_err());
        assert!(BirthDateTime::parse_wire("198513010000").is_err());
        assert_eq!(
            BirthDateTime::parse_wire("198500000000").unwrap().date(),
            None
        );
        assert_eq!(rt::<BirthDate>("19850000"), "19850000");
        assert!(Date::parse_wire("19850000").is_err());
    }

    #[test]
    fn day_arithmetic() {
        let a = Date::new(2024, 2, 28).unwrap();
        assert_eq!(a.add_days(1), Date::new(2024, 2, 29));
        assert_eq!(a.add_days(2), Date::new(2024, 3, 1));
        assert_eq!(
            Date::new(2025, 1, 1).unwrap().day_number()
                - Date::new(2024, 1, 1).unwrap().day_number(),
            366
        );
        let t = DateTime::new(2024, 12, 31, 23, 50).unwrap();
        assert_eq!(t.add_minutes(15), DateTime::new(2025, 1, 1, 0, 5));
        for n in [0i64, 1, 59, 1000, 36524, 146097, 800_000] {
            let d = Date::new(1900, 1, 1).unwrap();
            assert_eq!(d.add_days(n).unwrap().day_number() - d.day_number(), n);
        }
    }

    #[test]
    fn birth_dates_are_redacted() {
        let b = BirthDateTime::parse_wire("198504150000").unwrap();
        assert!(!format!("{b:?}").contains("1985"));
    }
}
