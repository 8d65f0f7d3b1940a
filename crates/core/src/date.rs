//! Calendar dates, `YYYY-MM-DD`: what a request types (deadlines, the application form) and
//! what the deadlines are.
//!
//! Calendar rule (SPEC §6): "within N days" adds N days; "within N months" adds N calendar
//! months and, when that day does not exist, takes the month's last day
//! (2026-11-30 + 3 months = 2027-02-28; 2027-11-30 + 3 months = 2028-02-29).
//! Years 0000–9999, proleptic Gregorian; "today" is never read. Dates are `time::Date` (no
//! default features): measured, it adds about 0.6 KB to the release wasm (0.3 KB gzip) over
//! a hand-written day count, and saves owning that code.

use serde::{Serialize, Serializer};
use std::fmt;

/// A calendar date, `YYYY-MM-DD`, year 0–9999 (a `time::Date` kept to four-digit years).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(time::Date);

/// Days in `month` (1–12) of `year`, Gregorian leap years; 0 for a month that does not exist.
#[must_use]
pub fn days_in_month(year: i32, month: u32) -> u32 {
    to_month(month).map_or(0, |m| u32::from(m.length(year)))
}

fn to_month(month: u32) -> Option<time::Month> {
    time::Month::try_from(u8::try_from(month).ok()?).ok()
}

impl Date {
    /// A real date in years 0–9999, or `None`.
    #[must_use]
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        if !(0..=9999).contains(&year) {
            return None;
        }
        time::Date::from_calendar_date(year, to_month(month)?, u8::try_from(day).ok()?).ok().map(Self)
    }

    /// Reads exactly `YYYY-MM-DD` (surrounding spaces allowed); `None` for anything else,
    /// including dates that do not exist (2026-02-30).
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let t = text.trim().as_bytes();
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = t.get(r)?;
            part.iter().try_fold(0u32, |acc, &b| b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0')))
        };
        if t.len() != 10 || t.get(4) != Some(&b'-') || t.get(7) != Some(&b'-') {
            return None;
        }
        let year = i32::try_from(digits(0..4)?).ok()?;
        Self::new(year, digits(5..7)?, digits(8..10)?)
    }

    /// Year.
    #[must_use]
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// Month 1–12.
    #[must_use]
    pub fn month(self) -> u32 {
        u32::from(u8::from(self.0.month()))
    }

    /// Day of the month.
    #[must_use]
    pub fn day(self) -> u32 {
        u32::from(self.0.day())
    }

    /// Days from `earlier` to this date (negative when this one comes first).
    #[must_use]
    pub fn days_since(self, earlier: Self) -> i64 {
        i64::from(self.0.to_julian_day()) - i64::from(earlier.0.to_julian_day())
    }

    /// This date plus `n` days; `None` past 9999-12-31.
    #[must_use]
    pub fn add_days(self, n: u32) -> Option<Self> {
        let d = self.0.checked_add(time::Duration::days(i64::from(n)))?;
        (d.year() <= 9999).then_some(Self(d))
    }

    /// This date plus `n` calendar months, clamped to the month's last day
    /// (01-31 + 1 month = 02-28, or 02-29 in a leap year); `None` past year 9999.
    /// (`time` has no month arithmetic: a month is not a fixed duration.)
    #[must_use]
    pub fn add_months(self, n: u32) -> Option<Self> {
        let index = i64::from(self.year()) * 12 + i64::from(self.month()) - 1 + i64::from(n);
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        let month = u32::try_from(index.rem_euclid(12)).ok()? + 1;
        Self::new(year, month, self.day().min(days_in_month(year, month)))
    }

    /// `YYYYMMDD`, as iCalendar writes a DATE.
    #[must_use]
    pub fn basic(self) -> String {
        format!("{:04}{:02}{:02}", self.year(), self.month(), self.day())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year(), self.month(), self.day())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_count_days_like_the_calendar() {
        let d = |s: &str| Date::parse(s);
        let epoch = d("1970-01-01");
        let since = |s: &str| d(s).zip(epoch).map(|(a, b)| a.days_since(b));
        assert_eq!(since("1970-01-01"), Some(0));
        assert_eq!(since("2000-03-01"), Some(11_017));
        // 2024 is a leap year: 2024-02-28 → 2024-03-01 is 2 days.
        assert_eq!(d("2024-03-01").zip(d("2024-02-28")).map(|(a, b)| a.days_since(b)), Some(2));
        for bad in ["2026-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "2026/01/01", "２０２６-01-01"] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2000-02-29").is_some());
        assert_eq!(Date::parse("2026-11-30").and_then(|x| x.add_months(3)).map(|x| x.to_string()).as_deref(), Some("2027-02-28"));
    }
}
