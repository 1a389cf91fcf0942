//! Calendar dates without a clock.
//!
//! The engine is told the as-of date; it never asks the system. A tiny own type keeps `chrono`
//! (and its timezone machinery) out of the browser bundle.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A proleptic Gregorian calendar date, ordered chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// Builds a date, or `None` if it does not exist (e.g. 2023-02-29) or lies outside 1900..=2200.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if !(1900..=2200).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days_in_month = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (day <= days_in_month).then_some(Date { year, month, day })
    }

    /// Parses the ISO form `YYYY-MM-DD` (exactly ten characters).
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u16> {
            s.get(r.clone())?.bytes().try_fold(0u16, |acc, c| {
                c.is_ascii_digit().then(|| acc * 10 + u16::from(c - b'0'))
            })
        };
        let year = digits(0..4)?;
        let month = u8::try_from(digits(5..7)?).ok()?;
        let day = u8::try_from(digits(8..10)?).ok()?;
        Date::new(year, month, day)
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The same day `n` years later; 29 February becomes 28 February in a common year. `None`
    /// past 2200.
    pub fn add_years(self, n: u16) -> Option<Date> {
        let year = self.year.checked_add(n)?;
        Date::new(year, self.month, self.day).or_else(|| Date::new(year, self.month, 28))
    }

    /// Days since 1970-01-01 (negative before): how far apart two dates are. Howard Hinnant's
    /// days-from-civil algorithm, exact over the whole range.
    pub fn day_number(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("invalid date {s:?}, expected YYYY-MM-DD"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_orders() {
        let a = Date::parse("2025-03-28").unwrap();
        let b = Date::parse("2025-03-29").unwrap();
        assert!(a < b);
        assert_eq!(b.to_string(), "2025-03-29");
    }

    #[test]
    fn counts_days_and_adds_years() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(d("1970-01-01").day_number(), 0);
        assert_eq!(
            d("2000-03-01").day_number() - d("2000-02-28").day_number(),
            2
        );
        assert_eq!(
            d("2027-01-01").day_number() - d("2026-01-01").day_number(),
            365
        );
        assert_eq!(d("2024-02-29").add_years(1), Some(d("2025-02-28")));
        assert_eq!(d("2026-06-01").add_years(1), Some(d("2027-06-01")));
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in [
            "2023-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-04-31",
            "25-03-29",
            "2025/03/29",
            "２０２５-03-29",
            "1899-12-31",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2024-02-29").is_some());
    }
}
